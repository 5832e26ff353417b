import Foundation
import MinzhengCore
import MinzhengExport
import Vapor

/// 服务圈规划: the planning view for staff (the "15-minute circle" of each community, the
/// communities outside it, the nursing-bed share by district) and the form that records
/// where a street's or community's office is.
struct ServicePlanningPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.facilityPlanning.pattern, use: show)
        routes.get(Route.facilityPlanningExport.pattern, use: export)
        routes.post(Route.facilityPlanningLocation.pattern, use: setLocation)
    }

    struct Row: Encodable {
        let code: String
        let name: String
        let olderResidents: Int
        let nearest: String?
        let metres: Int?
        let distance: String?
        let state: String
        let outside: Bool
        let covered: Bool
    }

    struct PlanningPage: Encodable {
        let layout: LayoutContext
        let radius: String
        let elderlyAge: Int
        let summary: ServiceCoverage.Summary
        let rows: [Row]
        let showAll: Bool
        let hidden: Int
        let report: BedReport
        let canManage: Bool
        let form: [String: String]
        let notice: String?
        let error: String?
        let errorField: String?
    }

    /// Every community as a row of the page and of the export.
    private static func rows(_ coverage: ServicePlanningService.Coverage, regions: RegionTable) -> [Row] {
        coverage.reaches.map { r in
            Row(
                code: r.community.code,
                name: RegionCode(r.community.code).map { regions.fullName(of: $0) } ?? r.community.code,
                olderResidents: r.community.olderResidents, nearest: r.nearest?.name, metres: r.metres.map { Int($0) },
                distance: r.metres.map(GeoPoint.text(metres:)),
                state: r.covered == true ? "服务圈内" : r.covered == false ? "服务圈外" : "未登记驻地位置",
                outside: r.covered == false, covered: r.covered == true)
        }
    }

    private func render(
        _ req: Request, form: [String: String] = [:], notice: String? = nil, error: Refusal? = nil
    ) async throws -> View {
        let user = try req.user
        let coverage = try await req.servicePlanning.coverage(for: user)
        let showAll = req.query[String.self, at: "show"] == "all"
        let rows = Self.rows(coverage, regions: req.platform.regions).filter { showAll || !$0.covered }
        return try await req.view.render(
            "elderly/planning",
            PlanningPage(
                layout: LayoutContext(request: req, title: "养老服务圈规划", user: user),
                radius: GeoPoint.text(metres: Double(coverage.radiusMetres)), elderlyAge: coverage.elderlyAge,
                summary: coverage.summary, rows: rows, showAll: showAll, hidden: coverage.reaches.count - rows.count,
                report: try await req.facilities.beds(for: user), canManage: user.role.may(.manageFacilities),
                form: form, notice: notice, error: error?.message, errorField: error?.field))
    }

    func show(req: Request) async throws -> View {
        let saved = req.query[String.self, at: "saved"]
        return try await render(req, notice: saved.map { "已登记 \($0) 的驻地位置" })
    }

    /// Every community of the viewer's region as .xlsx (counts and distances, no personal data).
    func export(req: Request) async throws -> Response {
        let user = try req.user
        let coverage = try await req.servicePlanning.coverage(for: user)
        var rest = Self.rows(coverage, regions: req.platform.regions)[...]
        let file = try await XLSXExport.write(
            sheet: "养老服务圈", columnWidths: [16, 36, 10, 30, 12, 14],
            header: ["社区代码", "社区", "老年人", "最近的社区级设施", "距离（米）", "情况"]
        ) { _, limit in
            let page = rest.prefix(limit)
            rest = rest.dropFirst(page.count)
            return page.map { r in
                [
                    .text(r.code), .text(r.name), .integer(Int64(r.olderResidents)),
                    r.nearest.map { .text($0) } ?? .empty,
                    r.metres.map { .integer(Int64($0)) } ?? .empty, .text(r.state),
                ]
            }
        }
        return try await FileDownload.send(
            req, path: file.path, name: "service-circle-\(user.region.value).xlsx", type: XLSXWriter.mediaType)
    }

    func setLocation(req: Request) async throws -> Response {
        let user = try req.user
        let form = try req.content.decode([String: String].self)
        do {
            let code = try await req.servicePlanning.setLocation(
                code: form["code"], latitude: form["latitude"], longitude: form["longitude"], by: user)
            return req.redirect(to: Pager.link(path: Route.facilityPlanning.path, filters: ["saved": code.value]))
        } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
            return try await render(req, form: form, error: error).encodeResponse(status: error.status, for: req)
        }
    }
}

/// The public map, the adviser and the planning view.
enum ServiceMapRoutes {
    static func register(pages: RoutesBuilder, signedIn: RoutesBuilder) throws {
        try pages.register(collection: ServiceMapPageController())
        try signedIn.register(collection: AdvicePageController())
        try signedIn.register(collection: ServicePlanningPageController())
    }
}
