import Foundation
import MinzhengCore
import SQLKit

extension RegistryStore {
    /// Makes a living member the household's head after the head died: the late head's
    /// membership ends (kept as history) and the member's relation becomes head. A new
    /// household register would renumber everyone's relation; that is the street's to edit.
    func replaceDeceasedHead(household: UUID, with person: UUID, region: String) async throws {
        guard
            let late = try await db.raw(
                """
                SELECT m.person_id FROM memberships m JOIN persons p ON p.id = m.person_id
                WHERE m.household_id = \(bind: household) AND m.relation = 'head' AND m.left_at IS NULL AND p.deceased_on IS NOT NULL
                """
            ).first()?.decode(column: "person_id", as: UUID.self)
        else {
            throw Refusal(.conflict, "该户户主在世或已变更，无需确认新户主", field: "proposedHeadId")
        }
        let now = clock.now
        try await db.raw(
            "UPDATE memberships SET left_at = \(bind: now) WHERE household_id = \(bind: household) AND person_id = \(bind: late) AND left_at IS NULL"
        )
        .run()
        let changed = try await db.raw(
            """
            UPDATE memberships SET relation = 'head' WHERE household_id = \(bind: household) AND person_id = \(bind: person) AND left_at IS NULL
            RETURNING person_id
            """
        ).all()
        guard !changed.isEmpty else { throw Refusal(.conflict, "拟任户主已不在该户", field: "proposedHeadId") }
        try await db.raw(
            "UPDATE households SET version = version + 1, updated_at = \(bind: now) WHERE id = \(bind: household)"
        ).run()
        try await audit!.record(
            "household.headChange", entity: "household", id: household.uuidString, region: region,
            before: ["head": late.uuidString], after: ["head": person.uuidString])
    }
}
