import Fluent
import SQLKit

/// `region_counts`: how many households and persons each region code holds, kept in step by
/// triggers on `households` and `persons` (every insert, move and delete, the import's and the
/// seed's bulk writes included). A list without filters then counts exactly by adding its
/// scope's few hundred numbers instead of walking up to 10 000 index entries, and a page of the
/// region order chosen by its number starts at the region where its first row lies, skipping
/// only within that region (`SeekList.regionCounts`): page 5 000 of the city no longer walks the
/// 250 000 index entries before it on every request.
///
/// On PostgreSQL a count's row is locked by the transaction that changes it until it ends:
/// two writers of households in the same community take turns at that row.
struct CountRegistryByRegion: AsyncMigration {
    /// The lists counted, by the table they count.
    static let tables = ["households", "persons"]

    func prepare(on database: Database) async throws {
        let sql = database.sql
        try await database.schema("region_counts")
            .field("list", .string, .required)
            .field("region", .string, .required)
            .field("n", .int64, .required)
            .compositeIdentifier(over: "list", "region")
            .create()
        for table in Self.tables {
            try await sql.raw(
                """
                INSERT INTO region_counts (list, region, n)
                SELECT '\(unsafeRaw: table)', region, COUNT(*) FROM \(unsafeRaw: table) GROUP BY region
                """
            ).run()
            for statement in sql.dialect.name == "postgresql"
                ? Self.postgresTriggers(table) : Self.sqliteTriggers(table)
            {
                try await sql.raw("\(unsafeRaw: statement)").run()
            }
        }
    }

    /// Adds `delta` to a region's count (the row made at the region's first).
    static func change(_ table: String, _ region: String, by delta: Int) -> String {
        """
        INSERT INTO region_counts (list, region, n) VALUES ('\(table)', \(region), \(delta))
        ON CONFLICT (list, region) DO UPDATE SET n = region_counts.n + \(delta)
        """
    }

    static func sqliteTriggers(_ table: String) -> [String] {
        [
            "CREATE TRIGGER \(table)_count_insert AFTER INSERT ON \(table) BEGIN \(change(table, "NEW.region", by: 1)); END",
            """
            CREATE TRIGGER \(table)_count_move AFTER UPDATE OF region ON \(table) WHEN OLD.region IS NOT NEW.region
            BEGIN \(change(table, "OLD.region", by: -1)); \(change(table, "NEW.region", by: 1)); END
            """,
            "CREATE TRIGGER \(table)_count_delete AFTER DELETE ON \(table) BEGIN \(change(table, "OLD.region", by: -1)); END",
        ]
    }

    static func postgresTriggers(_ table: String) -> [String] {
        [
            """
            CREATE FUNCTION \(table)_count_follow() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'UPDATE' AND OLD.region = NEW.region THEN RETURN NULL; END IF;
              IF TG_OP IN ('UPDATE', 'DELETE') THEN \(change(table, "OLD.region", by: -1)); END IF;
              IF TG_OP IN ('UPDATE', 'INSERT') THEN \(change(table, "NEW.region", by: 1)); END IF;
              RETURN NULL;
            END $$
            """,
            """
            CREATE TRIGGER \(table)_count AFTER INSERT OR DELETE OR UPDATE OF region ON \(table)
            FOR EACH ROW EXECUTE FUNCTION \(table)_count_follow()
            """,
        ]
    }

    func revert(on database: Database) async throws {
        let sql = database.sql
        for table in Self.tables {
            if sql.dialect.name == "postgresql" {
                try await sql.raw("DROP TRIGGER \(unsafeRaw: table)_count ON \(unsafeRaw: table)").run()
                try await sql.raw("DROP FUNCTION \(unsafeRaw: table)_count_follow()").run()
            } else {
                for name in ["insert", "move", "delete"] {
                    try await sql.raw("DROP TRIGGER \(unsafeRaw: table)_count_\(unsafeRaw: name)").run()
                }
            }
        }
        try await database.schema("region_counts").delete()
    }
}
