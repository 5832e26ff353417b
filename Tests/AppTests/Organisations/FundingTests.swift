@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// 五社联动 project funding (issue 17 item 5) through the API: a round, proposals within the cap,
/// scores by the rating's reviewers, awards in score order within the budget, never below 60,
/// and payments only on accepted milestone reports.
@Suite("Social organisations: 五社联动 funding rounds")
struct FundingTests {
    struct Proposal: Decodable {
        let id: UUID
        let status: String
        let awardFen: Int64?
        let meanTenths: Int?
    }

    struct Round: Decodable {
        struct Info: Decodable {
            let id: UUID
            let version: Int
            let status: String
        }
        struct Total: Decodable {
            let key: String
            let awardFen: Int64
            let paidFen: Int64
        }
        let round: Info
        let proposals: [Proposal]
        let awardedFen: Int64
        let byTopic: [Total]
        let byDistrict: [Total]
    }

    struct Milestone: Decodable {
        let milestone: String
        let acceptedOn: String?
        let paidFen: Int64?
    }

    @Test(
        "awards in score order within the budget, never below 60; payments 40/40/20 only on accepted milestone reports",
        arguments: TestDatabase.available)
    func round(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(CivilDate(year: 2026, month: 3, day: 10)!)
            let clerk = try await app.token(role: .districtOfficer, region: "320402")
            let created = try await send(
                app, .POST, "/api/v1/funding-rounds", token: clerk,
                json: [
                    "name": "2026 年天宁区公益创投", "budgetFen": 25_000_000, "capFen": 10_000_000,
                    "topics": ["为老服务", "儿童关爱"], "closesOn": "2026-03-31",
                ] as [String: Any])
            #expect(created.status == .created, "\(created.body.string)")
            let roundID = try created.value("id", as: UUID.self)
            // A budget past any real one (Int64's limit) is a 400 naming it, not an overflow later.
            let huge = try await send(
                app, .POST, "/api/v1/funding-rounds", token: clerk,
                json: [
                    "name": "过大的预算", "budgetFen": Int64.max, "capFen": Int64.max / 2, "topics": ["为老服务"],
                    "closesOn": "2026-03-31",
                ] as [String: Any])
            #expect(huge.status == .badRequest)
            #expect(try huge.json(ErrorAnswer.self).field == "budgetFen")
            var proposals: [UUID] = []
            var secretaries: [String] = []
            for (i, fen) in [10_000_000, 9_000_000, 8_000_000, 5_000_000].enumerated() {
                let org = try await OrganisationTests.create(
                    app, clerk, OrganisationTests.body(body: "MJ20000\(i)"))
                let secretary = try await OrganisationTests.account(app, clerk, org.id, "org-fund-\(i)")
                if i == 0 {
                    let over = try await send(
                        app, .POST, "/api/v1/funding-rounds/\(roundID)/proposals", token: secretary,
                        json: ["topic": "为老服务", "title": "助餐", "summary": "x", "requestedFen": 10_000_001]
                            as [String: Any])
                    #expect(over.status == .badRequest)
                    #expect(try over.json(ErrorAnswer.self).field == "requestedFen")
                    let topic = try await send(
                        app, .POST, "/api/v1/funding-rounds/\(roundID)/proposals", token: secretary,
                        json: ["topic": "环保", "title": "助餐", "summary": "x", "requestedFen": 100] as [String: Any])
                    #expect(try topic.json(ErrorAnswer.self).field == "topic")
                }
                let res = try await send(
                    app, .POST, "/api/v1/funding-rounds/\(roundID)/proposals", token: secretary,
                    json: [
                        "topic": i % 2 == 0 ? "为老服务" : "儿童关爱", "title": "项目\(i)", "summary": "社区服务",
                        "requestedFen": fen,
                    ] as [String: Any])
                #expect(res.status == .created, "\(res.body.string)")
                proposals.append(try res.json(Proposal.self).id)
                secretaries.append(secretary)
            }
            // An organisation sees its own proposal only.
            #expect(
                try await send(app, .GET, "/api/v1/funding-proposals/\(proposals[0])", token: secretaries[1]).status
                    == .notFound)
            let experts = try await [
                RatingTests.expert(app, clerk, "甲"), RatingTests.expert(app, clerk, "乙"),
                RatingTests.expert(app, clerk, "丙"),
            ]
            let scores = [[90, 90, 90], [85, 85, 85], [80, 80, 80], [59, 60, 60]]
            for (proposal, marks) in zip(proposals, scores) {
                for (expert, mark) in zip(experts, marks) {
                    let assigned = try await send(
                        app, .POST, "/api/v1/funding-proposals/\(proposal)/reviewers", token: clerk,
                        json: ["reviewerId": expert.id.uuidString])
                    #expect(assigned.status == .ok, "\(assigned.body.string)")
                    let scored = try await send(
                        app, .POST, "/api/v1/funding-proposals/\(proposal)/scores", token: clerk,
                        json: ["reviewerId": expert.id.uuidString, "score": mark] as [String: Any])
                    #expect(scored.status == .ok, "\(scored.body.string)")
                }
            }
            let bad = try await send(
                app, .POST, "/api/v1/funding-proposals/\(proposals[0])/scores", token: clerk,
                json: ["reviewerId": experts[0].id.uuidString, "score": 101] as [String: Any])
            #expect(try bad.json(ErrorAnswer.self).field == "score")
            // Not before the round closes.
            #expect(
                try await send(
                    app, .POST, "/api/v1/funding-rounds/\(roundID)/awards", token: clerk, json: ["version": 1]
                )
                .status == .conflict)
            app.platform.clock = .fixed(CivilDate(year: 2026, month: 4, day: 1)!)
            let awarded = try await send(
                app, .POST, "/api/v1/funding-rounds/\(roundID)/awards", token: clerk, json: ["version": 1])
            #expect(awarded.status == .ok, "\(awarded.body.string)")
            let round = try awarded.json(Round.self)
            #expect(round.round.status == "awarded")
            #expect(round.proposals.map(\.status) == ["awarded", "awarded", "notFunded", "notFunded"])
            #expect(round.awardedFen == 19_000_000 && round.awardedFen <= 25_000_000)
            #expect(round.proposals.map(\.meanTenths) == [900, 850, 800, 597])

            // Payments: never before the milestone's report is accepted, in order, 40/40/20.
            let first = proposals[0]
            let base = "/api/v1/funding-proposals/\(first)/milestones"
            #expect(try await send(app, .POST, "\(base)/start/payment", token: clerk).status == .conflict)
            #expect(
                try await send(app, .POST, "\(base)/start", token: secretaries[0], json: ["report": "项目已启动"]).status
                    == .ok)
            #expect(try await send(app, .POST, "\(base)/start/payment", token: clerk).status == .conflict)
            #expect(try await send(app, .POST, "\(base)/start/acceptance", token: secretaries[0]).status == .forbidden)
            #expect(try await send(app, .POST, "\(base)/start/acceptance", token: clerk).status == .ok)
            #expect(try await send(app, .POST, "\(base)/midterm/payment", token: clerk).status == .conflict)
            let paid = try await send(app, .POST, "\(base)/start/payment", token: clerk)
            #expect(paid.status == .ok, "\(paid.body.string)")
            #expect(try paid.json([Milestone].self).first?.paidFen == 4_000_000)
            #expect(try await send(app, .POST, "\(base)/start/payment", token: clerk).status == .conflict)
            for m in ["midterm", "final"] {
                #expect(
                    try await send(app, .POST, "\(base)/\(m)", token: secretaries[0], json: ["report": m]).status == .ok
                )
                #expect(
                    try await send(
                        app, .POST, "\(base)/\(m)/acceptance", token: clerk,
                        json: m == "final" ? ["outcome": "good"] : [:]
                    ).status == .ok)
                #expect(try await send(app, .POST, "\(base)/\(m)/payment", token: clerk).status == .ok)
            }
            let milestones = try await send(app, .GET, base, token: clerk).json([Milestone].self)
            #expect(milestones.map(\.paidFen) == [4_000_000, 4_000_000, 2_000_000])
            // A project not funded reports nothing.
            #expect(
                try await send(
                    app, .POST, "/api/v1/funding-proposals/\(proposals[2])/milestones/start", token: secretaries[2],
                    json: ["report": "x"]
                ).status == .conflict)
            let totals = try await send(app, .GET, "/api/v1/funding-rounds/\(roundID)", token: clerk).json(Round.self)
            #expect(Set(totals.byTopic.map(\.key)) == ["为老服务", "儿童关爱"])
            #expect(totals.byDistrict.map(\.paidFen) == [10_000_000])
        }
    }

    /// A closed round of the district awarded to one proposal per amount (each scored 90 by
    /// three outside experts): the round, the proposals and their secretaries' tokens.
    static func awardedRound(
        _ app: Application, _ clerk: String, _ amounts: [Int64]
    ) async throws -> (
        round: UUID, proposals: [UUID], secretaries: [String]
    ) {
        app.platform.clock = .fixed(CivilDate(year: 2026, month: 3, day: 10)!)
        let round = try await send(
            app, .POST, "/api/v1/funding-rounds", token: clerk,
            json: [
                "name": "2026 年天宁区公益创投", "budgetFen": 50_000_000, "capFen": 20_000_000, "topics": ["为老服务"],
                "closesOn": "2026-03-31",
            ] as [String: Any]
        ).value("id", as: UUID.self)
        var experts: [RatingTests.Reviewer] = []
        for name in ["甲", "乙", "丙"] { experts.append(try await RatingTests.expert(app, clerk, name)) }
        var proposals: [UUID] = []
        var secretaries: [String] = []
        for (i, fen) in amounts.enumerated() {
            let org = try await OrganisationTests.create(app, clerk, OrganisationTests.body(body: "MJ30000\(i)"))
            let secretary = try await OrganisationTests.account(app, clerk, org.id, "org-eval-\(i)")
            let proposal = try await send(
                app, .POST, "/api/v1/funding-rounds/\(round)/proposals", token: secretary,
                json: ["topic": "为老服务", "title": "项目\(i)", "summary": "社区服务", "requestedFen": fen] as [String: Any]
            ).value("id", as: UUID.self)
            for expert in experts {
                _ = try await send(
                    app, .POST, "/api/v1/funding-proposals/\(proposal)/reviewers", token: clerk,
                    json: ["reviewerId": expert.id.uuidString])
                _ = try await send(
                    app, .POST, "/api/v1/funding-proposals/\(proposal)/scores", token: clerk,
                    json: ["reviewerId": expert.id.uuidString, "score": 90] as [String: Any])
            }
            proposals.append(proposal)
            secretaries.append(secretary)
        }
        app.platform.clock = .fixed(CivilDate(year: 2026, month: 4, day: 1)!)
        let awarded = try await send(
            app, .POST, "/api/v1/funding-rounds/\(round)/awards", token: clerk, json: ["version": 1])
        #expect(awarded.status == .ok, "\(awarded.body.string)")
        return (round, proposals, secretaries)
    }

    struct Evaluated: Decodable {
        let status: String
        let evaluation: String?
        let evaluationNote: String?
    }

    struct YearTotals: Decodable {
        let year: Int
        let budgetFen: Int64
        let awardFen: Int64
        let paidFen: Int64
        let byRound: [Round.Total]
        let byDistrict: [Round.Total]
    }

    @Test(
        "the final evaluation: a failed project is not paid its last share; the year's totals across rounds; the pages",
        arguments: TestDatabase.available)
    func finalEvaluation(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let clerk = try await app.token(role: .districtOfficer, region: "320402")
            let (round, proposals, secretaries) = try await Self.awardedRound(app, clerk, [10_000_000, 9_000_000])
            for (proposal, secretary) in zip(proposals, secretaries) {
                let base = "/api/v1/funding-proposals/\(proposal)/milestones"
                for m in ["start", "midterm"] {
                    _ = try await send(app, .POST, "\(base)/\(m)", token: secretary, json: ["report": m])
                    #expect(try await send(app, .POST, "\(base)/\(m)/acceptance", token: clerk).status == .ok)
                    #expect(try await send(app, .POST, "\(base)/\(m)/payment", token: clerk).status == .ok)
                }
                _ = try await send(app, .POST, "\(base)/final", token: secretary, json: ["report": "结项"])
            }
            let passed = "/api/v1/funding-proposals/\(proposals[0])"
            let missing = try await send(app, .POST, "\(passed)/milestones/final/acceptance", token: clerk)
            #expect(missing.status == .badRequest)
            #expect(try missing.json(ErrorAnswer.self).field == "outcome")
            let wrong = try await send(
                app, .POST, "\(passed)/milestones/final/acceptance", token: clerk, json: ["outcome": "great"])
            #expect(try wrong.json(ErrorAnswer.self).field == "outcome")
            #expect(
                try await send(
                    app, .POST, "\(passed)/milestones/final/acceptance", token: clerk, json: ["outcome": "excellent"]
                ).status == .ok)
            #expect(try await send(app, .POST, "\(passed)/milestones/final/payment", token: clerk).status == .ok)
            let completed = try await send(app, .GET, passed, token: clerk).json(Evaluated.self)
            #expect(completed.status == "completed" && completed.evaluation == "excellent")

            let failed = "/api/v1/funding-proposals/\(proposals[1])"
            let noReason = try await send(
                app, .POST, "\(failed)/milestones/final/acceptance", token: clerk, json: ["outcome": "fail"])
            #expect(try noReason.json(ErrorAnswer.self).field == "note")
            #expect(
                try await send(
                    app, .POST, "\(failed)/milestones/final/acceptance", token: clerk,
                    json: ["outcome": "fail", "note": "服务人次不足"]
                ).status == .ok)
            #expect(
                try await send(app, .POST, "\(failed)/milestones/final/payment", token: clerk).status == .conflict)
            #expect(
                try await send(
                    app, .POST, "\(failed)/milestones/final/acceptance", token: clerk, json: ["outcome": "pass"]
                )
                .status == .conflict)
            let ended = try await send(app, .GET, failed, token: secretaries[1]).json(Evaluated.self)
            #expect(ended.status == "failed" && ended.evaluationNote == "服务人次不足")

            // The year's totals: 19 万 awarded, 10 万 + 7.2 万 paid; none the year before.
            let totals = try await send(app, .GET, "/api/v1/funding-totals?year=2026", token: clerk)
            #expect(totals.status == .ok, "\(totals.body.string)")
            let year = try totals.json(YearTotals.self)
            #expect(year.budgetFen == 50_000_000 && year.awardFen == 19_000_000 && year.paidFen == 17_200_000)
            #expect(year.byRound.count == 1 && year.byDistrict.map(\.key) == ["320402"])
            let before = try await send(app, .GET, "/api/v1/funding-totals?year=2025", token: clerk)
            #expect(try before.json(YearTotals.self).awardFen == 0)
            let street = try await app.token(role: .streetOfficer, region: "320402001")
            #expect(try await send(app, .GET, "/api/v1/funding-totals", token: street).status == .forbidden)
            let elsewhere = try await app.token(role: .districtOfficer, region: "320404")
            let theirs = try await send(app, .GET, "/api/v1/funding-totals?year=2026", token: elsewhere)
            #expect(try theirs.json(YearTotals.self).awardFen == 0)

            // The pages: the clerk's list with the year's totals, the round, the evaluated proposal.
            let cookie = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320402")
            let list = try await FormVisit.open(app, "/funding-rounds", cookie: cookie)
            #expect(list.page.status == .ok)
            #expect(list.page.body.string.contains("2026 年汇总") && list.page.body.string.contains("190000.00"))
            #expect(try await FormVisit.open(app, "/funding-rounds/\(round)", cookie: cookie).page.status == .ok)
            let page = try await FormVisit.open(app, "/funding-proposals/\(proposals[1])", cookie: cookie).page
            #expect(page.status == .ok && page.body.string.contains("结项不合格"))
            let other = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320404")
            #expect(
                try await FormVisit.open(app, "/funding-proposals/\(proposals[1])", cookie: other).page.status
                    == .notFound)
        }
    }
}
