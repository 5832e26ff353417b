import Foundation
import MinzhengCore
import Vapor

/// 公墓安葬 (`/cemetery-desk`): the staff of a cemetery's region (`handleBookings`) pick one
/// of their cemeteries, see its sections' vacancy and its standing graves (the term ending
/// first at the top, each with 续期), and allocate a unit — by section and unit label — to a
/// deceased, or reserve the other place of a double plot for the living spouse. The same
/// service as the API; a refusal is shown at the field it names.
struct CemeteryDeskPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.cemeteryDesk.pattern, use: index)
        routes.post(Route.cemeteryDeskAllocation.pattern, use: allocate)
        routes.post(Route.cemeteryDeskRenewal.pattern, use: renew)
    }

    struct Form: Content {
        var cemeteryId: UUID?
        var sectionId: UUID?
        var unit: String?
        var idNumber: String?
        var reserve: String?
    }

    struct Page: Encodable {
        let layout: LayoutContext
        let cemeteries: [CemeteryView]
        let cemetery: CemeteryView?
        let allocations: [CemeteryAllocationView]
        let termYears: Int
        let sectionId: UUID?
        let unit: String
        let idNumber: String
        let reserve: Bool
        let done: String?
        let error: String?
        let field: String?
    }

    func index(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.handleBookings)
        return try await render(
            req, user: user, cemetery: req.query[UUID.self, at: "cemetery"], form: Form(), refusal: nil)
    }

    func allocate(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.handleBookings)
        let form = try req.content.decode(Form.self)
        do {
            guard let section = form.sectionId else { throw Refusal.invalid("sectionId", "请选择墓区") }
            let label = (form.unit ?? "").trimmedWhitespace
            guard !label.isEmpty else { throw Refusal.invalid("unit", "请填写墓位（格位）编号") }
            guard let unit = try await CemeteryStore(db: req.sql).unit(section: section, label: label) else {
                throw Refusal.invalid("unit", "该墓区没有编号为 \(label) 的墓位（格位）")
            }
            let reserve = form.reserve != nil
            _ = try await req.cemeteries.allocate(
                .init(unitId: unit, idNumber: form.idNumber ?? "", reserve: reserve), by: user)
            return req.redirect(
                to: Route.cemeteryDesk.path + "?cemetery=\(form.cemeteryId?.uuidString ?? "")&done="
                    + (reserve ? "reserved" : "allocated"))
        } catch let refusal as Refusal {
            return try await render(req, user: user, cemetery: form.cemeteryId, form: form, refusal: refusal)
                .encodeResponse(status: refusal.status, for: req)
        }
    }

    func renew(req: Request) async throws -> Response {
        let user = try req.user
        let form = try req.content.decode(Form.self)
        do {
            let renewed = try await req.cemeteries.renew(try req.parameters.require("id", as: UUID.self), by: user)
            return req.redirect(
                to: Route.cemeteryDesk.path + "?cemetery=\(form.cemeteryId?.uuidString ?? "")&done=renewed-"
                    + renewed.until)
        } catch let refusal as Refusal where refusal.status != .notFound {
            return try await render(req, user: user, cemetery: form.cemeteryId, form: Form(), refusal: refusal)
                .encodeResponse(status: refusal.status, for: req)
        }
    }

    private func render(
        _ req: Request, user: CurrentUser, cemetery chosen: UUID?, form: Form, refusal: Refusal?
    ) async throws -> View {
        let store = CemeteryStore(db: req.sql)
        let mine = try await store.cemeteries().filter { $0.region.hasPrefix(user.region.value) }
        let cemetery = mine.first { $0.id == chosen } ?? mine.first
        var allocations: [CemeteryAllocationView] = []
        if let cemetery { allocations = try await store.allocations(cemetery: cemetery.id) }
        let done = req.query[String.self, at: "done"].map { done -> String in
            switch done {
            case "allocated": return "已登记安葬。"
            case "reserved": return "已为在世配偶预留。"
            default: return done.hasPrefix("renewed-") ? "已续期至 \(done.dropFirst(8))。" : ""
            }
        }
        return try await req.view.render(
            "funeral/cemetery-desk",
            Page(
                layout: LayoutContext(request: req, title: "公墓安葬", user: user), cemeteries: mine,
                cemetery: cemetery, allocations: allocations,
                termYears: try await FuneralService.parameters(
                    db: req.sql, region: cemetery?.region ?? user.region.value, on: req.today
                ).cemeteryTermYears,
                sectionId: form.sectionId, unit: form.unit ?? "", idNumber: form.idNumber ?? "",
                reserve: form.reserve != nil, done: done, error: refusal?.message,
                // The API names the unit by id; the page asks for its label.
                field: refusal?.field == "unitId" ? "unit" : refusal?.field))
    }
}
