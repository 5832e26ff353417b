import Foundation
import MinzhengCore
import Vapor

/// 养老顾问 for staff: the street's queue of questions and care needs from the public map
/// (the longest wait first, the overdue marked), a request with the phone to call back, and
/// the answer the resident reads with the reply code.
struct AdvicePageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.adviceQueue.pattern, use: queue)
        routes.get(Route.adviceRequest.pattern, use: show)
        routes.post(Route.adviceRequest.pattern, use: answer)
    }

    struct Query: Content {
        var state: String?
        var kind: String?
        var page: Int?

        var links: [String: String?] { ["state": state, "kind": kind] }

        func filter() throws -> AdviceStore.Filter {
            var f = AdviceStore.Filter()
            if let s = state, !s.isEmpty {
                guard let state = AdviceState(rawValue: s) else { throw Refusal.invalid("state", "状态不正确：\(s)") }
                f.state = state
            }
            if let k = kind, !k.isEmpty {
                guard let kind = AdviceKind(rawValue: k) else { throw Refusal.invalid("kind", "类型不正确：\(k)") }
                f.kind = kind
            }
            return f
        }
    }

    struct Row: Encodable {
        let request: AdviceRow
        let received: String
        let overdue: Bool
    }

    struct QueuePage: Encodable {
        let layout: LayoutContext
        let query: Query
        let states: [Choice]
        let kinds: [Choice]
        var rows: [Row] = []
        var total = 0
        var overdue = 0
        var replyDays = 0
        var pager: Pager?
        var error: String?
        var errorField: String?
    }

    struct RequestPage: Encodable {
        let layout: LayoutContext
        let request: AdviceRow
        let phone: String
        let received: String
        let answeredOn: String?
        let canAnswer: Bool
        let typed: String
        let error: String?
    }

    func queue(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.answerAdvice)
        let query = try req.query.decode(Query.self)
        var page = QueuePage(
            layout: LayoutContext(request: req, title: "养老顾问", user: user), query: query,
            states: AdviceState.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) },
            kinds: AdviceKind.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) })
        do {
            let q = try await req.advice.queue(
                for: user, filter: try query.filter(), page: try PageRequest(page: query.page, perPage: 20))
            page.rows = q.page.items.map {
                Row(
                    request: $0, received: BeijingTime.timestamp($0.createdAt),
                    overdue: $0.state == AdviceState.open.rawValue && $0.createdAt < q.cutoff)
            }
            (page.total, page.overdue, page.replyDays) = (q.page.total, q.overdue, q.replyDays)
            page.pager = Pager.make(path: Route.adviceQueue.path, filters: query.links, result: q.page)
        } catch let error as Refusal where error.status == .badRequest {
            (page.error, page.errorField) = (error.message, error.field)
        }
        return try await req.view.render("elderly/advice-queue", page).encodeResponse(
            status: page.error == nil ? .ok : .badRequest, for: req)
    }

    private func render(_ req: Request, error: Refusal?, typed: String = "") async throws -> View {
        let user = try req.user
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Refusal.notFound("咨询记录") }
        let (row, phone) = try await req.advice.request(id, for: user)
        return try await req.view.render(
            "elderly/advice-request",
            RequestPage(
                layout: LayoutContext(request: req, title: "养老顾问：\(row.kindName)", user: user), request: row,
                phone: phone, received: BeijingTime.timestamp(row.createdAt),
                answeredOn: row.answeredAt.map(BeijingTime.timestamp),
                canAnswer: row.state == AdviceState.open.rawValue, typed: typed, error: error?.message))
    }

    func show(req: Request) async throws -> View {
        try await render(req, error: nil)
    }

    func answer(req: Request) async throws -> Response {
        let user = try req.user
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Refusal.notFound("咨询记录") }
        struct Form: Content {
            var answer: String?
            var version: String?
        }
        let form = try req.content.decode(Form.self)
        do {
            try await req.advice.answer(
                id, version: form.version.flatMap { Int($0) } ?? 0, text: form.answer, by: user)
            return req.redirect(to: Route.adviceRequest.path(id))
        } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
            return try await render(req, error: error, typed: form.answer ?? "").encodeResponse(
                status: error.status, for: req)
        }
    }
}
