/// The orders of the account list.
enum UserSort: String, SeekSort {
    case region, username, role, created

    var label: String {
        switch self {
        case .region: return "按区划"
        case .username: return "按用户名"
        case .role: return "按角色"
        case .created: return "最近创建在前"
        }
    }

    /// The order's columns, ending with the id, as `SeekList` reads them; "latest created"
    /// pages by number (a descending order does not seek).
    var order: [String] {
        switch self {
        case .region: return ["region", "username", "id"]
        case .username: return ["username", "id"]
        case .role: return ["role", "region", "username", "id"]
        case .created: return ["created_at", "id"]
        }
    }

    var descending: Bool { self == .created }

    /// The columns of a cursor row's key (all text); none for an order paged by number.
    var cursorColumns: [String]? { descending ? nil : Array(order.dropLast()) }
}
