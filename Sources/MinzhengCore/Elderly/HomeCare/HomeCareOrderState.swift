/// An order's way from the request to the confirmed visit (居家上门服务工单).
public enum HomeCareOrderState: String, Sendable, CaseIterable, Codable {
    /// Asked for by the person, the family or the community; no provider yet.
    case requested
    /// A provider and its worker will come.
    case assigned
    /// The worker checked in at the door.
    case inService
    /// The worker checked out; waiting for the person's or family's confirmation.
    case served
    /// Confirmed and rated: counts in the month's settlement.
    case confirmed
    case cancelled

    public enum Action: String, Sendable, CaseIterable {
        case assign, checkIn, checkOut, confirm, cancel
    }

    public var label: String {
        switch self {
        case .requested: return "待派单"
        case .assigned: return "已派单"
        case .inService: return "服务中"
        case .served: return "待确认"
        case .confirmed: return "已确认"
        case .cancelled: return "已取消"
        }
    }

    /// The state `action` leads to, or a conflict naming what the order is waiting for.
    public func after(_ action: Action) throws(Refusal) -> HomeCareOrderState {
        switch (self, action) {
        case (.requested, .assign), (.assigned, .assign): return .assigned
        case (.assigned, .checkIn): return .inService
        case (.inService, .checkOut): return .served
        case (.served, .confirm): return .confirmed
        case (.requested, .cancel), (.assigned, .cancel): return .cancelled
        default: throw Refusal(.conflict, "工单状态为“\(label)”，不能\(action.label)", field: "state")
        }
    }
}

extension HomeCareOrderState.Action {
    public var label: String {
        switch self {
        case .assign: return "派单"
        case .checkIn: return "签到"
        case .checkOut: return "签退"
        case .confirm: return "确认"
        case .cancel: return "取消"
        }
    }
}
