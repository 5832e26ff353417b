import FluentKit
import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// Takes in a batch of one department feed: keeps every new row (also rows naming someone
/// not in the registry), evaluates the early-warning rules on each new row against the
/// registry, the enrollments and the means on file, raises alerts with their visit tasks,
/// and applies a death at once (身后一件事). One audited transaction per batch.
struct FeedIngest {
    /// Audited as the sending department's account (or the command line); its database is the
    /// pool a push writes to.
    let writer: AuditedWriter
    let cipher: FieldCipher
    let clock: PlatformClock
    /// The region the sender speaks for: a district's department account changes nothing of a
    /// person registered elsewhere (such a row is kept as naming no known person).
    let reach: RegionCode
    /// A file's bulk database; the pool when nil.
    var bulk: BulkDatabase? = nil
    /// A file's parameters, resolved once for all its batches; read for the batch when nil.
    var parameters: MonthlyParameters? = nil

    struct Summary: Content, Sendable {
        var accepted = 0
        var duplicates = 0
        var unknownPersons = 0
        var alerts = 0
        var rejected = 0
        var errors: [RowError] = []
    }

    typealias Person = FeedRegistrySnapshot.Person

    /// A parsed row with the blind index of the ID number it names, which a file's reader
    /// computes while the previous batch is written.
    struct Row: Sendable {
        let line: Int
        let record: FeedRecord
        let index: String

        init(line: Int, record: FeedRecord, cipher: FieldCipher) {
            self.line = line
            self.record = record
            self.index = cipher.blindIndex(record.idNumber.value)
        }
    }

    /// Whether a batch of `kind` may read its persons before the previous batch is written:
    /// ingesting changes a person only for a death (`applyDeaths`), and the person may have
    /// died in the previous batch.
    static func personsReadableAhead(_ kind: FeedKind) -> Bool { kind != .death }

    /// `persons`: the registered persons of `records` by blind index, when the caller has
    /// looked them up ahead (`FeedFileImport`); read in the batch's transaction otherwise.
    func ingest(
        kind: FeedKind, department: String, records: [Row], problems: [FeedRowProblem],
        persons prefetched: Task<[String: Person], any Error>? = nil
    ) async throws -> Summary {
        try cipher.requireNoRotation()
        var summary = Summary()
        summary.rejected = problems.count
        summary.errors = problems.map { RowError(row: $0.row, reason: $0.description) }
        let (cipher, clock) = (cipher, clock)
        let today = clock.today
        let target = bulk ?? .pool(writer.database)
        let parameters: MonthlyParameters
        if let shared = self.parameters {
            parameters = shared
        } else {
            parameters = try await Self.parameters(on: target.sql, today: today)
        }
        let counts = try await writer.transaction(on: target) { tx, audit in
            var counts = (accepted: 0, duplicates: 0, unknown: 0, alerts: 0)
            var persons: [String: Person]
            if let prefetched {
                persons = try await prefetched.value
            } else {
                persons = try await FeedRegistrySnapshot.persons(tx, indexes: records.map(\.index))
            }
            if reach != RegionTable.changzhou { persons = persons.filter { $0.value.region.hasPrefix(reach.value) } }
            // 1. Every new row is kept, whether or not the person is registered; a row already
            // stored (same feed, same source record id) is skipped by the insert itself.
            var candidates: [(record: FeedRecord, person: Person?)] = []
            var seenInBatch = Set<String>()
            var rows = BulkInsert(
                table: "feed_rows",
                columns: [
                    "id", "kind", "source_record_id", "department", "id_index", "person_id",
                    "event_date", "out_of_pocket_fen", "received_at",
                ])
            let now = clock.now
            for row in records where seenInBatch.insert(row.record.sourceRecordId).inserted {
                let person = persons[row.index]
                rows.append(
                    Self.rowValues(row.record, department: department, index: row.index, person: person?.id, now: now))
                candidates.append((row.record, person))
            }
            // 2. What the rules read, loaded for the whole batch at once: the households' facts
            // beside the new rows' insert and the medical history that counts them.
            async let registry = FeedRegistrySnapshot.read(tx, kind: kind, persons: persons, cipher: cipher)
            let written = try await rows.flushSkippingStored(on: tx, uniqueKey: ["kind", "source_record_id"])
            let fresh = zip(candidates, written).filter(\.1).map(\.0)
            counts.accepted = fresh.count
            counts.duplicates = records.count - fresh.count
            counts.unknown = fresh.filter { $0.person == nil }.count
            let patients = fresh.filter { $0.record.kind == .medicalExpense }.compactMap(\.person?.id)
            let outOfPocket = try await Self.outOfPocket(tx, patients: Array(Set(patients)), today: today)
            let facts = BatchFacts(
                today: today, parameters: parameters, registry: try await registry, outOfPocket: outOfPocket)
            // 3. The rules, row by row; alerts and deaths in the same transaction.
            var drafts: [(draft: AlertDraft, region: String)] = []
            var deaths: [(person: Person, notice: DeathNotice)] = []
            var dying = Set<UUID>()
            // Holdings as each row finds them: on file, then what earlier rows of the batch said.
            var holdings = facts.registry.holdings
            var reportedHoldings: [(person: UUID, properties: Int)] = []
            for (record, person) in fresh {
                guard let person else { continue }
                defer {
                    if case .realEstate(let holding) = record.payload {
                        holdings[person.id.text] = holding.properties
                        reportedHoldings.append((person.id, holding.properties))
                    }
                }
                guard let household = person.household,
                    let context = try facts.context(
                        person: person, household: household, record: record, holdings: holdings)
                else { continue }
                drafts += EarlyWarningRules.evaluate(record: record, context: context).map { ($0, person.region) }
                // The first notice of a death counts; a second one in the same batch changes nothing.
                if case .death(let notice) = record.payload, !person.deceased, dying.insert(person.id).inserted {
                    deaths.append((person, notice))
                }
            }
            try await Self.applyDeaths(tx, deaths, cipher: cipher, clock: clock, audit: audit)
            try await RealEstateHoldingsStore(db: tx).record(reportedHoldings, at: now)
            // Each registered person's latest disability certificate, for the two subsidies' run.
            try await DisabilitySubsidyStore(db: tx).recordCertificates(
                fresh.compactMap { record, person in
                    guard let person, case .disability(let certificate) = record.payload else { return nil }
                    return (person.id, certificate, record.sourceRecordId)
                }, at: now)
            counts.alerts = try await AlertWriter(db: tx).raise(drafts)
            try await audit.record(
                "feed.ingest", entity: "feed", id: kind.rawValue, region: RegionTable.changzhou.value,
                after: [
                    "department": department, "accepted": String(counts.accepted),
                    "duplicates": String(counts.duplicates),
                    "alerts": String(counts.alerts),
                ])
            return counts
        }
        summary.accepted = counts.accepted
        summary.duplicates = counts.duplicates
        summary.unknownPersons = counts.unknown
        summary.alerts = counts.alerts
        return summary
    }

