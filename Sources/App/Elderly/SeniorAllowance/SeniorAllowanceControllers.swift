import Foundation
import MinzhengCore
import MinzhengExport
import SQLKit
import Vapor

/// 尊老金 (免申即享) at the edge: the page with the run-now button and the wrong-payment
/// check, its .xlsx, and `GET /api/v1/elderly/allowance-wrong-payments?month=`. Staff with the
/// payroll permission, within their region.
enum SeniorAllowanceControllers {
    static func register(api: RoutesBuilder, pages: RoutesBuilder) throws {
        try api.register(collection: SeniorAllowanceAPIController())
        try pages.register(collection: SeniorAllowancePageController())
    }

    static func require(_ req: Request) throws -> CurrentUser {
        let user = try req.user
        try user.require(.managePayroll)
        return user
    }

    /// The `month` query parameter: nil for every month.
    static func month(_ req: Request) throws -> YearMonth? {
        guard let text = req.query[String.self, at: "month"], !text.isEmpty else { return nil }
        guard let month = YearMonth(text) else { throw Refusal.invalid("month", "月份应为 YYYY-MM") }
        return month
    }
}

struct SeniorAllowanceAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.seniorAllowanceWrongPayments.pattern, use: wrongPayments)
    }

    struct WrongPayments: Content {
        let month: String?
        let count: Int
        let totalToRecoverFen: Int64
        let payments: [SeniorAllowanceStore.WrongPayment]
    }

    func wrongPayments(req: Request) async throws -> WrongPayments {
        let user = try SeniorAllowanceControllers.require(req)
        let month = try SeniorAllowanceControllers.month(req)
        let payments = try await req.seniorAllowances.wrongPayments(month: month, within: user.scope)
        return WrongPayments(
            month: month?.description, count: payments.count,
            totalToRecoverFen: payments.reduce(0) { $0 + $1.amountToRecoverFen }, payments: payments)
    }
}

struct SeniorAllowancePageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.seniorAllowances.pattern, use: page)
        routes.post(Route.seniorAllowances.pattern, use: run)
        routes.get(Route.seniorAllowanceWrongPaymentsExport.pattern, use: export)
    }

    func page(req: Request) async throws -> Response {
        let user = try SeniorAllowanceControllers.require(req)
        var page = SeniorAllowancePage(
            layout: LayoutContext(request: req, title: "尊老金（免申即享）", user: user),
            runMonth: req.today.yearMonth.description)
        if let enrolled = req.query[Int.self, at: "enrolled"] {
            page.result = SeniorAllowanceService.Counts(
                enrolled: enrolled, raised: req.query[Int.self, at: "raised"] ?? 0,
                stopped: req.query[Int.self, at: "stopped"] ?? 0)
            page.resultMonth = req.query[String.self, at: "run"]
        }
        do {
            let month = try SeniorAllowanceControllers.month(req)
            page.month = month?.description ?? ""
            let payments = try await req.seniorAllowances.wrongPayments(month: month, within: user.scope)
            page.setPayments(payments, regions: req.platform.regions)
            page.exportLink = Pager.link(
                path: Route.seniorAllowanceWrongPaymentsExport.path, filters: ["month": month?.description])
        } catch let error as Refusal {
            page.error = error.message
        }
        return try await req.view.render("elderly/allowances", page).encodeResponse(
            status: page.error == nil ? .ok : .badRequest, for: req)
    }

    struct RunForm: Content {
        var month: String?
    }

    /// The month's run now, for the officer's region (the hourly round does the whole city).
    func run(req: Request) async throws -> Response {
        let user = try SeniorAllowanceControllers.require(req)
        let form = try req.content.decode(RunForm.self)
        guard let month = form.month.flatMap(YearMonth.init) else { throw Refusal.invalid("month", "月份应为 YYYY-MM") }
        let counts = try await req.seniorAllowances.run(month: month, within: user.scope)
        return req.redirect(
            to: Pager.link(
                path: Route.seniorAllowances.path,
                filters: [
                    "run": month.description, "enrolled": String(counts.enrolled), "raised": String(counts.raised),
                    "stopped": String(counts.stopped),
                ]))
    }

    /// The check as .xlsx (names and masked ID numbers only); the download is on record.
    func export(req: Request) async throws -> Response {
        let user = try SeniorAllowanceControllers.require(req)
        let month = try SeniorAllowanceControllers.month(req)
        let payments = try await req.seniorAllowances.wrongPayments(month: month, within: user.scope)
        let regions = req.platform.regions
        let rows: [[Spreadsheet.Cell]] = payments.map { p in
            [
                .text(p.month), .text(p.name ?? ""), .text(p.idMasked ?? ""),
                .text(RegionCode(p.region).flatMap(regions.name) ?? p.region),
                .text(SeniorAllowancePage.reasonText(p.reason)), .text(p.detail ?? ""), .integer(p.lineId),
                .money(fen: p.amountToRecoverFen),
            ]
        }
        let sheet = try Spreadsheet.Sheet(
            name: "尊老金疑似错发", columnWidths: [10, 12, 22, 20, 14, 24, 12, 16],
            header: ["发放月份", "姓名", "身份证号", "区划", "原因", "说明", "明细编号", "应追回（元）"], rows: rows)
        let path = NSTemporaryDirectory() + "minzheng-allowance-\(UUID().uuidString).xlsx"
        try XLSXWriter.write(Spreadsheet(sheet), to: URL(fileURLWithPath: path))
        let (count, total) = (payments.count, payments.reduce(Int64(0)) { $0 + $1.amountToRecoverFen })
        try await req.writer.transaction { _, audit in
            try await audit.record(
                "seniorAllowance.wrongPayments.export", entity: "enrollment", id: nil, region: user.region.value,
                after: ["month": month?.description ?? "", "lines": String(count), "totalFen": String(total)])
        }
        return try await FileDownload.send(
            req, path: path, name: "allowance-wrong-payments\(month.map { "-\($0)" } ?? "").xlsx",
            type: XLSXWriter.mediaType)
    }
}

struct SeniorAllowancePage: Encodable {
    let layout: LayoutContext
    let runMonth: String
    var month = ""
    var result: SeniorAllowanceService.Counts?
    var resultMonth: String?
    var rows: [Row] = []
    var count = 0
    var total = Fen.zero.formatted
    var exportLink = ""
    var error: String?

    struct Row: Encodable {
        let month: String
        let name: String
        let idMasked: String
        let region: String
        let reason: String
        let detail: String
        let amount: String
        let personLink: String?
    }

    static func reasonText(_ code: String) -> String {
        switch code {
        case "deceased": return "死亡后发放"
        case "movedOut": return "迁出后发放"
        case "duplicate": return "重复发放"
        default: return code
        }
    }

    mutating func setPayments(_ payments: [SeniorAllowanceStore.WrongPayment], regions: RegionTable) {
        rows = payments.map { p in
            Row(
                month: p.month, name: p.name ?? "", idMasked: p.idMasked ?? "",
                region: RegionCode(p.region).flatMap(regions.name) ?? p.region, reason: Self.reasonText(p.reason),
                detail: p.detail ?? "", amount: Fen(p.amountToRecoverFen).formatted,
                personLink: p.personId.map { Route.person.path($0) })
        }
        count = payments.count
        total = Fen(payments.reduce(0) { $0 + $1.amountToRecoverFen }).formatted
    }
}
