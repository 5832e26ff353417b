/// A booking's life: active until it is cancelled by its owner, or the office marks the
/// arrival or the no-show, or it lapses when a partner did not confirm it in time. Only an
/// active booking holds its seat and its people.
public enum BookingState: String, Codable, Sendable, CaseIterable {
    case active, cancelled, arrived, noShow, lapsed

    public var chinese: String {
        switch self {
        case .active: return "有效"
        case .cancelled: return "已取消"
        case .arrived: return "已到场"
        case .noShow: return "未到场（爽约）"
        case .lapsed: return "对方未确认，已失效"
        }
    }

    public enum Action: String, Sendable, CaseIterable {
        case cancel, arrival, noShow

        public var chinese: String {
            switch self {
            case .cancel: return "取消"
            case .arrival: return "登记到场"
            case .noShow: return "登记爽约"
            }
        }
    }

    /// The state `action` leads to, or why it may not be taken: a booking moves once.
    public func after(_ action: Action, slotStarted: Bool) -> Result<BookingState, Refusal> {
        guard self == .active else { return .failure(Refusal(.conflict, "该预约已\(chinese)，不能再变更")) }
        switch action {
        case .cancel: return .success(.cancelled)
        case .arrival: return .success(.arrived)
        case .noShow:
            guard slotStarted else { return .failure(Refusal(.conflict, "预约时段尚未开始，不能登记爽约")) }
            return .success(.noShow)
        }
    }
}
