@testable import App
import Foundation
import MinzhengCore
import MinzhengExport
import SQLKit
import Testing
import VaporTesting

/// 民政统计 (issue 20 item 3): every figure built from records and checked, region scoping, the
/// frozen month kept through later edits, the page with its links for the roles that may open
/// the records, and the .xlsx read back.
@Suite("Statistics computed from the records, frozen at month end")
struct StatisticsTests {
    struct Report: Decodable {
        struct Figure: Decodable {
            let key: String
            let total: Int64
            let values: [Int64]
            let definition: String
        }
        struct Column: Decodable {
            let region: String
        }
        struct Frozen: Decodable {
            let digest: String
            let auditSequence: Int64
            let payrollRolls: [String]
        }
        let period: String
        let region: String
        let columns: [Column]
        let figures: [Figure]
        let frozen: Frozen?
        let frozenMonths: [String]

        func value(_ key: String) -> Int64? { figures.first { $0.key == key }?.total }
    }

    static let november = YearMonth("2026-11")!

    static func roll(_ app: Application, month: String, region: String) async throws -> UUID {
        let id = UUID()
        try await app.sql.raw(
            """
            INSERT INTO payroll_rolls (id, month, region, state, line_count, total_fen, generated_by, generated_at, version)
            VALUES (\(bind: id), \(bind: month), \(bind: region), 'approved', 0, 0, 'test', \(bind: Date()), 1)
            """
        ).run()
        return id
    }

    static func line(
        _ app: Application, roll: UUID, item: String, household: UUID, enrollment: UUID = UUID(), region: String,
        fen: Int64, status: String = "paid"
    ) async throws {
        try await app.sql.raw(
            """
            INSERT INTO payroll_lines (roll_id, enrollment_id, item_code, household_id, region, amount_fen, status)
            VALUES (\(bind: roll), \(bind: enrollment), \(bind: item), \(bind: household), \(bind: region), \(bind: fen),
              \(bind: status))
            """
        ).run()
    }

    static func household(_ app: Application, region: String, head: String, member: String? = nil) async throws -> UUID
    {
        try await person(app, region: region, head: head, member: member).household
    }

    static func person(
        _ app: Application, region: String, head: String, member: String? = nil
    ) async throws -> (
        household: UUID, person: UUID
    ) {
        let admin = try await app.token(role: .cityAdmin, region: "3204")
        let response = try await send(
            app, .POST, "/api/v1/households", token: admin,
            json: RegistryAPITests.household(
                region: region, headID: residentID(head), memberID: member.map { residentID($0) }))
        #expect(response.status == .created, "\(response.body.string)")
        let detail = try response.json(HouseholdDetail.self)
        return (detail.id, try #require(detail.members.last?.personId))
    }

    /// A child (with the grown-up `guardian`) of `region` in `category` from `starts` (until `ends`).
    static func child(
        _ app: Application, region: String, guardian: String, id: String, category: ChildCategory, starts: String,
        ends: String? = nil
    ) async throws {
        let (household, person) = try await person(app, region: region, head: guardian, member: id)
        let user = try #require(
            try await app.sql.raw("SELECT id FROM users ORDER BY username LIMIT 1").first()?.decode(
                column: "id", as: UUID.self))
        try await app.sql.raw(
            """
            INSERT INTO child_categories (id, person_id, household_id, region, category, guardian_name,
              guardian_relation, starts_on, ends_on, end_reason, director_id, supervisor_id, created_by, created_at,
              version)
            VALUES (\(bind: UUID()), \(bind: person), \(bind: household), \(bind: region), \(bind: category.rawValue),
              '监护人', '祖父母', \(bind: starts), \(bind: ends), \(bind: ends == nil ? nil : "adopted"), \(bind: user),
              \(bind: user), 'test', \(bind: Date()), 1)
            """
        ).run()
    }

