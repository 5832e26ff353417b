@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// The rating of social organisations (issue 17 item 3): an application by the organisation,
/// reviewers assigned with conflicts excluded, sheets validated per section, the mean to one
/// decimal, publicity, the grade and its expiry on the organisation; exclusions; who sees what.
@Suite("Social organisations: rating (等级评估)")
struct RatingTests {
    struct Submission: Decodable {
        let id: UUID
        let version: Int
        let organisationId: UUID
        let status: String
        let total: String?
        let totalTenths: Int?
        let gradeName: String?
        let publicityUntil: String?
        let expiresOn: String?
    }

    struct Assignment: Decodable {
        let reviewerId: UUID
        let total: Int?
    }

    struct Detail: Decodable {
        let application: Submission
        let assignments: [Assignment]
    }

    struct List: Decodable {
        let items: [Submission]
        let total: Int
    }

    struct Reviewer: Decodable {
        let id: UUID
        let name: String
    }

    struct Grade: Decodable {
        let gradeName: String
        let expiresOn: String
        let current: Bool
    }

    struct OrganisationDetail: Decodable {
        let grade: Grade?
    }

    static let today = CivilDate(year: 2026, month: 3, day: 10)!

    static func sheet(_ b: Int, _ g: Int, _ w: Int, _ s: Int, expert: UUID? = nil) -> [String: Any] {
        var json: [String: Any] = ["basic": b, "governance": g, "performance": w, "social": s]
        if let expert { json["reviewerId"] = expert.uuidString }
        return json
    }

    static func expert(_ app: Application, _ clerk: String, _ name: String) async throws -> Reviewer {
        let res = try await send(
            app, .POST, "/api/v1/rating-reviewers", token: clerk, json: ["name": name, "affiliation": "常州大学"])
        #expect(res.status == .created, "\(res.body.string)")
        return try res.json(Reviewer.self)
    }

