import MinzhengCore
import Testing

/// The state table and the authorisation table, checked exhaustively against a copy of
/// the rules written out here independently of `WorkflowTable`.
@Suite("Application workflow: the state and permission tables")
struct WorkflowTableTests {
    static let civilAllowed: [WorkflowState: Set<WorkflowActionKind>] = [
        .submitted: [.accept, .reject, .returnForDocuments, .withdraw],
        .accepted: [.investigate, .reject, .returnForDocuments, .withdraw],
        .investigated: [.review, .reject, .returnForDocuments, .withdraw],
        .reviewed: [.publicize, .reject, .returnForDocuments, .withdraw],
        .publicized: [.object, .resolveObjection, .approve, .reject, .withdraw],
        .returned: [.resubmit, .withdraw],
        .approved: [], .rejected: [], .withdrawn: [],
    ]

    static let departmentAllowed: [WorkflowState: Set<WorkflowActionKind>] = [
        .submitted: [.accept, .reject, .returnForDocuments, .withdraw],
        .accepted: [.approve, .reject, .returnForDocuments, .withdraw],
        .returned: [.resubmit, .withdraw],
    ]

    /// Someone who passes the role check for `kind` on a civil-affairs item.
    static func civilActor(for kind: WorkflowActionKind) -> WorkflowActor {
        kind.isApplicantAction ? WF.applicant : WF.cityAdmin
    }

    static func departmentActor(for kind: WorkflowActionKind) -> WorkflowActor {
        kind.isApplicantAction ? WF.applicant : WF.yibao
    }

