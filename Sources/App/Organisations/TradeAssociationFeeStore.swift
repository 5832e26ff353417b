import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// A fee item of a trade association with its finding and what was refunded on it.
struct FeeItemRecord: Content, Sendable {
    let id: UUID
    let version: Int
    let organisationId: UUID
    let organisationName: String
    let creditCode: String
    let region: String
    let year: Int
    let name: String
    let basis: String
    let amountFen: Int64
    let amount: String
    let payers: Int
    let finding: String?
    let findingName: String?
    let rule: String?
    let foundOn: String?
    let improperFen: Int64
    let refundedFen: Int64
    let refunded: String
    /// Improper and not refunded yet.
    let outstandingFen: Int64
}

/// One refund on a fee item.
struct FeeRefundRecord: Content, Sendable {
    let refundedOn: String
    let amountFen: Int64
    let amount: String
    let note: String?
    let recordedBy: String
}

/// The SQL of trade associations' fees: `trade_associations`, `trade_association_fees`,
/// `trade_association_refunds`.
struct TradeAssociationFeeStore {
    let db: SQLDatabase

    func isTradeAssociation(_ organisation: UUID) async throws -> Bool {
        try await db.raw("SELECT organisation_id FROM trade_associations WHERE organisation_id = \(bind: organisation)")
            .first() != nil
    }

    func mark(_ organisation: UUID, by name: String, at now: Date) async throws {
        try await db.raw(
            """
            INSERT INTO trade_associations (organisation_id, marked_by, created_at)
            VALUES (\(bind: organisation), \(bind: name), \(bind: now))
            """
        ).run()
    }

