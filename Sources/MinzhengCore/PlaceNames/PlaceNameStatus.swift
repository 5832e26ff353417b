/// Where a name stands: a naming or renaming proposal is publicised (公示) to a given day,
/// approved by the naming body, then announced (公告) and in use; a standard name may later be
/// renamed (the new name takes its place, the old one stays on record) or retired.
public enum PlaceNameStatus: String, CaseIterable, Codable, Sendable {
    case proposed, publicised, approved, announced, rejected, renamed, retired

    public var chinese: String {
        switch self {
        case .proposed: return "已申报"
        case .publicised: return "公示中"
        case .approved: return "已批准"
        case .announced: return "已公告"
        case .rejected: return "不予批准"
        case .renamed: return "已更名"
        case .retired: return "已撤销"
        }
    }

    /// A name others must not clash with: everything but a rejected proposal and a name no
    /// longer in use.
    public var holdsTheName: Bool { ![.rejected, .renamed, .retired].contains(self) }
}

/// A step of the naming workflow.
public enum PlaceNameStep: String, CaseIterable, Codable, Sendable {
    case publicise, approve, reject, announce, retire

    /// The steps a name in `status` may take.
    public static func available(from status: PlaceNameStatus) -> [PlaceNameStep] {
        switch status {
        case .proposed: return [.publicise, .reject]
        case .publicised: return [.approve, .reject]
        case .approved: return [.announce]
        case .announced: return [.retire]
        case .rejected, .renamed, .retired: return []
        }
    }

    /// The status after the step, or why it cannot be taken now. Approval waits for the end of
    /// the publicity (`publicityEnds` passed by `today`).
    public func next(
        from status: PlaceNameStatus, publicityEnds: CivilDate?, today: CivilDate
    ) -> Result<PlaceNameStatus, Refusal> {
        guard Self.available(from: status).contains(self) else {
            return .failure(Refusal(.conflict, "当前状态为“\(status.chinese)”，不能\(chinese)", field: "action"))
        }
        switch self {
        case .publicise:
            guard let ends = publicityEnds, ends > today else {
                return .failure(.invalid("publicityEnds", "公示截止日期应晚于今天"))
            }
            return .success(.publicised)
        case .approve:
            guard let ends = publicityEnds, ends < today else {
                return .failure(.invalid("action", "公示期至 \(publicityEnds?.description ?? "—") 止，期满后方可批准"))
            }
            return .success(.approved)
        case .reject: return .success(.rejected)
        case .announce: return .success(.announced)
        case .retire: return .success(.retired)
        }
    }

    public var chinese: String {
        switch self {
        case .publicise: return "公示"
        case .approve: return "批准"
        case .reject: return "不予批准"
        case .announce: return "公告"
        case .retire: return "撤销"
        }
    }
}
