/// 民政统计: the bureau's monthly figures, each with its definition. A figure is computed from
/// the records by `StatisticsStore` (never typed in) as cells: one value per street (the
/// first nine digits of a record's region) and figure; a view of the city, a district or a
/// street adds the cells up under its regions, and a frozen month keeps its cells.
public enum StatisticsArea: String, CaseIterable, Codable, Sendable {
    case assistance, elderly, children, disability, organisations, marriageFuneral, familySearch

    public var chinese: String {
        switch self {
        case .assistance: return "社会救助"
        case .elderly: return "养老服务"
        case .children: return "儿童福利"
        case .disability: return "残疾人两项补贴"
        case .organisations: return "社会组织"
        case .marriageFuneral: return "婚姻登记与殡葬"
        case .familySearch: return "寻亲与救助管理"
        }
    }
}

public struct StatisticsFigure: Sendable, Hashable, Codable {
    public enum Unit: String, Codable, Sendable {
        /// Households, persons, beds, records.
        case count
        /// Money in fen.
        case fen
    }

    /// How a year is made of its months: a flow adds the months up (amounts paid,
    /// registrations), a stock is the last month's value (recipients, beds, organisations).
    public enum Kind: String, Codable, Sendable { case flow, stock }

    public let key: String
    public let area: StatisticsArea
    public let name: String
    public let unit: Unit
    public let kind: Kind
    /// What is counted, from which records (shown beside the figure and in the .xlsx).
    public let definition: String
}

/// The programmes paid through the monthly payroll rolls, and which figures they give.
public struct PayrollProgramme: Sendable {
    public let itemCode: String
    public let area: StatisticsArea
    public let name: String
    /// Household programmes count households; the others count persons (enrollments).
    public let perHousehold: Bool

    public static let all: [PayrollProgramme] = [
        PayrollProgramme(itemCode: "dibao", area: .assistance, name: "最低生活保障", perHousehold: true),
        PayrollProgramme(itemCode: "tekun", area: .assistance, name: "特困人员救助供养", perHousehold: false),
        PayrollProgramme(itemCode: "temporaryAssistance", area: .assistance, name: "临时救助", perHousehold: true),
        PayrollProgramme(itemCode: "seniorAllowance", area: .elderly, name: "尊老金", perHousehold: false),
        PayrollProgramme(itemCode: "orphan", area: .children, name: "孤儿基本生活费", perHousehold: false),
        PayrollProgramme(itemCode: "childInDistress", area: .children, name: "困境儿童生活费", perHousehold: false),
        PayrollProgramme(itemCode: "livingSubsidy", area: .disability, name: "困难残疾人生活补贴", perHousehold: false),
        PayrollProgramme(itemCode: "nursingSubsidy", area: .disability, name: "重度残疾人护理补贴", perHousehold: false),
    ]

    public var recipientsKey: String { "\(area.rawValue).\(itemCode).recipients" }
    public var paidKey: String { "\(area.rawValue).\(itemCode).paid" }
}

public enum StatisticsCatalogue {
    /// The 低保 persons: members of the households on the month's dibao roll.
    public static let dibaoPersons = "assistance.dibao.persons"
    public static let facilities = "elderly.facilities"
    public static let beds = "elderly.beds"
    public static let nursingBeds = "elderly.nursingBeds"
    public static let adaptations = "elderly.adaptations"
    public static let homeCareVisits = "elderly.homeCare.visits"
    public static let homeCareSubsidy = "elderly.homeCare.subsidy"
    public static let rentalMonths = "elderly.rental.months"
    public static let rentalSubsidy = "elderly.rental.subsidy"
    public static let rentalPeopleNew = "elderly.rental.peopleNew"
    public static let organisationsNew = "organisations.registeredInMonth"
    public static let familySearchReports = "familySearch.reports"
    public static let familySearchNotices = "familySearch.notices"
    public static let familySearchReunions = "familySearch.reunions"

    public static let rehabStations = "disability.rehabStations"
    public static let marriages = "marriageFuneral.marriages"
    public static let divorces = "marriageFuneral.divorces"
    public static let funerals = "marriageFuneral.funerals"

    public static func organisations(_ kind: OrganisationKind) -> String { "organisations.\(kind.rawValue)" }
    public static func children(_ category: ChildCategory) -> String { "children.\(category.rawValue)" }

