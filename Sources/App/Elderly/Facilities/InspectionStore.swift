import Foundation
import MinzhengCore
import SQLKit
import Vapor

struct InspectionRoundRecord: Content, Sendable {
    let id: UUID
    let name: String
    let unannounced: Bool
    let modeName: String
    let region: String
    let regionName: String
    let startsOn: String
    let endsOn: String
    let createdBy: String
}

struct InspectionRecord: Content, Sendable {
    let id: UUID
    let roundId: UUID
    let facilityId: UUID
    let facilityName: String
    let region: String
    let inspectedOn: String
    let inspector: String
    let failedItems: [String]
    let passedCount: Int
    let failedCount: Int
    let note: String?
}

struct HazardRecord: Content, Sendable {
    let id: UUID
    let inspectionId: UUID
    let roundId: UUID
    let facilityId: UUID
    let facilityName: String
    let region: String
    let itemCode: String
    let itemText: String
    let category: String
    let description: String
    let severity: String
    let severityName: String
    let foundOn: String
    let deadlineOn: String
    let state: String
    let stateName: String
    let escalation: Int
    let escalationName: String
    let overdue: Bool
    let closedOn: String?
    let version: Int
    var events: [Event] = []

    struct Event: Content, Sendable {
        let id: UUID
        let kind: String
        let kindName: String
        let note: String?
        let actorName: String
        let onDay: String
        let fileName: String?
        let contentType: String?
        let size: Int?
    }
}

/// Counts the report quotes: hazards found, closed and overdue now.
struct HazardCount: Content, Sendable {
    let key: String
    let name: String
    let found: Int
    let closed: Int
    let overdue: Int
}

/// The only code that names `inspection_rounds`, `inspections`, `hazards` and `hazard_events`.
struct InspectionStore {
    let db: SQLDatabase
    let regions: RegionTable

    // MARK: rounds

    private func roundRecord(_ r: SQLRow) throws -> InspectionRoundRecord {
        let region = try r.decode(column: "region", as: String.self)
        let unannounced = try r.decode(column: "unannounced", as: Bool.self)
        return InspectionRoundRecord(
            id: try r.decode(column: "id", as: UUID.self), name: try r.decode(column: "name", as: String.self),
            unannounced: unannounced, modeName: unannounced ? "四不两直（暗查暗访）" : "通知检查", region: region,
            regionName: RegionCode(region).map { regions.fullName(of: $0) } ?? region,
            startsOn: try r.decode(column: "starts_on", as: String.self),
            endsOn: try r.decode(column: "ends_on", as: String.self),
            createdBy: try r.decode(column: "created_by", as: String.self))
    }

    /// Rounds a user works in: those of a region containing or inside the user's.
    private func visible(_ scope: RegionScope) -> SQLQueryString {
        "(\(scope.condition("region")) OR \(bind: scope.prefix) LIKE region || '%')"
    }

    func rounds(within scope: RegionScope) async throws -> [InspectionRoundRecord] {
        try await db.raw(
            "SELECT * FROM inspection_rounds WHERE \(visible(scope)) ORDER BY starts_on DESC, id"
        ).all().map { try roundRecord($0) }
    }

    func round(id: UUID, within scope: RegionScope) async throws -> InspectionRoundRecord? {
        try await db.raw(
            "SELECT * FROM inspection_rounds WHERE id = \(bind: id) AND \(visible(scope))"
        ).first().map { try roundRecord($0) }
    }

    func insertRound(
        id: UUID, name: String, unannounced: Bool, region: String, startsOn: CivilDate, endsOn: CivilDate, by: String,
        at now: Date
    ) async throws {
        try await db.raw(
            """
            INSERT INTO inspection_rounds (id, name, unannounced, region, starts_on, ends_on, created_by, created_at)
            VALUES (\(bind: id), \(bind: name), \(bind: unannounced), \(bind: region), \(bind: startsOn.description),
            \(bind: endsOn.description), \(bind: by), \(bind: now))
            """
        ).run()
    }

    // MARK: inspections

