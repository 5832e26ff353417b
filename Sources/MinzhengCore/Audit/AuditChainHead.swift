/// The last event of a chain, reduced to what the next event needs: its sequence and hash.
///
/// Writers keep it to seal the next event; verifiers start from it to check only the
/// events after a checkpoint that was verified (or anchored outside the database) before.
public struct AuditChainHead: Hashable, Sendable, Codable {
    /// 0 for the empty chain.
    public let sequence: Int64
    public let hash: String

    public init(sequence: Int64, hash: String) {
        self.sequence = sequence
        self.hash = hash
    }

    /// The empty chain: the first event gets sequence 1 and links to 64 zeros.
    public static let genesis = AuditChainHead(sequence: 0, hash: String(repeating: "0", count: 64))
}
