import Fluent
import SQLKit

/// `api_calls`: the API calls of partner departments' accounts (`APICallLog`), for the
/// department's own page of its calls and errors: when, which route, the status, the request
/// id and the error's message. No body and no parameter is kept (ID numbers travel in bodies).
struct CreateAPICalls: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("api_calls")
            .id()
            .field("user_id", .uuid, .required)
            .field("token_id", .uuid)
            .field("at", .datetime, .required)
            .field("day", .string, .required)
            .field("method", .string, .required)
            .field("route", .string, .required)
            .field("status", .int, .required)
            .field("request_id", .string, .required)
            .field("error", .string)
            .create()
        try await database.sql.raw("CREATE INDEX api_calls_by_user ON api_calls (user_id, at)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema("api_calls").delete()
    }
}
