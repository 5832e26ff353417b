import Fluent
import SQLKit

/// `persons.household_id`: the person's current household, kept beside the membership
/// history. Department feeds look a person up by blind index for every row and need the
/// household; joining the current membership for it took more time than the lookup itself
/// (5.3 s of 8.8 s for a million rows in sqlite3). Every write that starts or ends a
/// membership sets it (`RegistryStore.join`, the import, the seed); tests check the two
/// agree after each of them.
struct TrackCurrentHouseholdOnPersons: AsyncMigration {
    func prepare(on database: Database) async throws {
        let sql = database.sql
        try await sql.raw("ALTER TABLE persons ADD COLUMN household_id UUID").run()
        try await sql.raw(
            """
            UPDATE persons SET household_id = (SELECT m.household_id FROM memberships m WHERE m.person_id = persons.id AND m.left_at IS NULL)
            """
        ).run()
    }

    func revert(on database: Database) async throws {
        try await database.sql.raw("ALTER TABLE persons DROP COLUMN household_id").run()
    }
}
