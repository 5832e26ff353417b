import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// 五社联动 project funding as one signed-in user works it: the registry clerk
/// (`manageOrganisations`) opens a round of the region, assigns reviewers of the rating's pool
/// (conflicts excluded as for the rating), enters outside experts' scores, awards the round
/// and accepts milestone reports and releases their payments; an organisation's account
/// proposes its project, sees only its own proposals and reports its milestones; a staff
/// reviewer scores the proposals assigned to them.
struct FundingService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock
    let ratings: RatingService

    var user: CurrentUser { ratings.user }
    private var store: FundingStore { FundingStore(db: db) }

    func parameters() async throws -> FundingParameters {
        try await PolicyStore(db: db).parameters(for: RegionTable.changzhou.value, month: clock.today.yearMonth).funding
    }

    struct RoundInput: Content {
        var name: String?
        var budgetFen: Int64?
        var capFen: Int64?
        var topics: [String]?
        var closesOn: String?
    }

    func createRound(_ input: RoundInput) async throws -> FundingRoundRecord {
        try user.require(.manageOrganisations)
        let name = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.name, field: "name", label: "名称")
        }
        guard let name else { throw Refusal.invalid("name", "请填写创投活动名称") }
        guard let budget = input.budgetFen, budget > 0 else { throw Refusal.invalid("budgetFen", "预算应大于 0") }
        guard let cap = input.capFen, cap > 0, cap <= budget else {
            throw Refusal.invalid("capFen", "单个项目上限应大于 0 且不超过预算")
        }
        // Bounded like every amount, so that the payments' shares and the year's totals never overflow.
        _ = try RegistryInput.check { () throws(FieldProblem) in try InputRules.amount(budget, field: "budgetFen") }
        let topics = (input.topics ?? []).map(\.trimmedWhitespace).filter { !$0.isEmpty }
        guard !topics.isEmpty, topics.allSatisfy({ $0.count <= 50 }) else {
            throw Refusal.invalid("topics", "请填写至少一个项目领域（每个不超过 50 字）")
        }
        guard let closes = input.closesOn.flatMap(CivilDate.init), closes >= clock.today else {
            throw Refusal.invalid("closesOn", "截止日期应为不早于今天的 YYYY-MM-DD")
        }
        let record = FundingRoundRecord(
            id: UUID(), version: 1, name: name, region: user.region.value, budgetFen: budget, capFen: cap,
            topics: topics, closesOn: closes.description, status: "open", awardedOn: nil)
        let (now, by) = (clock.now, user.displayName)
        try await writer.transaction { tx, audit in
            try await FundingStore(db: tx).insertRound(record, by: by, at: now)
            try await audit.record(
                "funding.round.create", entity: "fundingRound", id: record.id.uuidString, region: record.region,
                after: [
                    "name": name, "budgetFen": "\(budget)", "capFen": "\(cap)", "topics": topics.joined(separator: "、"),
                ])
        }
        return record
    }

    /// The rounds the user may see: the clerk's region's, every round for an organisation (it
    /// may propose to the city's and its district's) or a reviewer.
    func rounds() async throws -> [FundingRoundRecord] {
        if user.role.may(.manageOrganisations) && !user.role.may(.fileOrganisationReport) {
            return try await store.rounds(within: user.scope)
        }
        guard user.role.may(.fileOrganisationReport) || RatingService.mayReview(user.role) else {
            throw Refusal(.forbidden, "您的角色（\(user.role.chinese)）无权查看公益创投")
        }
        return try await store.rounds(within: nil)
    }

    func round(_ id: UUID?) async throws -> FundingRoundRecord {
        guard let id, let found = try await store.round(id) else { throw Refusal.notFound("公益创投活动") }
        return found
    }

    private var isClerk: Bool { user.role.may(.manageOrganisations) && !user.role.may(.fileOrganisationReport) }

    private func clerksRound(_ id: UUID?) async throws -> FundingRoundRecord {
        try user.require(.manageOrganisations)
        let found = try await round(id)
        guard let region = RegionCode(found.region), user.region.contains(region) else {
            throw Refusal.notFound("公益创投活动")
        }
        guard isClerk else { throw Refusal.notFound("公益创投活动") }
        return found
    }

    struct RoundDetail: Content {
        let round: FundingRoundRecord
        let proposals: [FundingProposalRecord]
        let awardedFen: Int64
        let byTopic: [FundingStore.Total]
        let byDistrict: [FundingStore.Total]
    }

    /// A round with the proposals the user may see (the clerk all, an organisation its own).
    func detail(_ id: UUID?) async throws -> RoundDetail {
        let found = try await round(id)
        let proposals: [FundingProposalRecord]
        if user.role.may(.fileOrganisationReport) {
            proposals = try await store.proposals(round: found.id, organisation: try await ratings.registry.own().id)
        } else {
            _ = try await clerksRound(found.id)
            proposals = try await store.proposals(round: found.id)
        }
        var totals: (byTopic: [FundingStore.Total], byDistrict: [FundingStore.Total]) = ([], [])
        if isClerk { totals = try await store.totals(round: found.id) }
        return RoundDetail(
            round: found, proposals: proposals, awardedFen: proposals.reduce(0) { $0 + ($1.awardFen ?? 0) },
            byTopic: totals.byTopic, byDistrict: totals.byDistrict)
    }

    struct ProposalInput: Content {
        var topic: String?
        var title: String?
        var summary: String?
        var requestedFen: Int64?
    }

    /// The organisation's proposal to an open round (one per round), before its closing day; a
    /// registered organisation not on the abnormal or serious-violation list.
    func propose(_ roundID: UUID?, _ input: ProposalInput) async throws -> FundingProposalRecord {
        try user.require(.fileOrganisationReport)
        let organisation = try await ratings.registry.own()
        let found = try await round(roundID)
        guard found.status == "open", let closes = CivilDate(found.closesOn), clock.today <= closes else {
            throw Refusal(.conflict, "本次公益创投已截止")
        }
        guard organisation.status == OrganisationStatus.normal.rawValue else {
            throw Refusal(.conflict, "本组织\(organisation.statusName)，不能申报", field: "organisation")
        }
        guard let region = RegionCode(found.region), region.contains(RegionCode(organisation.region) ?? region) else {
            throw Refusal.notFound("公益创投活动")
        }
        guard let topic = input.topic?.trimmedWhitespace, found.topics.contains(topic) else {
            throw Refusal.invalid("topic", "项目领域应为：" + found.topics.joined(separator: "、"))
        }
        let (title, summary) = try RegistryInput.check { () throws(FieldProblem) in
            (
                try InputRules.text(input.title, field: "title", label: "项目名称"),
                try InputRules.text(input.summary, field: "summary", label: "项目概要")
            )
        }
        guard let title else { throw Refusal.invalid("title", "请填写项目名称") }
        guard let summary else { throw Refusal.invalid("summary", "请填写项目概要") }
        let requested = try RegistryInput.check { () throws(FieldProblem) in
            try FundingRules.validatedRequest(input.requestedFen, capFen: found.capFen)
        }
        let (id, today, now) = (UUID(), clock.today, clock.now)
        try await writer.transaction { tx, audit in
            guard
                try await FundingStore(db: tx).insertProposal(
                    id: id, round: found.id, organisation: organisation.id, region: organisation.region, topic: topic,
                    title: title, summary: summary, requestedFen: requested, on: today, at: now)
            else { throw Refusal(.conflict, "本组织已申报本次公益创投", field: "organisation") }
            try await audit.record(
                "funding.propose", entity: "fundingProposal", id: id.uuidString, region: organisation.region,
                after: ["roundId": found.id.uuidString, "topic": topic, "requestedFen": "\(requested)"])
        }
        return try await proposal(id)
    }

    /// The proposal when the user may see it: the clerk's round, the organisation's own, a
    /// reviewer's assignment; otherwise 404.
    func proposal(_ id: UUID?) async throws -> FundingProposalRecord {
        guard let id, let found = try await store.proposal(id) else { throw Refusal.notFound("创投项目") }
        if user.role.may(.fileOrganisationReport) {
            guard try await ratings.registry.own().id == found.organisationId else { throw Refusal.notFound("创投项目") }
            return found
        }
        if isClerk, (try? await clerksRound(found.roundId)) != nil { return found }
        if let reviewer = try await RatingStore(db: db).reviewer(ofUser: user.id),
            try await store.scores(found.id).contains(where: { $0.reviewer == reviewer.id })
        {
            return found
        }
        throw Refusal.notFound("创投项目")
    }

    /// Assigns a reviewer of the pool, refused on a declared conflict as for the rating.
    func assign(_ id: UUID?, reviewerID: UUID?) async throws -> FundingProposalRecord {
        let found = try await proposal(id)
        _ = try await clerksRound(found.roundId)
        guard found.status == "submitted" else { throw Refusal(.conflict, "评审已结束") }
        let reviewer = try await ratings.checkedReviewer(reviewerID, for: found.organisationId)
        let now = clock.now
        try await writer.transaction { tx, audit in
            guard try await FundingStore(db: tx).assign(found.id, reviewer: reviewer.id, at: now) else {
                throw Refusal(.conflict, "\(reviewer.name) 已是本项目的评审专家", field: "reviewerId")
            }
            try await audit.record(
                "funding.assign", entity: "fundingProposal", id: found.id.uuidString, region: found.region,
                after: ["reviewerId": reviewer.id.uuidString, "name": reviewer.name])
        }
        return try await proposal(found.id)
    }

    struct ScoreInput: Content {
        var reviewerId: UUID?
        var score: Int?
    }

    /// A reviewer's score 0…100 (the assigned reviewer's own, or an outside expert's by the clerk).
    func score(_ id: UUID?, _ input: ScoreInput) async throws -> FundingProposalRecord {
        let found = try await proposal(id)
        let on = try await store.scores(found.id)
        let pool = RatingStore(db: db)
        let reviewer: UUID
        if let expert = input.reviewerId, isClerk {
            _ = try await clerksRound(found.roundId)
            guard on.contains(where: { $0.reviewer == expert }), let r = try await pool.reviewer(expert) else {
                throw Refusal.invalid("reviewerId", "该专家未被指派到本项目")
            }
            guard r.userId == nil else { throw Refusal(.forbidden, "有账户的评审专家须本人评分") }
            reviewer = expert
        } else {
            guard let r = try await pool.reviewer(ofUser: user.id), on.contains(where: { $0.reviewer == r.id }) else {
                throw Refusal(.forbidden, "您不是本项目的评审专家")
            }
            reviewer = r.id
        }
        let p = try await parameters()
        let score = try RegistryInput.check { () throws(FieldProblem) in try FundingRules.validatedScore(input.score, p)
        }
        let by = user.displayName
        try await writer.transaction { tx, audit in
            guard try await FundingStore(db: tx).score(found.id, reviewer: reviewer, score, by: by) else {
                throw Refusal(.conflict, "评审已结束")
            }
            try await audit.record(
                "funding.score", entity: "fundingProposal", id: found.id.uuidString, region: found.region,
                after: ["reviewerId": reviewer.uuidString, "score": "\(score)"])
        }
        return try await proposal(found.id)
    }

    /// Awards the round (after its closing day): `FundingRules.awards` over the proposals' scores.
    func award(_ id: UUID?, version: Int?) async throws -> RoundDetail {
        let found = try await clerksRound(id)
        guard found.status == "open" else { throw Refusal(.conflict, "本次公益创投已评定") }
        guard let closes = CivilDate(found.closesOn), clock.today > closes else {
            throw Refusal(.conflict, "申报截止（\(found.closesOn)）后方可评定")
        }
        let version = try RatingService.version(.init(version: version), current: found.version)
        let p = try await parameters()
        var candidates: [FundingRules.Candidate] = []
        var means: [UUID: Int] = [:]
        for (i, proposal) in try await store.proposals(round: found.id).enumerated() {
            let scores = try await store.scores(proposal.id).compactMap(\.score)
            means[proposal.id] = FundingRules.meanTenths(scores)
            candidates.append(
                FundingRules.Candidate(
                    id: proposal.id.uuidString, scores: scores, requestedFen: proposal.requestedFen, order: i))
        }
        let decision = FundingRules.awards(candidates, budgetFen: found.budgetFen, capFen: found.capFen, p)
        let (today, frozenMeans) = (clock.today, means)
        try await writer.transaction { tx, audit in
            guard
                try await FundingStore(db: tx).award(
                    round: found.id, version: version, decision, means: frozenMeans, on: today)
            else { throw Refusal.staleVersion(current: version + 1) }
            try await audit.record(
                "funding.award", entity: "fundingRound", id: found.id.uuidString, region: found.region,
                after: [
                    "awarded": "\(decision.awards.count)", "awardedFen": "\(decision.awardedFen)",
                    "budgetFen": "\(found.budgetFen)",
                ])
        }
        return try await detail(found.id)
    }

    struct MilestoneInput: Content {
        var report: String?
    }

    private func milestone(_ text: String?) throws -> FundingMilestone {
        guard let m = text.flatMap(FundingMilestone.init(rawValue:)) else {
            throw Refusal.invalid("milestone", "节点应为 start、midterm 或 final")
        }
        return m
    }

    func milestones(_ id: UUID?) async throws -> [FundingMilestoneRecord] {
        try await store.milestones(try await proposal(id).id)
    }

    /// The organisation reports a milestone of its awarded project.
    func report(_ id: UUID?, milestone text: String?, _ input: MilestoneInput) async throws -> [FundingMilestoneRecord]
    {
        try user.require(.fileOrganisationReport)
        let found = try await proposal(id)
        let m = try milestone(text)
        guard found.status == "awarded" else { throw Refusal(.conflict, "项目未获资助") }
        let report = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.report, field: "report", label: "节点报告")
        }
        guard let report else { throw Refusal.invalid("report", "请填写节点报告") }
        let today = clock.today
        return try await record(found, m, "funding.milestone.report", refused: "\(m.chinese)报告已提交") { store in
            try await store.report(found.id, m, text: report, on: today)
        }
    }

    /// One audited step on a milestone: `step` false is refused with `refused`; the milestones after.
    private func record(
        _ found: FundingProposalRecord, _ m: FundingMilestone, _ action: String, refused: String,
        details: [String: String] = [:], _ step: @escaping @Sendable (FundingStore) async throws -> Bool
    ) async throws -> [FundingMilestoneRecord] {
        try await writer.transaction { tx, audit in
            guard try await step(FundingStore(db: tx)) else { throw Refusal(.conflict, refused, field: "milestone") }
            try await audit.record(
                action, entity: "fundingProposal", id: found.id.uuidString, region: found.region,
                after: details.merging(["milestone": m.rawValue]) { $1 })
        }
        return try await store.milestones(found.id)
    }

    struct AcceptanceInput: Content {
        var outcome: String?
        var note: String?
    }

    /// The clerk accepts a milestone's report; the final one's acceptance is the final evaluation
    /// (结项评估) with its outcome, and a failed project is not paid its last share.
    func accept(
        _ id: UUID?, milestone text: String?, _ input: AcceptanceInput = .init()
    ) async throws
        -> [FundingMilestoneRecord]
    {
        let found = try await proposal(id)
        _ = try await clerksRound(found.roundId)
        let m = try milestone(text)
        let (today, by) = (clock.today, user.displayName)
        let outcome = try RegistryInput.check { () throws(FieldProblem) in
            try FundingEvaluation.required(input.outcome, for: m)
        }
        guard let outcome else {
            return try await record(found, m, "funding.milestone.accept", refused: "\(m.chinese)报告未提交或已验收") { store in
                try await store.accept(found.id, m, on: today, by: by)
            }
        }
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.note, field: "note", label: "评估意见")
        }
        if !outcome.passes && note == nil { throw Refusal.invalid("note", "结项评估不合格须写明理由") }
        return try await record(
            found, m, "funding.evaluate", refused: "结项报告未提交或已评估", details: ["outcome": outcome.rawValue]
        ) { store in
            try await store.evaluate(found.id, outcome, note: note, on: today, by: by)
        }
    }

    /// The totals across the rounds of the clerk's region that close in `year`.
    struct Totals: Content {
        let year: Int
        let budgetFen: Int64
        let awardFen: Int64
        let paidFen: Int64
        let byRound: [FundingStore.Total]
        let byDistrict: [FundingStore.Total]
        let byTopic: [FundingStore.Total]
    }

    func totals(year: Int?) async throws -> Totals {
        try user.require(.manageOrganisations)
        guard isClerk else { throw Refusal(.forbidden, "仅登记管理机关可查看公益创投汇总") }
        let year = year ?? clock.today.year
        guard (2000...2100).contains(year) else { throw Refusal.invalid("year", "年份应为 2000–2100") }
        let totals = try await store.totals(within: user.scope, year: year)
        let budget = try await store.rounds(within: user.scope).filter { $0.closesOn.hasPrefix("\(year)-") }
            .reduce(0) { $0 + $1.budgetFen }
        return Totals(
            year: year, budgetFen: budget, awardFen: totals.byRound.reduce(0) { $0 + $1.awardFen },
            paidFen: totals.byRound.reduce(0) { $0 + $1.paidFen }, byRound: totals.byRound,
            byDistrict: totals.byDistrict, byTopic: totals.byTopic)
    }

    /// The reviewers of a proposal and their scores: every one for the clerk, only one's own for
    /// a reviewer, none for the organisation (scores are not shown to the applicant).
    func reviews(_ id: UUID?) async throws -> [FundingStore.Review] {
        let found = try await proposal(id)
        let all = try await store.reviews(found.id)
        if isClerk { return all }
        guard let mine = try await RatingStore(db: db).reviewer(ofUser: user.id) else { return [] }
        return all.filter { $0.reviewerId == mine.id }
    }

    /// The pool's reviewers not yet on the proposal (the clerk's choice when assigning).
    func unassignedReviewers(_ id: UUID?) async throws -> [RatingReviewerRecord] {
        let on = Set(try await reviews(id).map(\.reviewerId))
        return try await ratings.reviewers().filter { !on.contains($0.id) }
    }

    /// The proposals the signed-in reviewer is assigned to, with their own score.
    func assignments() async throws -> [(proposal: FundingProposalRecord, score: Int?)] {
        guard let reviewer = try await RatingStore(db: db).reviewer(ofUser: user.id) else { return [] }
        return try await store.assigned(to: reviewer.id)
    }

    /// Releases a milestone's payment: only on its accepted report, after the earlier ones.
    func pay(_ id: UUID?, milestone text: String?) async throws -> [FundingMilestoneRecord] {
        let found = try await proposal(id)
        _ = try await clerksRound(found.roundId)
        let m = try milestone(text)
        guard let award = found.awardFen else { throw Refusal(.conflict, "项目未获资助") }
        let recorded = try await store.milestones(found.id)
        let accepted = Set(
            recorded.filter { $0.acceptedOn != nil }.compactMap { FundingMilestone(rawValue: $0.milestone) })
        let paid = Set(recorded.filter { $0.paidOn != nil }.compactMap { FundingMilestone(rawValue: $0.milestone) })
        if let problem = FundingRules.releaseProblem(m, accepted: accepted, paid: paid) { throw problem }
        let amount = FundingRules.payments(awardFen: award, try await parameters())[m] ?? 0
        let (today, by) = (clock.today, user.displayName)
        return try await record(
            found, m, "funding.milestone.pay", refused: "\(m.chinese)款项不能拨付", details: ["fen": "\(amount)"]
        ) { store in
            try await store.pay(found.id, m, fen: amount, on: today, by: by)
        }
    }
}

