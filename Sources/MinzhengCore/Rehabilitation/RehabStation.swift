/// 德康驿站: community mental-health rehabilitation stations (社区精神障碍康复驿站), run by a
/// social organisation or by the community, each fitted out to the city's standard list of
/// equipment, and serving the patients of its street under the four-party model (hospital,
/// community, family, social organisation).

/// The standard equipment of a station (标准化建设清单): a station meets the standard when it
/// has every item.
public enum RehabEquipment: String, CaseIterable, Codable, Sendable {
    case trainingRoom, counsellingRoom, occupationalTherapyRoom, activityRoom, medicationCabinet
    case fitnessEquipment, readingCorner, firstAidKit, safetyMonitoring, accessibility

    public var chinese: String {
        switch self {
        case .trainingRoom: return "康复训练室"
        case .counsellingRoom: return "心理咨询室"
        case .occupationalTherapyRoom: return "工疗农疗活动室"
        case .activityRoom: return "多功能活动室"
        case .medicationCabinet: return "药品管理柜（服药督导）"
        case .fitnessEquipment: return "康复健身器材"
        case .readingCorner: return "阅览及电脑设备"
        case .firstAidKit: return "急救箱及应急药品"
        case .safetyMonitoring: return "安全监控及报警设施"
        case .accessibility: return "无障碍设施"
        }
    }
}

/// Who runs a station.
public enum RehabOperatorKind: String, CaseIterable, Codable, Sendable {
    case socialOrganisation, community

    public var chinese: String {
        switch self {
        case .socialOrganisation: return "社会组织运营"
        case .community: return "社区自办"
        }
    }
}

/// The four parties of the model (四方联动): who gave a service.
public enum RehabParty: String, CaseIterable, Codable, Sendable {
    case hospital, community, family, socialOrganisation

    public var chinese: String {
        switch self {
        case .hospital: return "医院"
        case .community: return "社区"
        case .family: return "家庭"
        case .socialOrganisation: return "社会组织"
        }
    }
}

/// What a service was.
public enum RehabServiceKind: String, CaseIterable, Codable, Sendable {
    case medicationSupervision, skillsTraining, occupationalTherapy, counselling, familySupport, referral

    public var chinese: String {
        switch self {
        case .medicationSupervision: return "服药督导"
        case .skillsTraining: return "生活技能训练"
        case .occupationalTherapy: return "工疗农疗"
        case .counselling: return "心理疏导"
        case .familySupport: return "家属支持"
        case .referral: return "转介就医"
        }
    }
}

/// Why a patient left the station.
public enum RehabLeaveReason: String, CaseIterable, Codable, Sendable {
    case recovered, hospitalised, movedAway, withdrew, died

    public var chinese: String {
        switch self {
        case .recovered: return "康复回归社会"
        case .hospitalised: return "住院治疗"
        case .movedAway: return "迁出本辖区"
        case .withdrew: return "本人或家属退出"
        case .died: return "死亡"
        }
    }
}

/// The rules of the stations: the standard, the dates of an enrolment and of what is recorded in it.
public enum RehabRules {
    /// The items a station lacks, in the list's order; none when it meets the standard.
    public static func missing(present: Set<RehabEquipment>) -> [RehabEquipment] {
        RehabEquipment.allCases.filter { !present.contains($0) }
    }

    public static func meetsStandard(present: Set<RehabEquipment>) -> Bool {
        missing(present: present).isEmpty
    }

    /// An enrolment's first day: not after today, not before the station opened.
    public static func checkEnrolment(on day: CivilDate, stationOpened: CivilDate, today: CivilDate) -> Refusal? {
        if day > today { return .invalid("enrolledOn", "入站日期不能晚于今天") }
        if day < stationOpened { return .invalid("enrolledOn", "入站日期不能早于驿站开办日期 \(stationOpened)") }
        return nil
    }

    /// A leaving day: from the enrolment's first day to today.
    public static func checkLeaving(on day: CivilDate, enrolledOn: CivilDate, today: CivilDate) -> Refusal? {
        if day > today { return .invalid("leftOn", "离站日期不能晚于今天") }
        if day < enrolledOn { return .invalid("leftOn", "离站日期不能早于入站日期 \(enrolledOn)") }
        return nil
    }

    /// A day of attendance or service: within the enrolment and not after today.
    public static func checkDay(
        _ day: CivilDate, field: String, enrolledOn: CivilDate, leftOn: CivilDate?, today: CivilDate
    ) -> Refusal? {
        if day > today { return .invalid(field, "日期不能晚于今天") }
        if day < enrolledOn { return .invalid(field, "日期早于入站日期 \(enrolledOn)") }
        if let leftOn, day > leftOn { return .invalid(field, "日期晚于离站日期 \(leftOn)") }
        return nil
    }
}

/// The city's progress against its targets (`rehabStationTarget`, `rehabPatientTarget`).
public struct RehabProgress: Codable, Sendable, Equatable {
    public let stations: Int
    public let stationsMeetingStandard: Int
    public let stationTarget: Int
    public let patients: Int
    public let patientTarget: Int
    /// Whole percent of each target reached (0 when the target is 0).
    public let stationPercent: Int
    public let patientPercent: Int

    public init(stations: Int, stationsMeetingStandard: Int, stationTarget: Int, patients: Int, patientTarget: Int) {
        self.stations = stations
        self.stationsMeetingStandard = stationsMeetingStandard
        self.stationTarget = stationTarget
        self.patients = patients
        self.patientTarget = patientTarget
        stationPercent = stationTarget > 0 ? stations * 100 / stationTarget : 0
        patientPercent = patientTarget > 0 ? patients * 100 / patientTarget : 0
    }
}