    func inspections(
        round: UUID? = nil, facility: UUID? = nil, within scope: RegionScope
    ) async throws
        -> [InspectionRecord]
    {
        var cond: SQLQueryString = "\(scope.condition("i.region"))"
        if let round { cond = cond + " AND i.round_id = \(bind: round)" }
        if let facility { cond = cond + " AND i.facility_id = \(bind: facility)" }
        return try await db.raw(
            """
            SELECT i.*, f.name AS facility_name FROM inspections i JOIN facilities f ON f.id = i.facility_id
            WHERE \(cond) ORDER BY i.inspected_on DESC, f.name
            """
        ).all().map { r in
            InspectionRecord(
                id: try r.decode(column: "id", as: UUID.self), roundId: try r.decode(column: "round_id", as: UUID.self),
                facilityId: try r.decode(column: "facility_id", as: UUID.self),
                facilityName: try r.decode(column: "facility_name", as: String.self),
                region: try r.decode(column: "region", as: String.self),
                inspectedOn: try r.decode(column: "inspected_on", as: String.self),
                inspector: try r.decode(column: "inspector", as: String.self),
                failedItems: (try r.decode(column: "failed_items", as: String.self)).split(separator: ",").map(
                    String.init),
                passedCount: try r.decode(column: "passed_count", as: Int.self),
                failedCount: try r.decode(column: "failed_count", as: Int.self),
                note: try r.decode(column: "note", as: String?.self))
        }
    }

    func insertInspection(
        id: UUID, round: UUID, facility: UUID, region: String, on day: CivilDate, inspector: String, failed: [String],
        passed: Int, note: String?, at now: Date
    ) async throws {
        try await db.raw(
            """
            INSERT INTO inspections (id, round_id, facility_id, region, inspected_on, inspector, failed_items, passed_count,
            failed_count, note, created_at) VALUES (\(bind: id), \(bind: round), \(bind: facility), \(bind: region),
            \(bind: day.description), \(bind: inspector), \(bind: failed.joined(separator: ",")), \(bind: passed),
            \(bind: failed.count), \(bind: note), \(bind: now))
            """
        ).run()
    }

    // MARK: hazards

    struct NewHazard: Sendable {
        let id: UUID
        let inspection: UUID
        let round: UUID
        let facility: UUID
        let region: String
        let item: String
        let description: String
        let severity: HazardSeverity
        let foundOn: CivilDate
        let deadline: CivilDate
    }

    func insertHazard(_ h: NewHazard, at now: Date) async throws {
        try await db.raw(
            """
            INSERT INTO hazards (id, inspection_id, round_id, facility_id, region, item_code, description, severity, found_on,
            deadline_on, state, escalation, version, created_at, updated_at) VALUES (\(bind: h.id), \(bind: h.inspection),
            \(bind: h.round), \(bind: h.facility), \(bind: h.region), \(bind: h.item), \(bind: h.description),
            \(bind: h.severity.rawValue), \(bind: h.foundOn.description), \(bind: h.deadline.description), 'open', 0, 1,
            \(bind: now), \(bind: now))
            """
        ).run()
    }

    private func hazard(_ r: SQLRow, today: CivilDate) throws -> HazardRecord {
        let code = try r.decode(column: "item_code", as: String.self)
        let item = InspectionChecklist.item(code)
        let severity = try r.decode(column: "severity", as: String.self)
        let state = try r.decode(column: "state", as: String.self)
        let escalation = try r.decode(column: "escalation", as: Int.self)
        let deadline = try r.decode(column: "deadline_on", as: String.self)
        let hazardState = HazardState(rawValue: state) ?? .open
        return HazardRecord(
            id: try r.decode(column: "id", as: UUID.self),
            inspectionId: try r.decode(column: "inspection_id", as: UUID.self),
            roundId: try r.decode(column: "round_id", as: UUID.self),
            facilityId: try r.decode(column: "facility_id", as: UUID.self),
            facilityName: try r.decode(column: "facility_name", as: String.self),
            region: try r.decode(column: "region", as: String.self), itemCode: code, itemText: item?.text ?? code,
            category: item?.category.chinese ?? "", description: try r.decode(column: "description", as: String.self),
            severity: severity, severityName: HazardSeverity(rawValue: severity)?.chinese ?? severity,
            foundOn: try r.decode(column: "found_on", as: String.self), deadlineOn: deadline, state: state,
            stateName: hazardState.chinese, escalation: escalation,
            escalationName: HazardEscalation(rawValue: escalation)?.chinese ?? "",
            overdue: HazardRules.isOverdue(
                state: hazardState, deadline: CivilDate(deadline) ?? today, today: today),
            closedOn: try r.decode(column: "closed_on", as: String?.self),
            version: try r.decode(column: "version", as: Int.self))
    }

