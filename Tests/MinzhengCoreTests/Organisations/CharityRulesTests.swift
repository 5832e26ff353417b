import MinzhengCore
@testable import MinzhengDemo
import Testing

@Suite("Charity: recognition, the qualification, filings, the award's publicity and the 1798 need's states")
struct CharityRulesTests {
    static let p = try! PolicyFixtures.parameters("2026-01").charity

    static func d(_ text: String) -> CivilDate { CivilDate(text)! }
    static func period(_ a: String, _ b: String) -> CharityPeriod { CharityPeriod(start: d(a), end: d(b)) }

    @Test func theDefaultsAreTheDocuments() {
        #expect(Self.p == CharityParameters.defaults)
        #expect(CharityParameters(values: Self.p.values) == Self.p)
        #expect(Set(Self.p.values.keys) == Set(CharityParameters.keys))
    }

    @Test(
        "only a normal organisation is recognised",
        arguments: [
            (OrganisationStatus.normal, true), (.abnormal, false), (.seriousViolation, false), (.revoked, false),
            (.deregistered, false),
        ])
    func recognition(status: OrganisationStatus, allowed: Bool) {
        let problem = CharityRules.recognitionProblem(status: status)
        #expect((problem == nil) == allowed)
        if let problem {
            #expect(problem.kind == .conflict)
            #expect(problem.field == "organisationId")
            #expect(problem.message.contains(status.chinese))
        }
    }

    @Test(
        "the qualification: recognised, normal, registered a full year, not held",
        arguments: [
            // recognised, status, registered, held, day, refused field (nil: granted)
            (true, OrganisationStatus.normal, "2025-03-01", false, "2026-03-01", nil as String?),
            (true, .normal, "2025-03-01", false, "2026-02-28", "on"),
            (true, .normal, "2024-02-29", false, "2025-02-28", nil),
            (false, .normal, "2020-01-01", false, "2026-03-01", "organisationId"),
            (true, .abnormal, "2020-01-01", false, "2026-03-01", "organisationId"),
            (true, .normal, "2020-01-01", true, "2026-03-01", "action"),
        ])
    func qualification(
        recognised: Bool, status: OrganisationStatus, registered: String, held: Bool, day: String, field: String?
    ) {
        let problem = CharityRules.qualificationProblem(
            recognised: recognised, status: status, registeredOn: Self.d(registered), held: held, on: Self.d(day),
            Self.p)
        #expect(problem?.field == field)
    }

    static let earlier = [
        CharityRules.Filed(
            id: "a", period: period("2026-04-01", "2026-06-30"), platform: "腾讯公益", purpose: "助学"),
        CharityRules.Filed(
            id: "b", period: period("2026-08-01", "2026-08-31"), platform: "支付宝公益", purpose: "助老"),
    ]

    @Test(
        "a filing: qualified, ten days ahead, a positive target, no overlap on one platform or purpose",
        arguments: [
            // start, end, target fen, platform, purpose, qualified since, refused field (nil: filed)
            ("2026-03-11", "2026-03-31", 1_000_000 as Int64, "腾讯公益", "助学", "2025-01-01" as String?, nil as String?),
            ("2026-03-10", "2026-03-31", 1_000_000, "腾讯公益", "助医", "2025-01-01", "startsOn"),
            ("2026-03-20", "2026-03-19", 1_000_000, "腾讯公益", "助医", "2025-01-01", "endsOn"),
            ("2026-03-20", "2026-03-31", 0, "腾讯公益", "助医", "2025-01-01", "targetFen"),
            ("2026-03-20", "2026-03-31", 1_000_000, "腾讯公益", "助医", nil, "organisationId"),
            ("2026-03-20", "2026-03-31", 1_000_000, "腾讯公益", "助医", "2026-03-02", "organisationId"),
            ("2026-06-30", "2026-07-15", 1_000_000, "腾讯公益", "助医", "2025-01-01", "startsOn"),
            ("2026-07-01", "2026-07-15", 1_000_000, "腾讯公益", "助学", "2025-01-01", nil),
            ("2026-06-01", "2026-06-15", 1_000_000, "支付宝公益", "助学", "2025-01-01", "purpose"),
            ("2026-06-01", "2026-06-15", 1_000_000, "支付宝公益", "助残", "2025-01-01", nil),
            ("2026-07-20", "2026-08-01", 1_000_000, "支付宝公益", "助残", "2025-01-01", "startsOn"),
        ])
    func filing(
        start: String, end: String, target: Int64, platform: String, purpose: String, since: String?, field: String?
    ) {
        let problem = CharityRules.filingProblem(
            period: Self.period(start, end), targetFen: target, platform: platform, purpose: purpose,
            qualifiedSince: since.map(Self.d), on: Self.d("2026-03-01"), earlier: Self.earlier, Self.p)
        #expect(problem?.field == field, "\(problem?.message ?? "")")
    }

