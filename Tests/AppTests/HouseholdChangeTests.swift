@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// Issue 13: a household's benefit follows its members — the death walk of a dibao family,
/// a member moving out, a newborn — and the street confirms or corrects each change.
@Suite("A household's benefit after a death, a move or a birth")
struct HouseholdChangeTests {
    static let headID = "32040219700312401"

    struct Family {
        let household: UUID
        let head: UUID
        let wife: UUID
        let son: UUID
        let enrollment: UUID
    }

    /// Head (wage 1 200 yuan), wife, son of 14 in 320402001, on dibao since January 2026 at
    /// (1000 − 300) × 3 + 100 = 2 200 yuan, with the wage on file as their declared means.
    static func family(_ app: Application) async throws -> Family {
        let admin = try await app.token(role: .cityAdmin, region: "3204")
        let created = try await send(
            app, .POST, "/api/v1/households", token: admin,
            json: RegistryAPITests.household(headID: residentID(headID), memberID: residentID("32040219720101402"))
        )
        .json(HouseholdDetail.self)
        let withSon = try await send(
            app, .POST, "/api/v1/households/\(created.id)/members", token: admin,
            json: [
                "relation": "child", "person": ["name": "张小军", "idNumber": residentID("32040220120501403")],
            ]
        ).json(HouseholdDetail.self)
        func member(_ relation: String) throws -> UUID {
            try #require(withSon.members.first { $0.relation == relation }?.personId)
        }
        let enrollment = try await PayrollTests.enroll(
            app, household: created.id, person: nil, item: "dibao", region: "320402001", fen: 220_000,
            start: YearMonth("2026-01")!)
        let means = DeclaredMeans(members: [
            .init(personId: try member("head").uuidString, incomes: [.init(kind: .wage, monthlyFen: 120_000)])
        ])
        try await HouseholdMeansStore(db: app.sql, cipher: app.platform.cipher)
            .save(householdID: created.id, means: means, month: YearMonth("2026-01")!, at: Date())
        return Family(
            household: created.id, head: try member("head"), wife: try member("spouse"), son: try member("child"),
            enrollment: enrollment)
    }

    static func roll(_ app: Application, _ month: String) async throws -> [(payee: UUID?, amount: Int64)] {
        let roll = try await PayrollTests.service(app, "maker").generate(
            month: YearMonth(month)!, region: RegionCode("320402")!, replace: false)
        return try await app.sql.raw("SELECT payee_id, amount_fen FROM payroll_lines WHERE roll_id = \(bind: roll.id)")
            .all()
            .map {
                (try $0.decode(column: "payee_id", as: UUID?.self), try $0.decode(column: "amount_fen", as: Int64.self))
            }
    }

    @Test(
        "the head dies on 5 January: February pays 2 100 yuan for two, the street confirms and the wife becomes head",
        arguments: TestDatabase.available)
    func deathWalk(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await Self.family(app)
            let january = try await Self.roll(app, "2026-01")
            #expect(january.map(\.amount) == [220_000])
            #expect(january.first?.payee == f.head)
            let police = try await MonitoringTests.departmentToken(app, "publicSecurity")
            let death = try await send(
                app, .POST, "/api/v1/feeds/death", token: police,
                json: [["sourceRecordId": "D-1", "idNumber": residentID(Self.headID), "deathDate": "2026-01-05"]])
            #expect(death.status == .ok)
            // (1000 − 0) × 2 + 100 (the son is a minor) = 2 100 yuan.
            #expect(try await Self.roll(app, "2026-02").map(\.amount) == [210_000])

            let street = try await app.token(role: .streetOfficer, region: "320402001")
            let queue = try await send(app, .GET, "/api/v1/enrollment-reviews", token: street).json(
                Page<EnrollmentReviewStore.Review>.self)
            let review = try #require(queue.items.first)
            #expect(queue.total == 1)
            #expect(review.change == "death" && review.personId == f.head && review.effectiveMonth == "2026-02")
            #expect(review.outcome == "newAmount" && review.oldFen == 220_000 && review.newFen == 210_000)
            #expect(review.proposedHeadId == f.wife && review.proposedHeadName == "李秀英")
            #expect(review.trace.first?.contains("在世成员 2 人") == true)
            #expect(review.trace.contains { $0.contains("2100") })

            // Grid workers see the change but it is the street's to decide; another district's officer does not see it.
            let worker = try await app.token(role: .communityWorker, region: "320402001")
            #expect(try await send(app, .GET, "/api/v1/enrollment-reviews", token: worker).status == .forbidden)
            let elsewhere = try await app.token(role: .districtOfficer, region: "320411")
            #expect(
                try await send(app, .GET, "/api/v1/enrollment-reviews/\(review.id)", token: elsewhere).status
                    == .notFound)

