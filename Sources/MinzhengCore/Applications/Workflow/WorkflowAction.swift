/// The kinds of step an application can take. Raw values are the `"action"` strings of
/// `POST /api/v1/applications/{id}/actions`.
public enum WorkflowActionKind: String, Codable, Sendable, CaseIterable, Hashable {
    case accept, investigate, review, publicize, object, resolveObjection
    case approve, reject, returnForDocuments, resubmit, withdraw

    /// Taken by the applicant, not by staff.
    public var isApplicantAction: Bool { self == .resubmit || self == .withdraw }
}

/// What the household visit found (入户调查) and what the household-economy check
/// (家庭经济状况核对) concluded. The App layer attaches the policy engine's decision and
/// trace to the step; the workflow needs only the flag.
public struct InvestigationRecord: Hashable, Sendable, Codable {
    /// The day of the household visit.
    public var visitedOn: CivilDate
    /// The visit record (家庭情况、收入、财产、实际生活状况); required, not blank.
    public var findings: String
    /// True when the economy check found the household within the program's limits.
    public var economyCheckEligible: Bool

    public init(visitedOn: CivilDate, findings: String, economyCheckEligible: Bool) {
        self.visitedOn = visitedOn
        self.findings = findings
        self.economyCheckEligible = economyCheckEligible
    }
}

/// One step asked for: its kind plus what it carries. Every step may carry an opinion
/// (`note`, 意见); `reject` (the reason the applicant sees), `returnForDocuments` (what to
/// bring), `object` (the objection) and `resolveObjection` (how it was settled) require
/// one, and `investigate` requires its record. The static constructors below build each.
public struct WorkflowAction: Hashable, Sendable {
    public var kind: WorkflowActionKind
    public var note: String?
    public var investigation: InvestigationRecord?

    public init(kind: WorkflowActionKind, note: String? = nil, investigation: InvestigationRecord? = nil) {
        self.kind = kind
        self.note = note
        self.investigation = investigation
    }

    public static func accept(note: String? = nil) -> WorkflowAction { .init(kind: .accept, note: note) }
    public static func investigate(_ record: InvestigationRecord, note: String? = nil) -> WorkflowAction {
        .init(kind: .investigate, note: note, investigation: record)
    }
    public static func review(note: String? = nil) -> WorkflowAction { .init(kind: .review, note: note) }
    public static func publicize(note: String? = nil) -> WorkflowAction { .init(kind: .publicize, note: note) }
    /// Records an objection raised during publicity; `note` is its content.
    public static func object(_ note: String) -> WorkflowAction { .init(kind: .object, note: note) }
    /// Settles one open objection; `note` says how (核实结果).
    public static func resolveObjection(_ note: String) -> WorkflowAction { .init(kind: .resolveObjection, note: note) }
    public static func approve(note: String? = nil) -> WorkflowAction { .init(kind: .approve, note: note) }
    public static func reject(reason: String) -> WorkflowAction { .init(kind: .reject, note: reason) }
    public static func returnForDocuments(_ note: String) -> WorkflowAction {
        .init(kind: .returnForDocuments, note: note)
    }
    public static func resubmit(note: String? = nil) -> WorkflowAction { .init(kind: .resubmit, note: note) }
    public static func withdraw(note: String? = nil) -> WorkflowAction { .init(kind: .withdraw, note: note) }
}
