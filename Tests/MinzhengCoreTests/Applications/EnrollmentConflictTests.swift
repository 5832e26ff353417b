import Testing
import MinzhengCore

// Household H1 has members A, B, C; household H2 has D.
private func household(_ id: String = "H1", _ members: Set<String> = ["A", "B", "C"]) -> AssistanceBeneficiary {
    .household(id: id, members: members)
}

private func person(_ id: String, _ household: String = "H1") -> AssistanceBeneficiary {
    .person(id: id, household: household)
}

@Suite("Exclusions: enrollments that cannot coexist are flagged at intake")
struct EnrollmentConflictTests {
    /// (new item, for whom, item already held, held by whom, whether they conflict)
    @Test(arguments: [
        // tekun × dibao, same person: only if the dibao counts that person.
        (AssistanceItemCode.tekun, person("B"), AssistanceItemCode.dibao, household(), true),
        (.tekun, person("B"), .dibao, household("H1", ["A", "C"]), false),
        (.dibao, household(), .tekun, person("B"), true),
        (.dibao, household("H1", ["A", "C"]), .tekun, person("B"), false),
        // tekun × individualDibao, same person.
        (.tekun, person("B"), .individualDibao, person("B"), true),
        (.tekun, person("B"), .individualDibao, person("A"), false),
        // dibao × individualDibao, dibao × edge, dibao × expense, edge × expense: same household.
        (.dibao, household(), .individualDibao, person("A"), true),
        (.lowIncomeEdge, household(), .dibao, household(), true),
        (.dibao, household(), .lowIncomeEdge, household(), true),
        (.lowIncomeEdge, household("H2", ["D"]), .dibao, household(), false),
        (.expenseHardship, household(), .dibao, household(), true),
        (.expenseHardship, household(), .lowIncomeEdge, household(), true),
        // R5 and R6 can both hold: a household on the edge with a member on 单人保.
        (.lowIncomeEdge, household(), .individualDibao, person("A"), false),
        // tekun × nursing / living subsidy, orphan × child in distress: same person.
        (.nursingSubsidy, person("B"), .tekun, person("B"), true),
        (.nursingSubsidy, person("B"), .tekun, person("A"), false),
        (.livingSubsidy, person("C"), .tekun, person("C"), true),
        (.childInDistress, person("C"), .orphan, person("C"), true),
        (.orphan, person("C"), .childInDistress, person("C"), true),
        // Unrelated items never conflict.
        (.temporaryAssistance, household(), .dibao, household(), false),
        (.medicalAssistance, person("A"), .dibao, household(), false),
        (.seniorAllowance, person("A"), .nursingSubsidy, person("A"), false),
    ])
    func exclusionTable(
        newItem: AssistanceItemCode, subject: AssistanceBeneficiary,
        heldItem: AssistanceItemCode, holder: AssistanceBeneficiary, conflicting: Bool
    ) throws {
        let existing = ExistingEnrollment(item: heldItem, beneficiary: holder)
        let conflicts = AssistanceExclusions.conflicts(newItem: newItem, subject: subject, existing: [existing])
        #expect(conflicts.count == (conflicting ? 1 : 0))
        if conflicting {
            let conflict = try #require(conflicts.first)
            #expect(conflict.existing == existing)
            guard case .excluded(let rule) = conflict.kind else { Issue.record("expected an exclusion"); return }
            #expect(rule.involves(newItem, heldItem))
        }
    }

    @Test(arguments: [
        (AssistanceItemCode.dibao, household(), household(), true),
        (.dibao, household(), household("H2", ["D"]), false),
        (.seniorAllowance, person("A"), person("A"), true),
        (.seniorAllowance, person("A"), person("B"), false),
    ])
    func theSameItemTwiceIsAlreadyEnrolled(
        item: AssistanceItemCode, subject: AssistanceBeneficiary,
        holder: AssistanceBeneficiary, duplicate: Bool
    ) {
        let conflicts = AssistanceExclusions.conflicts(
            newItem: item, subject: subject,
            existing: [ExistingEnrollment(item: item, beneficiary: holder)])
        #expect(conflicts.map(\.kind) == (duplicate ? [.alreadyEnrolled] : []))
    }

    @Test func everyConflictIsListedInTheOrderOfTheEnrollments() {
        let existing = [
            ExistingEnrollment(item: .seniorAllowance, beneficiary: person("B")),
            ExistingEnrollment(item: .individualDibao, beneficiary: person("B")),
            ExistingEnrollment(item: .dibao, beneficiary: household()),
            ExistingEnrollment(item: .nursingSubsidy, beneficiary: person("B")),
        ]
        let conflicts = AssistanceExclusions.conflicts(newItem: .tekun, subject: person("B"), existing: existing)
        #expect(conflicts.map(\.existing.item) == [.individualDibao, .dibao, .nursingSubsidy])
    }

    @Test func theMessageNamesBothItemsInChinese() throws {
        let conflict = try #require(
            AssistanceExclusions.conflicts(
                newItem: .tekun, subject: person("B"),
                existing: [ExistingEnrollment(item: .dibao, beneficiary: household())]
            ).first)
        let text = conflict.chinese()
        #expect(text.contains("“特困人员救助供养”与已享受的“最低生活保障”不能同时享受（同一人）"))
        #expect(text.contains("POLICY R1"))
        let duplicate = AssistanceExclusions.conflicts(
            newItem: .dibao, subject: household(),
            existing: [ExistingEnrollment(item: .dibao, beneficiary: household())])
        #expect(duplicate.first?.chinese() == "已在享受“最低生活保障”，无需重复申请")
    }

    @Test func theTableNamesKnownItemsAndNoPairTwice() {
        let known = Set(AssistanceCatalog.standard.items.map(\.code)).union([.individualDibao])
        for rule in AssistanceExclusions.rules {
            #expect(rule.items.count == 2)
            #expect(rule.items.isSubset(of: known), "\(rule.items)")
            #expect(!rule.reason.isEmpty)
        }
        #expect(Set(AssistanceExclusions.rules.map(\.items)).count == AssistanceExclusions.rules.count)
    }
}
