import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// 五社联动 funding's demo (issue 17 items 5 and 8): this year's city round, closed and awarded
/// by `FundingRules.awards`, its projects at every milestone (one completed 优秀, one failed at
/// the final evaluation), and next year's round open with proposals being scored; all through
/// the store's own steps in one audited transaction (`funding.seed`).
enum DemoFunding {
    static let topics = ["为老服务", "儿童关爱", "助残帮困", "社区治理"]
    static let titles = [
        "银龄互助“时间银行”", "困境儿童四点半课堂", "残疾人居家康复陪伴", "楼道议事会培育", "独居老人每日问安",
        "社区心理疏导驿站", "留守儿童暑期营", "低保家庭就业帮扶", "社区志愿者骨干培训", "老旧小区加装电梯协商",
        "失能老人家属喘息服务", "社区儿童阅读角",
    ]
    /// Each awarded project's progress: milestones reported, accepted and paid, in order; the
    /// first two reach the final evaluation (优秀, then 不合格 with its reason, left unpaid).
    static let progress = [3, 3, 2, 2, 2, 1, 1, 1, 0]

    static func seedIfEmpty(_ app: Application) async throws {
        guard app.platform.config.demoHouseholds > 0 else { return }
        let existing =
            try await app.sql.raw("SELECT COUNT(*) AS n FROM funding_rounds").first()?.decode(
                column: "n", as: Int.self) ?? 0
        guard existing == 0 else { return }
        let (proposals, awarded) = try await seed(app)
        app.logger.info("Demo funding: 2 rounds, \(proposals) proposals, \(awarded) awarded")
    }

    @discardableResult
    static func seed(_ app: Application) async throws -> (proposals: Int, awarded: Int) {
        let today = app.platform.clock.today
        let p = try await PolicyStore(db: app.sql).parameters(for: RegionTable.changzhou.value, month: today.yearMonth)
            .funding
        // Normal organisations spread over the districts (every seventh by credit code).
        let organisations = try await app.sql.raw(
            "SELECT id, region FROM organisations WHERE status = 'normal' ORDER BY credit_code LIMIT 200"
        ).all().enumerated().filter { $0.offset % 7 == 0 }.map {
            (
                try $0.element.decode(column: "id", as: UUID.self),
                try $0.element.decode(column: "region", as: String.self)
            )
        }
        let reviewers = try await RatingStore(db: app.sql).reviewers().filter { $0.userId == nil }.map(\.id)
        guard organisations.count >= titles.count + 5, reviewers.count >= p.minReviewers else { return (0, 0) }
        let (now, by) = (app.platform.clock.now, "演示")
        let city = RegionTable.changzhou.value
        let closed = FundingRoundRecord(
            id: UUID(), version: 1, name: "\(today.year) 年五社联动公益创投", region: city, budgetFen: 100_000_000,
            capFen: 15_000_000, topics: topics, closesOn: today.adding(months: -8).description, status: "open",
            awardedOn: nil)
        let open = FundingRoundRecord(
            id: UUID(), version: 1, name: "\(today.year + 1) 年五社联动公益创投", region: city, budgetFen: 120_000_000,
            capFen: 15_000_000, topics: topics, closesOn: today.adding(days: 30).description, status: "open",
            awardedOn: nil)
        return try await app.writer(actor: .system("demo")).transaction { tx, audit in
            let store = FundingStore(db: tx)
            try await store.insertRound(closed, by: by, at: now)
            try await store.insertRound(open, by: by, at: now)
            /// Proposes `title`, assigns three reviewers and records `scored` scores around `mean`.
            func propose(
                _ round: FundingRoundRecord, _ i: Int, mean: Int, scored: Int, on day: CivilDate
            ) async throws
                -> FundingRules.Candidate
            {
                let (organisation, region) = organisations[i]
                let id = UUID()
                let requested = Int64(6_000_000 + (i % 5) * 2_000_000)
                _ = try await store.insertProposal(
                    id: id, round: round.id, organisation: organisation, region: region,
                    topic: topics[i % topics.count], title: titles[i % titles.count],
                    summary: "面向本社区困难群众，联合社区、社会组织、社会工作者、社区志愿者和社会慈善资源开展服务，全年服务不少于 600 人次。",
                    requestedFen: requested, on: day, at: now)
                var scores: [Int] = []
                for k in 0..<p.minReviewers {
                    let reviewer = reviewers[(i + k) % reviewers.count]
                    _ = try await store.assign(id, reviewer: reviewer, at: now)
                    if k < scored {
                        let score = min(p.maxScore, max(0, mean + k * 2 - 2))
                        _ = try await store.score(id, reviewer: reviewer, score, by: by)
                        scores.append(score)
                    }
                }
                return FundingRules.Candidate(id: id.uuidString, scores: scores, requestedFen: requested, order: i)
            }
            let submitted = CivilDate(closed.closesOn)!.adding(days: -10)
            var candidates: [FundingRules.Candidate] = []
            for i in titles.indices {
                candidates.append(try await propose(closed, i, mean: 92 - i * 3, scored: 3, on: submitted))
            }
            let decision = FundingRules.awards(candidates, budgetFen: closed.budgetFen, capFen: closed.capFen, p)
            var means: [UUID: Int] = [:]
            for c in candidates { means[UUID(uuidString: c.id)!] = FundingRules.meanTenths(c.scores) }
            let awardedOn = CivilDate(closed.closesOn)!.adding(days: 14)
            _ = try await store.award(round: closed.id, version: 1, decision, means: means, on: awardedOn)
            for (award, steps) in zip(decision.awards, progress) {
                let id = UUID(uuidString: award.id)!
                let shares = FundingRules.payments(awardFen: award.amountFen, p)
                for (k, m) in FundingMilestone.allCases.prefix(steps).enumerated() {
                    let day = awardedOn.adding(months: 2 * k + 1)
                    _ = try await store.report(id, m, text: "\(m.chinese)：按计划完成，服务记录及票据已上传。", on: day)
                    if m == .final {
                        let failed = award.id == decision.awards[1].id
                        let outcome: FundingEvaluation = failed ? .fail : .excellent
                        _ = try await store.evaluate(
                            id, outcome, note: failed ? "服务人次不足计划的一半，票据不全" : nil, on: day.adding(days: 7),
                            by: by)
                        if failed { break }
                    } else {
                        _ = try await store.accept(id, m, on: day.adding(days: 7), by: by)
                    }
                    _ = try await store.pay(id, m, fen: shares[m] ?? 0, on: day.adding(days: 10), by: by)
                }
            }
            for i in 0..<5 {
                _ = try await propose(
                    open, titles.count + i, mean: 80 - i * 4, scored: i % (p.minReviewers + 1),
                    on: today.adding(days: -(i + 1)))
            }
            try await audit.record(
                "funding.seed", entity: "fundingRound", id: nil, region: city,
                after: [
                    "rounds": "2", "proposals": "\(titles.count + 5)", "awarded": "\(decision.awards.count)",
                    "awardedFen": "\(decision.awardedFen)",
                ])
            return (titles.count + 5, decision.awards.count)
        }
    }
}