    // MARK: steps

    /// This month's parameters, as a file's batches share them.
    static func parameters(on db: SQLDatabase, today: CivilDate) async throws -> MonthlyParameters {
        MonthlyParameters(history: try await PolicyStore(db: db).history(), month: today.yearMonth)
    }

    private static func rowValues(
        _ record: FeedRecord, department: String, index: String, person: UUID?, now: Date
    ) -> [BulkValue] {
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
        return [
            BulkValue(UUID.random()), BulkValue(record.kind.rawValue), BulkValue(record.sourceRecordId),
            BulkValue(department),
            BulkValue(index), person.map(BulkValue.init) ?? .null, BulkValue(eventDate),
            outOfPocket.map(BulkValue.init) ?? .null, BulkValue(now),
        ]
    }

    /// Out-of-pocket medical costs over 12 months by person, this batch's rows included.
    /// The patients are joined as a list of rows, not matched with `IN`: against `IN`,
    /// SQLite without statistics prefers the unique (kind, source_record_id) index and reads
    /// every medical row, instead of the partial index `feed_rows_medical_costs`.
    private static func outOfPocket(_ db: SQLDatabase, patients: [UUID], today: CivilDate) async throws -> [UUID: Int64]
    {
        var result: [UUID: Int64] = [:]
        let since = today.adding(days: -365).description
        for chunk in patients.chunked(1000) {
            let rows = SQLList(chunk.map { SQLGroupExpression(SQLBind($0)) })
            for r in try await db.raw(
                """
                WITH patients(id) AS (VALUES \(rows))
                SELECT f.person_id, CAST(COALESCE(SUM(f.out_of_pocket_fen), 0) AS BIGINT) AS total FROM patients p
                JOIN feed_rows f ON f.person_id = p.id
                WHERE f.kind = 'medicalExpense' AND f.event_date >= \(bind: since) GROUP BY f.person_id
                """
            ).all() {
                result[try r.decode(column: "person_id", as: UUID.self)] = try r.decode(column: "total", as: Int64.self)
            }
        }
        return result
    }

    /// What a batch's rules read: the registry snapshot, the medical history and the
    /// parameters in force.
    private struct BatchFacts {
        let today: CivilDate
        let parameters: MonthlyParameters
        let registry: FeedRegistrySnapshot
        let outOfPocket: [UUID: Int64]

