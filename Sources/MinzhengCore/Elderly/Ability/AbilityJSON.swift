import Foundation

/// The ability-scoring contract (`minzheng ability score`, `POST /api/v1/ability-scores`):
/// `{"items": {26 keys}, "coma": false, "diagnoses": ["F01"], "riskEvents30Days": 2}` in,
/// `{"indicators": {...}, "total", "preliminaryLevel", "finalLevel", "changes"}` out.
/// Read with the policy contract's strict parser: unknown keys, wrong types and repeated
/// keys are refused naming the field.
extension AbilityAnswers {
    /// The request's keys; a recorded assessment adds its own (`AbilityAssessmentDraft`).
    static let jsonKeys: Set<String> = ["items", "coma", "diagnoses", "riskEvents30Days"]

    public init(jsonData: Data) throws(Refusal) {
        self = try ContractJSONReading.read(jsonData) { (root) throws(AssessmentRequestError) in
            try root.rejectUnknown(Self.jsonKeys)
            return try AbilityAnswers(fields: root)
        }
    }

    fileprivate init(fields root: PolicyJSONFields) throws(AssessmentRequestError) {
        let items = try PolicyJSONFields(
            try root.required("items") { (v, _) throws(AssessmentRequestError) in v }, path: "items")
        try items.rejectUnknown(Set(AbilityItem.allCases.map(\.rawValue)))
        var scores: [AbilityItem: Int] = [:]
        for item in AbilityItem.allCases {
            scores[item] = try items.required(item.rawValue, PolicyJSONRead.int)
        }
        let codes = try root.optional("diagnoses", PolicyJSONRead.array) ?? []
        var diagnoses: [String] = []
        for (i, code) in codes.enumerated() {
            diagnoses.append(try PolicyJSONRead.string(code, "diagnoses[\(i)]"))
        }
        self.init(
            scores: scores,
            coma: try root.optional("coma", PolicyJSONRead.bool) ?? false,
            diagnoses: diagnoses,
            riskEvents30Days: try root.optional("riskEvents30Days", PolicyJSONRead.int) ?? 0)
    }
}

extension AbilityAssessmentDraft {
    /// `POST /api/v1/persons/:id/ability-assessments`: the scoring request plus
    /// `"assessedOn": "YYYY-MM-DD"`, `"reason"` and `"assessors": ["…", "…"]`.
    public init(jsonData: Data) throws(Refusal) {
        self = try ContractJSONReading.read(jsonData) { (root) throws(AssessmentRequestError) in
            try root.rejectUnknown(AbilityAnswers.jsonKeys.union(["assessedOn", "reason", "assessors"]))
            let assessedOn = try root.required("assessedOn", PolicyJSONRead.date)
            let reason: AbilityAssessmentReason = try root.required("reason", PolicyJSONRead.enumeration)
            var assessors: [String] = []
            for (i, name) in try root.required("assessors", PolicyJSONRead.array).enumerated() {
                assessors.append(try PolicyJSONRead.string(name, "assessors[\(i)]"))
            }
            return AbilityAssessmentDraft(
                assessedOn: assessedOn, reason: reason, assessors: assessors, answers: try AbilityAnswers(fields: root))
        }
    }
}

/// A JSON document read with the policy contract's strict parser, its errors as `Refusal`s.
enum ContractJSONReading {
    static func read<T>(
        _ data: Data, _ body: (PolicyJSONFields) throws(AssessmentRequestError) -> T
    ) throws(Refusal) -> T {
        do {
            return try body(try PolicyJSONFields(try PolicyJSON.parse(data), path: ""))
        } catch {
            throw Refusal(.invalid, error.message, field: error.field ?? "body")
        }
    }
}

extension AbilityScoring {
    /// The contract in one call: the request's JSON to the answer's JSON (sorted keys).
    public static func score(jsonData: Data, prettyPrinted: Bool = true) throws(Refusal) -> Data {
        let result = try score(AbilityAnswers(jsonData: jsonData))
        do {
            return try AbilityResultJSON(result).jsonData(prettyPrinted: prettyPrinted)
        } catch {
            throw Refusal(.failed, "无法生成 JSON：\(error)")
        }
    }
}

/// The contract's answer.
public struct AbilityResultJSON: Codable, Sendable, Equatable {
    public let indicators: [String: Int]
    public let total: Int
    public let preliminaryLevel: Int
    public let finalLevel: Int
    public let changes: [String]

    public init(_ result: AbilityResult) {
        indicators = Dictionary(uniqueKeysWithValues: result.indicators.map { ($0.key.rawValue, $0.value) })
        total = result.total
        preliminaryLevel = result.preliminaryLevel.rawValue
        finalLevel = result.finalLevel.rawValue
        changes = result.changes.map(\.rawValue)
    }

    public func jsonData(prettyPrinted: Bool = true) throws -> Data {
        try ContractJSON.encode(self, prettyPrinted: prettyPrinted)
    }
}

extension AbilityAnswers {
    /// The request form of the answers, as `init(jsonData:)` reads it back (sorted keys).
    public func jsonData() throws -> Data {
        struct Body: Encodable {
            let items: [String: Int]
            let coma: Bool
            let diagnoses: [String]
            let riskEvents30Days: Int
        }
        return try ContractJSON.encode(
            Body(
                items: Dictionary(uniqueKeysWithValues: scores.map { ($0.key.rawValue, $0.value) }), coma: coma,
                diagnoses: diagnoses, riskEvents30Days: riskEvents30Days),
            prettyPrinted: false)
    }
}
