import Foundation
import SQLKit

/// The notices' side of the station's casework: a notice published from a case names it, and
/// comes down when the person is identified (a confirmed match or the case's outcome).
extension FamilySearchStore {
    func link(notice: UUID, toCase caseID: UUID) async throws {
        try await db.raw("UPDATE family_search_notices SET case_id = \(bind: caseID) WHERE id = \(bind: notice)").run()
    }

    /// Takes a published notice down (status `identified`, the row kept); false when it was not up.
    func takeDown(notice: UUID) async throws -> Bool {
        try await db.raw(
            """
            UPDATE family_search_notices SET status = 'identified', version = version + 1
            WHERE id = \(bind: notice) AND status = 'published' RETURNING id
            """
        ).first() != nil
    }
}