    private static let hazardSelect =
        "SELECT h.*, f.name AS facility_name FROM hazards h JOIN facilities f ON f.id = h.facility_id"

    func hazard(id: UUID, within scope: RegionScope, today: CivilDate) async throws -> HazardRecord? {
        guard
            var h = try await db.raw(
                "\(unsafeRaw: Self.hazardSelect) WHERE h.id = \(bind: id) AND \(scope.condition("h.region"))"
            ).first().map({ try hazard($0, today: today) })
        else { return nil }
        h.events = try await db.raw(
            """
            SELECT id, kind, note, actor_name, on_day, file_name, content_type, size FROM hazard_events
            WHERE hazard_id = \(bind: id) ORDER BY at, id
            """
        ).all().map { r in
            let kind = try r.decode(column: "kind", as: String.self)
            return HazardRecord.Event(
                id: try r.decode(column: "id", as: UUID.self), kind: kind, kindName: Self.eventName(kind),
                note: try r.decode(column: "note", as: String?.self),
                actorName: try r.decode(column: "actor_name", as: String.self),
                onDay: try r.decode(column: "on_day", as: String.self),
                fileName: try r.decode(column: "file_name", as: String?.self),
                contentType: try r.decode(column: "content_type", as: String?.self),
                size: try r.decode(column: "size", as: Int?.self))
        }
        return h
    }

    static func eventName(_ kind: String) -> String {
        if let action = HazardAction(rawValue: kind) { return action.chinese }
        if kind.hasPrefix("escalated") {
            return (HazardEscalation(rawValue: Int(kind.dropFirst("escalated".count)) ?? 0) ?? .unescalated).chinese
        }
        return kind
    }

    struct HazardFilter: Sendable {
        var round: UUID?
        var facility: UUID?
        var openOnly = false
    }

    func hazards(within scope: RegionScope, filter: HazardFilter, today: CivilDate) async throws -> [HazardRecord] {
        var cond: SQLQueryString = "\(scope.condition("h.region"))"
        if let round = filter.round { cond = cond + " AND h.round_id = \(bind: round)" }
        if let facility = filter.facility { cond = cond + " AND h.facility_id = \(bind: facility)" }
        if filter.openOnly { cond = cond + " AND h.state <> 'closed'" }
        return try await db.raw(
            "\(unsafeRaw: Self.hazardSelect) WHERE \(cond) ORDER BY h.state = 'closed', h.deadline_on, h.id"
        ).all().map { try hazard($0, today: today) }
    }

    /// The new state, and `closed_on` when it closes; false when the version moved.
    func move(
        hazard id: UUID, version: Int, to state: HazardState, on day: CivilDate, at now: Date
    ) async throws -> Bool {
        let closed: String? = state == .closed ? day.description : nil
        return
            !(try await db.raw(
                """
                UPDATE hazards SET state = \(bind: state.rawValue), closed_on = \(bind: closed), version = version + 1,
                updated_at = \(bind: now) WHERE id = \(bind: id) AND version = \(bind: version) RETURNING id
                """
            ).all().isEmpty)
    }

    func addEvent(
        hazard: UUID, kind: String, note: String?, actor: String, on day: CivilDate, file: StoredUpload? = nil,
        id: UUID = .random(), at now: Date
    ) async throws {
        try await db.raw(
            """
            INSERT INTO hazard_events (id, hazard_id, kind, note, actor_name, on_day, file_name, content_type, size, sha256, at)
            VALUES (\(bind: id), \(bind: hazard), \(bind: kind), \(bind: note), \(bind: actor), \(bind: day.description),
            \(bind: file?.fileName), \(bind: file?.kind.mimeType), \(bind: file?.size), \(bind: file?.sha256), \(bind: now))
            """
        ).run()
    }

