/// What happened, who did it, to what: an audit event before it joins the chain.
///
/// `before` and `after` are JSON text of the record (or of the changed fields) as the
/// caller serialized it; the chain hashes the text as given and never re-encodes it, so
/// key order and spacing must survive storage unchanged (a `TEXT` column, not `JSONB`,
/// which reorders keys).
public struct AuditEntry: Hashable, Sendable, Codable {
    public var occurredAt: AuditTimestamp
    /// The acting account's UUID string; nil for the system (batch jobs, feeds).
    public var actorID: String?
    /// The actor's display name at the time, kept so the log reads without a join.
    public var actorName: String
    /// A dotted verb such as `person.update`, `person.viewIdentity`, `policy.parameter.create`.
    public var action: String
    /// The kind of record, e.g. `person`.
    public var entity: String
    public var entityID: String?
    /// The region code of the record, so that each level sees its own region's log.
    public var region: String
    public var before: String?
    public var after: String?
    /// Ties the event to the request's log lines.
    public var requestID: String?

    public init(
        occurredAt: AuditTimestamp, actorID: String?, actorName: String, action: String,
        entity: String, entityID: String? = nil, region: String,
        before: String? = nil, after: String? = nil, requestID: String? = nil
    ) {
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
    }
}
