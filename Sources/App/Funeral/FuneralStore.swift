import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// A funeral home (殡仪馆) of the public price lists and the bills.
struct FuneralHome: Content, Sendable {
    let id: UUID
    let name: String
    let region: String
    let address: String
    let phone: String

    init(id: UUID, name: String, region: String, address: String, phone: String) {
        (self.id, self.name, self.region, self.address, self.phone) = (id, name, region, address, phone)
    }

    init(row: SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        name = try row.decode(column: "name", as: String.self)
        region = try row.decode(column: "region", as: String.self)
        address = try row.decode(column: "address", as: String.self)
        phone = try row.decode(column: "phone", as: String.self)
    }
}

/// A stored bill with its lines, as the check and the pages read it.
struct FuneralBillRecord: Sendable {
    let id: UUID
    let home: UUID
    let region: String
    let deceasedIndex: String
    let deceasedMasked: String
    let person: UUID?
    let eligibility: FuneralEligibility
    let reason: String
    let source: String
    let gross: Fen
    let exempt: Fen
    let payable: Fen
    let createdBy: String
    let createdAt: Date
    var lines: [FuneralBillLine]
}

/// What the registry holds about a deceased person, for the exemptions and the death check.
struct DeceasedFacts: Sendable {
    let person: UUID
    let name: String
    let idMasked: String
    let region: String
    let household: UUID?
    let deceasedOn: CivilDate?
}

/// The SQL of `funeral_homes`, `funeral_prices`, `funeral_bills`, `funeral_bill_lines` and
/// `death_certificates`. Prices and bills are only ever inserted.
struct FuneralStore {
    let db: SQLDatabase

    func insertHome(_ home: FuneralHome, at now: Date) async throws {
        try await db.insert(into: "funeral_homes")
            .columns("id", "name", "region", "address", "phone", "created_at")
            .values(
                SQLBind(home.id), SQLBind(home.name), SQLBind(home.region), SQLBind(home.address), SQLBind(home.phone),
                SQLBind(now)
            ).run()
    }

    func homes() async throws -> [FuneralHome] {
        try await db.raw("SELECT id, name, region, address, phone FROM funeral_homes ORDER BY region, name").all()
            .map(FuneralHome.init)
    }

    func home(_ id: UUID) async throws -> FuneralHome? {
        try await db.raw("SELECT id, name, region, address, phone FROM funeral_homes WHERE id = \(bind: id)").first()
            .map(FuneralHome.init)
    }

    /// Every row of the home's list, old and new.
    func prices(home: UUID) async throws -> FuneralPriceList {
        let rows = try await db.raw(
            """
            SELECT code, name, unit, category, price_fen, from_day FROM funeral_prices
            WHERE home_id = \(bind: home) ORDER BY code, from_day
            """
        ).all()
        return FuneralPriceList(
            rows: try rows.map { r in
                FuneralPrice(
                    code: try r.decode(column: "code", as: String.self),
                    name: try r.decode(column: "name", as: String.self),
                    unit: try r.decode(column: "unit", as: String.self),
                    category: FuneralServiceCategory(rawValue: try r.decode(column: "category", as: String.self))
                        ?? .other,
                    price: Fen(try r.decode(column: "price_fen", as: Int64.self)),
                    from: CivilDate(try r.decode(column: "from_day", as: String.self)) ?? CivilDate(daysSinceEpoch: 0))
            })
    }

    func insertPrice(_ row: FuneralPrice, home: UUID, by name: String, at now: Date) async throws {
        try await db.insert(into: "funeral_prices")
            .columns(
                "id", "home_id", "code", "name", "unit", "category", "price_fen", "from_day", "created_by", "created_at"
            )
            .values(
                SQLBind(UUID()), SQLBind(home), SQLBind(row.code), SQLBind(row.name), SQLBind(row.unit),
                SQLBind(row.category.rawValue), SQLBind(row.price.value), SQLBind(row.from.description), SQLBind(name),
                SQLBind(now)
            ).run()
    }

