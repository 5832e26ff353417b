import Vapor

/// Streams a temporary export file as a download and removes it afterwards. Exports carry
/// personal data: no cache keeps a copy.
enum FileDownload {
    static func send(_ req: Request, path: String, name: String, type: String) async throws -> Response {
        let response = try await req.fileio.asyncStreamFile(
            at: path, onCompleted: { _ in try? FileManager.default.removeItem(atPath: path) })
        response.headers.replaceOrAdd(name: .contentType, value: type)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }
}
