/// Checks an audit chain one event at a time, so that a caller can feed rows page by
/// page from the database (`ORDER BY sequence`) and hold none of them.
///
/// Per event, in this order: the stored hash matches the contents (else the row was
/// altered), the event links to the previous hash (else rows were deleted or reordered),
/// its number is the next one (else a sequence gap). The first failure is kept; later
/// events are not judged, because everything after a break is unanchored.
public struct AuditChainVerifier: Sendable {
    /// The last event that passed: where a later run may resume.
    public private(set) var head: AuditChainHead
    /// Events that passed.
    public private(set) var count = 0
    public private(set) var firstBreak: AuditChainBreak?

    /// Starts at the empty chain, or after a checkpoint verified before.
    public init(after head: AuditChainHead = .genesis) {
        self.head = head
    }

    /// Checks the next event; returns the chain's first break once there is one (this
    /// event's, or an earlier one's — then the event is not looked at).
    @discardableResult
    public mutating func check(_ event: AuditEvent) -> AuditChainBreak? {
        if let firstBreak { return firstBreak }
        // Wrapping: a forged row numbered Int64.max must be reported, not trap.
        let expected = head.sequence &+ 1
        let reason: AuditChainBreak.Reason?
        if AuditCanonicalEncoding.hash(of: event) != event.hash {
            reason = .contentsAltered
        } else if event.previousHash != head.hash {
            reason = .previousHashMismatch
        } else if event.sequence != expected {
            reason = .sequenceGap(expected: expected)
        } else {
            reason = nil
        }
        if let reason {
            firstBreak = AuditChainBreak(sequence: event.sequence, reason: reason)
            return firstBreak
        }
        head = event.head
        count += 1
        return nil
    }

    public var result: AuditVerification {
        if let firstBreak { return .broken(sequence: firstBreak.sequence, reason: firstBreak.reason) }
        return .intact(count: count)
    }
}
