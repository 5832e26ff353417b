import MinzhengCore
import Testing

@Suite("Application workflow: who may act")
struct WorkflowRoleTests {
    struct WrongRole: Sendable, CustomTestStringConvertible {
        var status: WorkflowState
        var kind: WorkflowActionKind
        var actor: WorkflowActor
        var expected: WorkflowRefusal
        init(_ status: WorkflowState, _ kind: WorkflowActionKind, _ actor: WorkflowActor, hidden: Bool = false) {
            self.status = status
            self.kind = kind
            self.actor = actor
            expected = hidden ? .outsideRegion : .notPermitted(kind, actor)
        }
        var testDescription: String { "\(actor.english) \(kind) in \(status)" }
    }

    @Test(
        "the wrong role at each step of a district item is refused",
        arguments: [
            WrongRole(.submitted, .accept, WF.districtOfficer),
            WrongRole(.submitted, .accept, WF.otherCommunityWorker, hidden: true),
            WrongRole(.submitted, .reject, WF.streetOfficer),
            WrongRole(.accepted, .investigate, WF.otherStreetOfficer, hidden: true),
            WrongRole(.accepted, .investigate, WF.districtOfficer),
            WrongRole(.investigated, .review, WF.communityWorker),
            WrongRole(.investigated, .review, WF.streetWorker),
            WrongRole(.investigated, .returnForDocuments, WF.communityWorker),
            WrongRole(.reviewed, .publicize, WF.communityWorker),
            WrongRole(.reviewed, .publicize, WF.districtOfficer),
            WrongRole(.publicized, .approve, WF.streetOfficer),
            WrongRole(.publicized, .reject, WF.streetOfficer),
            WrongRole(.publicized, .approve, WF.otherDistrictOfficer, hidden: true),
            WrongRole(.publicized, .approve, WF.applicant),
            WrongRole(.publicized, .approve, WF.yibao, hidden: true),
        ])
    func wrongRole(row: WrongRole) {
        let refusal = WF.refusal(WF.action(row.kind), WF.civil(.district, row.status), by: row.actor, on: WF.day(30))
        #expect(refusal == row.expected)
    }

    @Test("a community worker cannot review")
    func communityWorkerCannotReview() {
        let refusal = WF.refusal(.review(), WF.civil(.district, .investigated), by: WF.communityWorker)
        #expect(refusal == .notPermitted(.review, WF.communityWorker))
        #expect(refusal?.kind == .forbidden)
    }

