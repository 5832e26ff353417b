/// JSON form of an item, the row the app seeds and the administrator edits:
///
///     {"code": "temporaryAssistance", "name": "临时救助", "department": "civilAffairs",
///      "subject": "household", "approval": {…}, "documents": [{"code": …, "name": …}],
///      "engineProgram": null}
///
/// Decoding runs the validating initializer; every refusal names its field by JSON path.
/// `isCivilAffairs` is derived from the department, so it is not stored.
extension AssistanceItem: Codable {
    private enum CodingKeys: String, CodingKey {
        case code, name, department, subject, approval, documents, engineProgram
    }

    public init(from decoder: Decoder) throws {
        let here = AssistanceCatalogError.path(decoder.codingPath)
        let c = try decoder.container(keyedBy: CodingKeys.self)

        let codeText = try c.decode(String.self, forKey: .code)
        guard let code = AssistanceItemCode(codeText) else {
            throw AssistanceCatalogError(field: "code", message: AssistanceItemCode.formatProblem(codeText)).inside(
                here)
        }
        let department: Department = try Self.decodeWord(c, .department, here)
        let subject: AssistanceSubject = try Self.decodeWord(c, .subject, here)
        var engineProgram: PolicyProgram?
        if let text = try c.decodeIfPresent(String.self, forKey: .engineProgram) {
            guard let program = PolicyProgram(rawValue: text) else {
                throw Self.unknown(text, field: "engineProgram", allowed: PolicyProgram.allCases.map(\.rawValue))
                    .inside(here)
            }
            engineProgram = program
        }
        let approval = try c.decode(ApprovalRule.self, forKey: .approval)
        let documents = try c.decode([DocumentRequirement].self, forKey: .documents)
        let name = try c.decode(String.self, forKey: .name)
        self = try AssistanceCatalogError.within(decoder.codingPath) { () throws(AssistanceCatalogError) in
            try AssistanceItem(
                code: code, name: name, department: department, subject: subject,
                approval: approval, documents: documents, engineProgram: engineProgram)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(department, forKey: .department)
        try c.encode(subject, forKey: .subject)
        try c.encode(approval, forKey: .approval)
        try c.encode(documents, forKey: .documents)
        // An explicit null, so that the seed shows every field an administrator may meet.
        try c.encode(engineProgram, forKey: .engineProgram)
    }

    /// A closed set of words (department, subject), refused with the list of valid ones.
    private static func decodeWord<Word: RawRepresentable & CaseIterable>(
        _ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys, _ here: String
    ) throws -> Word where Word.RawValue == String {
        let text = try c.decode(String.self, forKey: key)
        guard let word = Word(rawValue: text) else {
            throw unknown(text, field: key.stringValue, allowed: Word.allCases.map(\.rawValue)).inside(here)
        }
        return word
    }

    private static func unknown(_ text: String, field: String, allowed: [String]) -> AssistanceCatalogError {
        AssistanceCatalogError(field: field, message: "未知的取值“\(text)”，可选：\(allowed.joined(separator: "、"))")
    }
}
