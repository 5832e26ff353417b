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
/// - A person's page lists their own applications and their household's: by person or by
///   household (the household's index was there), never a walk of the queue.
/// - A person's record reads their membership history by person (only the current
///   membership had an index: the history scanned every membership, 1.2 s at 1 M persons).
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
        ("memberships_person_joined", "memberships", ["person_id", "joined_at"]),
        ("applications_person", "applications", ["person_id"]),
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
