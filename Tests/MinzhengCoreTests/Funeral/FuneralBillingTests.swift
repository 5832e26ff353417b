import MinzhengCore
import Testing

/// The price list with its history, the bill's refusals naming the line, the free basic
/// services and the dibao/tekun extras, and the price-order check (APPOINTMENTS.md).
@Suite("Funeral billing")
struct FuneralBillingTests {
    static func day(_ text: String) -> CivilDate { CivilDate(text)! }

    static let list = FuneralPriceList(rows: [
        FuneralPrice(code: "PICKUP", name: "遗体接运", unit: "次", category: .basic, price: 30000, from: day("2021-01-01")),
        FuneralPrice(
            code: "COLD", name: "遗体冷藏", unit: "天", category: .coldStorage, price: 10000, from: day("2021-01-01")),
        FuneralPrice(code: "CREMATE", name: "火化", unit: "具", category: .basic, price: 40000, from: day("2021-01-01")),
        FuneralPrice(code: "CREMATE", name: "火化", unit: "具", category: .basic, price: 45000, from: day("2025-07-01")),
        FuneralPrice(
            code: "ASH", name: "骨灰寄存", unit: "年", category: .ashStorage, price: 10000, from: day("2021-01-01")),
        FuneralPrice(code: "URN", name: "实木骨灰盒", unit: "个", category: .urn, price: 120000, from: day("2021-01-01")),
        FuneralPrice(
            code: "HALL-S", name: "小型告别厅", unit: "场", category: .smallFarewellHall, price: 30000,
            from: day("2021-01-01")),
        FuneralPrice(code: "ECO", name: "生态安葬", unit: "次", category: .ecoBurial, price: 50000, from: day("2021-01-01")),
        FuneralPrice(code: "WREATH", name: "花圈", unit: "个", category: .other, price: 10000, from: day("2021-01-01")),
        FuneralPrice(code: "NEW", name: "新项目", unit: "次", category: .other, price: 5000, from: day("2026-12-10")),
    ])

    static let parameters = FuneralParameters(
        coldStorageFreeDays: 3, ashStorageFreeYears: 3, urnAllowance: Fen(yuan: 200), extraAllowance: Fen(yuan: 400),
        cemeteryTermYears: 20)

    static let changzhou = FuneralEligibility(basicFree: true, extras: false)
    static let dibao = FuneralEligibility(basicFree: true, extras: true)
    static let outsider = FuneralEligibility(basicFree: false, extras: false)

    static func bill(
        _ items: [(String, Int)], _ eligibility: FuneralEligibility, on day: String = "2026-12-05"
    )
        throws -> [FuneralBillLine]
    {
        try FuneralBilling.price(
            items.map { FuneralBillLineInput(code: $0.0, day: Self.day(day), quantity: $0.1) }, list: list,
            eligibility: eligibility, parameters: parameters)
    }

    @Test func thePriceInForceIsTheLatestRowFromBeforeTheDay() {
        #expect(Self.list.inForce("CREMATE", on: Self.day("2025-06-30"))?.price == Fen(40000))
        #expect(Self.list.inForce("CREMATE", on: Self.day("2025-07-01"))?.price == Fen(45000))
        #expect(Self.list.inForce("NEW", on: Self.day("2026-12-09")) == nil)
        #expect(Self.list.current(on: Self.day("2026-12-05")).map(\.code).contains("NEW") == false)
        #expect(Self.list.current(on: Self.day("2026-12-05")).count == 8)
    }

    @Test func aNewPriceIsDatedTodayOrLaterAndAfterTheServicesLastRow() {
        let today = Self.day("2026-12-07")
        func row(_ code: String, _ from: String, price: Fen = 1000) -> FuneralPrice {
            FuneralPrice(code: code, name: "项目", unit: "次", category: .other, price: price, from: Self.day(from))
        }
        #expect(Self.list.refusalToAdd(row("WREATH", "2026-12-07"), today: today) == nil)
        #expect(Self.list.refusalToAdd(row("WREATH", "2026-12-06"), today: today)?.field == "from")
        #expect(Self.list.refusalToAdd(row("NEW", "2026-12-08"), today: today)?.field == "from")
        #expect(Self.list.refusalToAdd(row("NEW", "2026-12-11"), today: today) == nil)
        #expect(Self.list.refusalToAdd(row("坏 编码", "2026-12-08"), today: today)?.field == "code")
        #expect(Self.list.refusalToAdd(row("X", "2026-12-08", price: -1), today: today)?.field == "priceFen")
    }

