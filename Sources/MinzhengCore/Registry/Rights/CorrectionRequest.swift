/// What a person may ask to have corrected in their own file (个人信息更正, 个人信息保护法 §46).
public enum CorrectionField: String, CaseIterable, Codable, Sendable {
    case name, phone, address, hukou, disability, deceased, other

    public var chinese: String {
        switch self {
        case .name: return "姓名"
        case .phone: return "联系电话"
        case .address: return "家庭住址"
        case .hukou: return "户籍性质"
        case .disability: return "残疾情况"
        case .deceased: return "死亡登记"
        case .other: return "其他"
        }
    }
}

/// Where a correction request stands: open in the community's queue, then corrected (the
/// staff changed the file) or refused with the reason.
public enum CorrectionState: String, CaseIterable, Codable, Sendable {
    case open, corrected, refused

    public var chinese: String {
        switch self {
        case .open: return "待处理"
        case .corrected: return "已更正"
        case .refused: return "不予更正"
        }
    }
}

/// A resident's request, checked field by field.
public struct CorrectionDraft: Sendable, Equatable {
    public let field: CorrectionField
    public let correct: String
    public let reason: String?

    public static func validated(
        field: String?, correct: String?, reason: String?
    ) throws(FieldProblem)
        -> CorrectionDraft
    {
        guard let f = CorrectionField(rawValue: field ?? "") else {
            throw FieldProblem("field", "请选择要更正的信息")
        }
        guard let value = try InputRules.line(correct, field: "correct", label: "正确的内容", maximumLength: 200) else {
            throw FieldProblem("correct", "请填写正确的内容")
        }
        let why = try InputRules.text(reason, field: "reason", label: "说明", maximumLength: 500)
        return CorrectionDraft(field: f, correct: value, reason: why)
    }

    /// A decision: refusing needs its reason, which the person reads.
    public static func decision(_ state: String?, note: String?) throws(FieldProblem) -> (CorrectionState, String?) {
        guard let s = CorrectionState(rawValue: state ?? ""), s != .open else {
            throw FieldProblem("state", "请选择已更正或不予更正")
        }
        let text = try InputRules.text(note, field: "note", label: "答复", maximumLength: 500)
        if s == .refused, text == nil { throw FieldProblem("note", "不予更正须说明理由") }
        return (s, text)
    }
}
