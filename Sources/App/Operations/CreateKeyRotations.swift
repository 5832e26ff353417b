import Fluent
import SQLKit

/// `key_rotations`: each data-key rotation, its state and phase and the two keys' ids (never
/// the keys); `key_rotation_progress`: per rotation and table, the last row done in the
/// current phase — written in each batch's transaction, so a rotation cut off resumes there.
struct CreateKeyRotations: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("key_rotations")
            .id()
            .field("state", .string, .required)
            .field("phase", .int, .required)
            .field("old_key_id", .string, .required)
            .field("new_key_id", .string, .required)
            .field("started_at", .datetime, .required)
            .field("finished_at", .datetime)
            .create()
        try await database.schema("key_rotation_progress")
            .field("rotation_id", .uuid, .required, .references("key_rotations", "id"))
            .field("table_name", .string, .required)
            .field("position", .int, .required)
            .field("last_key", .string)
            .field("done", .bool, .required)
            .field("rows_done", .int64, .required)
            .field("rows_changed", .int64, .required)
            .unique(on: "rotation_id", "table_name")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("key_rotation_progress").delete()
        try await database.schema("key_rotations").delete()
    }
}