extension Request {
    func funding() throws -> FundingService {
        FundingService(db: sql, writer: writer, clock: platform.clock, ratings: try ratings())
    }
}

/// `GET|POST /api/v1/funding-rounds`, `GET …/{id}`, `POST …/{id}/proposals`, `POST …/{id}/awards`,
/// `GET /api/v1/funding-proposals/{id}`, `POST …/{id}/reviewers`, `POST …/{id}/scores`,
/// `GET …/{id}/milestones`, `POST …/{id}/milestones/{milestone}`, `POST …/{milestone}/acceptance`,
/// `POST …/{milestone}/payment`, `GET /api/v1/funding-totals?year=`.
struct FundingAPIController: RouteCollection {
    struct AssignInput: Content {
        var reviewerId: UUID?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.fundingRounds.pattern) { req async throws -> [FundingRoundRecord] in
            try await req.funding().rounds()
        }
        routes.post(Route.API.fundingRounds.pattern) { req async throws -> Response in
            try await req.funding().createRound(try req.content.decode(FundingService.RoundInput.self))
                .encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.fundingRound.pattern) { req async throws -> FundingService.RoundDetail in
            try await req.funding().detail(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.fundingProposals.pattern) { req async throws -> Response in
            try await req.funding().propose(
                req.parameters.get("id", as: UUID.self), try req.content.decode(FundingService.ProposalInput.self)
            ).encodeResponse(status: .created, for: req)
        }
        routes.post(Route.API.fundingAwards.pattern) { req async throws -> FundingService.RoundDetail in
            try await req.funding().award(
                req.parameters.get("id", as: UUID.self),
                version: try req.content.decode(RatingService.VersionInput.self).version)
        }
        routes.get(Route.API.fundingProposal.pattern) { req async throws -> FundingProposalRecord in
            try await req.funding().proposal(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.fundingReviewers.pattern) { req async throws -> FundingProposalRecord in
            try await req.funding().assign(
                req.parameters.get("id", as: UUID.self), reviewerID: try req.content.decode(AssignInput.self).reviewerId
            )
        }
        routes.post(Route.API.fundingScores.pattern) { req async throws -> FundingProposalRecord in
            try await req.funding().score(
                req.parameters.get("id", as: UUID.self), try req.content.decode(FundingService.ScoreInput.self))
        }
        routes.get(Route.API.fundingMilestones.pattern) { req async throws -> [FundingMilestoneRecord] in
            try await req.funding().milestones(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.fundingMilestone.pattern) { req async throws -> [FundingMilestoneRecord] in
            try await req.funding().report(
                req.parameters.get("id", as: UUID.self), milestone: req.parameters.get("milestone"),
                try req.content.decode(FundingService.MilestoneInput.self))
        }
        routes.post(Route.API.fundingAcceptance.pattern) { req async throws -> [FundingMilestoneRecord] in
            // The start and mid-term acceptances carry no body; the final one its evaluation.
            let input =
                req.body.data == nil
                ? FundingService.AcceptanceInput()
                : try req.content.decode(
                    FundingService.AcceptanceInput.self)
            return try await req.funding().accept(
                req.parameters.get("id", as: UUID.self), milestone: req.parameters.get("milestone"), input)
        }
        routes.get(Route.API.fundingTotals.pattern) { req async throws -> FundingService.Totals in
            try await req.funding().totals(year: req.query[Int.self, at: "year"])
        }
        routes.post(Route.API.fundingPayment.pattern) { req async throws -> [FundingMilestoneRecord] in
            try await req.funding().pay(
                req.parameters.get("id", as: UUID.self), milestone: req.parameters.get("milestone"))
        }
    }
}
