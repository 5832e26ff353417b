import Foundation
import MinzhengCore
import MinzhengExport
import SQLKit
import Vapor

/// 民政统计 for the signed-in user's region: the month's or the year's figures of a region with
/// its districts or streets as columns, from the frozen snapshot when the month is frozen and
/// from the records otherwise; the trends of the headline figures; the report as .xlsx.
struct StatisticsService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock
    let regions: RegionTable
    let user: CurrentUser

    init(db: SQLDatabase, writer: AuditedWriter, clock: PlatformClock, regions: RegionTable, user: CurrentUser) throws {
        try user.require(.viewStatistics)
        (self.db, self.writer, self.clock, self.regions, self.user) = (db, writer, clock, regions, user)
    }

    private var store: StatisticsStore { StatisticsStore(db: db) }

    /// A month (`YYYY-MM`) or a year (`YYYY`) of the report.
    enum Period: Sendable {
        case month(YearMonth)
        case year(Int)

        var text: String {
            switch self {
            case .month(let m): return m.description
            case .year(let y): return String(y)
            }
        }

        /// The month of a month's report; nil for a year.
        var month: YearMonth? {
            if case .month(let m) = self { return m }
            return nil
        }
    }

    struct Column: Content {
        let region: String
        let name: String
    }

    struct Figure: Content {
        let key: String
        let area: String
        let areaName: String
        let name: String
        let unit: String
        let kind: String
        let definition: String
        let total: Int64
        let values: [Int64]
    }

    struct Frozen: Content {
        let month: String
        let frozenAt: Date
        let frozenBy: String
        let digest: String
        let auditSequence: Int64
        let payrollRolls: [String]
    }

    struct Report: Content {
        let period: String
        let region: String
        let regionName: String
        /// The districts of the city or the streets of a district, by code (none for a street).
        let columns: [Column]
        let figures: [Figure]
        /// The month's snapshot when it is frozen; nil for a month computed now (and a year).
        let frozen: Frozen?
        /// The months of the period that are frozen (a year: those shown from their snapshots).
        let frozenMonths: [String]
        /// The months the period is made of (a year in progress: up to this month).
        let months: [String]
    }

    /// The region asked for, within one's own: absent is one's own; another's is not found.
    func region(_ text: String?) throws -> RegionCode {
        guard let text, !text.isEmpty else { return user.region }
        guard let code = RegionCode(text), regions.name(of: code) != nil else {
            throw Refusal.invalid("region", "地区代码不存在")
        }
        guard user.region.contains(code) else { throw Refusal.notFound("地区") }
        return code
    }

    /// The months a period is made of, to this month at most.
    func months(_ period: Period) -> [YearMonth] {
        let now = clock.today.yearMonth
        switch period {
        case .month(let m): return [m]
        case .year(let y):
            return (1...12).compactMap { YearMonth(year: y, month: $0) }.filter { $0 <= now }
        }
    }

    /// The cells of each month under `region`: the snapshot's for a frozen month, the records' otherwise.
    func cells(
        _ months: [YearMonth], region: RegionCode
    ) async throws -> (
        cells: [[StatisticsCell]], snapshots: [YearMonth: StatisticsStore.Snapshot]
    ) {
        let snapshots = try await store.snapshots(months)
        var result: [[StatisticsCell]] = []
        for month in months {
            if let s = snapshots[month] {
                result.append(StatisticsCells.within(region.value, s.cells))
            } else {
                result.append(try await store.cells(month: month, within: RegionScope(region)))
            }
        }
        return (result, snapshots)
    }

    func report(_ period: Period, region: RegionCode) async throws -> Report {
        let months = self.months(period)
        let (monthly, snapshots) = try await cells(months, region: region)
        let combined = monthly.count == 1 ? monthly[0] : StatisticsCells.year(monthly)
        let columns = region.level < .street ? regions.children(of: region) : []
        let lines = StatisticsCells.table(combined, region: region.value, columns: columns.map(\.value))
        var frozen: Frozen?
        if case .month(let m) = period, let s = snapshots[m] {
            frozen = Frozen(
                month: m.description, frozenAt: s.frozenAt, frozenBy: s.frozenBy, digest: s.digest,
                auditSequence: s.auditSequence, payrollRolls: s.payrollRolls)
        }
        return Report(
            period: period.text, region: region.value, regionName: regions.fullName(of: region),
            columns: columns.map { Column(region: $0.value, name: regions.name(of: $0) ?? $0.value) },
            figures: lines.map {
                Figure(
                    key: $0.figure.key, area: $0.figure.area.rawValue, areaName: $0.figure.area.chinese,
                    name: $0.figure.name, unit: $0.figure.unit.rawValue, kind: $0.figure.kind.rawValue,
                    definition: $0.figure.definition, total: $0.total, values: $0.values)
            }, frozen: frozen, frozenMonths: months.filter { snapshots[$0] != nil }.map(\.description),
            months: months.map(\.description))
    }

    /// The headline figures over the twelve months ending with `month`, totals under `region`.
    static let trendFigures = [
        "assistance.dibao.recipients", "assistance.dibao.paid", "elderly.seniorAllowance.recipients",
        StatisticsCatalogue.nursingBeds,
    ]

    struct Trend: Sendable {
        let figure: StatisticsFigure
        let points: [(month: String, value: Int64)]
    }

    func trends(ending month: YearMonth, region: RegionCode) async throws -> [Trend] {
        let months = (0..<12).map { month.adding(months: $0 - 11) }
        let (monthly, _) = try await cells(months, region: region)
        return Self.trendFigures.compactMap { key in
            guard let figure = StatisticsCatalogue.figure(key) else { return nil }
            var points: [(month: String, value: Int64)] = []
            for (m, cells) in zip(months, monthly) {
                let value: Int64 = cells.filter { $0.figure == key }.reduce(0) { $0 + $1.value }
                points.append((m.description, value))
            }
            return Trend(figure: figure, points: points)
        }
    }

    /// The report as .xlsx, laid out as on the page: a row per figure under its area, the
    /// definition, the unit, the total and a column per district or street.
    func file(_ period: Period, region: RegionCode) async throws -> (path: String, rows: Int) {
        let report = try await report(period, region: region)
        let header = ["类别", "指标", "单位", "合计"] + report.columns.map(\.name) + ["统计口径"]
        var rows: [[Spreadsheet.Cell]] = [
            [.text("\(report.regionName) \(report.period) 民政统计")]
                + [.text(report.frozen.map { "已冻结 \(BeijingTime.timestamp($0.frozenAt)) 摘要 \($0.digest)" } ?? "实时计算")]
        ]
        for f in report.figures {
            let value: (Int64) -> Spreadsheet.Cell = { f.unit == "fen" ? .money(fen: $0) : .integer($0) }
            rows.append(
                [.text(f.areaName), .text(f.name), .text(f.unit == "fen" ? "元" : "个")] + [value(f.total)]
                    + f.values.map(value) + [.text(f.definition)])
        }
        var remaining = rows[...]
        let file = try await XLSXExport.write(
            sheet: "民政统计 \(report.period)",
            columnWidths: [14, 26, 6, 14] + report.columns.map { _ in 12 } + [60], header: header
        ) { _, limit in
            let page = remaining.prefix(limit)
            remaining = remaining.dropFirst(page.count)
            return Array(page)
        }
        let (user, period) = (user, period.text)
        try await writer.transaction { _, audit in
            try await audit.record(
                "statistics.export", entity: "statistics", id: period, region: region.value,
                after: ["period": period, "region": region.value, "by": user.username])
        }
        return file
    }

    /// Where the records behind a figure are listed, for a role that may open them, narrowed to
    /// the view's region and month (and the figure's kind or category) where that list can be.
    static func link(_ key: String, user: CurrentUser, month: YearMonth?, region: RegionCode) -> String? {
        let (path, permission): (String, Permission)
        var query: [(String, String)] = []
        if key.hasSuffix(".recipients") || key.hasSuffix(".paid") || key == StatisticsCatalogue.dibaoPersons {
            (path, permission) = (Route.payroll.path, .managePayroll)
        } else if [StatisticsCatalogue.facilities, StatisticsCatalogue.beds, StatisticsCatalogue.nursingBeds].contains(
            key)
        {
            (path, permission) = (Route.facilities.path, .viewFacilities)
            query = [("region", region.value)]
        } else if key == StatisticsCatalogue.adaptations {
            (path, permission) = (Route.adaptations.path, .handleHomeCare)
        } else if key == StatisticsCatalogue.homeCareVisits || key == StatisticsCatalogue.homeCareSubsidy {
            (path, permission) = (Route.homeCareSettlement.path, .handleHomeCare)
            query = month.map { [("month", $0.description)] } ?? []
        } else if key.hasPrefix("elderly.rental.") {
            (path, permission) = (Route.rentalSettlement.path, .handleDeviceRental)
            query = month.map { [("month", $0.description)] } ?? []
        } else if key.hasPrefix("organisations.") {
            (path, permission) = (Route.organisations.path, .manageOrganisations)
            query = [("region", region.value)]
            if let kind = OrganisationKind.allCases.first(where: { StatisticsCatalogue.organisations($0) == key }) {
                query.append(("kind", kind.rawValue))
            }
        } else if key.hasPrefix("children.") {
            (path, permission) = (Route.children.path, .visitHouseholds)
            if let category = ChildCategory.allCases.first(where: { StatisticsCatalogue.children($0) == key }) {
                query = [("category", category.rawValue)]
            }
        } else if key == StatisticsCatalogue.rehabStations {
            (path, permission) = (Route.rehabStations.path, .viewRehabStations)
        } else if key == StatisticsCatalogue.marriages || key == StatisticsCatalogue.divorces {
            (path, permission) = (Route.marriageDesk.path, .handleBookings)
        } else if key == StatisticsCatalogue.funerals {
            (path, permission) = (Route.funeralBills.path, .handleBookings)
        } else if key.hasPrefix("familySearch.") {
            (path, permission) = (Route.familySearchQueue.path, .handleFamilySearch)
        } else {
            return nil
        }
        guard user.role.may(permission) else { return nil }
        return query.isEmpty ? path : path + "?" + query.map { "\($0)=\($1)" }.joined(separator: "&")
    }
}

