import Vapor

/// The headers every answer carries (等保 baseline): no framing by other sites, no MIME
/// sniffing, no full URLs leaked to other sites, and a content policy that lets a page load
/// only this server's own files (the pages have no inline script or style). Behind TLS,
/// browsers are also told to keep to HTTPS.
struct SecurityHeaders: AsyncMiddleware {
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; "
        + "frame-ancestors 'none'; object-src 'none'"

    let behindTLS: Bool

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers: [(String, String)] =
            [
                ("Content-Security-Policy", Self.contentSecurityPolicy),
                ("X-Frame-Options", "DENY"),
                ("X-Content-Type-Options", "nosniff"),
                ("Referrer-Policy", "same-origin"),
            ] + (behindTLS ? [("Strict-Transport-Security", "max-age=31536000")] : [])
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        return response
    }
}
