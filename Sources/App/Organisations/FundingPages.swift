import Foundation
import MinzhengCore
import Vapor

/// The pages of 五社联动 project funding (公益创投): the rounds with the year's totals and a new
/// round's form (the clerk), the open rounds (an organisation) and one's assignments (a
/// reviewer); a round with its proposals, totals and award; a proposal with its reviewers,
/// scores and milestones. Every step is `FundingService`'s, as in the API.
struct FundingPageController: RouteCollection {
    typealias Choice = OrganisationPageController.Choice

    /// A new round as typed: amounts in yuan, one topic a line.
    struct RoundForm: Content {
        var name: String?
        var budget: String?
        var cap: String?
        var topics: String?
        var closesOn: String?

        func input() throws -> FundingService.RoundInput {
            FundingService.RoundInput(
                name: name, budgetFen: try Self.fen(budget, "budgetFen"), capFen: try Self.fen(cap, "capFen"),
                topics: (topics ?? "").split(whereSeparator: \.isNewline).map(String.init), closesOn: closesOn)
        }

        static func fen(_ text: String?, _ field: String) throws -> Int64 {
            guard let fen = Fen(yuanText: (text ?? "").trimmedWhitespace) else {
                throw Refusal.invalid(field, "金额应为元，如 200000 或 200000.50")
            }
            return fen.value
        }
    }

    /// A proposal as typed: the amount in yuan.
    struct ProposalForm: Content {
        var topic: String?
        var title: String?
        var summary: String?
        var requested: String?

        func input() throws -> FundingService.ProposalInput {
            FundingService.ProposalInput(
                topic: topic, title: title, summary: summary,
                requestedFen: try RoundForm.fen(requested, "requestedFen"))
        }
    }

    struct RoundRow: Encodable {
        let id: UUID
        let version: Int
        let name: String
        let closesOn: String
        let status: String
        let statusName: String
        let budget: String
        let cap: String
        let topics: [String]
        let topicsText: String

        init(_ r: FundingRoundRecord) {
            (id, version, name, closesOn, status) = (r.id, r.version, r.name, r.closesOn, r.status)
            statusName = r.status == "awarded" ? "已评定" : "申报中"
            (budget, cap, topics) = (Fen(r.budgetFen).yuanString, Fen(r.capFen).yuanString, r.topics)
            topicsText = r.topics.joined(separator: "、")
        }
    }

    struct ProposalRow: Encodable {
        let id: UUID
        let roundId: UUID
        let organisationId: UUID
        let organisationName: String
        let district: String
        let topic: String
        let title: String
        let summary: String
        let requested: String
        let submittedOn: String
        let status: String
        let statusName: String
        let mean: String?
        let award: String?
        let scores: Int
        let evaluationName: String?
        let evaluationNote: String?
        let evaluatedOn: String?

        init(_ p: FundingProposalRecord, regions: RegionTable) {
            (id, roundId, organisationId, organisationName, topic, title) = (
                p.id, p.roundId, p.organisationId, p.organisationName, p.topic, p.title
            )
            district = RegionCode(String(p.region.prefix(6))).flatMap { regions.name(of: $0) } ?? p.region
            (summary, requested, submittedOn) = (p.summary, Fen(p.requestedFen).yuanString, p.submittedOn)
            (status, statusName, scores) = (p.status, p.statusName, p.scores)
            mean = p.meanTenths.map { "\($0 / 10).\($0 % 10)" }
            award = p.awardFen.map { Fen($0).yuanString }
            (evaluationName, evaluationNote, evaluatedOn) = (p.evaluationName, p.evaluationNote, p.evaluatedOn)
        }
    }

    struct TotalRow: Encodable {
        let label: String
        let proposals: Int
        let awarded: Int
        let award: String
        let paid: String

        init(_ t: FundingStore.Total, label: String? = nil) {
            (self.label, proposals, awarded) = (label ?? t.key, t.proposals, t.awarded)
            (award, paid) = (Fen(t.awardFen).yuanString, Fen(t.paidFen).yuanString)
        }

