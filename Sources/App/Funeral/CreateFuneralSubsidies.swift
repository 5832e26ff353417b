import Fluent
import SQLKit

/// `funeral_subsidies`: the street's queue of subsidies proposed after a death — the funeral
/// subsidy for a deceased dibao or tekun beneficiary, the eco-burial subsidy — each approved or
/// refused with a reason. One proposal of a kind per deceased (a unique index), whichever of
/// the feeds, the registrars, the cashiers or the cemeteries sees the death first.
struct CreateFuneralSubsidies: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("funeral_subsidies")
            .id()
            .field("kind", .string, .required)
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("household_id", .uuid, .references("households", "id"))
            .field("region", .string, .required)
            .field("deceased_on", .string)
            .field("amount_fen", .int64, .required)
            .field("basis", .string, .required)
            .field("source", .string, .required)
            .field("status", .string, .required)
            .field("decided_by", .string)
            .field("decided_at", .datetime)
            .field("decision_note", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "person_id", "kind")
            .create()
        try await database.sql.create(index: "funeral_subsidies_queue").on("funeral_subsidies")
            .column("status").column("region").column("created_at").run()
        // The subsidies' defaults (`funeralSubsidy`, `ecoBurialSubsidy`) for a database stored before them.
        try await SeedMissingPolicyDefaults().prepare(on: database)
    }

    func revert(on database: Database) async throws {
        try await database.schema("funeral_subsidies").delete()
    }
}
