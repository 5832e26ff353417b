import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// Safety inspections (安全检查) and hazard rectification (隐患整改): rounds, an inspection
/// of a facility with its checklist, each failed item a hazard with a deadline, evidence
/// photos, closure only by a re-inspection that passes.
struct InspectionService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let regions: RegionTable
    let clock: PlatformClock
    /// Where evidence photos are kept: `hazards` under the data folder.
    let folder: String
    /// Seals the photos at rest and opens them.
    let cipher: FieldCipher

    var store: InspectionStore { InspectionStore(db: db, regions: regions) }

    struct NewRound: Content {
        var name: String?
        var unannounced: Bool?
        var region: String?
        var startsOn: String?
        var endsOn: String?
    }

    struct Finding: Content {
        var item: String?
        var severity: String?
        var description: String?
    }

    struct NewInspection: Content {
        var roundId: UUID?
        var facilityId: UUID?
        /// The checklist items that failed; every other item of the facility's list passed.
        var findings: [Finding]?
        var note: String?
    }

    struct HazardActionRequest: Content {
        var action: String?
        var version: Int?
        var note: String?
    }

    func createRound(_ body: NewRound, by user: CurrentUser) async throws -> InspectionRoundRecord {
        try user.require(.inspectFacilities)
        let name = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.line(body.name, field: "name", label: "检查批次名称", maximumLength: 100) ?? ""
        }
        let region = try RegistryInput.regionFilter(body.region, table: regions) ?? user.region
        guard user.region.contains(region) else {
            throw Refusal.invalid("region", "区划 \(region.value) 不在您的管辖范围")
        }
        guard let starts = body.startsOn.flatMap(CivilDate.init) else {
            throw Refusal.invalid("startsOn", "开始日期应为 YYYY-MM-DD")
        }
        guard let ends = body.endsOn.flatMap(CivilDate.init), ends >= starts else {
            throw Refusal.invalid("endsOn", "结束日期应为不早于开始日期的 YYYY-MM-DD")
        }
        let id = UUID.random()
        let now = clock.now
        let unannounced = body.unannounced ?? false
        try await writer.transaction { [regions, writer] tx, audit in
            try await InspectionStore(db: tx, regions: regions).insertRound(
                id: id, name: name, unannounced: unannounced, region: region.value, startsOn: starts, endsOn: ends,
                by: writer.actor.name, at: now)
            try await audit.record(
                "inspection.round.create", entity: "inspection_round", id: id.uuidString, region: region.value,
                after: ["name": name, "unannounced": String(unannounced)])
        }
        guard let round = try await store.round(id: id, within: user.scope) else { throw Refusal.notFound("检查批次") }
        return round
    }

    func round(_ id: UUID, for user: CurrentUser) async throws -> InspectionRoundRecord {
        try user.require(.viewFacilities)
        guard let round = try await store.round(id: id, within: user.scope) else { throw Refusal.notFound("检查批次") }
        return round
    }

    /// Records an inspection; each finding becomes a hazard due by its severity's deadline.
    func record(_ body: NewInspection, by user: CurrentUser) async throws -> (InspectionRecord, [UUID]) {
        try user.require(.inspectFacilities)
        guard let roundID = body.roundId else { throw Refusal.invalid("roundId", "缺少 roundId（检查批次）") }
        guard let facilityID = body.facilityId else { throw Refusal.invalid("facilityId", "缺少 facilityId（被检查设施）") }
        let round = try await self.round(roundID, for: user)
        let facilities = FacilityService(db: db, writer: writer, regions: regions, clock: clock)
        let facility = try await facilities.facility(facilityID, for: user)
        guard let roundRegion = RegionCode(round.region), let facilityRegion = RegionCode(facility.region),
            roundRegion.contains(facilityRegion)
        else {
            throw Refusal.invalid("facilityId", "该设施不在本批次的检查范围（\(round.regionName)）")
        }
        let kind = FacilityKind(rawValue: facility.kind) ?? .communityStation
        let checklist = InspectionChecklist.items(for: kind)
        let today = clock.today
        let p = try await FacilityService.parameters(db: db, region: facility.region, on: today)
        var hazards: [InspectionStore.NewHazard] = []
        let inspectionID = UUID.random()
        for (index, finding) in (body.findings ?? []).enumerated() {
            let field = "findings[\(index)]"
            guard let code = finding.item?.trimmedWhitespace, checklist.contains(where: { $0.code == code }) else {
                throw Refusal.invalid(
                    "\(field).item", "检查项应为本类设施检查表中的一项：" + checklist.map(\.code).joined(separator: "、"))
            }
            guard !hazards.contains(where: { $0.item == code }) else {
                throw Refusal.invalid("\(field).item", "检查项 \(code) 重复")
            }
            guard let severity = finding.severity.flatMap(HazardSeverity.init) else {
                throw Refusal.invalid("\(field).severity", "隐患等级应为 serious（重大隐患）或 general（一般隐患）")
            }
            let description = try RegistryInput.check { () throws(FieldProblem) in
                try InputRules.text(finding.description, field: "\(field).description", label: "隐患描述")
            }
            hazards.append(
                .init(
                    id: .random(), inspection: inspectionID, round: roundID, facility: facilityID,
                    region: facility.region,
                    item: code, description: description ?? InspectionChecklist.item(code)?.text ?? code,
                    severity: severity, foundOn: today,
                    deadline: HazardRules.deadline(severity, foundOn: today, parameters: p)))
        }
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(body.note, field: "note", label: "备注")
        }
        let now = clock.now
        let newHazards = hazards
        let failed = hazards.map(\.item)
        try await writer.transaction { [regions, writer] tx, audit in
            let store = InspectionStore(db: tx, regions: regions)
            try await store.insertInspection(
                id: inspectionID, round: roundID, facility: facilityID, region: facility.region, on: today,
                inspector: writer.actor.name, failed: failed, passed: checklist.count - failed.count, note: note,
                at: now)
            for h in newHazards { try await store.insertHazard(h, at: now) }
            try await audit.record(
                "inspection.record", entity: "inspection", id: inspectionID.uuidString, region: facility.region,
                after: [
                    "round": roundID.uuidString, "facility": facilityID.uuidString,
                    "failed": failed.joined(separator: ","),
                    "hazards": newHazards.map(\.id.uuidString).joined(separator: ","),
                ])
        }
        let record = try await store.inspections(round: roundID, facility: facilityID, within: user.scope).first {
            $0.id == inspectionID
        }
        guard let record else { throw Refusal.notFound("检查记录") }
        return (record, hazards.map(\.id))
    }

    func hazard(_ id: UUID, for user: CurrentUser) async throws -> HazardRecord {
        try user.require(.viewFacilities)
        guard let h = try await store.hazard(id: id, within: user.scope, today: clock.today) else {
            throw Refusal.notFound("隐患")
        }
        return h
    }

    /// A photo of the fix (the application documents' rules); the hazard waits for its re-inspection.
    func addEvidence(
        to id: UUID, fileName: String, bytes: Data, note: String?, by user: CurrentUser
    ) async throws
        -> HazardRecord
    {
        try user.require(.inspectFacilities)
        let h = try await hazard(id, for: user)
        let state = try HazardRules.transition(from: HazardState(rawValue: h.state) ?? .open, .submitEvidence)
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(note, field: "note", label: "说明")
        }
        let eventID = UUID.random()
        let file = try StoredUpload.save(
            bytes, fileName: fileName, defaultName: "整改照片", cipher: cipher,
            at: folder + "/\(id.uuidString)/\(eventID.uuidString)")
        let (today, now) = (clock.today, clock.now)
        do {
            try await writer.transaction { [regions, writer] tx, audit in
                let store = InspectionStore(db: tx, regions: regions)
                guard try await store.move(hazard: id, version: h.version, to: state, on: today, at: now) else {
                    throw Refusal.staleVersion(current: h.version + 1)
                }
                try await store.addEvent(
                    hazard: id, kind: HazardAction.submitEvidence.rawValue, note: note, actor: writer.actor.name,
                    on: today,
                    file: file, id: eventID, at: now)
                try await audit.record(
                    "hazard.evidence", entity: "hazard", id: id.uuidString, region: h.region,
                    after: ["sha256": file.sha256, "size": String(file.size)])
            }
        } catch {
            file.discard()
            throw error
        }
        return try await hazard(id, for: user)
    }

    /// A re-inspection (passed closes it, failed reopens it); `close` without one is refused.
    func act(on id: UUID, _ body: HazardActionRequest, by user: CurrentUser) async throws -> HazardRecord {
        try user.require(.inspectFacilities)
        let h = try await hazard(id, for: user)
        guard let action = body.action.flatMap(HazardAction.init), action != .submitEvidence else {
            throw Refusal.invalid("action", "action 应为 reinspectPassed（复查合格）或 reinspectFailed（复查不合格）")
        }
        guard let version = body.version else { throw Refusal.invalid("version", "缺少 version（记录版本）") }
        guard version == h.version else { throw Refusal.staleVersion(current: h.version) }
        let state = try HazardRules.transition(from: HazardState(rawValue: h.state) ?? .open, action)
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(body.note, field: "note", label: "复查意见")
        }
        let (today, now) = (clock.today, clock.now)
        try await writer.transaction { [regions, writer] tx, audit in
            let store = InspectionStore(db: tx, regions: regions)
            guard try await store.move(hazard: id, version: version, to: state, on: today, at: now) else {
                throw Refusal.staleVersion(current: version + 1)
            }
            try await store.addEvent(
                hazard: id, kind: action.rawValue, note: note, actor: writer.actor.name, on: today, at: now)
            try await audit.record(
                "hazard.reinspect", entity: "hazard", id: id.uuidString, region: h.region,
                before: ["state": h.state], after: ["state": state.rawValue])
        }
        return try await hazard(id, for: user)
    }

    /// An evidence photo of a hazard the user can see.
    func photo(hazard id: UUID, event: UUID, for user: CurrentUser) async throws -> (HazardRecord.Event, Data) {
        let h = try await hazard(id, for: user)
        guard let e = h.events.first(where: { $0.id == event && $0.fileName != nil }),
            let data = try StoredUpload.read(folder + "/\(id.uuidString)/\(event.uuidString)", cipher: cipher)
        else { throw Refusal.notFound("整改照片") }
        return (e, data)
    }

    struct Counts: Content {
        let byRound: [HazardCount]
        let byDistrict: [HazardCount]
        let byFacility: [HazardCount]
        let total: HazardCount
    }

    func counts(for user: CurrentUser) async throws -> Counts {
        try user.require(.viewFacilities)
        let today = clock.today
        let byRound = try await store.counts(by: .round, within: user.scope, today: today)
        let total = byRound.reduce(into: (0, 0, 0)) { acc, c in
            acc = (acc.0 + c.found, acc.1 + c.closed, acc.2 + c.overdue)
        }
        return Counts(
            byRound: byRound, byDistrict: try await store.counts(by: .district, within: user.scope, today: today),
            byFacility: try await store.counts(by: .facility, within: user.scope, today: today),
            total: HazardCount(
                key: user.region.value, name: regions.fullName(of: user.region), found: total.0, closed: total.1,
                overdue: total.2))
    }
}

extension Request {
    var inspections: InspectionService {
        InspectionService(
            db: sql, writer: writer, regions: platform.regions, clock: platform.clock,
            folder: UploadFolder.hazards.path(platform.config), cipher: platform.cipher)
    }
}
