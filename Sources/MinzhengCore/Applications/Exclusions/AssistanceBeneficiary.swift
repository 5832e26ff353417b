/// Who an application or an enrollment is for, by the registry's identifiers (UUID
/// strings of households and persons).
///
/// A household enrollment lists the members it covers because exclusions are often per
/// person even when one side is a household program: a person supported as tekun must not
/// also be counted in the household's dibao (POLICY.md R1).
public enum AssistanceBeneficiary: Hashable, Sendable {
    /// A household item, and the members it counts.
    case household(id: String, members: Set<String>)
    /// A per-person item, and the household the person belongs to.
    case person(id: String, household: String)

    public var householdID: String {
        switch self {
        case .household(let id, _): return id
        case .person(_, let household): return household
        }
    }

    /// The persons covered: the counted members, or the one person.
    public var personIDs: Set<String> {
        switch self {
        case .household(_, let members): return members
        case .person(let id, _): return [id]
        }
    }

    public var subject: AssistanceSubject {
        switch self {
        case .household: return .household
        case .person: return .person
        }
    }
}

/// An enrollment the household or person already has: the item (or `individualDibao`)
/// and whom it covers.
public struct ExistingEnrollment: Hashable, Sendable {
    public let item: AssistanceItemCode
    public let beneficiary: AssistanceBeneficiary

    public init(item: AssistanceItemCode, beneficiary: AssistanceBeneficiary) {
        self.item = item
        self.beneficiary = beneficiary
    }
}