    func insertBill(
        id: UUID, home: FuneralHome, deceased: (index: String, cipher: String, masked: String), person: UUID?,
        eligibility: FuneralEligibility, reason: String, source: String, lines: [FuneralBillLine], by name: String,
        at now: Date
    ) async throws {
        let total = lines.reduce((Fen.zero, Fen.zero, Fen.zero)) {
            ($0.0 + $1.gross, $0.1 + $1.exempt, $0.2 + $1.payable)
        }
        try await db.insert(into: "funeral_bills")
            .columns(
                "id", "home_id", "region", "deceased_index", "deceased_cipher", "deceased_masked", "person_id",
                "basic_free", "extras", "eligibility", "source", "gross_fen", "exempt_fen", "payable_fen", "created_by",
                "created_at"
            )
            .values(
                SQLBind(id), SQLBind(home.id), SQLBind(home.region), SQLBind(deceased.index), SQLBind(deceased.cipher),
                SQLBind(deceased.masked), SQLBind(person), SQLBind(eligibility.basicFree), SQLBind(eligibility.extras),
                SQLBind(reason), SQLBind(source), SQLBind(total.0.value), SQLBind(total.1.value),
                SQLBind(total.2.value), SQLBind(name), SQLBind(now)
            ).run()
        for line in lines {
            try await db.insert(into: "funeral_bill_lines")
                .columns(
                    "id", "bill_id", "position", "code", "name", "unit", "category", "service_day", "quantity",
                    "unit_fen", "gross_fen", "exempt_fen", "payable_fen"
                )
                .values(
                    SQLBind(UUID()), SQLBind(id), SQLBind(line.position), SQLBind(line.code), SQLBind(line.name),
                    SQLBind(line.unit), SQLBind(line.category.rawValue), SQLBind(line.day.description),
                    SQLBind(line.quantity), SQLBind(line.unitPrice.value), SQLBind(line.gross.value),
                    SQLBind(line.exempt.value), SQLBind(line.payable.value)
                ).run()
        }
    }

    private static var billColumns: SQLQueryString {
        """
        SELECT id, home_id, region, deceased_index, deceased_masked, person_id, basic_free, extras, eligibility, source,
          gross_fen, exempt_fen, payable_fen, created_by, created_at FROM funeral_bills
        """
    }

    func bill(_ id: UUID) async throws -> FuneralBillRecord? {
        guard let row = try await db.raw("\(Self.billColumns) WHERE id = \(bind: id)").first() else { return nil }
        return try await withLines([try Self.bill(row)]).first
    }

    /// The bills of the scope's funeral homes, newest first (at most `limit`).
    func bills(within scope: RegionScope, limit: Int = 500) async throws -> [FuneralBillRecord] {
        let rows = try await db.raw(
            "\(Self.billColumns) WHERE \(scope.condition("region")) ORDER BY created_at DESC, id LIMIT \(bind: limit)"
        ).all()
        return try await withLines(try rows.map(Self.bill))
    }

    /// The bills of one deceased person (by the ID number's blind indexes).
    func bills(deceased indexes: [String]) async throws -> [FuneralBillRecord] {
        let rows = try await db.raw(
            "\(Self.billColumns) WHERE deceased_index IN \(SQLBind.group(indexes)) ORDER BY created_at"
        ).all()
        return try await withLines(try rows.map(Self.bill))
    }

    private static func bill(_ r: SQLRow) throws -> FuneralBillRecord {
        FuneralBillRecord(
            id: try r.decode(column: "id", as: UUID.self), home: try r.decode(column: "home_id", as: UUID.self),
            region: try r.decode(column: "region", as: String.self),
            deceasedIndex: try r.decode(column: "deceased_index", as: String.self),
            deceasedMasked: try r.decode(column: "deceased_masked", as: String.self),
            person: try r.decode(column: "person_id", as: UUID?.self),
            eligibility: FuneralEligibility(
                basicFree: try r.decode(column: "basic_free", as: Bool.self),
                extras: try r.decode(column: "extras", as: Bool.self)),
            reason: try r.decode(column: "eligibility", as: String.self),
            source: try r.decode(column: "source", as: String.self),
            gross: Fen(try r.decode(column: "gross_fen", as: Int64.self)),
            exempt: Fen(try r.decode(column: "exempt_fen", as: Int64.self)),
            payable: Fen(try r.decode(column: "payable_fen", as: Int64.self)),
            createdBy: try r.decode(column: "created_by", as: String.self),
            createdAt: try r.decode(column: "created_at", as: Date.self), lines: [])
    }

