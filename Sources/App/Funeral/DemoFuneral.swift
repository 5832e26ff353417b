import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The demo's funeral homes with their public price lists (one price changed in 2025, so the
/// history shows), three deaths in the registry and their bills: a dibao family's (the basic
/// services and the extras free), an ordinary Changzhou family's, and one imported from a
/// home's old cashier system that the price-order check flags (a free cremation charged, a
/// wreath above the list).
enum DemoFuneral {
    static let homes: [(name: String, region: String, address: String, phone: String, factor: Int64)] = [
        ("常州市殡仪馆", "320411", "新北区罗溪镇殡仪馆路 1 号", "0519-85100000", 100),
        ("金坛区殡仪馆", "320413", "金坛区尧塘街道殡仪馆路 8 号", "0519-82300000", 90),
    ]

    /// (code, name, unit, category, yuan) of the list from 2021-01-01.
    static let services: [(String, String, String, FuneralServiceCategory, Int64)] = [
        ("PICKUP", "遗体接运（普通殡仪车，市区）", "次", .basic, 300),
        ("CARRY", "遗体搬运（7 楼及以下）", "次", .basic, 100),
        ("COLD", "遗体冷藏", "天", .coldStorage, 100),
        ("MAKEUP", "遗体普通整容", "次", .basic, 200),
        ("CREMATE", "遗体火化（平板炉）", "具", .basic, 400),
        ("ASH", "骨灰寄存（公益性骨灰堂）", "年", .ashStorage, 100),
        ("URN-BASIC", "普通骨灰盒", "个", .urn, 200),
        ("URN-WOOD", "实木骨灰盒", "个", .urn, 1200),
        ("HALL-S", "小型告别厅（1 小时）", "场", .smallFarewellHall, 300),
        ("HALL-L", "大型告别厅（1 小时）", "场", .other, 1000),
        ("ECO", "生态安葬（树葬、海葬、撒散）", "次", .ecoBurial, 500),
        ("WREATH", "花圈", "个", .other, 100),
    ]

    static func seedIfEmpty(_ app: Application) async throws {
        guard app.platform.config.demoHouseholds > 0 else { return }
        guard try await FuneralStore(db: app.sql).homes().isEmpty else { return }
        let bills = try await seed(app)
        app.logger.info("Demo funeral: \(homes.count) funeral homes, \(bills) deaths recorded and billed")
    }