        static func districts(_ totals: [FundingStore.Total], _ regions: RegionTable) -> [TotalRow] {
            totals.map { TotalRow($0, label: RegionCode($0.key).flatMap { regions.name(of: $0) }) }
        }
    }

    struct Assignment: Encodable {
        let proposal: ProposalRow
        let myScore: Int?
    }

    struct YearTotals: Encodable {
        let year: Int
        let budget: String
        let award: String
        let paid: String
        let byRound: [TotalRow]
        let byDistrict: [TotalRow]
        let byTopic: [TotalRow]
    }

    struct ListPage: Encodable {
        let layout: LayoutContext
        let isClerk: Bool
        let isOrganisation: Bool
        let rounds: [RoundRow]
        let assignments: [Assignment]
        let totals: YearTotals?
        let years: [Int]
        let form: RoundForm
        let done: String?
        let error: String?
        let errorField: String?
    }

    struct RoundPage: Encodable {
        let layout: LayoutContext
        let round: RoundRow
        let isClerk: Bool
        let canPropose: Bool
        let canAward: Bool
        let proposals: [ProposalRow]
        let awarded: String
        let byTopic: [TotalRow]
        let byDistrict: [TotalRow]
        let form: ProposalForm
        let done: String?
        let error: String?
        let errorField: String?
    }

    struct MilestoneRow: Encodable {
        let milestone: String
        let name: String
        let share: String
        let report: String?
        let reportedOn: String?
        let acceptedOn: String?
        let paidOn: String?
        let paid: String?
        let canReport: Bool
        let canAccept: Bool
        let canPay: Bool
        let isFinal: Bool
    }

    struct ProposalPage: Encodable {
        let layout: LayoutContext
        let proposal: ProposalRow
        let roundName: String
        let isClerk: Bool
        let isOrganisation: Bool
        let canScore: Bool
        let myScore: Int?
        let maxScore: Int
        let minReviewers: Int
        let reviews: [FundingStore.Review]
        let pool: [RatingReviewerRecord]
        let experts: [FundingStore.Review]
        let milestones: [MilestoneRow]
        let outcomes: [Choice]
        let done: String?
        let error: String?
        let errorField: String?
    }

