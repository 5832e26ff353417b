import MinzhengCore
import Testing

@Suite("Illegal organisations and improper fees: the report's state machine, the refund bound, the totals")
struct IllegalOrganisationRulesTests {
    struct Step: Sendable, CustomTestStringConvertible {
        let state: IllegalReportState
        let action: IllegalReportAction
        /// nil: refused with a conflict naming `action`.
        let next: IllegalReportState?
        var testDescription: String { "\(state.rawValue) × \(action.rawValue)" }
    }

    /// Every state × every action.
    static let table: [Step] = [
        Step(state: .received, action: .assign, next: .investigating),
        Step(state: .received, action: .note, next: nil),
        Step(state: .received, action: .close, next: nil),
        Step(state: .investigating, action: .assign, next: .investigating),
        Step(state: .investigating, action: .note, next: .investigating),
        Step(state: .investigating, action: .close, next: .closed),
        Step(state: .closed, action: .assign, next: nil),
        Step(state: .closed, action: .note, next: nil),
        Step(state: .closed, action: .close, next: nil),
    ]

    @Test("the table covers every state and action") func complete() {
        #expect(Self.table.count == IllegalReportState.allCases.count * IllegalReportAction.allCases.count)
    }

    @Test(arguments: table) func step(_ s: Step) {
        do {
            let next = try IllegalReportRules.next(s.state, s.action)
            #expect(next == s.next)
        } catch {
            #expect(s.next == nil, "\(error.message)")
            #expect(error.kind == .conflict)
            #expect(error.field == "action")
        }
    }

    @Test func allowedStepsAreTheTable() {
        #expect(IllegalReportRules.allowed(.received) == [.assign])
        #expect(IllegalReportRules.allowed(.investigating) == [.assign, .note, .close])
        #expect(IllegalReportRules.allowed(.closed) == [])
    }

    @Test func outcomesAndWhatCountsAsStopped() throws {
        #expect(try IllegalReportRules.outcome("banned") == .banned)
        #expect(throws: FieldProblem.self) { try IllegalReportRules.outcome("closed") }
        #expect(throws: FieldProblem.self) { try IllegalReportRules.outcome(nil) }
        #expect(IllegalReportOutcome.allCases.filter(\.stopped) == [.banned, .persuadedToDisband, .handedToPolice])
        #expect(IllegalReportRules.maskedName("王小明") == "王**")
        #expect(IllegalReportRules.maskedName("李") == "李*")
    }

    @Test func countsByYearAndOutcome() {
        let counts = IllegalReportYearCount.tally([
            (2025, (2025, .banned)), (2025, (2026, .persuadedToDisband)), (2026, (2026, .unfounded)),
            (2026, (2026, .orderedToRegister)), (2026, nil), (2026, (2026, .handedToPolice)),
        ])
        #expect(counts.map(\.year) == [2026, 2025])
        #expect(counts[0].received == 4 && counts[0].closed == 4 && counts[0].stopped == 2)
        #expect(
            counts[0].byOutcome == [
                "persuadedToDisband": 1, "unfounded": 1, "orderedToRegister": 1, "handedToPolice": 1,
            ])
        #expect(counts[1].received == 2 && counts[1].closed == 1 && counts[1].stopped == 1)
    }

    @Test func findingNeedsTheRuleWhenImproper() throws {
        #expect(try TradeAssociationFees.finding("compliant", rule: "ignored") == (.compliant, nil))
        #expect(try TradeAssociationFees.finding("improper", rule: "强制入会收费") == (.improper, "强制入会收费"))
        #expect(throws: FieldProblem("rule", "认定违规须写明违反的规定")) {
            try TradeAssociationFees.finding("improper", rule: " ")
        }
        #expect(throws: FieldProblem.self) { try TradeAssociationFees.finding("maybe", rule: nil) }
    }

    struct Refund: Sendable, CustomTestStringConvertible {
        let amount: Int64?
        let improper: Int64
        let refunded: Int64
        let accepted: Bool
        var testDescription: String { "\(amount.map(String.init) ?? "nil") of \(improper) after \(refunded)" }
    }

    static let refunds: [Refund] = [
        Refund(amount: 100, improper: 100, refunded: 0, accepted: true),
        Refund(amount: 101, improper: 100, refunded: 0, accepted: false),
        Refund(amount: 40, improper: 100, refunded: 60, accepted: true),
        Refund(amount: 41, improper: 100, refunded: 60, accepted: false),
        Refund(amount: 1, improper: 100, refunded: 100, accepted: false),
        Refund(amount: 0, improper: 100, refunded: 0, accepted: false),
        Refund(amount: -5, improper: 100, refunded: 0, accepted: false),
        Refund(amount: nil, improper: 100, refunded: 0, accepted: false),
        Refund(amount: 1, improper: 0, refunded: 0, accepted: false),
    ]

    @Test(arguments: refunds) func refundNeverPastTheImproperAmount(_ r: Refund) {
        do {
            let fen = try TradeAssociationFees.refund(r.amount, improper: Fen(r.improper), refunded: Fen(r.refunded))
            #expect(r.accepted)
            #expect(fen.value == r.amount)
        } catch {
            #expect(!r.accepted)
            #expect(error.field == "amountFen")
        }
    }

    @Test func totalsByAssociationAndYearExactInFen() {
        let items = [
            TradeAssociationFees.Item(
                association: "A", year: 2025, charged: Fen(1_234_567), finding: .improper, refunded: Fen(1_000_001)),
            TradeAssociationFees.Item(
                association: "A", year: 2025, charged: Fen(99), finding: .compliant, refunded: Fen(0)),
            TradeAssociationFees.Item(association: "A", year: 2026, charged: Fen(5), finding: nil, refunded: Fen(0)),
            TradeAssociationFees.Item(
                association: "B", year: 2025, charged: Fen(300_000_01), finding: .improper, refunded: Fen(300_000_01)),
        ]
        let t = TradeAssociationFees.totals(items)
        let a2025 = t.byAssociationYear[.init(association: "A", year: 2025)]!
        #expect(a2025.items == 2 && a2025.improperItems == 1)
        #expect(a2025.chargedFen == 1_234_666 && a2025.improperFen == 1_234_567 && a2025.refundedFen == 1_000_001)
        #expect(a2025.outstandingFen == 234_566)
        #expect(t.byYear[2025]!.refundedFen == 31_000_002)
        #expect(t.byYear[2026]!.chargedFen == 5 && t.byYear[2026]!.improperFen == 0)
        #expect(t.overall.refundedFen == 31_000_002 && t.overall.improperFen == 31_234_568)
        #expect(TradeAssociationFees.tenThousandYuan(1_871_000_000) == "1871.00 万元")
        #expect(TradeAssociationFees.tenThousandYuan(1_871_049_999) == "1871.05 万元")
    }
}
