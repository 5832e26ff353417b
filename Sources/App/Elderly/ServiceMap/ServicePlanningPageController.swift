import Foundation
import MinzhengCore
import Vapor

/// 服务圈规划: the planning view for staff (the "15-minute circle" of each community, the
/// communities outside it, the nursing-bed share by district) and the form that records
/// where a street's or community's office is.
struct ServicePlanningPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.facilityPlanning.pattern, use: show)
        routes.post(Route.facilityPlanningLocation.pattern, use: setLocation)
    }

    struct Row: Encodable {
        let code: String
        let name: String
        let olderResidents: Int
        let nearest: String?
        let distance: String?
        let state: String
        let outside: Bool
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

    private func render(
        _ req: Request, form: [String: String] = [:], notice: String? = nil, error: Refusal? = nil
    ) async throws -> View {
        let user = try req.user
        let coverage = try await req.servicePlanning.coverage(for: user)
        let regions = req.platform.regions
        let showAll = req.query[String.self, at: "show"] == "all"
        let rows = coverage.reaches.filter { showAll || $0.covered != true }.map { r in
            Row(
                code: r.community.code,
                name: RegionCode(r.community.code).map { regions.fullName(of: $0) } ?? r.community.code,
                olderResidents: r.community.olderResidents, nearest: r.nearest?.name,
                distance: r.metres.map(GeoPoint.text(metres:)),
                state: r.covered == true ? "服务圈内" : r.covered == false ? "服务圈外" : "未登记驻地位置",
                outside: r.covered == false)
        }
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