    static let doneMessages = [
        "created": "已发布创投活动。", "proposed": "项目已申报。", "awarded": "已按得分评定资助。", "assigned": "已指派评审专家。",
        "scored": "评分已保存。", "reported": "节点报告已提交。", "accepted": "已验收。", "paid": "已拨付。",
    ]
    static let outcomes = FundingEvaluation.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.fundingRounds.pattern) { req async throws -> View in
            try await Self.renderList(req, try req.funding(), form: RoundForm(), error: nil)
        }
        routes.post(Route.fundingRounds.pattern) { req async throws -> Response in
            let service = try req.funding()
            let form = try req.content.decode(RoundForm.self)
            do {
                let round = try await service.createRound(try form.input())
                return req.redirect(to: Route.fundingRound.path(round.id) + "?done=created")
            } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
                return try await Self.renderList(req, service, form: form, error: error).encodeResponse(
                    status: error.status, for: req)
            }
        }
        routes.get(Route.fundingRound.pattern) { req async throws -> View in
            try await Self.renderRound(req, try req.funding(), form: ProposalForm(), error: nil)
        }
        routes.post(Route.fundingProposals.pattern) { req async throws -> Response in
            let service = try req.funding()
            let form = try req.content.decode(ProposalForm.self)
            do {
                let created = try await service.propose(req.parameters.get("id", as: UUID.self), try form.input())
                return req.redirect(to: Route.fundingProposal.path(created.id) + "?done=proposed")
            } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
                return try await Self.renderRound(req, service, form: form, error: error).encodeResponse(
                    status: error.status, for: req)
            }
        }
        routes.post(Route.fundingAwards.pattern) { req async throws -> Response in
            let service = try req.funding()
            let id = req.parameters.get("id", as: UUID.self)
            do {
                _ = try await service.award(
                    id, version: try req.content.decode(RatingService.VersionInput.self).version)
                return req.redirect(to: Route.fundingRound.path(id ?? UUID()) + "?done=awarded")
            } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
                return try await Self.renderRound(req, service, form: ProposalForm(), error: error).encodeResponse(
                    status: error.status, for: req)
            }
        }
        routes.get(Route.fundingProposal.pattern) { req async throws -> View in
            try await Self.renderProposal(req, try req.funding(), error: nil)
        }
        routes.post(Route.fundingReviewers.pattern) { req async throws -> Response in
            try await Self.act(req, done: "assigned") { service, id in
                _ = try await service.assign(
                    id, reviewerID: try req.content.decode(FundingAPIController.AssignInput.self).reviewerId)
            }
        }
        routes.post(Route.fundingScores.pattern) { req async throws -> Response in
            try await Self.act(req, done: "scored") { service, id in
                _ = try await service.score(id, try req.content.decode(FundingService.ScoreInput.self))
            }
        }
        routes.post(Route.fundingMilestone.pattern) { req async throws -> Response in
            try await Self.act(req, done: "reported") { service, id in
                _ = try await service.report(
                    id, milestone: req.parameters.get("milestone"),
                    try req.content.decode(FundingService.MilestoneInput.self))
            }
        }
        routes.post(Route.fundingAcceptance.pattern) { req async throws -> Response in
            try await Self.act(req, done: "accepted") { service, id in
                _ = try await service.accept(
                    id, milestone: req.parameters.get("milestone"),
                    try req.content.decode(FundingService.AcceptanceInput.self))
            }
        }
        routes.post(Route.fundingPayment.pattern) { req async throws -> Response in
            try await Self.act(req, done: "paid") { service, id in
                _ = try await service.pay(id, milestone: req.parameters.get("milestone"))
            }
        }
    }

    /// A step on a proposal's page: back to it with `done`, or the page again with the refusal.
    static func act(
        _ req: Request, done: String, _ step: (FundingService, UUID?) async throws -> Void
    ) async throws -> Response {
        let service = try req.funding()
        let id = req.parameters.get("id", as: UUID.self)
        do {
            try await step(service, id)
            return req.redirect(to: Route.fundingProposal.path(id ?? UUID()) + "?done=\(done)")
        } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
            return try await renderProposal(req, service, error: error).encodeResponse(status: error.status, for: req)
        }
    }

    static func done(_ req: Request) -> String? {
        req.query[String.self, at: "done"].flatMap { doneMessages[$0] }
    }

    static func renderList(
        _ req: Request, _ service: FundingService, form: RoundForm, error: Refusal?
    ) async throws
        -> View
    {
        let user = service.user
        let clerk = RatingPageController.isClerk(user)
        let rounds = try await service.rounds()
        var totals: YearTotals?
        let years = Set(rounds.compactMap { CivilDate($0.closesOn)?.year }).union([req.today.year]).sorted(by: >)
        if clerk {
            let t = try await service.totals(year: req.query[Int.self, at: "year"])
            totals = YearTotals(
                year: t.year, budget: Fen(t.budgetFen).yuanString, award: Fen(t.awardFen).yuanString,
                paid: Fen(t.paidFen).yuanString, byRound: t.byRound.map { TotalRow($0) },
                byDistrict: TotalRow.districts(t.byDistrict, req.platform.regions),
                byTopic: t.byTopic.map { TotalRow($0) })
        }
        let assignments = try await service.assignments().map {
            Assignment(proposal: ProposalRow($0.proposal, regions: req.platform.regions), myScore: $0.score)
        }
        return try await req.view.render(
            "funding/list",
            ListPage(
                layout: LayoutContext(request: req, title: "五社联动 · 公益创投", user: user), isClerk: clerk,
                isOrganisation: user.role.may(.fileOrganisationReport), rounds: rounds.map(RoundRow.init),
                assignments: assignments, totals: totals, years: years, form: form, done: done(req),
                error: error?.message, errorField: error?.field))
    }

    static func renderRound(
        _ req: Request, _ service: FundingService, form: ProposalForm, error: Refusal?
    )
        async throws -> View
    {
        let detail = try await service.detail(req.parameters.get("id", as: UUID.self))
        let user = service.user
        let clerk = RatingPageController.isClerk(user)
        let open = detail.round.status == "open"
        let closed = CivilDate(detail.round.closesOn).map { req.today > $0 } ?? false
        let regions = req.platform.regions
        return try await req.view.render(
            "funding/round",
            RoundPage(
                layout: LayoutContext(request: req, title: detail.round.name, user: user),
                round: RoundRow(detail.round), isClerk: clerk,
                canPropose: user.role.may(.fileOrganisationReport) && open && !closed && detail.proposals.isEmpty,
                canAward: clerk && open && closed,
                proposals: detail.proposals.map { ProposalRow($0, regions: regions) },
                awarded: Fen(detail.awardedFen).yuanString, byTopic: detail.byTopic.map { TotalRow($0) },
                byDistrict: TotalRow.districts(detail.byDistrict, regions), form: form, done: done(req),
                error: error?.message, errorField: error?.field))
    }

    static func renderProposal(_ req: Request, _ service: FundingService, error: Refusal?) async throws -> View {
        let id = req.parameters.get("id", as: UUID.self)
        let proposal = try await service.proposal(id)
        let user = service.user
        let clerk = RatingPageController.isClerk(user)
        let organisation = user.role.may(.fileOrganisationReport)
        let round = try await service.round(proposal.roundId)
        let reviews = organisation ? [] : try await service.reviews(proposal.id)
        let parameters = try await service.parameters()
        let submitted = proposal.status == FundingProposalStatus.submitted.rawValue
        let mine = clerk ? nil : reviews.first
        let milestones = try await milestoneRows(
            service, proposal, clerk: clerk, organisation: organisation, parameters)
        return try await req.view.render(
            "funding/proposal",
            ProposalPage(
                layout: LayoutContext(request: req, title: "创投项目：\(proposal.title)", user: user),
                proposal: ProposalRow(proposal, regions: req.platform.regions), roundName: round.name,
                isClerk: clerk, isOrganisation: organisation, canScore: submitted && mine != nil,
                myScore: mine?.score, maxScore: parameters.maxScore, minReviewers: parameters.minReviewers,
                reviews: reviews, pool: clerk && submitted ? try await service.unassignedReviewers(proposal.id) : [],
                experts: clerk && submitted ? reviews.filter { !$0.hasAccount } : [], milestones: milestones,
                outcomes: outcomes, done: done(req), error: error?.message, errorField: error?.field))
    }

    /// Each milestone with its share of the award and the step open to the user on it: the
    /// organisation reports in order, the clerk accepts a report and pays an accepted one.
    static func milestoneRows(
        _ service: FundingService, _ p: FundingProposalRecord, clerk: Bool, organisation: Bool,
        _ parameters: FundingParameters
    ) async throws -> [MilestoneRow] {
        guard let award = p.awardFen else { return [] }
        let recorded = Dictionary(
            uniqueKeysWithValues: try await service.milestones(p.id).map { ($0.milestone, $0) })
        let shares = FundingRules.payments(awardFen: award, parameters)
        let running = p.status == FundingProposalStatus.awarded.rawValue
        var earlierPaid = true
        return FundingMilestone.allCases.map { m in
            let r = recorded[m.rawValue]
            let row = MilestoneRow(
                milestone: m.rawValue, name: m.chinese, share: Fen(shares[m] ?? 0).yuanString, report: r?.report,
                reportedOn: r?.reportedOn, acceptedOn: r?.acceptedOn, paidOn: r?.paidOn,
                paid: r?.paidFen.map { Fen($0).yuanString },
                canReport: organisation && running && r == nil,
                canAccept: clerk && running && r != nil && r?.acceptedOn == nil,
                canPay: clerk && r?.acceptedOn != nil && r?.paidOn == nil && earlierPaid, isFinal: m == .final)
            earlierPaid = earlierPaid && r?.paidOn != nil
            return row
        }
    }
}
