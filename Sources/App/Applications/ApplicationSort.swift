/// The orders of the application queue: oldest first is the order work is done in.
enum ApplicationSort: String, ListSort {
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

    var orderBy: String {
        switch self {
        case .submitted: return "a.submitted_on, a.created_at, a.id"
        case .deadline: return "a.deadline_on, a.id"
        case .region: return "a.region, a.submitted_on, a.id"
        case .state: return "a.state, a.submitted_on, a.id"
        case .latest: return "a.submitted_on DESC, a.created_at DESC, a.id"
        }
    }
}
