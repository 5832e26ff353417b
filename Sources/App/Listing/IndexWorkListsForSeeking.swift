import Fluent
import SQLKit

/// The indexes the application queue and the account list seek in (`SeekList`), each the
/// order's columns and the id, the region beside, so that a scoped list checks the scope
/// inside the index and reads a page in order from where it starts.
/// - Applications: led by the flow (a civil-affairs office sees its flow, a department its
///   own items); "latest first" walks the submitted index backwards.
///   `applications_region_state` stays: the page's counts by state read it.
/// - Accounts: resident accounts make the list as long as the registry; "latest created"
///   walks its index backwards.
struct IndexWorkListsForSeeking: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("applications_flow_submitted", "applications", ["flow", "submitted_on", "id", "region"]),
        ("applications_flow_deadline", "applications", ["flow", "deadline_on", "id", "region"]),
        ("applications_flow_region", "applications", ["flow", "region", "submitted_on", "id"]),
        ("applications_flow_state", "applications", ["flow", "state", "submitted_on", "id", "region"]),
        ("applications_department_submitted", "applications", ["department", "submitted_on", "id", "region"]),
        ("users_region_username", "users", ["region", "username", "id"]),
        ("users_username_id", "users", ["username", "id", "region"]),
        ("users_role_region", "users", ["role", "region", "username", "id"]),
        ("users_created", "users", ["created_at", "id", "region"]),
    ]

    func prepare(on database: Database) async throws {
        for (name, table, columns) in Self.indexes {
            var index = database.sql.create(index: name).on(table)
            for column in columns { index = index.column(column) }
            try await index.run()
        }
    }

    func revert(on database: Database) async throws {
        for (name, _, _) in Self.indexes { try await database.sql.drop(index: name).run() }
    }
}
