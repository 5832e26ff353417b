import Foundation
import MinzhengCore
import SQLKit

/// A person's 生活自理能力 set by an ability assessment: the same audited `person.update`
/// as an edit of the person, and the same following of the person's benefits.
extension RegistryStore {
    /// Sets the person's self-care; answers false when it already was that (nothing written).
    @discardableResult
    func setSelfCare(personID: UUID, within scope: RegionScope, to selfCare: SelfCare) async throws -> Bool {
        let recorder = recorder
        guard
            let current = try await db.raw(
                "SELECT * FROM persons WHERE id = \(bind: personID) AND \(scope.condition("region"))"
            ).first()
        else {
            throw Refusal.notFound("人员")
        }
        guard try current.decode(column: "self_care", as: String.self) != selfCare.rawValue else { return false }
        let before = try PersonAuditRecord(row: current)
        try await db.raw(
            """
            UPDATE persons SET self_care = \(bind: selfCare.rawValue), version = version + 1, updated_at = \(bind: clock.now)
            WHERE id = \(bind: personID)
            """
        ).run()
        guard
            let updated = try await db.raw("SELECT * FROM persons WHERE id = \(bind: personID)").first()
        else { throw Refusal.notFound("人员") }
        try await recorder.record(
            "person.update", entity: "person", id: personID.uuidString, region: before.region,
            before: before, after: try PersonAuditRecord(row: updated))
        try await followSelfCare(household: try current.decode(column: "household_id", as: UUID?.self))
        return true
    }

    /// A changed self-care changes what the policy engine pays (the tekun care standard,
    /// POLICY.md R-tekun): the household's enrollments are reassessed from next month, as
    /// a standard change (调标) reassesses them, inside the same transaction.
    func followSelfCare(household: UUID?) async throws {
        guard let household else { return }
        try await RecalculationRunner(db: db, cipher: cipher, clock: clock).follow(
            households: [household], from: clock.nextMonth, reason: "自理能力变更 \(clock.nextMonth)", audit: recorder)
    }
}
