import Fluent
import SQLKit

/// The assistance station's casework (救助管理): `station_cases` (a person taken in: how, where and
/// when found, what the station sees of them; the ID number, health, mental and intellectual
/// state sealed in `private_cipher`, the ID number masked in `id_masked`; the outcome),
/// `station_case_entries` (the stay's dated bed, meal and medical entries, sealed),
/// `station_case_checks` (the service standard's checklist, one row per check ticked) and
/// `station_case_photos` (photos kept under the data folder; one may be the notice's face photo).
/// A notice links to its case by a new nullable `family_search_notices.case_id`; the station's
/// notice deadline is a new policy key (seeded here).
struct CreateStationCases: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("station_cases")
            .id()
            .field("region", .string, .required)
            .field("name", .string)
            .field("sex", .string)
            .field("estimated_age", .int)
            .field("height_cm", .int)
            .field("build", .string)
            .field("dialect", .string)
            .field("features", .string)
            .field("clothing", .string)
            .field("belongings", .string)
            .field("found_by", .string, .required)
            .field("found_place", .string)
            .field("found_place_text", .string)
            .field("found_at", .datetime, .required)
            .field("intake_at", .datetime, .required)
            .field("id_masked", .string)
            .field("private_cipher", .string, .required)
            .field("status", .string, .required)
            .field("outcome_on", .string)
            .field("escort", .string)
            .field("destination", .string)
            .field("relative", .string)
            .field("institution", .string)
            .field("outcome_note", .string)
            .field("created_by", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("station_case_entries")
            .id()
            .field("case_id", .uuid, .required, .references("station_cases", "id"))
            .field("kind", .string, .required)
            .field("on_day", .string, .required)
            .field("text_cipher", .string, .required)
            .field("recorded_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("station_case_checks")
            .field("case_id", .uuid, .required, .references("station_cases", "id"))
            .field("check_code", .string, .required)
            .field("note", .string)
            .field("done_by", .string, .required)
            .field("done_at", .datetime, .required)
            .unique(on: "case_id", "check_code")
            .create()
        try await database.schema("station_case_photos")
            .id()
            .field("case_id", .uuid, .required, .references("station_cases", "id"))
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("is_face", .bool, .required)
            .field("uploaded_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("family_search_notices").field("case_id", .uuid).update()
        let sql = database.sql
        try await sql.create(index: "station_cases_region").on("station_cases").column("region").column("intake_at")
            .run()
        try await sql.create(index: "station_cases_status").on("station_cases").column("status").column("intake_at")
            .run()
        try await sql.create(index: "station_case_entries_case").on("station_case_entries").column("case_id").run()
        try await sql.create(index: "station_case_photos_case").on("station_case_photos").column("case_id").run()
        try await sql.create(index: "family_search_notices_case").on("family_search_notices").column("case_id").run()
        try await SeedMissingPolicyDefaults().prepare(on: database)
    }

    func revert(on database: Database) async throws {
        try await database.schema("family_search_notices").deleteField("case_id").update()
        try await database.schema("station_case_photos").delete()
        try await database.schema("station_case_checks").delete()
        try await database.schema("station_case_entries").delete()
        try await database.schema("station_cases").delete()
    }
}
