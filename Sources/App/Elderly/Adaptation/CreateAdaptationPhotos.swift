import Fluent
import SQLKit

/// Completion photos of a home adaptation (完工照片): the files are kept outside the database
/// like hazard evidence; a row says whose, what and its digest.
struct CreateAdaptationPhotos: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("adaptation_photos")
            .id()
            .field("case_id", .uuid, .required, .references("adaptation_cases", "id"))
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("uploaded_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "adaptation_photos_case").on("adaptation_photos").column("case_id").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema("adaptation_photos").delete()
    }
}
