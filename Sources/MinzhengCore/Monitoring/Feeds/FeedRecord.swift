/// One checked row of a department feed: who it is about, the department's own id for the
/// row, and what it says.
public struct FeedRecord: Hashable, Sendable {
    /// The fields every feed carries, before the kind's own.
    public static let commonFields = ["sourceRecordId", "idNumber"]

    /// The sending department's id for this row: 1–64 characters, no control characters.
    public let sourceRecordId: String
    public let idNumber: ResidentID
    public let payload: FeedPayload

    public init(sourceRecordId: String, idNumber: ResidentID, payload: FeedPayload) {
        self.sourceRecordId = sourceRecordId
        self.idNumber = idNumber
        self.payload = payload
    }

    public var kind: FeedKind { payload.kind }

    /// Feed and source record id: a row sent again (same feed, same source record id) has
    /// the same key, and the app stores each key once, so re-sending changes nothing.
    /// The source id comes last, so it may contain any character, `:` included.
    public var dedupeKey: String { FeedRecord.dedupeKey(kind: kind, sourceRecordId: sourceRecordId) }

    public static func dedupeKey(kind: FeedKind, sourceRecordId: String) -> String {
        kind.rawValue + ":" + sourceRecordId
    }
}

/// What a feed row says, one case per feed kind.
public enum FeedPayload: Hashable, Sendable {
    case death(DeathNotice)
    case medicalExpense(MedicalStay)
    case unemployment(UnemploymentRegistration)
    case pension(PensionAward)
    case disability(DisabilityCertificate)
    case vehicle(VehicleRegistration)
    case realEstate(RealEstateHolding)
    case business(BusinessRegistration)
    case school(SchoolEnrollment)
    case custody(CustodyPeriod)
    case hukouMove(HukouMoveOut)

    public var kind: FeedKind {
        switch self {
        case .death: return .death
        case .medicalExpense: return .medicalExpense
        case .unemployment: return .unemployment
        case .pension: return .pension
        case .disability: return .disability
        case .vehicle: return .vehicle
        case .realEstate: return .realEstate
        case .business: return .business
        case .school: return .school
        case .custody: return .custody
        case .hukouMove: return .hukouMove
        }
    }

    /// A monthly income the row reveals, by the means test's kind (POLICY.md section 2),
    /// or nil. Only the pension feed carries an amount of income; the income-rise rule
    /// listens to whatever this returns, so an income feed added later joins it here.
    public var countedMonthlyIncome: (kind: AssessmentRequest.IncomeKind, monthly: Fen)? {
        switch self {
        case .pension(let p): return (.pension, p.monthlyFen)
        default: return nil
        }
    }
}
