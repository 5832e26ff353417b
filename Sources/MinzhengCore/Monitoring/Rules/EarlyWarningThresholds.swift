/// The numbers the early-warning rules compare against, with the defaults of CATALOG.md.
///
/// These are policy parameters, not constants: like the dibao standard they will be stored
/// as dated parameters per region (`PolicyParameterKey` rows with a `fromMonth`) and the
/// app will build this value from the parameters in force for the household's region on
/// the day a row is evaluated. Until then `.defaults` is what every region gets; the rules
/// never read a literal of their own.
public struct EarlyWarningThresholds: Hashable, Sendable {
    /// Out-of-pocket cost of one hospital stay that is a burden (default 10 000 yuan).
    public var medicalOneStayOutOfPocket: Fen
    /// Out-of-pocket cost over the last 12 months that is a burden (default 20 000 yuan).
    public var medicalTwelveMonthsOutOfPocket: Fen
    /// Age from which a person living alone is watched for visits (default 80).
    public var aloneMinimumAge: Int
    /// Days without a visit after which such a person is due one (default 30).
    public var aloneUnvisitedDays: Int
    /// The least severe disability grade that counts as severe (default 2: grades 1 and 2).
    public var severeDisabilityGrade: DisabilityGrade
    /// Per-capita income at or above this share of the dibao standard S is an income rise
    /// (default 1.0: per-capita ≥ S, where dibao stops being due under R4).
    public var incomeRiseShareOfStandard: Rate

    public init(
        medicalOneStayOutOfPocket: Fen, medicalTwelveMonthsOutOfPocket: Fen, aloneMinimumAge: Int,
        aloneUnvisitedDays: Int, severeDisabilityGrade: DisabilityGrade, incomeRiseShareOfStandard: Rate
    ) {
        self.medicalOneStayOutOfPocket = medicalOneStayOutOfPocket
        self.medicalTwelveMonthsOutOfPocket = medicalTwelveMonthsOutOfPocket
        self.aloneMinimumAge = aloneMinimumAge
        self.aloneUnvisitedDays = aloneUnvisitedDays
        self.severeDisabilityGrade = severeDisabilityGrade
        self.incomeRiseShareOfStandard = incomeRiseShareOfStandard
    }

    /// CATALOG.md, "Early-warning rules".
    public static let defaults = EarlyWarningThresholds(
        medicalOneStayOutOfPocket: Fen(yuan: 10_000),
        medicalTwelveMonthsOutOfPocket: Fen(yuan: 20_000),
        aloneMinimumAge: 80,
        aloneUnvisitedDays: 30,
        severeDisabilityGrade: DisabilityGrade(2)!,
        incomeRiseShareOfStandard: Rate(basisPoints: 10_000)
    )

    public func isSevere(_ grade: DisabilityGrade) -> Bool { grade <= severeDisabilityGrade }

    /// The per-capita income from which the income-rise rule fires, for standard `s`,
    /// rounded up to a whole fen so that the default line is exactly S.
    public func incomeRiseLine(standard s: Fen) -> Fen { incomeRiseShareOfStandard.ofRoundedUpToFen(s) }
}
