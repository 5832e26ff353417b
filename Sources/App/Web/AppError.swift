import MinzhengCore
import Vapor

/// An answer only HTTP has (sign-in needed, too many requests with `Retry-After`), or a
/// `Refusal` given its status at the edge. The API renders both as `{"error": …, "field": …}`;
/// pages show them in place. Stores and services throw `Refusal`, never this.
public struct AppError: Error, AbortError, Sendable {
    public let status: HTTPResponseStatus
    public let message: String
    public let field: String?
    public let headers: HTTPHeaders

    public init(_ status: HTTPResponseStatus, _ message: String, field: String? = nil, headers: HTTPHeaders = [:]) {
        self.status = status
        self.message = message
        self.field = field
        self.headers = headers
    }

    public init(_ refusal: Refusal) {
        self.init(refusal.status, refusal.message, field: refusal.field)
    }

    public var reason: String { message }
}

extension Refusal {
    /// The one place a kind of refusal becomes an HTTP status.
    public var status: HTTPResponseStatus {
        switch kind {
        case .invalid: return .badRequest
        case .forbidden: return .forbidden
        case .notFound: return .notFound
        case .conflict: return .conflict
        case .failed: return .internalServerError
        }
    }
}

struct ErrorBody: Content {
    let error: String
    let field: String?
    /// The request's id (also in `X-Request-ID`), for the user to quote and the office to
    /// find the request's log lines with.
    var requestId: String?
}

/// Renders every error: for `/api` routes (and the probes and `/metrics`) as the JSON body
/// DESIGN.md fixes, for pages as a Chinese error page; both carry the request's id. Internal
/// errors' details are logged, never shown.
struct ErrorRenderingMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, described) = Self.describe(error, request: request)
            var body = described
            body.requestId = request.requestID
            let response: Response
            if Self.answersInJSON(request) {
                response = Response(status: status)
                try response.content.encode(body)
            } else {
                let user = request.auth.get(CurrentUser.self)
                response = try await request.view.render(
                    "error",
                    ErrorPage(
                        layout: LayoutContext(request: request, title: "出错了", user: user),
                        status: Int(status.code), message: body.error, requestId: request.requestID)
                )
                .encodeResponse(status: status, for: request)
            }
            Self.copyHeaders(of: error, to: response)
            return response
        }
    }

    /// An `AbortError`'s headers (`Retry-After`, `WWW-Authenticate`) on its answer.
    static func copyHeaders(of error: any Error, to response: Response) {
        guard let abort = error as? AbortError else { return }
        for (name, value) in abort.headers where name.lowercased() != "content-type" {
            response.headers.replaceOrAdd(name: name, value: value)
        }
    }

    /// The paths outside `/api` that programs read (probes, the scraper): errors in JSON.
    static let machinePaths: Set<String> = [Route.health.path, Route.readiness.path, Route.metrics.path]

    static func answersInJSON(_ request: Request) -> Bool {
        request.url.path.hasPrefix("/api/") || machinePaths.contains(request.url.path)
    }

    static func describe(_ error: Error, request: Request) -> (HTTPResponseStatus, ErrorBody) {
        switch error {
        case let e as Refusal:
            return (e.status, ErrorBody(error: e.message, field: e.field))
        case let e as AppError:
            return (e.status, ErrorBody(error: e.message, field: e.field))
        case let e as DecodingError:
            let field = e.fieldPath
            return (
                .badRequest,
                ErrorBody(error: "请求内容无效：\(field.isEmpty ? "格式错误" : field)", field: field.isEmpty ? nil : field)
            )
        case let e as AbortError:
            return (e.status, ErrorBody(error: e.status == .notFound ? "页面或记录不存在" : e.reason, field: nil))
        case let e where isMultipartError(e):
            return (.badRequest, ErrorBody(error: "上传内容格式错误（multipart/form-data）", field: nil))
        default:
            request.logger.report(error: error)
            return (.internalServerError, ErrorBody(error: "服务器内部错误，请稍后重试", field: nil))
        }
    }
}

/// An upload body that does not parse is the client's error, as a JSON body that does not is; but
/// MultipartKit's parser throws its own type, private to it (`MultipartParser.Error.syntax`, found
/// by schemathesis as a 500), so it is known by its module.
private func isMultipartError(_ error: Error) -> Bool {
    String(reflecting: type(of: error)).hasPrefix("MultipartKit.")
}

extension DecodingError {
    /// `members[1].birthDate`-style path of the offending field.
    var fieldPath: String {
        let path: [CodingKey]
        switch self {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        @unknown default: path = []
        }
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }
}
