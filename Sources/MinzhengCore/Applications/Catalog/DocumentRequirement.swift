/// One document an applicant must upload for an item, e.g. `incomeProof` 收入证明.
///
/// The code is what stored uploads point to, so renaming a document in the admin page
/// (its Chinese name) does not orphan the files already uploaded under it.
public struct DocumentRequirement: Hashable, Sendable {
    public let code: String
    public let name: String

    /// Refuses a code that is not ASCII camelCase and an empty or overlong name.
    public init(code: String, name: String) throws(AssistanceCatalogError) {
        guard isASCIICamelCaseCode(code) else {
            throw AssistanceCatalogError(field: "code", message: AssistanceItemCode.formatProblem(code))
        }
        let trimmed = name.trimmedWhitespace
        guard !trimmed.isEmpty else { throw AssistanceCatalogError(field: "name", message: "材料名称不能为空") }
        guard trimmed.count <= 40 else { throw AssistanceCatalogError(field: "name", message: "材料名称不能超过 40 个字") }
        self.code = code
        self.name = trimmed
    }

    /// For the standard documents written in this module, which the tests check once.
    init(known code: String, _ name: String) {
        self.code = code
        self.name = name
    }
}

extension DocumentRequirement: Codable {
    private enum CodingKeys: String, CodingKey { case code, name }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let code = try c.decode(String.self, forKey: .code)
        let name = try c.decode(String.self, forKey: .name)
        self = try AssistanceCatalogError.within(decoder.codingPath) { () throws(AssistanceCatalogError) in
            try DocumentRequirement(code: code, name: name)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
    }
}
