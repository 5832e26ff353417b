@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// The subsidies proposed to the street after a death (the funeral subsidy of a deceased
/// dibao beneficiary, the eco-burial subsidy of a bill's line or a cemetery's eco-burial
/// place), the street's decisions, the family's page; and the cemetery's staff desk.
@Suite("Funeral subsidies and the cemetery desk")
struct FuneralSubsidyTests {
    struct Subsidy: Decodable {
        let id: UUID
        let version: Int
        let kind: String
        let personId: UUID
        let amountFen: Int64
        let basis: String
        let source: String
        let status: String
        let decisionNote: String?
    }

    struct Queue: Decodable {
        let items: [Subsidy]
        let total: Int
    }

    static func count(_ app: Application, _ action: String) async throws -> Int {
        try await app.sql.raw("SELECT COUNT(*) AS n FROM audit_events WHERE action = \(bind: action)").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }

    /// 武进公墓 (320412) with one section of two units: (cemetery, section).
    static func cemetery(
        _ app: Application, _ name: String, _ kind: CemeteryUnitKind, yuan: Int64, prefix: String
    ) async throws -> (UUID, UUID) {
        let store = CemeteryStore(db: app.sql)
        let (cemetery, section) = (UUID(), UUID())
        try await store.insertCemetery(
            id: cemetery, name: "武进公墓", region: "320412", address: "武进区", at: FuneralTests.now)
        try await store.insertSection(
            id: section, cemetery: cemetery, name: name, kind: kind, fee: Fen(yuan: yuan), units: 2, prefix: prefix,
            at: FuneralTests.now)
        return (cemetery, section)
    }

    @Test(
        "a dibao head's death proposes the funeral subsidy to the street once; approved, audited, seen by the family",
        arguments: TestDatabase.available)
    func funeralSubsidy(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await HouseholdChangeTests.family(app)
            // A household without benefits: its death proposes nothing.
            _ = try await PayrollTests.household(app, region: "320402001", head: "32040219350601501")
            let police = try await MonitoringTests.departmentToken(app, "publicSecurity")
            let death = try await send(
                app, .POST, "/api/v1/feeds/death", token: police,
                json: [
                    [
                        "sourceRecordId": "D-1", "idNumber": residentID(HouseholdChangeTests.headID),
                        "deathDate": "2026-01-05",
                    ],
                    ["sourceRecordId": "D-2", "idNumber": residentID("32040219350601501"), "deathDate": "2026-01-06"],
                ])
            #expect(death.status == .ok)

            let street = try await app.token(role: .streetOfficer, region: "320402001")
            let queue = try await send(app, .GET, "/api/v1/funeral-subsidies", token: street).json(Queue.self)
            #expect(queue.total == 1)
            let proposal = try #require(queue.items.first)
            #expect(proposal.kind == "funeral" && proposal.personId == f.head && proposal.amountFen == 100_000)
            #expect(proposal.basis == "去世当月为低保对象" && proposal.source == "death" && proposal.status == "open")
            // Never twice for one deceased: the proposer again, then the unique index under it.
            let again = try await app.writer(actor: .system("test")).transaction { tx, audit in
                try await FuneralSubsidyProposer(db: tx, clock: app.platform.clock, audit: audit).afterDeaths([
                    (f.head, CivilDate("2026-01-05")!)
                ])
            }
            #expect(again == 0)
            await #expect(throws: (any Error).self) {
                try await app.sql.raw(
                    """
                    INSERT INTO funeral_subsidies (id, kind, person_id, region, amount_fen, basis, source, status, version, created_at)
                    VALUES (\(bind: UUID()), 'funeral', \(bind: f.head), '320402001', 1, 'x', 'test', 'open', 1, \(bind: Date()))
                    """
                ).run()
            }
            #expect(try await Self.count(app, "funeral.subsidy.propose") == 1)