    /// A street officer's account on the pool: its token and its reviewer id.
    static func staffReviewer(_ app: Application, _ clerk: String) async throws -> (String, UUID) {
        let username = "rev\(UUID().uuidString.prefix(6))"
        let token = try await app.token(role: .streetOfficer, region: "320402001", username: username)
        let user = try #require(
            try await app.sql.raw("SELECT id FROM users WHERE username = \(bind: username)").first()?.decode(
                column: "id", as: UUID.self))
        let res = try await send(
            app, .POST, "/api/v1/rating-reviewers", token: clerk,
            json: ["userId": user.uuidString, "affiliation": "天宁区民政局"])
        #expect(res.status == .created, "\(res.body.string)")
        return (token, try res.json(Reviewer.self).id)
    }

    @Test(
        "applied by the organisation, a conflicted reviewer refused, sheets checked per section, 949.7 published as 4A, decided after publicity with a 5-year expiry that lapses",
        arguments: TestDatabase.available)
    func throughTheSteps(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let clerk = try await app.token(role: .districtOfficer, region: "320402")
            let organisation = try await OrganisationTests.create(app, clerk, OrganisationTests.body())
            let secretary = try await OrganisationTests.account(app, clerk, organisation.id, "org-rated")

            let applied = try await send(app, .POST, "/api/v1/ratings", token: secretary, json: [String: Any]())
            #expect(applied.status == .created, "\(applied.body.string)")
            let application = try applied.json(Submission.self)
            #expect(application.status == "scoring" && application.organisationId == organisation.id)
            let again = try await send(app, .POST, "/api/v1/ratings", token: secretary, json: [String: Any]())
            #expect(again.status == .conflict)

            let (staff, staffID) = try await Self.staffReviewer(app, clerk)
            let first = try await Self.expert(app, clerk, "顾建国")
            let second = try await Self.expert(app, clerk, "钱雅琴")
            let conflicted = try await Self.expert(app, clerk, "沈立新")
            let path = "/api/v1/ratings/\(application.id)"
            // Worked there until 2024-01-01: within 3 years, refused; paid in 2022: outside, fine.
            let declared = try await send(
                app, .POST, "/api/v1/rating-reviewers/\(conflicted.id)/declarations", token: clerk,
                json: ["organisationId": organisation.id.uuidString, "relation": "employed", "endedOn": "2024-01-01"])
            #expect(declared.status == .created, "\(declared.body.string)")
            _ = try await send(
                app, .POST, "/api/v1/rating-reviewers/\(first.id)/declarations", token: clerk,
                json: ["organisationId": organisation.id.uuidString, "relation": "paid", "endedOn": "2022-12-31"])
            let refused = try await send(
                app, .POST, "\(path)/reviewers", token: clerk, json: ["reviewerId": conflicted.id.uuidString])
            #expect(refused.status == .conflict)
            #expect(try refused.json(ErrorAnswer.self).field == "reviewerId")
            #expect(try refused.json(ErrorAnswer.self).error.contains("回避"))
            for reviewer in [staffID, first.id, second.id] {
                let res = try await send(
                    app, .POST, "\(path)/reviewers", token: clerk, json: ["reviewerId": reviewer.uuidString])
                #expect(res.status == .ok, "\(res.body.string)")
            }
            // The organisation cannot assign; nobody scores for a reviewer with an account.
            #expect(
                try await send(
                    app, .POST, "\(path)/reviewers", token: secretary, json: ["reviewerId": second.id.uuidString]
                ).status == .forbidden)
            let early = try await send(app, .POST, "\(path)/publicity", token: clerk, json: ["version": 1])
            #expect(early.status == .conflict)

            // The staff reviewer: a section above its maximum is named; then the sheet.
            let over = try await send(app, .POST, "\(path)/scores", token: staff, json: Self.sheet(60, 341, 420, 130))
            #expect(over.status == .badRequest)
            #expect(try over.json(ErrorAnswer.self).field == "governance")
            let scored = try await send(app, .POST, "\(path)/scores", token: staff, json: Self.sheet(60, 330, 400, 160))
            #expect(scored.status == .ok, "\(scored.body.string)")
            #expect(try scored.json(Detail.self).assignments.map(\.total) == [950])
            #expect(
                try await send(
                    app, .POST, "\(path)/scores", token: clerk, json: Self.sheet(60, 330, 400, 160, expert: staffID)
                ).status == .forbidden)
            // The outside experts' sheets, entered by the clerk: 950, 949.
            for (expert, social) in [(first.id, 160), (second.id, 159)] {
                let res = try await send(
                    app, .POST, "\(path)/scores", token: clerk, json: Self.sheet(60, 330, 400, social, expert: expert))
                #expect(res.status == .ok, "\(res.body.string)")
            }
            // The staff reviewer sees the application, only their own sheet; the organisation none.
            let seen = try await send(app, .GET, path, token: staff).json(Detail.self)
            #expect(seen.assignments.map(\.reviewerId) == [staffID])
            #expect(try await send(app, .GET, path, token: secretary).json(Detail.self).assignments.isEmpty)
            #expect(try await send(app, .GET, "/api/v1/ratings", token: staff).json(List.self).total == 1)

            let published = try await send(app, .POST, "\(path)/publicity", token: clerk, json: ["version": 1])
            #expect(published.status == .ok, "\(published.body.string)")
            let publicised = try published.json(Submission.self)
            #expect(publicised.status == "publicity")
            #expect(publicised.total == "949.7" && publicised.totalTenths == 9497 && publicised.gradeName == "4A")
            #expect(publicised.publicityUntil == "2026-03-17")
            // Scoring is over; the decision waits for the publicity.
            #expect(
                try await send(app, .POST, "\(path)/scores", token: staff, json: Self.sheet(60, 340, 420, 180)).status
                    == .conflict)
            #expect(
                try await send(app, .POST, "\(path)/decision", token: clerk, json: ["version": 2]).status == .conflict)
            app.platform.clock = .fixed(CivilDate(year: 2026, month: 3, day: 18)!)
            let decided = try await send(app, .POST, "\(path)/decision", token: clerk, json: ["version": 2])
            #expect(decided.status == .ok, "\(decided.body.string)")
            #expect(try decided.json(Submission.self).expiresOn == "2031-03-18")

            let record = try await send(app, .GET, "/api/v1/organisations/\(organisation.id)", token: clerk)
            let grade = try #require(try record.json(OrganisationDetail.self).grade)
            #expect(grade.gradeName == "4A" && grade.current && grade.expiresOn == "2031-03-18")
            app.platform.clock = .fixed(CivilDate(year: 2031, month: 3, day: 18)!)
            let lapsed = try #require(
                try await send(app, .GET, "/api/v1/organisations/\(organisation.id)", token: clerk).json(
                    OrganisationDetail.self
                ).grade)
            #expect(!lapsed.current)

            let actions = try await app.sql.raw(
                "SELECT DISTINCT action FROM audit_events WHERE action LIKE 'rating.%' ORDER BY action"
            ).all().map { try $0.decode(column: "action", as: String.self) }
            #expect(
                actions == [
                    "rating.apply", "rating.assign", "rating.decide", "rating.declare", "rating.publicise",
                    "rating.reviewer.add", "rating.score",
                ])
        }
    }

    @Test(
        "excluded, naming why: the abnormal list, a penalty within 2 years, an inspection not 合格",
        arguments: TestDatabase.available)
    func exclusions(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let clerk = try await app.token(role: .districtOfficer, region: "320402")
            let listed = try await OrganisationTests.create(app, clerk, OrganisationTests.body(body: "MJ100011"))
            try await app.sql.raw("UPDATE organisations SET status = 'abnormal' WHERE id = \(bind: listed.id)").run()
            let res = try await send(
                app, .POST, "/api/v1/ratings", token: clerk, json: ["organisationId": listed.id.uuidString])
            #expect(res.status == .conflict)
            #expect(try res.json(ErrorAnswer.self).error.contains("活动异常名录"))

            let penalised = try await OrganisationTests.create(app, clerk, OrganisationTests.body(body: "MJ100012"))
            let penalty = try await send(
                app, .POST, "/api/v1/organisations/\(penalised.id)/penalties", token: clerk,
                json: ["decidedOn": "2025-06-01", "reason": "违规收费"])
            #expect(penalty.status == .created, "\(penalty.body.string)")
            let refused = try await send(
                app, .POST, "/api/v1/ratings", token: clerk, json: ["organisationId": penalised.id.uuidString])
            #expect(refused.status == .conflict)
            #expect(try refused.json(ErrorAnswer.self).error.contains("行政处罚"))

            let inspected = try await OrganisationTests.create(app, clerk, OrganisationTests.body(body: "MJ100013"))
            let secretary = try await OrganisationTests.account(app, clerk, inspected.id, "org-inspected")
            #expect(
                try await send(
                    app, .POST, "/api/v1/organisations/\(inspected.id)/reports", token: secretary,
                    json: OrganisationTests.report(year: 2025)
                ).status == .created)
            #expect(
                try await send(
                    app, .POST, "/api/v1/organisations/\(inspected.id)/reports/2025/review", token: clerk,
                    json: ["outcome": "unqualified", "note": "未按章程换届", "version": 1]
                ).status == .ok)
            let unqualified = try await send(app, .POST, "/api/v1/ratings", token: secretary, json: [String: Any]())
            #expect(unqualified.status == .conflict)
            #expect(try unqualified.json(ErrorAnswer.self).error.contains("2025 年度年检结论为不合格"))
            #expect(try await app.sql.raw("SELECT id FROM rating_applications").all().isEmpty)
        }
    }

    @Test(
        "an organisation's account sees only its own applications (404 otherwise); an unassigned reviewer 404; a resident 403",
        arguments: TestDatabase.available)
    func ownOnly(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let clerk = try await app.token(role: .districtOfficer, region: "320402")
            let zhonglou = try await app.token(role: .districtOfficer, region: "320404")
            let mine = try await OrganisationTests.create(app, clerk, OrganisationTests.body(body: "MJ100021"))
            let theirs = try await OrganisationTests.create(app, clerk, OrganisationTests.body(body: "MJ100022"))
            let secretary = try await OrganisationTests.account(app, clerk, mine.id, "org-mine")
            let own = try await send(app, .POST, "/api/v1/ratings", token: secretary, json: [String: Any]()).json(
                Submission.self)
            let other = try await send(
                app, .POST, "/api/v1/ratings", token: clerk, json: ["organisationId": theirs.id.uuidString]
            ).json(Submission.self)
            #expect(other.organisationId == theirs.id)
            // An organisation's account applies for its own only, whatever id it sends.
            #expect(
                try await send(
                    app, .POST, "/api/v1/ratings", token: secretary, json: ["organisationId": theirs.id.uuidString]
                ).status == .conflict)
            #expect(try await send(app, .GET, "/api/v1/ratings/\(own.id)", token: secretary).status == .ok)
            #expect(try await send(app, .GET, "/api/v1/ratings/\(other.id)", token: secretary).status == .notFound)
            #expect(
                try await send(app, .GET, "/api/v1/ratings", token: secretary).json(List.self).items.map(\.id) == [
                    own.id
                ])
            // Another district's clerk, a reviewer not assigned: 404; a resident: 403.
            #expect(try await send(app, .GET, "/api/v1/ratings/\(own.id)", token: zhonglou).status == .notFound)
            #expect(try await send(app, .GET, "/api/v1/ratings", token: zhonglou).json(List.self).total == 0)
            let (staff, _) = try await Self.staffReviewer(app, clerk)
            #expect(try await send(app, .GET, "/api/v1/ratings/\(own.id)", token: staff).status == .notFound)
            #expect(
                try await send(
                    app, .POST, "/api/v1/ratings/\(own.id)/scores", token: staff, json: Self.sheet(1, 1, 1, 1)
                )
                .status == .notFound)
            let resident = try await app.token(role: .resident, region: "320402001")
            #expect(try await send(app, .GET, "/api/v1/ratings", token: resident).status == .forbidden)
            #expect(try await send(app, .GET, "/api/v1/rating-reviewers", token: secretary).status == .forbidden)
        }
    }

    @Test(
        "the demo rates organisations (5A among them, one grade past its expiry) and leaves some scoring",
        arguments: TestDatabase.available)
    func demo(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            try await DemoOrganisations.seed(app, count: 200)
            let (rated, open) = try await DemoRatings.seed(app)
            #expect(rated >= 10 && open >= 6)
            let fiveA = try await app.sql.raw(
                "SELECT COUNT(*) AS n FROM organisations WHERE rating_grade = 5 AND rating_expires_on > \(bind: Self.today.description)"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(fiveA == 5)
            let lapsed = try await app.sql.raw(
                "SELECT COUNT(*) AS n FROM organisations WHERE rating_expires_on <= \(bind: Self.today.description)"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(lapsed == 1)
            let statuses = try await app.sql.raw(
                "SELECT status, COUNT(*) AS n FROM rating_applications GROUP BY status ORDER BY status"
            ).all().map {
                "\(try $0.decode(column: "status", as: String.self))=\(try $0.decode(column: "n", as: Int.self))"
            }
            #expect(statuses == ["decided=13", "publicity=2", "scoring=6"])
        }
    }
}