    /// 德康驿站, marriage and divorce records at a registry, a funeral home's bills.
    static func registries(_ app: Application) async throws {
        try await app.sql.raw(
            """
            INSERT INTO rehab_stations (id, name, region, address, operator_kind, operator_name, opened_on, equipment,
              version, created_at, updated_at)
            VALUES (\(bind: UUID()), '雕庄德康驿站', '320402001', '路', 'community', '运营', '2025-06-01', '[]', 1,
              \(bind: Date()), \(bind: Date()))
            """
        ).run()
        let office = UUID()
        try await app.sql.raw(
            """
            INSERT INTO booking_resources (id, kind, name, region, address, capacity, created_at)
            VALUES (\(bind: office), 'marriage', '钟楼区婚姻登记处', '320404', '路', 10, \(bind: Date()))
            """
        ).run()
        for (kind, day) in [
            ("marriage", "2026-11-02"), ("marriage", "2026-11-30"), ("divorce", "2026-11-15"),
            ("marriage", "2026-12-01"),
        ] {
            try await app.sql.raw(
                """
                INSERT INTO marriage_records (id, kind, office_id, region, registered_on, state, created_by, created_at)
                VALUES (\(bind: UUID()), \(bind: kind), \(bind: office), '320404', \(bind: day), 'valid', \(bind: UUID()),
                  \(bind: Date()))
                """
            ).run()
        }
        let home = UUID()
        try await app.sql.raw(
            """
            INSERT INTO funeral_homes (id, name, region, address, phone, created_at)
            VALUES (\(bind: home), '常州殡仪馆', '320411', '路', '0519', \(bind: Date()))
            """
        ).run()
        for created in [at("2026-11-01"), at("2026-11-29"), at("2026-12-01")] {
            try await app.sql.raw(
                """
                INSERT INTO funeral_bills (id, home_id, region, deceased_index, deceased_cipher, deceased_masked,
                  basic_free, extras, eligibility, source, gross_fen, exempt_fen, payable_fen, created_by, created_at)
                VALUES (\(bind: UUID()), \(bind: home), '320411', 'x', 'x', 'x', \(bind: true), \(bind: false),
                  'changzhou', 'test', 100, 100, 0, 'test', \(bind: created))
                """
            ).run()
        }
    }

    static func facility(_ app: Application, region: String, filed: String, beds: Int, nursing: Int) async throws {
        try await app.sql.raw(
            """
            INSERT INTO facilities (id, name, kind, operator_name, credit_code, region, address, filed_on, beds_total,
              nursing_beds, residents, fire_acceptance, fire_standard, version, created_at, updated_at)
            VALUES (\(bind: UUID()), '测试养老院', 'careHome', '测试运营', \(bind: String(UUID().uuidString.prefix(18))),
              \(bind: region), '测试路', \(bind: filed), \(bind: beds), \(bind: nursing), 0, \(bind: true), 'gb', 1,
              \(bind: Date()), \(bind: Date()))
            """
        ).run()
    }

    static func organisation(
        _ app: Application, kind: OrganisationKind, region: String, registered: String, status: String = "normal",
        since: String? = nil
    ) async throws {
        try await app.sql.raw(
            """
            INSERT INTO organisations (id, credit_code, name, kind, region, domicile, business_scope,
              registered_capital_fen, registered_on, rep_name, rep_id_cipher, rep_id_index, rep_id_masked, status,
              status_since, listed_for_missed_report, version, created_at, updated_at)
            VALUES (\(bind: UUID()), \(bind: String(UUID().uuidString.prefix(18))), \(bind: "组织\(UUID().uuidString.prefix(4))"),
              \(bind: kind.rawValue), \(bind: region), '住所', '范围', 0, \(bind: registered), '法人', 'x', 'x', 'x',
              \(bind: status), \(bind: since ?? registered), \(bind: false), 1, \(bind: Date()), \(bind: Date()))
            """
        ).run()
    }

    /// A report of `home`, a notice of the station of `station` published at `published`, and a
    /// match reunited on `reunited`.
    static func familySearch(
        _ app: Application, home: String, created: Date, station: String, published: Date, reunited: String?
    ) async throws {
        let (report, notice) = (UUID(), UUID())
        try await app.sql.raw(
            """
            INSERT INTO family_search_reports (id, owner_id, nicknames, home_region, contact_name, contact_cipher,
              contact_masked, status, version, created_at)
            VALUES (\(bind: report), \(bind: UUID()), '[]', \(bind: home), '家属', 'x', 'x', 'open', 1, \(bind: created))
            """
        ).run()
        try await app.sql.raw(
            """
            INSERT INTO family_search_notices (id, station_region, found_on, status, published_at, version)
            VALUES (\(bind: notice), \(bind: station), '2026-10-01', 'published', \(bind: published), 1)
            """
        ).run()
        guard let reunited else { return }
        try await app.sql.raw(
            """
            INSERT INTO family_search_matches (id, notice_id, report_id, score, why, status, reunited_on, version,
              created_at, updated_at)
            VALUES (\(bind: UUID()), \(bind: notice), \(bind: report), 0.9, 'test', 'confirmed', \(bind: reunited), 1,
              \(bind: Date()), \(bind: Date()))
            """
        ).run()
    }

