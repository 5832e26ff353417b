import Foundation
import MinzhengCore
import Vapor

/// `?region=&kind=&grade=&name=&page=&perPage=`: the facility list's filters, for the API and
/// the page alike, always inside the user's region.
struct FacilityListQuery: Content {
    var region: String?
    var kind: String?
    var grade: String?
    var name: String?
    var page: Int?
    var perPage: Int?

    func filter(user: CurrentUser, regions: RegionTable) throws -> FacilityStore.Filter {
        var f = FacilityStore.Filter()
        if let code = try RegistryInput.regionFilter(region, table: regions) {
            guard user.region.contains(code) || code.contains(user.region) else {
                throw Refusal.invalid("region", "区划 \(code.value) 不在您的管辖范围")
            }
            f.region = RegionScope(code)
        }
        if let text = kind?.trimmedWhitespace, !text.isEmpty {
            guard let k = FacilityKind(rawValue: text) else {
                throw Refusal.invalid("kind", "设施类型应为 " + FacilityKind.allCases.map(\.rawValue).joined(separator: "、"))
            }
            f.kind = k
        }
        if let text = grade?.trimmedWhitespace, !text.isEmpty {
            guard let g = text == "none" ? 0 : Int(text), (0...5).contains(g) else {
                throw Refusal.invalid("grade", "等级应为 1–5 或 none（无有效等级）")
            }
            f.grade = g
        }
        f.name = name?.trimmedWhitespace
        return f
    }

    var links: [String: String?] { ["region": region, "kind": kind, "grade": grade, "name": name] }
}