    private func withLines(_ bills: [FuneralBillRecord]) async throws -> [FuneralBillRecord] {
        guard !bills.isEmpty else { return [] }
        var byBill: [UUID: [FuneralBillLine]] = [:]
        for chunk in bills.map(\.id).chunked(500) {
            let rows = try await db.raw(
                """
                SELECT bill_id, position, code, name, unit, category, service_day, quantity, unit_fen, gross_fen,
                  exempt_fen, payable_fen FROM funeral_bill_lines WHERE bill_id IN \(SQLBind.group(chunk)) ORDER BY position
                """
            ).all()
            for r in rows {
                let line = FuneralBillLine(
                    position: try r.decode(column: "position", as: Int.self),
                    code: try r.decode(column: "code", as: String.self),
                    name: try r.decode(column: "name", as: String.self),
                    unit: try r.decode(column: "unit", as: String.self),
                    category: FuneralServiceCategory(rawValue: try r.decode(column: "category", as: String.self))
                        ?? .other,
                    day: CivilDate(try r.decode(column: "service_day", as: String.self))
                        ?? CivilDate(daysSinceEpoch: 0),
                    quantity: try r.decode(column: "quantity", as: Int.self),
                    unitPrice: Fen(try r.decode(column: "unit_fen", as: Int64.self)),
                    gross: Fen(try r.decode(column: "gross_fen", as: Int64.self)),
                    exempt: Fen(try r.decode(column: "exempt_fen", as: Int64.self)),
                    payable: Fen(try r.decode(column: "payable_fen", as: Int64.self)))
                byBill[try r.decode(column: "bill_id", as: UUID.self), default: []].append(line)
            }
        }
        return bills.map { bill in
            var bill = bill
            bill.lines = byBill[bill.id] ?? []
            return bill
        }
    }

    // MARK: The deceased

    /// The registry's person of the ID number (any of its blind indexes), with the death.
    func deceased(indexes: [String]) async throws -> DeceasedFacts? {
        try await deceased(where: "p.id_index IN \(SQLBind.group(indexes))")
    }

    /// The registry's person by id, with the death.
    func deceased(person: UUID) async throws -> DeceasedFacts? {
        try await deceased(where: "p.id = \(bind: person)")
    }

    private func deceased(where condition: SQLQueryString) async throws -> DeceasedFacts? {
        guard
            let r = try await db.raw(
                """
                SELECT p.id, p.name, p.id_masked, p.region, p.deceased_on, m.household_id FROM persons p
                LEFT JOIN memberships m ON m.person_id = p.id AND m.left_at IS NULL
                WHERE \(condition)
                """
            ).first()
        else { return nil }
        return DeceasedFacts(
            person: try r.decode(column: "id", as: UUID.self), name: try r.decode(column: "name", as: String.self),
            idMasked: try r.decode(column: "id_masked", as: String.self),
            region: try r.decode(column: "region", as: String.self),
            household: try r.decode(column: "household_id", as: UUID?.self),
            deceasedOn: try r.decode(column: "deceased_on", as: String?.self).flatMap(CivilDate.init))
    }

    /// The dibao or tekun enrollments of the person (or of their household) in force in `month`.
    func assistance(of facts: DeceasedFacts, in month: YearMonth) async throws -> [String] {
        var owner: SQLQueryString = "e.person_id = \(bind: facts.person)"
        if let household = facts.household {
            owner =
                "(e.person_id = \(bind: facts.person) OR (e.person_id IS NULL AND e.household_id = \(bind: household)))"
        }
        return try await db.raw(
            """
            SELECT DISTINCT e.item_code FROM enrollments e WHERE \(owner)
              AND e.item_code IN \(SQLBind.group([AssistanceItemCode.dibao.rawValue, AssistanceItemCode.tekun.rawValue]))
              AND e.start_month <= \(bind: month.description)
              AND (e.end_month IS NULL OR e.end_month >= \(bind: month.description))
            ORDER BY e.item_code
            """
        ).all().map { try $0.decode(column: "item_code", as: String.self) }
    }

    /// The death certificate number recorded for the ID number, if any.
    func certificate(indexes: [String]) async throws -> String? {
        try await db.raw(
            "SELECT number FROM death_certificates WHERE id_index IN \(SQLBind.group(indexes))"
        ).first()?.decode(column: "number", as: String.self)
    }

    /// Records the certificate; false when one is already on record for the person.
    func insertCertificate(
        index: String, cipher: String, masked: String, number: String, by account: UUID, at now: Date
    ) async throws -> Bool {
        try await db.raw(
            """
            INSERT INTO death_certificates (id, id_index, id_cipher, id_masked, number, recorded_by, created_at)
            VALUES (\(bind: UUID()), \(bind: index), \(bind: cipher), \(bind: masked), \(bind: number), \(bind: account), \(bind: now))
            ON CONFLICT (id_index) DO NOTHING RETURNING id
            """
        ).first() != nil
    }
}
