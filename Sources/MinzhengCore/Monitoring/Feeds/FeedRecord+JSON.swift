import Foundation

/// Feed rows pushed as JSON (`POST /api/v1/feeds/{kind}`).
extension FeedRecord {
    /// One row from a decoded JSON object (camelCase keys, the field names of `FeedKind`).
    public init(kind: FeedKind, json object: [String: Any], today: CivilDate) throws(FieldProblem) {
        self = try FeedRecord.parse(kind: kind, fields: FeedRowFields(json: object), today: today)
    }

    /// One row from the bytes of a JSON object.
    public init(kind: FeedKind, jsonData data: Data, today: CivilDate) throws(FieldProblem) {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw FieldProblem("body", "应为一个 JSON 对象")
        }
        try self.init(kind: kind, json: object, today: today)
    }
}
