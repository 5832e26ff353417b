/// Where a step leads from the state it is taken in.
public enum WorkflowTarget: Hashable, Sendable {
    /// To this state.
    case to(WorkflowState)
    /// The state is unchanged (objections are counted, not states).
    case stay
    /// Back to `ApplicationState.returnedFrom` (`resubmit`).
    case returnedFrom
}

/// Who may take a step. The workflow's own authorisation table (`WorkflowTable.authority`)
/// maps each action to the authorities that allow it; `Role.may(_:)` is not involved.
///
/// All of them presuppose that the actor can see the application: staff whose region
/// contains the application's region; `department` users only for items of their own
/// department. Someone who cannot see the application is told `outsideRegion` (404).
public enum WorkflowAuthority: String, Hashable, Sendable, CaseIterable {
    /// A street officer or community worker (of the application's street or community).
    case streetStaff
    /// A street officer of the application's street.
    case streetOfficer
    /// The officer at the item's approving level: the district officer of the application's
    /// district for a district-approved item, the street officer of its street for a
    /// street-approved one.
    case approver
    /// The city administrator: may take every staff step of a civil-affairs item, as the
    /// bureau's backstop (a street without an officer, a correction ordered from above).
    /// Not steps of other departments' items, which are those departments' to decide.
    case cityAdmin
    /// The application's own applicant.
    case applicant
    /// A `department` user whose department code is the item's.
    case matchingDepartment
    /// Whoever may take the state's next forward step (`WorkflowTable.forwardAction`):
    /// asking for more documents belongs to the step that needs them.
    case whoseTurn
    /// The registry clerk of the application's region: a role that keeps the registry of social
    /// organisations (`Permission.manageOrganisations`).
    case registrar
}

/// The two tables that define the workflow. Everything else is read from them.
public enum WorkflowTable {
    /// For each flow and state: the actions allowed there and where each leads.
    /// A state missing from a flow's table (or mapped to `[:]`) allows nothing.
    public static let transitions: [WorkflowFlow.Kind: [WorkflowState: [WorkflowActionKind: WorkflowTarget]]] = [
        .civilAffairs: [
            .submitted: [
                .accept: .to(.accepted),
                .reject: .to(.rejected), .returnForDocuments: .to(.returned), .withdraw: .to(.withdrawn),
            ],
            .accepted: [
                .investigate: .to(.investigated),
                .reject: .to(.rejected), .returnForDocuments: .to(.returned), .withdraw: .to(.withdrawn),
            ],
            .investigated: [
                .review: .to(.reviewed),
                .reject: .to(.rejected), .returnForDocuments: .to(.returned), .withdraw: .to(.withdrawn),
            ],
            .reviewed: [
                .publicize: .to(.publicized),
                .reject: .to(.rejected), .returnForDocuments: .to(.returned), .withdraw: .to(.withdrawn),
            ],
            .publicized: [
                .object: .stay, .resolveObjection: .stay,
                .approve: .to(.approved),
                .reject: .to(.rejected), .withdraw: .to(.withdrawn),
            ],
            .returned: [.resubmit: .returnedFrom, .withdraw: .to(.withdrawn)],
            .approved: [:], .rejected: [:], .withdrawn: [:],
        ],
        .department: [
            .submitted: [
                .accept: .to(.accepted),
                .reject: .to(.rejected), .returnForDocuments: .to(.returned), .withdraw: .to(.withdrawn),
            ],
            .accepted: [
                .approve: .to(.approved),
                .reject: .to(.rejected), .returnForDocuments: .to(.returned), .withdraw: .to(.withdrawn),
            ],
            .returned: [.resubmit: .returnedFrom, .withdraw: .to(.withdrawn)],
            .approved: [:], .rejected: [:], .withdrawn: [:],
        ],
        .registry: [
            .submitted: [
                .accept: .to(.accepted),
                .reject: .to(.rejected), .returnForDocuments: .to(.returned), .withdraw: .to(.withdrawn),
            ],
            .accepted: [
                .review: .to(.reviewed),
                .reject: .to(.rejected), .returnForDocuments: .to(.returned), .withdraw: .to(.withdrawn),
            ],
            .reviewed: [
                .approve: .to(.approved),
                .reject: .to(.rejected), .returnForDocuments: .to(.returned), .withdraw: .to(.withdrawn),
            ],
            .returned: [.resubmit: .returnedFrom, .withdraw: .to(.withdrawn)],
            .approved: [:], .rejected: [:], .withdrawn: [:],
        ],
    ]

    /// For each flow and action: who may take it (any one authority suffices).
    public static let authority: [WorkflowFlow.Kind: [WorkflowActionKind: Set<WorkflowAuthority>]] = [
        .civilAffairs: [
            .accept: [.streetStaff, .cityAdmin],
            .investigate: [.streetStaff, .cityAdmin],
            .review: [.streetOfficer, .cityAdmin],
            .publicize: [.streetOfficer, .cityAdmin],
            .object: [.streetStaff, .cityAdmin],
            .resolveObjection: [.streetOfficer, .approver, .cityAdmin],
            .approve: [.approver, .cityAdmin],
            .reject: [.approver, .cityAdmin],
            .returnForDocuments: [.whoseTurn, .cityAdmin],
            .resubmit: [.applicant],
            .withdraw: [.applicant],
        ],
        .department: [
            .accept: [.matchingDepartment],
            .approve: [.matchingDepartment],
            .reject: [.matchingDepartment],
            .returnForDocuments: [.matchingDepartment],
            .resubmit: [.applicant],
            .withdraw: [.applicant],
        ],
        // The clerk resubmits or withdraws at the window on the applicant's written request.
        .registry: [
            .accept: [.registrar],
            .review: [.registrar],
            .approve: [.registrar],
            .reject: [.registrar],
            .returnForDocuments: [.registrar],
            .resubmit: [.applicant, .registrar],
            .withdraw: [.applicant, .registrar],
        ],
    ]

    /// The step that moves an application on from `state` (nil where there is none).
    public static func forwardAction(in state: WorkflowState, flow: WorkflowFlow.Kind) -> WorkflowActionKind? {
        switch (flow, state) {
        case (_, .submitted): return .accept
        case (.civilAffairs, .accepted): return .investigate
        case (.civilAffairs, .investigated): return .review
        case (.civilAffairs, .reviewed): return .publicize
        case (.registry, .accepted): return .review
        case (.registry, .reviewed): return .approve
        case (_, .publicized), (.department, .accepted): return .approve
        case (_, .returned): return .resubmit
        default: return nil
        }
    }

    /// The actions allowed in `state` for `flow`, in button order (`WorkflowActionKind.allCases`).
    public static func allowedActions(in state: WorkflowState, flow: WorkflowFlow.Kind) -> [WorkflowActionKind] {
        let row = transitions[flow]?[state] ?? [:]
        return WorkflowActionKind.allCases.filter { row[$0] != nil }
    }

    static func target(
        of action: WorkflowActionKind, in state: WorkflowState, flow: WorkflowFlow.Kind
    ) -> WorkflowTarget? {
        transitions[flow]?[state]?[action]
    }
}
