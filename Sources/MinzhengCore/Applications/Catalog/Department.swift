/// The 14 departments of CATALOG.md that own assistance items. The raw value is the
/// stable code stored with users of role `department` and with routed applications.
///
/// A closed set: a new department is a new queue, new users and new pages, so it comes
/// with a code change rather than a row an administrator types in.
public enum Department: String, CaseIterable, Codable, Sendable {
    case civilAffairs, education, humanResources, housing, health, medicalInsurance
    case emergency, justice, veterans, agriculture, tradeUnion, womensFederation
    case disabledFederation, youthLeague

    /// The full name, as on a letterhead.
    public var chinese: String {
        switch self {
        case .civilAffairs: return "民政局"
        case .education: return "教育局"
        case .humanResources: return "人力资源和社会保障局"
        case .housing: return "住房和城乡建设局"
        case .health: return "卫生健康委员会"
        case .medicalInsurance: return "医疗保障局"
        case .emergency: return "应急管理局"
        case .justice: return "司法局"
        case .veterans: return "退役军人事务局"
        case .agriculture: return "农业农村局"
        case .tradeUnion: return "总工会"
        case .womensFederation: return "妇女联合会"
        case .disabledFederation: return "残疾人联合会"
        case .youthLeague: return "共青团市委"
        }
    }

    /// The short name people use (and CATALOG.md prints), for lists and badges.
    public var shortChinese: String {
        switch self {
        case .humanResources: return "人社局"
        case .housing: return "住建局"
        case .health: return "卫健委"
        case .medicalInsurance: return "医保局"
        case .womensFederation: return "妇联"
        case .disabledFederation: return "残联"
        case .youthLeague: return "团市委"
        default: return chinese
        }
    }
}
