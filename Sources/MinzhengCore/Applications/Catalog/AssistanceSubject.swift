/// Whom an item is granted to: a whole household (dibao counts everyone's income) or
/// one person (an orphan's allowance follows the child wherever they live).
public enum AssistanceSubject: String, CaseIterable, Codable, Sendable {
    case household, person

    public var chinese: String {
        switch self {
        case .household: return "家庭"
        case .person: return "个人"
        }
    }
}
