import MinzhengCore
import Foundation
import Vapor

/// The API's JSON bodies, decoded as Vapor does, and refused when they hold a key the
/// request type does not read (`{"error":"未知字段：members[0].nmae","field":"members[0].nmae"}`),
/// as the assessment API always has: a misspelt field silently ignored is a fact lost.
///
/// Which keys a type reads is found by encoding the decoded value again: every request type
/// is `Content` with synthesized coding, so each key it read comes back, except one that was
/// null or absent, and a null key is no fact lost.
struct StrictJSONDecoder: ContentDecoder {
    let base: JSONDecoder

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        try decode(D.self, from: body, headers: headers, userInfo: [:])
    }

    func decode<D: Decodable>(
        _ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders,
        userInfo: [CodingUserInfoKey: any Sendable]
    ) throws -> D {
        let value = try base.decode(D.self, from: body, headers: headers, userInfo: userInfo)
        guard let encodable = value as? any Encodable,
            let sent = try? JSONSerialization.jsonObject(with: Data(buffer: body), options: [.fragmentsAllowed]),
            let read = try? JSONSerialization.jsonObject(
                with: JSONEncoder().encode(encodable), options: [.fragmentsAllowed])
        else {
            return value
        }
        if let unknown = Self.firstUnknownKey(sent: sent, read: read, path: "") {
            throw Refusal.invalid(unknown, "未知字段：\(unknown)")
        }
        return value
    }

    /// The path of the first key of `sent` (with a non-null value) that `read` lacks.
    static func firstUnknownKey(sent: Any, read: Any, path: String) -> String? {
        switch (sent, read) {
        case let (sent as [String: Any], read as [String: Any]):
            for key in sent.keys.sorted() where !(sent[key] is NSNull) {
                let keyPath = path.isEmpty ? key : path + "." + key
                guard let readValue = read[key] else { return keyPath }
                if let unknown = firstUnknownKey(sent: sent[key]!, read: readValue, path: keyPath) { return unknown }
            }
        case let (sent as [Any], read as [Any]):
            for (i, (s, r)) in zip(sent, read).enumerated() {
                if let unknown = firstUnknownKey(sent: s, read: r, path: "\(path)[\(i)]") { return unknown }
            }
        default:
            break
        }
        return nil
    }
}
