import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// One API call of a department's account, as its page shows it.
struct APICall: Content, Sendable {
    let at: Date
    let method: String
    /// The route's template (`/api/v1/feeds/:kind`), never the path with its values.
    let route: String
    let status: Int
    let requestId: String
    let error: String?
}

/// A day's calls and errors (status 400 and above) of one account.
struct APICallDay: Content, Sendable {
    let day: String
    let calls: Int
    let errors: Int
}

/// The store of `api_calls`.
struct APICallStore {
    let db: any SQLDatabase

    /// The last calls shown, and the days counted.
    static let recentShown = 100
    static let daysShown = 30

    func record(user: UUID, token: UUID?, call: APICall, day: CivilDate) async throws {
        try await db.insert(into: "api_calls")
            .columns("id", "user_id", "token_id", "at", "day", "method", "route", "status", "request_id", "error")
            .values(
                SQLBind(UUID()), SQLBind(user), SQLBind(token), SQLBind(call.at), SQLBind(day.description),
                SQLBind(call.method), SQLBind(call.route), SQLBind(call.status), SQLBind(call.requestId),
                SQLBind(call.error)
            ).run()
    }

    /// The account's last calls, newest first.
    func recent(user: UUID, limit: Int = APICallStore.recentShown) async throws -> [APICall] {
        try await db.select().columns("at", "method", "route", "status", "request_id", "error").from("api_calls")
            .where("user_id", .equal, SQLBind(user)).orderBy("at", .descending).limit(limit).all()
            .map { row in
                APICall(
                    at: try row.decode(column: "at", as: Date.self),
                    method: try row.decode(column: "method", as: String.self),
                    route: try row.decode(column: "route", as: String.self),
                    status: try row.decode(column: "status", as: Int.self),
                    requestId: try row.decode(column: "request_id", as: String.self),
                    error: try row.decode(column: "error", as: String?.self))
            }
    }

    /// Calls and errors per day from `since` on, newest day first.
    func days(user: UUID, since: CivilDate) async throws -> [APICallDay] {
        try await db.raw(
            """
            SELECT day, COUNT(*) AS calls, SUM(CASE WHEN status >= 400 THEN 1 ELSE 0 END) AS errors FROM api_calls
            WHERE user_id = \(bind: user) AND day >= \(bind: since.description) GROUP BY day ORDER BY day DESC
            """
        ).all().map { row in
            APICallDay(
                day: try row.decode(column: "day", as: String.self),
                calls: try row.decode(column: "calls", as: Int.self),
                errors: try row.decode(column: "errors", as: Int?.self) ?? 0)
        }
    }
}

/// Keeps every API call of a partner department's account (`api_calls`): the route, the status
/// and, for an error, its message — what the department's page shows. Other accounts' calls are
/// not kept (the audit has their writes). A call is kept after its answer is made; a failure to
/// keep it is logged and does not change the answer.
struct APICallLog: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard let user = request.auth.get(CurrentUser.self), user.role == .department else {
            return try await next.respond(to: request)
        }
        do {
            let response = try await next.respond(to: request)
            await keep(request, user: user, status: Int(response.status.code), error: nil)
            return response
        } catch {
            let (status, body) = ErrorRenderingMiddleware.describe(error, request: request)
            await keep(request, user: user, status: Int(status.code), error: body.error)
            throw error
        }
    }

    private func keep(_ request: Request, user: CurrentUser, status: Int, error: String?) async {
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? request.url.path
        let call = APICall(
            at: request.now, method: request.method.rawValue, route: route, status: status,
            requestId: request.requestID, error: error)
        let token = request.storage[TokenIDKey.self]
        let day = request.today
        let app = request.application
        do {
            try await app.serializedWrite {
                try await APICallStore(db: app.sql).record(user: user.id, token: token, call: call, day: day)
            }
        } catch {
            request.logger.warning("could not keep the API call: \(String(reflecting: error))")
        }
    }
}

/// The id of the request's token (`BearerUserAuthenticator`).
struct TokenIDKey: StorageKey { typealias Value = UUID }

/// `/account/api-calls` (page) and `GET /api/v1/account/api-calls` (JSON): the signed-in
/// account's last calls and its calls and errors per day.
struct APICallsController {
    struct Answer: Content {
        let calls: [APICall]
        let days: [APICallDay]
    }

    static func answer(_ req: Request) async throws -> Answer {
        let user = try req.user
        let store = APICallStore(db: req.sql)
        return Answer(
            calls: try await store.recent(user: user.id),
            days: try await store.days(user: user.id, since: req.today.adding(days: 1 - APICallStore.daysShown)))
    }

    static func register(api: RoutesBuilder, pages: RoutesBuilder) {
        api.get(Route.API.accountCalls.pattern) { req async throws -> Answer in try await answer(req) }
        pages.get(Route.accountAPICalls.pattern) { req async throws -> View in
            let user = try req.user
            let answer = try await answer(req)
            return try await req.view.render(
                "accounts/api-calls",
                APICallsPage(
                    layout: LayoutContext(request: req, title: "接口调用记录", user: user),
                    kept: user.role == .department, daysShown: APICallStore.daysShown,
                    days: answer.days,
                    calls: answer.calls.map {
                        APICallsPage.Row(
                            at: UserView.time($0.at), method: $0.method, route: $0.route, status: $0.status,
                            requestId: $0.requestId, error: $0.error ?? "", failed: $0.status >= 400)
                    }))
        }
    }
}

struct APICallsPage: Encodable {
    let layout: LayoutContext
    /// Whether this account's calls are kept (a department's).
    let kept: Bool
    let daysShown: Int
    let days: [APICallDay]
    let calls: [Row]

    struct Row: Encodable {
        let at: String
        let method: String
        let route: String
        let status: Int
        let requestId: String
        let error: String
        let failed: Bool
    }
}
