import Foundation
import MinzhengCore
import MinzhengDemo
import SQLKit
import Vapor

/// The demo's facilities (`SyntheticFacilities`), and a city-wide unannounced inspection
/// round 20 days old with hazards in every state: open within their deadline, rectified
/// waiting for a re-inspection, closed by one, and serious ones overdue (escalated, their
/// facility's grade suspended by the round that follows).
enum DemoFacilities {
    struct Summary: Codable, Sendable {
        var facilities = 0
        var hazards = 0
        var round = FacilityRound.Result()
        var serviceMap = DemoServiceMap.Summary()
    }

    static func seedIfEmpty(_ app: Application) async throws {
        guard app.platform.config.demoHouseholds > 0 else { return }
        guard try await FacilityStore(db: app.sql, regions: app.platform.regions).count() == 0 else { return }
        let s = try await seed(
            db: app.sql, writer: app.writer(actor: .system("demo")), clock: app.platform.clock,
            cipher: app.platform.cipher)
        app.logger.info(
            "Demo facilities: \(s.facilities) facilities, \(s.hazards) hazards, \(s.round.escalated) escalated, \(s.round.suspended) grades suspended; service map: \(s.serviceMap.locations) office locations, \(s.serviceMap.prices) prices, \(s.serviceMap.questions) adviser questions"
        )
    }

    static func seed(
        db: SQLDatabase, writer: AuditedWriter, clock: PlatformClock, cipher: FieldCipher, count: Int = 150
    ) async throws
        -> Summary
    {
        let today = clock.today
        let now = clock.now
        let p = try await FacilityService.parameters(db: db, region: RegionTable.changzhou.value, on: today)
        let regions = RegionTable.shipped
        var summary = Summary()
        var drafts: [(UUID, FacilityDraft, (Int, GradeValidity, GradeState)?)] = []
        for (index, f) in SyntheticFacilities.generate(seed: 1, count: count, today: today).enumerated() {
            let draft = try RegistryInput.check { () throws(FieldProblem) in
                try FacilityDraft.validated(f.input, today: today)
            }
            var grade: (Int, GradeValidity, GradeState)?
            // The first facility gets the overdue serious hazard below: it holds a grade to lose.
            let (g, on) =
                index == 0 && draft.kind.isGradable
                ? (f.grade ?? 3, today.adding(days: -200)) : (f.grade, f.certifiedOn)
            if let g, let on {
                let validity = FacilityGrading.validity(certifiedOn: on, parameters: p)
                grade = (g, validity, today >= validity.expiresOn ? .lapsed : .valid)
            }
            drafts.append((UUID.random(), draft, grade))
        }
        let roundID = UUID.random()
        let roundStart = today.adding(days: -20)
        let drafted = drafts
        summary.hazards = try await writer.transaction { tx, audit in
            let facilities = FacilityStore(db: tx, regions: regions)
            for (id, draft, grade) in drafted { try await facilities.insert(draft, id: id, grade: grade, at: now) }
            let store = InspectionStore(db: tx, regions: regions)
            try await store.insertRound(
                id: roundID, name: "\(today.year) 年养老机构安全隐患“四不两直”暗查", unannounced: true,
                region: RegionTable.changzhou.value, startsOn: roundStart, endsOn: today.adding(days: 10),
                by: "演示·安全检查组", at: now)
            // Every eighth facility inspected; the hazards cycle through the states.
            var n = 0
            for (index, (id, draft, _)) in drafted.enumerated() where index % 8 == 0 {
                let checklist = InspectionChecklist.items(for: draft.kind)
                let inspectedOn = roundStart.adding(days: index % 5)
                let failed = [checklist[index % checklist.count], checklist[(index + 5) % checklist.count]]
                let inspection = UUID.random()
                try await store.insertInspection(
                    id: inspection, round: roundID, facility: id, region: draft.region.value, on: inspectedOn,
                    inspector: "演示·安全检查组", failed: failed.map(\.code), passed: checklist.count - failed.count,
                    note: nil, at: now)
                for item in failed {
                    let serious = item.mandatory && n % 4 == 0
                    let severity: HazardSeverity = serious ? .serious : .general
                    let found = serious && n % 8 == 0 ? inspectedOn : today.adding(days: -(n % 6))
                    let hazard = UUID.random()
                    try await store.insertHazard(
                        .init(
                            id: hazard, inspection: inspection, round: roundID, facility: id,
                            region: draft.region.value,
                            item: item.code, description: item.text, severity: severity, foundOn: found,
                            deadline: HazardRules.deadline(severity, foundOn: found, parameters: p)), at: now)
                    // A third closed by a re-inspection, some rectified awaiting one, the rest open.
                    if n % 3 == 1 {
                        try await store.addEvent(
                            hazard: hazard, kind: HazardAction.reinspectPassed.rawValue, note: "复查合格",
                            actor: "演示·安全检查组", on: today.adding(days: -1), at: now)
                        _ = try await store.move(
                            hazard: hazard, version: 1, to: .closed, on: today.adding(days: -1), at: now)
                    } else if n % 3 == 2, !serious {
                        try await store.addEvent(
                            hazard: hazard, kind: HazardAction.submitEvidence.rawValue, note: "已整改，附照片待复查",
                            actor: "演示·机构负责人", on: today, at: now)
                        _ = try await store.move(hazard: hazard, version: 1, to: .rectified, on: today, at: now)
                    }
                    n += 1
                }
            }
            try await audit.record(
                "facility.seed", entity: "facility", id: nil, region: RegionTable.changzhou.value,
                after: ["facilities": String(drafted.count), "hazards": String(n), "round": roundID.uuidString])
            return n
        }
        summary.facilities = drafts.count
        summary.round = try await FacilityRound.run(db: db, today: today, now: now, writer: writer)
        summary.serviceMap = try await DemoServiceMap.seed(
            db: db, writer: writer, clock: clock, cipher: cipher, regions: regions)
        return summary
    }
}
