import Fluent
import SQLKit

/// `api_tokens.scopes`: what a token is limited to (`APIScope` codes, space-separated), or
/// NULL for a token that may call whatever its account may (every token issued before).
struct AddScopesToAPITokens: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.sql.raw("ALTER TABLE api_tokens ADD COLUMN scopes TEXT").run()
    }

    func revert(on database: Database) async throws {
        try await database.sql.raw("ALTER TABLE api_tokens DROP COLUMN scopes").run()
    }
}
