import FluentKit
import Foundation
import MinzhengCore
import MinzhengDemo
import SQLKit
import Vapor

/// Writes synthetic Changzhou households (MinzhengCore's generator) into the registry in
/// batches: one transaction per batch, so memory stays bounded and a crash keeps whole
/// batches only. Households that would have applied for assistance (`SyntheticMeans`)
/// also get their declared means, assessed under the parameters stored for this month.
///
/// Seeding is resumable: `seed(households: N, seed: S)` makes the registry hold the first N
/// households of the stream S. Those an earlier run of the same seed wrote — as its batches'
/// audit events list them, committed with them — are skipped, so a run cut off by a crash
/// is completed by running it again, and a completed one changes nothing (before, the rerun
/// failed on the first batch's ID numbers, already registered).
struct DemoSeeder {
    let bulk: BulkJobs
    /// Audited as `seed`.
    let writer: AuditedWriter
    let cipher: FieldCipher
    let clock: PlatformClock
    var batchHouseholds = 2_000

    struct Summary: Codable, Sendable {
        /// Written by this run.
        var households = 0
        var persons = 0
        var householdsWithMeans = 0
        /// Of the stream's first N, written by earlier runs of the same seed.
        var alreadySeeded = 0
    }

    func seed(
        households count: Int, seed: UInt64, today: CivilDate, progress: JobProgress? = nil
    ) async throws -> Summary {
        try await self.bulk.run { [self] bulk in
            let done = try await AuditStore(db: bulk.sql).seededHouseholds(seed: seed)
            return try await write(
                households: count, skipping: min(done, count), seed: seed, today: today, on: bulk, progress: progress)
        }
    }

    private func write(
        households count: Int, skipping done: Int, seed: UInt64, today: CivilDate, on bulk: BulkDatabase,
        progress: JobProgress?
    ) async throws -> Summary {
        var generator = SyntheticHouseholds(seed: seed, today: today)
        for _ in 0..<done { _ = generator.next() }
        var summary = Summary(alreadySeeded: done)
        var position = done
        var households = BulkInsert(table: "households", columns: HouseholdColumns.insert)
        var persons = BulkInsert(table: "persons", columns: PersonColumns.insert)
        var memberships = BulkInsert(table: "memberships", columns: MembershipColumns.insert)
        var means = BulkInsert(table: "household_means", columns: HouseholdMeansStore.columns)
        let meansGenerator = SyntheticMeans(seed: seed)
        let month = YearMonth(year: today.year, month: today.month)!
        var assessor = CachedAssessor(history: try await PolicyStore(db: bulk.sql).history())
        let now = clock.now
        var writer = PipelinedWriter<Void>()
        var batchHouseholdIDs: [UUID] = []
        while position < count {
            let batch = min(batchHouseholds, count - position)
            for _ in 0..<batch {
                guard let h = generator.next() else { break }
                let householdID = UUID.random()
                batchHouseholdIDs.append(householdID)
                households.append(
                    HouseholdColumns.values(
                        id: householdID, region: h.community, address: h.address, importRef: nil, now: now))
                let personIDs = h.members.map { _ in UUID.random() }
                let request = meansGenerator.request(for: h, month: month)
                if !request.members.isEmpty, meansGenerator.hasDeclaredMeans(h, qualifies: assessor.qualifies(request))
                {
                    // The request's members are the household's, in order, less any not yet born.
                    let born = zip(h.members, personIDs).filter { $0.0.birthDate <= month.lastDay }.map { $0.1.text }
                    means.append(
                        try HouseholdMeansStore.values(
                            householdID: householdID, means: DeclaredMeans(request: request, personIDs: born),
                            month: month, cipher: cipher, now: now))
                    summary.householdsWithMeans += 1
                }
                for (p, personID) in zip(h.members, personIDs) {
                    let draft = PersonDraft(
                        name: p.name, residentID: p.residentID, phone: p.phone, hukou: p.hukou,
                        disabilityGrade: p.disabilityGrade, disabilityKind: p.disabilityKind,
                        selfCare: p.selfCare, laborCapacity: p.laborCapacity)
                    persons.append(
                        PersonColumns.values(
                            draft, id: personID, region: h.community,
                            index: cipher.blindIndex(p.residentID.value), cipher: cipher, now: now,
                            household: householdID))
                    memberships.append(
                        MembershipColumns.values(
                            householdID: householdID, personID: personID, relation: p.relation, at: now))
                    summary.persons += 1
                }
            }
            let record = SeedBatchAudit(
                seed: seed, households: batchHouseholdIDs, persons: persons.pendingCount,
                householdsWithMeans: means.pendingCount)
            _ = try await writer.submit { [auditedWriter = self.writer, households, persons, memberships, means] in
                try cipher.requireNoRotation()
                try await auditedWriter.transaction(on: bulk) { sql, audit in
                    var (h, p, m, d) = (households, persons, memberships, means)
                    try await h.flush(on: sql)
                    try await p.flush(on: sql)
                    try await m.flush(on: sql)
                    try await d.flush(on: sql)
                    try await audit.record(
                        "registry.seed", entity: "household", id: nil, region: RegionTable.changzhou.value,
                        after: record)
                }
            }
            batchHouseholdIDs.removeAll(keepingCapacity: true)
            households.clear()
            persons.clear()
            memberships.clear()
            means.clear()
            summary.households += batch
            position += batch
            progress?.update(done: position, total: count)
        }
        _ = try await writer.finish()
        return summary
    }
}

/// Assesses demo households with the parameters of each region, resolved once per region.
private struct CachedAssessor {
    let history: PolicyParameterHistory
    private var parameters: [String: PolicyParameters?] = [:]

    init(history: PolicyParameterHistory) {
        self.history = history
    }

    /// Whether any program would pay or recognise the household.
    mutating func qualifies(_ request: AssessmentRequest) -> Bool {
        let key = request.region
        if parameters[key] == nil { parameters[key] = try? history.parameters(for: key, month: request.month) }
        guard let p = parameters[key] ?? nil else { return false }
        return !PolicyEngine.assess(request, parameters: p).programs.isEmpty
    }
}

/// One seed batch as its audit event records it.
private struct SeedBatchAudit: Encodable, Sendable {
    let seed: UInt64
    let households: [UUID]
    let persons: Int
    let householdsWithMeans: Int
}

extension Application {
    var demoSeeder: DemoSeeder {
        DemoSeeder(
            bulk: bulkJobs, writer: writer(actor: .system("seed")), cipher: platform.cipher, clock: platform.clock)
    }
}