    static func at(_ day: String) -> Date { BeijingTime.startOfDay(CivilDate(day)!).addingTimeInterval(3_600) }

    /// The November world: two districts (天宁 320402, 钟楼 320404), every area with records in
    /// and out of the month.
    static func november(_ app: Application) async throws {
        let h1 = try await household(
            app, region: "320402001001", head: "32040219500101401", member: "32040219520101402")
        let h2 = try await household(app, region: "320402002001", head: "32040219600101403")
        let h3 = try await household(app, region: "320404001001", head: "32040419600101404")
        let tianning = try await roll(app, month: "2026-11", region: "320402")
        let zhonglou = try await roll(app, month: "2026-11", region: "320404")
        let october = try await roll(app, month: "2026-10", region: "320402")
        try await line(app, roll: tianning, item: "dibao", household: h1, region: "320402001001", fen: 119_700)
        try await line(
            app, roll: tianning, item: "dibao", household: h2, region: "320402002001", fen: 80_050, status: "failed")
        try await line(app, roll: tianning, item: "seniorAllowance", household: h1, region: "320402001001", fen: 5_000)
        try await line(app, roll: tianning, item: "nursingSubsidy", household: h2, region: "320402002001", fen: 10_000)
        try await line(app, roll: tianning, item: "orphan", household: h2, region: "320402002001", fen: 200_000)
        try await line(app, roll: zhonglou, item: "dibao", household: h3, region: "320404001001", fen: 70_000)
        try await line(app, roll: zhonglou, item: "tekun", household: h3, region: "320404001001", fen: 150_000)
        try await line(app, roll: october, item: "dibao", household: h1, region: "320402001001", fen: 119_700)
        try await facility(app, region: "320402001", filed: "2025-05-01", beds: 100, nursing: 60)
        try await facility(app, region: "320404001", filed: "2026-11-30", beds: 50, nursing: 20)
        try await facility(app, region: "320404001", filed: "2026-12-01", beds: 999, nursing: 999)
        try await organisation(app, kind: .socialGroup, region: "320402001", registered: "2020-01-01")
        try await organisation(app, kind: .foundation, region: "320402001", registered: "2026-11-15")
        try await organisation(
            app, kind: .socialGroup, region: "320404001", registered: "2020-01-01", status: "deregistered",
            since: "2026-10-01")
        try await organisation(
            app, kind: .socialServiceOrganisation, region: "320404001", registered: "2020-01-01", status: "revoked",
            since: "2026-12-02")
        try await familySearch(
            app, home: "320402001001", created: at("2026-11-03"), station: "320404", published: at("2026-11-05"),
            reunited: "2026-11-20")
        try await familySearch(
            app, home: "320404001001", created: at("2026-10-03"), station: "320404", published: at("2026-10-05"),
            reunited: nil)
        try await child(
            app, region: "320402001001", guardian: "32040219700101409", id: "32040220150101406", category: .inDistress,
            starts: "2026-03-01")
        try await child(
            app, region: "320402001001", guardian: "32040219700101410", id: "32040220150101407",
            category: .scatteredOrphan, starts: "2026-03-01",
            ends: "2026-11-30")
        try await child(
            app, region: "320404001001", guardian: "32040419700101411", id: "32040420150101408", category: .inDistress,
            starts: "2026-12-01")
        try await registries(app)
        // An adaptation completed in November in 天宁, one in October.
        for (household, completed) in [(h1, "2026-11-12"), (h2, "2026-10-12")] {
            try await app.sql.raw(
                """
                INSERT INTO adaptation_cases (id, household_id, region, year, priority, cap_fen, state, completed_on,
                  version, created_at, updated_at)
                VALUES (\(bind: UUID()), \(bind: household), '320402001001', 2026, 1, 300000, 'completed',
                  \(bind: completed), 1, \(bind: Date()), \(bind: Date()))
                """
            ).run()
        }
    }

