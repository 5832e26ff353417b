import Fluent

/// The final evaluation (结项评估) of a funded project on its proposal: the outcome, the clerk's
/// note, the day and who gave it. One field per statement: SQLite adds one column at a time.
struct AddFundingEvaluation: AsyncMigration {
    static let columns = ["evaluation", "evaluation_note", "evaluated_on", "evaluated_by"]

    func prepare(on database: Database) async throws {
        for column in Self.columns {
            try await database.schema("funding_proposals").field(.string(column), .string).update()
        }
    }

    func revert(on database: Database) async throws {
        for column in Self.columns {
            try await database.schema("funding_proposals").deleteField(.string(column)).update()
        }
    }
}
