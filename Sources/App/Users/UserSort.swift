/// The orders of the account list.
enum UserSort: String, ListSort {
    case region, username, role, created

    var label: String {
        switch self {
        case .region: return "按区划"
        case .username: return "按用户名"
        case .role: return "按角色"
        case .created: return "最近创建在前"
        }
    }

    var orderBy: String {
        switch self {
        case .region: return "region, username"
        case .username: return "username"
        case .role: return "role, region, username"
        case .created: return "created_at DESC, username"
        }
    }
}
