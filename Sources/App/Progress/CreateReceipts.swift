import Fluent
import Foundation
import MinzhengCore
import SQLKit

/// 受理编号 and 办件查询: `receipts` (every filing's receipt number, unique across all kinds,
/// one per filing), `receipt_days` (each day's last serial) and `progress_codes` (the one-time
/// codes sent to the phone on file, kept as an HMAC only). Numbers are issued to every
/// application, booking, family-search report and correction request already on file, in
/// the order they were filed, on the day each was filed (and to every organisation registration).
struct CreateReceipts: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("receipts")
            .field("number", .string, .identifier(auto: false))
            .field("kind", .string, .required)
            .field("record_id", .uuid, .required)
            .field("owner_user_id", .uuid)
            .field("person_id", .uuid)
            .field("region", .string, .required)
            .field("issued_at", .datetime, .required)
            .unique(on: "kind", "record_id")
            .create()
        try await database.schema("receipt_days")
            .field("day", .string, .identifier(auto: false))
            .field("last_serial", .int, .required)
            .create()
        try await database.schema("progress_codes")
            .id()
            .field("number", .string, .required)
            .field("code_hmac", .string, .required)
            .field("attempts", .int, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("created_at", .datetime, .required)
            .create()
        let sql = database.sql
        try await sql.create(index: "receipts_owner").on("receipts").column("owner_user_id").run()
        try await sql.create(index: "receipts_person").on("receipts").column("person_id").run()
        try await sql.create(index: "progress_codes_number").on("progress_codes").column("number").column("created_at")
            .run()
        try await database.transaction { tx in try await Self.backfill(tx.sql) }
    }

    /// Every filing on file gets its number, oldest first.
    static func backfill(_ db: SQLDatabase) async throws {
        struct Filed {
            let kind: FilingKind
            let id: UUID
            let owner: UUID?
            let person: UUID?
            let household: UUID?
            let region: String
            let at: Date
            var day: CivilDate? = nil
        }
        var filed: [Filed] = []
        for row in try await db.raw(
            "SELECT id, applicant_user_id, person_id, household_id, region, submitted_on, created_at FROM applications"
        ).all() {
            filed.append(
                Filed(
                    kind: .application, id: try row.decode(column: "id", as: UUID.self),
                    owner: try row.decode(column: "applicant_user_id", as: UUID?.self),
                    person: try row.decode(column: "person_id", as: UUID?.self),
                    household: try row.decode(column: "household_id", as: UUID?.self),
                    region: try row.decode(column: "region", as: String.self),
                    at: try row.decode(column: "created_at", as: Date.self),
                    day: CivilDate(try row.decode(column: "submitted_on", as: String.self))))
        }
        for row in try await db.raw("SELECT id, account_id, region, created_at FROM bookings").all() {
            filed.append(
                Filed(
                    kind: .booking, id: try row.decode(column: "id", as: UUID.self),
                    owner: try row.decode(column: "account_id", as: UUID.self), person: nil, household: nil,
                    region: try row.decode(column: "region", as: String.self),
                    at: try row.decode(column: "created_at", as: Date.self)))
        }
        for row in try await db.raw(
            """
            SELECT f.id, f.owner_id, u.region, f.created_at FROM family_search_reports f
            LEFT JOIN users u ON u.id = f.owner_id
            """
        ).all() {
            filed.append(
                Filed(
                    kind: .familySearch, id: try row.decode(column: "id", as: UUID.self),
                    owner: try row.decode(column: "owner_id", as: UUID.self), person: nil, household: nil,
                    region: try row.decode(column: "region", as: String?.self) ?? RegionTable.changzhou.value,
                    at: try row.decode(column: "created_at", as: Date.self)))
        }
        for row in try await db.raw(
            "SELECT id, requested_by, person_id, region, created_at FROM correction_requests"
        ).all() {
            filed.append(
                Filed(
                    kind: .correction, id: try row.decode(column: "id", as: UUID.self),
                    owner: try row.decode(column: "requested_by", as: UUID.self),
                    person: try row.decode(column: "person_id", as: UUID.self), household: nil,
                    region: try row.decode(column: "region", as: String.self),
                    at: try row.decode(column: "created_at", as: Date.self)))
        }
        for row in try await db.raw(
            "SELECT id, applicant_user_id, region, submitted_on, created_at FROM organisation_applications"
        ).all() {
            filed.append(
                Filed(
                    kind: .organisationRegistration, id: try row.decode(column: "id", as: UUID.self),
                    owner: try row.decode(column: "applicant_user_id", as: UUID?.self), person: nil, household: nil,
                    region: try row.decode(column: "region", as: String.self),
                    at: try row.decode(column: "created_at", as: Date.self),
                    day: CivilDate(try row.decode(column: "submitted_on", as: String.self))))
        }
        filed.sort { ($0.at, $0.id.uuidString) < ($1.at, $1.id.uuidString) }
        let store = ReceiptStore(db: db)
        for f in filed {
            _ = try await store.issue(
                f.kind, record: f.id, owner: f.owner, person: f.person, household: f.household, region: f.region,
                on: f.day, at: f.at)
        }
    }

    func revert(on database: Database) async throws {
        for table in ["progress_codes", "receipt_days", "receipts"] { try await database.schema(table).delete() }
    }
}
