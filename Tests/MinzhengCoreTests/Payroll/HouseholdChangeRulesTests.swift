import MinzhengCore
import Testing

/// Issue 13: a household-level benefit follows its members after a death, a move or a birth.
@Suite("A household's benefit follows its members")
struct HouseholdChangeRulesTests {
    typealias F = PolicyFixtures

    /// The head (45, a wage), the wife (43), the son (14): S = 94000 in 2021-06.
    static func members(headAlive: Bool, wage: Int64 = 120_000, medical: Int64 = 0) throws -> Assessment {
        var members = [F.member(age: 43), F.member(age: 14)]
        if headAlive { members.insert(F.member(age: 45) { $0.incomes = [F.income(.wage, wage)] }, at: 0) }
        return try F.assess(members, expenses: .init(medical: Fen(medical)))
    }

    @Test(
        "dibao, edge and expense hardship: the remaining members' amount, an end when they no longer qualify",
        arguments: [
            // program, current fen, head alive after the change, wage, medical expenses, expected
            (
                PolicyProgram.dibao, Int64(220_000), false, Int64(120_000), Int64(0),
                HouseholdChangeOutcome.newAmount(old: 220_000, new: 197_400)
            ),
            (.dibao, 197_400, false, 120_000, 0, .unchanged(197_400)),
            // With the head alive (a newborn's household reassessed, say) the wage counts again.
            (.dibao, 100, true, 120_000, 0, .newAmount(old: 100, new: 199_600)),
            // The wage lifts three people to 1.3 × S: no dibao, but the edge (which pays no cash).
            (.dibao, 50_000, true, 400_000, 0, .ends(old: 50_000, nobodyLeft: false)),
            (.lowIncomeEdge, 0, true, 400_000, 0, .unchanged(0)),
            (.lowIncomeEdge, 0, false, 0, 0, .ends(old: 0, nobodyLeft: false)),
            (.expenseHardship, 0, true, 500_000, 3_000_000, .unchanged(0)),
            (.expenseHardship, 0, true, 500_000, 0, .ends(old: 0, nobodyLeft: false)),
        ])
    func programs(
        program: PolicyProgram, current: Int64, headAlive: Bool, wage: Int64, medical: Int64,
        expected: HouseholdChangeOutcome
    ) throws {
        let assessment = try Self.members(headAlive: headAlive, wage: wage, medical: medical)
        let outcome = HouseholdChangeRules.outcome(
            program: program, current: Fen(current), livingMembers: headAlive ? 3 : 2, assessment: assessment)
        #expect(outcome == expected)
    }

    @Test("nobody left ends it; an item the engine does not decide, or no means on file, waits for the street")
    func undecided() throws {
        #expect(
            HouseholdChangeRules.outcome(program: .dibao, current: 5, livingMembers: 0, assessment: nil)
                == .ends(old: 5, nobodyLeft: true))
        #expect(
            HouseholdChangeRules.outcome(
                program: nil, current: 5, livingMembers: 2, assessment: try Self.members(headAlive: false))
                == .needsDecision(5))
        #expect(
            HouseholdChangeRules.outcome(program: .dibao, current: 5, livingMembers: 2, assessment: nil)
                == .needsDecision(5))
        // A person program's enrollment is not the household's to follow.
        #expect(
            HouseholdChangeRules.outcome(
                program: .seniorAllowance, current: 5, livingMembers: 2, assessment: try Self.members(headAlive: false))
                == .needsDecision(5))
    }

    static func standing(
        _ id: String, _ relation: Relation, born: String, deceased: Bool = false
    ) -> HouseholdMemberStanding {
        HouseholdMemberStanding(personId: id, relation: relation, birthDate: CivilDate(born)!, deceased: deceased)
    }

    @Test(
        "a new head is proposed when the head died: the spouse, else the oldest living adult, else the oldest",
        arguments: [
            (
                [
                    standing("h", .head, born: "1960-01-01", deceased: true),
                    standing("s", .spouse, born: "1962-01-01"), standing("c", .child, born: "1990-01-01"),
                ], "s"
            ),
            (
                [
                    standing("h", .head, born: "1960-01-01", deceased: true),
                    standing("s", .spouse, born: "1962-01-01", deceased: true),
                    standing("c", .child, born: "1990-01-01"), standing("g", .grandchild, born: "2015-01-01"),
                ], "c"
            ),
            (
                [
                    standing("h", .head, born: "1960-01-01", deceased: true), standing("a", .child, born: "2012-01-01"),
                    standing("b", .child, born: "2010-06-01"),
                ], "b"
            ),
            ([standing("h", .head, born: "1960-01-01"), standing("s", .spouse, born: "1962-01-01")], nil),
            ([standing("h", .head, born: "1960-01-01", deceased: true)], nil),
        ] as [([HouseholdMemberStanding], String?)])
    func proposedHead(members: [HouseholdMemberStanding], expected: String?) {
        #expect(HouseholdChangeRules.proposedHead(members, adultOn: CivilDate("2026-02-01")!) == expected)
    }
}
