import Crypto
import Foundation
import MinzhengCore

/// The uploaded files' part of a backup: every file under the `UploadFolder`s copied into
/// the backup's `FILE.files/` folder at the same relative path, each checked after copying
/// against the SHA-256 of what was read; and the way back, each file checked before anything
/// is written and again once in place.
enum UploadBackup {
    /// Copies every uploaded file under `dataDirectory` into `folder` (created, 0700; files 0600)
    /// and returns them sorted by path. A copy that does not read back as what was read throws.
    static func copy(from dataDirectory: String, to folder: String) throws -> [BackupFile] {
        let fm = FileManager.default
        try fm.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var files: [BackupFile] = []
        for upload in UploadFolder.allCases {
            let source = UploadFolder.path(upload.rawValue, under: dataDirectory)
            for relative in regularFiles(under: source) {
                // A file removed meanwhile was one whose database write failed (`StoredUpload.discard`).
                guard let data = fm.contents(atPath: source + "/" + relative) else { continue }
                let file = BackupFile(
                    path: upload.rawValue + "/" + relative, bytes: Int64(data.count),
                    sha256: hex(SHA256.hash(data: data)))
                try write(data, to: folder + "/" + file.path)
                guard let found = try? BackupService.digest(of: folder + "/" + file.path),
                    found == (file.sha256, file.bytes)
                else {
                    throw Refusal(.failed, "备份校验未通过 / backup check failed: 文件 \(file.path) 复制后与原文件不符")
                }
                files.append(file)
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The backup's files checked against the manifest before a restore writes anything: a
    /// missing, changed or out-of-folder file is refused, named.
    static func check(_ files: [BackupFile], in folder: String) throws {
        for file in files {
            guard file.isContained else {
                throw Refusal.invalid("file", "备份清单中的文件路径无效：\(file.path)")
            }
            guard let found = try? BackupService.digest(of: folder + "/" + file.path) else {
                throw Refusal.invalid("file", "备份中缺少文件 \(file.path) / file missing from the backup: \(file.path)")
            }
            guard found == (file.sha256, file.bytes) else {
                throw Refusal.invalid(
                    "file",
                    "备份中的文件 \(file.path) 与清单不符（已损坏或被改动）：SHA-256 \(found.0)，应为 \(file.sha256) / file \(file.path) differs from the manifest"
                )
            }
        }
    }

    /// The files that exist under `dataDirectory` with other contents than the backup's.
    static func conflicts(_ files: [BackupFile], in dataDirectory: String) -> [String] {
        files.filter { file in
            let target = dataDirectory + "/" + file.path
            guard FileManager.default.fileExists(atPath: target) else { return false }
            return (try? BackupService.digest(of: target)).map { $0 != (file.sha256, file.bytes) } ?? true
        }.map(\.path)
    }

    /// Puts the backup's files back under `dataDirectory` (each written aside and renamed) and
    /// checks every one in place; returns how many were written (identical ones are left).
    static func restore(_ files: [BackupFile], from folder: String, into dataDirectory: String) throws -> Int {
        var written = 0
        for file in files {
            let target = dataDirectory + "/" + file.path
            if let found = try? BackupService.digest(of: target), found == (file.sha256, file.bytes) { continue }
            guard let data = FileManager.default.contents(atPath: folder + "/" + file.path) else {
                throw Refusal.invalid("file", "无法读取备份中的文件 \(file.path)")
            }
            try write(data, to: target + ".partial")
            _ = try? FileManager.default.removeItem(atPath: target)
            try FileManager.default.moveItem(atPath: target + ".partial", toPath: target)
            guard let found = try? BackupService.digest(of: target), found == (file.sha256, file.bytes) else {
                throw Refusal(.failed, "恢复后的文件 \(file.path) 与备份清单不符 / restored file differs: \(file.path)")
            }
            written += 1
        }
        return written
    }

    /// The regular files under `folder`, relative to it (none when it does not exist).
    static func regularFiles(under folder: String) -> [String] {
        guard let walk = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        while let relative = walk.nextObject() as? String {
            if walk.fileAttributes?[.type] as? FileAttributeType == .typeRegular { found.append(relative) }
        }
        return found
    }

    private static func write(_ data: Data, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
        else { throw Refusal(.failed, "无法写入文件 \(path)") }
    }

    static func hex(_ digest: SHA256.Digest) -> String { digest.hexadecimal }
}
