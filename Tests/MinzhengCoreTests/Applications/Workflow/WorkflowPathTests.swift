import MinzhengCore
import Testing

@Suite("Application workflow: paths through the review")
struct WorkflowPathTests {
    @Test("a district-approved 民政 item: submitted → accepted → investigated → reviewed → publicized → approved")
    func districtHappyPath() throws {
        var app = WF.civil(.district)
        let steps: [(WorkflowAction, WorkflowActor, Int, WorkflowState)] = [
            (.accept(note: "材料齐全"), WF.communityWorker, 0, .accepted),
            (.investigate(WF.record), WF.communityWorker, 2, .investigated),
            (.review(note: "同意上报"), WF.streetOfficer, 3, .reviewed),
            (.publicize(), WF.streetOfficer, 4, .publicized),
            (.approve(note: "同意"), WF.districtOfficer, 12, .approved),
        ]
        for (action, actor, dayOffset, expected) in steps {
            let day = WF.day(dayOffset)
            #expect(
                WF.workflow.availableActions(for: app, by: actor, on: day).contains(action.kind),
                "\(action.kind) is offered to its actor in \(app.status)")
            let t = try WF.take(action, app, by: actor, on: day)
            #expect(t.from == app.status)
            #expect(t.to == expected)
            #expect(t.actor == actor)
            #expect(t.on == day)
            #expect(t.note == action.note)
            app = t.after
        }
        #expect(app.status == .approved)
        #expect(app.status.isTerminal)
        #expect(app.publicityStart == WF.day(4))
        #expect(app.economyCheckEligible == true)
        #expect(app.openObjections == 0)
        #expect(app.returnedFrom == nil)
        for (_, actor) in WF.roster {
            #expect(WF.workflow.availableActions(for: app, by: actor, on: WF.day(20)).isEmpty)
        }
    }

    @Test("a street-approved item is decided by the street officer, not the district")
    func streetHappyPath() throws {
        var app = WF.civil(.street)
        app = try WF.take(.accept(), app, by: WF.streetWorker).after
        app = try WF.take(.investigate(WF.record), app, by: WF.streetOfficer, on: WF.day(1)).after
        app = try WF.take(.review(), app, by: WF.streetOfficer, on: WF.day(1)).after
        app = try WF.take(.publicize(), app, by: WF.streetOfficer, on: WF.day(1)).after
        #expect(
            WF.refusal(.approve(), app, by: WF.districtOfficer, on: WF.day(9))
                == .notPermitted(.approve, WF.districtOfficer))
        #expect(
            WF.workflow.availableActions(for: app, by: WF.streetOfficer, on: WF.day(9)) == [.object, .approve, .reject])
        let t = try WF.take(.approve(), app, by: WF.streetOfficer, on: WF.day(9))
        #expect(t.to == .approved)
    }

    @Test("investigate records the visit and the economy check's result")
    func investigation() throws {
        let record = InvestigationRecord(visitedOn: WF.day0, findings: "  家有存款二十万元。 ", economyCheckEligible: false)
        let t = try WF.take(
            .investigate(record, note: "建议不予批准"), WF.civil(.district, .accepted), by: WF.communityWorker)
        #expect(t.investigation == record)
        #expect(t.after.economyCheckEligible == false)
        #expect(t.note == "建议不予批准")
        let accepted = WF.civil(.district, .accepted)
        #expect(
            WF.refusal(WorkflowAction(kind: .investigate), accepted, by: WF.communityWorker)
                == .missingNote(field: "investigation"))
        let blank = InvestigationRecord(visitedOn: WF.day0, findings: " \n　", economyCheckEligible: true)
        #expect(
            WF.refusal(.investigate(blank), accepted, by: WF.communityWorker)
                == .missingNote(field: "investigation.findings"))
    }

    // MARK: - Publicity

    /// Posted on D = day 0; the 7 full days are D+1 … D+7; approval from D+8.
    @Test(
        "approval waits for 7 full days of publicity after the posting day",
        arguments: [
            (0, 8), (1, 7), (6, 2), (7, 1), (8, 0), (9, 0), (40, 0),
        ])
    func publicityPeriod(dayOffset: Int, daysLeft: Int) throws {
        let app = WF.civil(.district, .publicized)  // posted on day0
        let refusal = WF.refusal(.approve(), app, by: WF.districtOfficer, on: WF.day(dayOffset))
        let offered = WF.workflow.availableActions(for: app, by: WF.districtOfficer, on: WF.day(dayOffset)).contains(
            .approve)
        if daysLeft > 0 {
            #expect(refusal == .publicityNotOver(daysLeft: daysLeft))
            #expect(refusal?.kind == .conflict)
            #expect(!offered)
        } else {
            #expect(refusal == nil)
            #expect(offered)
        }
    }

    @Test("publicize sets the start day; the period is calendar days across month ends and 29 February")
    func publicityDates() throws {
        let posted = CivilDate(year: 2024, month: 2, day: 25)!
        let t = try WF.take(.publicize(), WF.civil(.district, .reviewed), by: WF.streetOfficer, on: posted)
        #expect(t.after.publicityStart == posted)
        #expect(WF.workflow.lastPublicityDay(publicityStart: posted) == CivilDate(year: 2024, month: 3, day: 3)!)
        #expect(WF.workflow.earliestApproval(publicityStart: posted) == CivilDate(year: 2024, month: 3, day: 4)!)
        #expect(
            WF.refusal(.approve(), t.after, by: WF.districtOfficer, on: CivilDate(year: 2024, month: 3, day: 3)!)
                == .publicityNotOver(daysLeft: 1))
        #expect(
            WF.refusal(.approve(), t.after, by: WF.districtOfficer, on: CivilDate(year: 2024, month: 3, day: 4)!) == nil
        )
    }

    @Test("an objection keeps the state, blocks approval until resolved, and must say what it is")
    func objections() throws {
        var app = WF.civil(.district, .publicized)
        var t = try WF.take(.object("反映其家中有车辆。"), app, by: WF.communityWorker, on: WF.day(2))
        #expect(t.from == .publicized && t.to == .publicized)
        #expect(t.note == "反映其家中有车辆。")
        app = try WF.take(.object("反映其子女有赡养能力。"), t.after, by: WF.streetOfficer, on: WF.day(3)).after
        #expect(app.openObjections == 2)

        #expect(WF.refusal(.approve(), app, by: WF.districtOfficer, on: WF.day(10)) == .openObjections(count: 2))
        #expect(!WF.workflow.availableActions(for: app, by: WF.districtOfficer, on: WF.day(10)).contains(.approve))

        t = try WF.take(.resolveObjection("经核实车辆已于2023年出售。"), app, by: WF.streetOfficer, on: WF.day(5))
        app = t.after
        #expect(app.openObjections == 1)
        #expect(WF.refusal(.approve(), app, by: WF.districtOfficer, on: WF.day(10)) == .openObjections(count: 1))

        app = try WF.take(.resolveObjection("子女均为低收入，无赡养能力。"), app, by: WF.districtOfficer, on: WF.day(9)).after
        #expect(app.openObjections == 0)
        #expect(WF.refusal(.resolveObjection("再次核实"), app, by: WF.streetOfficer, on: WF.day(9)) == .noOpenObjections)
        #expect(
            !WF.workflow.availableActions(for: app, by: WF.streetOfficer, on: WF.day(9)).contains(.resolveObjection))
        #expect(try WF.take(.approve(), app, by: WF.districtOfficer, on: WF.day(10)).to == .approved)
    }

    @Test("objections and their resolutions need a note", arguments: ["", "   ", "\n\t　"])
    func objectionNotes(blank: String) {
        let app = WF.civil(.district, .publicized, objections: 1)
        #expect(WF.refusal(.object(blank), app, by: WF.streetOfficer) == .missingNote(field: "note"))
        #expect(WF.refusal(.resolveObjection(blank), app, by: WF.streetOfficer) == .missingNote(field: "note"))
        #expect(WF.refusal(WorkflowAction(kind: .object), app, by: WF.streetOfficer) == .missingNote(field: "note"))
    }

    // MARK: - Rejection

    @Test(
        "reject from every staff state with a reason the applicant sees",
        arguments: [
            WorkflowState.submitted, .accepted, .investigated, .reviewed, .publicized,
        ])
    func reject(from status: WorkflowState) throws {
        let app = WF.civil(.district, status)
        #expect(WF.refusal(WorkflowAction(kind: .reject), app, by: WF.districtOfficer) == .missingNote(field: "note"))
        #expect(WF.refusal(.reject(reason: " 　"), app, by: WF.districtOfficer) == .missingNote(field: "note"))
        #expect(WF.refusal(.reject(reason: " 　"), app, by: WF.districtOfficer)?.kind == .invalid)
        let t = try WF.take(.reject(reason: "  家庭人均收入高于标准。\n"), app, by: WF.districtOfficer)
        #expect(t.to == .rejected)
        #expect(t.note == "家庭人均收入高于标准。")
    }

    // MARK: - Return for documents

    @Test(
        "return for documents, then resubmit goes back to the step that asked",
        arguments: [
            (WorkflowState.submitted, WF.communityWorker),
            (WorkflowState.accepted, WF.communityWorker),
            (WorkflowState.investigated, WF.streetOfficer),
            (WorkflowState.reviewed, WF.streetOfficer),
        ])
    func returnAndResubmit(from status: WorkflowState, by officer: WorkflowActor) throws {
        let app = WF.civil(.district, status)
        #expect(WF.refusal(WorkflowAction(kind: .returnForDocuments), app, by: officer) == .missingNote(field: "note"))
        let returned = try WF.take(.returnForDocuments("请补充残疾证复印件。"), app, by: officer)
        #expect(returned.to == .returned)
        #expect(returned.note == "请补充残疾证复印件。")
        #expect(returned.after.returnedFrom == status)

        // While returned, staff wait; only the applicant moves it.
        #expect(WF.workflow.availableActions(for: returned.after, by: officer, on: WF.day(1)).isEmpty)
        #expect(
            WF.workflow.availableActions(for: returned.after, by: WF.applicant, on: WF.day(1)) == [
                .resubmit, .withdraw,
            ])
        #expect(
            WF.refusal(.resubmit(), returned.after, by: officer, on: WF.day(1)) == .notPermitted(.resubmit, officer))
        let forward = try #require(WorkflowTable.forwardAction(in: status, flow: .civilAffairs))
        #expect(
            WF.refusal(WF.action(forward), returned.after, by: officer, on: WF.day(1))
                == .notAllowedInState(forward, .returned, allowed: [.resubmit, .withdraw]))

        let back = try WF.take(.resubmit(note: "已上传"), returned.after, by: WF.applicant, on: WF.day(2))
        #expect(back.to == status)
        #expect(back.after.returnedFrom == nil)
        #expect(try WF.take(WF.action(forward), back.after, by: officer, on: WF.day(2)).from == status)
    }

    @Test("no return during publicity; an applicant cannot return their own application")
    func returnRefusals() {
        #expect(
            WF.refusal(.returnForDocuments("补材料"), WF.civil(.district, .publicized), by: WF.streetOfficer)
                == .notAllowedInState(
                    .returnForDocuments, .publicized,
                    allowed: [.object, .resolveObjection, .approve, .reject, .withdraw]))
        #expect(
            WF.refusal(.returnForDocuments("补材料"), WF.civil(.district, .accepted), by: WF.applicant)
                == .notPermitted(.returnForDocuments, .applicant))
    }

    @Test("a returned application with no state on record goes back to submitted")
    func resubmitWithoutOrigin() throws {
        var app = WF.civil(.district, .returned)
        app.returnedFrom = nil
        #expect(try WF.take(.resubmit(), app, by: WF.applicant).to == .submitted)
    }

    // MARK: - Withdrawal

    @Test(
        "the applicant may withdraw before a decision",
        arguments: [
            WorkflowState.submitted, .accepted, .investigated, .reviewed, .publicized, .returned,
        ])
    func withdrawBeforeDecision(from status: WorkflowState) throws {
        let app = WF.civil(.district, status, objections: status == .publicized ? 1 : 0)
        #expect(WF.refusal(.withdraw(), app, by: WF.streetOfficer) == .notPermitted(.withdraw, WF.streetOfficer))
        let t = try WF.take(.withdraw(note: "已找到工作"), app, by: WF.applicant)
        #expect(t.to == .withdrawn)
        #expect(t.after.returnedFrom == nil)
    }

    @Test("no withdrawal after a decision", arguments: [WorkflowState.approved, .rejected, .withdrawn])
    func withdrawAfterDecision(status: WorkflowState) {
        let refusal = WF.refusal(.withdraw(), WF.civil(.district, status), by: WF.applicant)
        #expect(refusal == .notAllowedInState(.withdraw, status, allowed: []))
        #expect(refusal?.kind == .conflict)
    }
}
