import Fluent
import SQLKit

/// The indexes the household and person lists seek in (`SeekList`), each the order's columns
/// and the id (then the region, so that a scoped list in another order checks the scope in
/// the index, without reading the rows), so that a page is read in order from where it starts:
/// households by address and by last update, persons by region and name, name, birth date
/// and last update (the household list's region order is `IndexHouseholdsForListing`). The
/// blind indexes of the ID number's last six and the phone are led by the value with the
/// region beside it, so a scoped search stays inside the index. Indexes these make
/// redundant (a prefix of a new one) are dropped.
///
/// And the name search's index, `person_name_grams`: each person's name once for every two
/// characters that stand together in it (`NameGrams`), with the region and the name beside,
/// indexed (pair, region, name, person), so that "name contains 王秀" within a street is one
/// range of one index, already in the list's order. Triggers on `persons` keep it in step
/// with every write, the bulk ones (import, seed) included.
struct IndexRegistryForCityScaleReads: AsyncMigration {
    /// Names are at most this many characters (`RegistryValidation.name` allows fewer).
    static let longestName = 64

    func prepare(on database: Database) async throws {
        let sql = database.sql
        for (name, table, columns) in Self.indexes {
            var index = sql.create(index: name).on(table)
            for column in columns { index = index.column(column) }
            try await index.run()
        }
        for name in ["households_region", "persons_region_name", "persons_name", "persons_id_last6", "persons_phone"] {
            try await sql.drop(index: name).run()
        }
        try await database.schema("name_gram_positions").field("n", .int32, .required).unique(on: "n").create()
        try await sql.raw(
            """
            INSERT INTO name_gram_positions (n) \(unsafeRaw: (1...Self.longestName).map { "SELECT \($0)" }.joined(separator: " UNION ALL "))
            """
        ).run()
        try await database.schema("person_name_grams")
            .field("gram", .string, .required)
            .field("region", .string, .required)
            .field("name", .string, .required)
            .field("person_id", .uuid, .required)
            .create()
        try await sql.raw(
            """
            INSERT INTO person_name_grams (gram, region, name, person_id)
            SELECT DISTINCT substr(p.name, g.n, 2), p.region, p.name, p.id FROM persons p
            JOIN name_gram_positions g ON g.n < length(p.name)
            """
        ).run()
        try await sql.create(index: "person_name_grams_lookup").on("person_name_grams")
            .column("gram").column("region").column("name").column("person_id").run()
        for statement in sql.dialect.name == "postgresql" ? Self.postgresTriggers : Self.sqliteTriggers {
            try await sql.raw("\(unsafeRaw: statement)").run()
        }
    }

    static let indexes: [(String, String, [String])] = [
        ("households_address_id", "households", ["address", "id", "region"]),
        ("households_updated_id", "households", ["updated_at", "id", "region"]),
        ("persons_region_name_id", "persons", ["region", "name", "id"]),
        ("persons_name_id", "persons", ["name", "id", "region"]),
        ("persons_birth_id", "persons", ["birth_date", "id", "region"]),
        ("persons_updated_id", "persons", ["updated_at", "id", "region"]),
        ("persons_id_last6_region", "persons", ["id_last6_index", "region"]),
        ("persons_phone_region", "persons", ["phone_index", "region"]),
    ]

    /// A person's pairs, as rows of `(gram, region, name, person_id)` of `row` (NEW or OLD).
    static func pairs(_ row: String) -> String {
        """
        SELECT DISTINCT substr(\(row).name, n, 2), \(row).region, \(row).name, \(row).id FROM name_gram_positions
        WHERE n < length(\(row).name)
        """
    }

    static func removal(_ row: String) -> String {
        """
        DELETE FROM person_name_grams WHERE gram IN (SELECT substr(\(row).name, n, 2) FROM name_gram_positions WHERE n < length(\(row).name))
        AND region = \(row).region AND name = \(row).name AND person_id = \(row).id
        """
    }

    static let insertion = "INSERT INTO person_name_grams (gram, region, name, person_id) "

    static let sqliteTriggers = [
        "CREATE TRIGGER persons_name_grams_insert AFTER INSERT ON persons BEGIN \(insertion)\(pairs("NEW")); END",
        """
        CREATE TRIGGER persons_name_grams_update AFTER UPDATE OF name, region ON persons
        WHEN OLD.name IS NOT NEW.name OR OLD.region IS NOT NEW.region
        BEGIN \(removal("OLD")); \(insertion)\(pairs("NEW")); END
        """,
        "CREATE TRIGGER persons_name_grams_delete AFTER DELETE ON persons BEGIN \(removal("OLD")); END",
    ]

    static let postgresTriggers = [
        """
        CREATE FUNCTION persons_name_grams_follow() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'UPDATE' AND OLD.name = NEW.name AND OLD.region = NEW.region THEN RETURN NULL; END IF;
          IF TG_OP IN ('UPDATE', 'DELETE') THEN \(removal("OLD")); END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') THEN \(insertion)\(pairs("NEW")); END IF;
          RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER persons_name_grams AFTER INSERT OR DELETE OR UPDATE OF name, region ON persons
        FOR EACH ROW EXECUTE FUNCTION persons_name_grams_follow()
        """,
    ]

    func revert(on database: Database) async throws {
        let sql = database.sql
        if sql.dialect.name == "postgresql" {
            try await sql.raw("DROP TRIGGER persons_name_grams ON persons").run()
            try await sql.raw("DROP FUNCTION persons_name_grams_follow()").run()
        } else {
            for name in ["insert", "update", "delete"] {
                try await sql.raw("DROP TRIGGER persons_name_grams_\(unsafeRaw: name)").run()
            }
        }
        try await database.schema("person_name_grams").delete()
        try await database.schema("name_gram_positions").delete()
        for (name, _, _) in Self.indexes { try await sql.drop(index: name).run() }
        try await sql.create(index: "households_region").on("households").column("region").run()
        try await sql.create(index: "persons_region_name").on("persons").column("region").column("name").run()
        try await sql.create(index: "persons_name").on("persons").column("name").run()
        try await sql.create(index: "persons_id_last6").on("persons").column("id_last6_index").run()
        try await sql.create(index: "persons_phone").on("persons").column("phone_index").run()
    }
}