    /// The trade associations of the scope, by name.
    func associations(within scope: RegionScope) async throws -> [(UUID, String)] {
        try await db.raw(
            """
            SELECT o.id, o.name FROM trade_associations t JOIN organisations o ON o.id = t.organisation_id
            WHERE \(scope.condition("o.region")) ORDER BY o.name, o.id
            """
        ).all().map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "name", as: String.self)) }
    }

    struct NewFee: Sendable {
        let id: UUID
        let organisation: UUID
        let region: String
        let year: Int
        let name: String
        let basis: String
        let amount: Fen
        let payers: Int
    }

    func insertFee(_ f: NewFee, by name: String, at now: Date) async throws {
        try await db.raw(
            """
            INSERT INTO trade_association_fees (id, organisation_id, region, year, name, basis, amount_fen, payers,
              version, created_by, created_at, updated_at)
            VALUES (\(bind: f.id), \(bind: f.organisation), \(bind: f.region), \(bind: f.year), \(bind: f.name),
              \(bind: f.basis), \(bind: f.amount.value), \(bind: f.payers), 1, \(bind: name), \(bind: now), \(bind: now))
            """
        ).run()
    }

    /// Records the finding when the item's version is still `version` and nothing was refunded on it.
    func find(
        _ id: UUID, version: Int, finding: FeeFinding, rule: String?, on day: CivilDate, by name: String, at now: Date
    ) async throws -> Bool {
        try await db.raw(
            """
            UPDATE trade_association_fees SET finding = \(bind: finding.rawValue), rule = \(bind: rule),
              found_on = \(bind: day.description), found_by = \(bind: name), version = version + 1,
              updated_at = \(bind: now)
            WHERE id = \(bind: id) AND version = \(bind: version)
              AND NOT EXISTS (SELECT 1 FROM trade_association_refunds r WHERE r.fee_id = \(bind: id))
            RETURNING id
            """
        ).first() != nil
    }

    func insertRefund(
        fee: UUID, on day: CivilDate, amount: Fen, note: String?, by name: String, at now: Date
    ) async throws {
        try await db.raw(
            """
            INSERT INTO trade_association_refunds (id, fee_id, refunded_on, amount_fen, note, recorded_by, created_at)
            VALUES (\(bind: UUID()), \(bind: fee), \(bind: day.description), \(bind: amount.value), \(bind: note),
              \(bind: name), \(bind: now))
            """
        ).run()
        try await db.raw(
            "UPDATE trade_association_fees SET version = version + 1, updated_at = \(bind: now) WHERE id = \(bind: fee)"
        ).run()
    }

    func refunds(_ fee: UUID) async throws -> [FeeRefundRecord] {
        try await db.raw(
            """
            SELECT refunded_on, amount_fen, note, recorded_by FROM trade_association_refunds
            WHERE fee_id = \(bind: fee) ORDER BY refunded_on, created_at, id
            """
        ).all().map { r in
            let amount = try r.decode(column: "amount_fen", as: Int64.self)
            return FeeRefundRecord(
                refundedOn: try r.decode(column: "refunded_on", as: String.self), amountFen: amount,
                amount: Fen(amount).formatted, note: try r.decode(column: "note", as: String?.self),
                recordedBy: try r.decode(column: "recorded_by", as: String.self))
        }
    }

    struct ListQuery: Sendable {
        var organisation: UUID?
        var year: Int?
        var finding: FeeFinding?
        /// Items with no finding yet.
        var unfound = false
    }

    private static var select: SQLQueryString {
        """
        SELECT f.*, o.name AS organisation_name, o.credit_code,
          CAST(COALESCE((SELECT SUM(r.amount_fen) FROM trade_association_refunds r WHERE r.fee_id = f.id), 0) AS BIGINT)
          AS refunded_fen
        FROM trade_association_fees f JOIN organisations o ON o.id = f.organisation_id
        """
    }

    private static func filter(_ scope: RegionScope, _ q: ListQuery) -> SQLQueryString {
        var conditions: [SQLQueryString] = [scope.condition("f.region")]
        if let organisation = q.organisation { conditions.append("f.organisation_id = \(bind: organisation)") }
        if let year = q.year { conditions.append("f.year = \(bind: year)") }
        if let finding = q.finding { conditions.append("f.finding = \(bind: finding.rawValue)") }
        if q.unfound { conditions.append("f.finding IS NULL") }
        return conditions.joined(separator: " AND ")
    }

    func list(within scope: RegionScope, _ q: ListQuery, page: PageRequest) async throws -> Page<FeeItemRecord> {
        let filter = Self.filter(scope, q)
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM trade_association_fees f WHERE \(filter)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw(
            """
            \(Self.select) WHERE \(filter) ORDER BY f.year DESC, o.name, f.name, f.id
            LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        return Page(items: try rows.map(Self.record), total: total, page: page.page, perPage: page.perPage)
    }

    /// Every item of the scope (for the totals), with its refunded sum.
    func all(within scope: RegionScope, year: Int?) async throws -> [FeeItemRecord] {
        try await db.raw(
            "\(Self.select) WHERE \(Self.filter(scope, ListQuery(year: year))) ORDER BY f.year DESC, o.name, f.id"
        ).all().map(Self.record)
    }

    func item(_ id: UUID, within scope: RegionScope) async throws -> FeeItemRecord? {
        try await db.raw("\(Self.select) WHERE f.id = \(bind: id) AND \(scope.condition("f.region"))").first()
            .map(Self.record)
    }

    static func record(_ r: SQLRow) throws -> FeeItemRecord {
        let amount = try r.decode(column: "amount_fen", as: Int64.self)
        let finding = try r.decode(column: "finding", as: String?.self).flatMap(FeeFinding.init(rawValue:))
        let refunded = try r.decode(column: "refunded_fen", as: Int64.self)
        let improper = finding == .improper ? amount : 0
        return FeeItemRecord(
            id: try r.decode(column: "id", as: UUID.self), version: try r.decode(column: "version", as: Int.self),
            organisationId: try r.decode(column: "organisation_id", as: UUID.self),
            organisationName: try r.decode(column: "organisation_name", as: String.self),
            creditCode: try r.decode(column: "credit_code", as: String.self),
            region: try r.decode(column: "region", as: String.self), year: try r.decode(column: "year", as: Int.self),
            name: try r.decode(column: "name", as: String.self), basis: try r.decode(column: "basis", as: String.self),
            amountFen: amount, amount: Fen(amount).formatted, payers: try r.decode(column: "payers", as: Int.self),
            finding: finding?.rawValue, findingName: finding?.chinese,
            rule: try r.decode(column: "rule", as: String?.self),
            foundOn: try r.decode(column: "found_on", as: String?.self), improperFen: improper,
            refundedFen: refunded, refunded: Fen(refunded).formatted, outstandingFen: improper - refunded)
    }
}