    /// The homes and their lists; then, when the registry has them, three deaths and their
    /// bills (answers how many bills).
    @discardableResult
    static func seed(_ app: Application) async throws -> Int {
        let (now, today, cipher) = (app.platform.clock.now, app.platform.clock.today, app.platform.cipher)
        let started = CivilDate(year: 2021, month: 1, day: 1)!
        let changed = CivilDate(year: 2025, month: 7, day: 1)!
        let records = homes.map {
            FuneralHome(id: UUID(), name: $0.name, region: $0.region, address: $0.address, phone: $0.phone)
        }
        try await app.writer(actor: .system("demo")).transaction { tx, audit in
            let store = FuneralStore(db: tx)
            for (h, home) in zip(homes, records) {
                try await store.insertHome(home, at: now)
                for s in services {
                    try await store.insertPrice(
                        FuneralPrice(
                            code: s.0, name: s.1, unit: s.2, category: s.3, price: Fen(yuan: s.4 * h.factor / 100),
                            from: started), home: home.id, by: "demo", at: now)
                }
                try await store.insertPrice(
                    FuneralPrice(
                        code: "CREMATE", name: "遗体火化（平板炉）", unit: "具", category: .basic,
                        price: Fen(yuan: 450 * h.factor / 100), from: changed), home: home.id, by: "demo", at: now)
            }
            try await audit.record(
                "demo.funeral", entity: "funeral_home", id: nil, region: RegionTable.changzhou.value,
                after: ["homes": "\(homes.count)", "services": "\(services.count)"])
        }
        let units = try await seedCemeteries(app, at: now)
        let deaths = try await deceased(app.sql, cipher: cipher)
        guard deaths.count == 3, units.count == 3, let home = records.first
        else { return 0 }
        let died = today.adding(days: -2)
        try await RegistryStore.recordDeaths(deaths.map { ($0.person, died) }, on: app.sql)
        // The dibao member's funeral subsidy goes to the street, as after a department's death notice.
        try await app.writer(actor: .system("demo")).transaction { tx, audit in
            try await FuneralSubsidyProposer(db: tx, clock: app.platform.clock, audit: audit).afterDeaths(
                deaths.map { ($0.person, died) })
        }
        let yesterday = today.adding(days: -1)
        let bills: [(Int, String, [(String, Int)])] = [
            (
                0, "cashier",
                [
                    ("PICKUP", 1), ("COLD", 4), ("MAKEUP", 1), ("CREMATE", 1), ("HALL-S", 1), ("URN-WOOD", 1),
                    ("WREATH", 2),
                ]
            ),
            (1, "cashier", [("PICKUP", 1), ("COLD", 2), ("CREMATE", 1), ("URN-BASIC", 1), ("ECO", 1)]),
            (2, "import", [("PICKUP", 1), ("CREMATE", 1), ("WREATH", 2)]),
        ]
        let service = app.funeralService(actor: .system("demo"))
        let list = try await FuneralStore(db: app.sql).prices(home: home.id)
        let parameters = try await FuneralService.parameters(db: app.sql, region: home.region, on: yesterday)
        // Read before the transaction: on SQLite it holds the one connection.
        var facts: [(ResidentID, FuneralEligibility, String, DeceasedFacts?)] = []
        for death in deaths {
            let id = try ResidentID(death.idNumber, today: today)
            let (eligibility, reason, found) = try await service.eligibility(id, pensionGrant: false, on: yesterday)
            facts.append((id, eligibility, reason, found))
        }
        let known = facts
        try await app.writer(actor: .system("demo")).transaction { tx, audit in
            for (who, source, items) in bills {
                let (id, eligibility, reason, person) = known[who]
                var lines = try FuneralBilling.price(
                    items.map { FuneralBillLineInput(code: $0.0, day: yesterday, quantity: $0.1) }, list: list,
                    eligibility: eligibility, parameters: parameters)
                if source == "import" {
                    // The old cashier system charged the free cremation and 150 yuan a wreath.
                    for i in lines.indices {
                        if lines[i].code == "CREMATE" { (lines[i].exempt, lines[i].payable) = (.zero, lines[i].gross) }
                        if lines[i].code == "WREATH" {
                            lines[i].unitPrice = Fen(yuan: 150)
                            lines[i].gross = lines[i].unitPrice * lines[i].quantity
                            lines[i].payable = lines[i].gross
                        }
                    }
                }
                let billID = UUID()
                try await FuneralStore(db: tx).insertBill(
                    id: billID, home: home,
                    deceased: (cipher.blindIndex(id.value), cipher.encrypt(id.value), id.masked),
                    person: person?.person, eligibility: eligibility, reason: reason, source: source, lines: lines,
                    by: "demo", at: now)
                // The second family chose a tree burial: the eco-burial subsidy goes to the street.
                if let person, let eco = lines.first(where: { $0.category == .ecoBurial }) {
                    try await FuneralSubsidyProposer(db: tx, clock: app.platform.clock, audit: audit).afterEcoBurial(
                        person, how: "\(home.name) \(eco.name)", on: eco.day, source: "bill")
                }
                try await audit.record(
                    "demo.funeral", entity: "funeral_bill", id: billID.uuidString, region: home.region,
                    after: ["deceased": id.masked, "source": source])
            }
        }
        // The three are buried: a double plot (its other place free), a niche, a single plot.
        let term = try await FuneralService.parameters(db: app.sql, region: "320412", on: today).cemeteryTermYears
        try await app.writer(actor: .system("demo")).transaction { tx, audit in
            for (i, death) in deaths.enumerated() {
                let (id, _, _, _) = known[i]
                try await CemeteryStore(db: tx).insertAllocation(
                    id: UUID(), unit: units[i].id, place: 1,
                    person: (cipher.blindIndex(id.value), cipher.encrypt(id.value), id.masked), state: .buried,
                    from: today, until: CemeteryRules.until(from: today, years: term), fee: units[i].fee, by: "demo",
                    at: now)
                try await audit.record(
                    "demo.funeral", entity: "cemetery_allocation", id: death.person.uuidString, region: "320412",
                    after: ["person": id.masked])
            }
        }
        return bills.count
    }

