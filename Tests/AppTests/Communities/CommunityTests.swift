@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// 社区治理: a street keeps its communities' two committees (terms, members, training — the city
/// sees which new members are untrained), the community workers and their computed stars, the
/// street's social-work station (the district's coverage); the city keeps the admission list, a
/// department's task outside it is recorded as 未准入 and the city sees it; communities see the
/// tasks given to them; another street's records answer 404.
@Suite("Communities: committees, workers' stars, stations, the admission list")
struct CommunityTests {
    static let today = CivilDate("2026-12-03")!
    static let community = "320402001001"

    struct Member: Decodable {
        let id: UUID
        let committeeId: UUID
        let name: String
        let idMasked: String
        let isNew: Bool
        let post: String
    }

    struct Committee: Decodable {
        let id: UUID
        let termStart: String
        let termEnd: String
        let members: [Member]
        let untrainedNew: Int
    }

    struct Members: Decodable {
        let items: [Member]
        let total: Int
    }

    struct Stars: Decodable {
        let total: Int
        let stars: Int
        let servicePoints: Int
        let evaluationPoints: Int
        let awardPoints: Int
        let cappedByIncompetent: Bool
    }

    struct Worker: Decodable {
        let id: UUID
        let name: String
        let idMasked: String
        let stars: Stars
    }

    struct Workers: Decodable {
        let items: [Worker]
        let total: Int
        let byStars: [Int]
    }

    struct Coverage: Decodable {
        struct Street: Decodable {
            let street: String
            let station: Station?
        }
        struct Station: Decodable {
            let name: String
            let staffCount: Int
        }
        let streets: [Street]
        let covered: Int
        let total: Int
    }

    struct Item: Decodable {
        let id: UUID
        let taskKind: String
        let department: String
        let active: Bool
    }

    struct Assignment: Decodable {
        let id: UUID
        let department: String
        let status: String
        let problem: String?
        let communities: [String]
        let month: String
    }

    struct Assignments: Decodable {
        let items: [Assignment]
        let total: Int
    }

    static func id(_ n: Int) -> String { residentID("32040219800101\(String(format: "%03d", n))") }

    static func member(
        _ app: Application, _ token: String, _ committee: UUID, _ n: Int, post: String = "member"
    )
        async throws -> TestingHTTPResponse
    {
        try await send(
            app, .POST, "/api/v1/community-committees/\(committee)/members", token: token,
            json: ["name": "成员\(n)", "idNumber": id(n), "body": n % 2 == 0 ? "party" : "residents", "post": post])
    }

