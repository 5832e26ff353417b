/// Sealing and checking the hash chain of the audit log.
///
/// Each event's hash covers its contents and the hash of the event before, so changing,
/// deleting or reordering a stored row breaks the chain at that row or the next. What a
/// chain alone cannot show is a rewrite of the whole tail with recomputed hashes, or a
/// truncated tail: for those, record the head (`AuditChainHead`) somewhere the database's
/// writers cannot reach (a daily export, a signed report) and compare.
public enum AuditChain {
    /// The `previousHash` of the first event.
    public static var genesisHash: String { AuditChainHead.genesis.hash }

    /// Appends `entry` after `head`: the next sequence number, linked to the head's hash.
    /// Writers must read the head and insert the result in one transaction (under a lock
    /// on the head), or two writers would seal onto the same head.
    public static func seal(_ entry: AuditEntry, after head: AuditChainHead) -> AuditEvent {
        var event = AuditEvent(entry, sequence: head.sequence + 1, previousHash: head.hash, hash: "")
        event.hash = AuditCanonicalEncoding.hash(of: event)
        return event
    }

    /// Seals entries one after another from `head`, e.g. to build a demo or test chain.
    public static func seal<S: Sequence>(_ entries: S, after head: AuditChainHead = .genesis) -> [AuditEvent]
    where S.Element == AuditEntry {
        var head = head
        return entries.map { entry in
            let event = seal(entry, after: head)
            head = event.head
            return event
        }
    }

    /// Checks events given in sequence order from the start of the chain (or from
    /// `head`, a checkpoint verified before) and names the first bad one.
    public static func verify<S: Sequence>(_ events: S, after head: AuditChainHead = .genesis) -> AuditVerification
    where S.Element == AuditEvent {
        var verifier = AuditChainVerifier(after: head)
        for event in events {
            if verifier.check(event) != nil { break }
        }
        return verifier.result
    }
}
