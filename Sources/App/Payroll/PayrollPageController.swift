import Foundation
import MinzhengCore
import MinzhengExport
import SQLKit
import Vapor

/// 待遇发放: monthly rolls (generate, approve by a second person, bank files, the bank's
/// return file) and the monthly report with its chart.
struct PayrollPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.payroll.pattern, use: list)
        routes.post(Route.payroll.pattern, use: generate)
        routes.get(Route.payrollRoll.pattern, use: show)
        routes.post(Route.payrollApprove.pattern, use: approve)
        routes.get(Route.payrollBankCSV.pattern, use: bankCSV)
        routes.get(Route.payrollBankXLSX.pattern, use: bankXLSX)
        routes.on(.POST, Route.payrollReconcile.pattern, body: .collect(maxSize: "50mb"), use: reconcile)
        routes.get(Route.payrollReport.pattern, use: reportXLSX)
    }

    func list(req: Request) async throws -> View {
        try await renderList(req, error: nil)
    }

    private func renderList(_ req: Request, error: String?) async throws -> View {
        let user = try req.user
        try user.require(.managePayroll)
        let rolls = try await PayrollStore(db: req.sql).rolls(within: user.scope)
        return try await req.view.render(
            "payroll/list",
            ListPage(
                layout: LayoutContext(request: req, title: "待遇发放", user: user),
                rolls: rolls.map { RollView($0, regions: req.platform.regions) },
                month: req.today.yearMonth.adding(months: 1).description, error: error))
    }

    struct GenerateForm: Content {
        var month: String?
        var replace: String?
    }

    func generate(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.managePayroll)
        let form = try req.content.decode(GenerateForm.self)
        if form.replace == "on",
            let ask = try await Confirmation.ask(
                req, user: user, title: "确认重新生成名册",
                message: "将删除 \(form.month ?? "") 的草稿名册并按当前待遇重新生成。确定重新生成？",
                confirmLabel: "确认重新生成", cancel: Route.payroll.path)
        {
            return ask
        }
        do {
            guard let month = form.month.flatMap(YearMonth.init) else { throw Refusal.invalid("month", "月份应为 YYYY-MM") }
            let roll = try await req.payroll
                .generate(month: month, region: user.region, replace: form.replace == "on")
            return req.redirect(to: Route.payrollRoll.path(roll.id))
        } catch let error as Refusal {
            return try await renderList(req, error: error.message).encodeResponse(status: error.status, for: req)
        }
    }

    /// Failed lines listed on a roll's page; the count says how many more there are.
    static let failedShown = 500

    func show(req: Request) async throws -> View {
        try await render(req, id: try Self.id(req), error: nil, reconciliation: nil)
    }

    private func render(
        _ req: Request, id: UUID, error: String?, reconciliation: PayrollService.Reconciliation?
    ) async throws -> View {
        let user = try req.user
        let roll = try await Self.roll(req, id: id, user: user)
        let store = PayrollStore(db: req.sql)
        let catalog = try await CatalogStore(db: req.sql).catalog()
        let totals = try await store.totals(roll: id).map { t in
            Total(
                item: AssistanceItemCode(t.item).map { catalog.displayName(of: $0) } ?? t.item,
                district: RegionCode(t.district).flatMap(req.platform.regions.name) ?? t.district, lines: t.lines,
                total: Fen(t.totalFen).formatted, totalFen: t.totalFen)
        }
        var byDistrict: [String: Int64] = [:]
        for t in totals { byDistrict[t.district, default: 0] += t.totalFen }
        let failed = try await store.failedLines(roll: id, limit: Self.failedShown).map { line in
            FailedLine(
                id: line.id, name: line.payee ?? "", amount: Fen(line.amountFen).formatted, reason: line.reason ?? "")
        }
        let failedTotal = failed.count < Self.failedShown ? failed.count : try await store.failedCount(roll: id)
        return try await req.view.render(
            "payroll/roll",
            RollPage(
                layout: LayoutContext(request: req, title: "发放名册 \(roll.month)", user: user),
                roll: RollView(roll, regions: req.platform.regions),
                totals: totals,
                chart: BarChartSVG.render(bars: byDistrict.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }),
                failed: failed, failedTotal: failedTotal, failedTruncated: failedTotal > failed.count,
                canApprove: roll.state == RollState.draft.rawValue && roll.generatedBy != req.auditActor.name,
                canExport: roll.state != RollState.draft.rawValue, error: error, reconciliation: reconciliation))
    }

    struct ApproveForm: Content { var version: Int? }

    func approve(req: Request) async throws -> Response {
        let user = try req.user
        let id = try Self.id(req)
        let roll = try await Self.roll(req, id: id, user: user)
        // Asked only when the approval can go ahead; a refusal (the maker's own roll) is said at once.
        if roll.state == RollState.draft.rawValue, roll.generatedBy != req.auditActor.name,
            let ask = try await Confirmation.ask(
                req, user: user, title: "确认审核名册",
                message:
                    "审核后 \(roll.month) 名册（\(roll.lineCount) 笔，合计 \(Fen(roll.totalFen).formatted)）即锁定，不能再修改或重新生成。确定审核？",
                confirmLabel: "确认审核", cancel: Route.payrollRoll.path(id))
        {
            return ask
        }
        do {
            try await req.payroll.approve(
                roll: id, version: try req.content.decode(ApproveForm.self).version ?? -1)
            return req.redirect(to: Route.payrollRoll.path(id))
        } catch let error as Refusal where error.status != .notFound {
            return try await render(req, id: id, error: error.message, reconciliation: nil).encodeResponse(
                status: error.status, for: req)
        }
    }

    func bankCSV(req: Request) async throws -> Response { try await bank(req, format: .csv) }
    func bankXLSX(req: Request) async throws -> Response { try await bank(req, format: .xlsx) }

    private func bank(_ req: Request, format: BankFileExport.Format) async throws -> Response {
        let user = try req.user
        let roll = try await Self.roll(req, id: try Self.id(req), user: user)
        let file = try await BankFileExport(db: req.sql, cipher: req.platform.cipher).write(roll: roll, format: format)
        // The bank file holds full ID and account numbers: who exported it is audited.
        _ = try await req.auditedTransaction { _, audit in
            try await audit.record(
                "payroll.export", entity: "payroll_roll", id: roll.id.uuidString, region: roll.region,
                after: ["format": format.rawValue, "lines": String(file.lines), "totalFen": String(file.totalFen)])
        }
        return try await FileDownload.send(
            req, path: file.path, name: "bank-\(roll.month).\(format.rawValue)",
            type: format == .csv ? "text/csv; charset=utf-8" : XLSXWriter.mediaType)
    }

    func reportXLSX(req: Request) async throws -> Response {
        let user = try req.user
        let id = try Self.id(req)
        let roll = try await Self.roll(req, id: id, user: user)
        let catalog = try await CatalogStore(db: req.sql).catalog()
        let rows: [[Spreadsheet.Cell]] = try await PayrollStore(db: req.sql).totals(roll: id).map { t in
            [
                .text(RegionCode(t.district).flatMap(req.platform.regions.name) ?? t.district),
                .text(AssistanceItemCode(t.item).map { catalog.displayName(of: $0) } ?? t.item),
                .integer(Int64(t.lines)), .money(fen: t.totalFen),
            ]
        }
        let sheet = try Spreadsheet.Sheet(
            name: "汇总 \(roll.month)", columnWidths: [14, 24, 10, 16], header: ["区", "救助事项", "笔数", "金额（元）"], rows: rows)
        let path = NSTemporaryDirectory() + "minzheng-report-\(UUID().uuidString).xlsx"
        try XLSXWriter.write(Spreadsheet(sheet), to: URL(fileURLWithPath: path))
        return try await FileDownload.send(
            req, path: path, name: "report-\(roll.month).xlsx", type: XLSXWriter.mediaType)
    }

    func reconcile(req: Request) async throws -> Response {
        struct Upload: Content { var file: File? }
        let user = try req.user
        let id = try Self.id(req)
        _ = try await Self.roll(req, id: id, user: user)
        do {
            guard let file = try req.content.decode(Upload.self).file, file.data.readableBytes > 0 else {
                throw Refusal.invalid("file", "请选择银行回盘文件（CSV）")
            }
            let result = try await UploadedFile.withTemporaryCopy(of: file, named: "return") { path in
                try await req.payroll.reconcile(roll: id, csv: path)
            }
            return try await render(req, id: id, error: nil, reconciliation: result).encodeResponse(for: req)
        } catch let error as Refusal where error.status != .notFound {
            return try await render(req, id: id, error: error.message, reconciliation: nil).encodeResponse(
                status: error.status, for: req)
        }
    }

    /// The roll, if inside the user's region (404 otherwise).
    static func roll(_ req: Request, id: UUID, user: CurrentUser) async throws -> PayrollStore.Roll {
        try user.require(.managePayroll)
        guard let roll = try await PayrollStore(db: req.sql).roll(id: id), let region = RegionCode(roll.region),
            user.region.contains(region)
        else {
            throw Refusal.notFound("发放名册")
        }
        return roll
    }

    static func id(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Refusal.notFound("发放名册") }
        return id
    }
}
