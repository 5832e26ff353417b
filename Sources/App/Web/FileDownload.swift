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

    /// A stored file answered from memory (a document, a photo): its type never sniffed into
    /// something else; personal files kept by no shared cache unless `cache` says otherwise.
    static func inline(
        _ data: Data, type: String, cache: String = "private, no-store", disposition: String? = nil
    ) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: type)
        if let disposition { response.headers.replaceOrAdd(name: .contentDisposition, value: disposition) }
        response.headers.replaceOrAdd(name: .cacheControl, value: cache)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return response
    }
}