        /// The rules' view of the person's household; nil when the region has no policy.
        /// `holdings`: residential properties by person, for the real-estate rule.
        func context(
            person: Person, household: UUID, record: FeedRecord, holdings: [String: Int]
        ) throws -> EarlyWarningContext? {
            let month = today.yearMonth
            // Once per row: Foundation's `uuidString` formats with sprintf.
            let personID = person.id.text
            guard let p = parameters.forRegion(person.region) else { return nil }
            // Not loaded where no rule reads them (see `FeedRegistrySnapshot`).
            let members = registry.members[household] ?? []
            var perCapita = Fen.zero
            var onlyEarner = false
            if FeedRegistrySnapshot.needsMeans(record.kind), registry.readsHouseholdFacts(household, kind: record.kind)
            {
                // The means on file, with what this row says already counted (a pension award).
                var means = registry.means[household] ?? DeclaredMeans()
                if case .pension(let award) = record.payload {
                    var member =
                        means.members.first { $0.personId == personID } ?? DeclaredMeans.Member(personId: personID)
                    member.incomes =
                        member.incomes.filter { $0.kind != .pension } + [
                            .init(kind: .pension, monthlyFen: award.monthlyFen.value)
                        ]
                    means.members = means.members.filter { $0.personId != personID } + [member]
                }
                perCapita =
                    PolicyEngine.assess(
                        HouseholdEconomyCheck.request(
                            region: person.region, month: month, members: members, means: means),
                        parameters: p
                    ).perCapitaIncome
                let earners = means.members.filter { $0.incomes.contains { $0.kind.isEarned && $0.monthlyFen > 0 } }
                    .map(\.personId)
                onlyEarner = earners == [personID]
            }
            return EarlyWarningContext(
                today: today,
                person: MonitoredPerson(id: personID, birthDate: person.birthDate, isDeceased: person.deceased),
                household: MonitoredHousehold(
                    id: household.text, region: RegionCode(person.region) ?? RegionTable.changzhou,
                    memberCount: members.count, memberAges: members.map { $0.birthDate.age(on: today) },
                    personLivesAlone: members.count == 1,
                    residentialPropertiesOfOtherMembers: record.kind == .realEstate
                        ? Self.properties(of: members.filter { $0.personId != personID }, in: holdings) : 0),
                enrollments: registry.enrollments[household] ?? [],
                means: HouseholdMeans(
                    dibaoStandard: p.dibaoStandard, perCapitaCountedIncome: perCapita, personIsOnlyEarner: onlyEarner),
                outOfPocketLast12Months: Fen(outOfPocket[person.id] ?? 0), assetLimits: AssetTestLimits(parameters: p),
                thresholds: EarlyWarningThresholds(parameters: p))
        }

        /// The residential properties that `members` hold, as far as the holdings know.
        static func properties(of members: [RegistryMemberFacts], in holdings: [String: Int]) -> Int {
            members.reduce(0) { $0 + (holdings[$1.personId] ?? 0) }
        }
    }

    /// 身后一件事: each person is marked deceased and every benefit of the person stops from
    /// the month after the death, without waiting for the visit. A batch's deaths are
    /// written together (two statements per person took most of a death file's time).
    private static func applyDeaths(
        _ db: SQLDatabase, _ deaths: [(person: Person, notice: DeathNotice)], cipher: FieldCipher,
        clock: PlatformClock, audit: AuditRecorder
    ) async throws {
        let stopFrom = Dictionary(
            uniqueKeysWithValues: deaths.map {
                ($0.person.id, DeathEffects(deathDate: $0.notice.deathDate).benefitsStopFrom)
            })
        try await RegistryStore.recordDeaths(deaths.map { ($0.person.id, $0.notice.deathDate) }, on: db)
        let store = EnrollmentStore(db: db)
        for (enrollment, person) in try await store.unended(ofPersons: Array(stopFrom.keys)) {
            try await store.setStatus(
                enrollment: enrollment, status: .suspended, from: stopFrom[person]!, reason: "死亡（部门数据）")
        }
        try await audit.record(
            deaths.map { person, notice in
                audit.entry(
                    "person.death", entity: "person", id: person.id.text, region: person.region,
                    after: [
                        "deceasedOn": notice.deathDate.description,
                        "benefitsStopFrom": stopFrom[person.id]!.description,
                    ])
            })
        // The funeral subsidy of a deceased beneficiary, proposed to the street.
        try await FuneralSubsidyProposer(db: db, clock: clock, audit: audit).afterDeaths(
            deaths.map { ($0.person.id, $0.notice.deathDate) })
        // The household's own benefits are paid for those who remain, from the same month.
        try await HouseholdChangeFollower(db: db, cipher: cipher, clock: clock, audit: audit).follow(
            deaths.compactMap { death in
                death.person.household.map {
                    .init(household: $0, kind: .death, person: death.person.id, from: stopFrom[death.person.id]!)
                }
            })
    }
}