    /// Every figure, in the order of the report.
    public static let figures: [StatisticsFigure] = {
        var list: [StatisticsFigure] = []
        for p in PayrollProgramme.all {
            let unit = p.perHousehold ? "户" : "人"
            list.append(
                StatisticsFigure(
                    key: p.recipientsKey, area: p.area, name: "\(p.name)（\(unit)）", unit: .count, kind: .stock,
                    definition: p.perHousehold
                        ? "当月发放名册上有发放行的家庭数（按家庭去重，含发放失败、转下月重发）"
                        : "当月发放名册上有发放行的待遇人数（按待遇去重，含发放失败、转下月重发）"))
            if p.itemCode == "dibao" {
                list.append(
                    StatisticsFigure(
                        key: dibaoPersons, area: .assistance, name: "最低生活保障（人）", unit: .count, kind: .stock,
                        definition: "当月低保发放名册上的家庭的成员数（月末前已迁出的成员不计）"))
            }
            list.append(
                StatisticsFigure(
                    key: p.paidKey, area: p.area, name: "\(p.name)发放金额", unit: .fen, kind: .flow,
                    definition: "当月发放名册中银行回盘“已到账”的发放行金额之和"))
        }
        list += [
            StatisticsFigure(
                key: facilities, area: .elderly, name: "养老机构（家）", unit: .count, kind: .stock,
                definition: "月末前已备案的养老服务设施数"),
            StatisticsFigure(
                key: beds, area: .elderly, name: "养老床位（张）", unit: .count, kind: .stock,
                definition: "月末前已备案设施的床位总数"),
            StatisticsFigure(
                key: nursingBeds, area: .elderly, name: "护理型床位（张）", unit: .count, kind: .stock,
                definition: "月末前已备案设施的护理型床位数"),
            StatisticsFigure(
                key: adaptations, area: .elderly, name: "适老化改造完工（户）", unit: .count, kind: .flow,
                definition: "完工日期在当月的居家适老化改造案件数"),
            StatisticsFigure(
                key: homeCareVisits, area: .elderly, name: "居家上门服务（次）", unit: .count, kind: .flow,
                definition: "当月已确认、未暂缓结算的居家上门服务工单数，按工单地区统计（与服务机构月结算同一口径）"),
            StatisticsFigure(
                key: homeCareSubsidy, area: .elderly, name: "居家上门服务政府补贴", unit: .fen, kind: .flow,
                definition: "当月已确认服务按服务对象当月额度依次抵扣的补贴金额之和（超出额度部分自费，不计入）"),
            StatisticsFigure(
                key: rentalMonths, area: .elderly, name: "辅具租赁计租（件·月）", unit: .count, kind: .flow,
                definition: "当月开始计租的租赁月数：已交付、当月未归还且未认定丢失的每件辅具每个租期月一笔（与运营机构月结算同一口径）"),
            StatisticsFigure(
                key: rentalSubsidy, area: .elderly, name: "辅具租赁政府补贴", unit: .fen, kind: .flow,
                definition: "当月计租的租赁月按当月补贴类别（低保、特困、持证残疾人、高龄）计算的政府补贴之和"),
            StatisticsFigure(
                key: rentalPeopleNew, area: .elderly, name: "辅具租赁新增受补贴（人）", unit: .count, kind: .flow,
                definition: "当月获租赁补贴、且当年此前各月未获补贴的人数，按租赁点地区统计；全年合计即当年受补贴人数"),
        ]
        for category in ChildCategory.allCases {
            list.append(
                StatisticsFigure(
                    key: children(category), area: .children, name: "\(category.chinese)（人）", unit: .count,
                    kind: .stock, definition: "月末在册的\(category.chinese)：认定开始日不晚于月末、且月末前未终止"))
        }
        list.append(
            StatisticsFigure(
                key: rehabStations, area: .disability, name: "德康驿站（个）", unit: .count, kind: .stock,
                definition: "开办日期不晚于月末的社区精神障碍康复站点数"))
        for kind in OrganisationKind.allCases {
            list.append(
                StatisticsFigure(
                    key: organisations(kind), area: .organisations, name: "\(kind.statisticsName)（家）", unit: .count,
                    kind: .stock, definition: "月末在册（成立登记日期不晚于月末，且月末前未被撤销或注销）的\(kind.statisticsName)数"))
        }
        list += [
            StatisticsFigure(
                key: organisationsNew, area: .organisations, name: "当月新登记社会组织（家）", unit: .count, kind: .flow,
                definition: "成立登记日期在当月的社会组织数（含此后撤销、注销的）"),
            StatisticsFigure(
                key: marriages, area: .marriageFuneral, name: "结婚登记（对）", unit: .count, kind: .flow,
                definition: "登记日期在当月的结婚登记数，按登记处所在地区统计（含此后离婚的）"),
            StatisticsFigure(
                key: divorces, area: .marriageFuneral, name: "离婚登记（对）", unit: .count, kind: .flow,
                definition: "登记日期在当月的协议离婚登记数，按登记处所在地区统计"),
            StatisticsFigure(
                key: funerals, area: .marriageFuneral, name: "殡仪服务（具）", unit: .count, kind: .flow,
                definition: "当月殡仪馆开具的殡葬服务结算单数（每位逝者一张，含火化），按结算单地区统计"),
            StatisticsFigure(
                key: familySearchReports, area: .familySearch, name: "寻亲登记（件）", unit: .count, kind: .flow,
                definition: "当月登记的寻亲信息数，按走失者户籍地区统计（未填户籍地的不计入各区）"),
            StatisticsFigure(
                key: familySearchNotices, area: .familySearch, name: "寻亲公告（件）", unit: .count, kind: .flow,
                definition: "当月发布的受助人员寻亲公告数，按救助站所在地区统计"),
            StatisticsFigure(
                key: familySearchReunions, area: .familySearch, name: "寻亲成功（人）", unit: .count, kind: .flow,
                definition: "团聚日期在当月的已确认比对数，按公告救助站所在地区统计"),
        ]
        return list
    }()

    private static let byKey = Dictionary(uniqueKeysWithValues: figures.map { ($0.key, $0) })

    public static func figure(_ key: String) -> StatisticsFigure? { byKey[key] }
}

extension OrganisationKind {
    /// The name in the statistics report.
    public var statisticsName: String {
        switch self {
        case .socialGroup: return "社会团体"
        case .socialServiceOrganisation: return "社会服务机构"
        case .foundation: return "基金会"
        }
    }
}