            let confirmed = try await send(
                app, .POST, "/api/v1/enrollment-reviews/\(review.id)", token: street,
                json: ["action": "confirm", "version": review.version])
            #expect(confirmed.status == .ok, "\(confirmed.body.string)")
            #expect(try confirmed.json(EnrollmentReviewStore.Review.self).status == "confirmed")
            let again = try await send(
                app, .POST, "/api/v1/enrollment-reviews/\(review.id)", token: street,
                json: ["action": "confirm", "version": review.version + 1])
            #expect(again.status == .conflict)
            let household = try await send(app, .GET, "/api/v1/households/\(f.household)", token: street).json(
                HouseholdDetail.self)
            #expect(household.members.first { $0.relation == "head" }?.personId == f.wife)
            #expect(try await Self.roll(app, "2026-03").map { ($0.payee, $0.amount) }.first! == (f.wife, 210_000))
            let actions = try await AccountFixtures.auditActions(app)
            #expect(
                actions.contains("enrollment.memberChange") && actions.contains("enrollment.review.confirm")
                    && actions.contains("household.headChange"))
        }
    }

    @Test(
        "a son moving out and a newborn change the amount from next month; the street corrects one",
        arguments: TestDatabase.available)
    func moveAndBirth(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await Self.family(app)
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            let (other, _) = try await PayrollTests.household(app, region: "320402001", head: "32040219500101409")
            let moved = try await send(
                app, .POST, "/api/v1/households/\(other)/members", token: admin,
                json: ["relation": "grandchild", "personId": f.son.uuidString])
            #expect(moved.status == .ok)
            let next = app.platform.clock.nextMonth.description
            let street = try await app.token(role: .streetOfficer, region: "320402001")
            var queue = try await send(app, .GET, "/api/v1/enrollment-reviews", token: street).json(
                Page<EnrollmentReviewStore.Review>.self
            ).items
            let out = try #require(queue.first { $0.change == "movedOut" })
            // Head and wife remain: the wage less 300 deducted → H 900, P 450: (1000 − 450) × 2 = 1 100 yuan.
            #expect(out.effectiveMonth == next && out.oldFen == 220_000 && out.newFen == 110_000)
            #expect(out.proposedHeadId == nil)

            let birth = try await send(
                app, .POST, "/api/v1/households/\(f.household)/members", token: admin,
                json: [
                    "relation": "child", "person": ["name": "张小妹", "idNumber": residentID("32040220260101404")],
                ])
            #expect(birth.status == .ok)
            queue = try await send(app, .GET, "/api/v1/enrollment-reviews", token: street).json(
                Page<EnrollmentReviewStore.Review>.self
            ).items
            let born = try #require(queue.first { $0.change == "joined" })
            // Three again with a baby: H 900, P 300: (1000 − 300) × 3 + 100 = 2 200 yuan.
            #expect(born.oldFen == 110_000 && born.newFen == 220_000)

            let refused = try await send(
                app, .POST, "/api/v1/enrollment-reviews/\(born.id)", token: street,
                json: ["action": "correct", "version": born.version, "amountFen": 200_000])
            #expect(try refused.json(ErrorAnswer.self).field == "note")
            let corrected = try await send(
                app, .POST, "/api/v1/enrollment-reviews/\(born.id)", token: street,
                json: ["action": "correct", "version": born.version, "amountFen": 200_000, "note": "新生儿出生证明待补"])
            #expect(try corrected.json(EnrollmentReviewStore.Review.self).status == "corrected")
            let current = try await app.sql.raw(
                "SELECT monthly_fen, status FROM enrollments WHERE id = \(bind: f.enrollment)"
            ).first()
            #expect(try current?.decode(column: "monthly_fen", as: Int64.self) == 200_000)
            #expect(try current?.decode(column: "status", as: String.self) == "active")
        }
    }

    @Test("when the last member dies the benefit ends, and no roll pays it", arguments: TestDatabase.available)
    func nobodyLeft(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (household, _) = try await PayrollTests.household(app, region: "320402001", head: "32040219300101401")
            let enrollment = try await PayrollTests.enroll(
                app, household: household, person: nil, item: "dibao", region: "320402001", fen: 100_000,
                start: YearMonth("2026-01")!)
            let police = try await MonitoringTests.departmentToken(app, "publicSecurity")
            _ = try await send(
                app, .POST, "/api/v1/feeds/death", token: police,
                json: [
                    ["sourceRecordId": "D-9", "idNumber": residentID("32040219300101401"), "deathDate": "2026-03-20"]
                ])
            let row = try await app.sql.raw("SELECT status, end_month FROM enrollments WHERE id = \(bind: enrollment)")
                .first()
            #expect(try row?.decode(column: "status", as: String.self) == "ended")
            #expect(try row?.decode(column: "end_month", as: String?.self) == "2026-03")
            #expect(try await Self.roll(app, "2026-03").map(\.amount) == [100_000])
            await #expect(throws: Refusal.self) { _ = try await Self.roll(app, "2026-04") }
            let street = try await app.token(role: .streetOfficer, region: "320402001")
            let review = try #require(
                try await send(app, .GET, "/api/v1/enrollment-reviews", token: street)
                    .json(Page<EnrollmentReviewStore.Review>.self).items.first)
            #expect(review.outcome == "ends" && review.explanation == "户内已无在世成员，待遇终止")
        }
    }
}
