import Foundation
import MinzhengCore
import SQLKit

/// The only code that names `receipts` and `receipt_days`: issuing a filing's number in the
/// filing's own transaction, and finding receipts by number, by record and by owner.
struct ReceiptStore {
    let db: SQLDatabase

    struct Receipt: Sendable {
        let number: ReceiptNumber
        let kind: FilingKind
        let record: UUID
        let owner: UUID?
        /// The person whose phone on file receives the one-time code (nil: the owner's account's).
        let person: UUID?
        let region: String
        let issuedAt: Date

        init(row: SQLRow) throws {
            number = try ReceiptNumber(parsing: try row.decode(column: "number", as: String.self))
            kind = FilingKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .application
            record = try row.decode(column: "record_id", as: UUID.self)
            owner = try row.decode(column: "owner_user_id", as: UUID?.self)
            person = try row.decode(column: "person_id", as: UUID?.self)
            region = try row.decode(column: "region", as: String.self)
            issuedAt = try row.decode(column: "issued_at", as: Date.self)
        }
    }

    static let columns = "number, kind, record_id, owner_user_id, person_id, region, issued_at"

    /// The next number of the filing day (Beijing) of `now`, stored for the record. Called by
    /// the store that writes the filing, in the same transaction: a filing never lacks its
    /// number, and a number is never given twice (the day's serial is one row, counted up).
    /// An application of a household filed without a person is answered on the head's phone.
    @discardableResult
    func issue(
        _ kind: FilingKind, record: UUID, owner: UUID?, person: UUID?, household: UUID? = nil, region: String,
        on filed: CivilDate? = nil, at now: Date
    ) async throws -> ReceiptNumber {
        let day = filed ?? BeijingTime.day(of: now)
        let key = ReceiptNumber.dayDigits(day)
        guard
            let serial = try await db.raw(
                """
                INSERT INTO receipt_days (day, last_serial) VALUES (\(bind: key), 1)
                ON CONFLICT (day) DO UPDATE SET last_serial = receipt_days.last_serial + 1 RETURNING last_serial
                """
            ).first()?.decode(column: "last_serial", as: Int.self)
        else { throw Refusal(.failed, "受理编号生成失败") }
        let number = ReceiptNumber(day: day, serial: serial)
        var person = person
        if person == nil, let household {
            person = try await db.raw(
                """
                SELECT person_id FROM memberships WHERE household_id = \(bind: household) AND relation = 'head'
                AND left_at IS NULL
                """
            ).first()?.decode(column: "person_id", as: UUID.self)
        }
        try await db.insert(into: "receipts")
            .columns("number", "kind", "record_id", "owner_user_id", "person_id", "region", "issued_at")
            .values(
                SQLBind(number.value), SQLBind(kind.rawValue), SQLBind(record), SQLBind(owner), SQLBind(person),
                SQLBind(region), SQLBind(now)
            ).run()
        return number
    }

    /// A filing handed to another account (the demo's family taking over a generated report).
    func setOwner(_ kind: FilingKind, record: UUID, owner: UUID) async throws {
        try await db.raw(
            """
            UPDATE receipts SET owner_user_id = \(bind: owner) WHERE kind = \(bind: kind.rawValue)
            AND record_id = \(bind: record)
            """
        ).run()
    }

    func receipt(_ number: ReceiptNumber) async throws -> Receipt? {
        try await db.raw(
            "SELECT \(unsafeRaw: Self.columns) FROM receipts WHERE number = \(bind: number.value)"
        ).first().map(Receipt.init(row:))
    }

    /// The number of a filing, for its own page.
    func number(_ kind: FilingKind, record: UUID) async throws -> String? {
        try await db.raw(
            "SELECT number FROM receipts WHERE kind = \(bind: kind.rawValue) AND record_id = \(bind: record)"
        ).first()?.decode(column: "number", as: String.self)
    }

    /// Everything filed by the account or about its person, newest first.
    func receipts(owner: UUID, person: UUID?, limit: Int = 200) async throws -> [Receipt] {
        var about: SQLQueryString = ""
        if let person { about = "OR person_id = \(bind: person)" }
        return try await db.raw(
            """
            SELECT \(unsafeRaw: Self.columns) FROM receipts WHERE owner_user_id = \(bind: owner) \(about)
            ORDER BY issued_at DESC, number DESC LIMIT \(bind: limit)
            """
        ).all().map(Receipt.init(row:))
    }
}
