/// How the household and person lists (and their exports) can be ordered.
enum HouseholdSort: String, ListSort {
    case region, address, head, updated

    var label: String {
        switch self {
        case .region: return "按区划"
        case .address: return "按地址"
        case .head: return "按户主姓名"
        case .updated: return "最近更新在前"
        }
    }

    var orderBy: String {
        switch self {
        case .region: return "h.region, h.address, h.id"
        case .address: return "h.address, h.id"
        case .head: return "head_name, h.id"
        case .updated: return "h.updated_at DESC, h.id DESC"
        }
    }
}

enum PersonSort: String, ListSort {
    case region, name, birth, updated

    var label: String {
        switch self {
        case .region: return "按区划"
        case .name: return "按姓名"
        case .birth: return "按出生日期"
        case .updated: return "最近更新在前"
        }
    }

    var orderBy: String {
        switch self {
        case .region: return "p.region, p.name, p.id"
        case .name: return "p.name, p.id"
        case .birth: return "p.birth_date, p.id"
        case .updated: return "p.updated_at DESC, p.id DESC"
        }
    }
}
