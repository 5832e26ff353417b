@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// Issue 15 item 4: the ability-scoring contract over HTTP, assessments recorded for registry
/// persons (stored, self-care set, audited, region-scoped), the tekun care amount that
/// follows, and the reassessment due list.
@Suite("Elderly ability assessment: contract, recording, due list")
struct ElderlyAbilityTests {
    static let today = CivilDate(year: 2026, month: 11, day: 15)!

    /// The 26 items, each at its best, with `changes` applied; a total below 90 is taken off
    /// the items from the last one back (意识水平 stays awake).
    static func items(total: Int = 90, _ changes: [String: Int] = [:]) -> [String: Int] {
        var items: [String: Int] = [:]
        var off = 90 - total
        for item in AbilityItem.allCases.reversed() {
            let take = item == .consciousness ? 0 : min(off, item.maximum)
            items[item.rawValue] = item.maximum - take
            off -= take
        }
        return items.merging(changes) { _, new in new }
    }

    static func request(
        total: Int = 90, coma: Bool = false, diagnoses: [String] = [], risk: Int = 0
    ) -> [String: Any] {
        ["items": items(total: total), "coma": coma, "diagnoses": diagnoses, "riskEvents30Days": risk]
    }

    static func assessment(
        total: Int, on day: CivilDate = today, reason: String = "yearly", assessors: [String] = ["张丽", "陈伟"]
    ) -> [String: Any] {
        request(total: total).merging([
            "assessedOn": day.description, "reason": reason, "assessors": assessors,
        ]) { _, new in new }
    }

    /// A person of 76 alone in a household of `region`.
    static func elder(_ app: Application, region: String, id: String) async throws -> (UUID, UUID) {
        try await PayrollTests.household(app, region: region, head: id)
    }

    // MARK: the contract

