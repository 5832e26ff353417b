/// zh-CN text of the early warnings: names, what follows, and the evidence sentences.
/// In one place so that an English catalog can follow.

extension AlertLevel {
    public var chinese: String {
        switch self {
        case .red: return "红色预警"
        case .orange: return "橙色预警"
        case .yellow: return "黄色预警"
        }
    }
}

extension EarlyWarningRule {
    public var chinese: String {
        switch self {
        case .death: return "死亡"
        case .vehicle: return "新增车辆"
        case .realEstate: return "新增房产"
        case .business: return "新增经营主体"
        case .incomeRise: return "收入上升"
        case .medicalBurden: return "医疗负担重"
        case .jobLoss: return "唯一劳动力失业"
        case .severeDisability: return "新增重度残疾"
        case .aloneUnvisited: return "独居高龄老人未探访"
        case .custody: return "家庭成员被羁押"
        }
    }

    /// What the alert asks of the street and the grid worker (CATALOG.md "what follows").
    public var followUpChinese: String {
        switch self {
        case .death: return "本人各项待遇自次月起停发，家庭重新核定，推送“身后一件事”"
        case .vehicle, .realEstate, .business: return "入户复核家庭财产状况"
        case .incomeRise: return "重新核定家庭收入，符合条件的实行渐退"
        case .medicalBurden: return "主动上门了解困难情况"
        case .jobLoss: return "入户走访"
        case .severeDisability: return "核查重度残疾人护理补贴和单人保"
        case .aloneUnvisited: return "入户探访"
        case .custody: return "重新核定家庭人口"
        }
    }
}

extension AlertFacts {
    /// One sentence with the numbers, e.g. `2024-06-10 死亡；本人待遇（最低生活保障）自2024-07起停发，家庭需重新核定。`
    public var chinese: String {
        switch self {
        case let .death(date, stopsFrom, benefits):
            let names = benefits.map { PolicyProgram(rawValue: $0)?.chinese ?? $0 }.joined(separator: "、")
            return "\(date) 死亡；本人待遇（\(names)）自\(stopsFrom)起停发，家庭需重新核定。"
        case let .vehicle(date, value):
            return "家庭成员于 \(date) 登记机动车一辆，价值 \(value.yuanString) 元；低保等家庭不得拥有非生活必需车辆。"
        case let .realEstate(own, household, maximum, area):
            return "家庭成员名下住房 \(own) 套（面积 \(area) 平方米），全家共 \(household) 套，超过上限 \(maximum) 套。"
        case let .business(date, capital):
            return "家庭成员于 \(date) 登记经营主体，注册资本 \(capital.yuanString) 元，处于存续状态。"
        case let .incomeRise(kind, monthly, perCapita, line):
            return
                "新增\(kind.chinese)每月 \(monthly.yuanString) 元，家庭月人均收入 \(perCapita.yuanString) 元，已达到 \(line.yuanString) 元。"
        case let .medicalBurden(admission, discharge, oneStay, twelveMonths, oneStayLimit, twelveMonthsLimit):
            return "\(admission) 至 \(discharge) 住院个人自付 \(oneStay.yuanString) 元（单次标准 \(oneStayLimit.yuanString) 元），"
                + "近12个月个人自付合计 \(twelveMonths.yuanString) 元（标准 \(twelveMonthsLimit.yuanString) 元）。"
        case let .jobLoss(date):
            return "低保边缘家庭唯一有劳动收入的成员于 \(date) 登记失业。"
        case let .severeDisability(grade, kind, date):
            return "\(date) 认定为\(kind.chinese)\(grade.chineseOrdinal)级残疾（重度）。"
        case let .aloneUnvisited(age, lastVisit, days, limit):
            if let lastVisit, let days {
                return "\(age) 岁独居老人，最近一次探访为 \(lastVisit)，已 \(days) 天未探访（应每 \(limit) 天内探访）。"
            }
            return "\(age) 岁独居老人，尚无探访记录（应每 \(limit) 天内探访）。"
        case let .custody(start, end, size):
            let period = end.map { "\(start) 至 \($0)" } ?? "自 \(start) 起"
            return "家庭成员\(period)被羁押或服刑，家庭现登记 \(size) 人，需重新核定家庭人口。"
        }
    }
}

extension DisabilityGrade {
    /// 一、二、三、四, as grades are written on the certificate.
    var chineseOrdinal: String { ["一", "二", "三", "四"][value - 1] }
}
