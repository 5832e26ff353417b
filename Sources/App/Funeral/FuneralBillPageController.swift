import Foundation
import MinzhengCore
import Vapor

/// The funeral home's cashier pages: the bills of the region with the price-order check's
/// findings on top, a bill, and a new bill (only listed services; the exemptions applied).
struct FuneralBillPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.funeralBills.pattern, use: index)
        routes.get(Route.funeralBillNew.pattern, use: form)
        routes.post(Route.funeralBillNew.pattern, use: create)
        routes.get(Route.funeralBill.pattern, use: show)
    }

    struct IndexPage: Encodable {
        let layout: LayoutContext
        let findings: [FuneralService.Finding]
        let bills: [FuneralBillView]
    }

    func index(req: Request) async throws -> View {
        let user = try req.user
        let bills = try await req.funeral.bills(by: user)
        return try await req.view.render(
            "funeral/bills",
            IndexPage(
                layout: LayoutContext(request: req, title: "殡葬服务账单", user: user),
                findings: try await req.funeral.priceCheck(by: user), bills: bills.map(FuneralBillView.init)))
    }

    struct ShowPage: Encodable {
        let layout: LayoutContext
        let bill: FuneralBillView
        let home: String
    }

    func show(req: Request) async throws -> View {
        let user = try req.user
        let bill = try await req.funeral.bill(try req.parameters.require("id", as: UUID.self), by: user)
        return try await req.view.render(
            "funeral/bill",
            ShowPage(
                layout: LayoutContext(request: req, title: "殡葬服务账单", user: user), bill: FuneralBillView(bill),
                home: try await req.funeral.home(bill.home).name))
    }

    struct FormPage: Encodable {
        let layout: LayoutContext
        let homes: [Choice]
        let services: [Choice]
        let form: Form
        let rows: [Row]
        let error: String?
        let field: String?
    }

    struct Row: Encodable {
        let index: Int
        let code: String
        let day: String
        let quantity: String
        let invalid: Bool
    }

    struct Form: Content {
        var homeId: String?
        var deceasedIdNumber: String?
        var pensionFuneralGrant: String?
        var code: [String]?
        var day: [String]?
        var quantity: [String]?
    }

    static let lineRows = 8

    func form(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.handleBookings)
        let home = req.query[String.self, at: "home"]
        return try await render(req, user: user, form: Form(homeId: home), refusal: nil)
    }

    private func render(_ req: Request, user: CurrentUser, form: Form, refusal: Refusal?) async throws -> View {
        let homes = try await FuneralStore(db: req.sql).homes().filter {
            user.region.contains(RegionCode($0.region) ?? RegionTable.changzhou)
        }
        let chosen = homes.first { $0.id.uuidString == form.homeId } ?? homes.first
        var services: [Choice] = []
        if let chosen {
            services = try await FuneralStore(db: req.sql).prices(home: chosen.id).current(on: req.today).map {
                Choice(value: $0.code, label: "\($0.name)（\($0.price.yuanString) 元/\($0.unit)）")
            }
        }
        let today = req.today.description
        let rows = (0..<Self.lineRows).map { i in
            Row(
                index: i + 1, code: form.code?[safe: i] ?? "", day: form.day?[safe: i] ?? today,
                quantity: form.quantity?[safe: i] ?? "1", invalid: refusal?.field == "lines[\(i)]")
        }
        return try await req.view.render(
            "funeral/bill-new",
            FormPage(
                layout: LayoutContext(request: req, title: "开具殡葬服务账单", user: user),
                homes: homes.map { Choice(value: $0.id.uuidString, label: $0.name) }, services: services,
                form: Form(
                    homeId: chosen?.id.uuidString, deceasedIdNumber: form.deceasedIdNumber,
                    pensionFuneralGrant: form.pensionFuneralGrant), rows: rows,
                error: refusal?.message, field: refusal?.field))
    }

    func create(req: Request) async throws -> Response {
        let user = try req.user
        let form = try req.content.decode(Form.self)
        // Rows without a service are unused; the refusal of a line names its row on the form.
        let codes = form.code ?? []
        var lines: [FuneralService.BillInput.Line] = []
        var rowOfLine: [Int] = []
        for (i, code) in codes.enumerated() where !code.isEmpty {
            lines.append(
                FuneralService.BillInput.Line(
                    code: code, day: form.day?[safe: i] ?? "", quantity: Int(form.quantity?[safe: i] ?? "") ?? 0,
                    unitFen: nil))
            rowOfLine.append(i)
        }
        do {
            let bill = try await req.funeral.createBill(
                FuneralService.BillInput(
                    homeId: UUID(uuidString: form.homeId ?? "") ?? UUID(),
                    deceasedIdNumber: form.deceasedIdNumber ?? "",
                    pensionFuneralGrant: form.pensionFuneralGrant == "on", lines: lines),
                by: user)
            return req.redirect(to: Route.funeralBill.path(bill.id))
        } catch let refusal as Refusal where refusal.kind == .invalid {
            // `lines[i]` of the request is row `rowOfLine[i]` of the form.
            var shown = refusal
            if let field = refusal.field, field.hasPrefix("lines["), let i = Int(field.dropFirst(6).dropLast()),
                i < rowOfLine.count
            {
                shown = Refusal(refusal.kind, refusal.message, field: "lines[\(rowOfLine[i])]")
            }
            return try await render(req, user: user, form: form, refusal: shown)
                .encodeResponse(status: refusal.status, for: req)
        }
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
