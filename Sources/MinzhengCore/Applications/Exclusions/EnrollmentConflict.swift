/// Why a new application collides with an enrollment already held.
public struct EnrollmentConflict: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The same item, for the same household (household item) or person (person item).
        case alreadyEnrolled
        /// A rule of `AssistanceExclusions.rules`.
        case excluded(ExclusionRule)
    }

    public let newItem: AssistanceItemCode
    public let existing: ExistingEnrollment
    public let kind: Kind

    /// The sentence shown at intake, naming the items as `catalog` names them.
    public func chinese(in catalog: AssistanceCatalog = .standard) -> String {
        let held = catalog.displayName(of: existing.item)
        switch kind {
        case .alreadyEnrolled:
            return "已在享受“\(held)”，无需重复申请"
        case .excluded(let rule):
            return "“\(catalog.displayName(of: newItem))”与已享受的“\(held)”不能同时享受（\(rule.scope.chinese)）：\(rule.reason)"
        }
    }
}

extension AssistanceExclusions {
    /// The conflicts of an application for `newItem` for `subject` with the enrollments
    /// already held, in the order of `existing`. Empty means no conflict.
    ///
    /// A conflict is a flag for the officer, not a refusal: whether the old enrollment
    /// ends or the application is withdrawn is their decision.
    public static func conflicts(
        newItem: AssistanceItemCode, subject: AssistanceBeneficiary,
        existing: [ExistingEnrollment],
        rules: [ExclusionRule] = rules
    ) -> [EnrollmentConflict] {
        existing.compactMap { enrollment in
            if enrollment.item == newItem {
                let same =
                    subject.subject == .household
                    ? enrollment.beneficiary.householdID == subject.householdID
                    : overlaps(enrollment.beneficiary, subject)
                return same ? EnrollmentConflict(newItem: newItem, existing: enrollment, kind: .alreadyEnrolled) : nil
            }
            for rule in rules
            where rule.involves(newItem, enrollment.item) && applies(rule.scope, enrollment.beneficiary, subject) {
                return EnrollmentConflict(newItem: newItem, existing: enrollment, kind: .excluded(rule))
            }
            return nil
        }
    }

    private static func applies(
        _ scope: ExclusionRule.Scope, _ a: AssistanceBeneficiary, _ b: AssistanceBeneficiary
    ) -> Bool {
        switch scope {
        case .samePerson: return overlaps(a, b)
        case .sameHousehold: return a.householdID == b.householdID
        }
    }

    private static func overlaps(_ a: AssistanceBeneficiary, _ b: AssistanceBeneficiary) -> Bool {
        !a.personIDs.isDisjoint(with: b.personIDs)
    }
}
