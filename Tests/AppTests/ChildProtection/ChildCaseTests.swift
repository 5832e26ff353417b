@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// 未成年人救助保护热线: a report taken by the office, assigned to a community's child director and
/// the street's supervisor, worked and closed with the supervisor's approval; nobody else learns
/// that the case exists (404), every opening is audited, and who reported is shown to the
/// member of staff who took the report only.
@Suite("Child-protection hotline cases")
struct ChildCaseTests {
    struct Reporter: Decodable, Equatable {
        let name: String?
        let phone: String?
        let organisation: String?
    }

    struct Detail: Decodable {
        struct Referral: Decodable {
            let id: UUID
            let overdue: Bool
            let answer: String?
            let answerDueOn: String
            let chasedAt: String?
        }
        let id: UUID
        let number: String
        let urgency: String
        let status: String
        let reporter: Reporter?
        let account: String
        let region: String
        let responseDueAt: String
        let responseOverdue: Bool
        let workerName: String?
        let nextVisitDue: String?
        let version: Int
        let referrals: [Referral]
    }

    struct Summary: Decodable {
        let id: UUID
        let childMasked: String
        let status: String
    }

    struct List: Decodable {
        let items: [Summary]
        let total: Int
    }

    /// Staff of 雕庄街道 (320402001) and the office; the child of a household there.
    struct World {
        let office: String
        let otherOffice: String
        let worker: String
        let workerID: UUID
        let supervisor: String
        let supervisorID: UUID
        let bystander: String
        let otherStreet: String
        let child: String
    }

