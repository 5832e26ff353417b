import Vapor

/// Gives each request an id (echoed as `X-Request-ID`) that its log lines, audit events and
/// error answers carry, so that one request can be followed through the logs. A proxy's
/// `X-Request-ID` is kept when it is sane (`RequestID.isSane`); anything else (too long,
/// control characters, markup) is replaced by a fresh id, so that a client cannot write
/// what it likes into the logs and the audit trail.
struct RequestIDLogging: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        if !RequestID.isSane(request.id) {
            request.storage[RequestID.Replacement.self] = UUID().uuidString
        }
        let id = request.requestID
        request.logger[metadataKey: "request-id"] = .string(id)
        request.logger[metadataKey: "component"] = "http"
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            response = Self.lastResort(error, for: request)
        }
        response.headers.replaceOrAdd(name: "X-Request-ID", value: id)
        return response
    }

    /// An error that got past `ErrorRenderingMiddleware` (the sessions middleware, which wraps
    /// it, failing to read a session from a database that is down): answered plainly, with
    /// the request id, rather than by Vapor closing the connection without an answer.
    static func lastResort(_ error: any Error, for request: Request) -> Response {
        let (status, described) = ErrorRenderingMiddleware.describe(error, request: request)
        var body = described
        body.requestId = request.requestID
        let response = Response(status: status)
        ErrorRenderingMiddleware.copyHeaders(of: error, to: response)
        if ErrorRenderingMiddleware.answersInJSON(request), (try? response.content.encode(body)) != nil {
            return response
        }
        response.headers.replaceOrAdd(name: .contentType, value: "text/plain; charset=utf-8")
        response.body = .init(string: "\(status.code) \(body.error)\n请求编号 \(request.requestID)\n")
        return response
    }
}

enum RequestID {
    /// The id given to a request whose incoming `X-Request-ID` was refused.
    struct Replacement: StorageKey { typealias Value = String }

    static let lengths = 8...128

    /// 8 to 128 letters, digits and `-_.:`: a UUID, nginx's `$request_id`, a trace id.
    static func isSane(_ id: String) -> Bool {
        let bytes = id.utf8
        guard lengths.contains(bytes.count) else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: ":"):
                return true
            default: return false
            }
        }
    }
}

extension Request {
    /// This request's id: Vapor's (a fresh UUID, or the proxy's `X-Request-ID` when sane), or
    /// the replacement `RequestIDLogging` made. The storage (a lock) is read only when the
    /// incoming id was refused.
    var requestID: String {
        RequestID.isSane(id) ? id : storage[RequestID.Replacement.self] ?? "unidentified"
    }
}
