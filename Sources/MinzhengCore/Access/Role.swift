/// A user's role. Each user has exactly one role and one region.
public enum Role: String, Codable, Sendable, CaseIterable {
    case cityAdmin, districtOfficer, streetOfficer, communityWorker, auditor, department
    /// A resident using the self-service pages (掌上办): linked to one registry person,
    /// placed at that person's household region.
    case resident
    /// The city's child-protection office (未成年人救助保护中心): answers the hotline, takes
    /// mandated reports, assigns each case to a worker and a supervisor, and follows every case.
    case childWelfare
    /// A social organisation's own account (its secretary): files the organisation's annual
    /// reports and sees only that organisation; placed at the organisation's region.
    case organisation
    /// The staff of a 德康驿站 (community mental-health rehabilitation station): enrol the
    /// station's patients, keep their attendance and services; placed at the station's street.
    case stationStaff
    /// The district's health liaison (精防联络员, the hospital side of the four-party model):
    /// follows the patients of every station of the district; placed at the district.
    case healthLiaison

    public var chinese: String {
        switch self {
        case .cityAdmin: return "市级管理员"
        case .districtOfficer: return "区级经办人"
        case .streetOfficer: return "街道经办人"
        case .communityWorker: return "社区网格员"
        case .auditor: return "审计员"
        case .department: return "协同部门"
        case .resident: return "居民"
        case .childWelfare: return "未成年人保护中心"
        case .organisation: return "社会组织"
        case .stationStaff: return "德康驿站工作人员"
        case .healthLiaison: return "精神卫生联络员"
        }
    }

    /// The region levels a user of this role may be placed at.
    public var allowedLevels: Set<RegionCode.Level> {
        switch self {
        case .cityAdmin: return [.city]
        case .districtOfficer: return [.district]
        case .streetOfficer: return [.street]
        case .communityWorker: return [.street, .community]
        case .auditor: return [.city, .district, .street]
        case .department: return [.city, .district]
        case .resident: return [.street, .community]
        case .childWelfare: return [.city]
        case .organisation: return [.city, .district, .street, .community]
        case .stationStaff: return [.street]
        case .healthLiaison: return [.district]
        }
    }
}

/// What a user may do. Handlers ask `Role.may(_:)`; they never compare role names.
public enum Permission: String, Sendable, CaseIterable {
    case viewRegistry, editRegistry, importRegistry, viewFullIdentity, manageUsers, viewAudit
    /// See the policy parameters in force and their history.
    case viewPolicy
    /// Add a parameter version (city-wide policy is the city's to set).
    case managePolicy
    /// Run the what-if of a standard change over the registry of one's region.
    case simulatePolicy
    /// Work on applications: see the queue of one's region (or department) and act on them.
    case handleApplications
    /// See the visit tasks and the early-warning overview of one's region and record home
    /// visits (网格走访). Staff of the region only: a partner department sends the data that
    /// raises alerts but does not see or close the visits they lead to.
    case visitHouseholds
    /// Confirm or correct a benefit that followed a change of its household's members (a
    /// death, a move, a newborn): the street's decision, and the levels above it.
    case confirmBenefitChanges
    /// Generate, approve and export monthly payment rolls, reconcile them, and recalculate
    /// enrollments after a standard change.
    case managePayroll
    /// Apply for oneself and follow one's own applications (residents only: no staff role
    /// holds it, so no administrator can create or take over a resident account).
    case selfService
    /// Take home-care requests of one's region, send a provider's worker, record the visit
    /// and its confirmation (居家上门服务). Clearing a flagged visit and the settlement are
    /// money, and need `managePayroll`.
    case handleHomeCare
    /// Record an older person's ability assessment (老年人能力评估) in one's region, which
    /// sets the person's self-care, and work the list of reassessments due.
    case assessAbility
    /// Score an ability assessment without recording it (the contract: staff, stores nothing).
    case scoreAbility
    /// See the elderly-care facilities of one's region, their grades and inspections.
    case viewFacilities
    /// File and edit facilities of one's region.
    case manageFacilities
    /// Run safety inspections: rounds, checklists, hazards and their re-inspection.
    case inspectFacilities
    /// Grade facilities (等级评定): the score sheet, publicity and the decision.
    case gradeFacilities
    /// Answer the elderly-care adviser's queue (养老顾问) of one's region: the questions and
    /// care needs residents send from the public service map to their street.
    case answerAdvice
    /// Run a bookable service's day (婚姻登记处, 殡仪馆, 公墓) in one's region: see its bookings,
    /// mark arrivals and no-shows.
    case handleBookings
    /// Take child-protection reports (热线, 强制报告), triage and assign them, and follow every
    /// case of one's region: the city's child-protection office only. No administrator holds it,
    /// so none can create or take over an office account (they are made with `minzheng user
    /// create --role childWelfare`) and no administrator reads the cases.
    case protectChildren
    /// Be assigned a child-protection case as its worker (a community's child director) or its
    /// supervisor (the street's child supervisor), and see only the cases one is assigned. The
    /// office assigns street and community staff; the levels above hold it so that they may
    /// create those accounts.
    case workChildCases
    /// Family search (寻亲) and the assistance station's casework (救助管理): take people in, keep
    /// their stay, checklist and outcomes, publish their notices, run the matcher, and confirm or
    /// reject a match with the police's DNA or face results (staff of a district over the
    /// county's station, or the city over all; families come from anywhere).
    case handleFamilySearch
    /// Keep the registry of social organisations of one's region (登记管理机关): register them,
    /// open their accounts, review their annual reports, run the credit rules and the sweep.
    case manageOrganisations
    /// File one's own organisation's annual report (the organisation's account only).
    case fileOrganisationReport
    /// Register adoptions and their dissolution (收养登记) at the district's registry.
    case registerAdoptions
    /// Keep the register of standard place names of one's county or the city (地名管理):
    /// propose names and renamings, publicise, approve and announce them.
    case managePlaceNames
    /// See the 德康驿站 of one's region: their equipment checklist and the month's counts
    /// (patients, attendance, services by party) against the city's targets — counts only.
    case viewRehabStations
    /// Open stations of one's region and keep their standard equipment checklist.
    case manageRehabStations
    /// Open the patients' records of the stations of one's region — the diagnosis and the
    /// family's contact — enrol and discharge them, keep attendance and services: the station's
    /// staff and the district's health liaison only. No administrator holds it, so none reads a
    /// diagnosis or makes such an account (`minzheng user create --role stationStaff|healthLiaison`).
    case rehabCare
    /// Run the community rental of assistive devices (康复辅助器具社区租赁) of one's region: the
    /// points and their stock, rentals from the request to the return, cleaning and
    /// disinfection, repairs and write-offs. The operator's monthly settlement is money and
    /// needs `managePayroll` too.
    case handleDeviceRental
    /// Keep the communities of one's region (基层政权和社区建设): the two committees by term, their
    /// members and training, the community workers with their evaluations, awards and stars, and
    /// the streets' social-work stations (社工站) — the street for its own communities, the city for all.
    case manageCommunities
    /// Keep the admission list of community affairs (社区事务准入) and see every task departments
    /// sent to communities, those outside the list (未准入) first: the city's.
    case manageAdmissionList
    /// Send a task to communities naming an item of the admission list: a department's account (the
    /// city administrator holds it so as to create such accounts; sending needs a department code).
    case assignCommunityTasks
    /// See the tasks departments sent to the communities of one's region.
    case viewCommunityTasks
    /// The charity division of a district or the city (慈善): recognise charitable organisations,
    /// grant and withdraw the public-fundraising qualification, take fundraising filings, run the
    /// city charity award, and decide the 1798 needs of one's region (match them to a charity
    /// project or a donor, close them unmet).
    case manageCharity
    /// Record a low-income household's unmet need for 1798 (一起救吧) charity assistance in one's
    /// region and what was given: street and community staff and the levels above them.
    case recordCharityNeeds
    /// See the bureau's statistics of one's region (民政统计): the month's and the year's figures,
    /// their trends and the .xlsx, and the leadership dashboard — figures only; a figure links to
    /// its records only for roles that may open them.
    case viewStatistics
}

