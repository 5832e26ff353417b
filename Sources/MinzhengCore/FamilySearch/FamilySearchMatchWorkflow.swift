/// A match's life: the matcher proposes it; a caseworker confirms it with the evidence (the
/// police's DNA or face-comparison result) or rejects it; once confirmed the family is told (it
/// sees the confirmation on its report) and the reunion is recorded, which closes the report and
/// takes the notice down.
public enum FamilySearchMatchStatus: String, CaseIterable, Sendable, Codable {
    case proposed, confirmed, rejected, reunited

    public var chinese: String {
        switch self {
        case .proposed: "待核实"
        case .confirmed: "已确认为同一人"
        case .rejected: "已排除"
        case .reunited: "已团聚"
        }
    }

    public enum Action: String, Sendable, CaseIterable {
        case confirm, reject, reunite
    }

    /// The status after `action`, or why not: confirming needs the evidence, a reunion a confirmed match.
    public func after(_ action: Action, evidence: String?) -> Result<FamilySearchMatchStatus, Refusal> {
        switch (self, action) {
        case (.proposed, .confirm):
            guard let evidence, !evidence.isEmpty else {
                return .failure(.invalid("evidence", "确认须记录依据（公安 DNA 比对或人脸比对结果）"))
            }
            return .success(.confirmed)
        case (.proposed, .reject), (.confirmed, .reject): return .success(.rejected)
        case (.confirmed, .reunite): return .success(.reunited)
        case (.proposed, .reunite): return .failure(Refusal(.conflict, "须先确认为同一人，才能登记团聚", field: "action"))
        default:
            return .failure(
                Refusal(.conflict, "该比对已\(chinese)，不能再\(action == .confirm ? "确认" : action == .reject ? "排除" : "登记团聚")")
            )
        }
    }
}

/// Where the matcher's scores are acted on: from `propose` a pair is recorded and put to a
/// caseworker (and shown to the family as a possible match); candidates below are only
/// answered to a staff search. The score is a calibrated probability, so 0.5 means "as likely
/// the same person as not"; it counts the record's other candidates as rivals
/// (`MatchModel.scores`), so at most one of them reaches it.
public enum FamilySearchThresholds {
    public static let propose = 0.5
}