    /// Hazards not closed, past their deadline on `today`, with what escalation they have.
    struct Overdue: Sendable {
        let id: UUID
        let region: String
        let severity: HazardSeverity
        let state: HazardState
        let deadline: CivilDate
        let escalation: Int
    }

    func overdue(today: CivilDate) async throws -> [Overdue] {
        try await db.raw(
            """
            SELECT id, region, severity, state, deadline_on, escalation FROM hazards
            WHERE state <> 'closed' AND deadline_on < \(bind: today.description)
            """
        ).all().compactMap { r -> Overdue? in
            guard let severity = HazardSeverity(rawValue: try r.decode(column: "severity", as: String.self)),
                let state = HazardState(rawValue: try r.decode(column: "state", as: String.self)),
                let deadline = CivilDate(try r.decode(column: "deadline_on", as: String.self))
            else { return nil }
            return Overdue(
                id: try r.decode(column: "id", as: UUID.self), region: try r.decode(column: "region", as: String.self),
                severity: severity, state: state, deadline: deadline,
                escalation: try r.decode(column: "escalation", as: Int.self))
        }
    }

    /// Raises the escalation, never lowers it: answers false when it was already there.
    func escalate(hazard id: UUID, to level: HazardEscalation, at now: Date) async throws -> Bool {
        !(try await db.raw(
            """
            UPDATE hazards SET escalation = \(bind: level.rawValue), version = version + 1, updated_at = \(bind: now)
            WHERE id = \(bind: id) AND escalation < \(bind: level.rawValue) RETURNING id
            """
        ).all().isEmpty)
    }

    /// Found, closed and overdue per round, per district or per facility.
    enum CountBy: String, Sendable, CaseIterable { case round, district, facility }

    func counts(by: CountBy, within scope: RegionScope, today: CivilDate) async throws -> [HazardCount] {
        let spec: (key: String, name: String, join: String)
        switch by {
        case .round: spec = ("h.round_id", "r.name", "JOIN inspection_rounds r ON r.id = h.round_id")
        case .district: spec = ("SUBSTR(h.region, 1, 6)", "SUBSTR(h.region, 1, 6)", "")
        case .facility: spec = ("h.facility_id", "f.name", "JOIN facilities f ON f.id = h.facility_id")
        }
        let (key, name, join) = spec
        return try await db.raw(
            """
            SELECT \(unsafeRaw: key) AS k, MIN(\(unsafeRaw: name)) AS name, COUNT(*) AS found,
            SUM(CASE WHEN h.state = 'closed' THEN 1 ELSE 0 END) AS closed,
            SUM(CASE WHEN h.state <> 'closed' AND h.deadline_on < \(bind: today.description) THEN 1 ELSE 0 END) AS overdue
            FROM hazards h \(unsafeRaw: join) WHERE \(scope.condition("h.region"))
            GROUP BY \(unsafeRaw: key) ORDER BY MIN(\(unsafeRaw: name))
            """
        ).all().map { r in
            let k: String
            if by == .district {
                k = try r.decode(column: "k", as: String.self)
            } else {
                k = try r.decode(column: "k", as: UUID.self).uuidString
            }
            var n = try r.decode(column: "name", as: String.self)
            if by == .district { n = RegionCode(n).flatMap(regions.name) ?? n }
            return HazardCount(
                key: k, name: n, found: try r.decode(column: "found", as: Int.self),
                closed: try r.decode(column: "closed", as: Int.self),
                overdue: try r.decode(column: "overdue", as: Int.self))
        }
    }

    /// Facilities with a serious hazard not closed past its deadline.
    func facilitiesWithOverdueSerious(today: CivilDate) async throws -> [UUID] {
        try await db.raw(
            """
            SELECT DISTINCT facility_id FROM hazards WHERE severity = 'serious' AND state <> 'closed'
            AND deadline_on < \(bind: today.description)
            """
        ).all().map { try $0.decode(column: "facility_id", as: UUID.self) }
    }
}
