import Fluent
import SQLKit

/// Department feed rows (keyed by feed and source record id, so a re-sent row changes
/// nothing), early-warning alerts (never two open for one rule and person) and the grid
/// workers' visit tasks.
struct CreateMonitoring: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("feed_rows")
            .id()
            .field("kind", .string, .required)
            .field("source_record_id", .string, .required)
            .field("department", .string, .required)
            // The person by blind index: a row naming someone not yet registered is kept too.
            .field("id_index", .string, .required)
            .field("person_id", .uuid)
            .field("event_date", .string)
            .field("out_of_pocket_fen", .int64)
            .field("received_at", .datetime, .required)
            .unique(on: "kind", "source_record_id")
            .create()
        try await database.schema("alerts")
            .id()
            .field("rule", .string, .required)
            .field("level", .string, .required)
            .field("person_id", .uuid, .required)
            .field("household_id", .uuid, .required)
            .field("region", .string, .required)
            .field("evidence", .string, .required)
            .field("dedupe_key", .string, .required)
            .field("feed_key", .string)
            .field("status", .string, .required)
            .field("raised_on", .string, .required)
            .field("closed_on", .string)
            .create()
        try await database.schema("visit_tasks")
            .id()
            .field("alert_id", .uuid)
            .field("kind", .string, .required)
            .field("person_id", .uuid, .required)
            .field("household_id", .uuid, .required)
            .field("region", .string, .required)
            .field("due_on", .string, .required)
            .field("status", .string, .required)
            .field("escalated", .bool, .required)
            .field("visited_on", .string)
            .field("findings", .string)
            .field("outcome", .string)
            .field("done_by", .string)
            .create()
        let sql = database.sql
        try await sql.raw("CREATE UNIQUE INDEX alerts_one_open ON alerts (dedupe_key) WHERE status = 'open'").run()
        try await sql.create(index: "alerts_region_status").on("alerts").column("region").column("status").run()
        try await sql.create(index: "feed_rows_person_kind").on("feed_rows").column("person_id").column("kind").run()
        try await sql.create(index: "visit_tasks_region_status").on("visit_tasks").column("region").column("status")
            .run()
    }

    func revert(on database: Database) async throws {
        for table in ["visit_tasks", "alerts", "feed_rows"] { try await database.schema(table).delete() }
    }
}

/// A death applies to every enrollment of the person: without this index each death read
/// all enrollments (10 000 deaths against 100 000 enrollments took 27 s).
struct IndexEnrollmentsByPerson: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.sql.create(index: "enrollments_person").on("enrollments").column("person_id").run()
    }

    func revert(on database: Database) async throws {
        try await database.sql.drop(index: "enrollments_person").run()
    }
}

/// The medical-burden rule sums a person's out-of-pocket costs over 12 months for every
/// medical row: with the date and amount in the index that sum reads no table rows.
struct CoverMedicalCostsInFeedIndex: AsyncMigration {
    func prepare(on database: Database) async throws {
        let sql = database.sql
        try await sql.drop(index: "feed_rows_person_kind").run()
        try await sql.create(index: "feed_rows_person_kind").on("feed_rows")
            .column("person_id").column("kind").column("event_date").column("out_of_pocket_fen").run()
    }

    func revert(on database: Database) async throws {
        let sql = database.sql
        try await sql.drop(index: "feed_rows_person_kind").run()
        try await sql.create(index: "feed_rows_person_kind").on("feed_rows").column("person_id").column("kind").run()
    }
}

/// Only the medical-burden sum reads feed rows by person, and only medical rows: the other
/// kinds (more than half the rows) need not pay for the person index at all. Keeping it
/// cost 3 s of 12 for a million rows inserted in sqlite3.
struct IndexOnlyMedicalCostsByPerson: AsyncMigration {
    func prepare(on database: Database) async throws {
        let sql = database.sql
        try await sql.drop(index: "feed_rows_person_kind").run()
        try await sql.raw(
            """
            CREATE INDEX feed_rows_medical_costs ON feed_rows (person_id, event_date, out_of_pocket_fen) WHERE kind = 'medicalExpense'
            """
        ).run()
    }

    func revert(on database: Database) async throws {
        let sql = database.sql
        try await sql.drop(index: "feed_rows_medical_costs").run()
        try await sql.create(index: "feed_rows_person_kind").on("feed_rows")
            .column("person_id").column("kind").column("event_date").column("out_of_pocket_fen").run()
    }
}