            let elsewhere = try await app.token(role: .streetOfficer, region: "320402002")
            #expect(
                try await send(app, .GET, "/api/v1/funeral-subsidies", token: elsewhere).json(Queue.self).total == 0)
            #expect(
                try await send(app, .GET, "/api/v1/funeral-subsidies/\(proposal.id)", token: elsewhere).status
                    == .notFound)
            let worker = try await app.token(role: .communityWorker, region: "320402001")
            #expect(try await send(app, .GET, "/api/v1/funeral-subsidies", token: worker).status == .forbidden)

            let noReason = try await send(
                app, .POST, "/api/v1/funeral-subsidies/\(proposal.id)", token: street,
                json: ["action": "refuse", "version": proposal.version])
            #expect(noReason.status == .badRequest)
            #expect(try noReason.json(ErrorAnswer.self).field == "note")
            let approved = try await send(
                app, .POST, "/api/v1/funeral-subsidies/\(proposal.id)", token: street,
                json: ["action": "approve", "version": proposal.version])
            #expect(approved.status == .ok)
            #expect(try approved.json(Subsidy.self).status == "approved")
            let twice = try await send(
                app, .POST, "/api/v1/funeral-subsidies/\(proposal.id)", token: street,
                json: ["action": "approve", "version": proposal.version + 1])
            #expect(twice.status == .conflict)
            #expect(try await Self.count(app, "funeral.subsidy.approve") == 1)
            let decided = try await send(app, .GET, "/api/v1/funeral-subsidies?status=approved", token: street)
                .json(Queue.self)
            #expect(decided.items.map(\.id) == [proposal.id])

            // The widow's 身后一件事 shows it.
            let widow = try await PolicyPageTests.signedIn(app, role: .resident, region: "320402001")
            try await app.sql.raw("UPDATE users SET person_id = \(bind: f.wife) WHERE role = 'resident'").run()
            let page = try await FormVisit.open(app, "/after-death", cookie: widow).page.body.string
            #expect(page.contains("丧葬补贴 1000.00 元（去世当月为低保对象）：街道已批准"))
        }
    }

    @Test(
        "an eco-burial line of a bill or an eco-burial place proposes 1 500 yuan once per deceased; the street refuses on its page with a reason",
        arguments: TestDatabase.available)
    func ecoBurial(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let home = try await FuneralTests.home(app)
            let cashier = try await app.token(role: .districtOfficer, region: "320411")
            let first = residentID("32040219400101201")
            let second = residentID("32040219420303302")
            let firstPerson = try await FuneralTests.death(app, head: first, dibao: false)
            let secondPerson = try await FuneralTests.death(app, head: second, dibao: false)
            let bill = try await FuneralTests.bill(app, cashier, home: home, deceased: first, lines: [("ECO", 1)])
            #expect(bill.status == .created, "\(bill.body.string)")
            _ = try await FuneralTests.bill(app, cashier, home: home, deceased: first, lines: [("ECO", 1)])
            // A bill without an eco-burial line proposes nothing.
            _ = try await FuneralTests.bill(app, cashier, home: home, deceased: second, lines: [("CREMATE", 1)])

            let (cemetery, section) = try await Self.cemetery(app, "C区 树葬", .eco, yuan: 800, prefix: "T")
            let staff = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320412")
            let desk = try await FormVisit.open(app, "/cemetery-desk", cookie: staff)
            #expect(desk.page.status == .ok)
            let buried = try await desk.post(
                app, "/cemetery-desk/allocations",
                [
                    ("cemeteryId", cemetery.uuidString), ("sectionId", section.uuidString), ("unit", "T-1"),
                    ("idNumber", second),
                ])
            #expect(buried.status == .seeOther)

            let street = try await app.token(role: .streetOfficer, region: "320402001")
            // (One clock instant for both: in the order they were made.)
            let items = try await send(app, .GET, "/api/v1/funeral-subsidies", token: street).json(Queue.self).items
                .sorted { $0.source < $1.source }
            let queue = Queue(items: items, total: items.count)
            #expect(queue.items.map(\.kind) == ["ecoBurial", "ecoBurial"])
            #expect(queue.items.map(\.personId) == [firstPerson, secondPerson])
            #expect(queue.items.map(\.amountFen) == [150_000, 150_000])
            #expect(queue.items.map(\.source) == ["bill", "cemetery"])
            #expect(queue.items[0].basis == "生态安葬：常州市殡仪馆 生态安葬（树葬、海葬、撒散）")
            #expect(queue.items[1].basis.contains("武进公墓 T-1"))

            let officer = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402001")
            let page = try await FormVisit.open(app, "/funeral-subsidies", cookie: officer)
            #expect(page.page.status == .ok)
            #expect(page.page.body.string.contains("生态安葬奖补") && page.page.body.string.contains("1500.00 元"))
            let target = queue.items[1]
            let bare = try await page.post(
                app, "/funeral-subsidies/\(target.id)", [("action", "refuse"), ("version", "\(target.version)")])
            #expect(bare.status == .badRequest)
            #expect(bare.body.string.contains("不予批准须说明理由"))
            let refused = try await page.post(
                app, "/funeral-subsidies/\(target.id)",
                [("action", "refuse"), ("version", "\(target.version)"), ("note", "骨灰已迁回原籍安葬")])
            #expect(refused.status == .seeOther)
            let list = try await FormVisit.open(app, "/funeral-subsidies?status=refused", cookie: officer).page.body
                .string
            #expect(list.contains("骨灰已迁回原籍安葬"))
            #expect(try await Self.count(app, "funeral.subsidy.refuse") == 1)
        }
    }

    @Test(
        "the cemetery desk: a deceased buried by unit label, the son refused as a spouse, the wife's place reserved, a renewal; errors at their field",
        arguments: TestDatabase.available)
    func cemeteryDesk(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(FuneralTests.now)
            let f = try await HouseholdChangeTests.family(app)
            try await RegistryStore.recordDeaths([(f.head, CivilDate("2026-12-05")!)], on: app.sql)
            let (cemetery, section) = try await Self.cemetery(app, "B区 双穴", .double, yuan: 8000, prefix: "B")
            let staff = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320412")
            let desk = try await FormVisit.open(app, "/cemetery-desk", cookie: staff)
            func allocate(_ unit: String, _ id: String, reserve: Bool = false) async throws -> TestingHTTPResponse {
                var fields = [
                    ("cemeteryId", cemetery.uuidString), ("sectionId", section.uuidString), ("unit", unit),
                    ("idNumber", id),
                ]
                if reserve { fields.append(("reserve", "on")) }
                return try await desk.post(app, "/cemetery-desk/allocations", fields)
            }
            let unknown = try await allocate("B-99", residentID(HouseholdChangeTests.headID))
            #expect(unknown.status == .badRequest)
            #expect(unknown.body.string.contains("没有编号为 B-99"))
            #expect(unknown.body.string.contains(#"name="unit" value="B-99" required aria-invalid="true""#))
            let alive = try await allocate("B-1", residentID("32040219720101402"))
            #expect(alive.status == .badRequest)
            #expect(alive.body.string.contains(#"autocomplete="off" aria-invalid="true""#))
            let buried = try await allocate("B-1", residentID(HouseholdChangeTests.headID))
            #expect(buried.status == .seeOther)
            let son = try await allocate("B-1", residentID("32040220120501403"), reserve: true)
            #expect(son.status == .badRequest)
            #expect(son.body.string.contains("“本人”和“子女”，不是配偶"))
            let wife = try await allocate("B-1", residentID("32040219720101402"), reserve: true)
            #expect(wife.status == .seeOther)
            let reserved = try await app.sql.raw(
                "SELECT after_json FROM audit_events WHERE action = 'cemetery.reserve'"
            ).first()?.decode(column: "after_json", as: String.self)
            #expect(reserved?.contains("一人一档：同户户主与配偶") == true)

            let page = try await FormVisit.open(app, "/cemetery-desk?cemetery=\(cemetery)", cookie: staff)
            let body = page.page.body.string
            #expect(body.contains("配偶预留") && body.contains("2026-12-07 至 2046-12-06"))
            let grave = try #require(
                try await app.sql.raw("SELECT id FROM cemetery_allocations WHERE state = 'buried'").first()?
                    .decode(column: "id", as: UUID.self))
            let renewed = try await page.post(
                app, "/cemetery-desk/allocations/\(grave)/renewal", [("cemeteryId", cemetery.uuidString)])
            #expect(renewed.status == .seeOther)
            #expect(renewed.headers.first(name: .location)?.contains("renewed-2066-12-06") == true)

            let elsewhere = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320402")
            #expect(
                try await FormVisit.open(app, "/cemetery-desk", cookie: elsewhere).page.body.string.contains(
                    "本辖区没有公益性公墓"))
            let streetOfficer = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320412001")
            #expect(try await FormVisit.open(app, "/cemetery-desk", cookie: streetOfficer).page.status == .forbidden)
        }
    }
}
