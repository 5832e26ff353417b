import MinzhengCore
import Vapor

/// What every page's layout needs: the title, the signed-in user and the CSRF token.
struct LayoutContext: Encodable {
    let title: String
    let userName: String?
    let roleName: String?
    let regionName: String?
    let csrf: String
    let canImport: Bool
    let canEdit: Bool
    let canViewPolicy: Bool
    let canViewAudit: Bool
    let canManageUsers: Bool
    let canHandleApplications: Bool
    let canVisitHouseholds: Bool
    let canConfirmBenefitChanges: Bool
    let isResident: Bool
    let canViewRegistry: Bool
    let canManagePayroll: Bool
    let canPushFeeds: Bool
    let canHandleHomeCare: Bool
    let canAssessAbility: Bool
    let canViewFacilities: Bool
    let canInspectFacilities: Bool
    let canAnswerAdvice: Bool
    let canHandleBookings: Bool
    /// The child-protection office, or staff who may be assigned a case (未成年人保护).
    let canSeeChildCases: Bool
    let canManageOrganisations: Bool
    /// A partner department's account: it may report an illegal social organisation (非法社会组织).
    let isDepartment: Bool
    let isOrganisation: Bool
    /// Staff who may sit on the rating's reviewer pool (等级评估): the list of their assignments.
    let canReviewRatings: Bool
    let canRegisterAdoptions: Bool
    let canManagePlaceNames: Bool
    /// The assistance station's casework (救助管理): staff with `handleFamilySearch`.
    let canHandleStationCases: Bool
    /// 德康驿站: officers (counts) and the stations' staff and health liaisons (patients).
    let canViewRehabStations: Bool
    let canManageRehabStations: Bool
    let canHandleDeviceRental: Bool
    let canManageCommunities: Bool
    let canManageAdmissionList: Bool
    let canAssignCommunityTasks: Bool
    let canViewCommunityTasks: Bool
    /// Charity (慈善): the 1798 needs for the region's staff; the clerk's pages for `manageCharity`.
    let canRecordCharityNeeds: Bool
    /// The caseworkers of family search (寻亲比对): the queue of matches.
    let canHandleFamilySearch: Bool
    /// 民政统计 and the leadership dashboard.
    let canViewStatistics: Bool
    /// Reload the page every so many seconds (a running job's page); nil for none.
    var refreshSeconds: Int?
    /// The large-text mode (适老化: bigger type and spacing, high contrast), from its cookie.
    let largeText: Bool

    init(request: Request, title: String, user: CurrentUser?) {
        self.title = title
        userName = user?.displayName
        // The first administrator is named after the role: say it once ("市级管理员", not twice).
        roleName = user.flatMap { $0.role.chinese == $0.displayName ? nil : $0.role.chinese }
        regionName = user.map { request.platform.regions.fullName(of: $0.region) }
        csrf = CSRF.token(for: request)
        largeText = request.cookies[PortalPageController.textCookie]?.string == "large"
        canImport = user?.role.may(.importRegistry) ?? false
        canEdit = user?.role.may(.editRegistry) ?? false
        canViewPolicy = user?.role.may(.viewPolicy) ?? false
        canViewAudit = user?.role.may(.viewAudit) ?? false
        canManageUsers = user?.role.may(.manageUsers) ?? false
        canHandleApplications = user?.role.may(.handleApplications) ?? false
        canVisitHouseholds = user?.role.may(.visitHouseholds) ?? false
        canConfirmBenefitChanges = user?.role.may(.confirmBenefitChanges) ?? false
        isResident = user?.role == .resident
        canViewRegistry = user?.role.may(.viewRegistry) ?? false
        canManagePayroll = user?.role.may(.managePayroll) ?? false
        canPushFeeds = user.map(FeedSender.sends) ?? false
        canHandleHomeCare = user?.role.may(.handleHomeCare) ?? false
        canAssessAbility = user?.role.may(.assessAbility) ?? false
        canViewFacilities = user?.role.may(.viewFacilities) ?? false
        canInspectFacilities = user?.role.may(.inspectFacilities) ?? false
        canAnswerAdvice = user?.role.may(.answerAdvice) ?? false
        canHandleBookings = user?.role.may(.handleBookings) ?? false
        canRegisterAdoptions = user?.role.may(.registerAdoptions) ?? false
        canManagePlaceNames = user?.role.may(.managePlaceNames) ?? false
        canHandleStationCases = user?.role.may(.handleFamilySearch) ?? false
        canViewRehabStations = user?.role.may(.viewRehabStations) ?? false
        canManageRehabStations = user?.role.may(.manageRehabStations) ?? false
        canHandleDeviceRental = user?.role.may(.handleDeviceRental) ?? false
        canManageCommunities = user?.role.may(.manageCommunities) ?? false
        canManageAdmissionList = user?.role.may(.manageAdmissionList) ?? false
        canAssignCommunityTasks = (user?.role.may(.assignCommunityTasks) ?? false) && user?.department != nil
        canViewCommunityTasks = user?.role.may(.viewCommunityTasks) ?? false
        canRecordCharityNeeds = user?.role.may(.recordCharityNeeds) ?? false
        canHandleFamilySearch = user?.role.may(.handleFamilySearch) ?? false
        canViewStatistics = user?.role.may(.viewStatistics) ?? false
        canSeeChildCases = user.map { $0.role.may(.protectChildren) || $0.role.may(.workChildCases) } ?? false
        canManageOrganisations = user?.role.may(.manageOrganisations) ?? false
        isDepartment = user?.role == .department
        isOrganisation = user?.role.may(.fileOrganisationReport) ?? false
        canReviewRatings = user.map { RatingService.mayReview($0.role) } ?? false
    }
}

struct ErrorPage: Encodable {
    let layout: LayoutContext
    let status: Int
    let message: String
    /// Shown for the user to quote when calling the office.
    let requestId: String
}
