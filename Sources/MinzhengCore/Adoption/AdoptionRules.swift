/// 收养登记 (Civil Code, book 5, chapter 5): who may adopt whom, checked before the registrar
/// registers an adoption, and what an adoption writes to the registry.

/// Who places the child (送养人, art. 1094).
public enum AdoptionPlacingParty: String, CaseIterable, Codable, Sendable {
    /// A child-welfare institution (儿童福利机构), for a child whose parents cannot be found.
    case welfareInstitution
    /// The guardian of an orphan.
    case guardian
    /// Birth parents with special hardship who cannot raise the child.
    case parents

    public var chinese: String {
        switch self {
        case .welfareInstitution: return "儿童福利机构"
        case .guardian: return "孤儿的监护人"
        case .parents: return "有特殊困难无力抚养的生父母"
        }
    }
}

/// What the rules need to know of one adopter.
public struct AdopterFacts: Sendable, Equatable {
    public var age: Int
    public var isMale: Bool
    /// Children on the registry in the adopter's household.
    public var children: Int
    /// A spouse on the registry in the adopter's household.
    public var hasSpouse: Bool

    public init(age: Int, isMale: Bool, children: Int, hasSpouse: Bool) {
        (self.age, self.isMale, self.children, self.hasSpouse) = (age, isMale, children, hasSpouse)
    }
}

/// What the rules need to know of an adoption asked for.
public struct AdoptionFacts: Sendable, Equatable {
    public var adopters: [AdopterFacts]
    /// The two adopters are each other's spouses on the registry.
    public var adoptersMarried: Bool
    public var childAge: Int
    public var childIsMale: Bool
    /// An orphan, a disabled child, or a child of a welfare institution whose parents cannot be
    /// found: the adopters' number of children does not limit (art. 1100).
    public var childExempt: Bool
    public var placingParty: AdoptionPlacingParty
    /// The bureau's adoption assessment (收养评估, art. 1105) found the adopters fit.
    public var assessmentPassed: Bool
    /// The child's consent, needed from 8 years of age (art. 1104).
    public var childConsents: Bool

    public init(
        adopters: [AdopterFacts], adoptersMarried: Bool, childAge: Int, childIsMale: Bool, childExempt: Bool,
        placingParty: AdoptionPlacingParty, assessmentPassed: Bool, childConsents: Bool
    ) {
        self.adopters = adopters
        self.adoptersMarried = adoptersMarried
        self.childAge = childAge
        self.childIsMale = childIsMale
        self.childExempt = childExempt
        self.placingParty = placingParty
        self.assessmentPassed = assessmentPassed
        self.childConsents = childConsents
    }
}

public enum AdoptionRules {
    /// The age from which an adopter may adopt (年满三十周岁, art. 1098).
    public static let minimumAdopterAge = 30
    /// A child of this age or older consents (art. 1104).
    public static let consentAge = 8
    /// A single adopter of a child of the other sex is this much older at least (art. 1102).
    public static let singleOppositeSexGap = 40

    /// nil when the adoption may be registered; otherwise the first rule it breaks, naming the field.
    public static func check(_ facts: AdoptionFacts) -> Refusal? {
        guard (1...2).contains(facts.adopters.count) else {
            return .invalid("adopters", "收养人应为一人，或夫妻二人共同收养")
        }
        guard facts.childAge < 18 else { return .invalid("child", "被收养人应为未成年人（第一千零九十三条）") }
        if facts.adopters.count == 2, !facts.adoptersMarried {
            return .invalid("adopters", "二人共同收养须为夫妻（第一千一百零一条）")
        }
        if facts.adopters.count == 1, facts.adopters[0].hasSpouse {
            return .invalid("adopters", "有配偶者收养子女，应当夫妻共同收养（第一千一百零一条）")
        }
        for adopter in facts.adopters {
            guard adopter.age >= minimumAdopterAge else {
                return .invalid("adopters", "收养人应年满 \(minimumAdopterAge) 周岁（第一千零九十八条）")
            }
            guard facts.childExempt || adopter.children <= 1 else {
                return .invalid("adopters", "收养人应无子女或者只有一名子女（第一千零九十八条）；收养孤儿、残疾未成年人或查找不到生父母的未成年人的除外")
            }
        }
        if facts.adopters.count == 1, let adopter = facts.adopters.first, adopter.isMale != facts.childIsMale,
            adopter.age - facts.childAge < singleOppositeSexGap
        {
            return .invalid("adopters", "无配偶者收养异性子女，年龄应当相差 \(singleOppositeSexGap) 周岁以上（第一千一百零二条）")
        }
        guard facts.assessmentPassed else {
            return .invalid("assessment", "收养评估未通过，不予登记（第一千一百零五条）")
        }
        if facts.childAge >= consentAge, !facts.childConsents {
            return .invalid("childConsents", "被收养人年满 \(consentAge) 周岁，应当征得其同意（第一千一百零四条）")
        }
        return nil
    }

    /// The adopted child's relation to the head of the adopters' household.
    public static func relation(adopterIs adopter: Relation) -> Relation {
        switch adopter {
        case .head, .spouse: return .child
        case .child: return .grandchild
        default: return .other
        }
    }
}
