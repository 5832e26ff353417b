/// The exact bytes an audit event's hash covers: every field except `hash`, in a fixed
/// order, each framed so that no two different events share an encoding.
///
/// Format (version 1), written so that an external auditor can re-implement it:
///
///     text("minzheng.audit.v1")
///     int(sequence) int(occurredAt ms)
///     optional(actorID) text(actorName) text(action) text(entity) optional(entityID)
///     text(region) optional(before) optional(after) optional(requestID) text(previousHash)
///
///   int(n)       8 bytes, big-endian two's complement
///   text(s)      int(UTF-8 byte count of s), then the UTF-8 bytes
///   optional(s)  0x00 for nil; 0x01 then text(s) otherwise (so nil ≠ "")
///
/// Length prefixes are why moving characters from one field to the next (`ab`,`c` vs
/// `a`,`bc`) changes the hash, which plain concatenation or a separator would not
/// guarantee. Text is hashed byte for byte as stored, without Unicode normalization.
public enum AuditCanonicalEncoding {
    static let version = "minzheng.audit.v1"

    public static func bytes(of event: AuditEvent) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + (event.before?.utf8.count ?? 0) + (event.after?.utf8.count ?? 0))
        appendText(version, to: &out)
        appendInt(event.sequence, to: &out)
        appendInt(event.occurredAt.millisecondsSinceEpoch, to: &out)
        appendOptional(event.actorID, to: &out)
        appendText(event.actorName, to: &out)
        appendText(event.action, to: &out)
        appendText(event.entity, to: &out)
        appendOptional(event.entityID, to: &out)
        appendText(event.region, to: &out)
        appendOptional(event.before, to: &out)
        appendOptional(event.after, to: &out)
        appendOptional(event.requestID, to: &out)
        appendText(event.previousHash, to: &out)
        return out
    }

    /// SHA-256 of the canonical bytes, 64 lowercase hex digits: what `hash` must hold.
    public static func hash(of event: AuditEvent) -> String {
        SHA256.hexDigest(bytes(of: event))
    }

    private static func appendInt(_ value: Int64, to out: inout [UInt8]) {
        let bits = UInt64(bitPattern: value)
        for shift in stride(from: 56, through: 0, by: -8) {
            out.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
        }
    }

    private static func appendText(_ text: String, to out: inout [UInt8]) {
        appendInt(Int64(text.utf8.count), to: &out)
        out.append(contentsOf: text.utf8)
    }

    private static func appendOptional(_ text: String?, to out: inout [UInt8]) {
        guard let text else { out.append(0x00); return }
        out.append(0x01)
        appendText(text, to: &out)
    }
}
