@testable import App
import Foundation
import Testing

/// `UploadFolder` is the one list of folders uploads are written to, which backups and
/// start-up's permissions walk: a folder under the data directory named anywhere else in the
/// sources (`dataDirectory + "/x"`, `"\(…dataDirectory)/x"`) would be one a backup forgets.
@Suite("upload folders")
struct UploadFolderTests {
    /// What else lives in the data directory: the data key's files and the default SQLite database.
    static let notUploads = ["data.key", "minzheng.sqlite"]

    @Test("every folder under the data directory that the sources name is an UploadFolder")
    func oneList() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../Sources"
        ).standardized
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" && $0.lastPathComponent != "UploadFolder.swift" }
        var named: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /dataDirectory\s*\+\s*"\/([^"\/\\]+)/) {
                named.append("\(file.lastPathComponent): \(match.1)")
            }
            for match in text.matches(of: /dataDirectory\)\/([^"\/\\]+)/) {
                named.append("\(file.lastPathComponent): \(match.1)")
            }
        }
        #expect(!named.isEmpty, "the scan finds the key file's path")
        let strays = named.filter { entry in
            let name = entry.split(separator: " ").last.map(String.init) ?? ""
            return !Self.notUploads.contains { name.hasPrefix($0) }
        }
        #expect(strays.isEmpty, "take these folders from UploadFolder: \(strays)")
    }

    @Test("start-up closes every upload folder to the server user")
    func restricted() throws {
        let folder = NSTemporaryDirectory() + "minzheng-uploads-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try AppConfig.fromEnvironment([
            "MINZHENG_DATA_DIR": folder, "DATABASE_URL": "sqlite:\(folder)/x.sqlite",
        ])
        for upload in UploadFolder.allCases {
            try FileManager.default.createDirectory(
                atPath: upload.path(config), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        }
        try PrivateFiles.restrict(config: config)
        for upload in UploadFolder.allCases {
            let mode = try FileManager.default.attributesOfItem(atPath: upload.path(config))[.posixPermissions] as? Int
            #expect(mode == 0o700, "\(upload.rawValue)")
        }
    }
}
