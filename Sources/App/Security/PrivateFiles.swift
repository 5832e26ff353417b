#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Personal data on disk is the server user's alone: the database files, the key, the
/// applicants' documents, bank files and uploads. The file-creation mask makes every file
/// the process creates 0600 and every folder 0700 (SQLite creates its -wal and -shm files
/// itself, so asking for a mode file by file could not cover them); what an earlier
/// version left readable is closed at start-up.
enum PrivateFiles {
    static func restrict(config: AppConfig) throws {
        umask(0o077)
        let fm = FileManager.default
        try fm.createDirectory(atPath: config.dataDirectory, withIntermediateDirectories: true)
        let folders = [config.dataDirectory] + UploadFolder.allCases.map { $0.path(config) }
        var files: [String] = []
        // The database's own folder may be a shared one (sqlite:/srv/x.sqlite): only its files.
        if case .sqlite(let path) = config.database { files = [path, path + "-wal", path + "-shm"] }
        for folder in folders where !folder.isEmpty && fm.fileExists(atPath: folder) {
            chmod(folder, 0o700)
        }
        for file in files where fm.fileExists(atPath: file) {
            chmod(file, 0o600)
        }
    }
}
