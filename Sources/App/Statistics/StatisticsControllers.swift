import Foundation
import MinzhengCore
import MinzhengExport
import Vapor

/// `GET /api/v1/statistics?month=YYYY-MM|year=YYYY&region=` (`viewStatistics`): the report of
/// one's region or a region under it, with the definition of every figure and whether the
/// month is frozen. A region outside one's own is not found.
struct StatisticsAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.statistics.pattern) { req async throws -> StatisticsService.Report in
            let statistics = try req.statistics()
            return try await statistics.report(
                try StatisticsRoutes.period(req), region: try statistics.region(req.query[String.self, at: "region"]))
        }
        routes.get(Route.API.dashboard.pattern) { req async throws -> StatisticsService.Dashboard in
            try await req.statistics().dashboard(year: try RentalRoutes.year(req))
        }
    }
}

/// 民政统计 (`/statistics`): the month's or the year's figures by area, the region's districts
/// or streets as columns (each a link down), every figure with its definition and, for roles
/// that may open them, a link to the records behind it; the trends as charts; the .xlsx.
struct StatisticsPageController: RouteCollection {
    struct Page: Encodable {
        let layout: LayoutContext
        let period: String
        let isYear: Bool
        let month: String
        let year: Int
        let regionName: String
        let regionQuery: String
        let up: Link?
        let columns: [Link]
        let areas: [Area]
        let frozen: String?
        let frozenMonths: String?
        let charts: [Chart]
        let error: String?
    }

    struct Link: Encodable {
        let name: String
        let href: String
    }

    struct Area: Encodable {
        let name: String
        let figures: [Line]
    }

    struct Line: Encodable {
        let name: String
        let definition: String
        let total: String
        let href: String?
        let values: [Cell]
    }

    /// A value with its column's name (the label of a card on a phone).
    struct Cell: Encodable {
        let label: String
        let value: String
    }

    struct DashboardPage: Encodable {
        let layout: LayoutContext
        let d: StatisticsService.Dashboard
        let regionName: String
        let statistics: String
    }

