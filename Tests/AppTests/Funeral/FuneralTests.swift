@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// Funeral services through the API and the pages: the public price list and its history,
/// the death a cremation needs, bills of listed services at listed prices with the free basic
/// services and the dibao extras, the price-order check, and the family's page after a death.
@Suite("Funeral services")
struct FuneralTests {
    /// Monday 2026-12-07 10:00 Beijing.
    static let now = BeijingTime.instant("2026-12-07T10:00")!

    struct Row: Decodable {
        let code: String
        let priceFen: Int64
        let from: String
    }

    struct PriceList: Decodable {
        let current: [Row]
        let history: [Row]
    }

    struct Bill: Decodable {
        struct Line: Decodable {
            let code: String
            let unitFen: Int64
            let payableFen: Int64
        }
        let id: UUID
        let basicFree: Bool
        let extras: Bool
        let eligibility: String
        let grossFen: Int64
        let exemptFen: Int64
        let payableFen: Int64
        let lines: [Line]
    }

    struct Finding: Decodable {
        let billId: UUID
        let problems: [String]
    }

    /// The city funeral home in 新北 (320411) with the demo's list from 2021 (cremation 450 yuan from 2025-07).
    static func home(_ app: Application) async throws -> UUID {
        app.platform.clock = .fixed(now)
        let home = FuneralHome(id: UUID(), name: "常州市殡仪馆", region: "320411", address: "新北区", phone: "0519-85100000")
        let store = FuneralStore(db: app.sql)
        try await store.insertHome(home, at: now)
        for s in DemoFuneral.services {
            try await store.insertPrice(
                FuneralPrice(
                    code: s.0, name: s.1, unit: s.2, category: s.3, price: Fen(yuan: s.4),
                    from: CivilDate("2021-01-01")!),
                home: home.id, by: "test", at: now)
        }
        try await store.insertPrice(
            FuneralPrice(
                code: "CREMATE", name: "遗体火化（平板炉）", unit: "具", category: .basic, price: Fen(yuan: 450),
                from: CivilDate("2025-07-01")!), home: home.id, by: "test", at: now)
        return home.id
    }

    /// A household in 天宁 whose head `head` died on 2026-12-05; dibao paid to the household when `dibao`.
    static func death(_ app: Application, head: String, dibao: Bool) async throws -> UUID {
        let (household, person) = try await PayrollTests.household(
            app, region: "320402001", head: String(head.prefix(17)))
        if dibao {
            _ = try await PayrollTests.enroll(
                app, household: household, person: nil, item: "dibao", region: "320402001", fen: 100_000,
                start: YearMonth("2025-01")!)
        }
        try await RegistryStore.recordDeaths([(person, CivilDate("2026-12-05")!)], on: app.sql)
        return person
    }

    static func bill(
        _ app: Application, _ token: String, home: UUID, deceased: String, lines: [(String, Int)],
        unitFen: Int64? = nil
    ) async throws -> TestingHTTPResponse {
        var items: [[String: Any]] = lines.map { ["code": $0.0, "day": "2026-12-06", "quantity": $0.1] }
        if let unitFen { items[items.count - 1]["unitFen"] = unitFen }
        return try await send(
            app, .POST, "/api/v1/funeral-bills", token: token,
            json: ["homeId": home.uuidString, "deceasedIdNumber": deceased, "lines": items])
    }

