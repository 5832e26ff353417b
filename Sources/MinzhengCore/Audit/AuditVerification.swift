/// The outcome of checking an audit chain.
public enum AuditVerification: Hashable, Sendable {
    /// Every event checked agrees with its contents and with the one before.
    case intact(count: Int)
    /// The first event that does not; events after it were not judged.
    case broken(sequence: Int64, reason: AuditChainBreak.Reason)
}

/// The first event at which a chain fails, and why.
public struct AuditChainBreak: Hashable, Sendable, CustomStringConvertible {
    /// The `sequence` the offending event carries.
    public let sequence: Int64
    public let reason: Reason

    public enum Reason: Hashable, Sendable {
        /// The stored hash is not the hash of the stored fields: this row was altered
        /// (any field, including `sequence` or `previousHash`) after it was sealed.
        case contentsAltered
        /// The row is intact but does not link to the event before it: an event before
        /// it was deleted, the rows were reordered, or an earlier row was rewritten.
        case previousHashMismatch
        /// The row is intact and links to the one before, but its number skips
        /// (or repeats) one: the writer allocated sequences wrongly.
        case sequenceGap(expected: Int64)
    }

    public init(sequence: Int64, reason: Reason) {
        self.sequence = sequence
        self.reason = reason
    }

    /// zh-CN first, then English, as the audit page and the CLI print it.
    public var description: String {
        switch reason {
        case .contentsAltered:
            return
                "审计记录 #\(sequence) 的内容与其哈希不符（记录被修改） / audit event #\(sequence): hash does not match its contents (row altered)"
        case .previousHashMismatch:
            return
                "审计记录 #\(sequence) 与上一条记录的哈希不衔接（之前的记录被删除或顺序被改动） / audit event #\(sequence): previous hash does not match (an earlier row was deleted, reordered or rewritten)"
        case .sequenceGap(let expected):
            return
                "审计记录序号不连续：应为 #\(expected)，实为 #\(sequence) / audit sequence gap: expected #\(expected), found #\(sequence)"
        }
    }
}