    @Test("POST /api/v1/ability-scores answers the contract and stores nothing", arguments: TestDatabase.available)
    func scores(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let token = try await app.token(role: .communityWorker, region: "320402001")
            let res = try await send(
                app, .POST, "/api/v1/ability-scores", token: token,
                json: Self.request(diagnoses: ["F01"], risk: 2))
            #expect(res.status == .ok)
            #expect(
                res.body.string
                    == #"{"changes":["diagnosis","riskEvents"],"finalLevel":1,"indicators":{"basicMotor":15,"mentalState":28,"perceptionSocial":15,"selfCare":32},"preliminaryLevel":0,"total":90}"#
            )
            let coma = try await send(
                app, .POST, "/api/v1/ability-scores", token: token, json: Self.request(total: 60, coma: true))
            #expect(try coma.value("finalLevel", as: Int.self) == 4)
            #expect(try coma.value("changes", as: [String].self) == ["coma"])
            #expect(
                try await app.sql.raw("SELECT COUNT(*) AS n FROM ability_assessments").first()?.decode(
                    column: "n", as: Int.self) == 0)
        }
    }

    @Test("each kind of refusal is a 400 naming the field", arguments: TestDatabase.available)
    func refusals(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let token = try await app.token(role: .streetOfficer, region: "320402001")
            var missing = Self.request()
            missing["items"] = Self.items().filter { $0.key != "stairs" }
            let cases: [(Any, String)] = [
                (missing, "items.stairs"),
                (Self.request().merging(["items": Self.items(["stairs": 4])]) { _, n in n }, "items.stairs"),
                (Self.request().merging(["items": Self.items(["vision": -1])]) { _, n in n }, "items.vision"),
                (Self.request().merging(["items": Self.items(["walkng": 4])]) { _, n in n }, "items.walkng"),
                (Self.request().merging(["comma": false]) { _, n in n }, "comma"),
                (Self.request(diagnoses: ["F01", "dementia"]), "diagnoses[1]"),
                (Self.request(risk: -1), "riskEvents30Days"),
            ]
            for (body, field) in cases {
                let res = try await send(app, .POST, "/api/v1/ability-scores", token: token, json: body)
                #expect(res.status == .badRequest, "\(field): \(res.body.string)")
                let answer = try res.json(ErrorAnswer.self)
                #expect(answer.field == field, "\(res.body.string)")
            }
            let out = try await send(
                app, .POST, "/api/v1/ability-scores", token: token,
                json: Self.request().merging(["items": Self.items(["stairs": 4])]) { _, n in n })
            #expect(try out.json(ErrorAnswer.self).error.contains("上下楼梯"))
            let empty = try await send(app, .POST, "/api/v1/ability-scores", token: token)
            #expect(empty.status == .badRequest)
        }
    }

    // MARK: recording

    @Test(
        "an assessment is stored, sets the person's self-care through an audited edit, and stays in its region",
        arguments: TestDatabase.available)
    func records(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let (_, person) = try await Self.elder(app, region: "320402001", id: "32040219500101401")
            let officer = try await app.token(role: .streetOfficer, region: "320402001")
            let res = try await send(
                app, .POST, "/api/v1/persons/\(person)/ability-assessments", token: officer,
                json: Self.assessment(total: 50))
            #expect(res.status == .created, "\(res.body.string)")
            let record = try res.json(AbilityAssessmentRecord.self)
            #expect(record.total == 50)
            #expect(record.indicators["selfCare"] == 32)
            #expect(record.preliminaryLevel == 2)
            #expect(record.finalLevel == 2)
            #expect(record.assessors == ["张丽", "陈伟"])
            #expect(record.nextDueOn == "2027-11-15")
            #expect(record.answers?.items["socialInteraction"] == 0)

            let stored = try await send(app, .GET, "/api/v1/persons/\(person)", token: officer)
            #expect(try stored.value("selfCare", as: String.self) == "partial")
            let events = try await app.sql.raw(
                "SELECT action, entity_id FROM audit_events WHERE action IN ('ability.assessment.record', 'person.update') ORDER BY sequence"
            ).all().map { try $0.decode(column: "action", as: String.self) }
            #expect(events == ["ability.assessment.record", "person.update"])

            let list = try await send(
                app, .GET, "/api/v1/persons/\(person)/ability-assessments", token: officer
            ).json([AbilityAssessmentRecord].self)
            #expect(list.map(\.id) == [record.id])

            // Outside the region: 404 (its existence not revealed); a role that may not assess: 403.
            let otherStreet = try await app.token(role: .streetOfficer, region: "320402002")
            let otherDistrict = try await app.token(role: .districtOfficer, region: "320404")
            let auditor = try await app.token(role: .auditor, region: "320402")
            for token in [otherStreet, otherDistrict] {
                let post = try await send(
                    app, .POST, "/api/v1/persons/\(person)/ability-assessments", token: token,
                    json: Self.assessment(total: 90))
                #expect(post.status == .notFound)
                let get = try await send(app, .GET, "/api/v1/persons/\(person)/ability-assessments", token: token)
                #expect(get.status == .notFound)
            }
            let audited = try await send(
                app, .POST, "/api/v1/persons/\(person)/ability-assessments", token: auditor,
                json: Self.assessment(total: 90))
            #expect(audited.status == .forbidden)
            #expect(
                try await send(app, .GET, "/api/v1/persons/\(person)/ability-assessments", token: auditor).status
                    == .ok)

            // The record's own refusals name the field.
            let refusals: [([String: Any], String)] = [
                (Self.assessment(total: 90, on: Self.today.adding(days: 1)), "assessedOn"),
                (Self.assessment(total: 90, on: Self.today.adding(days: -1)), "assessedOn"),
                (Self.assessment(total: 90, assessors: ["张丽"]), "assessors"),
                (Self.assessment(total: 90, assessors: ["张丽", "张丽"]), "assessors[1]"),
                (Self.assessment(total: 90, reason: "whim"), "reason"),
                (
                    Self.assessment(total: 90).merging(["items": Self.items(["eating": 5])]) { _, n in n },
                    "items.eating"
                ),
            ]
            for (body, field) in refusals {
                let refused = try await send(
                    app, .POST, "/api/v1/persons/\(person)/ability-assessments", token: officer, json: body)
                #expect(refused.status == .badRequest, "\(field): \(refused.body.string)")
                #expect(try refused.json(ErrorAnswer.self).field == field, "\(refused.body.string)")
            }
            #expect(
                try await app.sql.raw("SELECT COUNT(*) AS n FROM ability_assessments").first()?.decode(
                    column: "n", as: Int.self) == 1)
        }
    }

    @Test(
        "a tekun person's care amount follows an assessment that lowers self-care, from next month",
        arguments: TestDatabase.available)
    func tekunFollows(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let (household, person) = try await Self.elder(app, region: "320402001", id: "32040219500101401")
            try await HouseholdMeansStore(db: app.sql, cipher: app.platform.cipher).save(
                householdID: household,
                means: DeclaredMeans(
                    members: [.init(personId: person.uuidString, hasCapableSupporter: false)], residentialProperties: 1),
                month: Self.today.yearMonth, at: Date())
            // 1.3 × 1 000 + 20 % × 1 000 (full self-care) = 1 500 yuan.
            let enrollment = try await PayrollTests.enroll(
                app, household: household, person: person, item: "tekun", region: "320402001", fen: 150000,
                start: YearMonth("2026-01")!)
            let officer = try await app.token(role: .streetOfficer, region: "320402001")
            let res = try await send(
                app, .POST, "/api/v1/persons/\(person)/ability-assessments", token: officer,
                json: Self.assessment(total: 35))
            #expect(res.status == .created, "\(res.body.string)")
            #expect(try res.value("finalLevel", as: Int.self) == 3)
            // Level 3: no self-care, 100 % of the standard: 1 300 + 1 000 = 2 300 yuan from December.
            #expect(try await Self.amount(app, enrollment, in: "2026-11") == 150000)
            #expect(try await Self.amount(app, enrollment, in: "2026-12") == 230000)
            let recalculated = try await app.sql.raw(
                "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'payroll.recalculate'"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(recalculated == 1)

            // Assessed again at level 1: full self-care, back to 1 500.
            let again = try await send(
                app, .POST, "/api/v1/persons/\(person)/ability-assessments", token: officer,
                json: Self.assessment(total: 80, reason: "onRequest"))
            #expect(again.status == .created)
            #expect(try await Self.amount(app, enrollment, in: "2026-12") == 150000)

            // A registry edit of self-care goes the same way: partial, 50 %, 1 800 yuan.
            let current = try await send(app, .GET, "/api/v1/persons/\(person)", token: officer).json(PersonDetail.self)
            let edited = try await send(
                app, .PATCH, "/api/v1/persons/\(person)", token: officer,
                json: ["version": current.version, "selfCare": "partial"])
            #expect(edited.status == .ok, "\(edited.body.string)")
            #expect(try await Self.amount(app, enrollment, in: "2026-12") == 180000)
        }
    }

    static func amount(_ app: Application, _ enrollment: UUID, in month: String) async throws -> Int64? {
        try await app.sql.raw(
            """
            SELECT monthly_fen FROM enrollment_amounts WHERE enrollment_id = \(bind: enrollment)
              AND from_month <= \(bind: month) AND (to_month IS NULL OR to_month >= \(bind: month))
            """
        ).first()?.decode(column: "monthly_fen", as: Int64.self)
    }

    // MARK: the due list

    @Test(
        "the due list: reassessment due within 30 days or overdue, by the latest assessment, within the region",
        arguments: TestDatabase.available)
    func dueList(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            let officer = try await app.token(role: .streetOfficer, region: "320402001")
            let (_, soon) = try await Self.elder(app, region: "320402001", id: "32040219500101401")
            let (_, overdue) = try await Self.elder(app, region: "320402001", id: "32040219510101401")
            let (_, recent) = try await Self.elder(app, region: "320402001", id: "32040219520101401")
            let (_, elsewhere) = try await Self.elder(app, region: "320404001", id: "32040419500101401")
            // Assessed on 2025-12-01 (due 2026-12-01, within 30 days of 2026-11-15), 2025-10-01
            // (overdue), 2026-06-01 (not due), and 2025-10-01 in another district.
            app.platform.clock = .fixed(Self.today)
            for (person, day) in [
                (soon, "2025-12-01"), (overdue, "2025-10-01"), (recent, "2026-06-01"), (elsewhere, "2025-10-01"),
            ] {
                let res = try await send(
                    app, .POST, "/api/v1/persons/\(person)/ability-assessments", token: admin,
                    json: Self.assessment(total: 70, on: CivilDate(day)!))
                #expect(res.status == .created, "\(res.body.string)")
            }
            let due = try await send(app, .GET, "/api/v1/ability-assessments/due", token: officer).json(
                [AbilityDueRow].self)
            #expect(due.map(\.personId) == [overdue, soon])
            #expect(due.map(\.overdue) == [true, false])
            #expect(due.map(\.nextDueOn) == ["2026-10-01", "2026-12-01"])
            let cityWide = try await send(app, .GET, "/api/v1/ability-assessments/due", token: admin).json(
                [AbilityDueRow].self)
            #expect(Set(cityWide.map(\.personId)) == [overdue, soon, elsewhere])

            // Reassessed on request: off the list (the latest assessment counts).
            let res = try await send(
                app, .POST, "/api/v1/persons/\(overdue)/ability-assessments", token: officer,
                json: Self.assessment(total: 70, reason: "onRequest"))
            #expect(res.status == .created)
            let after = try await send(app, .GET, "/api/v1/ability-assessments/due", token: officer).json(
                [AbilityDueRow].self)
            #expect(after.map(\.personId) == [soon])

            // A longer interval (a dated parameter) moves the next due date.
            _ = try await PolicyStore(db: app.sql).addVersion(
                PolicyParameterRow(
                    regionCode: "3204", key: .abilityReassessmentMonths, fromMonth: YearMonth("2026-11")!, value: 24),
                note: "test", createdBy: "test", at: Date())
            let longer = try await send(
                app, .POST, "/api/v1/persons/\(recent)/ability-assessments", token: officer,
                json: Self.assessment(total: 70, reason: "afterHospital"))
            #expect(try longer.value("nextDueOn", as: String.self) == "2028-11-15")
        }
    }

    // MARK: the pages

    @Test(
        "a street officer records an assessment from the person's page and sees the result; others may not",
        arguments: TestDatabase.available)
    func pages(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let (_, person) = try await Self.elder(app, region: "320402001", id: "32040219500101401")
            let cookie = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402001")
            let page = try await FormVisit.open(app, "/persons/\(person)", cookie: cookie)
            #expect(page.page.body.string.contains("老年人能力评估"))
            #expect(page.page.body.string.contains("/persons/\(person)/ability-assessments/new"))
            let form = try await FormVisit.open(app, "/persons/\(person)/ability-assessments/new", cookie: cookie)
            #expect(form.page.status == .ok)
            #expect(form.page.body.string.contains("上下楼梯"))
            #expect(form.page.body.string.contains("感知觉与社会参与"))
            var fields: [(String, String)] = [
                ("assessedOn", Self.today.description), ("reason", "initial"), ("assessor1", "张丽"),
                ("assessor2", "陈伟"), ("diagnoses", "F01"), ("riskEvents30Days", "0"),
            ]
            let items = Self.items(total: 70)
            // Without 上下楼梯: refused in place, naming it.
            let refused = try await form.post(
                app, "/persons/\(person)/ability-assessments",
                fields
                    + items.filter { $0.key != "stairs" }.map {
                        ($0.key, String($0.value))
                    })
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("上下楼梯"))
            fields += items.map { ($0.key, String($0.value)) }
            let saved = try await form.post(app, "/persons/\(person)/ability-assessments", fields)
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers.first(name: .location))
            #expect(location.hasPrefix("/ability-assessments/"))
            let result = try await FormVisit.open(app, location, cookie: cookie).page
            #expect(result.status == .ok)
            let html = result.body.string
            // 70 → level 1, raised by the diagnosis to 2 (部分自理).
            for text in ["自理能力", "32", "70", "1 级", "2 级", "确诊痴呆", "部分自理", "2027-11-15"] {
                #expect(html.contains(text), "\(text)")
            }
            let section = try await FormVisit.open(app, "/persons/\(person)", cookie: cookie).page.body.string
            #expect(section.contains("部分自理"))
            #expect(section.contains("2027-11-15"))

            // Someone of 36 has no such section.
            let (_, young) = try await Self.elder(app, region: "320402001", id: "32040219900101401")
            let youngPage = try await FormVisit.open(app, "/persons/\(young)", cookie: cookie).page.body.string
            #expect(!youngPage.contains("老年人能力评估"))

            let due = try await FormVisit.open(app, "/ability-assessments/due", cookie: cookie).page
            #expect(due.status == .ok)
            #expect(due.body.string.contains("暂无到期复评"))

            // Roles: the auditor sees the result but may not record or work the due list; another
            // district sees nothing.
            let auditor = try await PolicyPageTests.signedIn(app, role: .auditor, region: "320402")
            #expect(try await FormVisit.open(app, location, cookie: auditor).page.status == .ok)
            #expect(
                try await FormVisit.open(app, "/persons/\(person)/ability-assessments/new", cookie: auditor).page
                    .status == .forbidden)
            #expect(
                try await FormVisit.open(app, "/ability-assessments/due", cookie: auditor).page.status == .forbidden)
            let other = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320404")
            #expect(try await FormVisit.open(app, location, cookie: other).page.status == .notFound)
            #expect(
                try await FormVisit.open(app, "/persons/\(person)/ability-assessments/new", cookie: other).page
                    .status == .notFound)
        }
    }

    @Test("the demo seeds assessments, some due", arguments: TestDatabase.available)
    func demo(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let today = app.platform.clock.today
            _ = try await app.demoSeeder.seed(households: 200, seed: 1, today: today)
            let n = try await app.demoAbilityAssessments.seed(today: today)
            #expect(n > 50)
            #expect(try await app.demoAbilityAssessments.seed(today: today) == 0)
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            let due = try await send(app, .GET, "/api/v1/ability-assessments/due", token: admin).json(
                [AbilityDueRow].self)
            #expect(!due.isEmpty)
            #expect(due.count < n)
            // Seeded to the registry's self-care: nothing followed.
            let mismatched = try await app.sql.raw(
                """
                SELECT COUNT(*) AS n FROM ability_assessments a JOIN persons p ON p.id = a.person_id
                WHERE (a.final_level <= 1 AND p.self_care <> 'full') OR (a.final_level = 2 AND p.self_care <> 'partial')
                   OR (a.final_level >= 3 AND p.self_care <> 'none')
                """
            ).first()?.decode(column: "n", as: Int.self)
            #expect(mismatched == 0)
        }
    }
}
