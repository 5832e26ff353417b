import MinzhengCore
import SQLKit
import Vapor

/// 低保标准调整测算: the what-if as a page. A GET with the standard and month in the query
/// (it changes nothing, so the result can be bookmarked and shared), over the households
/// of the user's own region.
struct SimulationPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.policySimulation.pattern, use: show)
    }

    struct Query: Content {
        var standard: String?
        var from: String?
    }

    func show(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.simulatePolicy)
        let query = try req.query.decode(Query.self)
        let nextMonth = req.today.yearMonth.adding(months: 1)
        var page = SimulationPage(
            layout: LayoutContext(request: req, title: "低保标准调整测算", user: user),
            regionName: req.platform.regions.fullName(of: user.region),
            standard: query.standard ?? "", from: query.from ?? nextMonth.description,
            error: nil, errorField: nil, result: nil)
        if query.standard != nil {
            do {
                let change = try Self.change(query)
                let report = try await SimulationRunner(db: req.sql, cipher: req.platform.cipher).run(
                    change, within: user.scope)
                page.result = SimulationResultView(
                    SimulationFigures(report, region: user.region, regions: req.platform.regions))
            } catch let error as Refusal {
                page.error = error.message
                page.errorField = error.field
            }
        }
        return try await req.view.render("policy/simulation", page)
    }

    private static func change(_ query: Query) throws -> StandardChange {
        guard let text = query.standard, let standard = Fen(yuanText: text), standard > .zero else {
            throw Refusal.invalid("standard", "新的低保标准应为大于 0 的金额（元/月），如 1080")
        }
        guard let from = query.from.flatMap(YearMonth.init) else { throw Refusal.invalid("from", "起始月份应为 YYYY-MM") }
        do { return try StandardChange(newStandard: standard, from: from) } catch {
            throw Refusal.invalid("standard", error.description)
        }
    }
}
