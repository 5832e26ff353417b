/// Why a step was refused. Each case maps to one HTTP status (`httpStatus`); the App
/// layer answers `{"error": message, "field": field}`. Checks run in this order, and the
/// first that fails is reported: visibility (404) → state (409) → role (403) →
/// objections and publicity (409) → required notes (400).
public enum WorkflowRefusal: Error, Hashable, Sendable {
    /// The action is not one of the state's (for the application's flow). `allowed` lists
    /// what the state does allow. 409.
    case notAllowedInState(WorkflowActionKind, WorkflowState, allowed: [WorkflowActionKind])
    /// The actor can see the application but may not take this step. 403.
    case notPermitted(WorkflowActionKind, WorkflowActor)
    /// The actor cannot see the application (another region; a department user and an item
    /// that is not their department's). Answer as if it did not exist. 404.
    case outsideRegion
    /// A required note or record is missing or blank; `field` names it (`note`,
    /// `investigation`, `investigation.findings`). 400.
    case missingNote(field: String)
    /// Approval before the publicity period is over; approval is possible in `daysLeft`
    /// days. 409.
    case publicityNotOver(daysLeft: Int)
    /// Approval while objections are open. 409.
    case openObjections(count: Int)
    /// `resolveObjection` with no objection open. 409.
    case noOpenObjections

    public var httpStatus: Int {
        switch self {
        case .notAllowedInState, .publicityNotOver, .openObjections, .noOpenObjections: return 409
        case .notPermitted: return 403
        case .outsideRegion: return 404
        case .missingNote: return 400
        }
    }

    /// The request field at fault, for `{"field": …}`.
    public var field: String? {
        if case .missingNote(let field) = self { return field }
        return nil
    }
}
