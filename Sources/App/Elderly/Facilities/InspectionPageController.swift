import Foundation
import MinzhengCore
import Vapor

/// 安全检查: rounds and their form, a round's facilities and inspections, the checklist of
/// one facility, a hazard with its photos and re-inspection, and the counts.
struct InspectionPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.inspections.pattern, use: rounds)
        routes.post(Route.inspections.pattern, use: createRound)
        routes.get(Route.inspectionCounts.pattern, use: counts)
        routes.get(Route.inspectionRound.pattern, use: round)
        routes.get(Route.inspectionNew.pattern, use: checklist)
        routes.post(Route.inspectionNew.pattern, use: record)
        routes.get(Route.hazard.pattern, use: hazard)
        routes.on(.POST, Route.hazardEvidence.pattern, body: .collect(maxSize: "11mb"), use: evidence)
        routes.post(Route.hazardReinspect.pattern, use: reinspect)
        routes.get(Route.hazardPhoto.pattern, use: photo)
    }

    private static func user(_ req: Request, _ permission: Permission = .viewFacilities) throws -> CurrentUser {
        let user = try req.user
        try user.require(permission)
        return user
    }

    struct RoundsPage: Encodable {
        let layout: LayoutContext
        let rounds: [InspectionRoundRecord]
        let canInspect: Bool
        let form: InspectionService.NewRound
        let picker: RegionPicker
        let error: String?
        let errorField: String?
    }

    func rounds(req: Request) async throws -> View {
        try await renderRounds(req, form: .init(), error: nil)
    }

    private func renderRounds(_ req: Request, form: InspectionService.NewRound, error: Refusal?) async throws -> View {
        let user = try Self.user(req)
        var picker = RegistryPageController.filterPicker(req, user: user, selected: form.region)
        picker.invalid = error?.field == "region"
        var shown = form
        if shown.startsOn == nil { shown.startsOn = req.today.description }
        if shown.endsOn == nil { shown.endsOn = req.today.adding(days: 30).description }
        return try await req.view.render(
            "elderly/inspections",
            RoundsPage(
                layout: LayoutContext(request: req, title: "安全检查", user: user),
                rounds: try await req.inspections.store.rounds(within: user.scope),
                canInspect: user.role.may(.inspectFacilities), form: shown, picker: picker, error: error?.message,
                errorField: error?.field))
    }

    func createRound(req: Request) async throws -> Response {
        let user = try Self.user(req, .inspectFacilities)
        struct Form: Content {
            var name: String?
            var unannounced: String?
            var region: String?
            var startsOn: String?
            var endsOn: String?
        }
        let f = try req.content.decode(Form.self)
        let body = InspectionService.NewRound(
            name: f.name, unannounced: ["1", "on", "true"].contains(f.unannounced ?? ""), region: f.region,
            startsOn: f.startsOn, endsOn: f.endsOn)
        do {
            let round = try await req.inspections.createRound(body, by: user)
            return req.redirect(to: Route.inspectionRound.path(round.id))
        } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
            return try await renderRounds(req, form: body, error: error).encodeResponse(status: error.status, for: req)
        }
    }

    struct RoundPage: Encodable {
        struct Row: Encodable {
            let facility: FacilityRecord
            let inspected: Bool
            let link: String
        }
        let layout: LayoutContext
        let round: InspectionRoundRecord
        let rows: [Row]
        let hazards: [HazardRecord]
        let canInspect: Bool
        let pager: Pager?
    }

    func round(req: Request) async throws -> View {
        let user = try Self.user(req)
        let id = try FacilityAPIController.id(req, "检查批次")
        let round = try await req.inspections.round(id, for: user)
        // The round's facilities the user can reach: the narrower of the two regions.
        let roundRegion = RegionCode(round.region) ?? user.region
        let scope = RegionScope(user.region.contains(roundRegion) ? roundRegion : user.region)
        let page = try await req.facilities.store.page(
            within: scope, filter: .init(), page: try PageRequest(page: req.query[Int.self, at: "page"], perPage: 50))
        let done = Set(try await req.inspections.store.inspections(round: id, within: user.scope).map(\.facilityId))
        return try await req.view.render(
            "elderly/round",
            RoundPage(
                layout: LayoutContext(request: req, title: round.name, user: user), round: round,
                rows: page.items.map {
                    .init(facility: $0, inspected: done.contains($0.id), link: Route.inspectionNew.path(id, $0.id))
                },
                hazards: try await req.inspections.store.hazards(
                    within: user.scope, filter: .init(round: id), today: req.today),
                canInspect: user.role.may(.inspectFacilities),
                pager: Pager.make(path: Route.inspectionRound.path(id), filters: [:], result: page)))
    }

    struct ChecklistPage: Encodable {
        struct Item: Encodable {
            let code: String
            let field: String
            let category: String
            let text: String
            let mandatory: Bool
            let failed: Bool
            let serious: Bool
            let description: String
        }
        let layout: LayoutContext
        let round: InspectionRoundRecord
        let facility: FacilityRecord
        let items: [Item]
        let action: String
        let seriousDays: Int
        let generalDays: Int
        let error: String?
    }

    func checklist(req: Request) async throws -> View {
        try await renderChecklist(req, form: [:], error: nil)
    }

    /// `fail-fire-exits` for the item `fire.exits`: form names without dots.
    private static func field(_ code: String) -> String { code.replacingOccurrences(of: ".", with: "-") }

    private func renderChecklist(_ req: Request, form: [String: String], error: Refusal?) async throws -> View {
        let user = try Self.user(req, .inspectFacilities)
        let round = try await req.inspections.round(try FacilityAPIController.id(req, "检查批次"), for: user)
        guard let facilityID = req.parameters.get("facility", as: UUID.self) else { throw Refusal.notFound("养老服务设施") }
        let facility = try await req.facilities.facility(facilityID, for: user)
        let p = try await FacilityService.parameters(db: req.sql, region: facility.region, on: req.today)
        let kind = FacilityKind(rawValue: facility.kind) ?? .communityStation
        return try await req.view.render(
            "elderly/checklist",
            ChecklistPage(
                layout: LayoutContext(request: req, title: "检查：\(facility.name)", user: user), round: round,
                facility: facility,
                items: InspectionChecklist.items(for: kind).map { item in
                    let f = Self.field(item.code)
                    return .init(
                        code: item.code, field: f, category: item.category.chinese, text: item.text,
                        mandatory: item.mandatory, failed: form["fail-\(f)"] != nil,
                        serious: form["severity-\(f)"] == HazardSeverity.serious.rawValue,
                        description: form["desc-\(f)"] ?? "")
                }, action: Route.inspectionNew.path(round.id, facility.id), seriousDays: p.seriousHazardDays,
                generalDays: p.generalHazardDays, error: error?.message))
    }

    func record(req: Request) async throws -> Response {
        let user = try Self.user(req, .inspectFacilities)
        let roundID = try FacilityAPIController.id(req, "检查批次")
        guard let facilityID = req.parameters.get("facility", as: UUID.self) else { throw Refusal.notFound("养老服务设施") }
        let form = try req.content.decode([String: String].self)
        let findings = InspectionChecklist.items.compactMap { item -> InspectionService.Finding? in
            let f = Self.field(item.code)
            guard form["fail-\(f)"] != nil else { return nil }
            return .init(item: item.code, severity: form["severity-\(f)"], description: form["desc-\(f)"])
        }
        do {
            _ = try await req.inspections.record(
                .init(roundId: roundID, facilityId: facilityID, findings: findings, note: form["note"]), by: user)
            return req.redirect(to: Route.facility.path(facilityID))
        } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
            return try await renderChecklist(req, form: form, error: error).encodeResponse(
                status: error.status, for: req)
        }
    }

    struct HazardPage: Encodable {
        struct EventRow: Encodable {
            let event: HazardRecord.Event
            let photo: String?
        }
        let layout: LayoutContext
        let hazard: HazardRecord
        let events: [EventRow]
        let canInspect: Bool
        let canReinspect: Bool
        let error: String?
        let errorField: String?
    }

    func hazard(req: Request) async throws -> View {
        try await renderHazard(req, error: nil)
    }

    private func renderHazard(_ req: Request, error: Refusal?) async throws -> View {
        let user = try Self.user(req)
        let h = try await req.inspections.hazard(try FacilityAPIController.id(req, "隐患"), for: user)
        let may = user.role.may(.inspectFacilities)
        return try await req.view.render(
            "elderly/hazard",
            HazardPage(
                layout: LayoutContext(request: req, title: "隐患：\(h.facilityName)", user: user), hazard: h,
                events: h.events.map { e in
                    HazardPage.EventRow(event: e, photo: e.fileName == nil ? nil : Route.hazardPhoto.path(h.id, e.id))
                }, canInspect: may && h.state != HazardState.closed.rawValue,
                canReinspect: may && h.state != HazardState.closed.rawValue, error: error?.message,
                errorField: error?.field))
    }

    func evidence(req: Request) async throws -> Response {
        let user = try Self.user(req, .inspectFacilities)
        let id = try FacilityAPIController.id(req, "隐患")
        struct Upload: Content {
            var file: File?
            var note: String?
        }
        do {
            let body = try req.content.decode(Upload.self)
            guard let file = body.file else { throw Refusal.invalid("file", "请选择整改照片") }
            _ = try await req.inspections.addEvidence(
                to: id, fileName: file.filename, bytes: Data(buffer: file.data), note: body.note, by: user)
            return req.redirect(to: Route.hazard.path(id))
        } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
            return try await renderHazard(req, error: error).encodeResponse(status: error.status, for: req)
        }
    }

    func reinspect(req: Request) async throws -> Response {
        let user = try Self.user(req, .inspectFacilities)
        let id = try FacilityAPIController.id(req, "隐患")
        let form = try req.content.decode([String: String].self)
        do {
            _ = try await req.inspections.act(
                on: id, .init(action: form["action"], version: form["version"].flatMap { Int($0) }, note: form["note"]),
                by: user)
            return req.redirect(to: Route.hazard.path(id))
        } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
            return try await renderHazard(req, error: error).encodeResponse(status: error.status, for: req)
        }
    }

    func photo(req: Request) async throws -> Response {
        let user = try Self.user(req)
        guard let event = req.parameters.get("photo", as: UUID.self) else { throw Refusal.notFound("整改照片") }
        let (e, data) = try await req.inspections.photo(
            hazard: try FacilityAPIController.id(req, "隐患"), event: event, for: user)
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: e.contentType ?? "application/octet-stream")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    struct CountsPage: Encodable {
        let layout: LayoutContext
        let counts: InspectionService.Counts
    }

    func counts(req: Request) async throws -> View {
        let user = try Self.user(req)
        return try await req.view.render(
            "elderly/counts",
            CountsPage(
                layout: LayoutContext(request: req, title: "隐患统计", user: user),
                counts: try await req.inspections.counts(for: user)))
    }
}
