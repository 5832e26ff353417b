import Foundation
import Fluent
import MinzhengCore
import SQLKit

/// `persons.id_last6_index` and `persons.phone_index` (`PersonSearchIndex`), so that staff
/// find a person by the last six characters of the ID number or by phone. Existing rows
/// are filled from their encrypted numbers, a thousand at a time in id order, so memory
/// stays bounded however large the registry. Every write of a person sets both from then
/// on (`PersonColumns`, `RegistryStore.updatePerson`, the import's update).
struct IndexPersonsByIDEndingAndPhone: AsyncMigration {
    let cipher: FieldCipher

    func prepare(on database: Database) async throws {
        let sql = database.sql
        try await sql.raw("ALTER TABLE persons ADD COLUMN id_last6_index TEXT").run()
        try await sql.raw("ALTER TABLE persons ADD COLUMN phone_index TEXT").run()
        try await Self.backfill(sql, cipher: cipher)
        try await sql.create(index: "persons_id_last6").on("persons").column("id_last6_index").run()
        try await sql.create(index: "persons_phone").on("persons").column("phone_index").run()
    }

    /// Sets both indexes of every person from the encrypted numbers.
    static func backfill(_ sql: SQLDatabase, cipher: FieldCipher) async throws {
        var last: UUID?
        while true {
            var after: SQLQueryString = ""
            if let last { after = "WHERE id > \(bind: last)" }
            let rows = try await sql.raw(
                "SELECT id, id_cipher, phone_cipher FROM persons \(after) ORDER BY id LIMIT 1000"
            ).all()
            guard !rows.isEmpty else { break }
            for row in rows {
                let id = try row.decode(column: "id", as: UUID.self)
                let number = try cipher.decrypt(try row.decode(column: "id_cipher", as: String.self))
                let phone = try row.decode(column: "phone_cipher", as: String?.self).map(cipher.decrypt)
                try await sql.raw(
                    """
                    UPDATE persons SET id_last6_index = \(bind: PersonSearchIndex.idLast6(String(number.suffix(6)), cipher: cipher)),
                      phone_index = \(bind: phone.map { PersonSearchIndex.phone($0, cipher: cipher) }) WHERE id = \(bind: id)
                    """
                ).run()
                last = id
            }
        }
    }

    func revert(on database: Database) async throws {
        let sql = database.sql
        try await sql.drop(index: "persons_phone").run()
        try await sql.drop(index: "persons_id_last6").run()
        try await sql.raw("ALTER TABLE persons DROP COLUMN phone_index").run()
        try await sql.raw("ALTER TABLE persons DROP COLUMN id_last6_index").run()
    }
}
