/// What an older person or a relative asks the elderly-care adviser (养老顾问): a question,
/// or a care need the street should follow up.
public enum AdviceKind: String, CaseIterable, Codable, Sendable {
    case question, careNeed

    public var chinese: String {
        switch self {
        case .question: return "政策咨询"
        case .careNeed: return "照护需求"
        }
    }
}

/// Where a request stands in the street's queue.
public enum AdviceState: String, CaseIterable, Codable, Sendable {
    case open, answered

    public var chinese: String {
        switch self {
        case .open: return "待答复"
        case .answered: return "已答复"
        }
    }
}

/// The adviser form as sent (no sign-in), checked field by field.
public struct AdviceDraft: Sendable, Equatable {
    public struct Input: Sendable {
        public var kind: String?
        public var street: String?
        public var name: String?
        public var phone: String?
        public var message: String?

        public init(
            kind: String? = nil, street: String? = nil, name: String? = nil, phone: String? = nil,
            message: String? = nil
        ) {
            self.kind = kind
            self.street = street
            self.name = name
            self.phone = phone
            self.message = message
        }
    }

    public let kind: AdviceKind
    /// The street (9 digits) whose queue answers it; the caller checks it is one of the city.
    public let street: RegionCode
    public let name: String
    /// Digits only.
    public let phone: String
    public let message: String

    public static let minimumMessageLength = 5
    public static let maximumMessageLength = 500

    public static func validated(_ i: Input) throws(FieldProblem) -> AdviceDraft {
        guard let kind = AdviceKind(rawValue: i.kind ?? "") else {
            throw FieldProblem("kind", "请选择是政策咨询还是照护需求")
        }
        let streetText = (i.street ?? "").trimmedWhitespace
        guard !streetText.isEmpty else { throw FieldProblem("street", "请选择所在街道或镇") }
        guard let street = RegionCode(streetText), street.level == .street else {
            throw FieldProblem("street", "所在街道应为9位街道/镇代码，收到 \(streetText)")
        }
        let name = try InputRules.line(i.name, field: "name", label: "称呼", maximumLength: 20)!
        // People on a phone type "139 1234 5678": spaces are grouping, not part of the number.
        guard let phone = try RegistryValidation.phone(i.phone?.replacingOccurrences(of: " ", with: ""), field: "phone")
        else {
            throw FieldProblem("phone", "请留下联系电话，以便养老顾问回复")
        }
        let message =
            try InputRules.text(i.message, field: "message", label: "问题或需求", maximumLength: maximumMessageLength) ?? ""
        guard message.count >= minimumMessageLength else {
            throw FieldProblem("message", "请把问题或需求写清楚（至少\(minimumMessageLength)个字）")
        }
        return AdviceDraft(kind: kind, street: street, name: name, phone: phone, message: message)
    }

    /// The adviser's answer: required, at most `maximumMessageLength` × 2 characters.
    public static func answer(_ text: String?) throws(FieldProblem) -> String {
        guard
            let answer = try InputRules.text(
                text, field: "answer", label: "答复", maximumLength: maximumMessageLength * 2)
        else { throw FieldProblem("answer", "答复不能为空") }
        return answer
    }
}