    /// The statistics as the city administrator sees them.
    static func cityService(_ app: Application) throws -> StatisticsService {
        try StatisticsService(
            db: app.sql, writer: app.writer(actor: .system("test")), clock: app.platform.clock,
            regions: app.platform.regions,
            user: CurrentUser(
                id: UUID(), username: "a", displayName: "a", role: .cityAdmin, region: RegionTable.changzhou,
                department: nil))
    }

    static func report(_ app: Application, _ query: String, token: String) async throws -> Report {
        let response = try await send(app, .GET, "/api/v1/statistics?\(query)", token: token)
        #expect(response.status == .ok, "\(response.body.string)")
        return try response.json(Report.self)
    }

    @Test(
        "every figure from its records: the month's rolls, beds filed by its end, organisations on the register, family search by region",
        arguments: TestDatabase.available)
    func figures(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(CivilDate("2026-12-10")!)
            try await Self.november(app)
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            let city = try await Self.report(app, "month=2026-11", token: admin)
            #expect(city.period == "2026-11" && city.region == "3204" && city.frozen == nil)
            let expected: [String: Int64] = [
                "assistance.dibao.recipients": 3, "assistance.dibao.persons": 4,
                "assistance.dibao.paid": 119_700 + 70_000,
                "assistance.tekun.recipients": 1, "assistance.tekun.paid": 150_000,
                "elderly.seniorAllowance.recipients": 1, "elderly.seniorAllowance.paid": 5_000,
                "children.orphan.recipients": 1, "children.orphan.paid": 200_000,
                "disability.nursingSubsidy.recipients": 1, "disability.nursingSubsidy.paid": 10_000,
                "disability.livingSubsidy.recipients": 0,
                "elderly.facilities": 2, "elderly.beds": 150, "elderly.nursingBeds": 80, "elderly.adaptations": 1,
                "organisations.socialGroup": 1, "organisations.foundation": 1,
                "organisations.socialServiceOrganisation": 1, "organisations.registeredInMonth": 1,
                "familySearch.reports": 1, "familySearch.notices": 1, "familySearch.reunions": 1,
                "children.inDistress": 1, "children.scatteredOrphan": 0, "disability.rehabStations": 1,
                "marriageFuneral.marriages": 2, "marriageFuneral.divorces": 1, "marriageFuneral.funerals": 2,
            ]
            for (key, value) in expected {
                #expect(city.value(key) == value, "\(key)")
            }
            // The districts as columns, in the table's order; each adds up to the total.
            let columns = city.columns.map(\.region)
            let tianning = try #require(columns.firstIndex(of: "320402"))
            let zhonglou = try #require(columns.firstIndex(of: "320404"))
            let dibao = try #require(city.figures.first { $0.key == "assistance.dibao.recipients" })
            #expect(dibao.values[tianning] == 2 && dibao.values[zhonglou] == 1)
            #expect(city.figures.allSatisfy { $0.values.reduce(0, +) == $0.total && !$0.definition.isEmpty })

            // A district officer sees their district with its streets, and not the other district.
            let officer = try await app.token(role: .districtOfficer, region: "320402")
            let own = try await Self.report(app, "month=2026-11", token: officer)
            #expect(own.region == "320402" && own.columns.contains { $0.region == "320402001" })
            #expect(own.value("assistance.dibao.recipients") == 2 && own.value("assistance.dibao.paid") == 119_700)
            #expect(own.value("familySearch.reports") == 1 && own.value("familySearch.notices") == 0)
            let street = try await Self.report(app, "month=2026-11&region=320402002", token: officer)
            #expect(street.value("disability.nursingSubsidy.paid") == 10_000 && street.columns.isEmpty)
            let other = try await send(app, .GET, "/api/v1/statistics?month=2026-11&region=320404", token: officer)
            #expect(other.status == .notFound)
            let bad = try await send(app, .GET, "/api/v1/statistics?month=2027-01", token: officer)
            #expect(bad.status == .badRequest)
            let worker = try await app.token(role: .communityWorker, region: "320402001")
            #expect(try await send(app, .GET, "/api/v1/statistics", token: worker).status == .forbidden)

            // The year: flows add up the months, stocks are the last month's.
            let year = try await Self.report(app, "year=2026", token: officer)
            #expect(year.value("assistance.dibao.paid") == Int64(239_400))
            #expect(year.value("elderly.adaptations") == 2)
            #expect(year.value("assistance.dibao.recipients") == 0)  // December: no roll yet
        }
    }

    @Test(
        "a frozen month keeps its figures and data version after later edits; freezing twice changes nothing",
        arguments: TestDatabase.available)
    func frozen(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(CivilDate("2026-12-10")!)
            try await Self.november(app)
            let freeze = StatisticsFreeze(writer: app.writer(actor: .system("test")), clock: app.platform.clock)
            await #expect(throws: Refusal.self) { try await freeze.freeze(YearMonth("2026-12")!) }
            let first = try await freeze.freeze(Self.november)
            #expect(first.frozen && first.cells > 0)
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            let before = try await Self.report(app, "month=2026-11", token: admin)
            let snapshot = try #require(before.frozen)
            #expect(snapshot.digest == first.digest && snapshot.payrollRolls.count == 2)

            // Later edits: a failed line paid on a second try, a facility back-dated, a new roll line.
            try await app.sql.raw("UPDATE payroll_lines SET status = 'paid' WHERE status = 'failed'").run()
            try await Self.facility(app, region: "320402001", filed: "2026-01-01", beds: 30, nursing: 30)
            let h = try await Self.household(app, region: "320402001001", head: "32040219700101405")
            let rollRow = try await app.sql.raw(
                "SELECT id FROM payroll_rolls WHERE month = '2026-11' AND region = '320402'"
            ).first()
            let roll = try #require(try rollRow?.decode(column: "id", as: UUID.self))
            try await Self.line(app, roll: roll, item: "dibao", household: h, region: "320402001001", fen: 1)
            let after = try await Self.report(app, "month=2026-11", token: admin)
            #expect(after.figures.map(\.total) == before.figures.map(\.total))
            #expect(after.value("assistance.dibao.paid") == 119_700 + 70_000 && after.value("elderly.beds") == 150)
            // The records now say otherwise; the snapshot still reproduces its digest.
            let live = try await StatisticsStore(db: app.sql).cells(
                month: Self.november, within: RegionScope(RegionTable.changzhou))
            #expect(StatisticsCells.digest(live) != first.digest)
            let stored = try #require(try await StatisticsStore(db: app.sql).snapshot(month: Self.november))
            #expect(StatisticsCells.digest(stored.cells) == first.digest)
            let again = try await freeze.freeze(Self.november)
            #expect(!again.frozen && again.digest == first.digest)
            // A district's view of the frozen month comes from the same snapshot.
            let officer = try await app.token(role: .districtOfficer, region: "320402")
            let district = try await Self.report(app, "month=2026-11", token: officer)
            #expect(district.frozen?.digest == first.digest && district.value("assistance.dibao.recipients") == 2)
            let year = try await Self.report(app, "year=2026", token: officer)
            #expect(year.frozenMonths == ["2026-11"])
            let events = try await app.sql.raw(
                "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'statistics.freeze'"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(events == 1)
            // The hourly round freezes last month once it is over, here already done.
            await StatisticsFreeze.hourly(app)
            #expect(try await StatisticsStore(db: app.sql).snapshot(month: Self.november)?.digest == first.digest)
        }
    }

    @Test(
        "the page links each figure to its records for roles that may open them; the .xlsx reads back",
        arguments: TestDatabase.available)
    func pageAndFile(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(CivilDate("2026-12-10")!)
            try await Self.november(app)
            let admin = try await PolicyPageTests.signedIn(app, role: .cityAdmin, region: "3204")
            let page = try await AccountFixtures.get(app, "/statistics?month=2026-11", cookie: admin)
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("最低生活保障（户）") && html.contains("href=\"/payroll\""))
            #expect(html.contains("/statistics?month=2026-11&amp;region=320402") && html.contains("<svg"))
            #expect(html.contains("尚未冻结"))
            let auditor = try await PolicyPageTests.signedIn(app, role: .auditor, region: "320402")
            let plain = try await AccountFixtures.get(app, "/statistics?month=2026-11", cookie: auditor).body.string
            #expect(plain.contains("最低生活保障（户）") && !plain.contains("href=\"/payroll\""))
            #expect(plain.contains("href=\"/facilities?region=320402\""))
            let refused = try await AccountFixtures.get(app, "/statistics?month=1999-01", cookie: admin)
            #expect(refused.status == .badRequest && refused.body.string.contains("月份应为"))
            let year = try await AccountFixtures.get(app, "/statistics?year=2026&region=320402", cookie: admin)
            #expect(year.status == .ok && year.body.string.contains("已冻结月份 0/12"))

            let xlsx = try await AccountFixtures.get(app, "/statistics.xlsx?month=2026-11", cookie: admin)
            #expect(xlsx.status == .ok && xlsx.headers.contentType?.description.contains("spreadsheetml") == true)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("statistics-\(UUID()).xlsx")
            try Data(buffer: xlsx.body).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            var sheet: [[String]] = []
            try XLSXReader.readFirstSheet(at: file) { _, cells in sheet.append(cells) }
            #expect(sheet.first?.prefix(4) == ["类别", "指标", "单位", "合计"])
            let dibao = try #require(sheet.first { $0.count > 3 && $0[1] == "最低生活保障（户）" })
            #expect(dibao[3] == "3")
            let paid = try #require(sheet.first { $0.count > 3 && $0[1] == "最低生活保障发放金额" })
            #expect(paid[3] == "1897")
            #expect(sheet.count == StatisticsCatalogue.figures.count + 2)
            let exports = try await app.sql.raw(
                "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'statistics.export'"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(exports == 1)
        }
    }

    @Test(
        "the dashboard sets the year's targets (dated parameters) against the city and each district",
        arguments: TestDatabase.available)
    func dashboard(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(CivilDate("2026-12-10")!)
            try await Self.november(app)
            let service = try Self.cityService(app)
            let d = try await service.dashboard(year: 2026)
            #expect(d.month == "2026-12")
            let beds = try #require(d.lines.first { $0.key == "nursingBedTarget" })
            // December: 1 149 beds, 1 079 nursing beds (the facility filed on 1 December counts now).
            let city = try #require(beds.cells.first)
            #expect(city.region == "3204" && city.actual == "93.9%" && city.target == "72.0%" && city.reached)
            let zhonglou = try #require(beds.cells.first { $0.region == "320404" })
            #expect(zhonglou.target == "72.0%")  // a share holds for the districts
            let adaptations = try #require(d.lines.first { $0.key == "adaptationYearTarget" })
            #expect(adaptations.cells.first?.actual == "2" && adaptations.cells.first?.target == "2220")
            let tianning = try #require(adaptations.cells.first { $0.region == "320402" })
            #expect(tianning.actual == "2" && tianning.target == nil && tianning.percent == nil)
            let stations = try #require(d.lines.first { $0.key == "rehabStationTarget" })
            #expect(stations.cells.first?.actual == "1" && stations.cells.first?.percent == 5)

            let officer = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320402")
            let page = try await AccountFixtures.get(app, "/dashboard?year=2026", cookie: officer)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("护理型床位占比") && page.body.string.contains("72.0%"))
            #expect(!page.body.string.contains("钟楼区"))
            let worker = try await PolicyPageTests.signedIn(app, role: .communityWorker, region: "320402001")
            #expect(try await AccountFixtures.get(app, "/dashboard", cookie: worker).status == .forbidden)
        }
    }

    @Test(
        "home-care visits and their subsidy, device rentals and the people first subsidised in the year: the settlements' own figures, on the dashboard",
        arguments: TestDatabase.available)
    func homeCareAndRentals(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // March: an old man (aged: half the rent) and a younger woman (self-paid) each take a
            // wheelchair for two months and keep it: charged monthly until it counts as lost in August.
            app.platform.clock = .fixed(CivilDate("2026-03-10")!)
            let (old, young) = ("32040219410101601", "32040219700101602")
            _ = try await PayrollTests.household(app, region: "320402001", head: old)
            _ = try await PayrollTests.household(app, region: "320402001", head: young)
            let (officer, point, _) = try await RentalTests.point(app, devices: 2)
            for id in [old, young] {
                let rental = try await RentalTests.request(app, officer, point: point, idNumber: residentID(id))
                    .json(RentalTests.Rental.self)
                #expect(try await RentalTests.act(app, officer, rental.id, "deliver").status == .ok)
            }
            // December: three confirmed cleaning visits of 80 yuan for an elder entitled to 200
            // (the third half subsidised), and one served but not yet confirmed.
            let (street, district, person, provider, worker) = try await HomeCareTests.fixture(app)
            for day in ["10", "11", "12", "13"] {
                let order = try await HomeCareTests.order(app, token: street, person: person)
                try await HomeCareTests.visit(
                    app, token: street, order.id, provider: provider, worker: worker, from: "2026-12-\(day)T09:00",
                    to: "2026-12-\(day)T11:00", confirm: day != "13")
            }
            HomeCareTests.at(app, "2026-12-20T09:00")
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            let december = try await Self.report(app, "month=2026-12", token: admin)
            let settled = try await HomeCareTests.settlement(app, token: district)
            #expect(december.value(StatisticsCatalogue.homeCareVisits) == 3)
            #expect(december.value(StatisticsCatalogue.homeCareSubsidy) == 20_000)
            #expect(settled.subsidyFen == 20_000 && settled.providers.map(\.visits) == [3])
            #expect(december.value(StatisticsCatalogue.rentalMonths) == 0)

            let expected: [(String, Int64, Int64, Int64)] = [
                // month, rental months, subsidy in fen, people subsidised for the first time this year
                ("2026-03", 2, 1_500, 1), ("2026-04", 2, 1_500, 0), ("2026-07", 2, 1_500, 0), ("2026-08", 0, 0, 0),
            ]
            for (month, months, subsidy, people) in expected {
                let report = try await Self.report(app, "month=\(month)", token: district)
                #expect(report.value(StatisticsCatalogue.rentalMonths) == months, "\(month)")
                #expect(report.value(StatisticsCatalogue.rentalSubsidy) == subsidy, "\(month)")
                #expect(report.value(StatisticsCatalogue.rentalPeopleNew) == people, "\(month)")
                let settlement = try await send(app, .GET, "/api/v1/rental/settlement?month=\(month)", token: officer)
                #expect(try settlement.json(RentalTests.Settlement.self).subsidyFen == subsidy, "\(month)")
            }
            // The year: five charged months each, one person subsidised — the rental year count's figure.
            let year = try await Self.report(app, "year=2026", token: admin)
            #expect(year.value(StatisticsCatalogue.rentalMonths) == 10)
            #expect(year.value(StatisticsCatalogue.rentalSubsidy) == 7_500)
            #expect(year.value(StatisticsCatalogue.rentalPeopleNew) == 1)
            let count = try await send(app, .GET, "/api/v1/rental/year?year=2026", token: officer)
            #expect(try count.json(RentalTests.Year.self).subsidised == 1)
            let other = try await Self.report(app, "month=2026-03&region=320404", token: admin)
            #expect(other.value(StatisticsCatalogue.rentalMonths) == 0)

            let service = try Self.cityService(app)
            let rentals = try #require(
                try await service.dashboard(year: 2026).lines.first { $0.key == "rentalYearTarget" })
            #expect(rentals.cells.first?.actual == "1" && rentals.cells.first?.target == "5000")
            #expect(rentals.cells.first { $0.region == "320402" }?.target == nil)
            let api = try await send(app, .GET, "/api/v1/dashboard?year=2026", token: admin)
            #expect(api.status == .ok && api.body.string.contains("\"key\":\"rentalYearTarget\""))
            let future = try await send(app, .GET, "/api/v1/dashboard?year=2027", token: admin)
            #expect(future.status == .badRequest && future.body.string.contains("\"field\":\"year\""))

            // Each figure links to its records for the view's month and region.
            let cookie = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320402")
            let html = try await AccountFixtures.get(app, "/statistics?month=2026-03", cookie: cookie).body.string
            #expect(html.contains("href=\"/rental/settlement?month=2026-03\""))
            #expect(html.contains("href=\"/home-care/settlement?month=2026-03\""))
            #expect(html.contains("href=\"/facilities?region=320402\""))
            #expect(html.contains("href=\"/organisations?region=320402&amp;kind=foundation\""))
        }
    }
}
