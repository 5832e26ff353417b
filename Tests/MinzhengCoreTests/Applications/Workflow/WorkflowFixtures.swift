import MinzhengCore
import Testing

/// Shared regions, actors and applications for the workflow tests. The application lives
/// in community 320402001001 of street 320402001 of district 320402 (天宁区, 常州 3204).
enum WF {
    static let workflow = ApplicationWorkflow()

    static func region(_ code: String) -> RegionCode { RegionCode(code)! }

    static let community = region("320402001001")
    static let day0 = CivilDate(year: 2025, month: 3, day: 3)!
    static func day(_ n: Int) -> CivilDate { day0.adding(days: n) }

    // In scope.
    static let cityAdmin = WorkflowActor.staff(role: .cityAdmin, region: region("3204"))
    static let districtOfficer = WorkflowActor.staff(role: .districtOfficer, region: region("320402"))
    static let streetOfficer = WorkflowActor.staff(role: .streetOfficer, region: region("320402001"))
    /// A community worker placed at the street.
    static let streetWorker = WorkflowActor.staff(role: .communityWorker, region: region("320402001"))
    static let communityWorker = WorkflowActor.staff(role: .communityWorker, region: community)
    static let cityAuditor = WorkflowActor.staff(role: .auditor, region: region("3204"))
    static let districtAuditor = WorkflowActor.staff(role: .auditor, region: region("320402"))
    static let streetAuditor = WorkflowActor.staff(role: .auditor, region: region("320402001"))
    static let applicant = WorkflowActor.applicant
    static let yibao = WorkflowActor.staff(role: .department, region: region("3204"), department: "yibao")

    // Out of scope.
    static let otherDistrictOfficer = WorkflowActor.staff(role: .districtOfficer, region: region("320411"))
    static let otherStreetOfficer = WorkflowActor.staff(role: .streetOfficer, region: region("320402002"))
    static let otherCommunityWorker = WorkflowActor.staff(role: .communityWorker, region: region("320402001002"))
    static let otherAuditor = WorkflowActor.staff(role: .auditor, region: region("320411"))
    static let renshe = WorkflowActor.staff(role: .department, region: region("3204"), department: "renshe")
    static let yibaoOtherDistrict = WorkflowActor.staff(
        role: .department, region: region("320411"), department: "yibao")
    /// A resident account of the application's own community, passed as staff by mistake.
    static let residentAccount = WorkflowActor.staff(role: .resident, region: community)

    /// Everyone who can see a civil-affairs application, by name (the department user
    /// cannot: it is not their department's).
    static let roster: [(String, WorkflowActor)] = [
        ("cityAdmin", cityAdmin), ("districtOfficer", districtOfficer), ("streetOfficer", streetOfficer),
        ("streetWorker", streetWorker), ("communityWorker", communityWorker),
        ("cityAuditor", cityAuditor), ("districtAuditor", districtAuditor), ("streetAuditor", streetAuditor),
        ("applicant", applicant),
    ]

    static let outsiders: [WorkflowActor] = [
        otherDistrictOfficer, otherStreetOfficer, otherCommunityWorker, otherAuditor, renshe, yibaoOtherDistrict,
        residentAccount,
    ]

    static let record = InvestigationRecord(
        visitedOn: day0, findings: "户内三人，一人重病，无稳定收入。", economyCheckEligible: true)

    /// A civil-affairs application in `status`, filled in as it would be there: published
    /// on `day0` when publicized, returned from `accepted` when returned.
    static func civil(
        _ level: ApprovingLevel, _ status: WorkflowState = .submitted, objections: Int = 0
    ) -> ApplicationState {
        ApplicationState(
            status: status, flow: .civilAffairs(approvingLevel: level), region: community,
            openObjections: objections,
            publicityStart: status == .publicized ? day0 : nil,
            returnedFrom: status == .returned ? .accepted : nil)
    }

    static func departmental(_ status: WorkflowState = .submitted, code: String = "yibao") -> ApplicationState {
        ApplicationState(
            status: status, flow: .department(code: code), region: community,
            returnedFrom: status == .returned ? .accepted : nil)
    }

    /// An action of `kind` carrying whatever it requires.
    static func action(_ kind: WorkflowActionKind) -> WorkflowAction {
        switch kind {
        case .investigate: return .investigate(record)
        case .object: return .object("邻居反映其有经营性收入。")
        case .resolveObjection: return .resolveObjection("经核实，反映情况不属实。")
        case .reject: return .reject(reason: "家庭人均收入高于低保标准。")
        case .returnForDocuments: return .returnForDocuments("请补充近六个月银行流水。")
        default: return WorkflowAction(kind: kind)
        }
    }

    /// Takes a step that must succeed and returns the transition.
    @discardableResult
    static func take(
        _ action: WorkflowAction, _ state: ApplicationState, by actor: WorkflowActor, on day: CivilDate = day0
    ) throws -> Transition {
        try workflow.apply(action, to: state, by: actor, on: day).get()
    }

    /// The refusal of a step that must fail (nil if it succeeded).
    static func refusal(
        _ action: WorkflowAction, _ state: ApplicationState, by actor: WorkflowActor, on day: CivilDate = day0
    ) -> WorkflowRefusal? {
        if case .failure(let refusal) = workflow.apply(action, to: state, by: actor, on: day) { return refusal }
        return nil
    }
}