/// Freezing a month (月末冻结): its cells for the whole city, their digest and the data version
/// (the audit trail's last sequence, the month's payroll rolls) stored once, in one audited
/// transaction. A frozen month is shown from its snapshot from then on.
struct StatisticsFreeze {
    let writer: AuditedWriter
    let clock: PlatformClock

    struct Outcome: Content, Equatable {
        let month: String
        /// False when the month was frozen already (its snapshot stays as it was).
        let frozen: Bool
        let digest: String
        let cells: Int
        let auditSequence: Int64
    }

    func freeze(_ month: YearMonth) async throws -> Outcome {
        guard month < clock.today.yearMonth else {
            throw Refusal.invalid("month", "只能冻结已结束的月份（\(month) 尚未结束）")
        }
        let now = clock.now
        let by = writer.actor.name
        return try await writer.transaction { tx, audit in
            let store = StatisticsStore(db: tx)
            if let s = try await store.snapshot(month: month) {
                return Outcome(
                    month: month.description, frozen: false, digest: s.digest, cells: s.cells.count,
                    auditSequence: s.auditSequence)
            }
            let version = try await store.dataVersion(month: month)
            let cells = try await store.cells(month: month, within: RegionScope(RegionTable.changzhou))
            let digest = StatisticsCells.digest(cells)
            _ = try await store.insert(
                StatisticsStore.Snapshot(
                    month: month, cells: cells, digest: digest, auditSequence: version.auditSequence,
                    payrollRolls: version.rolls, frozenBy: by, frozenAt: now))
            try await audit.record(
                "statistics.freeze", entity: "statistics", id: month.description, region: RegionTable.changzhou.value,
                after: [
                    "month": month.description, "digest": digest, "cells": String(cells.count),
                    "auditSequence": String(version.auditSequence),
                ])
            return Outcome(
                month: month.description, frozen: true, digest: digest, cells: cells.count,
                auditSequence: version.auditSequence)
        }
    }

