/// The orders of the application queue: oldest first is the order work is done in.
enum ApplicationSort: String, SeekSort {
    case submitted, deadline, region, state, latest

    var label: String {
        switch self {
        case .submitted: return "先申请的在前"
        case .deadline: return "办理期限近的在前"
        case .region: return "按区划"
        case .state: return "按办理环节"
        case .latest: return "最新申请在前"
        }
    }

    /// The order's columns, ending with the id (a version-7 id, so within a day the order
    /// of submission), as `SeekList` reads them; "latest" is the submitted order backwards.
    var order: [String] {
        switch self {
        case .submitted, .latest: return ["a.submitted_on", "a.id"]
        case .deadline: return ["a.deadline_on", "a.id"]
        case .region: return ["a.region", "a.submitted_on", "a.id"]
        case .state: return ["a.state", "a.submitted_on", "a.id"]
        }
    }

    var descending: Bool { self == .latest }

    /// The columns of a cursor row's key, the id left out.
    var cursorColumns: [String] { order.dropLast().map { String($0.dropFirst(2)) } }
}