    @Test(
        "the price list is public with its history; the city administrator adds a dated row, never backdated",
        arguments: TestDatabase.available)
    func priceList(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let home = try await Self.home(app)
            let list = try await send(app, .GET, "/api/v1/funeral-homes/\(home)/prices")
            #expect(list.status == .ok)
            let before = try list.json(PriceList.self)
            #expect(before.current.first { $0.code == "CREMATE" }?.priceFen == 45000)
            #expect(before.history.filter { $0.code == "CREMATE" }.map(\.from) == ["2025-07-01", "2021-01-01"])
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            let change: [String: Any] = [
                "code": "WREATH", "name": "花圈", "unit": "个", "category": "other", "priceFen": 12000,
                "from": "2026-12-08",
            ]
            #expect(
                try await send(app, .POST, "/api/v1/funeral-homes/\(home)/prices", token: admin, json: change).status
                    == .created)
            var backdated = change
            backdated["from"] = "2026-12-01"
            let refused = try await send(
                app, .POST, "/api/v1/funeral-homes/\(home)/prices", token: admin, json: backdated)
            #expect(refused.status == .badRequest)
            #expect(try refused.json(ErrorAnswer.self).field == "from")
            let district = try await app.token(role: .districtOfficer, region: "320411")
            #expect(
                try await send(app, .POST, "/api/v1/funeral-homes/\(home)/prices", token: district, json: change).status
                    == .forbidden)
            let after = try await send(app, .GET, "/api/v1/funeral-homes/\(home)/prices").json(PriceList.self)
            #expect(after.current.first { $0.code == "WREATH" }?.priceFen == 10000)
            #expect(after.history.filter { $0.code == "WREATH" }.map(\.priceFen) == [12000, 10000])
            let audit = try await app.sql.raw(
                "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'funeral.price.add'"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(audit == 1)
            let page = try await send(app, .GET, "/funeral-prices")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("常州市殡仪馆") && page.body.string.contains("450.00"))
            #expect(try await send(app, .GET, "/funeral-prices/\(home)").body.string.contains("120.00"))
        }
    }

    @Test(
        "a cremation needs the death: refused naming idNumbers[0], booked once a certificate is recorded",
        arguments: TestDatabase.available)
    func cremationNeedsTheDeath(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.now)
            try await BookingStore(db: app.sql).insertResource(
                id: UUID(), kind: .cremation, name: "1号火化炉", region: "320411", address: "新北区", capacity: 1, at: Self.now
            )
            _ = try await app.bookingService(actor: .system("test")).openSlots()
            let slots = try await send(app, .GET, "/api/v1/slots?service=cremation&date=2026-12-08")
                .json([BookingAPITests.Slot].self)
            let family = try await app.token(role: .resident, region: "320402001")
            let deceased = residentID("32040219400101201")
            let refused = try await BookingAPITests.book(app, family, slots[0].id, [deceased])
            #expect(refused.status == .badRequest)
            #expect(try refused.json(ErrorAnswer.self).field == "idNumbers[0]")
            let bad = try await send(
                app, .POST, "/api/v1/death-certificates", token: family,
                json: ["idNumber": deceased, "certificateNumber": "12-34"])
            #expect(try bad.json(ErrorAnswer.self).field == "certificateNumber")
            let recorded = try await send(
                app, .POST, "/api/v1/death-certificates", token: family,
                json: ["idNumber": deceased, "certificateNumber": "3204112026120500012"])
            #expect(recorded.status == .created)
            #expect(try await BookingAPITests.book(app, family, slots[0].id, [deceased]).status == .created)
            // A death in the registry needs no certificate.
            let registered = residentID("32040219380202301")
            _ = try await Self.death(app, head: registered, dibao: false)
            #expect(try await BookingAPITests.book(app, family, slots[1].id, [registered]).status == .created)
        }
    }

    @Test(
        "a bill: listed services at listed prices, the basic services free, a dibao family's extras; the check flags an imported bill",
        arguments: TestDatabase.available)
    func bills(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let home = try await Self.home(app)
            let cashier = try await app.token(role: .districtOfficer, region: "320411")
            let ordinary = residentID("32040219400101201")
            let poor = residentID("32040219420303302")
            _ = try await Self.death(app, head: ordinary, dibao: false)
            _ = try await Self.death(app, head: poor, dibao: true)
            let items = [("PICKUP", 1), ("COLD", 4), ("CREMATE", 1), ("HALL-S", 1), ("URN-WOOD", 1), ("WREATH", 2)]

            let first = try await Self.bill(app, cashier, home: home, deceased: ordinary, lines: items)
            #expect(first.status == .created, "\(first.body.string)")
            let bill = try first.json(Bill.self)
            #expect(bill.basicFree && !bill.extras)
            #expect(bill.lines.map(\.payableFen) == [0, 10000, 0, 30000, 100_000, 20000])
            #expect(bill.payableFen == 160_000 && bill.grossFen == 285_000)

            let second = try await Self.bill(app, cashier, home: home, deceased: poor, lines: items).json(Bill.self)
            #expect(second.extras && second.eligibility.contains("低保"))
            #expect(second.lines.map(\.payableFen) == [0, 0, 0, 0, 70000, 20000])

            let unlisted = try await Self.bill(
                app, cashier, home: home, deceased: ordinary, lines: [("PICKUP", 1), ("MASSAGE", 1)])
            #expect(unlisted.status == .badRequest)
            #expect(try unlisted.json(ErrorAnswer.self).field == "lines[1]")
            let dearer = try await Self.bill(
                app, cashier, home: home, deceased: ordinary, lines: [("WREATH", 1)], unitFen: 15000)
            #expect(try dearer.json(ErrorAnswer.self).field == "lines[0]")
            let unknown = try await Self.bill(
                app, cashier, home: home, deceased: residentID("32040219500505501"), lines: [("WREATH", 1)])
            #expect(try unknown.json(ErrorAnswer.self).field == "deceasedIdNumber")
            let elsewhere = try await app.token(role: .districtOfficer, region: "320402")
            #expect(
                try await Self.bill(app, elsewhere, home: home, deceased: ordinary, lines: [("WREATH", 1)]).status
                    == .notFound)

            // A bill from the home's old cashier system: the cremation charged and a wreath at 150.
            let cipher = app.platform.cipher
            let id = try ResidentID(ordinary, today: CivilDate("2026-12-07")!)
            let list = try await FuneralStore(db: app.sql).prices(home: home)
            var lines = try FuneralBilling.price(
                [
                    FuneralBillLineInput(code: "CREMATE", day: CivilDate("2026-12-06")!, quantity: 1),
                    FuneralBillLineInput(code: "WREATH", day: CivilDate("2026-12-06")!, quantity: 1),
                ], list: list, eligibility: FuneralEligibility(basicFree: true, extras: false),
                parameters: FuneralParameters(
                    coldStorageFreeDays: 3, ashStorageFreeYears: 3, urnAllowance: 20000, extraAllowance: 40000,
                    cemeteryTermYears: 20))
            lines[0].payable = lines[0].gross
            lines[1].unitPrice = 15000
            lines[1].gross = 15000
            lines[1].payable = 15000
            let imported = UUID()
            try await FuneralStore(db: app.sql).insertBill(
                id: imported, home: try #require(try await FuneralStore(db: app.sql).home(home)),
                deceased: (cipher.blindIndex(id.value), cipher.encrypt(id.value), id.masked), person: nil,
                eligibility: FuneralEligibility(basicFree: true, extras: false), reason: "本市户籍", source: "import",
                lines: lines, by: "import", at: Self.now)
            let findings = try await send(app, .GET, "/api/v1/funeral-price-check", token: cashier).json([Finding].self)
            #expect(findings.map(\.billId) == [imported])
            #expect(
                findings.first?.problems == [
                    "第 1 行：收取 450.00 元，按免费政策应收 0.00 元", "第 2 行：单价 150.00 元，高于价目表 100.00 元",
                ])
            let page = try await FormVisit.open(
                app, "/funeral-bills",
                cookie: try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320411"))
            #expect(page.page.status == .ok)
            #expect(page.page.body.string.contains("高于价目表"))
        }
    }

    @Test(
        "after a death the family sees the certificate, the cremation booked and what is left; a new bill from the page",
        arguments: TestDatabase.available)
    func afterDeath(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let home = try await Self.home(app)
            let family = try await PolicyPageTests.signedIn(app, role: .resident, region: "320402001")
            let visit = try await FormVisit.open(app, "/after-death", cookie: family)
            #expect(visit.page.status == .ok)
            let deceased = residentID("32040219400101201")
            let wrong = try await visit.post(
                app, "/after-death/certificate", [("idNumber", deceased), ("certificateNumber", "x")])
            #expect(wrong.status == .badRequest)
            let saved = try await visit.post(
                app, "/after-death/certificate", [("idNumber", deceased), ("certificateNumber", "A20261205001")])
            #expect(saved.status == .seeOther)
            let page = try await FormVisit.open(app, "/after-death", cookie: family).page.body.string
            #expect(page.contains("A20261205001"))
            #expect(page.contains("/bookings?service=cremation"))

            let cashier = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320411")
            let form = try await FormVisit.open(app, "/funeral-bills/new?home=\(home)", cookie: cashier)
            #expect(form.page.status == .ok)
            var fields = [("homeId", home.uuidString), ("deceasedIdNumber", deceased)]
            for i in 0..<8 {
                fields += [
                    ("code[]", i == 0 ? "CREMATE" : (i == 1 ? "NOPE" : "")), ("day[]", "2026-12-06"),
                    ("quantity[]", "1"),
                ]
            }
            let refused = try await form.post(app, "/funeral-bills/new", fields)
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("第 2 行"))
            fields[2] = ("code[]", "CREMATE")
            fields[5] = ("code[]", "")
            let created = try await form.post(app, "/funeral-bills/new", fields)
            #expect(created.status == .seeOther)
            let location = try #require(created.headers.first(name: .location))
            let bill = try await FormVisit.open(app, location, cookie: cashier).page.body.string
            // Not in the registry: no Changzhou exemption, the cremation charged at the list price.
            #expect(bill.contains("应付 450.00 元"))
        }
    }

    struct Gate: Decodable {
        let verdict: String
        let message: String
    }

    @Test(
        "a Qingming visit's gate code: another day, valid (the arrival marked), used, cancelled, forged",
        arguments: TestDatabase.available)
    func gateCode(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.now)
            try await BookingStore(db: app.sql).insertResource(
                id: UUID(), kind: .qingmingVisit, name: "武进公墓 东门", region: "320412", address: "武进区", capacity: 500,
                at: Self.now)
            _ = try await app.bookingService(actor: .system("test")).openSlots()
            let slots = try await send(app, .GET, "/api/v1/slots?service=qingmingVisit&date=2026-12-08")
                .json([BookingAPITests.Slot].self)
            let family = try await app.token(role: .resident, region: "320402001")
            let booked = try await BookingAPITests.book(
                app, family, slots[0].id, [residentID("32040219700101201"), residentID("32040219720202302")])
            #expect(booked.status == .created, "\(booked.body.string)")
            let booking = try booked.json(BookingAPITests.Booking.self)
            let code =
                try await send(app, .GET, "/api/v1/bookings/\(booking.id)/gate-code", token: family)
                .json([String: String].self)["gateCode"] ?? ""
            #expect(code.hasPrefix("MZQM.\(booking.id.uuidString.lowercased()).20261208."))
            let gate = try await app.token(role: .districtOfficer, region: "320412")
            func check(_ text: String, _ token: String) async throws -> TestingHTTPResponse {
                try await send(app, .POST, "/api/v1/gate-checks", token: token, json: ["code": text])
            }
            #expect(try await check(code, gate).json(Gate.self).verdict == "wrongDay")
            app.platform.clock = .fixed(BeijingTime.instant("2026-12-08T06:30")!)
            #expect(try await check(code, gate).json(Gate.self).verdict == "valid")
            #expect(try await check(code, gate).json(Gate.self).verdict == "used")
            let forged = try await check(String(code.dropLast()) + (code.hasSuffix("0") ? "1" : "0"), gate)
            #expect(forged.status == .badRequest)
            let elsewhere = try await app.token(role: .districtOfficer, region: "320402")
            #expect(try await check(code, elsewhere).status == .notFound)
            let street = try await app.token(role: .streetOfficer, region: "320412001")
            #expect(try await check(code, street).status == .forbidden)

            app.platform.clock = .fixed(Self.now)
            let other = try await app.token(role: .resident, region: "320402001")
            let second = try await BookingAPITests.book(app, other, slots[1].id, [residentID("32040219800101401")])
                .json(BookingAPITests.Booking.self)
            #expect(try await send(app, .DELETE, "/api/v1/bookings/\(second.id)", token: other).status == .ok)
            let cancelled =
                try await send(app, .GET, "/api/v1/bookings/\(second.id)/gate-code", token: other)
                .json([String: String].self)["gateCode"] ?? ""
            #expect(try await check(cancelled, gate).json(Gate.self).verdict == "cancelled")
            #expect(
                try await send(app, .GET, "/api/v1/bookings/\(second.id)/gate-code", token: family).status == .notFound)
        }
    }

    struct Cemetery: Decodable {
        struct Section: Decodable {
            let kind: String
            let units: Int
            let vacant: Int
        }
        let sections: [Section]
    }

    struct Allocation: Decodable {
        let id: UUID
        let place: Int
        let state: String
        let until: String
        let feeFen: Int64
        let renewals: Int
    }

    @Test(
        "a public cemetery: a deceased's plot, the spouse's place reserved beside and taken later, vacancy, term and renewal",
        arguments: TestDatabase.available)
    func cemetery(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.now)
            let store = CemeteryStore(db: app.sql)
            let cemetery = UUID()
            try await store.insertCemetery(id: cemetery, name: "武进公墓", region: "320412", address: "武进区", at: Self.now)
            try await store.insertSection(
                id: UUID(), cemetery: cemetery, name: "B区", kind: .double, fee: Fen(yuan: 8000), units: 2, prefix: "B",
                at: Self.now)
            try await store.insertSection(
                id: UUID(), cemetery: cemetery, name: "骨灰堂", kind: .niche, fee: Fen(yuan: 1500), units: 1, prefix: "N",
                at: Self.now)
            let units = try await app.sql.raw("SELECT id, label FROM cemetery_units ORDER BY label").all().map {
                (try $0.decode(column: "label", as: String.self), try $0.decode(column: "id", as: UUID.self))
            }
            let unit = Dictionary(uniqueKeysWithValues: units)
            let husband = residentID("32040219400101201")
            let wife = residentID("32040219420303302")
            _ = try await Self.death(app, head: husband, dibao: false)
            let staff = try await app.token(role: .districtOfficer, region: "320412")
            func allocate(
                _ label: String, _ id: String, reserve: Bool = false, token: String? = nil
            ) async throws
                -> TestingHTTPResponse
            {
                try await send(
                    app, .POST, "/api/v1/cemetery-allocations", token: token ?? staff,
                    json: ["unitId": unit[label]!.uuidString, "idNumber": id, "reserve": reserve])
            }
            let first = try await allocate("B-1", husband)
            #expect(first.status == .created, "\(first.body.string)")
            let buried = try first.json(Allocation.self)
            #expect(buried.place == 1 && buried.state == "buried" && buried.until == "2046-12-06")
            #expect(buried.feeFen == 800_000)
            #expect(try await allocate("B-2", husband).status == .conflict)
            #expect(try await allocate("B-2", wife, reserve: true).json(ErrorAnswer.self).field == "reserve")
            let reserved = try await allocate("B-1", wife, reserve: true).json(Allocation.self)
            #expect(reserved.place == 2 && reserved.state == "reserved")
            var vacancy = try await send(app, .GET, "/api/v1/cemeteries").json([Cemetery].self)[0].sections
            #expect(vacancy.map(\.vacant) == [1, 1] && vacancy.map(\.units) == [2, 1])
            let notDead = try await allocate("N-1", residentID("32040219800101401"))
            #expect(try notDead.json(ErrorAnswer.self).field == "idNumber")

            // The wife dies later: her reserved place becomes her grave.
            let family = try await app.token(role: .resident, region: "320402001")
            _ = try await send(
                app, .POST, "/api/v1/death-certificates", token: family,
                json: ["idNumber": wife, "certificateNumber": "A20301205001"])
            let later = try await allocate("B-1", wife).json(Allocation.self)
            #expect(later.id == reserved.id && later.state == "buried")
            vacancy = try await send(app, .GET, "/api/v1/cemeteries").json([Cemetery].self)[0].sections
            #expect(vacancy.map(\.vacant) == [1, 1])

            let renewed = try await send(
                app, .POST, "/api/v1/cemetery-allocations/\(buried.id)/renewal", token: staff
            ).json(Allocation.self)
            #expect(renewed.until == "2066-12-06" && renewed.renewals == 1)
            let elsewhere = try await app.token(role: .districtOfficer, region: "320402")
            #expect(try await allocate("N-1", husband, token: elsewhere).status == .notFound)
            let street = try await app.token(role: .streetOfficer, region: "320412001")
            #expect(try await allocate("N-1", husband, token: street).status == .forbidden)
            let page = try await send(app, .GET, "/cemeteries")
            #expect(page.status == .ok && page.body.string.contains("武进公墓"))
        }
    }
}
