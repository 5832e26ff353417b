@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

@Suite("Department feeds, early warnings and grid visits")
struct MonitoringTests {
    static func departmentToken(_ app: Application, _ code: String, region: String = "3204") async throws -> String {
        let store = AccountStore(db: app.sql)
        let id = try await store.createUser(
            username: "dept-\(code)-\(region)", displayName: code, password: "department password",
            role: .department, region: RegionCode(region)!, department: code, hash: app.hashPassword)
        return try await store.issueToken(userID: id, name: "feed")
    }

    static func medical(_ id: String, source: String, outOfPocketFen: Int64) -> [String: Any] {
        [
            "sourceRecordId": source, "idNumber": id, "admissionDate": "2026-10-01", "dischargeDate": "2026-10-20",
            "totalFen": outOfPocketFen * 2, "outOfPocketFen": outOfPocketFen, "seriousIllness": true,
        ]
    }

    static func count(_ app: Application, _ table: String) async throws -> Int {
        try await app.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?.decode(
            column: "n", as: Int.self) ?? -1
    }

    @Test(
        "a medical-burden row raises one alert and a visit task; re-sending creates nothing; an unregistered person's row is kept",
        arguments: TestDatabase.available)
    func medicalBurden(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let head = residentID("32040219650312401")
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            _ = try await send(
                app, .POST, "/api/v1/households", token: admin,
                json: RegistryAPITests.household(region: "320402001001", headID: head))
            let medical = try await Self.departmentToken(app, "medicalInsurance")
            let batch = [
                Self.medical(head, source: "MI-1", outOfPocketFen: 1_200_000),
                Self.medical(residentID("32040219700101301"), source: "MI-2", outOfPocketFen: 50_000),
                ["sourceRecordId": "MI-3", "idNumber": head, "admissionDate": "soon"],
            ]
            let first = try await send(app, .POST, "/api/v1/feeds/medicalExpense", token: medical, json: batch)
            #expect(first.status == .ok, "\(first.body.string)")
            let summary = try first.json(FeedIngest.Summary.self)
            #expect(summary.accepted == 2)
            #expect(summary.unknownPersons == 1)
            #expect(summary.alerts == 1)
            #expect(summary.rejected == 1)
            #expect(summary.errors.first?.row == 3)
            let again = try await send(
                app, .POST, "/api/v1/feeds/medicalExpense", token: medical, json: Array(batch.prefix(2))
            ).json(FeedIngest.Summary.self)
            #expect(again.accepted == 0)
            #expect(again.duplicates == 2)
            #expect(try await Self.count(app, "alerts") == 1)
            #expect(try await Self.count(app, "visit_tasks") == 1)
            #expect(try await Self.count(app, "feed_rows") == 2)
        }
    }

    @Test(
        "a batch mixing stored rows, new rows and a row repeated within it keeps each new row once, pushed or from a file",
        arguments: TestDatabase.available)
    func mixedBatch(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let head = residentID("32040219650312401"), stranger = residentID("32040219700101301")
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            _ = try await send(
                app, .POST, "/api/v1/households", token: admin,
                json: RegistryAPITests.household(region: "320402001001", headID: head))
            let medical = try await Self.departmentToken(app, "medicalInsurance")
            _ = try await send(
                app, .POST, "/api/v1/feeds/medicalExpense", token: medical,
                json: [Self.medical(head, source: "MI-1", outOfPocketFen: 50_000)])
            let pushed = try await send(
                app, .POST, "/api/v1/feeds/medicalExpense", token: medical,
                json: [
                    Self.medical(head, source: "MI-1", outOfPocketFen: 50_000),
                    Self.medical(head, source: "MI-2", outOfPocketFen: 60_000),
                    Self.medical(head, source: "MI-2", outOfPocketFen: 60_000),
                    Self.medical(stranger, source: "MI-3", outOfPocketFen: 70_000),
                ]
            ).json(FeedIngest.Summary.self)
            #expect((pushed.accepted, pushed.duplicates, pushed.unknownPersons) == (2, 2, 1))
            let path = NSTemporaryDirectory() + "feed-\(UUID().uuidString).csv"
            try """
            sourceRecordId,idNumber,admissionDate,dischargeDate,totalFen,outOfPocketFen,seriousIllness
            MI-1,\(head),2026-10-01,2026-10-20,100000,50000,否
            MI-3,\(stranger),2026-10-01,2026-10-20,100000,70000,否
            MI-4,\(head),2026-10-21,2026-10-25,100000,80000,否
            MI-4,\(head),2026-10-21,2026-10-25,100000,80000,否
            """.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let file = try await app.feedFileImport(actor: .system("test"), reach: RegionTable.changzhou).run(
                path: path, kind: .medicalExpense, department: .medicalInsurance, progress: nil)
            #expect((file.accepted, file.duplicates, file.unknownPersons) == (1, 3, 0))
            #expect(try await Self.count(app, "feed_rows") == 4)
            // The 12-month sum counts each stored stay once: 50 000 + 60 000 + 80 000 fen.
            let total = try await app.sql.raw(
                """
                SELECT CAST(SUM(out_of_pocket_fen) AS BIGINT) AS s FROM feed_rows WHERE kind = 'medicalExpense' AND person_id IS NOT NULL
                """
            ).first()!.decode(column: "s", as: Int64.self)
            #expect(total == 190_000)
        }
    }

    @Test(
        "real estate: one flat each for two members of a dibao household is over the limit of one, across pushes and within one",
        arguments: TestDatabase.available)
    func realEstateAcrossMembers(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            var couples: [(head: String, spouse: String)] = []
            for n in 1...2 {
                let couple = (residentID("3204021965031\(n)401"), residentID("3204021967051\(n)402"))
                let answer = try await send(
                    app, .POST, "/api/v1/households", token: admin,
                    json: RegistryAPITests.household(region: "320402001", headID: couple.0, memberID: couple.1))
                let household = try answer.json(HouseholdDetail.self)
                _ = try await PayrollTests.enroll(
                    app, household: household.id, person: nil, item: "dibao", region: "320402001",
                    fen: 80_000, start: YearMonth("2026-01")!)
                couples.append(couple)
            }
            let land = try await Self.departmentToken(app, "naturalResources")
            func flats(_ id: String, _ source: String, _ n: Int) -> [String: Any] {
                ["sourceRecordId": source, "idNumber": id, "properties": n, "areaM2": 85.5]
            }
            func push(_ rows: [[String: Any]]) async throws -> FeedIngest.Summary {
                try await send(app, .POST, "/api/v1/feeds/realEstate", token: land, json: rows).json(
                    FeedIngest.Summary.self)
            }
            // First household: the spouse's flat alone is within the limit; the head's, later, is not.
            #expect(try await push([flats(couples[0].spouse, "RE-1", 1)]).alerts == 0)
            #expect(try await push([flats(couples[0].head, "RE-2", 1)]).alerts == 1)
            // Second household: both rows in one push; the second finds the first.
            #expect(
                try await push([flats(couples[1].spouse, "RE-3", 1), flats(couples[1].head, "RE-4", 1)]).alerts == 1)
            let sql = app.sql
            let evidence = try await sql.raw("SELECT evidence FROM alerts WHERE rule = 'realEstate'").all()
                .map { try $0.decode(column: "evidence", as: String.self) }
            #expect(evidence.count == 2)
            #expect(evidence.allSatisfy { $0.contains("名下住房 1 套") && $0.contains("全家共 2 套，超过上限 1 套") }, "\(evidence)")
            // A member who sold: the head's next report of one flat is within the limit again.
            let third = (residentID("32040219650313401"), residentID("32040219670513402"))
            let answer = try await send(
                app, .POST, "/api/v1/households", token: admin,
                json: RegistryAPITests.household(region: "320402001", headID: third.0, memberID: third.1))
            _ = try await PayrollTests.enroll(
                app, household: try answer.json(HouseholdDetail.self).id, person: nil, item: "dibao",
                region: "320402001", fen: 80_000, start: YearMonth("2026-01")!)
            #expect(try await push([flats(third.1, "RE-5", 1), flats(third.1, "RE-6", 0)]).alerts == 0)
            #expect(try await push([flats(third.0, "RE-7", 1)]).alerts == 0)
            #expect(try await Self.count(app, "real_estate_holdings") == 6)
        }
    }

    @Test("a department pushes only its own kinds and cannot read the registry", arguments: TestDatabase.available)
    func departmentLimits(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let medical = try await Self.departmentToken(app, "medicalInsurance")
            let death = try await send(
                app, .POST, "/api/v1/feeds/death", token: medical,
                json: [
                    ["sourceRecordId": "D-1", "idNumber": residentID("32040219500101401"), "deathDate": "2026-10-15"]
                ])
            #expect(death.status == .forbidden)
            #expect(try await send(app, .GET, "/api/v1/households", token: medical).status == .forbidden)
            #expect(
                try await send(app, .POST, "/api/v1/persons/search", token: medical, json: ["name": "张"]).status
                    == .forbidden)
            let officer = try await app.token(role: .streetOfficer, region: "320402001")
            #expect(
                try await send(app, .POST, "/api/v1/feeds/medicalExpense", token: officer, json: [[String: Any]]())
                    .status == .forbidden)
        }
    }

    @Test(
        "a death stops the person's benefits from the next month without waiting for the visit",
        arguments: TestDatabase.available)
    func death(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (household, person) = try await PayrollTests.household(
                app, region: "320402001", head: "32040219300101401")
            _ = try await PayrollTests.enroll(
                app, household: household, person: person, item: "seniorAllowance", region: "320402001",
                fen: 10000, start: YearMonth("2026-01")!)
            let police = try await Self.departmentToken(app, "publicSecurity")
            // A second notice of the same death in the batch, with another date, changes nothing.
            let answer = try await send(
                app, .POST, "/api/v1/feeds/death", token: police,
                json: [
                    ["sourceRecordId": "D-1", "idNumber": residentID("32040219300101401"), "deathDate": "2026-10-15"],
                    ["sourceRecordId": "D-2", "idNumber": residentID("32040219300101401"), "deathDate": "2026-11-02"],
                ]
            ).json(FeedIngest.Summary.self)
            #expect(answer.accepted == 2)
            #expect(answer.alerts == 1)
            let sql = app.sql
            #expect(
                try await sql.raw("SELECT deceased_on FROM persons WHERE id = \(bind: person)").first()?.decode(
                    column: "deceased_on", as: String?.self) == "2026-10-15")
            let alert = try await sql.raw("SELECT level, rule FROM alerts").first()
            #expect(try alert?.decode(column: "level", as: String.self) == "red")
            let october = try await PayrollTests.service(app, "m").generate(
                month: YearMonth("2026-10")!, region: RegionTable.changzhou, replace: false)
            #expect(october.lineCount == 1)
            // Nothing is payable in November: no roll is made, and the refusal says why.
            await #expect(throws: Refusal.self) {
                try await PayrollTests.service(app, "m").generate(
                    month: YearMonth("2026-11")!, region: RegionTable.changzhou, replace: false)
            }
            #expect(try await MonitoringTests.count(app, "payroll_rolls") == 1)
            #expect(
                try await AuditStore(db: sql).chain(after: 0, limit: 1000).map(\.action).filter { $0 == "person.death" }
                    .count == 1)
            let suspension = try await sql.raw("SELECT status, status_from FROM enrollments").first()
            #expect(try suspension?.decode(column: "status", as: String.self) == "suspended")
            #expect(try suspension?.decode(column: "status_from", as: String.self) == "2026-11")
        }
    }

    @Test(
        "the recorded visit closes the task and its alert; an overdue task escalates to the street",
        arguments: TestDatabase.available)
    func visits(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let head = residentID("32040219650312401")
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            let household = try await send(
                app, .POST, "/api/v1/households", token: admin,
                json: RegistryAPITests.household(region: "320402001001", headID: head)
            ).json(HouseholdDetail.self)
            let medical = try await Self.departmentToken(app, "medicalInsurance")
            _ = try await send(
                app, .POST, "/api/v1/feeds/medicalExpense", token: medical,
                json: [Self.medical(head, source: "MI-1", outOfPocketFen: 1_500_000)])
            _ = try await send(
                app, .POST, "/api/v1/feeds/medicalExpense", token: medical,
                json: [Self.medical(residentID("32040219680101402"), source: "MI-9", outOfPocketFen: 10)])
            let worker = try await app.token(role: .communityWorker, region: "320402001001")
            let tasks = try await send(app, .GET, "/api/v1/tasks", token: worker).json(Page<VisitTasks.Task>.self).items
            #expect(tasks.count == 1)
            let task = try #require(tasks.first)
            #expect(task.level == "orange")
            let bad = try await send(
                app, .POST, "/api/v1/tasks/\(task.id)/visit", token: worker,
                json: ["visitedOn": "2026-11-01", "outcome": "fly"])
            #expect(try bad.json(ErrorAnswer.self).field == "findings")
            let done = try await send(
                app, .POST, "/api/v1/tasks/\(task.id)/visit", token: worker,
                json: ["visitedOn": "2026-11-01", "findings": "住院花费大，家庭困难", "outcome": "startApplication"])
            #expect(try done.value("next", as: String.self) == "/applications/new?household=\(household.id)")
            let sql = app.sql
            #expect(
                try await sql.raw("SELECT status FROM alerts").first()?.decode(column: "status", as: String.self)
                    == "closed")

            // A new alert for the same person is possible once the old one is closed; left undone, it escalates.
            _ = try await send(
                app, .POST, "/api/v1/feeds/medicalExpense", token: medical,
                json: [Self.medical(head, source: "MI-2", outOfPocketFen: 1_500_000)])
            // Eight days on, the hourly round finds the orange alert's visit (due in 7) late.
            app.platform.clock = .fixed(app.platform.clock.today.adding(days: 8))
            _ = try await VisitTasks.escalateOverdue(
                today: app.platform.clock.today, writer: app.writer(actor: .system("monitoring-timer")))
            let street = try await app.token(role: .streetOfficer, region: "320402001")
            let escalated = try await send(app, .GET, "/api/v1/tasks", token: street).json(Page<VisitTasks.Task>.self)
                .items
            #expect(escalated.count == 1)
            #expect(escalated.first?.escalated == true)
            #expect(escalated.first?.region == "320402001")
        }
    }

    @Test(
        "task lists filter by street or community, level and overdue, paginate, and export what they show",
        arguments: TestDatabase.available)
    func taskListFilters(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            let medical = try await Self.departmentToken(app, "medicalInsurance")
            // Three orange alerts (medical burden): two communities of one street, one of another street.
            let places = [
                ("320402001001", "32040219650312401"), ("320402001002", "32040219650312402"),
                ("320402002001", "32040219650312403"),
            ]
            let today = app.platform.clock.today
            for (n, (community, first17)) in places.enumerated() {
                // The second community's alert was raised ten days ago: its visit (due in 7) is late.
                app.platform.clock = .fixed(community == "320402001002" ? today.adding(days: -10) : today)
                _ = try await send(
                    app, .POST, "/api/v1/households", token: admin,
                    json: RegistryAPITests.household(region: community, headID: residentID(first17)))
                _ = try await send(
                    app, .POST, "/api/v1/feeds/medicalExpense", token: medical,
                    json: [Self.medical(residentID(first17), source: "MI-\(n)", outOfPocketFen: 1_500_000)])
            }
            _ = try await VisitTasks.escalateOverdue(
                today: today, writer: app.writer(actor: .system("monitoring-timer")))
            let street = try await app.token(role: .streetOfficer, region: "320402001")
            func list(_ query: String, token: String) async throws -> TestingHTTPResponse {
                try await send(app, .GET, "/api/v1/tasks" + query, token: token)
            }
            // The street sees its own two; the escalated one first.
            let all = try await list("", token: street).json(Page<VisitTasks.Task>.self)
            #expect((all.total, all.items.count) == (2, 2))
            #expect(all.items.first?.escalated == true)
            let community = try await list("?region=320402001001", token: street).json(Page<VisitTasks.Task>.self)
            #expect(community.items.map(\.region) == ["320402001001"])
            #expect(try await list("?overdue=1", token: street).json(Page<VisitTasks.Task>.self).total == 1)
            #expect(try await list("?level=red", token: street).json(Page<VisitTasks.Task>.self).total == 0)
            let paged = try await list("?perPage=1&page=2", token: street).json(Page<VisitTasks.Task>.self)
            #expect((paged.total, paged.items.count, paged.page, paged.perPage) == (2, 1, 2, 1))
            // Outside the street, or a bad value: refused, naming the field.
            let outside = try await list("?region=320402002", token: street)
            #expect(outside.status == .badRequest)
            #expect(try outside.json(ErrorAnswer.self).field == "region")
            #expect(try await list("?level=purple", token: street).json(ErrorAnswer.self).field == "level")
            // The city sees all three; its CSV export of one street has a header and that street's rows.
            let city = try await app.token(role: .cityAdmin, region: "3204", username: "cityofficer")
            #expect(try await list("", token: city).json(Page<VisitTasks.Task>.self).total == 3)
            _ = try await AccountStore(db: app.sql).createUser(
                username: "officer", displayName: "区级经办", password: "correct horse battery",
                role: .districtOfficer, region: RegionCode("320402")!, hash: app.hashPassword)
            let (_, cookie) = try await PageTests.signIn(app)
            let page = try await FormVisit.open(app, "/tasks?region=320402001&overdue=1", cookie: cookie).page.body
                .string
            #expect(page.contains("共 1 项") && page.contains("/tasks.csv?"))
            let csv = try await send(
                app, .GET, "/tasks.csv?region=320402001", headers: ["Cookie": "minzheng_session=\(cookie)"])
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.body.string.split(separator: "\r\n", omittingEmptySubsequences: true)
            #expect(lines.first?.hasPrefix("\u{FEFF}期限,超期上交街道,级别,线索类型,线索,走访对象,身份证号（脱敏）,联系电话（脱敏）,地址,区划,区划代码") == true)
            #expect(lines.count == 3)
            // Whom to visit, masked as in the list: never the whole ID or phone number.
            #expect(
                lines.dropFirst().allSatisfy {
                    $0.contains("橙色") && $0.contains("320402001") && $0.contains("张建国") && $0.contains("139****5678")
                })
        }
    }

    @Test("the monitoring page and the phone visit form; a department user sees neither")
    func pages() async throws {
        try await withTestApp(.sqlite) { app in
            let head = residentID("32040219650312401")
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            _ = try await send(
                app, .POST, "/api/v1/households", token: admin,
                json: RegistryAPITests.household(region: "320402001", headID: head))
            let medical = try await Self.departmentToken(app, "medicalInsurance")
            _ = try await send(
                app, .POST, "/api/v1/feeds/medicalExpense", token: medical,
                json: [Self.medical(head, source: "MI-1", outOfPocketFen: 1_500_000)])
            let cookie = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402001")
            let overview = try await send(app, .GET, "/monitoring", headers: ["Cookie": "minzheng_session=\(cookie)"])
            #expect(overview.status == .ok)
            #expect(overview.body.string.contains("<span class=\"stat-label\">橙色预警</span>"))
            #expect(!overview.body.string.contains("预警预警"))
            // Each count leads to the visit tasks behind it.
            #expect(overview.body.string.contains("href=\"/tasks?level=orange\""))
            #expect(overview.body.string.contains("href=\"/tasks?region=320402001\""))
            // Streets stand under their district; a street officer's district is a heading, not a link beyond the street.
            #expect(overview.body.string.contains("<h3>天宁区：1 条</h3>"))
            #expect(overview.body.string.contains("href=\"/tasks?overdue=1\""))
            #expect(overview.body.string.contains("<svg"))
            let list = try await FormVisit.open(app, "/tasks", cookie: cookie)
            let taskPath = try #require(
                list.page.body.string.firstMatch(of: /href="(\/tasks\/[0-9A-F-]+)"/).map { String($0.1) })
            let form = try await FormVisit.open(app, taskPath, cookie: cookie)
            #expect(form.page.body.string.contains("提交走访记录"))
            let missing = try await form.post(
                app, taskPath, [("visitedOn", "2026-11-01"), ("findings", " "), ("outcome", "noHardship")])
            #expect(missing.status == .badRequest)
            #expect(missing.body.string.contains("请填写走访情况"))
            let done = try await form.post(
                app, taskPath, [("visitedOn", "2026-11-01"), ("findings", "已入户，情况属实"), ("outcome", "noHardship")])
            #expect(done.status == .seeOther)
            #expect(try await Self.count(app, "alerts") == 1)
            #expect(
                try await app.sql.raw("SELECT status FROM alerts").first()?.decode(column: "status", as: String.self)
                    == "closed")
            let department = try await PolicyPageTests.signedIn(app, role: .department, region: "3204")
            #expect(
                try await send(app, .GET, "/monitoring", headers: ["Cookie": "minzheng_session=\(department)"]).status
                    == .forbidden)
        }
    }

    @Test(
        "a department's CSV file: good rows kept, bad rows named by line, the same file again changes nothing",
        arguments: TestDatabase.available)
    func csvFile(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let head = residentID("32040219650312401")
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            _ = try await send(
                app, .POST, "/api/v1/households", token: admin,
                json: RegistryAPITests.household(region: "320402001", headID: head))
            let path = NSTemporaryDirectory() + "feed-\(UUID().uuidString).csv"
            try """
            sourceRecordId,idNumber,admissionDate,dischargeDate,totalFen,outOfPocketFen,seriousIllness
            MI-1,\(head),2026-10-01,2026-10-20,3000000,1500000,是
            MI-2,\(head),2026-10-21,yesterday,100,10,否
            """.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let first = try await app.feedFileImport(actor: .system("test"), reach: RegionTable.changzhou).run(
                path: path, kind: .medicalExpense, department: .medicalInsurance, progress: nil)
            #expect(first.accepted == 1)
            #expect(first.alerts == 1)
            #expect(first.errors.map(\.row) == [3])
            let again = try await app.feedFileImport(actor: .system("test"), reach: RegionTable.changzhou).run(
                path: path, kind: .medicalExpense, department: .medicalInsurance, progress: nil)
            #expect(again.accepted == 0)
            #expect(again.duplicates == 1)
            #expect(try await Self.count(app, "alerts") == 1)
        }
    }

    @Test(
        "a file read in many batches keeps every row and raises every alert, also with one pooled connection per event loop",
        arguments: TestDatabase.available)
    func manyBatchesSmallPool(_ db: TestDatabase) async throws {
        // Batches of 3 rows, so that each batch is read while the one before is written. The
        // smallest pool is where a read beside an open transaction could wait on it (on
        // PostgreSQL; that race is rare and not forced here, see `readsBesideTransaction`).
        try await withTestApp(db, adjusting: { $0.postgresConnectionsPerLoop = 1 }) { app in
            let heads = (1...20).map { residentID(String(format: "320402196503%02d401", $0)) }
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            for head in heads {
                _ = try await send(
                    app, .POST, "/api/v1/households", token: admin,
                    json: RegistryAPITests.household(region: "320402001", headID: head))
            }
            let path = NSTemporaryDirectory() + "feed-\(UUID().uuidString).csv"
            let lines = heads.enumerated().map {
                "MI-\($0.offset),\($0.element),2026-10-01,2026-10-20,3000000,1500000,是"
            }
            try (["sourceRecordId,idNumber,admissionDate,dischargeDate,totalFen,outOfPocketFen,seriousIllness"] + lines)
                .joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            var feed = app.feedFileImport(actor: .system("test"), reach: RegionTable.changzhou)
            feed.batchSize = 3
            let summary = try await feed.run(
                path: path, kind: .medicalExpense, department: .medicalInsurance, progress: nil)
            #expect((summary.accepted, summary.unknownPersons, summary.alerts) == (20, 0, 20))
            #expect(try await Self.count(app, "feed_rows") == 20)
        }
    }

    @Test(
        "a department uploads a file of its own feed on the page: rows kept, bad rows listed, others' kinds and other roles refused",
        arguments: TestDatabase.available)
    func uploadPage(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let head = residentID("32040219650312401")
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            _ = try await send(
                app, .POST, "/api/v1/households", token: admin,
                json: RegistryAPITests.household(region: "320402001", headID: head))
            _ = try await AccountStore(db: app.sql).createUser(
                username: "yibao", displayName: "市医保局", password: "department password", role: .department,
                region: RegionCode("3204")!, department: "medicalInsurance", hash: app.hashPassword)
            let login = try await FormVisit.open(app, "/login")
            let signedIn = try await login.post(
                app, "/login", [("username", "yibao"), ("password", "department password"), ("next", "/")])
            let cookie = signedIn.headers.setCookie?["minzheng_session"]?.string ?? login.cookie
            let page = try await send(app, .GET, "/feeds", headers: ["Cookie": "minzheng_session=\(cookie)"])
            #expect(page.status == .ok)
            #expect(page.body.string.contains("value=\"medicalExpense\""))
            #expect(
                !page.body.string.contains("value=\"death\""), "deaths are not the medical insurance bureau's to send")
            let csrf = String(page.body.string.firstMatch(of: /_csrf=([^"]+)"/)?.1 ?? "")
            func upload(kind: String, csv: String) async throws -> TestingHTTPResponse {
                let (headers, body) = multipartForm(
                    fields: [("kind", kind)], file: ("file", "feed.csv", "text/csv", Array(csv.utf8)),
                    headers: ["Cookie": "minzheng_session=\(cookie)"])
                return try await app.testing().performTest(
                    request: TestingHTTPRequest(
                        method: .POST, url: URI(path: "/feeds?_csrf=\(csrf)"),
                        headers: headers, body: body))
            }
            let csv = """
                sourceRecordId,idNumber,admissionDate,dischargeDate,totalFen,outOfPocketFen,seriousIllness
                MI-1,\(head),2026-10-01,2026-10-20,3000000,1500000,是
                MI-2,\(head),2026-10-21,yesterday,100,10,否
                """
            // The upload leads to the job's page, which shows the outcome once the file is in.
            func outcome(_ sent: TestingHTTPResponse) async throws -> String {
                #expect(sent.status == .seeOther)
                let path = try #require(sent.headers.first(name: .location))
                #expect(path.hasPrefix("/feeds/jobs/"))
                return try await ImportPageTests.finished(app, path, cookie: cookie)
            }
            let sent = try await upload(kind: "medicalExpense", csv: csv)
            let text = try await outcome(sent)
            #expect(text.contains("接收</span><span class=\"stat-value\">1</span>"))
            #expect(text.contains("产生预警</span><span class=\"stat-value\">1</span>"))
            #expect(text.contains("<td data-label=\"行号\" class=\"num\">3</td>"))
            let refused = try await send(
                app, .GET, try #require(sent.headers.first(name: .location)) + "/errors.csv",
                headers: ["Cookie": "minzheng_session=\(cookie)"])
            #expect(refused.body.string.hasPrefix("\u{FEFF}行号 row,原因 reason\r\n3,"))
            #expect(try await Self.count(app, "feed_rows") == 1)
            let again = try await outcome(try await upload(kind: "medicalExpense", csv: csv))
            #expect(again.contains("重复（已报送过）</span><span class=\"stat-value\">1</span>"))
            #expect(try await Self.count(app, "feed_rows") == 1)
            let notTheirs = try await upload(
                kind: "death", csv: "sourceRecordId,idNumber,deathDate\nD-1,\(head),2026-10-01\n")
            #expect(notTheirs.status == .badRequest)
            #expect(notTheirs.body.string.contains("请选择本部门报送的数据类别"))
            #expect(try await Self.count(app, "feed_rows") == 1)
            let worker = try await PolicyPageTests.signedIn(app, role: .communityWorker, region: "320402001")
            #expect(
                try await send(app, .GET, "/feeds", headers: ["Cookie": "minzheng_session=\(worker)"]).status
                    == .forbidden)
        }
    }

    @Test(
        "the serve timer's round schedules the month's visits and raises the watch, audited; a second round adds nothing",
        arguments: TestDatabase.available)
    func timerRound(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await PayrollTests.household(app, region: "320402001", head: "32040219400101401")
            await MonitoringTimer.runOnce(app)
            #expect(try await Self.count(app, "visit_tasks") >= 1)
            #expect(try await Self.count(app, "alerts") == 1)
            let actions = try await app.sql.raw(
                "SELECT action FROM audit_events WHERE actor_name = 'monitoring-timer' ORDER BY sequence"
            )
            .all().map { try $0.decode(column: "action", as: String.self) }
            // The head, 80+, is also enrolled in the senior allowance (尊老金) by the same round, and
            // last month's statistics are frozen (民政统计) once.
            #expect(actions == ["visit.schedule", "alert.watch", "seniorAllowance.run", "statistics.freeze"])
            let tasks = try await Self.count(app, "visit_tasks")
            await MonitoringTimer.runOnce(app)
            #expect(try await Self.count(app, "visit_tasks") == tasks)
            #expect(
                try await app.sql.raw("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'seniorAllowance.run'")
                    .first()?.decode(column: "n", as: Int.self) == 1)
            #expect(try await Self.count(app, "alerts") == 1)
        }
    }

    @Test("the command line reads `feed import --kind K FILE` as documented, and with the file first")
    func commandLine() throws {
        for arguments in [["--kind", "death", "deaths.csv"], ["deaths.csv", "--kind", "death"]] {
            var input = CommandInput(arguments: ["minzheng"] + arguments)
            let signature = try FeedImportCommand.Signature(from: &input)
            #expect(signature.kind == "death")
            #expect(signature.file == "deaths.csv")
        }
    }

    @Test(
        "monthly visits to special groups, once per person and month; the alone-and-unvisited watch",
        arguments: TestDatabase.available)
    func specialGroups(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let sql = app.sql
            // Alone and 86; a couple of 70-year-olds with a tekun member; a 40-year-old alone.
            _ = try await PayrollTests.household(app, region: "320402001", head: "32040219400101401")
            let (couple, tekun) = try await PayrollTests.household(app, region: "320402001", head: "32040219560101402")
            _ = try await PayrollTests.enroll(
                app, household: couple, person: tekun, item: "tekun", region: "320402001", fen: 169200,
                start: YearMonth("2026-01")!)
            _ = try await PayrollTests.household(app, region: "320402001", head: "32040219860101403")
            let november = YearMonth("2026-11")!
            #expect(try await VisitSchedule(db: sql).schedule(month: november) == 2)
            #expect(try await VisitSchedule(db: sql).schedule(month: november) == 0)
            #expect(try await VisitSchedule(db: sql).schedule(month: november.adding(months: 1)) == 2)
            let today = CivilDate("2026-11-29")!
            #expect(try await VisitSchedule(db: sql).watch(today: today) == 1)
            #expect(try await VisitSchedule(db: sql).watch(today: today) == 0, "one open alert per rule and person")
            let alert = try await sql.raw("SELECT rule, level FROM alerts").first()
            #expect(try alert?.decode(column: "rule", as: String.self) == "aloneUnvisited")
        }
    }
}
