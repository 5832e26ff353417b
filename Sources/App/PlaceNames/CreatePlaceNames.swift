import Fluent
import SQLKit

/// The register of standard place names (地名): every name with its parts, its pinyin, its
/// county, its state in the naming workflow and, for a renaming, the name it replaces. Two names
/// that hold their place (not rejected, renamed or retired) never share a sound key in the same
/// county and category: a partial unique index keeps two proposals filed at once from both
/// passing the check.
struct CreatePlaceNames: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("place_names")
            .id()
            .field("county", .string, .required)
            .field("region", .string, .required)
            .field("category", .string, .required)
            .field("name", .string, .required)
            .field("specific_part", .string, .required)
            .field("generic_part", .string, .required)
            .field("pinyin", .string, .required)
            .field("sign_pinyin", .string, .required)
            .field("sound_key", .string, .required)
            .field("meaning", .string)
            .field("history", .string)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("red", .bool, .required)
            .field("red_story", .string)
            .field("basis", .string)
            .field("replaces_id", .uuid, .references("place_names", "id"))
            .field("status", .string, .required)
            .field("holds_name", .bool, .required)
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
        try await sql.raw(
            """
            CREATE UNIQUE INDEX place_names_sound ON place_names (county, category, sound_key) WHERE holds_name
            """
        ).run()
        try await sql.create(index: "place_names_region").on("place_names").column("region").column("name").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema("place_names").delete()
    }
}
