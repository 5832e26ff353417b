import Fluent
import SQLKit

/// The indexes the application queue seeks in (`SeekList`): for each order of the staff's
/// queue, the flow (a civil-affairs office sees its flow, a department its own items), the
/// order's columns and the id, then the region, so that a scoped queue checks the scope
/// inside the index and reads a page in order from where it starts. The "latest first"
/// order walks the submitted index backwards. `applications_region_state` stays: the page's
/// counts by state read it.
struct IndexApplicationsForSeekLists: AsyncMigration {
    static let indexes: [(name: String, columns: [String])] = [
        ("applications_flow_submitted", ["flow", "submitted_on", "id", "region"]),
        ("applications_flow_deadline", ["flow", "deadline_on", "id", "region"]),
        ("applications_flow_region", ["flow", "region", "submitted_on", "id"]),
        ("applications_flow_state", ["flow", "state", "submitted_on", "id", "region"]),
        ("applications_department_submitted", ["department", "submitted_on", "id", "region"]),
    ]

    func prepare(on database: Database) async throws {
        for (name, columns) in Self.indexes {
            var index = database.sql.create(index: name).on("applications")
            for column in columns { index = index.column(column) }
            try await index.run()
        }
    }

    func revert(on database: Database) async throws {
        for (name, _) in Self.indexes { try await database.sql.drop(index: name).run() }
    }
}
