/// Where an enrollment stands. Stored by raw value.
public enum EnrollmentStatus: String, CaseIterable, Codable, Sendable {
    /// Paid every month at the amount in force.
    case active
    /// Not paid from `status_from` until resumed (a death notice, a change under review).
    case suspended
    /// Paid on until its end month, then ended (渐退: income rose above the line).
    case gradualExit
    /// Not paid from `status_from`; final.
    case ended

    public var chinese: String {
        switch self {
        case .active: return "正常"
        case .suspended: return "暂停"
        case .gradualExit: return "渐退"
        case .ended: return "终止"
        }
    }
}

/// A monthly roll: generated as a draft, approved by someone other than its maker (which
/// locks it), closed when the bank has answered for every line.
public enum RollState: String, CaseIterable, Codable, Sendable {
    case draft
    case approved
    case closed

    public var chinese: String {
        switch self {
        case .draft: return "草稿"
        case .approved: return "已审核"
        case .closed: return "已结清"
        }
    }
}

/// One payment of a roll: pending until the bank answers paid or failed; a failed payment
/// is carried into the next roll, which pays it again.
public enum PayrollLineStatus: String, CaseIterable, Codable, Sendable {
    case pending
    case paid
    case failed
    case carried

    public var chinese: String {
        switch self {
        case .pending: return "待发放"
        case .paid: return "已到账"
        case .failed: return "发放失败"
        case .carried: return "已转下月重发"
        }
    }
}
