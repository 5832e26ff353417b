/// A step that was taken: who, when, with what opinion, and the application before and
/// after. The App layer saves `after` (with a version bump) and appends the step to the
/// application's history in the same transaction.
public struct Transition: Hashable, Sendable {
    public var action: WorkflowActionKind
    public var actor: WorkflowActor
    public var on: CivilDate
    public var before: ApplicationState
    public var after: ApplicationState
    /// The opinion, reason or objection, trimmed; nil when none was given.
    public var note: String?
    /// The investigation record, for `investigate`.
    public var investigation: InvestigationRecord?

    public var from: WorkflowState { before.status }
    public var to: WorkflowState { after.status }
}

/// The review workflow of an assistance application, as pure functions over
/// `ApplicationState` driven by `WorkflowTable`.
///
/// **Publicity (公示).** `publicize` on day D posts the notice and sets
/// `publicityStart = D`. Periods counted in days start on the next day (民法典 art. 201:
/// 开始的当日不计入), so the `publicityDays` (7) full calendar days are D+1 … D+7, and
/// approval is possible from D+8 (`earliestApproval(publicityStart:)`); on D+7 approval
/// is refused with `publicityNotOver(daysLeft: 1)`. Objections may be recorded until the
/// decision; an open objection blocks approval. Resolving an objection does not restart
/// the period (an upheld objection ends in `reject`).
///
/// **Returns.** `returnForDocuments` remembers the state in `returnedFrom`, and `resubmit`
/// goes back to that state, not to `submitted`: asking for a missing document is a
/// correction (补正), not a new application, so the acceptance and investigation already
/// done stand, and the same step that asked for the documents checks them.
public struct ApplicationWorkflow: Sendable {
    /// Length of the publicity period in calendar days.
    public var publicityDays: Int

    public init(publicityDays: Int = 7) {
        self.publicityDays = publicityDays
    }

    // MARK: - Steps

    /// Takes `action` on the application in `state`, or says why not.
    public func apply(
        _ action: WorkflowAction, to state: ApplicationState, by actor: WorkflowActor, on today: CivilDate
    ) -> Result<Transition, WorkflowRefusal> {
        if let refusal = check(action.kind, on: state, by: actor, on: today) { return .failure(refusal) }

        let note = Self.cleaned(action.note)
        switch action.kind {
        case .reject, .returnForDocuments, .object, .resolveObjection:
            if note == nil { return .failure(.missingNote(field: "note")) }
        case .investigate:
            guard let record = action.investigation else { return .failure(.missingNote(field: "investigation")) }
            if Self.cleaned(record.findings) == nil { return .failure(.missingNote(field: "investigation.findings")) }
        default:
            break
        }

        // `check` passed, so the table has a target.
        let target = WorkflowTable.target(of: action.kind, in: state.status, flow: state.flow.kind)!
        var after = state
        switch target {
        case .to(let next): after.status = next
        case .stay: break
        case .returnedFrom: after.status = state.returnedFrom ?? .submitted
        }
        switch action.kind {
        case .investigate: after.economyCheckEligible = action.investigation?.economyCheckEligible
        case .publicize:
            after.publicityStart = today
            after.openObjections = 0
        case .object: after.openObjections += 1
        case .resolveObjection: after.openObjections -= 1
        case .returnForDocuments: after.returnedFrom = state.status
        default: break
        }
        if after.status != .returned { after.returnedFrom = nil }

        var record = action.investigation
        if action.kind != .investigate { record = nil }
        return .success(
            Transition(
                action: action.kind, actor: actor, on: today, before: state, after: after,
                note: note, investigation: record))
    }

    /// The actions `actor` can take now on the application in `state`, in button order:
    /// those `apply` would accept given the required note or record. Pages show exactly
    /// these buttons.
    public func availableActions(
        for state: ApplicationState, by actor: WorkflowActor, on today: CivilDate
    ) -> [WorkflowActionKind] {
        WorkflowActionKind.allCases.filter { check($0, on: state, by: actor, on: today) == nil }
    }

