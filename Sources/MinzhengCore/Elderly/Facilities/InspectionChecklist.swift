/// What an inspector checks at a facility (安全检查表). The mandatory items follow
/// GB 38600-2019 (养老机构安全管理); a community station without beds or a kitchen is not
/// asked about night staff or food samples.
public enum ChecklistCategory: String, CaseIterable, Codable, Sendable {
    case fire, gas, electrical, food, care

    public var chinese: String {
        switch self {
        case .fire: return "消防"
        case .gas: return "燃气"
        case .electrical: return "用电"
        case .food: return "食品"
        case .care: return "照护"
        }
    }
}

public struct ChecklistItem: Sendable, Hashable, Codable {
    public let code: String
    public let category: ChecklistCategory
    public let text: String
    /// A mandatory item of GB 38600-2019.
    public let mandatory: Bool
    /// Asked only where people live (beds, night care, a kitchen that feeds residents).
    public let residentialOnly: Bool
}

public enum InspectionChecklist {
    public static let items: [ChecklistItem] = [
        .init(
            code: "fire.exits", category: .fire, text: "防火门常闭完好，疏散通道、安全出口畅通，无锁闭、堵塞", mandatory: true,
            residentialOnly: false),
        .init(
            code: "fire.extinguishers", category: .fire, text: "灭火器、消火栓配置齐全且在有效期内", mandatory: true,
            residentialOnly: false),
        .init(
            code: "fire.insulation", category: .fire, text: "无易燃可燃材料保温、装修（彩钢板等）", mandatory: true,
            residentialOnly: false),
        .init(
            code: "fire.alarm", category: .fire, text: "火灾自动报警、自动喷水灭火系统运行正常", mandatory: false, residentialOnly: true),
        .init(code: "fire.drill", category: .fire, text: "每半年至少组织一次消防演练，有记录", mandatory: false, residentialOnly: false),
        .init(code: "gas.alarm", category: .gas, text: "厨房安装可燃气体报警器并联动紧急切断阀", mandatory: true, residentialOnly: false),
        .init(code: "gas.hose", category: .gas, text: "燃气软管无老化、破损，长度不超过 2 米", mandatory: false, residentialOnly: false),
        .init(
            code: "electrical.wiring", category: .electrical, text: "无私拉乱接电线，配电箱完好、有漏电保护", mandatory: false,
            residentialOnly: false),
        .init(
            code: "electrical.charging", category: .electrical, text: "电动自行车不在室内、楼道停放充电", mandatory: true,
            residentialOnly: false),
        .init(
            code: "electrical.appliances", category: .electrical, text: "居室内无违规使用大功率电器", mandatory: false,
            residentialOnly: true),
        .init(code: "food.samples", category: .food, text: "每餐食品留样，保存 48 小时以上", mandatory: true, residentialOnly: true),
        .init(
            code: "food.licence", category: .food, text: "食品经营许可证在有效期内，从业人员持健康证", mandatory: false,
            residentialOnly: false),
        .init(
            code: "care.emergencyCall", category: .care, text: "居室、卫生间设紧急呼叫装置且可用", mandatory: true,
            residentialOnly: true),
        .init(
            code: "care.nightStaff", category: .care, text: "夜间有值班人员，按规定巡查并记录", mandatory: true, residentialOnly: true),
        .init(
            code: "care.handrails", category: .care, text: "走廊、卫生间扶手和防滑措施完好", mandatory: false, residentialOnly: false),
    ]

    /// The items asked at a facility of `kind`, in the order above.
    public static func items(for kind: FacilityKind) -> [ChecklistItem] {
        items.filter { kind.isResidential || !$0.residentialOnly }
    }

    public static func item(_ code: String) -> ChecklistItem? { items.first { $0.code == code } }
}
