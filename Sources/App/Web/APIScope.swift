import MinzhengCore
import Vapor

/// What a token may be limited to (issue 20, item 5): a partner department's system asks for
/// the scopes it needs when it signs in (`POST /api/v1/sessions` `{…, "scopes": ["feeds"]}`),
/// and the token then calls only the operations of those scopes (each names its scope in the
/// document, `x-scope`), besides its own token list and password. A token without scopes calls
/// whatever its account may.
enum APIScope: String, CaseIterable, Sendable, Codable {
    /// `POST /api/v1/feeds/{kind}`: the department's data feeds.
    case feeds
    /// The applications of the department's items and the catalogue.
    case applications
    /// Family search: the matcher, its queue and the decisions (寻亲比对).
    case familySearch = "family-search"
    /// Reading households and persons (lists, a record, the search).
    case registryRead = "registry:read"

    /// `feeds applications` as stored; nil for an unscoped token.
    static func stored(_ scopes: [APIScope]?) -> String? {
        scopes.map { $0.map(\.rawValue).joined(separator: " ") }
    }

    static func parse(stored text: String?) -> [String]? {
        text.map { $0.split(separator: " ").map(String.init) }
    }

    /// The scopes a sign-in asks for: nil (no limit), or at least one known code.
    static func requested(_ codes: [String]?) throws -> [APIScope]? {
        guard let codes else { return nil }
        guard !codes.isEmpty else { throw Refusal.invalid("scopes", "至少给出一个范围，或不给 scopes") }
        return try codes.map { code in
            guard let scope = APIScope(rawValue: code) else {
                throw Refusal.invalid(
                    "scopes", "未知的范围 \(code)，可用：" + APIScope.allCases.map(\.rawValue).joined(separator: "、"))
            }
            return scope
        }
    }
}

/// The scopes of the request's token, when it has some (`BearerUserAuthenticator`).
struct TokenScopesKey: StorageKey { typealias Value = [String] }

/// Refuses a scoped token's call outside its scopes: 403 naming the scope the operation needs.
/// After `RequireAPIUser`; the operation is found by the matched route (`APIOperations.byRoute`).
struct RequireTokenScope: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard let scopes = request.storage[TokenScopesKey.self], let route = request.route else {
            return try await next.respond(to: request)
        }
        let operation = APIOperations.byRoute[APIOperations.key(route.method, route.path)]
        if let operation, operation.tag == .accounts || operation.tag == .documentation {
            return try await next.respond(to: request)
        }
        let held = scopes.joined(separator: "、")
        guard let needed = operation?.scope else {
            throw Refusal(.forbidden, "此令牌限定了范围（\(held)），不能调用此接口", field: "scope")
        }
        guard scopes.contains(needed.rawValue) else {
            throw Refusal(.forbidden, "此令牌缺少范围 \(needed.rawValue)（令牌的范围：\(held)）", field: "scope")
        }
        return try await next.respond(to: request)
    }
}
