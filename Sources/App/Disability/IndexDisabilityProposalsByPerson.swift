import Fluent
import SQLKit

/// The monthly run asks, 500 people at a time, which of them have an open proposal or one refused
/// for the same certificate. Without an index led by the person, SQLite answered from the
/// queue's status index and read every open proposal for each batch: 13 s for a run with nothing
/// to do at 1 M persons and 83 000 open proposals.
struct IndexDisabilityProposalsByPerson: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.sql.create(index: "disability_subsidy_proposals_person").on("disability_subsidy_proposals")
            .column("person_id").column("status").run()
    }

    func revert(on database: Database) async throws {
        try await database.sql.drop(index: "disability_subsidy_proposals_person").run()
    }
}
