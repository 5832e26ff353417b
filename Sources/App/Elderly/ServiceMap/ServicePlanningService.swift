import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The planning view of the bureau's spatial-layout plan (养老服务设施布局规划): each
/// community's distance to the nearest neighbourhood facility against the "15-minute
/// circle", the communities outside it with their residents aged 60+, and recording where a
/// street's or community's office is.
struct ServicePlanningService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let regions: RegionTable
    let clock: PlatformClock

    struct Coverage: Sendable {
        let radiusMetres: Int
        let elderlyAge: Int
        let reaches: [ServiceCoverage.Reach]
        let summary: ServiceCoverage.Summary
    }

    /// The communities of the user's region: every one with a recorded office or a living
    /// resident, each with its nearest neighbourhood facility of the city.
    func coverage(for user: CurrentUser) async throws -> Coverage {
        try user.require(.viewFacilities)
        let today = clock.today
        let parameters = try await PolicyStore(db: db).parameters(for: user.region.value, month: today.yearMonth)
        let store = ServiceCoverageStore(db: db)
        let older = try await store.olderResidents(
            within: user.scope, bornBy: today.adding(months: -12 * parameters.elderlyAge))
        let located = try await RegionLocationStore(db: db).locations(within: user.scope, level: .community)
        let codes = Set(older.keys).union(located.keys).sorted()
        let communities = codes.map {
            ServiceCoverage.Community(code: $0, location: located[$0], olderResidents: older[$0] ?? 0)
        }
        let radius = parameters.facilities.serviceCircleMetres
        let reaches = ServiceCoverage.reach(
            of: communities, centres: try await store.centres(), radiusMetres: Double(radius))
        return Coverage(
            radiusMetres: radius, elderlyAge: parameters.elderlyAge, reaches: reaches,
            summary: ServiceCoverage.Summary(reaches))
    }

    /// Records where a street's or community's office is (a community of a known street).
    func setLocation(
        code text: String?, latitude: String?, longitude: String?, by user: CurrentUser
    ) async throws
        -> RegionCode
    {
        try user.require(.manageFacilities)
        let typed = (text ?? "").trimmedWhitespace
        guard let code = RegionCode(typed), code.level == .street || code.level == .community,
            regions.isKnownOrCommunityOfKnownStreet(code), RegionTable.changzhou.contains(code)
        else { throw Refusal.invalid("code", "应填写常州市的9位街道或12位社区代码，收到 \(typed)") }
        guard user.region.contains(code) else { throw Refusal.invalid("code", "区划 \(code.value) 不在您的管辖范围") }
        let point = try RegistryInput.check { () throws(FieldProblem) in
            guard let point = try GeoPoint.typed(latitude: latitude, longitude: longitude) else {
                throw FieldProblem("latitude", "请填写驻地的纬度和经度（度）")
            }
            return point
        }
        let (now, name) = (clock.now, user.username)
        try await writer.transaction { tx, audit in
            let before = try await RegionLocationStore(db: tx).set(code, to: point, by: name, at: now)
            try await audit.record(
                "region.location.set", entity: "region_location", id: code.value, region: code.value,
                before: before, after: point)
        }
        return code
    }
}

extension Request {
    var servicePlanning: ServicePlanningService {
        ServicePlanningService(db: sql, writer: writer, regions: platform.regions, clock: platform.clock)
    }
}
