/// A grading application's way (等级评定): applied → scored (the score sheet, re-scorable
/// until publicity) → publicized (公示, a period of days) → decided (the grade, or none).
public enum GradingState: String, CaseIterable, Codable, Sendable {
    case applied, scored, publicized, decided

    public var chinese: String {
        switch self {
        case .applied: return "已申请"
        case .scored: return "已评分"
        case .publicized: return "公示中"
        case .decided: return "已决定"
        }
    }
}

public enum GradingAction: String, CaseIterable, Codable, Sendable {
    case score, publicize, decide

    public var chinese: String {
        switch self {
        case .score: return "录入评分"
        case .publicize: return "公示"
        case .decide: return "作出决定"
        }
    }
}

public enum GradingWorkflow {
    /// The state after `action` on `today`; `publicityUntil` is the last day of publicity.
    public static func transition(
        from state: GradingState, _ action: GradingAction, today: CivilDate, publicityUntil: CivilDate?
    ) throws(Refusal) -> GradingState {
        switch (state, action) {
        case (.applied, .score), (.scored, .score): return .scored
        case (.scored, .publicize): return .publicized
        case (.publicized, .decide):
            guard let until = publicityUntil, today > until else {
                throw Refusal(.conflict, "公示期至 \(publicityUntil?.description ?? "—") 止，公示期满后方可作出决定", field: "action")
            }
            return .decided
        default:
            let allowed = GradingAction.allCases.filter { a in
                switch (state, a) {
                case (.applied, .score), (.scored, .score), (.scored, .publicize), (.publicized, .decide): return true
                default: return false
                }
            }
            throw Refusal(
                .conflict,
                "评定处于“\(state.chinese)”，不能\(action.chinese)"
                    + (allowed.isEmpty ? "" : "；可以：" + allowed.map(\.chinese).joined(separator: "、")),
                field: "action")
        }
    }
}
