/// A household's adaptation from screening to payment. Nothing is paid before a third party
/// accepted the work.
public enum AdaptationState: String, Sendable, CaseIterable, Codable {
    /// Found by screening, waiting for the assessment visit.
    case screened
    /// Visited and assessed; the plan may be drawn.
    case assessed
    /// The plan is set within the cap.
    case planned
    /// A contractor will do the work.
    case contracted
    /// The contractor finished and sent the completion photos.
    case completed
    /// A third party accepted the work and the household rated it: payable.
    case accepted
    case paid
    /// The household declined, or was found not to need it.
    case closed

    public enum Action: String, Sendable, CaseIterable {
        case assess, plan, contract, complete, accept, pay, close

        public var label: String {
            switch self {
            case .assess: return "入户评估"
            case .plan: return "确定改造方案"
            case .contract: return "确定施工单位"
            case .complete: return "施工完成"
            case .accept: return "第三方验收"
            case .pay: return "支付"
            case .close: return "终止"
            }
        }
    }

    public var label: String {
        switch self {
        case .screened: return "待评估"
        case .assessed: return "已评估"
        case .planned: return "已定方案"
        case .contracted: return "施工中"
        case .completed: return "待验收"
        case .accepted: return "已验收"
        case .paid: return "已支付"
        case .closed: return "已终止"
        }
    }

    public func after(_ action: Action) throws(Refusal) -> AdaptationState {
        switch (self, action) {
        case (.screened, .assess): return .assessed
        case (.assessed, .plan), (.planned, .plan): return .planned
        case (.planned, .contract): return .contracted
        case (.contracted, .complete): return .completed
        case (.completed, .accept): return .accepted
        case (.accepted, .pay): return .paid
        case (.screened, .close), (.assessed, .close), (.planned, .close): return .closed
        case (_, .pay): throw Refusal(.conflict, "验收合格前不能支付（当前“\(label)”）", field: "state")
        default: throw Refusal(.conflict, "改造状态为“\(label)”，不能\(action.label)", field: "state")
        }
    }
}
