/// Where an assistance application stands in its review (see `ApplicationWorkflow`).
///
/// Civil-affairs (民政) items run the full three-level flow:
/// submitted → accepted → investigated → reviewed → publicized → approved,
/// with rejected, returned (for more documents) and withdrawn on the side.
/// Items of other departments run the short flow: submitted → accepted → approved,
/// with the same side exits. Labels live in `WorkflowText.swift`.
public enum WorkflowState: String, Codable, Sendable, CaseIterable, Hashable {
    /// 已提交: waiting for acceptance (受理).
    case submitted
    /// 已受理: accepted by the street or community; waiting for the household visit.
    case accepted
    /// 已调查核对: 入户调查 recorded and the household-economy check (家庭经济状况核对) done.
    case investigated
    /// 已审核: reviewed by the street (审核); waiting for publicity.
    case reviewed
    /// 公示中: publicly posted; objections are recorded while here.
    case publicized
    /// 已批准 (审批通过). Terminal.
    case approved
    /// 不予批准, with a reason the applicant sees. Terminal.
    case rejected
    /// 退回补充材料: waiting for the applicant's documents.
    case returned
    /// 已撤回 by the applicant. Terminal.
    case withdrawn

    /// No action is possible any more.
    public var isTerminal: Bool {
        switch self {
        case .approved, .rejected, .withdrawn: return true
        default: return false
        }
    }

    /// States where the next move is the staff's (the applicant's in `returned`).
    /// `reject` is possible from exactly these.
    public var isStaffState: Bool {
        switch self {
        case .submitted, .accepted, .investigated, .reviewed, .publicized: return true
        default: return false
        }
    }
}

/// The region level whose officer approves or rejects a civil-affairs item: a parameter
/// of the item in the catalogue (dibao and tekun: district; small temporary assistance:
/// street), copied onto the application at intake. `city` exists because the catalogue's
/// `ApprovalRule.approvingLevels` allows it; the city administrator decides there.
public enum ApprovingLevel: String, Codable, Sendable, CaseIterable, Hashable {
    case street, district, city

    /// The approving level for a catalogue level; nil for a level that cannot approve
    /// (province, community).
    public init?(_ level: RegionCode.Level) {
        switch level {
        case .street: self = .street
        case .district: self = .district
        case .city: self = .city
        case .province, .community: return nil
        }
    }

    public var regionLevel: RegionCode.Level {
        switch self {
        case .street: return .street
        case .district: return .district
        case .city: return .city
        }
    }

    /// The role that decides at this level.
    public var deciderRole: Role {
        switch self {
        case .street: return .streetOfficer
        case .district: return .districtOfficer
        case .city: return .cityAdmin
        }
    }
}

/// Which flow an application runs, fixed at intake from the catalogue.
public enum WorkflowFlow: Hashable, Sendable {
    /// A 民政 item: the full review, decided at `approvingLevel`.
    case civilAffairs(approvingLevel: ApprovingLevel)
    /// An item of another department (医保, 人社 …), routed to that department's queue and
    /// decided by its `department` users whose department code equals `code`.
    case department(code: String)
    /// A registration of the registry of social organisations (成立、变更、注销登记): accepted,
    /// reviewed and approved by the registry clerk (`manageOrganisations`) of the region.
    case registry

    public enum Kind: String, Codable, Sendable, CaseIterable, Hashable {
        case civilAffairs, department, registry
    }

    public var kind: Kind {
        switch self {
        case .civilAffairs: return .civilAffairs
        case .department: return .department
        case .registry: return .registry
        }
    }

    /// nil for a department-routed item.
    public var approvingLevel: ApprovingLevel? {
        if case .civilAffairs(let level) = self { return level }
        return nil
    }

    /// nil for a civil-affairs item.
    public var departmentCode: String? {
        if case .department(let code) = self { return code }
        return nil
    }
}

/// Everything the workflow needs to know about one application: a plain value that the
/// App layer loads from its row, passes to `ApplicationWorkflow.apply`, and saves back
/// from the resulting `Transition.after`.
public struct ApplicationState: Hashable, Sendable {
    public var status: WorkflowState
    public var flow: WorkflowFlow
    /// The household's region: its community (12 digits) or street (9 digits) code.
    /// Staff see the application when their region contains this code.
    public var region: RegionCode
    /// Objections recorded during publicity and not yet resolved; any blocks approval.
    public var openObjections: Int
    /// The day the publicity notice was posted (set by `publicize`).
    public var publicityStart: CivilDate?
    /// While `returned`: the state the application was returned from, and goes back to on
    /// `resubmit`.
    public var returnedFrom: WorkflowState?
    /// The household-economy check's result, recorded by `investigate`. Informative: it
    /// does not by itself block approval (the approver decides, and rejects with a reason).
    public var economyCheckEligible: Bool?

    public init(
        status: WorkflowState = .submitted,
        flow: WorkflowFlow,
        region: RegionCode,
        openObjections: Int = 0,
        publicityStart: CivilDate? = nil,
        returnedFrom: WorkflowState? = nil,
        economyCheckEligible: Bool? = nil
    ) {
        self.status = status
        self.flow = flow
        self.region = region
        self.openObjections = openObjections
        self.publicityStart = publicityStart
        self.returnedFrom = returnedFrom
        self.economyCheckEligible = economyCheckEligible
    }

    /// The street (9-digit code) the application belongs to, or nil when `region` is
    /// coarser than a street (such an application can be seen only from above).
    public var street: RegionCode? {
        region.level >= .street ? RegionCode(String(region.value.prefix(9))) : nil
    }

    /// The district (6-digit code) the application belongs to.
    public var district: RegionCode? {
        region.level >= .district ? RegionCode(String(region.value.prefix(6))) : nil
    }
}
