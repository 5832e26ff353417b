import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// Takes in a batch of one department feed: keeps every new row (also rows naming someone
/// not in the registry), evaluates the early-warning rules on each new row against the
/// registry, the enrollments and the means on file, raises alerts with their visit tasks,
/// and applies a death at once (身后一件事). One audited transaction per batch.
struct FeedIngest {
    let app: Application
    let actor: AuditActor

    struct Summary: Content, Sendable {
        var accepted = 0
        var duplicates = 0
        var unknownPersons = 0
        var alerts = 0
        var rejected = 0
        var errors: [RowError] = []
    }

    struct RowError: Content, Sendable {
        let row: Int
        let reason: String
    }

    private struct Person: Sendable {
        let id: UUID
        let birthDate: CivilDate
        let deceased: Bool
        let household: UUID?
        let region: String
    }

    func ingest(kind: FeedKind, department: String, records: [(row: Int, record: FeedRecord)], problems: [FeedRowProblem]) async throws -> Summary {
        var summary = Summary()
        summary.rejected = problems.count
        summary.errors = problems.map { RowError(row: $0.row, reason: $0.description) }
        let cipher = app.platform.cipher
        let today = Clock.today()
        let history = try await PolicyStore(db: app.db as! SQLDatabase).history()
        let counts = try await app.auditedTransaction(actor: actor) { tx, audit in
            var counts = (accepted: 0, duplicates: 0, unknown: 0, alerts: 0)
            let existing = try await Self.existingKeys(tx, kind: kind, ids: records.map(\.record.sourceRecordId))
            let persons = try await Self.persons(tx, indexes: records.map { cipher.blindIndex($0.record.idNumber.value) })
            var seenInBatch = Set<String>()
            for (_, record) in records {
                guard !existing.contains(record.sourceRecordId), seenInBatch.insert(record.sourceRecordId).inserted else {
                    counts.duplicates += 1
                    continue
                }
                let index = cipher.blindIndex(record.idNumber.value)
                let person = persons[index]
                try await Self.insertRow(tx, record: record, department: department, index: index, person: person?.id)
                counts.accepted += 1
                guard let person, let household = person.household else { counts.unknown += person == nil ? 1 : 0; continue }
                let context = try await Self.context(tx, person: person, household: household, record: record, today: today,
                                                     history: history, cipher: cipher)
                for draft in EarlyWarningRules.evaluate(record: record, context: context) {
                    if try await Self.raise(tx, draft, region: person.region) { counts.alerts += 1 }
                }
                if case .death(let notice) = record.payload, !person.deceased {
                    try await Self.applyDeath(tx, person: person, notice: notice, audit: audit)
                }
            }
            try await audit.record("feed.ingest", entity: "feed", id: kind.rawValue, region: RegionTable.changzhou.value,
                                   after: ["department": department, "accepted": String(counts.accepted), "duplicates": String(counts.duplicates),
                                           "alerts": String(counts.alerts)])
            return counts
        }
        summary.accepted = counts.accepted
        summary.duplicates = counts.duplicates
        summary.unknownPersons = counts.unknown
        summary.alerts = counts.alerts
        return summary
    }

    // MARK: steps