    @Test(
        "civil-affairs flow: each state allows exactly its actions; every other is a 409 naming the state",
        arguments: WorkflowState.allCases)
    func civilStateTable(status: WorkflowState) throws {
        let allowed = try #require(Self.civilAllowed[status])
        #expect(Set(WorkflowTable.allowedActions(in: status, flow: .civilAffairs)) == allowed)
        let ordered = WorkflowActionKind.allCases.filter(allowed.contains)
        for level in ApprovingLevel.allCases {
            let app = WF.civil(level, status, objections: 1)
            for kind in WorkflowActionKind.allCases {
                let actor = Self.civilActor(for: kind)
                let refusal = WF.workflow.check(kind, on: app, by: actor, on: WF.day(30))
                if allowed.contains(kind) {
                    if case .notAllowedInState = refusal { Issue.record("\(kind) refused in \(status)") }
                } else {
                    #expect(refusal == .notAllowedInState(kind, status, allowed: ordered), "\(kind) in \(status)")
                    // Whoever asks (in scope) hears about the state, before anything else.
                    for (_, other) in WF.roster {
                        #expect(
                            WF.refusal(WF.action(kind), app, by: other, on: WF.day(30))
                                == .notAllowedInState(kind, status, allowed: ordered))
                    }
                }
            }
        }
    }

    @Test(
        "department flow: each state allows exactly its actions; every other is a 409",
        arguments: WorkflowState.allCases)
    func departmentStateTable(status: WorkflowState) {
        let allowed = Self.departmentAllowed[status] ?? []
        #expect(Set(WorkflowTable.allowedActions(in: status, flow: .department)) == allowed)
        let ordered = WorkflowActionKind.allCases.filter(allowed.contains)
        let app = WF.departmental(status)
        for kind in WorkflowActionKind.allCases {
            let refusal = WF.refusal(WF.action(kind), app, by: Self.departmentActor(for: kind), on: WF.day(30))
            if allowed.contains(kind) {
                #expect(refusal == nil, "\(kind) in \(status)")
            } else {
                #expect(refusal == .notAllowedInState(kind, status, allowed: ordered), "\(kind) in \(status)")
            }
        }
    }

    /// Who may take each allowed step of a district-approved item; the street-approved
    /// item differs only in approve, reject and resolveObjection (see `streetApproved`).
    static let districtPermitted: [WorkflowState: [WorkflowActionKind: Set<String>]] = {
        let intake: Set<String> = ["cityAdmin", "streetOfficer", "streetWorker", "communityWorker"]
        let street: Set<String> = ["cityAdmin", "streetOfficer"]
        let decider: Set<String> = ["cityAdmin", "districtOfficer"]
        let applicant: Set<String> = ["applicant"]
        return [
            .submitted: [.accept: intake, .reject: decider, .returnForDocuments: intake, .withdraw: applicant],
            .accepted: [.investigate: intake, .reject: decider, .returnForDocuments: intake, .withdraw: applicant],
            .investigated: [.review: street, .reject: decider, .returnForDocuments: street, .withdraw: applicant],
            .reviewed: [.publicize: street, .reject: decider, .returnForDocuments: street, .withdraw: applicant],
            .publicized: [
                .object: intake, .resolveObjection: ["cityAdmin", "streetOfficer", "districtOfficer"],
                .approve: decider, .reject: decider, .withdraw: applicant,
            ],
            .returned: [.resubmit: applicant, .withdraw: applicant],
        ]
    }()

    static func permitted(_ level: ApprovingLevel) -> [WorkflowState: [WorkflowActionKind: Set<String>]] {
        let decider: Set<String>
        switch level {
        case .district: return districtPermitted
        case .street: decider = ["cityAdmin", "streetOfficer"]
        case .city: decider = ["cityAdmin"]
        }
        var table = districtPermitted
        for (status, row) in table {
            if row[.reject] != nil { table[status]![.reject] = decider }
        }
        table[.publicized]![.approve] = decider
        table[.publicized]![.resolveObjection] = ["cityAdmin", "streetOfficer"]
        return table
    }

    @Test(
        "who may act: every allowed step, every actor in scope; the rest are 403, outsiders 404",
        arguments: ApprovingLevel.allCases,
        [WorkflowState.submitted, .accepted, .investigated, .reviewed, .publicized, .returned])
    func permissionMatrix(level: ApprovingLevel, status: WorkflowState) throws {
        let row = try #require(Self.permitted(level)[status])
        #expect(Set(row.keys) == Self.civilAllowed[status])
        for (kind, names) in row {
            // One objection open (so resolveObjection is possible), publicity long over.
            let app = WF.civil(level, status, objections: kind == .resolveObjection ? 1 : 0)
            let day = WF.day(30)
            for (name, actor) in WF.roster {
                let refusal = WF.refusal(WF.action(kind), app, by: actor, on: day)
                let offered = WF.workflow.availableActions(for: app, by: actor, on: day).contains(kind)
                if names.contains(name) {
                    #expect(refusal == nil, "\(name) may \(kind) in \(status) (\(level))")
                    #expect(offered)
                } else {
                    #expect(refusal == .notPermitted(kind, actor), "\(name) may not \(kind) in \(status) (\(level))")
                    #expect(refusal?.kind == .forbidden)
                    #expect(!offered)
                }
            }
            for outsider in WF.outsiders {
                #expect(WF.refusal(WF.action(kind), app, by: outsider, on: day) == .outsideRegion)
                #expect(WF.workflow.availableActions(for: app, by: outsider, on: day).isEmpty)
            }
        }
    }

    @Test("refusals map to HTTP statuses, and a state refusal names the state in Chinese and English")
    func refusalMessages() {
        let state = WorkflowRefusal.notAllowedInState(.accept, .publicized, allowed: [.object, .approve])
        #expect(state.kind == .conflict)
        #expect(state.message.contains("公示中") && state.message.contains("publicized"))
        #expect(state.message.contains("受理") && state.message.contains("审批通过"))
        #expect(state.englishMessage.contains("publicized") && state.englishMessage.contains("公示中"))
        let closed = WorkflowRefusal.notAllowedInState(.withdraw, .approved, allowed: [])
        #expect(closed.message.contains("已批准") && closed.message.contains("approved"))

        let cases: [(WorkflowRefusal, Refusal.Kind, String?)] = [
            (.notPermitted(.approve, WF.streetOfficer), .forbidden, nil),
            (.outsideRegion, .notFound, nil),
            (.missingNote(field: "note"), .invalid, "note"),
            (.publicityNotOver(daysLeft: 3), .conflict, nil),
            (.openObjections(count: 2), .conflict, nil),
            (.noOpenObjections, .conflict, nil),
        ]
        for (refusal, kind, field) in cases {
            #expect(refusal.kind == kind)
            #expect(refusal.refusal == Refusal(kind, refusal.message, field: field))
            #expect(refusal.field == field)
            #expect(!refusal.message.isEmpty && !refusal.englishMessage.isEmpty)
        }
        #expect(WorkflowRefusal.outsideRegion.message == "未找到该申请。")
        #expect(WorkflowRefusal.notPermitted(.approve, WF.streetOfficer).message.contains("街道经办人"))
    }

    @Test("approving levels follow the catalogue's region levels")
    func approvingLevels() {
        #expect(ApprovingLevel(RegionCode.Level.street) == .street)
        #expect(ApprovingLevel(RegionCode.Level.district) == .district)
        #expect(ApprovingLevel(RegionCode.Level.city) == .city)
        #expect(ApprovingLevel(RegionCode.Level.community) == nil)
        #expect(ApprovingLevel(RegionCode.Level.province) == nil)
        #expect(ApprovingLevel.allCases.map(\.deciderRole) == [.streetOfficer, .districtOfficer, .cityAdmin])
    }

    @Test("every state and action has a Chinese and an English label")
    func labels() {
        for s in WorkflowState.allCases { #expect(!s.chinese.isEmpty && !s.english.isEmpty) }
        for a in WorkflowActionKind.allCases { #expect(!a.chinese.isEmpty && !a.english.isEmpty) }
        #expect(Set(WorkflowState.allCases.map(\.chinese)).count == WorkflowState.allCases.count)
        #expect(Set(WorkflowActionKind.allCases.map(\.chinese)).count == WorkflowActionKind.allCases.count)
        #expect(WorkflowState.allCases.filter(\.isTerminal) == [.approved, .rejected, .withdrawn])
    }
}