/// `/api/v1/elderly/…`: facilities, gradings, inspection rounds, inspections and hazards.
struct FacilityAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.facilities.pattern, use: list)
        routes.post(Route.API.facilities.pattern, use: create)
        routes.get(Route.API.facility.pattern, use: show)
        routes.put(Route.API.facility.pattern, use: update)
        routes.get(Route.API.facilityBeds.pattern, use: beds)
        routes.get(Route.API.gradings.pattern, use: gradings)
        routes.post(Route.API.gradings.pattern, use: apply)
        routes.get(Route.API.grading.pattern, use: grading)
        routes.post(Route.API.gradingActions.pattern, use: gradingAction)
        routes.get(Route.API.inspectionRounds.pattern, use: rounds)
        routes.post(Route.API.inspectionRounds.pattern, use: createRound)
        routes.post(Route.API.inspections.pattern, use: inspect)
        routes.get(Route.API.hazards.pattern, use: hazards)
        routes.get(Route.API.hazard.pattern, use: hazard)
        routes.post(Route.API.hazardActions.pattern, use: hazardAction)
        routes.on(.POST, Route.API.hazardEvidence.pattern, body: .collect(maxSize: "11mb"), use: evidence)
        routes.get(Route.API.inspectionCounts.pattern, use: counts)
    }

    static func id(_ req: Request, _ what: String) throws -> UUID {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Refusal.notFound(what) }
        return id
    }

    func list(req: Request) async throws -> Page<FacilityRecord> {
        let user = try req.user
        try user.require(.viewFacilities)
        let q = try req.query.decode(FacilityListQuery.self)
        return try await req.facilities.store.page(
            within: user.scope, filter: try q.filter(user: user, regions: req.platform.regions),
            page: try PageRequest(page: q.page, perPage: q.perPage))
    }

    func create(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.manageFacilities)
        let record = try await req.facilities.create(try req.content.decode(FacilityDraft.Input.self), by: user)
        return try await record.encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> FacilityRecord {
        try await req.facilities.facility(try Self.id(req, "养老服务设施"), for: try req.user)
    }

    func update(req: Request) async throws -> FacilityRecord {
        let user = try req.user
        try user.require(.manageFacilities)
        return try await req.facilities.update(
            try Self.id(req, "养老服务设施"), try req.content.decode(FacilityDraft.Input.self), by: user)
    }

    func beds(req: Request) async throws -> BedReport {
        try await req.facilities.beds(for: try req.user)
    }

    struct GradingList: Content {
        let open: [GradingRecord]
        let expiring: [Expiring]
    }

    struct Expiring: Content {
        let facility: FacilityRecord
        /// 1: within six months, 2: within one month (the parameters' reminders).
        let reminder: Int
    }

    func gradings(req: Request) async throws -> GradingList {
        let user = try req.user
        try user.require(.viewFacilities)
        return GradingList(
            open: try await GradingStore(db: req.sql).open(within: user.scope),
            expiring: try await req.gradings.expiring(for: user).map { Expiring(facility: $0.0, reminder: $0.1) })
    }

    func apply(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.gradeFacilities)
        let g = try await req.gradings.apply(try req.content.decode(GradingService.NewGrading.self), by: user)
        return try await g.encodeResponse(status: .created, for: req)
    }

    func grading(req: Request) async throws -> GradingRecord {
        try await req.gradings.grading(try Self.id(req, "等级评定"), for: try req.user)
    }

    func gradingAction(req: Request) async throws -> GradingRecord {
        let user = try req.user
        try user.require(.gradeFacilities)
        return try await req.gradings.act(
            on: try Self.id(req, "等级评定"), try req.content.decode(GradingService.ActionRequest.self), by: user)
    }

    struct RoundList: Content { let items: [InspectionRoundRecord] }

    func rounds(req: Request) async throws -> RoundList {
        let user = try req.user
        try user.require(.viewFacilities)
        return RoundList(items: try await req.inspections.store.rounds(within: user.scope))
    }

    func createRound(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.inspectFacilities)
        let round = try await req.inspections.createRound(
            try req.content.decode(InspectionService.NewRound.self), by: user)
        return try await round.encodeResponse(status: .created, for: req)
    }

    struct Recorded: Content {
        let inspection: InspectionRecord
        let hazardIds: [UUID]
    }

    func inspect(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.inspectFacilities)
        let (inspection, hazards) = try await req.inspections.record(
            try req.content.decode(InspectionService.NewInspection.self), by: user)
        return try await Recorded(inspection: inspection, hazardIds: hazards).encodeResponse(status: .created, for: req)
    }

    struct HazardQuery: Content {
        var round: UUID?
        var facility: UUID?
        var open: String?
    }

    struct HazardList: Content { let items: [HazardRecord] }

    func hazards(req: Request) async throws -> HazardList {
        let user = try req.user
        try user.require(.viewFacilities)
        let q = try req.query.decode(HazardQuery.self)
        return HazardList(
            items: try await req.inspections.store.hazards(
                within: user.scope,
                filter: .init(round: q.round, facility: q.facility, openOnly: ["1", "true"].contains(q.open ?? "")),
                today: req.today))
    }

    func hazard(req: Request) async throws -> HazardRecord {
        try await req.inspections.hazard(try Self.id(req, "隐患"), for: try req.user)
    }

    func hazardAction(req: Request) async throws -> HazardRecord {
        let user = try req.user
        try user.require(.inspectFacilities)
        return try await req.inspections.act(
            on: try Self.id(req, "隐患"), try req.content.decode(InspectionService.HazardActionRequest.self), by: user)
    }

    /// Multipart: `file` (a photo, the documents' rules) and an optional `note`.
    func evidence(req: Request) async throws -> Response {
        struct Upload: Content {
            var file: File
            var note: String?
        }
        let user = try req.user
        try user.require(.inspectFacilities)
        let id = try Self.id(req, "隐患")
        _ = try await req.inspections.hazard(id, for: user)
        let body = try req.content.decode(Upload.self)
        let h = try await req.inspections.addEvidence(
            to: id, fileName: body.file.filename, bytes: Data(buffer: body.file.data), note: body.note, by: user)
        return try await h.encodeResponse(status: .created, for: req)
    }

    func counts(req: Request) async throws -> InspectionService.Counts {
        try await req.inspections.counts(for: try req.user)
    }
}

/// Registers the facility routes: the API on the bearer group, the pages on the signed-in one.
enum FacilityRoutes {
    static func register(api: RoutesBuilder, pages: RoutesBuilder) throws {
        try api.register(collection: FacilityAPIController())
        try pages.register(collection: FacilityPageController())
        try pages.register(collection: InspectionPageController())
    }
}