    @Test func theAmountRaisedIsReportedOnceTheFundraisingStarted() {
        let period = Self.period("2026-04-01", "2026-06-30")
        #expect(CharityRules.raisedProblem(period: period, raisedFen: 100, on: Self.d("2026-03-31"))?.kind == .conflict)
        #expect(CharityRules.raisedProblem(period: period, raisedFen: 100, on: Self.d("2026-04-01")) == nil)
        #expect(
            CharityRules.raisedProblem(period: period, raisedFen: -1, on: Self.d("2026-07-01"))?.field == "raisedFen")
        #expect(
            CharityRules.raisedProblem(period: period, raisedFen: nil, on: Self.d("2026-07-01"))?.field == "raisedFen")
    }

    @Test(
        "the award: only after the publicity's last day and with no open objection",
        arguments: [
            // stage, publicity from, open objections, day, refused field (nil: awarded; "" a refusal without one)
            (CharityAwardStage.publicity, "2026-03-01" as String?, 0, "2026-03-08", nil as String?),
            (.publicity, "2026-03-01", 0, "2026-03-07", "publicity"),
            (.publicity, "2026-03-01", 0, "2026-03-01", "publicity"),
            (.publicity, "2026-03-01", 1, "2026-03-20", "objections"),
            (.nominating, nil, 0, "2026-03-20", ""),
            (.awarded, "2026-03-01", 0, "2026-03-20", ""),
        ])
    func award(stage: CharityAwardStage, from: String?, open: Int, day: String, field: String?) {
        let problem = CharityAwardRules.awardProblem(
            stage: stage, publicityStart: from.map(Self.d), openObjections: open, on: Self.d(day), Self.p)
        if let field {
            #expect(problem?.kind == .conflict)
            #expect((problem?.field ?? "") == field)
        } else {
            #expect(problem == nil)
        }
    }

    @Test func objectionsOnlyDuringThePublicityAgainstAShortlistedNomination() {
        let start = Self.d("2026-03-01")
        func problem(
            _ day: String, _ n: CharityNominationStatus = .shortlisted, _ s: CharityAwardStage = .publicity
        )
            -> Refusal?
        {
            CharityAwardRules.objectionProblem(stage: s, nomination: n, publicityStart: start, on: Self.d(day), Self.p)
        }
        #expect(CharityAwardRules.publicityEnds(startedOn: start, Self.p) == Self.d("2026-03-07"))
        #expect(problem("2026-03-01") == nil)
        #expect(problem("2026-03-07") == nil)
        #expect(problem("2026-03-08") != nil)
        #expect(problem("2026-03-03", .notShortlisted)?.field == "nominationId")
        #expect(problem("2026-03-03", .shortlisted, .nominating) != nil)
    }

    @Test func thePublicityNeedsEveryNominationReviewedAndOneShortlisted() {
        #expect(
            CharityAwardRules.publicityProblem(stage: .nominating, statuses: [.shortlisted, .notShortlisted]) == nil)
        #expect(
            CharityAwardRules.publicityProblem(stage: .nominating, statuses: [.shortlisted, .nominated])?.field
                == "nominations")
        #expect(
            CharityAwardRules.publicityProblem(stage: .nominating, statuses: [.notShortlisted])?.field == "nominations")
        #expect(CharityAwardRules.publicityProblem(stage: .publicity, statuses: [.shortlisted]) != nil)
        #expect(CharityAwardRules.reviewProblem(stage: .nominating) == nil)
        #expect(CharityAwardRules.reviewProblem(stage: .publicity)?.kind == .conflict)
    }

    @Test(
        "the 1798 need: open → matched → given, or closed unmet",
        arguments: [
            (CharityNeedState.open, CharityNeedState.Action.match, CharityNeedState.matched as CharityNeedState?),
            (.open, .unmatch, nil), (.open, .give, nil), (.open, .close, .closed),
            (.matched, .match, nil), (.matched, .unmatch, .open), (.matched, .give, .given),
            (.matched, .close, .closed),
            (.given, .match, nil), (.given, .unmatch, nil), (.given, .give, nil), (.given, .close, nil),
            (.closed, .match, nil), (.closed, .unmatch, nil), (.closed, .give, nil), (.closed, .close, nil),
        ])
    func need(state: CharityNeedState, action: CharityNeedState.Action, next: CharityNeedState?) {
        #expect(state.after(action) == next)
        do {
            let checked = try state.checked(action)
            #expect(checked == next)
        } catch {
            #expect(next == nil)
            #expect(error.kind == .conflict)
            #expect(error.field == "status")
        }
    }

    @Test func everyStateAndActionIsCovered() {
        #expect(CharityNeedState.allCases.count * CharityNeedState.Action.allCases.count == 16)
        #expect(
            CharityNeedState.allCases.filter { s in CharityNeedState.Action.allCases.allSatisfy { s.after($0) == nil } }
                == [
                    .given, .closed,
                ])
    }
}
