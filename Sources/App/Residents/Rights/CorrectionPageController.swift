import Foundation
import MinzhengCore
import Vapor

/// 更正申请 for staff who edit the registry: the queue of one's region (open first, the
/// oldest at the top), a request beside the person's file, and its decision (corrected
/// after editing the file, or refused with the reason the person reads).
struct CorrectionPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.corrections.pattern, use: queue)
        routes.get(Route.correction.pattern, use: show)
        routes.post(Route.correction.pattern, use: decide)
    }

    struct QueuePage: Encodable {
        let layout: LayoutContext
        let state: String?
        let states: [Choice]
        var rows: [CorrectionRow] = []
        var total = 0
        var pager: Pager?
        var error: String?
    }

    func queue(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.editRegistry)
        let stateText = req.query[String.self, at: "state"].flatMap { $0.isEmpty ? nil : $0 }
        var page = QueuePage(
            layout: LayoutContext(request: req, title: "个人信息更正申请", user: user), state: stateText,
            states: CorrectionState.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) })
        do {
            var state: CorrectionState?
            if let stateText {
                guard let s = CorrectionState(rawValue: stateText) else {
                    throw Refusal.invalid("state", "状态不正确：\(stateText)")
                }
                state = s
            }
            let result = try await req.personalInformation.queue(
                for: user, state: state, page: try PageRequest(page: req.query[Int.self, at: "page"], perPage: 20))
            (page.rows, page.total) = (result.items, result.total)
            page.pager = Pager.make(path: Route.corrections.path, filters: ["state": stateText], result: result)
        } catch let error as Refusal where error.status == .badRequest {
            page.error = error.message
        }
        return try await req.view.render("registry/corrections", page).encodeResponse(
            status: page.error == nil ? .ok : .badRequest, for: req)
    }

    struct RequestPage: Encodable {
        let layout: LayoutContext
        let request: CorrectionRow
        let received: String
        let handledAt: String?
        let canDecide: Bool
        let form: [String: String]
        let error: String?
        let errorField: String?
    }

    private func render(_ req: Request, form: [String: String] = [:], error: Refusal? = nil) async throws -> View {
        let user = try req.user
        let row = try await req.personalInformation.request(try req.parameters.require("id", as: UUID.self), for: user)
        return try await req.view.render(
            "registry/correction",
            RequestPage(
                layout: LayoutContext(request: req, title: "更正申请：\(row.personName)", user: user), request: row,
                received: BeijingTime.timestamp(row.createdAt), handledAt: row.handledAt.map(BeijingTime.timestamp),
                canDecide: row.state == CorrectionState.open.rawValue, form: form, error: error?.message,
                errorField: error?.field))
    }

    func show(req: Request) async throws -> View {
        try await render(req)
    }

    func decide(req: Request) async throws -> Response {
        let user = try req.user
        let id = try req.parameters.require("id", as: UUID.self)
        let form = try req.content.decode([String: String].self)
        do {
            try await req.personalInformation.decide(
                id, version: form["version"].flatMap { Int($0) } ?? 0, state: form["state"], note: form["note"],
                by: user)
            return req.redirect(to: Route.correction.path(id))
        } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
            return try await render(req, form: form, error: error).encodeResponse(status: error.status, for: req)
        }
    }
}
