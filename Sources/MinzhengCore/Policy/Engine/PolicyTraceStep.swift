/// One step of the reasoning behind a decision, holding the numbers it used.
///
/// Steps are plain values (no text) so that assessing stays allocation-light; `chinese`
/// renders one as zh-CN when a person reads it. Members are request indices (0-based).
public enum PolicyTraceStep: Sendable, Hashable {
    // Shared by several rules.
    case standardInForce(standard: Fen, month: YearMonth)
    case assetTestPassed(perCapitaFinancial: Fen, limit: Fen, months: Int)
    case monthlyAmount(Fen)

    // R2, the household's counted income.
    case memberLeftHouseholdAsTekun(member: Int)
    case incomeCounted(member: Int, kind: AssessmentRequest.IncomeKind, amount: Fen)
    case incomeExempt(member: Int, kind: AssessmentRequest.IncomeKind, amount: Fen)
    case employmentDeduction(member: Int, age: Int, earned: Fen, cap: Fen, deduction: Fen)
    case householdCountedIncome(gross: Fen, deductions: Fen, counted: Fen)
    case perCapitaIncome(counted: Fen, householdSize: Int, perCapita: Fen)

    // Comparisons of P with the standard and its multiples.
    case perCapitaBelowStandard(perCapita: Fen, standard: Fen)
    /// S ≤ P < multiplier × S; `ceiling` is multiplier × S rounded up to a fen.
    case perCapitaWithinMultiple(perCapita: Fen, standard: Fen, multiplier: Rate, ceiling: Fen)
    /// P ≥ multiplier × S.
    case perCapitaAtLeastMultiple(perCapita: Fen, multiplier: Rate, threshold: Fen)

    // R1, tekun.
    case tekunPerson(member: Int, age: Int, basis: TekunBasis)
    case tekunLaborCapacity(member: Int, capacity: LaborCapacity, elderlyAge: Int?)
    case noCapableSupporter(member: Int)
    case ownIncomeBelowStandard(member: Int, income: Fen, standard: Fen)
    case tekunBasicLiving(multiplier: Rate, standard: Fen, amount: Fen)
    case tekunCare(selfCare: SelfCare, rate: Rate, standard: Fen, amount: Fen)

    // R4, dibao.
    case dibaoShortfall(standard: Fen, perCapita: Fen, householdSize: Int, shortfall: Fen)
    case dibaoAddOn(member: Int, reason: DibaoAddOnReason, rate: Rate, amount: Fen)
    case dibaoTotalRoundedUp(exact: Fen, rounded: Fen)

    // R5, individual dibao.
    case individualDibao(member: Int, age: Int, basis: IndividualDibaoBasis, rate: Rate, standard: Fen, amount: Fen)

    // R6 and R7: no cash, other assistance opens.
    case noMonthlyCash(PolicyProgram)
    case annualPerCapitaBelowLimit(annualPerCapita: Fen, limit: Fen)
    case rigidExpenses(medical: Fen, education: Fen, rehabilitation: Fen, disaster: Fen, total: Fen)
    case incomeAfterRigidExpenses(
        annualIncome: Fen, expenses: Fen, householdSize: Int, monthlyPerCapita: Fen, standard: Fen)

    // R8–R12, per member.
    case orphanAllowance(member: Int, age: Int, adultAge: Int, setting: AssessmentRequest.CareSetting, amount: Fen)
    case childInDistress(
        member: Int, age: Int, adultAge: Int, category: AssessmentRequest.ChildCategory,
        orphanCommunity: Fen, rate: Rate?, amount: Fen)
    case nursingSubsidy(member: Int, disability: Disability, hukou: Hukou, amount: Fen)
    case livingSubsidy(
        member: Int, disability: Disability, coveredBy: PolicyProgram, rate: Rate, standard: Fen, amount: Fen)
    case seniorAllowance(member: Int, age: Int, tierAge: Int, amount: Fen)

    /// A certified disability as the traces name it.
    public struct Disability: Sendable, Hashable {
        public let grade: Int
        public let kind: DisabilityKind?
    }

    public enum TekunBasis: Sendable, Hashable {
        case elderly(elderlyAge: Int)
        case qualifyingDisability(Disability, adultAge: Int)
    }

    public enum DibaoAddOnReason: Sendable, Hashable {
        case disability(Disability)
        case seriousIllness
        case elderly(age: Int, elderlyAge: Int)
        case minor(age: Int, adultAge: Int)
    }

    public enum IndividualDibaoBasis: Sendable, Hashable {
        case severeDisability(Disability)
        case seriousIllness
        case grade3IntellectualOrMental(Disability)
    }
}
