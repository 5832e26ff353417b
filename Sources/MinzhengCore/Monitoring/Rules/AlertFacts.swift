/// The numbers behind an alert, kept structured so the evidence can be rendered in any
/// language (AlertText+zhCN.swift renders the Chinese sentence) and checked by tests.
public enum AlertFacts: Hashable, Sendable {
    /// The person died; the benefits listed (program or item codes) stop from `stopsFrom`.
    case death(deathDate: CivilDate, stopsFrom: YearMonth, benefits: [String])
    case vehicle(registeredDate: CivilDate, value: Fen)
    /// `householdProperties`: the person's properties plus the other members'.
    case realEstate(personProperties: Int, householdProperties: Int, maximum: Int, area: SquareMetres)
    case business(registeredDate: CivilDate, capital: Fen)
    case incomeRise(kind: AssessmentRequest.IncomeKind, monthly: Fen, perCapita: Fen, line: Fen)
    case medicalBurden(
        admissionDate: CivilDate, dischargeDate: CivilDate, oneStay: Fen, twelveMonths: Fen,
        oneStayLimit: Fen, twelveMonthsLimit: Fen)
    case jobLoss(registeredDate: CivilDate)
    case severeDisability(grade: DisabilityGrade, kind: DisabilityKind, certifiedDate: CivilDate)
    /// `lastVisit` nil: never visited.
    case aloneUnvisited(age: Int, lastVisit: CivilDate?, daysWithoutVisit: Int?, limitDays: Int)
    case custody(startDate: CivilDate, endDate: CivilDate?, householdSize: Int)
}
