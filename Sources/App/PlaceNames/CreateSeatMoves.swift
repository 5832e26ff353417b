import Fluent
import SQLKit

/// Street-seat moves (驻地迁移): a street's or town's seat of government moving from one address to
/// another, with the reason, the approval steps of a name and the day it took effect. A street
/// has at most one move under way (`is_open`, a partial unique index).
struct CreateSeatMoves: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("seat_moves")
            .id()
            .field("region", .string, .required)
            .field("county", .string, .required)
            .field("from_address", .string, .required)
            .field("to_address", .string, .required)
            .field("to_latitude", .double)
            .field("to_longitude", .double)
            .field("reason", .string, .required)
            .field("status", .string, .required)
            .field("is_open", .bool, .required)
            .field("publicity_ends", .string)
            .field("approving_body", .string)
            .field("approved_on", .string)
            .field("announced_on", .string)
            .field("decision_note", .string)
            .field("proposed_by", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        let sql = database.sql
        try await sql.raw("CREATE UNIQUE INDEX seat_moves_open ON seat_moves (region) WHERE is_open").run()
        try await sql.create(index: "seat_moves_region").on("seat_moves").column("region").column("created_at").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema("seat_moves").delete()
    }
}
