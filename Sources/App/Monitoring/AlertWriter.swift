import Foundation
import MinzhengCore
import SQLKit

/// Stores alerts with their visit tasks a batch at a time: one query for the open alerts
/// of the whole batch and multi-row inserts, instead of three statements per alert.
/// Never a second open alert for the same rule and person, whether the first is stored
/// already or earlier in the same batch.
struct AlertWriter {
    let db: SQLDatabase

    static let columns = [
        "id", "rule", "level", "person_id", "household_id", "region", "evidence", "dedupe_key", "feed_key", "status",
        "raised_on",
    ]

    /// Stores what is new of `drafts` (each with the region of the person's household);
    /// returns how many alerts were raised.
    func raise(_ drafts: [(draft: AlertDraft, region: String)]) async throws -> Int {
        var seen = Set<String>()
        let fresh = drafts.filter { seen.insert($0.draft.dedupeKey).inserted }
        var open = Set<String>()
        for chunk in fresh.map(\.draft.dedupeKey).chunked(500) {
            for r in try await db.select().column("dedupe_key").from("alerts").where("status", .equal, "open")
                .where("dedupe_key", .in, chunk).all()
            {
                open.insert(try r.decode(column: "dedupe_key", as: String.self))
            }
        }
        var alerts = BulkInsert(table: "alerts", columns: Self.columns)
        var tasks = BulkInsert(table: "visit_tasks", columns: VisitTasks.columns)
        for (draft, region) in fresh where !open.contains(draft.dedupeKey) {
            guard let person = UUID(text: draft.personId), let household = UUID(text: draft.householdId) else {
                continue
            }
            let id = UUID.random()
            alerts.append([
                .uuid(id), .text(draft.rule.rawValue), .text(draft.level.rawValue), .uuid(person), .uuid(household),
                .text(region),
                .text(draft.evidence), .text(draft.dedupeKey), BulkValue(draft.feedRecordKey), .text("open"),
                .text(draft.raisedOn.description),
            ])
            tasks.append(
                VisitTasks.values(
                    alert: id, person: person, household: household, region: region, due: draft.visitDueDate,
                    kind: "alert"))
        }
        let raised = alerts.pendingCount
        try await alerts.flush(on: db)
        try await tasks.flush(on: db)
        return raised
    }
}
