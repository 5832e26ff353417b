/// What the rules need to know about one member, worked out once per assessment.
struct MemberFacts {
    /// Completed years on the first day of the assessed month; 0 for a baby born later
    /// in that month (a birth date within the month is valid).
    let age: Int
    let disability: PolicyTraceStep.Disability?
    /// Sum of the member's counted incomes (section 2).
    let countedIncome: Fen
    /// Sum of the member's `wage` and `business` incomes.
    let earnedIncome: Fen
    var isTekun = false
    /// Set by R4 (all remaining members) or R5 (the member itself), for R11.
    var coveredBy: PolicyProgram?

    init(_ member: AssessmentRequest.Member, firstDay: CivilDate) {
        age = max(0, member.birthDate.age(on: firstDay))
        disability = member.disabilityGrade.map { PolicyTraceStep.Disability(grade: $0, kind: member.disabilityKind) }
        var counted = Fen.zero
        var earned = Fen.zero
        for income in member.incomes where income.kind.isCounted {
            counted = counted + income.monthlyFen
            if income.kind.isEarned { earned = earned + income.monthlyFen }
        }
        countedIncome = counted
        earnedIncome = earned
    }

    /// Grade 1 or 2, any kind.
    var isSeverelyDisabled: Bool { disability.map { $0.grade == 1 || $0.grade == 2 } ?? false }

    /// Any certified grade, 1 to 4.
    var isDisabled: Bool { disability.map { (1...4).contains($0.grade) } ?? false }

    /// Grade 3 with kind intellectual or mental.
    var isGrade3IntellectualOrMental: Bool {
        guard let d = disability, d.grade == 3 else { return false }
        return d.kind == .intellectual || d.kind == .mental
    }

    var hasQualifyingDisability: Bool { isSeverelyDisabled || isGrade3IntellectualOrMental }

    static func all(of request: AssessmentRequest) -> [MemberFacts] {
        let firstDay = request.month.firstDay
        return request.members.map { MemberFacts($0, firstDay: firstDay) }
    }
}