    @Test func aBillRefusesAnUnlistedServiceOrAnotherPriceNamingTheLine() throws {
        #expect(throws: Refusal.invalid("lines[1]", "第 2 行：服务 NEW 在 2026-12-05 不在本馆价目表内，不能收费")) {
            try Self.bill([("PICKUP", 1), ("NEW", 1)], Self.changzhou)
        }
        do {
            _ = try FuneralBilling.price(
                [
                    FuneralBillLineInput(code: "WREATH", day: Self.day("2026-12-05"), quantity: 1),
                    FuneralBillLineInput(
                        code: "CREMATE", day: Self.day("2026-12-05"), quantity: 1, unitPrice: Fen(yuan: 400)),
                ], list: Self.list, eligibility: Self.outsider, parameters: Self.parameters)
            Issue.record("an old price was accepted")
        } catch {
            #expect(error.field == "lines[1]")
            #expect(error.message.contains("450.00"))
        }
        #expect(throws: Refusal.self) { try Self.bill([("WREATH", 0)], Self.outsider) }
        #expect(throws: Refusal.self) { try Self.bill([], Self.outsider) }
    }

    @Test func theBasicServicesAreFreeForAChangzhouDeceasedWithinTheirLimits() throws {
        let lines = try Self.bill(
            [("PICKUP", 1), ("COLD", 4), ("CREMATE", 1), ("ASH", 5), ("URN", 1), ("HALL-S", 1), ("WREATH", 2)],
            Self.changzhou)
        #expect(lines.map(\.payable) == [0, 10000, 0, 20000, 100_000, 30000, 20000].map { Fen($0) })
        #expect(lines.map(\.gross) == [30000, 40000, 45000, 50000, 120_000, 30000, 20000].map { Fen($0) })
        let outsider = try Self.bill([("PICKUP", 1), ("CREMATE", 1)], Self.outsider)
        #expect(outsider.map(\.payable) == [Fen(30000), Fen(45000)])
    }

    @Test func dibaoAndTekunFamiliesHaveTheHallAndEcoBurialFreeAnd400YuanMore() throws {
        let lines = try Self.bill(
            [("PICKUP", 1), ("COLD", 4), ("CREMATE", 1), ("HALL-S", 1), ("ECO", 1), ("URN", 1), ("WREATH", 2)],
            Self.dibao)
        // Cold storage's 4th day (100) and the urn above 200 yuan (1 000) are left: 400 yuan of
        // them free in line order — the day, then 300 of the urn.
        #expect(lines.map(\.payable) == [0, 0, 0, 0, 0, 70000, 20000].map { Fen($0) })
        #expect(lines.reduce(Fen.zero) { $0 + $1.exempt } == Fen(30000 + 40000 + 45000 + 30000 + 50000 + 50000))
        // Outside Changzhou's basic services, the extras still apply.
        let extrasOnly = try Self.bill(
            [("CREMATE", 1), ("HALL-S", 1)], FuneralEligibility(basicFree: false, extras: true))
        #expect(extrasOnly.map(\.payable) == [Fen(5000), Fen(0)])
    }

    @Test func thePriceOrderCheckFindsChargesAboveTheListAndChargedFreeServices() throws {
        var lines = try Self.bill([("PICKUP", 1), ("CREMATE", 1), ("WREATH", 2), ("COLD", 4)], Self.changzhou)
        #expect(
            FuneralBilling.check(lines, list: Self.list, eligibility: Self.changzhou, parameters: Self.parameters)
                .isEmpty)
        lines[1].payable = lines[1].gross
        lines[2].unitPrice = Fen(15000)
        lines[2].gross = Fen(30000)
        lines[2].payable = Fen(30000)
        lines[3].payable = lines[3].gross
        let findings = FuneralBilling.check(
            lines, list: Self.list, eligibility: Self.changzhou, parameters: Self.parameters)
        #expect(
            findings == [
                .chargedFree(position: 2, charged: Fen(45000), due: .zero),
                .aboveList(position: 3, charged: Fen(15000), listed: Fen(10000)),
                .chargedFree(position: 4, charged: Fen(40000), due: Fen(10000)),
            ])
        #expect(findings[1].explanation == "第 3 行：单价 150.00 元，高于价目表 100.00 元")
        lines[0].code = "GONE"
        #expect(
            FuneralBilling.check(lines, list: Self.list, eligibility: Self.changzhou, parameters: Self.parameters)
                .first == .unlisted(position: 1, code: "GONE"))
    }

    @Test(arguments: [
        ("320411202612050001", true), ("A12345678", true), ("a 1234 5678", true), ("1234567", false),
        ("ABCDEFGH12", false), ("12345-67890", false), ("123456789012345678901", false),
    ])
    func aDeathCertificateNumberIsCheckedForForm(text: String, valid: Bool) {
        #expect((DeathCertificateNumber(text) != nil) == valid)
    }
}