extension Role {
    /// The permission table: the one place that says which role may do what.
    private static let table: [Role: Set<Permission>] = [
        .cityAdmin: [
            .viewRegistry, .editRegistry, .importRegistry, .viewFullIdentity, .manageUsers, .viewAudit,
            .viewPolicy, .managePolicy, .simulatePolicy, .handleApplications, .visitHouseholds, .confirmBenefitChanges,
            .managePayroll, .handleHomeCare, .assessAbility, .scoreAbility, .viewFacilities, .manageFacilities,
            .inspectFacilities, .gradeFacilities, .answerAdvice, .handleBookings, .workChildCases,
            .handleFamilySearch, .manageOrganisations, .registerAdoptions, .managePlaceNames,
            .viewRehabStations, .manageRehabStations, .handleDeviceRental, .manageCommunities, .manageAdmissionList,
            .viewCommunityTasks, .assignCommunityTasks, .manageCharity, .recordCharityNeeds, .viewStatistics,
        ],
        .districtOfficer: [
            .viewRegistry, .editRegistry, .importRegistry, .viewFullIdentity, .manageUsers, .viewPolicy,
            .simulatePolicy,
            .handleApplications, .visitHouseholds, .confirmBenefitChanges, .managePayroll, .handleHomeCare,
            .assessAbility, .scoreAbility, .viewFacilities, .manageFacilities, .inspectFacilities, .gradeFacilities,
            .answerAdvice, .handleBookings, .workChildCases, .handleFamilySearch, .manageOrganisations,
            .registerAdoptions, .managePlaceNames, .viewRehabStations, .manageRehabStations, .handleDeviceRental,
            .manageCommunities, .viewCommunityTasks, .manageCharity, .recordCharityNeeds, .viewStatistics,
        ],
        .streetOfficer: [
            .viewRegistry, .editRegistry, .importRegistry, .viewFullIdentity, .viewPolicy, .handleApplications,
            .visitHouseholds,
            .confirmBenefitChanges, .handleHomeCare, .assessAbility, .scoreAbility, .viewFacilities, .manageFacilities,
            .inspectFacilities, .answerAdvice, .workChildCases, .viewRehabStations, .handleDeviceRental,
            .manageCommunities, .viewCommunityTasks, .recordCharityNeeds, .viewStatistics,
        ],
        .communityWorker: [
            .viewRegistry, .editRegistry, .viewFullIdentity, .viewPolicy, .handleApplications, .visitHouseholds,
            .handleHomeCare, .assessAbility, .scoreAbility, .viewFacilities, .workChildCases, .viewCommunityTasks,
            .recordCharityNeeds,
        ],
        .auditor: [.viewRegistry, .viewAudit, .viewPolicy, .scoreAbility, .viewFacilities, .viewStatistics],
        .department: [.handleApplications, .scoreAbility, .assignCommunityTasks],
        .resident: [.selfService],
        .childWelfare: [.protectChildren],
        .organisation: [.fileOrganisationReport],
        .stationStaff: [.viewRehabStations, .rehabCare],
        .healthLiaison: [.viewRehabStations, .rehabCare],
    ]

    public func may(_ permission: Permission) -> Bool { Role.table[self]?.contains(permission) ?? false }
}
