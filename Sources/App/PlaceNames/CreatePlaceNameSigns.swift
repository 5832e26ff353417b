import Fluent
import SQLKit

/// Place-name signs (地名标志): each sign of a standard name with where it stands, its kind and
/// install date, and its inspections (condition found, by whom, when).
struct CreatePlaceNameSigns: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("place_name_signs")
            .id()
            .field("place_name_id", .uuid, .required, .references("place_names", "id"))
            .field("region", .string, .required)
            .field("kind", .string, .required)
            .field("location", .string, .required)
            .field("installed_on", .string, .required)
            .field("condition", .string, .required)
            .field("last_inspected_on", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("place_name_sign_inspections")
            .id()
            .field("sign_id", .uuid, .required, .references("place_name_signs", "id"))
            .field("inspected_on", .string, .required)
            .field("condition", .string, .required)
            .field("note", .string)
            .field("inspected_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        let sql = database.sql
        try await sql.create(index: "place_name_signs_name").on("place_name_signs").column("place_name_id").run()
        try await sql.create(index: "place_name_sign_inspections_sign").on("place_name_sign_inspections")
            .column("sign_id").column("inspected_on").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema("place_name_sign_inspections").delete()
        try await database.schema("place_name_signs").delete()
    }
}