    @Test(
        "two terms: new members, the untrained list, training, masking, another street 404",
        arguments: TestDatabase.available)
    func committees(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let street = try await app.token(role: .streetOfficer, region: "320402001")
            let city = try await app.token(role: .cityAdmin, region: "3204")
            let otherStreet = try await app.token(role: .streetOfficer, region: "320402002")

            let first = try await send(
                app, .POST, "/api/v1/community-committees", token: street,
                json: [
                    "community": Self.community, "kind": "residents", "termStart": "2021-01-10",
                    "electedOn": "2020-12-20",
                ])
            #expect(first.status == .created, "\(first.body.string)")
            let previous = try first.json(Committee.self)
            #expect(previous.termEnd == "2026-01-09")
            for n in 1...3 { #expect(try await Self.member(app, street, previous.id, n).status == .created) }
            // Training of the first term.
            let firstMembers = try await send(app, .GET, "/api/v1/community-committees/\(previous.id)", token: street)
                .json(Committee.self).members
            for m in firstMembers {
                _ = try await send(
                    app, .POST, "/api/v1/committee-members/\(m.id)/trainings", token: street,
                    json: ["course": "履职培训", "trainedOn": "2021-03-01", "hours": 8])
            }

            // Overlapping term: refused, naming termStart; a community of another street: refused.
            let overlap = try await send(
                app, .POST, "/api/v1/community-committees", token: street,
                json: [
                    "community": Self.community, "kind": "residents", "termStart": "2025-06-01",
                    "electedOn": "2025-05-20",
                ])
            #expect(overlap.status == .conflict)
            #expect(try overlap.json(ErrorAnswer.self).field == "termStart")
            let outside = try await send(
                app, .POST, "/api/v1/community-committees", token: street,
                json: [
                    "community": "320402002001", "kind": "residents", "termStart": "2026-01-10",
                    "electedOn": "2026-01-01",
                ])
            #expect(try outside.json(ErrorAnswer.self).field == "community")
            let badKind = try await send(
                app, .POST, "/api/v1/community-committees", token: street,
                json: [
                    "community": Self.community, "kind": "party", "termStart": "2026-01-10", "electedOn": "2026-01-01",
                ])
            #expect(try badKind.json(ErrorAnswer.self).field == "kind")

            // The re-election: members 2 and 3 stay, 4 and 5 are new.
            let current = try await send(
                app, .POST, "/api/v1/community-committees", token: street,
                json: [
                    "community": Self.community, "kind": "residents", "termStart": "2026-01-10",
                    "electedOn": "2025-12-28",
                ]
            ).json(Committee.self)
            for n in 2...5 { #expect(try await Self.member(app, street, current.id, n).status == .created) }
            let again = try await Self.member(app, street, current.id, 4)
            #expect(again.status == .conflict)
            let badPost = try await send(
                app, .POST, "/api/v1/community-committees/\(current.id)/members", token: street,
                json: ["name": "某", "idNumber": Self.id(9), "body": "residents", "post": "chairman"])
            #expect(try badPost.json(ErrorAnswer.self).field == "post")
            let badID = try await send(
                app, .POST, "/api/v1/community-committees/\(current.id)/members", token: street,
                json: ["name": "某", "idNumber": "3204021980", "body": "residents", "post": "member"])
            #expect(try badID.json(ErrorAnswer.self).field == "idNumber")

            let detail = try await send(app, .GET, "/api/v1/community-committees/\(current.id)", token: street)
            #expect(!detail.body.string.contains(Self.id(4)))
            let members = try detail.json(Committee.self).members
            #expect(members.count == 4 && members.allSatisfy { $0.idMasked.contains("*") })
            #expect(Set(members.filter(\.isNew).map(\.name)) == ["成员4", "成员5"])

            // The city sees the two untrained new members; the old term's trained ones are not listed.
            var untrained = try await send(app, .GET, "/api/v1/committee-members/untrained", token: city).json(
                Members.self)
            #expect(untrained.total == 2 && Set(untrained.items.map(\.name)) == ["成员4", "成员5"])
            let four = try #require(members.first { $0.name == "成员4" })
            let noHours = try await send(
                app, .POST, "/api/v1/committee-members/\(four.id)/trainings", token: street,
                json: ["course": "新任培训", "trainedOn": "2026-03-01"])
            #expect(try noHours.json(ErrorAnswer.self).field == "hours")
            let trained = try await send(
                app, .POST, "/api/v1/committee-members/\(four.id)/trainings", token: street,
                json: ["course": "新任培训", "trainedOn": "2026-03-01", "hours": 16])
            #expect(trained.status == .created)
            untrained = try await send(app, .GET, "/api/v1/committee-members/untrained", token: city).json(Members.self)
            #expect(untrained.items.map(\.name) == ["成员5"])

            // Another street: 404 on the record and the member, nothing in its lists; a grid worker 403.
            #expect(
                try await send(app, .GET, "/api/v1/community-committees/\(current.id)", token: otherStreet).status
                    == .notFound)
            #expect(
                try await send(
                    app, .POST, "/api/v1/committee-members/\(four.id)/trainings", token: otherStreet,
                    json: ["course": "x", "trainedOn": "2026-03-01", "hours": 1]
                ).status == .notFound)
            #expect(
                try await send(app, .GET, "/api/v1/committee-members/untrained", token: otherStreet).json(Members.self)
                    .total == 0)
            let grid = try await app.token(role: .communityWorker, region: "320402001")
            #expect(try await send(app, .GET, "/api/v1/community-committees", token: grid).status == .forbidden)
            // Audited.
            let events = try await app.sql.raw(
                "SELECT COUNT(*) AS n FROM audit_events WHERE action LIKE 'community.%'"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(events == 2 + 7 + 4)
        }
    }

    @Test(
        "workers: stars computed by the dated rules, 不称职 caps, filters; another street 404",
        arguments: TestDatabase.available)
    func workers(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let street = try await app.token(role: .streetOfficer, region: "320402001")
            func create(_ n: Int, started: String, _ q: String) async throws -> Worker {
                let res = try await send(
                    app, .POST, "/api/v1/community-workers", token: street,
                    json: [
                        "region": Self.community, "name": "社工\(n)", "idNumber": Self.id(n), "startedOn": started,
                        "qualification": q,
                    ])
                #expect(res.status == .created, "\(res.body.string)")
                return try res.json(Worker.self)
            }
            let a = try await create(1, started: "2010-03-01", "socialWorker")
            #expect(a.stars.servicePoints == 30 && a.stars.total == 50 && a.stars.stars == 3)
            for (year, outcome) in [(2025, "excellent"), (2024, "competent"), (2023, "competent"), (2022, "excellent")]
            {
                let res = try await send(
                    app, .POST, "/api/v1/community-workers/\(a.id)/evaluations", token: street,
                    json: ["year": year, "outcome": outcome])
                #expect(res.status == .created)
            }
            let award = try await send(
                app, .POST, "/api/v1/community-workers/\(a.id)/awards", token: street,
                json: ["level": "provincial", "title": "江苏省优秀社区工作者", "awardedOn": "2022-10-01"])
            let rated = try award.json(Worker.self)
            // 30 + 20 + (10 + 5 + 5; 2022 is outside the three years) + 20 = 90: five stars.
            #expect(rated.stars.evaluationPoints == 20 && rated.stars.awardPoints == 20)
            #expect(rated.stars.total == 90 && rated.stars.stars == 5)
            let twice = try await send(
                app, .POST, "/api/v1/community-workers/\(a.id)/evaluations", token: street,
                json: ["year": 2025, "outcome": "competent"])
            #expect(twice.status == .conflict)
            #expect(try twice.json(ErrorAnswer.self).field == "year")
            let badOutcome = try await send(
                app, .POST, "/api/v1/community-workers/\(a.id)/evaluations", token: street,
                json: ["year": 2021, "outcome": "good"])
            #expect(try badOutcome.json(ErrorAnswer.self).field == "outcome")

            let b = try await create(2, started: "2008-01-01", "senior")
            _ = try await send(
                app, .POST, "/api/v1/community-workers/\(b.id)/evaluations", token: street,
                json: ["year": 2025, "outcome": "incompetent"])
            let capped = try await send(app, .GET, "/api/v1/community-workers/\(b.id)", token: street).json(Worker.self)
            #expect(capped.stars.total == 60 && capped.stars.stars == 1 && capped.stars.cappedByIncompetent)
            _ = try await create(3, started: "2026-06-01", "none")

            let bad = try await send(
                app, .POST, "/api/v1/community-workers", token: street,
                json: [
                    "region": Self.community, "name": "某", "idNumber": Self.id(4), "startedOn": "2020-01-01",
                    "qualification": "master",
                ])
            #expect(try bad.json(ErrorAnswer.self).field == "qualification")
            let duplicate = try await send(
                app, .POST, "/api/v1/community-workers", token: street,
                json: ["region": Self.community, "name": "社工1", "idNumber": Self.id(1), "startedOn": "2020-01-01"])
            #expect(duplicate.status == .conflict)

            let all = try await send(app, .GET, "/api/v1/community-workers", token: street).json(Workers.self)
            #expect(all.total == 3 && all.byStars == [2, 0, 0, 0, 1])
            let five = try await send(app, .GET, "/api/v1/community-workers?stars=5", token: street).json(Workers.self)
            #expect(five.items.map(\.name) == ["社工1"])
            let seniors = try await send(app, .GET, "/api/v1/community-workers?qualification=senior", token: street)
                .json(Workers.self)
            #expect(seniors.items.map(\.name) == ["社工2"])
            #expect(
                try await send(app, .GET, "/api/v1/community-workers?stars=6", token: street).status == .badRequest)

            let other = try await app.token(role: .streetOfficer, region: "320402002")
            #expect(try await send(app, .GET, "/api/v1/community-workers/\(a.id)", token: other).status == .notFound)
            #expect(try await send(app, .GET, "/api/v1/community-workers", token: other).json(Workers.self).total == 0)
        }
    }

    @Test("stations: one a street, the district's coverage", arguments: TestDatabase.available)
    func stations(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let street = try await app.token(role: .streetOfficer, region: "320402001")
            let body: [String: Any] = [
                "street": "320402001", "name": "雕庄街道社工站", "openedOn": "2024-05-01", "staffCount": 4,
                "services": ["困难群众帮扶", "老年人关爱"],
            ]
            #expect(
                try await send(app, .POST, "/api/v1/social-work-stations", token: street, json: body).status == .created
            )
            #expect(
                try await send(app, .POST, "/api/v1/social-work-stations", token: street, json: body).status
                    == .conflict)
            var other = body
            other["street"] = "320402002"
            let outside = try await send(app, .POST, "/api/v1/social-work-stations", token: street, json: other)
            #expect(try outside.json(ErrorAnswer.self).field == "street")
            other["street"] = "320402001"
            other["staffCount"] = 0
            let noStaff = try await send(app, .POST, "/api/v1/social-work-stations", token: street, json: other)
            #expect(try noStaff.json(ErrorAnswer.self).field == "staffCount")

            let district = try await app.token(role: .districtOfficer, region: "320402")
            let coverage = try await send(app, .GET, "/api/v1/social-work-stations/coverage", token: district)
                .json(Coverage.self)
            let streets = app.platform.regions.streets(under: RegionCode("320402")!).count
            #expect(coverage.total == streets && coverage.covered == 1)
            #expect(coverage.streets.first { $0.street == "320402001" }?.station?.staffCount == 4)
            #expect(coverage.streets.filter { $0.station == nil }.count == streets - 1)
            let zhonglou = try await app.token(role: .districtOfficer, region: "320404")
            #expect(
                try await send(app, .GET, "/api/v1/social-work-stations/coverage?region=320402", token: zhonglou)
                    .status == .notFound)
        }
    }

    @Test(
        "admission: a task outside the list is recorded as 未准入 and seen by the city", arguments: TestDatabase.available)
    func admission(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let city = try await app.token(role: .cityAdmin, region: "3204")
            let health = try await MonitoringTests.departmentToken(app, "health")
            let education = try await MonitoringTests.departmentToken(app, "education")
            let added = try await send(
                app, .POST, "/api/v1/admission-items", token: city,
                json: ["taskKind": "重点人群健康随访提醒", "department": "health", "basis": "准入清单第13项"])
            #expect(added.status == .created)
            let item = try added.json(Item.self)
            #expect(
                try await send(
                    app, .POST, "/api/v1/admission-items", token: health,
                    json: ["taskKind": "x", "department": "health"]
                ).status == .forbidden)
            let badDepartment = try await send(
                app, .POST, "/api/v1/admission-items", token: city, json: ["taskKind": "x", "department": "police"])
            #expect(try badDepartment.json(ErrorAnswer.self).field == "department")

            func sendTask(_ token: String, _ body: [String: Any]) async throws -> TestingHTTPResponse {
                try await send(app, .POST, "/api/v1/community-assignments", token: token, json: body)
            }
            let admitted = try await sendTask(
                health,
                ["itemId": item.id.uuidString, "title": "12月高血压随访提醒", "communities": [Self.community, "320402001002"]])
            #expect(admitted.status == .created, "\(admitted.body.string)")
            #expect(try admitted.json(Assignment.self).status == "admitted")
            let otherDepartments = try await sendTask(
                education, ["itemId": item.id.uuidString, "title": "借用卫健事项", "communities": [Self.community]]
            ).json(Assignment.self)
            #expect(otherDepartments.status == "notAdmitted" && otherDepartments.problem == "otherDepartment")
            let noItem = try await sendTask(
                health, ["taskKind": "创卫迎检材料", "title": "迎检台账", "communities": ["320404001001"]]
            ).json(Assignment.self)
            #expect(noItem.status == "notAdmitted" && noItem.problem == "noItem" && noItem.department == "health")
            let noKind = try await sendTask(health, ["title": "无类别", "communities": [Self.community]])
            #expect(try noKind.json(ErrorAnswer.self).field == "taskKind")
            let badCommunity = try await sendTask(
                health, ["itemId": item.id.uuidString, "title": "x", "communities": ["320402001"]])
            #expect(try badCommunity.json(ErrorAnswer.self).field == "communities[0]")

            // The city: every 未准入 task, with the department; filters by department and month.
            let outside = try await send(
                app, .GET, "/api/v1/community-assignments?status=notAdmitted", token: city
            ).json(Assignments.self)
            #expect(outside.total == 2 && Set(outside.items.map(\.department)) == ["health", "education"])
            let byEducation = try await send(
                app, .GET, "/api/v1/community-assignments?status=notAdmitted&department=education", token: city
            ).json(Assignments.self)
            #expect(byEducation.items.map(\.id) == [otherDepartments.id])
            #expect(
                try await send(app, .GET, "/api/v1/community-assignments?month=2026-12", token: city)
                    .json(Assignments.self).total == 3)
            #expect(
                try await send(app, .GET, "/api/v1/community-assignments?month=2026-11", token: city)
                    .json(Assignments.self).total == 0)
            #expect(
                try await send(app, .GET, "/api/v1/community-assignments?month=2026-13", token: city).status
                    == .badRequest)
            // A department sees its own; a grid worker may not list them.
            let mine = try await send(app, .GET, "/api/v1/community-assignments", token: education).json(
                Assignments.self)
            #expect(mine.total == 1)
            let grid = try await app.token(role: .communityWorker, region: "320402001")
            #expect(try await send(app, .GET, "/api/v1/community-assignments", token: grid).status == .forbidden)
            // The community's tasks: those given to its communities only, each with its own communities.
            let tasks = try await send(app, .GET, "/api/v1/community-tasks", token: grid).json(Assignments.self)
            #expect(
                tasks.total == 2 && tasks.items.allSatisfy { $0.communities.allSatisfy { $0.hasPrefix("320402001") } })
            let zhonglou = try await app.token(role: .streetOfficer, region: "320404001")
            let theirs = try await send(app, .GET, "/api/v1/community-tasks", token: zhonglou).json(Assignments.self)
            #expect(theirs.items.map(\.id) == [noItem.id])

            // Withdrawn from the list: a task naming it is 未准入 (not on the list).
            #expect(
                try await send(app, .POST, "/api/v1/admission-items/\(item.id)/withdraw", token: city).json(Item.self)
                    .active == false)
            let withdrawn = try await sendTask(
                health, ["itemId": item.id.uuidString, "title": "x", "communities": [Self.community]]
            ).json(Assignment.self)
            #expect(withdrawn.problem == "notOnList")
            let sent = try await app.sql.raw(
                "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'community.assignment.send'"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(sent == 4)
        }
    }

    @Test("the demo: committees, workers with stars, stations, 未准入 tasks; the pages", arguments: TestDatabase.available)
    func demo(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await app.demoSeeder.seed(households: 120, seed: 3, today: app.platform.clock.today)
            let c = try await DemoCommunities.seed(app)
            #expect(c.committees > 0 && c.members > 0 && c.workers > 0 && c.stations > 0 && c.assignments > 0)
            let city = try await app.token(role: .cityAdmin, region: "3204")
            let workers = try await send(app, .GET, "/api/v1/community-workers", token: city).json(Workers.self)
            #expect(workers.total == c.workers && workers.byStars.reduce(0, +) == c.workers)
            let outside = try await send(app, .GET, "/api/v1/community-assignments?status=notAdmitted", token: city)
                .json(Assignments.self)
            #expect(outside.total > 0)
            let untrained = try await send(app, .GET, "/api/v1/committee-members/untrained", token: city)
                .json(Members.self)
            #expect(untrained.total > 0)
        }
    }
}
