import MinzhengCore

/// What the demo shows of each household that declared its means (issue 13): most of those
/// that qualify are enrolled and paid for a few months; the rest, and some that do not
/// qualify, have an application at every step of the review, so that every queue has work.
public enum DemoCaseloadPlan {
    public enum Case: Equatable, Sendable {
        case enrolled
        /// An application that has reached `state`; `ready` for a publicity that is over.
        case application(WorkflowState, ready: Bool)
    }

    /// The states the in-progress applications cycle through, ending states included.
    static let cycle: [(WorkflowState, Bool)] = [
        (.submitted, false), (.accepted, false), (.investigated, false), (.reviewed, false), (.publicized, true),
        (.publicized, false), (.returned, false), (.rejected, false), (.withdrawn, false),
    ]

    /// The `index`-th household with declared means (in a stable order); nil for none.
    public static func plan(index: Int, qualifies: Bool) -> Case? {
        if qualifies, index % 4 != 3 { return .enrolled }
        guard qualifies || index % 3 == 0 else { return nil }
        let (state, ready) = cycle[(index / 3) % cycle.count]
        // Only a household that qualifies waits, ready, for approval; one that does not is turned down.
        return ready && !qualifies ? .application(.rejected, ready: false) : .application(state, ready: ready)
    }

    /// The steps from submission to `state`: (action, from, to), the submission first.
    public static func steps(to state: WorkflowState) -> [(action: String, from: WorkflowState?, to: WorkflowState)] {
        let path: [(String, WorkflowState)] = [
            ("accept", .accepted), ("investigate", .investigated), ("review", .reviewed),
            ("publicize", .publicized),
        ]
        var steps: [(action: String, from: WorkflowState?, to: WorkflowState)] = [("submit", nil, .submitted)]
        func walk(until last: WorkflowState) {
            for (action, to) in path {
                steps.append((action, steps.last!.to, to))
                if to == last { return }
            }
        }
        switch state {
        case .submitted: break
        case .accepted, .investigated, .reviewed, .publicized, .approved:
            walk(until: state == .approved ? .publicized : state)
        case .returned: walk(until: .investigated)
        case .rejected: walk(until: .publicized)
        case .withdrawn: break
        }
        switch state {
        case .approved: steps.append(("approve", .publicized, .approved))
        case .returned: steps.append(("returnForDocuments", .investigated, .returned))
        case .rejected: steps.append(("reject", .publicized, .rejected))
        case .withdrawn: steps.append(("withdraw", .submitted, .withdrawn))
        default: break
        }
        return steps
    }
}