    static func world(_ app: Application) async throws -> World {
        func staff(_ role: Role, _ region: String) async throws -> (String, UUID) {
            let name = "u\(UUID().uuidString.prefix(8))"
            let token = try await app.token(role: role, region: region, username: name)
            let id = try #require(
                try await app.sql.raw("SELECT id FROM users WHERE username = \(bind: name)").first()?.decode(
                    column: "id", as: UUID.self))
            return (token, id)
        }
        let admin = try await app.token(role: .cityAdmin, region: "3204")
        let child = residentID("32040220150601123")
        let household = try await send(
            app, .POST, "/api/v1/households", token: admin,
            json: [
                "region": "320402001", "address": "常州市天宁区雕庄街道测试路2号",
                "members": [
                    ["relation": "head", "name": "张建国", "idNumber": residentID("32040219800101123")],
                    ["relation": "子女", "name": "张小明", "idNumber": child],
                ],
            ])
        #expect(household.status == .created, "\(household.body.string)")
        let worker = try await staff(.communityWorker, "320402001")
        let supervisor = try await staff(.streetOfficer, "320402001")
        return World(
            office: try await staff(.childWelfare, "3204").0, otherOffice: try await staff(.childWelfare, "3204").0,
            worker: worker.0, workerID: worker.1, supervisor: supervisor.0, supervisorID: supervisor.1,
            bystander: try await staff(.communityWorker, "320402001").0,
            otherStreet: try await staff(.streetOfficer, "320402002").0, child: child)
    }

    nonisolated(unsafe) static let report: [String: Any] = [
        "channel": "mandatedReport", "reporterKind": "school", "reporterOrganisation": "雕庄中心小学",
        "reporterName": "王老师", "reporterPhone": "13900001111", "concerns": ["abuse", "neglect"],
        "account": "学生身上多处淤青，称被父亲打。",
    ]

    /// A hotline call about a child not on the registry, in 雕庄街道.
    nonisolated(unsafe) static let call: [String: Any] = [
        "channel": "hotline", "reporterKind": "public", "concerns": ["neglect"], "account": "孩子常独自在外游荡。",
        "childName": "某某", "childAgeYears": 9, "region": "320402001",
    ]

    /// A case of `region` nobody has been assigned.
    static func unassigned(_ app: Application, region: String) async throws -> UUID {
        let office = try await app.token(role: .childWelfare, region: "3204")
        var body = call
        body["region"] = region
        return try await send(app, .POST, "/api/v1/child-cases", token: office, json: body).json(Detail.self).id
    }

    static func views(_ app: Application, _ id: UUID) async throws -> Int {
        try await app.sql.raw(
            "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'childCase.view' AND entity_id = \(bind: id.uuidString)"
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    @Test(
        "a mandated report: urgent, assigned, responded, closed by the supervisor; hidden from everyone else; the reporter only to the intake",
        arguments: TestDatabase.available)
    func lifecycle(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let w = try await Self.world(app)
            var body = Self.report
            body["childIdNumber"] = w.child
            let created = try await send(app, .POST, "/api/v1/child-cases", token: w.office, json: body)
            #expect(created.status == .created, "\(created.body.string)")
            let c = try created.json(Detail.self)
            #expect(c.urgency == "urgent")
            #expect(c.status == "reported")
            #expect(c.region == "320402001")
            #expect(c.number.hasPrefix("WB\(app.platform.clock.today.year)-"))
            #expect(c.reporter == Reporter(name: "王老师", phone: "13900001111", organisation: "雕庄中心小学"))
            // Nobody but the office knows of it yet; another office member sees it without the reporter.
            for token in [w.worker, w.supervisor, w.bystander, w.otherStreet] {
                #expect(try await send(app, .GET, "/api/v1/child-cases/\(c.id)", token: token).status == .notFound)
                #expect(try await send(app, .GET, "/api/v1/child-cases", token: token).json(List.self).total == 0)
            }
            let colleague = try await send(app, .GET, "/api/v1/child-cases/\(c.id)", token: w.otherOffice)
            #expect(colleague.status == .ok)
            #expect(try colleague.json(Detail.self).reporter == nil)
            // The city's administrator does not know of it either; an auditor may not even ask.
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            #expect(try await send(app, .GET, "/api/v1/child-cases/\(c.id)", token: admin).status == .notFound)
            let auditor = try await app.token(role: .auditor, region: "3204")
            #expect(try await send(app, .GET, "/api/v1/child-cases/\(c.id)", token: auditor).status == .forbidden)

            // The supervisor must be a street officer of the child's street.
            let wrong = try await send(
                app, .POST, "/api/v1/child-cases/\(c.id)/assignment", token: w.office,
                json: ["workerId": w.workerID.uuidString, "supervisorId": w.workerID.uuidString, "version": 1])
            #expect(wrong.status == .badRequest)
            #expect(try wrong.json(ErrorAnswer.self).field == "supervisorId")
            let assigned = try await send(
                app, .POST, "/api/v1/child-cases/\(c.id)/assignment", token: w.office,
                json: ["workerId": w.workerID.uuidString, "supervisorId": w.supervisorID.uuidString, "version": 1])
            #expect(assigned.status == .ok, "\(assigned.body.string)")
            #expect(try assigned.json(Detail.self).status == "assigned")

            // The worker and the supervisor see it, without the reporter; the bystander still not.
            for token in [w.worker, w.supervisor] {
                let seen = try await send(app, .GET, "/api/v1/child-cases/\(c.id)", token: token)
                #expect(seen.status == .ok)
                #expect(try seen.json(Detail.self).reporter == nil)
                #expect(try seen.json(Detail.self).account == "学生身上多处淤青，称被父亲打。")
                let list = try await send(app, .GET, "/api/v1/child-cases", token: token).json(List.self)
                #expect(list.items.map(\.childMasked) == ["张**"])
            }
            #expect(try await send(app, .GET, "/api/v1/child-cases/\(c.id)", token: w.bystander).status == .notFound)

            let responded = try await send(
                app, .POST, "/api/v1/child-cases/\(c.id)/records", token: w.worker,
                json: ["kind": "response", "text": "当日到校见到儿童，已联系派出所。", "version": 2])
            #expect(responded.status == .ok, "\(responded.body.string)")
            // A plan's interval beyond a year (or past any column) is refused naming the field.
            let huge = try await send(
                app, .POST, "/api/v1/child-cases/\(c.id)/records", token: w.worker,
                json: ["kind": "plan", "text": "每周走访", "visitEveryDays": 99_999_999_999, "version": 3])
            #expect(huge.status == .badRequest)
            #expect(try huge.json(ErrorAnswer.self).field == "visitEveryDays")
            let after = try responded.json(Detail.self)
            #expect(after.status == "responded")
            #expect(after.nextVisitDue == app.platform.clock.today.adding(days: 30).description)

            // Closing: a reason is needed; only the supervisor approves.
            let noNote = try await send(
                app, .POST, "/api/v1/child-cases/\(c.id)/closure", token: w.worker,
                json: ["action": "propose", "reason": "placed", "version": 3])
            #expect(noNote.status == .badRequest)
            #expect(try noNote.json(ErrorAnswer.self).field == "note")
            let proposed = try await send(
                app, .POST, "/api/v1/child-cases/\(c.id)/closure", token: w.worker,
                json: ["action": "propose", "reason": "placed", "note": "已由祖父母监护", "version": 3])
            #expect(try proposed.json(Detail.self).status == "closing")
            let byWorker = try await send(
                app, .POST, "/api/v1/child-cases/\(c.id)/closure", token: w.worker,
                json: ["action": "approve", "version": 4])
            #expect(byWorker.status == .forbidden)
            let closed = try await send(
                app, .POST, "/api/v1/child-cases/\(c.id)/closure", token: w.supervisor,
                json: ["action": "approve", "version": 4])
            #expect(try closed.json(Detail.self).status == "closed")
            #expect(try await send(app, .GET, "/api/v1/child-cases", token: w.worker).json(List.self).total == 0)
            #expect(
                try await send(app, .GET, "/api/v1/child-cases?closed=1", token: w.worker).json(List.self).total == 1)

            // Every opening was audited (the colleague's, the worker's and the supervisor's, the
            // creation's own); nothing of the report in the audit trail.
            #expect(try await Self.views(app, c.id) == 4)
            let trail = try await app.sql.raw(
                "SELECT after_json FROM audit_events WHERE entity_id = \(bind: c.id.uuidString)"
            ).all().map { try $0.decode(column: "after_json", as: String?.self) ?? "" }.joined()
            #expect(!trail.contains("王老师") && !trail.contains("淤青") && !trail.contains("13900001111"))
            // Sealed at rest.
            let stored = try #require(
                try await app.sql.raw("SELECT case_cipher FROM child_cases WHERE id = \(bind: c.id)").first()?.decode(
                    column: "case_cipher", as: String.self))
            #expect(!stored.contains("淤青"))
        }
    }

    @Test(
        "a normal hotline call: due by the end of the third working day; a mandated report needs a mandated reporter; bad fields named",
        arguments: TestDatabase.available)
    func intakeRules(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            // Friday 2026-12-04, 10:00 Beijing time.
            app.platform.clock = .fixed(BeijingTime.instant("2026-12-04T10:00")!)
            let w = try await Self.world(app)
            let call: [String: Any] = [
                "channel": "hotline", "reporterKind": "public", "concerns": ["outOfSchool"],
                "account": "邻居家孩子两周没去上学。", "childName": "李某", "childAgeYears": 12, "region": "320402001",
            ]
            let created = try await send(app, .POST, "/api/v1/child-cases", token: w.office, json: call)
            #expect(created.status == .created, "\(created.body.string)")
            let c = try created.json(Detail.self)
            #expect(c.urgency == "normal")
            // Monday, Tuesday, Wednesday: due at the end of Wednesday the 9th.
            #expect(c.responseDueAt == "2026-12-10 00:00")
            #expect(c.reporter == nil)
            for (change, field) in [
                (["channel": "mandatedReport"], "reporterKind"),
                (["concerns": [String]()], "concerns"),
                (["concerns": ["kidnap"]], "concerns"),
                (["childAgeYears": 18], "childAgeYears"),
                (["region": "320102001"], "region"),
                (["childIdNumber": residentID("32040219800101123")], "childIdNumber"),
                (["account": "  "], "account"),
                (["reporterPhone": "12345"], "reporterPhone"),
            ] as [([String: Any], String)] {
                let bad = try await send(
                    app, .POST, "/api/v1/child-cases", token: w.office, json: call.merging(change) { $1 })
                #expect(bad.status == .badRequest, "\(field): \(bad.body.string)")
                #expect(try bad.json(ErrorAnswer.self).field == field, "\(bad.body.string)")
            }
            // Only the office takes reports.
            #expect(
                try await send(app, .POST, "/api/v1/child-cases", token: w.supervisor, json: call).status == .forbidden)
            // Past the due time with no contact: overdue.
            app.platform.clock = .fixed(BeijingTime.instant("2026-12-10T09:00")!)
            let late = try await send(app, .GET, "/api/v1/child-cases/\(c.id)", token: w.office).json(Detail.self)
            #expect(late.responseOverdue)
        }
    }

    @Test(
        "a referral answered within 5 working days or chased; the answer once",
        arguments: TestDatabase.available)
    func referrals(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(BeijingTime.instant("2026-12-03T10:00")!)
            let w = try await Self.world(app)
            var body = Self.report
            body["childIdNumber"] = w.child
            let c = try await send(app, .POST, "/api/v1/child-cases", token: w.office, json: body).json(Detail.self)
            _ = try await send(
                app, .POST, "/api/v1/child-cases/\(c.id)/assignment", token: w.office,
                json: ["workerId": w.workerID.uuidString, "supervisorId": w.supervisorID.uuidString, "version": 1])
            let referred = try await send(
                app, .POST, "/api/v1/child-cases/\(c.id)/referrals", token: w.worker,
                json: ["partner": "police", "request": "请依法调查父亲的暴力行为"])
            #expect(referred.status == .ok, "\(referred.body.string)")
            let referral = try #require(try referred.json(Detail.self).referrals.first)
            #expect(referral.answerDueOn == "2026-12-10")
            #expect(!referral.overdue)
            app.platform.clock = .fixed(BeijingTime.instant("2026-12-11T10:00")!)
            let late = try await send(app, .GET, "/api/v1/child-cases/\(c.id)", token: w.worker).json(Detail.self)
            #expect(late.referrals.first?.overdue == true)
            let path = "/api/v1/child-cases/\(c.id)/answers/\(referral.id)"
            let chased = try await send(app, .POST, path, token: w.supervisor, json: ["action": "chase"])
            #expect(try chased.json(Detail.self).referrals.first?.chasedAt != nil)
            let answered = try await send(app, .POST, path, token: w.worker, json: ["answer": "已立案调查"])
            #expect(try answered.json(Detail.self).referrals.first?.answer == "已立案调查")
            let again = try await send(app, .POST, path, token: w.worker, json: ["answer": "重复"])
            #expect(again.status == .conflict)
            // Someone not on the case cannot answer either: the case does not exist for them.
            #expect(try await send(app, .POST, path, token: w.bystander, json: ["answer": "x"]).status == .notFound)
        }
    }

    @Test(
        "the pages: the office takes a call through the form, the case page shows the reporter to it, a refused step is shown in place",
        arguments: TestDatabase.available)
    func pages(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let w = try await Self.world(app)
            let office = try await PolicyPageTests.signedIn(app, role: .childWelfare, region: "3204")
            let form = try await FormVisit.open(app, "/child-cases/new", cookie: office)
            #expect(form.page.status == .ok)
            let missing = try await form.post(
                app, "/child-cases/new",
                [
                    ("channel", "hotline"), ("reporterKind", "public"), ("account", "孩子被锁在家里"),
                    ("childIdNumber", w.child),
                ])
            #expect(missing.status == .badRequest)
            #expect(missing.body.string.contains("请至少选择一项反映的情形"))
            let created = try await form.post(
                app, "/child-cases/new",
                [
                    ("channel", "hotline"), ("reporterKind", "public"), ("reporterName", "邻居刘女士"),
                    ("concerns[]", "aloneInDanger"), ("account", "孩子被锁在家里两天"), ("childIdNumber", w.child),
                ])
            #expect(created.status == .seeOther, "\(created.body.string.prefix(300))")
            let location = try #require(created.headers.first(name: .location))
            let page = try await AccountFixtures.get(app, location, cookie: office)
            #expect(page.body.string.contains("邻居刘女士"))
            #expect(page.body.string.contains("紧急"))
            let list = try await AccountFixtures.get(app, "/child-cases", cookie: office)
            #expect(list.body.string.contains("张**"))
            // A step refused: the case page again with the reason.
            let casePath = String(location.prefix { $0 != "?" })
            let visit = try await FormVisit.open(app, casePath, cookie: office)
            let refused = try await visit.post(
                app, casePath + "/assignment", [("workerId", w.workerID.uuidString), ("version", "1")])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("督导员应为"))
            // The worker's menu leads to the list; the case is not theirs.
            let worker = try await PolicyPageTests.signedIn(app, role: .communityWorker, region: "320402001")
            #expect(try await AccountFixtures.get(app, "/", cookie: worker).body.string.contains("/child-cases"))
            #expect(try await AccountFixtures.get(app, location, cookie: worker).status == .notFound)
            #expect(try await AccountFixtures.get(app, "/child-cases/new", cookie: worker).status == .forbidden)
        }
    }
}
