import Fluent
import SQLKit

/// `users.session_epoch`: counts the times an account's credentials were ended (a password
/// changed or reset, the account disabled or enabled). A page session remembers the epoch it
/// was started in and signs no one in once the account's has moved on, so that every
/// session on every computer ends with the old password.
struct AddSessionEpochToUsers: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.sql.raw("ALTER TABLE users ADD COLUMN session_epoch BIGINT NOT NULL DEFAULT 0").run()
    }

    func revert(on database: Database) async throws {
        try await database.sql.raw("ALTER TABLE users DROP COLUMN session_epoch").run()
    }
}
