import Foundation
import MinzhengCore
import SQLKit

/// Every place a data key reaches, for a key rotation: the encrypted columns (`…_cipher`),
/// the blind indexes (`…_index`), and the resident accounts' usernames, which are derived
/// from the ID number's blind index (`ResidentAccounts`). A new encrypted column or blind
/// index must be added here, or a rotation would leave it under the retired key.
struct RotatedTable: Sendable {
    let name: String
    /// The table's id column: batches walk it in order.
    let key: String
    /// The batch's rows after `after`: the key as `k`, and what `rewrite` reads. `lock` is
    /// PostgreSQL's row lock (`FOR UPDATE`), empty on SQLite.
    let select: @Sendable (_ after: UUID?, _ limit: Int, _ lock: String) -> SQLQueryString
    /// The columns to set in a row so that it is under the current key only; empty when it is.
    let rewrite: @Sendable (SQLRow, FieldCipher) throws -> [String: String]

    static let all: [RotatedTable] = [
        persons,
        sealed("bank_accounts", key: "person_id", column: "account_cipher"),
        sealed("household_means", key: "household_id", column: "means_cipher"),
        sealed("applications", key: "id", column: "means_cipher"),
        sealed("ability_assessments", key: "id", column: "answers_cipher"),
        sealed("advice_requests", key: "id", column: "phone_cipher"),
        sealed("family_search_reports", key: "id", column: "contact_cipher"),
        sealed("background_jobs", key: "id", column: "outcome_cipher"),
        residentAccounts,
        feedRows,
        bookingPersons,
        indexed("booking_lottery_persons", column: "id_cipher", index: "id_index"),
        indexed("marriage_parties", column: "id_cipher", index: "id_index"),
        indexed("funeral_bills", column: "deceased_cipher", index: "deceased_index"),
        indexed("death_certificates", column: "id_cipher", index: "id_index"),
        indexed("cemetery_allocations", column: "person_cipher", index: "person_index"),
        sealed("child_cases", key: "id", column: "case_cipher"),
        sealed("child_case_entries", key: "id", column: "text_cipher"),
        sealed("child_case_referrals", key: "id", column: "text_cipher"),
        sealed("child_categories", key: "id", column: "guardian_cipher"),
        indexed("organisations", column: "rep_id_cipher", index: "rep_id_index"),
        sealed("organisation_applications", key: "id", column: "rep_id_cipher"),
        sealed("adoption_records", key: "id", column: "details_cipher"),
        sealed("rehab_patients", key: "id", column: "details_cipher"),
        sealed("rehab_services", key: "id", column: "note_cipher"),
        indexed("committee_members", column: "id_cipher", index: "id_index"),
        indexed("community_workers", column: "id_cipher", index: "id_index"),
        sealed("charity_needs", key: "id", column: "donor_cipher"),
        sealed("illegal_org_reports", key: "id", column: "reporter_cipher"),
        sealed("station_cases", key: "id", column: "private_cipher"),
        sealed("station_case_entries", key: "id", column: "text_cipher"),
    ]

    private static func after(_ column: String, _ key: UUID?) -> SQLQueryString {
        key.map { "AND \(unsafeRaw: column) > \(bind: $0)" } ?? ""
    }

    /// The ID and phone numbers, sealed, and their three blind indexes.
    static let persons = RotatedTable(
        name: "persons", key: "id",
        select: { last, limit, lock in
            """
            SELECT id AS k, id_cipher, phone_cipher, id_index, id_last6_index, phone_index FROM persons
            WHERE 1 = 1 \(after("id", last)) ORDER BY id LIMIT \(bind: limit) \(unsafeRaw: lock)
            """
        },
        rewrite: { row, cipher in
            var set: [String: String] = [:]
            let idCipher = try row.decode(column: "id_cipher", as: String.self)
            let number = try cipher.decrypt(idCipher)
            set["id_cipher"] = try cipher.reencrypt(idCipher)
            set["id_index"] = changed(cipher.blindIndex(number), try row.decode(column: "id_index", as: String?.self))
            set["id_last6_index"] = changed(
                PersonSearchIndex.idLast6(String(number.suffix(6)), cipher: cipher),
                try row.decode(column: "id_last6_index", as: String?.self))
            if let phoneCipher = try row.decode(column: "phone_cipher", as: String?.self) {
                set["phone_cipher"] = try cipher.reencrypt(phoneCipher)
                set["phone_index"] = changed(
                    PersonSearchIndex.phone(try cipher.decrypt(phoneCipher), cipher: cipher),
                    try row.decode(column: "phone_index", as: String?.self))
            }
            return set
        })