    @Test("a street officer cannot approve a district item; the district officer can")
    func streetCannotApproveDistrictItem() {
        let app = WF.civil(.district, .publicized)
        #expect(
            WF.refusal(.approve(), app, by: WF.streetOfficer, on: WF.day(8))
                == .notPermitted(.approve, WF.streetOfficer))
        #expect(WF.refusal(.approve(), app, by: WF.districtOfficer, on: WF.day(8)) == nil)
    }

    @Test("a district officer of another district is told the application does not exist")
    func otherDistrict() {
        for status in WorkflowState.allCases {
            let app = WF.civil(.district, status)
            for kind in WorkflowActionKind.allCases {
                let refusal = WF.refusal(WF.action(kind), app, by: WF.otherDistrictOfficer, on: WF.day(30))
                #expect(refusal == .outsideRegion)
                #expect(refusal?.kind == .notFound)
            }
        }
    }

    @Test("an auditor is never permitted to act, in any state, at any level, in either flow")
    func auditorNever() {
        let apps = WorkflowState.allCases.flatMap { s in
            [WF.civil(.district, s, objections: 1), WF.civil(.street, s), WF.departmental(s)]
        }
        for app in apps {
            for auditor in [WF.cityAuditor, WF.districtAuditor, WF.streetAuditor] {
                #expect(WF.workflow.availableActions(for: app, by: auditor, on: WF.day(30)).isEmpty)
                for kind in WorkflowActionKind.allCases {
                    switch WF.refusal(WF.action(kind), app, by: auditor, on: WF.day(30)) {
                    case .notPermitted, .notAllowedInState: break
                    case let other: Issue.record("auditor \(kind) in \(app.status): \(String(describing: other))")
                    }
                }
            }
            #expect(WF.refusal(.approve(), app, by: WF.otherAuditor, on: WF.day(30)) == .outsideRegion)
        }
    }

    @Test("the city administrator may take every staff step of a civil-affairs item")
    func cityAdmin() throws {
        var app = WF.civil(.district)
        let steps: [(WorkflowAction, Int)] = [
            (.accept(), 0), (.investigate(WF.record), 1), (.review(), 1), (.publicize(), 1),
            (.object("异议"), 2), (.resolveObjection("不属实"), 3), (.approve(), 9),
        ]
        for (action, day) in steps {
            app = try WF.take(action, app, by: WF.cityAdmin, on: WF.day(day)).after
        }
        #expect(app.status == .approved)
        #expect(
            WF.refusal(.resubmit(), WF.civil(.district, .returned), by: WF.cityAdmin)
                == .notPermitted(.resubmit, WF.cityAdmin))
    }

    // MARK: - Department-routed items

    @Test("a department item: the matching department accepts and decides")
    func departmentFlow() throws {
        var app = WF.departmental()
        #expect(
            WF.workflow.availableActions(for: app, by: WF.yibao, on: WF.day0) == [
                .accept, .reject, .returnForDocuments,
            ])
        app = try WF.take(.accept(), app, by: WF.yibao).after
        #expect(app.status == .accepted)
        #expect(
            WF.workflow.availableActions(for: app, by: WF.yibao, on: WF.day0) == [
                .approve, .reject, .returnForDocuments,
            ])
        let t = try WF.take(.approve(note: "符合医疗救助条件"), app, by: WF.yibao, on: WF.day(1))
        #expect(t.to == .approved)

        let rejected = try WF.take(.reject(reason: "已享受同类救助"), app, by: WF.yibao, on: WF.day(1))
        #expect(rejected.to == .rejected)
    }

    @Test(
        "a department item: another department, another district's office, and civil-affairs staff cannot act",
        arguments: [WorkflowState.submitted, .accepted])
    func departmentRefusals(status: WorkflowState) {
        let app = WF.departmental(status)
        let decide: [WorkflowActionKind] =
            status == .submitted ? [.accept, .reject, .returnForDocuments] : [.approve, .reject, .returnForDocuments]
        for kind in decide {
            #expect(WF.refusal(WF.action(kind), app, by: WF.renshe) == .outsideRegion)
            #expect(WF.refusal(WF.action(kind), app, by: WF.yibaoOtherDistrict) == .outsideRegion)
            let noCode = WorkflowActor.staff(role: .department, region: WF.region("3204"))
            #expect(WF.refusal(WF.action(kind), app, by: noCode) == .outsideRegion)
            for civil in [
                WF.cityAdmin, WF.districtOfficer, WF.streetOfficer, WF.communityWorker, WF.cityAuditor, WF.applicant,
            ] {
                #expect(WF.refusal(WF.action(kind), app, by: civil) == .notPermitted(kind, civil))
            }
            #expect(WF.refusal(WF.action(kind), app, by: WF.yibao) == nil)
        }
        #expect(WF.workflow.availableActions(for: app, by: WF.cityAdmin, on: WF.day0).isEmpty)
        #expect(WF.workflow.availableActions(for: app, by: WF.applicant, on: WF.day0) == [.withdraw])
    }

    @Test("a department item: return for documents, resubmit, withdraw")
    func departmentReturn() throws {
        let app = WF.departmental(.accepted)
        let returned = try WF.take(.returnForDocuments("请补充住院费用清单"), app, by: WF.yibao)
        #expect(returned.after.status == .returned && returned.after.returnedFrom == .accepted)
        #expect(WF.refusal(.resubmit(), returned.after, by: WF.yibao) == .notPermitted(.resubmit, WF.yibao))
        let back = try WF.take(.resubmit(), returned.after, by: WF.applicant, on: WF.day(3))
        #expect(back.to == .accepted)
        #expect(try WF.take(.withdraw(), back.after, by: WF.applicant, on: WF.day(4)).to == .withdrawn)
        #expect(
            WF.refusal(.withdraw(), WF.departmental(.approved), by: WF.applicant)
                == .notAllowedInState(.withdraw, .approved, allowed: []))
    }

    @Test("a resident account acts only as the applicant: as staff it sees nothing")
    func residentAccount() {
        for app in [WF.civil(.district), WF.civil(.street, .returned), WF.departmental(.returned)] {
            for kind in WorkflowActionKind.allCases {
                #expect(WF.refusal(WF.action(kind), app, by: WF.residentAccount) == .outsideRegion)
            }
        }
    }

    @Test("a department user with a matching code but a civil-affairs item sees nothing")
    func departmentOnCivilItem() {
        #expect(WF.workflow.availableActions(for: WF.civil(.district), by: WF.yibao, on: WF.day0).isEmpty)
        #expect(WF.refusal(.accept(), WF.civil(.district), by: WF.yibao) == .outsideRegion)
    }
}