    /// The hourly round: last month is frozen once it is over.
    static func hourly(_ app: Application) async {
        do {
            let freeze = StatisticsFreeze(
                writer: app.writer(actor: .system("monitoring-timer")), clock: app.platform.clock)
            let outcome = try await freeze.freeze(app.platform.clock.today.yearMonth.adding(months: -1))
            if outcome.frozen { app.logger.info("statistics: \(outcome.month) frozen, digest \(outcome.digest)") }
        } catch {
            app.logger.report(error: error)
        }
    }
}

extension Request {
    func statistics() throws -> StatisticsService {
        try StatisticsService(
            db: sql, writer: writer, clock: platform.clock, regions: platform.regions, user: try user)
    }
}

/// `minzheng statistics freeze [--month YYYY-MM]` (default last month).
struct StatisticsCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["freeze": FreezeCommand()] }
    var help: String { "民政统计：statistics freeze（冻结已结束月份的统计数据）" }

    struct FreezeCommand: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "month", help: "the month, YYYY-MM (default last month)")
            var month: String?
        }
        var help: String { "冻结月度统计：按当时的数据版本保存快照，此后按快照展示" }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            let today = app.platform.clock.today
            let month =
                try signature.month.map { try commandMonth($0, today: today) } ?? today.yearMonth.adding(months: -1)
            let outcome = try await StatisticsFreeze(
                writer: app.writer(actor: .system("cli:statistics")), clock: app.platform.clock
            ).freeze(month)
            context.console.output("\(jsonLine(outcome))")
        }
    }
}

