import Fluent
import SQLKit

/// Photos of the missing person on a family's report (寻亲登记照片): the files are kept outside
/// the database like application documents; a row says whose report, what and its digest.
/// Only the family and staff with `handleFamilySearch` see them.
struct CreateFamilySearchPhotos: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("family_search_photos")
            .id()
            .field("report_id", .uuid, .required, .references("family_search_reports", "id"))
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("uploaded_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "family_search_photos_report").on("family_search_photos")
            .column("report_id").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema("family_search_photos").delete()
    }
}