    /// A table with one encrypted column (possibly null) and nothing else under the key.
    static func sealed(_ table: String, key: String, column: String) -> RotatedTable {
        RotatedTable(
            name: table, key: key,
            select: { last, limit, lock in
                """
                SELECT \(ident: key) AS k, \(ident: column) AS sealed FROM \(ident: table)
                WHERE 1 = 1 \(after(key, last)) ORDER BY \(ident: key) LIMIT \(bind: limit) \(unsafeRaw: lock)
                """
            },
            rewrite: { row, cipher in
                guard let stored = try row.decode(column: "sealed", as: String?.self),
                    let sealed = try cipher.reencrypt(stored)
                else { return [:] }
                return [column: sealed]
            })
    }

    /// Residents' usernames: `r-` and the blind index of the ID number of the linked person.
    static let residentAccounts = RotatedTable(
        name: "users", key: "id",
        select: { last, limit, lock in
            """
            SELECT u.id AS k, u.username, p.id_cipher FROM users u JOIN persons p ON p.id = u.person_id
            WHERE u.username LIKE 'r-%' \(after("u.id", last)) ORDER BY u.id LIMIT \(bind: limit) \(unsafeRaw: lock.isEmpty ? "" : lock + " OF u")
            """
        },
        rewrite: { row, cipher in
            let id = try cipher.decrypt(try row.decode(column: "id_cipher", as: String.self))
            return [
                "username": changed("r-" + cipher.blindIndex(id), try row.decode(column: "username", as: String.self))
            ]
            .compactMapValues { $0 }
        })

    /// Department feed rows keep the blind index of the ID number they named; a row's person
    /// gives the number back. A row naming nobody registered keeps its index (it is never
    /// looked up again, and its number was never stored).
    static let feedRows = RotatedTable(
        name: "feed_rows", key: "id",
        select: { last, limit, lock in
            """
            SELECT f.id AS k, f.id_index, p.id_cipher FROM feed_rows f JOIN persons p ON p.id = f.person_id
            WHERE 1 = 1 \(after("f.id", last)) ORDER BY f.id LIMIT \(bind: limit) \(unsafeRaw: lock.isEmpty ? "" : lock + " OF f")
            """
        },
        rewrite: { row, cipher in
            let id = try cipher.decrypt(try row.decode(column: "id_cipher", as: String.self))
            return ["id_index": changed(cipher.blindIndex(id), try row.decode(column: "id_index", as: String.self))]
                .compactMapValues { $0 }
        })

    /// The people of a booking: the ID number sealed, and its blind index that keeps one
    /// active booking per person.
    static let bookingPersons = indexed("booking_persons", column: "id_cipher", index: "id_index")

    /// A table keyed by `id` with one sealed ID number and its blind index (both required).
    static func indexed(_ table: String, column: String, index: String) -> RotatedTable {
        RotatedTable(
            name: table, key: "id",
            select: { last, limit, lock in
                """
                SELECT id AS k, \(ident: column) AS sealed, \(ident: index) AS blind FROM \(ident: table)
                WHERE 1 = 1 \(after("id", last)) ORDER BY id LIMIT \(bind: limit) \(unsafeRaw: lock)
                """
            },
            rewrite: { row, cipher in
                let stored = try row.decode(column: "sealed", as: String.self)
                let number = try cipher.decrypt(stored)
                var set: [String: String] = [:]
                set[column] = try cipher.reencrypt(stored)
                set[index] = changed(cipher.blindIndex(number), try row.decode(column: "blind", as: String.self))
                return set
            })
    }

    private static func changed(_ value: String, _ stored: String?) -> String? {
        value == stored ? nil : value
    }
}
