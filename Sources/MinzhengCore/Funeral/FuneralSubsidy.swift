/// A subsidy the bureau proposes to the street after a death (APPOINTMENTS.md, issue 18 item 4):
/// the funeral subsidy for a deceased dibao or tekun beneficiary, and the eco-burial subsidy for
/// a tree, sea or scattering burial. One of each kind per deceased at most.
public enum FuneralSubsidyKind: String, CaseIterable, Codable, Sendable {
    case funeral, ecoBurial

    public var chinese: String {
        switch self {
        case .funeral: return "丧葬补贴"
        case .ecoBurial: return "生态安葬奖补"
        }
    }
}

/// Where a proposal stands: with the street, approved, or refused with a reason.
public enum FuneralSubsidyStatus: String, CaseIterable, Codable, Sendable {
    case open, approved, refused

    public var chinese: String {
        switch self {
        case .open: return "待街道审核"
        case .approved: return "街道已批准"
        case .refused: return "街道未批准"
        }
    }
}

/// Why a proposal is made, and the amount of the day's parameters.
public struct FuneralSubsidyProposal: Sendable, Hashable {
    public var kind: FuneralSubsidyKind
    public var amount: Fen
    public var basis: String

    public init(kind: FuneralSubsidyKind, amount: Fen, basis: String) {
        (self.kind, self.amount, self.basis) = (kind, amount, basis)
    }
}

public enum FuneralSubsidyRules {
    /// The funeral subsidy for a deceased whose dibao or tekun enrollment (the person's or the
    /// household's) was in force in the month of the death; nil otherwise or at a zero amount.
    public static func funeral(programmes: [String], parameters: FuneralParameters) -> FuneralSubsidyProposal? {
        let names = programmes.compactMap { ["dibao": "低保", "tekun": "特困"][$0] }
        guard !names.isEmpty, parameters.funeralSubsidy > .zero else { return nil }
        return FuneralSubsidyProposal(
            kind: .funeral, amount: parameters.funeralSubsidy,
            basis: "去世当月为" + names.joined(separator: "、") + "对象")
    }

    /// The eco-burial subsidy for a Changzhou deceased (in the registry) buried by `how`.
    public static func ecoBurial(how: String, parameters: FuneralParameters) -> FuneralSubsidyProposal? {
        guard parameters.ecoBurialSubsidy > .zero else { return nil }
        return FuneralSubsidyProposal(kind: .ecoBurial, amount: parameters.ecoBurialSubsidy, basis: "生态安葬：\(how)")
    }

    /// The street's decision on an open proposal: approve, or refuse with a reason.
    public static func decide(
        _ status: FuneralSubsidyStatus, action: String?, note: String?
    ) -> Result<FuneralSubsidyStatus, Refusal> {
        guard status == .open else { return .failure(Refusal(.conflict, "该补贴已审核", field: "status")) }
        switch action {
        case "approve": return .success(.approved)
        case "refuse":
            guard let note, !note.isEmpty else { return .failure(.invalid("note", "不予批准须说明理由")) }
            return .success(.refused)
        default: return .failure(.invalid("action", "操作应为 approve（批准）或 refuse（不予批准）"))
        }
    }
}
