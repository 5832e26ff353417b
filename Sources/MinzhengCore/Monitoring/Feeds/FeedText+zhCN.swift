/// zh-CN names of the feed vocabulary, in one place so that an English catalog can follow.

extension FeedKind {
    public var chinese: String {
        switch self {
        case .death: return "死亡信息"
        case .medicalExpense: return "医疗费用结算"
        case .unemployment: return "失业登记"
        case .pension: return "养老金发放"
        case .disability: return "残疾人证"
        case .vehicle: return "机动车登记"
        case .realEstate: return "不动产登记"
        case .business: return "市场主体登记"
        case .school: return "学籍信息"
        case .custody: return "羁押服刑"
        case .hukouMove: return "户籍迁出"
        }
    }
}

extension FeedDepartment {
    public var chinese: String {
        switch self {
        case .publicSecurity: return "公安局"
        case .health: return "卫生健康委员会"
        case .medicalInsurance: return "医疗保障局"
        case .humanResources: return "人力资源和社会保障局"
        case .disabledFederation: return "残疾人联合会"
        case .naturalResources: return "自然资源和规划局"
        case .marketRegulation: return "市场监督管理局"
        case .education: return "教育局"
        case .justice: return "司法局"
        }
    }
}

extension UnemploymentStatus {
    public var chinese: String { self == .registered ? "登记失业" : "已就业" }
}

extension BusinessStatus {
    public var chinese: String {
        switch self {
        case .active: return "存续"
        case .revoked: return "吊销"
        case .deregistered: return "注销"
        }
    }
}

extension SchoolLevel {
    public var chinese: String {
        switch self {
        case .preschool: return "学前"
        case .primary: return "小学"
        case .middle: return "初中"
        case .high: return "高中"
        case .college: return "大学"
        }
    }
}
