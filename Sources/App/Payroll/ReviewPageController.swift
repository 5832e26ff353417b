import MinzhengCore
import Vapor

/// 待遇变更确认 (`/reviews`): the street's queue of household benefits that followed a
/// death, a move or a birth — what changed, the reassessment's trace, and a form each to
/// confirm (with the proposed head) or correct the amount. The same decisions as the API's.
struct ReviewPageController: RouteCollection {

    struct DecisionForm: Content {
        var action: String?
        var version: Int?
        /// The corrected monthly amount in yuan.
        var amount: String?
        var note: String?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.reviews.pattern, use: list)
        routes.post(Route.review.pattern, use: decide)
    }

    func list(req: Request) async throws -> View {
        try await render(req, try req.enrollmentReviews(), error: nil, review: nil)
    }

    func decide(req: Request) async throws -> Response {
        let reviews = try req.enrollmentReviews()
        let form = try req.content.decode(DecisionForm.self)
        let id = req.parameters.get("id", as: UUID.self)
        do {
            var decision = EnrollmentReviews.Decision(
                action: form.action, version: form.version, amountFen: nil, note: form.note)
            if form.action == "correct" {
                guard let text = form.amount?.trimmedWhitespace, !text.isEmpty, let fen = Fen(yuanText: text) else {
                    throw Refusal.invalid("amountFen", "请填写核定的月金额（元，0 表示终止）")
                }
                decision.amountFen = fen.value
            }
            let decided = try await reviews.decide(id, decision)
            return req.redirect(to: Route.reviews.path + "?done=\(decided.status)")
        } catch let error as Refusal where error.status != .notFound {
            return try await render(req, reviews, error: error, review: id).encodeResponse(
                status: error.status, for: req)
        }
    }

    private func render(
        _ req: Request, _ reviews: EnrollmentReviews, error: Refusal?, review: UUID?
    ) async throws -> View {
        let page = try await reviews.queue(page: try PageRequest(page: req.query[Int.self, at: "page"], perPage: 20))
        let catalog = try await CatalogStore(db: req.sql).catalog()
        let cards = page.items.map { r in
            ReviewCard(
                review: r, itemName: AssistanceItemCode(r.itemCode).map { catalog.displayName(of: $0) } ?? r.itemCode,
                regionName: RegionCode(r.region).map { req.platform.regions.fullName(of: $0) } ?? r.region,
                oldAmount: Fen(r.oldFen).formatted, newAmount: r.newFen.map { Fen($0).formatted } ?? "终止")
        }
        let done = req.query[String.self, at: "done"].flatMap {
            ["confirmed": "已确认。", "corrected": "已更正，新金额自变更月份起发放。"][$0]
        }
        return try await req.view.render(
            "payroll/reviews",
            QueuePage(
                layout: LayoutContext(request: req, title: "待遇变更确认", user: reviews.user), cards: cards,
                total: page.total,
                pager: page.total > page.perPage
                    ? Pager.make(path: Route.reviews.path, filters: [:], result: page) : nil,
                done: done, error: error?.message, errorReview: review))
    }
}
