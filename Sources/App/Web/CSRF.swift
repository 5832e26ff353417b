import Vapor

/// One token per session, sent back by every form as `_csrf` and checked on every POST
/// of the pages (the API uses bearer tokens, which a browser never sends by itself).
enum CSRF {
    static let sessionKey = "csrf"
    static let formField = "_csrf"

    static func token(for request: Request) -> String {
        if let existing = request.session.data[sessionKey] { return existing }
        // URL-safe: upload forms send the token in the query string, where a `+` of plain
        // base64 would arrive as a space and the upload would be refused at random.
        let token = [UInt8].random(count: 24).base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(
            of: "/", with: "_")
        request.session.data[sessionKey] = token
        return token
    }
}

struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        if request.method == .POST {
            // Large uploads carry the token in the query so that it can be checked before
            // the body is read; ordinary forms carry it in the body.
            var sent = request.query[String.self, at: CSRF.formField]
            if sent == nil {
                if request.body.data == nil { _ = try await request.body.collect(max: 1 << 20).get() }
                sent = try? request.content.get(String.self, at: CSRF.formField)
            }
            guard let expected = request.session.data[CSRF.sessionKey], let sent, sent == expected else {
                throw AppError(.forbidden, "表单已过期或来源不明（CSRF 校验失败），请刷新页面后重新提交")
            }
        }
        return try await next.respond(to: request)
    }
}
