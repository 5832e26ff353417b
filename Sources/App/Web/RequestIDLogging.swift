import Vapor

/// Gives each request an id (echoed as `X-Request-ID`) that its log lines and audit
/// events carry, so that one request can be followed through the logs.
struct RequestIDLogging: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        request.logger[metadataKey: "request-id"] = .string(request.id)
        request.logger[metadataKey: "component"] = "http"
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "X-Request-ID", value: request.id)
        return response
    }
}
