import Foundation
import SQLKit

extension AuditStore {
    /// How many households the seeder's batches of `seed` wrote, as their audit events
    /// (`registry.seed`, each committed with its batch) list them: where a rerun of the same
    /// seed resumes (`DemoSeeder`).
    func seededHouseholds(seed: UInt64) async throws -> Int {
        struct Batch: Decodable {
            let seed: UInt64
            let households: [String]
        }
        let decoder = JSONDecoder()
        var total = 0
        // The (entity, entity_id) index finds them: other household events name their household.
        for row in try await db.raw(
            """
            SELECT after_json FROM audit_events
            WHERE entity = 'household' AND entity_id IS NULL AND action = 'registry.seed'
            """
        ).all() {
            guard let json = try row.decode(column: "after_json", as: String?.self) else { continue }
            let batch = try decoder.decode(Batch.self, from: Data(json.utf8))
            if batch.seed == seed { total += batch.households.count }
        }
        return total
    }
}
