import FluentKit
import Foundation
import MinzhengCore
import SQLKit

/// Writes synthetic Changzhou households (MinzhengCore's generator) into the registry in
/// batches: one transaction per batch, so memory stays bounded and a crash keeps whole
/// batches only.
struct DemoSeeder {
    let db: any Database
    let cipher: FieldCipher
    let batchHouseholds = 2_000

    struct Summary: Codable, Sendable {
        var households = 0
        var persons = 0
    }

    func seed(households count: Int, seed: UInt64, today: CivilDate, progress: JobProgress? = nil) async throws -> Summary {
        var generator = SyntheticHouseholds(seed: seed, today: today)
        var summary = Summary()
        var households = BulkInsert(table: "households", columns: ["id", "region", "address", "import_ref", "version", "created_at", "updated_at"])
        var persons = BulkInsert(table: "persons", columns: PersonColumns.insert)
        var memberships = BulkInsert(table: "memberships", columns: ["id", "household_id", "person_id", "relation", "joined_at"])
        let now = Date()
        while summary.households < count {
            let batch = min(batchHouseholds, count - summary.households)
            for _ in 0..<batch {
                guard let h = generator.next() else { break }
                let householdID = UUID()
                households.append([SQLBind(householdID), SQLBind(h.community.value), SQLBind(h.address), SQLBind(String?.none),
                                   SQLBind(1), SQLBind(now), SQLBind(now)])
                for p in h.members {
                    let personID = UUID()
                    let draft = PersonDraft(name: p.name, residentID: p.residentID, phone: p.phone, hukou: p.hukou,
                                            disabilityGrade: p.disabilityGrade, disabilityKind: p.disabilityKind,
                                            selfCare: p.selfCare, laborCapacity: p.laborCapacity)
                    persons.append(PersonColumns.values(draft, id: personID, region: h.community,
                                                        index: cipher.blindIndex(p.residentID.value), cipher: cipher, now: now))
                    memberships.append([SQLBind(UUID()), SQLBind(householdID), SQLBind(personID), SQLBind(p.relation.rawValue), SQLBind(now)])
                    summary.persons += 1
                }
            }
            try await db.transaction { [households, persons, memberships] tx in
                let sql = tx as! SQLDatabase
                var (h, p, m) = (households, persons, memberships)
                try await h.flush(on: sql)
                try await p.flush(on: sql)
                try await m.flush(on: sql)
            }
            households.clear()
            persons.clear()
            memberships.clear()
            summary.households += batch
            progress?.update(done: summary.households, total: count)
        }
        return summary
    }
}
