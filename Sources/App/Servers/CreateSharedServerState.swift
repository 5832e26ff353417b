import Fluent
import SQLKit

/// What several servers on one database must share instead of keeping in memory:
/// `background_jobs` (an import or feed file's progress and outcome, readable from any
/// server), `timer_leases` (who runs the hourly round now), `rate_windows` (requests per
/// client and window of the open forms) and `failure_counters` (the sign-in lockouts of
/// addresses and unknown names).
struct CreateSharedServerState: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("background_jobs")
            .id()
            .field("kind", .string, .required)
            .field("owner_id", .uuid, .required)
            .field("title", .string, .required)
            .field("state", .string, .required)
            .field("percent", .int, .required)
            // The outcome (the summary and the refused rows, which hold personal data), sealed.
            .field("outcome_cipher", .string)
            .field("error", .string)
            .field("server_id", .uuid, .required)
            .field("heartbeat_at", .datetime, .required)
            .field("created_at", .datetime, .required)
            .field("finished_at", .datetime)
            .create()
        try await database.schema("timer_leases")
            .field("name", .string, .identifier(auto: false))
            .field("holder", .uuid, .required)
            .field("expires_at", .datetime, .required)
            .create()
        try await database.schema("rate_windows")
            .field("bucket", .string, .required)
            .field("client", .string, .required)
            .field("window_start", .int64, .required)
            .field("requests", .int, .required)
            .compositeIdentifier(over: "bucket", "client")
            .create()
        try await database.schema("failure_counters")
            .field("bucket", .string, .required)
            .field("client", .string, .required)
            // The failures still counting, as seconds since 1970 separated by commas.
            .field("failures", .string, .required)
            .field("locked_until", .int64)
            .field("updated_at", .int64, .required)
            .compositeIdentifier(over: "bucket", "client")
            .create()
        let sql = database.sql
        try await sql.create(index: "background_jobs_state").on("background_jobs").column("state")
            .column("heartbeat_at").run()
        try await sql.create(index: "rate_windows_start").on("rate_windows").column("window_start").run()
        try await sql.create(index: "failure_counters_updated").on("failure_counters").column("updated_at").run()
    }

    func revert(on database: Database) async throws {
        for table in ["failure_counters", "rate_windows", "timer_leases", "background_jobs"] {
            try await database.schema(table).delete()
        }
    }
}
