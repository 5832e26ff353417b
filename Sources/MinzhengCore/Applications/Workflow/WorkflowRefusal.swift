/// Why a step was refused. Each case is one kind of `Refusal` (`kind`), which the web edge
/// answers with its status. Checks run in this order, and the first that fails is
/// reported: visibility (not found) → state (conflict) → role (forbidden) → objections
/// and publicity (conflict) → required notes (invalid).
public enum WorkflowRefusal: Error, Hashable, Sendable {
    /// The action is not one of the state's (for the application's flow). `allowed` lists
    /// what the state does allow. .conflict.
    case notAllowedInState(WorkflowActionKind, WorkflowState, allowed: [WorkflowActionKind])
    /// The actor can see the application but may not take this step. .forbidden.
    case notPermitted(WorkflowActionKind, WorkflowActor)
    /// The actor cannot see the application (another region; a department user and an item
    /// that is not their department's). Answer as if it did not exist. .notFound.
    case outsideRegion
    /// A required note or record is missing or blank; `field` names it (`note`,
    /// `investigation`, `investigation.findings`). .invalid.
    case missingNote(field: String)
    /// Approval before the publicity period is over; approval is possible in `daysLeft`
    /// days. .conflict.
    case publicityNotOver(daysLeft: Int)
    /// Approval while objections are open. .conflict.
    case openObjections(count: Int)
    /// `resolveObjection` with no objection open. .conflict.
    case noOpenObjections

    public var kind: Refusal.Kind {
        switch self {
        case .notAllowedInState, .publicityNotOver, .openObjections, .noOpenObjections: return .conflict
        case .notPermitted: return .forbidden
        case .outsideRegion: return .notFound
        case .missingNote: return .invalid
        }
    }

    /// The request field at fault, for `{"field": …}`.
    public var field: String? {
        if case .missingNote(let field) = self { return field }
        return nil
    }
}

extension WorkflowRefusal {
    /// The refusal as every other part of the platform reports one.
    public var refusal: Refusal { Refusal(kind, message, field: field) }
}
