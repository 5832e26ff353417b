import MinzhengCore
import Foundation
import Vapor

/// An uploaded CSV kept in a private temporary file while a job streams through it (the
/// importers read files, never whole uploads at once).
enum UploadedFile {
    /// Removed when `body` returns.
    static func withTemporaryCopy<T>(
        of file: File, named prefix: String, _ body: (String) async throws -> T
    ) async throws -> T {
        let path = try privateCopy(of: file, named: prefix)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try await body(path)
    }

    /// A copy readable by this process's user only; the caller removes it.
    static func privateCopy(of file: File, named prefix: String) throws -> String {
        let path = NSTemporaryDirectory() + "minzheng-\(prefix)-\(UUID().uuidString).csv"
        guard
            FileManager.default.createFile(
                atPath: path, contents: Data(buffer: file.data), attributes: [.posixPermissions: 0o600])
        else {
            throw Refusal(.failed, "无法保存上传的文件，请稍后重试")
        }
        return path
    }
}
