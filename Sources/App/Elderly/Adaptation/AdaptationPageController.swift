import Foundation
import MinzhengCore
import Vapor

/// 适老化改造: the year's cases of one's region in priority order with the screening button
/// and the progress by district, and a case's page with the step it waits for.
struct AdaptationPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.adaptations.pattern, use: list)
        routes.post(Route.adaptationScreening.pattern, use: screen)
        routes.get(Route.adaptation.pattern, use: show)
        routes.post(Route.adaptationStep.pattern, use: step)
        routes.on(.POST, Route.adaptationPhotos.pattern, body: .collect(maxSize: "11mb"), use: uploadPhoto)
        routes.get(Route.adaptationPhoto.pattern, use: photo)
    }

    func list(req: Request) async throws -> Response {
        let user = try AdaptationAPIController.staff(req)
        let query = try req.query.decode(AdaptationQuery.self)
        var page = CaseList(
            layout: LayoutContext(request: req, title: "适老化改造", user: user), query: query,
            year: query.year ?? req.today.year,
            states: AdaptationState.allCases.map { Choice(value: $0.rawValue, label: $0.label) },
            priorities: AdaptationPriority.allCases.map { Choice(value: String($0.rawValue), label: $0.label) },
            screened: req.query[Int.self, at: "screened"])
        do {
            let result = try await AdaptationStore(db: req.sql).cases(
                within: user.scope, matching: try query.filter(today: req.today),
                page: try PageRequest(page: query.page, perPage: 50))
            page.total = result.total
            page.rows = result.items.map { CaseRow($0, regions: req.platform.regions) }
            page.pager = Pager.make(path: Route.adaptations.path, filters: query.links, result: result)
            page.progress = try await req.adaptations.progress(
                year: page.year, by: user, regions: req.platform.regions)
        } catch let refusal as Refusal {
            page.error = refusal.message
            page.errorField = refusal.field
        }
        return try await req.view.render("elderly/adaptations", page).encodeResponse(
            status: page.error == nil ? .ok : .badRequest, for: req)
    }

    func screen(req: Request) async throws -> Response {
        let user = try AdaptationAPIController.staff(req)
        let year = try AdaptationQuery.year(nil, today: req.today)
        let added = try await req.adaptations.screen(year: year, by: user)
        return req.redirect(to: Pager.link(path: Route.adaptations.path, filters: ["screened": String(added)]))
    }

    func show(req: Request) async throws -> Response {
        try await render(req, error: nil)
    }

    private func render(_ req: Request, error: Refusal?) async throws -> Response {
        let user = try AdaptationAPIController.staff(req)
        let found = try await req.adaptations.adaptationCase(try req.parameters.require("id", as: UUID.self), for: user)
        let parameters = try await PolicyStore(db: req.sql).parameters(
            for: found.region, month: req.today.yearMonth)
        let planned = Dictionary(uniqueKeysWithValues: found.lines.map { ($0.item, $0.quantity) })
        let page = CasePage(
            layout: LayoutContext(request: req, title: "适老化改造", user: user), item: found,
            row: CaseRow(found, regions: req.platform.regions),
            lines: found.lines.map {
                PlanLine(
                    label: AdaptationItem(rawValue: $0.item)?.label ?? $0.item, quantity: $0.quantity,
                    unitPrice: Fen($0.unitPriceFen).formatted, amount: Fen($0.amountFen).formatted)
            },
            catalogue: AdaptationItem.allCases.map {
                CatalogueItem(
                    code: $0.rawValue, label: $0.label, price: $0.price(parameters).formatted,
                    quantity: planned[$0.rawValue])
            },
            state: found.caseState, canPay: user.role.may(.managePayroll), today: req.today.description,
            saved: req.query[String.self, at: "saved"] == "1", error: error?.message, errorField: error?.field)
        return try await req.view.render("elderly/adaptation", page).encodeResponse(
            status: error?.status ?? .ok, for: req)
    }

    func uploadPhoto(req: Request) async throws -> Response {
        let user = try AdaptationAPIController.staff(req)
        let id = try req.parameters.require("id", as: UUID.self)
        struct Upload: Content { var file: File? }
        do {
            guard let file = try req.content.decode(Upload.self).file, file.data.readableBytes > 0 else {
                throw Refusal.invalid("file", "请选择完工照片")
            }
            _ = try await req.adaptations.addPhoto(
                to: id, fileName: file.filename, bytes: Data(buffer: file.data), by: user)
            return req.redirect(to: Route.adaptation.path(id) + "?saved=1")
        } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
            return try await render(req, error: error)
        }
    }

    func photo(req: Request) async throws -> Response {
        let user = try AdaptationAPIController.staff(req)
        guard let photo = req.parameters.get("photo", as: UUID.self) else { throw Refusal.notFound("完工照片") }
        let (p, data) = try await req.adaptations.photo(
            photo, of: try req.parameters.require("id", as: UUID.self), for: user)
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: p.contentType)
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    /// A form's fields arrive as text: the plan as `q_<item>` quantities, numbers as strings.
    struct StepFields: Content {
        var version: String?
        var assessedOn: String?
        var assessor: String?
        var assessment: String?
        var contractor: String?
        var completedOn: String?
        var note: String?
        var acceptedOn: String?
        var acceptedBy: String?
        var satisfaction: String?
        var paidOn: String?
    }

    func step(req: Request) async throws -> Response {
        let user = try AdaptationAPIController.staff(req)
        let id = try req.parameters.require("id", as: UUID.self)
        guard let action = AdaptationState.Action(rawValue: req.parameters.get("action") ?? "") else {
            throw Refusal.notFound("操作")
        }
        let form = try req.content.decode(StepFields.self)
        var items: [String: Int] = [:]
        for item in AdaptationItem.allCases {
            if let text = try? req.content.get(String.self, at: "q_\(item.rawValue)"), let n = Int(text), n > 0 {
                items[item.rawValue] = n
            }
        }
        let step = AdaptationService.Step(
            version: form.version.flatMap { Int($0) }, assessedOn: form.assessedOn, assessor: form.assessor,
            assessment: form.assessment, items: action == .plan ? items : nil, contractor: form.contractor,
            completedOn: form.completedOn, note: form.note, acceptedOn: form.acceptedOn, acceptedBy: form.acceptedBy,
            satisfaction: form.satisfaction.flatMap { Int($0) }, paidOn: form.paidOn)
        do {
            _ = try await req.adaptations.act(action, on: id, step, by: user)
            return req.redirect(to: Route.adaptation.path(id) + "?saved=1")
        } catch let error as Refusal where error.status != .notFound {
            return try await render(req, error: error)
        }
    }
}