    /// Two public cemeteries with single and double plots and niches; the first unit of
    /// 武进's double, niche and single sections, for the demo's burials.
    private static func seedCemeteries(_ app: Application, at now: Date) async throws -> [(id: UUID, fee: Int64)] {
        let sections: [(String, String, String, [(String, CemeteryUnitKind, Int64, Int, String)])] = [
            (
                "常州市公益性公墓", "320412", "武进区雪堰镇",
                [
                    ("B区 双穴", .double, 8000, 40, "B"), ("骨灰堂 一楼", .niche, 1500, 200, "N"),
                    ("A区 单穴", .single, 5000, 60, "A"), ("C区 树葬", .eco, 800, 50, "T"),
                ]
            ),
            ("金坛区公益性公墓", "320413", "金坛区薛埠镇", [("A区 单穴", .single, 4500, 30, "A"), ("骨灰堂", .niche, 1200, 100, "N")]),
        ]
        try await app.writer(actor: .system("demo")).transaction { tx, audit in
            let store = CemeteryStore(db: tx)
            for (name, region, address, parts) in sections {
                let cemetery = UUID()
                try await store.insertCemetery(id: cemetery, name: name, region: region, address: address, at: now)
                for (section, kind, yuan, count, prefix) in parts {
                    try await store.insertSection(
                        id: UUID(), cemetery: cemetery, name: section, kind: kind, fee: Fen(yuan: yuan), units: count,
                        prefix: prefix, at: now)
                }
            }
            try await audit.record(
                "demo.funeral", entity: "cemetery", id: nil, region: RegionTable.changzhou.value,
                after: ["cemeteries": "\(sections.count)"])
        }
        return try await app.sql.raw(
            """
            SELECT u.id, s.fee_fen FROM cemetery_units u JOIN cemetery_sections s ON s.id = u.section_id
            JOIN cemeteries c ON c.id = s.cemetery_id
            WHERE c.region = '320412' AND u.label IN ('B-1', 'N-1', 'A-1') ORDER BY s.name DESC
            """
        ).all().map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "fee_fen", as: Int64.self)) }
    }

    /// A non-head member of a dibao household, and two of households without benefits.
    private static func deceased(
        _ db: SQLDatabase, cipher: FieldCipher
    ) async throws -> [(person: UUID, idNumber: String)] {
        let dibao = try await db.raw(
            """
            SELECT p.id, p.id_cipher FROM persons p JOIN memberships m ON m.person_id = p.id AND m.left_at IS NULL
            WHERE m.relation <> 'head' AND p.deceased_on IS NULL AND EXISTS (SELECT 1 FROM enrollments e
              WHERE e.household_id = m.household_id AND e.person_id IS NULL AND e.item_code = 'dibao' AND e.status = 'active')
            ORDER BY p.id LIMIT 1
            """
        ).all()
        let ordinary = try await db.raw(
            """
            SELECT p.id, p.id_cipher FROM persons p JOIN memberships m ON m.person_id = p.id AND m.left_at IS NULL
            WHERE m.relation <> 'head' AND p.deceased_on IS NULL
              AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.household_id = m.household_id)
            ORDER BY p.id LIMIT 2
            """
        ).all()
        return try (dibao + ordinary).map {
            (
                try $0.decode(column: "id", as: UUID.self),
                try cipher.decrypt(try $0.decode(column: "id_cipher", as: String.self))
            )
        }
    }
}