    /// Every check of `apply` except the required note or record: nil when the step is
    /// possible. Order: visibility (404), state (409), role (403), objections and
    /// publicity (409).
    public func check(
        _ kind: WorkflowActionKind, on state: ApplicationState, by actor: WorkflowActor, on today: CivilDate
    ) -> WorkflowRefusal? {
        guard Self.canSee(state, actor) else { return .outsideRegion }

        let flow = state.flow.kind
        guard WorkflowTable.target(of: kind, in: state.status, flow: flow) != nil else {
            return .notAllowedInState(
                kind, state.status, allowed: WorkflowTable.allowedActions(in: state.status, flow: flow))
        }

        guard Self.mayTake(kind, state, actor) else { return .notPermitted(kind, actor) }

        switch kind {
        case .approve where flow == .civilAffairs:
            if state.openObjections > 0 { return .openObjections(count: state.openObjections) }
            let left = daysUntilApproval(publicityStart: state.publicityStart, today: today)
            if left > 0 { return .publicityNotOver(daysLeft: left) }
        case .resolveObjection:
            if state.openObjections <= 0 { return .noOpenObjections }
        default:
            break
        }
        return nil
    }

    // MARK: - Publicity

    /// The last day of publicity for a notice posted on `start`.
    public func lastPublicityDay(publicityStart start: CivilDate) -> CivilDate {
        start.adding(days: publicityDays)
    }

    /// The first day approval is possible for a notice posted on `start`.
    public func earliestApproval(publicityStart start: CivilDate) -> CivilDate {
        start.adding(days: publicityDays + 1)
    }

    /// Days until approval is possible (0 or less: possible now). No publicity start on
    /// record counts as a notice posted today.
    func daysUntilApproval(publicityStart start: CivilDate?, today: CivilDate) -> Int {
        earliestApproval(publicityStart: start ?? today).daysSinceEpoch - today.daysSinceEpoch
    }

    // MARK: - Who

    /// Whether the actor can see the application at all.
    static func canSee(_ state: ApplicationState, _ actor: WorkflowActor) -> Bool {
        switch actor {
        case .applicant:
            return true
        case .staff(let role, let region, let department):
            // A resident account acts on its own application only, as `.applicant`; as
            // "staff" it sees nothing, not even its neighbours' applications.
            guard role != .resident, region.contains(state.region) else { return false }
            if role == .department {
                guard let code = state.flow.departmentCode else { return false }
                return department == code
            }
            return true
        }
    }

    static func mayTake(_ kind: WorkflowActionKind, _ state: ApplicationState, _ actor: WorkflowActor) -> Bool {
        let flow = state.flow.kind
        let allowed = WorkflowTable.authority[flow]?[kind] ?? []
        return allowed.contains { holds($0, state, actor) }
    }

    static func holds(_ authority: WorkflowAuthority, _ state: ApplicationState, _ actor: WorkflowActor) -> Bool {
        // Visibility (region containment, department match) was checked before.
        switch authority {
        case .applicant:
            return actor == .applicant
        case .whoseTurn:
            let flow = state.flow.kind
            guard let forward = WorkflowTable.forwardAction(in: state.status, flow: flow) else { return false }
            let forwardAuthorities = (WorkflowTable.authority[flow]?[forward] ?? []).subtracting([.whoseTurn])
            return forwardAuthorities.contains { holds($0, state, actor) }
        case .streetStaff, .streetOfficer, .approver, .cityAdmin, .matchingDepartment, .registrar:
            guard case .staff(let role, let region, let department) = actor else { return false }
            switch authority {
            case .streetStaff:
                return (role == .streetOfficer || role == .communityWorker) && region.level >= .street
            case .streetOfficer:
                return role == .streetOfficer && region.level == .street
            case .approver:
                guard let level = state.flow.approvingLevel else { return false }
                return role == level.deciderRole && region.level == level.regionLevel
            case .cityAdmin:
                return role == .cityAdmin
            case .matchingDepartment:
                guard role == .department, let code = state.flow.departmentCode else { return false }
                return department == code
            case .registrar:
                return state.flow == .registry && role.may(.manageOrganisations)
            default:
                return false
            }
        }
    }

    /// A note with surrounding whitespace removed; nil when nothing is left.
    static func cleaned(_ note: String?) -> String? {
        guard let note else { return nil }
        let chars = Array(note)
        guard let first = chars.firstIndex(where: { !$0.isWhitespace }),
            let last = chars.lastIndex(where: { !$0.isWhitespace })
        else { return nil }
        return String(chars[first...last])
    }
}