    private static func existingKeys(_ db: SQLDatabase, kind: FeedKind, ids: [String]) async throws -> Set<String> {
        var found = Set<String>()
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(ids.count, start + 500)])
            for r in try await db.select().column("source_record_id").from("feed_rows").where("kind", .equal, kind.rawValue)
                .where("source_record_id", .in, chunk).all() {
                found.insert(try r.decode(column: "source_record_id", as: String.self))
            }
        }
        return found
    }

    private static func persons(_ db: SQLDatabase, indexes: [String]) async throws -> [String: Person] {
        var result: [String: Person] = [:]
        for start in stride(from: 0, to: indexes.count, by: 500) {
            let chunk = Array(indexes[start..<min(indexes.count, start + 500)])
            for r in try await db.raw("""
                SELECT p.id, p.id_index, p.birth_date, p.deceased_on, p.region, m.household_id FROM persons p
                LEFT JOIN memberships m ON m.person_id = p.id AND m.left_at IS NULL
                WHERE p.id_index IN \(SQLBind.group(chunk))
                """).all() {
                guard let birth = CivilDate(try r.decode(column: "birth_date", as: String.self)) else { continue }
                result[try r.decode(column: "id_index", as: String.self)] = Person(
                    id: try r.decode(column: "id", as: UUID.self), birthDate: birth,
                    deceased: try r.decode(column: "deceased_on", as: String?.self) != nil,
                    household: try r.decode(column: "household_id", as: UUID?.self), region: try r.decode(column: "region", as: String.self))
            }
        }
        return result
    }

    private static func insertRow(_ db: SQLDatabase, record: FeedRecord, department: String, index: String, person: UUID?) async throws {
        var outOfPocket: Int64?
        var eventDate: String?
        switch record.payload {
        case .medicalExpense(let stay):
            outOfPocket = stay.outOfPocketFen.value
            eventDate = stay.dischargeDate.description
        case .death(let notice):
            eventDate = notice.deathDate.description
        default:
            break
        }
        try await db.insert(into: "feed_rows")
            .columns("id", "kind", "source_record_id", "department", "id_index", "person_id", "event_date", "out_of_pocket_fen", "received_at")
            .values(SQLBind(UUID.random()), SQLBind(record.kind.rawValue), SQLBind(record.sourceRecordId), SQLBind(department), SQLBind(index),
                    SQLBind(person), SQLBind(eventDate), SQLBind(outOfPocket), SQLBind(Date()))
            .run()
    }

    /// What the rules need to know about the person's household, as of today.
    private static func context(_ db: SQLDatabase, person: Person, household: UUID, record: FeedRecord, today: CivilDate,
                                history: PolicyParameterHistory, cipher: FieldCipher) async throws -> EarlyWarningContext {
        let members = try await RegistryMemberFactsQuery(db: db).members(of: [household])[household] ?? []
        let month = today.yearMonth
        let parameters = try history.parameters(for: person.region, month: month)
        let enrollments = try await db.raw("""
            SELECT item_code, person_id, status FROM enrollments WHERE household_id = \(bind: household)
            """).all().compactMap { r -> EnrollmentSnapshot? in
            guard let status = EnrollmentSnapshot.Status(rawValue: try r.decode(column: "status", as: String.self)) else { return nil }
            let coverage: EnrollmentSnapshot.Coverage = try r.decode(column: "person_id", as: UUID?.self).map { .person(id: $0.uuidString) } ?? .household
            return EnrollmentSnapshot(code: try r.decode(column: "item_code", as: String.self), coverage: coverage, status: status)
        }
        // The means on file, with what this row says already counted (a pension award).
        var means = try await db.select().column("means_cipher").from("household_means").where("household_id", .equal, household).first()
            .map { try JSONDecoder().decode(DeclaredMeans.self, from: Data(try cipher.decrypt($0.decode(column: "means_cipher", as: String.self)).utf8)) }
            ?? DeclaredMeans()
        if case .pension(let award) = record.payload {
            var member = means.members.first { $0.personId == person.id.uuidString } ?? DeclaredMeans.Member(personId: person.id.uuidString)
            member.incomes = member.incomes.filter { $0.kind != .pension } + [.init(kind: .pension, monthlyFen: award.monthlyFen.value)]
            means.members = means.members.filter { $0.personId != person.id.uuidString } + [member]
        }
        let assessment = PolicyEngine.assess(HouseholdEconomyCheck.request(region: person.region, month: month, members: members, means: means),
                                             parameters: parameters)
        let earners = means.members.filter { $0.incomes.contains { $0.kind.isEarned && $0.monthlyFen > 0 } }.map(\.personId)
        let since = today.adding(days: -365).description
        let outOfPocket = try await db.raw("""
            SELECT CAST(COALESCE(SUM(out_of_pocket_fen), 0) AS BIGINT) AS total FROM feed_rows
            WHERE person_id = \(bind: person.id) AND kind = 'medicalExpense' AND event_date >= \(bind: since)
            """).first()?.decode(column: "total", as: Int64.self) ?? 0
        return EarlyWarningContext(
            today: today, person: MonitoredPerson(id: person.id.uuidString, birthDate: person.birthDate, isDeceased: person.deceased),
            household: MonitoredHousehold(id: household.uuidString, region: RegionCode(person.region) ?? RegionTable.changzhou,
                                          memberCount: members.count, memberAges: members.map { $0.birthDate.age(on: today) },
                                          personLivesAlone: members.count == 1),
            enrollments: enrollments,
            means: HouseholdMeans(dibaoStandard: parameters.dibaoStandard, perCapitaCountedIncome: assessment.perCapitaIncome,
                                  personIsOnlyEarner: earners == [person.id.uuidString]),
            outOfPocketLast12Months: Fen(outOfPocket), assetLimits: AssetTestLimits(parameters: parameters))
    }

    /// An alert and its visit task, unless the same rule already has an open alert for the person.
    private static func raise(_ db: SQLDatabase, _ draft: AlertDraft, region: String) async throws -> Bool {
        let open = try await db.select().column("id").from("alerts").where("dedupe_key", .equal, draft.dedupeKey)
            .where("status", .equal, "open").first()
        guard open == nil, let person = UUID(uuidString: draft.personId), let household = UUID(uuidString: draft.householdId) else { return false }
        let id = UUID.random()
        try await db.insert(into: "alerts")
            .columns("id", "rule", "level", "person_id", "household_id", "region", "evidence", "dedupe_key", "feed_key", "status", "raised_on")
            .values(SQLBind(id), SQLBind(draft.rule.rawValue), SQLBind(draft.level.rawValue), SQLBind(person), SQLBind(household), SQLBind(region),
                    SQLBind(draft.evidence), SQLBind(draft.dedupeKey), SQLBind(draft.feedRecordKey), SQLBind("open"), SQLBind(draft.raisedOn.description))
            .run()
        try await VisitTasks(db: db).create(alert: id, person: person, household: household, region: region, due: draft.visitDueDate, kind: "alert")
        return true
    }

    /// 身后一件事: the person is marked deceased and every benefit of the person stops from
    /// the month after the death, without waiting for the visit.
    private static func applyDeath(_ db: SQLDatabase, person: Person, notice: DeathNotice, audit: AuditRecorder) async throws {
        try await db.raw("UPDATE persons SET deceased_on = \(bind: notice.deathDate.description), version = version + 1 WHERE id = \(bind: person.id)").run()
        let stopFrom = DeathEffects(deathDate: notice.deathDate).benefitsStopFrom
        let store = EnrollmentStore(db: db)
        for r in try await db.raw("SELECT id FROM enrollments WHERE person_id = \(bind: person.id) AND status <> 'ended'").all() {
            try await store.setStatus(enrollment: try r.decode(column: "id", as: UUID.self), status: "suspended", from: stopFrom, reason: "死亡（部门数据）")
        }
        try await audit.record("person.death", entity: "person", id: person.id.uuidString, region: person.region,
                               after: ["deceasedOn": notice.deathDate.description, "benefitsStopFrom": stopFrom.description])
    }
}