extension StatisticsService {
    struct DashboardCell: Content {
        let region: String
        let regionName: String
        let actual: String
        let target: String?
        /// Whole percent of the target reached; nil without a target.
        let percent: Int?
        let reached: Bool
    }

    struct DashboardLine: Content {
        let key: String
        let name: String
        let cells: [DashboardCell]
    }

    struct Dashboard: Content {
        let year: Int
        /// The month the stocks are taken at (the year's last, or this month).
        let month: String
        let lines: [DashboardLine]
    }

    /// The year's targets (dated parameters in force at the year's last month so far) against
    /// one's region and each of its districts or streets, from the same figures as the report.
    func dashboard(year: Int) async throws -> Dashboard {
        let months = self.months(.year(year))
        guard let month = months.last else { return Dashboard(year: year, month: "", lines: []) }
        let (monthly, _) = try await cells(months, region: user.region)
        let combined = StatisticsCells.year(monthly)
        let history = try await PolicyStore(db: db).history()
        let shown = [user.region] + (user.region.level < .street ? regions.children(of: user.region) : [])
        var totals: [String: [String: Int64]] = [:]
        for region in shown {
            for cell in combined where cell.region.hasPrefix(region.value) {
                totals[region.value, default: [:]][cell.figure, default: 0] += cell.value
            }
        }
        let lines = DashboardTarget.all.map { target in
            DashboardLine(
                key: target.key.rawValue, name: target.name,
                cells: shown.map { region in
                    let actual = target.actual(totals[region.value] ?? [:])
                    let row = history.row(for: target.key, region: region.value, month: month)
                    let goal = row.flatMap { target.inherited || $0.regionCode == region.value ? $0.value : nil }
                    let percent = DashboardTarget.percent(actual: actual, target: goal)
                    return DashboardCell(
                        region: region.value, regionName: regions.name(of: region) ?? region.value,
                        actual: target.text(actual), target: goal.map(target.text), percent: percent,
                        reached: (percent ?? 0) >= 100)
                })
        }
        return Dashboard(year: year, month: month.description, lines: lines)
    }
}
