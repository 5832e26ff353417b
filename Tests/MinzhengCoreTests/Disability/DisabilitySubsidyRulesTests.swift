import MinzhengCore
import Testing

@Suite("Two disability subsidies: who is proposed, by which rule, and the yearly re-check")
struct DisabilitySubsidyRulesTests {
    typealias Facts = DisabilitySubsidyRules.Facts
    static let day = CivilDate(year: 2026, month: 6, day: 1)!

    @Test(
        "nursing subsidy: grade 1 or 2, alive, hukou in the city, not tekun",
        arguments: [
            (Facts(grade: 1), .success(.severeDisability)),
            (Facts(grade: 2), .success(.severeDisability)),
            (Facts(grade: 3), .failure(.gradeNotQualifying)),
            (Facts(grade: nil), .failure(.noCertificate)),
            (Facts(grade: 1, diedOn: CivilDate(year: 2026, month: 5, day: 3)), .failure(.died)),
            (Facts(grade: 2, hukouInCity: false), .failure(.movedAway)),
            (Facts(grade: 1, tekun: true), .failure(.tekun)),
            (Facts(grade: 1, validUntil: CivilDate(year: 2026, month: 5, day: 31)), .failure(.certificateExpired)),
            (Facts(grade: 2, validUntil: CivilDate(year: 2026, month: 6, day: 1)), .success(.severeDisability)),
        ] as [(Facts, Result<DisabilitySubsidyRule, DisabilitySubsidyStop>)])
    func nursing(_ facts: Facts, _ expected: Result<DisabilitySubsidyRule, DisabilitySubsidyStop>) {
        #expect(DisabilitySubsidyRules.eligibility(.nursingSubsidy, facts, on: Self.day) == expected)
    }

    @Test(
        "living subsidy: any grade, dibao household or individual dibao, not tekun",
        arguments: [
            (Facts(grade: 4, dibaoHousehold: true), .success(.dibaoHousehold)),
            (Facts(grade: 1, dibaoHousehold: true), .success(.dibaoHousehold)),
            (Facts(grade: 3, individualDibao: true), .success(.individualDibao)),
            (Facts(grade: 3, dibaoHousehold: true, individualDibao: true), .success(.individualDibao)),
            (Facts(grade: 3), .failure(.leftDibao)),
            (Facts(grade: 2, dibaoHousehold: true, tekun: true), .failure(.tekun)),
            (Facts(grade: nil, dibaoHousehold: true), .failure(.noCertificate)),
            (Facts(grade: 4, hukouInCity: false, dibaoHousehold: true), .failure(.movedAway)),
        ] as [(Facts, Result<DisabilitySubsidyRule, DisabilitySubsidyStop>)])
    func living(_ facts: Facts, _ expected: Result<DisabilitySubsidyRule, DisabilitySubsidyStop>) {
        #expect(DisabilitySubsidyRules.eligibility(.livingSubsidy, facts, on: Self.day) == expected)
    }

    static let certified = CivilDate(year: 2024, month: 6, day: 18)!
    static let expiry = CivilDate(year: 2026, month: 3, day: 17)!

    @Test(
        "the re-check runs in the certificate's anniversary month only",
        arguments: [
            (.nursingSubsidy, Facts(grade: 3, certifiedOn: certified), "2026-06", .gradeNotQualifying),
            (.nursingSubsidy, Facts(grade: 3, certifiedOn: certified), "2026-07", nil),
            (.nursingSubsidy, Facts(grade: 3, certifiedOn: certified), "2024-06", nil),
            (.nursingSubsidy, Facts(grade: 2, certifiedOn: certified), "2026-06", nil),
            (
                .nursingSubsidy,
                Facts(grade: 2, certifiedOn: certified, validUntil: CivilDate(year: 2026, month: 5, day: 1)),
                "2026-06", .certificateExpired
            ),
            (
                .nursingSubsidy,
                Facts(grade: 2, certifiedOn: certified, diedOn: CivilDate(year: 2026, month: 1, day: 9)),
                "2026-06", .died
            ),
            (.nursingSubsidy, Facts(grade: 1, certifiedOn: certified, hukouInCity: false), "2025-06", .movedAway),
            (.livingSubsidy, Facts(grade: 4, certifiedOn: certified), "2025-06", .leftDibao),
            (.livingSubsidy, Facts(grade: 4, certifiedOn: certified, dibaoHousehold: true), "2025-06", nil),
            (.livingSubsidy, Facts(grade: 4, certifiedOn: certified), "2025-05", nil),
            (.livingSubsidy, Facts(grade: nil), "2025-05", nil),
            // An expiry stops it in the month it falls in, anniversary or not; not before.
            (
                .livingSubsidy, Facts(grade: 4, certifiedOn: certified, validUntil: expiry, dibaoHousehold: true),
                "2026-02", nil
            ),
            (
                .livingSubsidy, Facts(grade: 4, certifiedOn: certified, validUntil: expiry, dibaoHousehold: true),
                "2026-03", .certificateExpired
            ),
            (.nursingSubsidy, Facts(grade: 1, validUntil: expiry), "2026-09", .certificateExpired),
        ] as [(DisabilitySubsidyProgram, Facts, String, DisabilitySubsidyStop?)])
    func recheck(_ program: DisabilitySubsidyProgram, _ facts: Facts, _ month: String, _ stop: DisabilitySubsidyStop?) {
        #expect(DisabilitySubsidyRules.recheck(program, facts, month: YearMonth(month)!) == stop)
    }

    @Test func amounts() throws {
        let p = try PolicyFixtures.parameters()
        #expect(
            DisabilitySubsidyRules.amount(.nursingSubsidy, grade: 1, urbanHukou: true, parameters: p)
                == p.nursingSubsidyUrban)
        #expect(
            DisabilitySubsidyRules.amount(.nursingSubsidy, grade: 2, urbanHukou: false, parameters: p)
                == p.nursingSubsidyRural)
        #expect(
            DisabilitySubsidyRules.amount(.livingSubsidy, grade: 2, urbanHukou: true, parameters: p)
                == p.livingSubsidySevereRate.ofRoundedUpToYuan(p.dibaoStandard))
        #expect(
            DisabilitySubsidyRules.amount(.livingSubsidy, grade: 4, urbanHukou: true, parameters: p)
                == p.livingSubsidyOtherRate.ofRoundedUpToYuan(p.dibaoStandard))
    }

    @Test(
        "the street confirms, or refuses with a reason, an open proposal once",
        arguments: [
            (.open, "confirm", nil, .confirmed), (.open, "refuse", "已享受同类补贴", .refused),
            (.open, "refuse", nil, nil), (.open, "approve", nil, nil), (.confirmed, "confirm", nil, nil),
        ] as [(DisabilitySubsidyProposalStatus, String, String?, DisabilitySubsidyProposalStatus?)])
    func decide(
        _ status: DisabilitySubsidyProposalStatus, _ action: String, _ note: String?,
        _ expected: DisabilitySubsidyProposalStatus?
    ) {
        let result = DisabilitySubsidyRules.decide(status, action: action, note: note)
        #expect((try? result.get()) == expected)
    }
}
