import Testing
import MinzhengCore

@Suite("Approval levels: temporary assistance escalates above ⌈2 × S⌉")
struct ApprovalRuleTests {
    let temporary = AssistanceCatalog.standard.item(.temporaryAssistance)!

    @Test(arguments: [
        // (S, requested, approving level)
        (Int64(94_000), Int64(0), RegionCode.Level.street),
        (94_000, 100_000, .street),
        (94_000, 188_000, .street),  // exactly 2 × S: the street still approves
        (94_000, 188_001, .district),  // one fen more: the district
        (94_000, 1_000_000, .district),
        // S with odd fen: ⌈2 × S⌉ rounds up to a whole yuan, like every multiple of S.
        (94_025, 188_050, .street),
        (94_025, 188_100, .street),
        (94_025, 188_101, .district),
        (100_000, 200_000, .street),
        (100_000, 200_001, .district),
    ])
    func temporaryAssistanceByAmount(standard: Int64, requested: Int64, level: RegionCode.Level) {
        #expect(temporary.approvingLevel(requestedAmount: Fen(requested), standard: Fen(standard)) == level)
    }

    @Test func theThresholdIsTwiceTheStandardRoundedUpToAYuan() throws {
        let escalation = try #require(temporary.approval.escalation)
        #expect(escalation.threshold(standard: Fen(94_000)) == Fen(188_000))
        #expect(escalation.threshold(standard: Fen(94_025)) == Fen(188_100))
        #expect(temporary.approval.chinese == "街道/镇审批；超过 2 倍低保标准的由区县审批")
    }

    @Test(arguments: [
        (RegionCode.Level.community, RegionCode.Level?.none, "level"),
        (.province, nil, "level"),
        (.street, .street, "escalation.level"),
        (.district, .street, "escalation.level"),
        (.street, .community, "escalation.level"),
    ])
    func invalidRulesNameTheField(level: RegionCode.Level, escalateTo: RegionCode.Level?, field: String) {
        let escalation = escalateTo.map {
            ApprovalRule.Escalation(aboveMultipleOfStandard: Rate(basisPoints: 20_000), level: $0)
        }
        #expect {
            _ = try ApprovalRule(level: level, escalation: escalation)
        } throws: { error in
            (error as? AssistanceCatalogError)?.field == field
        }
    }

    @Test func aZeroMultipleIsRefused() {
        let escalation = ApprovalRule.Escalation(aboveMultipleOfStandard: Rate(basisPoints: 0), level: .district)
        #expect(throws: AssistanceCatalogError(field: "escalation.aboveMultipleOfStandard", message: "低保标准的倍数必须大于 0")) {
            try ApprovalRule(level: .street, escalation: escalation)
        }
    }

    @Test func aCityAdministratorMayMoveTheThreshold() throws {
        let rule = try ApprovalRule(
            level: .street,
            escalation: .init(aboveMultipleOfStandard: Rate(decimal: "1.5")!, level: .city))
        #expect(rule.approvingLevel(requestedAmount: Fen(141_000), standard: Fen(94_000)) == .street)
        #expect(rule.approvingLevel(requestedAmount: Fen(141_001), standard: Fen(94_000)) == .city)
    }
}
