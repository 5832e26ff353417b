/// The eleven department data feeds of CATALOG.md. The raw value is the code in
/// `POST /api/v1/feeds/{kind}` and in `minzheng feed import --kind`.
public enum FeedKind: String, CaseIterable, Codable, Sendable {
    case death, medicalExpense, unemployment, pension, disability, vehicle
    case realEstate, business, school, custody, hukouMove

    /// The departments that send this feed, the owner first. Deaths come from both 公安
    /// (household registration) and 卫健 (medical death certificates); the first to arrive wins
    /// and the other is a harmless repeat for the person.
    public var departments: [FeedDepartment] {
        switch self {
        case .death: return [.publicSecurity, .health]
        case .medicalExpense: return [.medicalInsurance]
        case .unemployment, .pension: return [.humanResources]
        case .disability: return [.disabledFederation]
        case .vehicle, .hukouMove: return [.publicSecurity]
        case .realEstate: return [.naturalResources]
        case .business: return [.marketRegulation]
        case .school: return [.education]
        case .custody: return [.justice]
        }
    }

    /// The department that owns the feed (the first of `departments`).
    public var owningDepartment: FeedDepartment { departments[0] }

    /// The fields a row of this feed carries beyond `sourceRecordId` and `idNumber`, in the
    /// order of CATALOG.md (also the column order of a CSV template).
    public var payloadFields: [String] {
        switch self {
        case .death: return ["deathDate"]
        case .medicalExpense: return ["admissionDate", "dischargeDate", "totalFen", "outOfPocketFen", "seriousIllness"]
        case .unemployment: return ["registeredDate", "status"]
        case .pension: return ["monthlyFen", "fromMonth"]
        case .disability: return ["grade", "kind", "certifiedDate", "validUntil"]
        case .vehicle: return ["registeredDate", "valueFen"]
        case .realEstate: return ["properties", "areaM2"]
        case .business: return ["registeredDate", "capitalFen", "status"]
        case .school: return ["level", "enrolledDate"]
        case .custody: return ["startDate", "endDate"]
        case .hukouMove: return ["movedOutDate", "toRegion"]
        }
    }

    /// Every field a row may carry; anything else is refused so that a misspelt column is
    /// not silently dropped.
    public var allFields: [String] { FeedRecord.commonFields + payloadFields }

    /// Fields a row may leave out: a custody still running has no end date, most
    /// settlements are not for a serious illness, and a permanent disability certificate has no
    /// end of validity.
    public var optionalFields: Set<String> {
        switch self {
        case .medicalExpense: return ["seriousIllness"]
        case .disability: return ["validUntil"]
        case .custody: return ["endDate"]
        default: return []
        }
    }
}