    struct Chart: Encodable {
        let title: String
        let svg: String
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.statistics.pattern) { req async throws -> Response in
            do {
                return try await Self.page(req).encodeResponse(for: req)
            } catch let refusal as Refusal where refusal.kind == .invalid {
                let user = try req.user
                try user.require(.viewStatistics)
                let month = req.today.yearMonth.adding(months: -1)
                return try await req.view.render(
                    "statistics/index",
                    Page(
                        layout: LayoutContext(request: req, title: "民政统计", user: user), period: month.description,
                        isYear: false, month: month.description, year: month.year,
                        regionName: req.platform.regions.fullName(of: user.region), regionQuery: user.region.value,
                        up: nil, columns: [], areas: [], frozen: nil, frozenMonths: nil, charts: [],
                        error: refusal.message)
                ).encodeResponse(status: refusal.status, for: req)
            }
        }
        routes.get(Route.dashboard.pattern) { req async throws -> View in
            let statistics = try req.statistics()
            let year = try RentalRoutes.year(req)
            let dashboard = try await statistics.dashboard(year: year)
            return try await req.view.render(
                "statistics/dashboard",
                DashboardPage(
                    layout: LayoutContext(request: req, title: "领导驾驶舱", user: statistics.user), d: dashboard,
                    regionName: req.platform.regions.fullName(of: statistics.user.region),
                    statistics: Route.statistics.path + "?year=\(year)&region=\(statistics.user.region.value)"))
        }
        routes.get(Route.statisticsExport.pattern) { req async throws -> Response in
            let statistics = try req.statistics()
            let period = try StatisticsRoutes.period(req)
            let region = try statistics.region(req.query[String.self, at: "region"])
            let file = try await statistics.file(period, region: region)
            return try await FileDownload.send(
                req, path: file.path, name: "statistics-\(region.value)-\(period.text).xlsx", type: XLSXWriter.mediaType
            )
        }
    }

    static func page(_ req: Request) async throws -> View {
        let statistics = try req.statistics()
        let period = try StatisticsRoutes.period(req)
        let region = try statistics.region(req.query[String.self, at: "region"])
        let report = try await statistics.report(period, region: region)
        let user = statistics.user
        let query: (String) -> String = { code in
            switch period {
            case .month(let m): return "?month=\(m)&region=\(code)"
            case .year(let y): return "?year=\(y)&region=\(code)"
            }
        }
        let show: (Int64, String) -> String = { value, unit in unit == "fen" ? Fen(value).formatted : "\(value)" }
        let areas = StatisticsArea.allCases.compactMap { area -> Area? in
            let lines = report.figures.filter { $0.area == area.rawValue }.map { f in
                Line(
                    name: f.name, definition: f.definition, total: show(f.total, f.unit),
                    href: StatisticsService.link(f.key, user: user, month: period.month, region: region),
                    values: zip(report.columns, f.values).map { Cell(label: $0.name, value: show($1, f.unit)) })
            }
            return lines.isEmpty ? nil : Area(name: area.chinese, figures: lines)
        }
        let ending: YearMonth
        switch period {
        case .month(let m): ending = m
        case .year(let y): ending = min(YearMonth(year: y, month: 12)!, req.today.yearMonth)
        }
        let charts = try await statistics.trends(ending: ending, region: region).map { trend -> Chart in
            let format: (Int64) -> String = trend.figure.unit == .fen ? { Fen($0).formatted } : { "\($0)" }
            return Chart(
                title: "\(trend.figure.name)（近 12 个月）",
                svg: BarChartSVG.render(bars: trend.points.map { ($0.month, $0.value) }, format: format))
        }
        let parent = region.parent.flatMap { user.region.contains($0) ? $0 : nil }
        let month: YearMonth
        let isYear: Bool
        switch period {
        case .month(let m): (month, isYear) = (m, false)
        case .year(let y): (month, isYear) = (YearMonth(year: y, month: 1)!, true)
        }
        let frozenMonths: String? = isYear ? "\(report.frozenMonths.count)/\(report.months.count)" : nil
        return try await req.view.render(
            "statistics/index",
            Page(
                layout: LayoutContext(request: req, title: "民政统计", user: user), period: report.period,
                isYear: isYear, month: month.description,
                year: month.year, regionName: report.regionName, regionQuery: region.value,
                up: parent.map {
                    Link(name: req.platform.regions.fullName(of: $0), href: Route.statistics.path + query($0.value))
                },
                columns: report.columns.map { Link(name: $0.name, href: Route.statistics.path + query($0.region)) },
                areas: areas,
                frozen: report.frozen.map {
                    "本月数据已于 \(BeijingTime.timestamp($0.frozenAt)) 冻结（\($0.frozenBy)），按冻结时的数据版本展示：审计序号 \($0.auditSequence)，发放名册 \($0.payrollRolls.count) 份，摘要 \($0.digest.prefix(16))…"
                },
                frozenMonths: frozenMonths,
                charts: charts.filter { !$0.svg.isEmpty }, error: nil))
    }
}

enum StatisticsRoutes {
    static func register(api: RoutesBuilder, signedIn: RoutesBuilder) throws {
        try api.register(collection: StatisticsAPIController())
        try signedIn.register(collection: StatisticsPageController())
    }

    /// `?year=YYYY` for a year, else `?month=YYYY-MM` (last month when absent), from 2021 to now.
    static func period(_ req: Request) throws -> StatisticsService.Period {
        let today = req.today
        if let text = req.query[String.self, at: "year"], !text.isEmpty {
            guard let year = Int(text), (2021...today.year).contains(year) else {
                throw Refusal.invalid("year", "年份应为 2021 至 \(today.year)")
            }
            return .year(year)
        }
        guard let text = req.query[String.self, at: "month"], !text.isEmpty else {
            return .month(today.yearMonth.adding(months: -1))
        }
        guard let month = YearMonth(text), month >= YearMonth(year: 2021, month: 1)!, month <= today.yearMonth else {
            throw Refusal.invalid("month", "月份应为 YYYY-MM（2021-01 至本月）")
        }
        return .month(month)
    }
}
