/// Two items that cannot be held together, within a scope.
public struct ExclusionRule: Hashable, Sendable {
    public enum Scope: String, Hashable, Sendable {
        /// The two enrollments cover a common person.
        case samePerson
        /// The two enrollments belong to the same household.
        case sameHousehold

        public var chinese: String {
            switch self {
            case .samePerson: return "同一人"
            case .sameHousehold: return "同一家庭"
            }
        }
    }

    /// The pair, in no particular order: a rule excludes both ways.
    public let items: Set<AssistanceItemCode>
    public let scope: Scope
    /// Why, in zh-CN, shown to the officer at intake.
    public let reason: String

    public init(_ a: AssistanceItemCode, _ b: AssistanceItemCode, _ scope: Scope, _ reason: String) {
        items = [a, b]
        self.scope = scope
        self.reason = reason
    }

    public func involves(_ a: AssistanceItemCode, _ b: AssistanceItemCode) -> Bool {
        a != b && items == [a, b]
    }
}

/// The exclusion table: the one place that says which enrollments cannot coexist.
///
/// Every rule restates a condition of POLICY.md, so that a conflict is flagged when the
/// application is taken rather than discovered when the payment roll is built.
public enum AssistanceExclusions {
    public static let rules: [ExclusionRule] = [
        // R1: tekun members leave the household for R2–R7. A person supported as tekun is
        // not counted in a dibao household, and does not also get 单人保.
        ExclusionRule(.tekun, .dibao, .samePerson, "特困供养人员不计入低保家庭，不能同时享受最低生活保障（POLICY R1）"),
        ExclusionRule(.tekun, .individualDibao, .samePerson, "特困供养人员不能同时享受单人保（POLICY R1、R5）"),
        // R5 applies only when the household fails R4.
        ExclusionRule(.dibao, .individualDibao, .sameHousehold, "单人保仅在家庭不符合低保条件时适用，低保家庭的成员不再单独纳入（POLICY R5）"),
        // R6 and R7 apply only when R4 fails, R7 only when R6 fails too.
        ExclusionRule(.dibao, .lowIncomeEdge, .sameHousehold, "低保家庭不再认定为低保边缘家庭（POLICY R6）"),
        ExclusionRule(.dibao, .expenseHardship, .sameHousehold, "低保家庭不再认定为支出型困难家庭（POLICY R7）"),
        ExclusionRule(.lowIncomeEdge, .expenseHardship, .sameHousehold, "低保边缘家庭不再认定为支出型困难家庭（POLICY R7）"),
        // R10, R11: tekun support already includes care and living costs.
        ExclusionRule(.tekun, .nursingSubsidy, .samePerson, "特困供养已含照料护理费用，不能同时享受重度残疾人护理补贴（POLICY R10）"),
        ExclusionRule(.tekun, .livingSubsidy, .samePerson, "特困供养人员不能同时享受困难残疾人生活补贴（POLICY R11）"),
        // R9: a child in distress is by definition not an orphan; the orphan allowance is larger.
        ExclusionRule(.orphan, .childInDistress, .samePerson, "孤儿已享受基本生活保障，不再认定为困境儿童（POLICY R9）"),
    ]
}
