/// One stored row of the append-only audit log: an `AuditEntry` sealed into the chain.
///
/// `hash` = SHA-256 of `AuditCanonicalEncoding.bytes(of:)` (every other field), and
/// `previousHash` is the `hash` of the event before (64 zeros for the first). Properties
/// are `var` so that rows can be loaded field by field; `AuditChain.verify` tells
/// whether they still agree.
public struct AuditEvent: Hashable, Sendable, Codable {
    /// 1-based, without gaps.
    public var sequence: Int64
    public var occurredAt: AuditTimestamp
    public var actorID: String?
    public var actorName: String
    public var action: String
    public var entity: String
    public var entityID: String?
    public var region: String
    public var before: String?
    public var after: String?
    public var requestID: String?
    /// 64 lowercase hex digits.
    public var previousHash: String
    /// 64 lowercase hex digits.
    public var hash: String

    /// Rebuilds a stored row as it was read; nothing is checked here (see `AuditChain.verify`).
    public init(
        sequence: Int64, occurredAt: AuditTimestamp, actorID: String?, actorName: String,
        action: String, entity: String, entityID: String?, region: String,
        before: String?, after: String?, requestID: String?, previousHash: String, hash: String
    ) {
        self.sequence = sequence
        self.occurredAt = occurredAt
        self.actorID = actorID
        self.actorName = actorName
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.region = region
        self.before = before
        self.after = after
        self.requestID = requestID
        self.previousHash = previousHash
        self.hash = hash
    }

    init(_ entry: AuditEntry, sequence: Int64, previousHash: String, hash: String) {
        self.init(
            sequence: sequence, occurredAt: entry.occurredAt, actorID: entry.actorID, actorName: entry.actorName,
            action: entry.action, entity: entry.entity, entityID: entry.entityID, region: entry.region,
            before: entry.before, after: entry.after, requestID: entry.requestID,
            previousHash: previousHash, hash: hash)
    }

    public var entry: AuditEntry {
        AuditEntry(
            occurredAt: occurredAt, actorID: actorID, actorName: actorName, action: action, entity: entity,
            entityID: entityID, region: region, before: before, after: after, requestID: requestID)
    }

    /// The chain's head once this event is appended: what the next event links to.
    public var head: AuditChainHead { AuditChainHead(sequence: sequence, hash: hash) }
}
