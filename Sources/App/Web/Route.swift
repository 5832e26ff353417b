import Foundation
import Vapor

/// Every page and API path of the app, each written once: its template registers the route
/// (`routes.get(Route.household.pattern, use: …)`) and, with its `:name` parameters filled in,
/// makes the links and redirects to it (`Route.household.path(id)`). Renaming a path here moves
/// the route and every link together; a link to a path that is not here does not compile.
/// The `:name`s are what the handlers read with `req.parameters.get`.
enum Route {
    /// One path template; `Parameters` is what its links must supply, in the template's order.
    struct Template<Parameters>: Sendable {
        let template: String

        init(_ template: String) { self.template = template }

        /// The route's pattern for registration.
        var pattern: [PathComponent] { template.pathComponents }

        /// The template with its parameters replaced, in order, by `values`.
        fileprivate func filled(_ values: String...) -> String {
            var rest = values[...]
            return template.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(":") ? rest.popFirst() ?? String($0) : String($0) }
                .joined(separator: "/")
        }
    }

    static let health = Template<Void>("/healthz")
    static let home = Template<Void>("/")

    // Signing in and accounts.
    static let login = Template<Void>("/login")
    static let logout = Template<Void>("/logout")
    static let register = Template<Void>("/register")
    static let account = Template<Void>("/account")
    static let accountPassword = Template<Void>("/account/password")
    static let accountTokenRevoke = Template<UUID>("/account/tokens/:id/revoke")
    static let users = Template<Void>("/users")
    static let newUser = Template<Void>("/users/new")
    static let user = Template<UUID>("/users/:id")
    static let userDisable = Template<UUID>("/users/:id/disable")
    static let userEnable = Template<UUID>("/users/:id/enable")
    static let userResetPassword = Template<UUID>("/users/:id/reset-password")
    static let userTokenRevoke = Template<(UUID, UUID)>("/users/:id/tokens/:tokenID/revoke")

    // The registry.
    static let households = Template<Void>("/households")
    static let householdsExport = Template<Void>("/households.xlsx")
    static let newHousehold = Template<Void>("/households/new")
    static let household = Template<UUID>("/households/:id")
    static let householdPrint = Template<UUID>("/households/:id/print")
    static let householdMembers = Template<UUID>("/households/:id/members")
    static let householdMoveIn = Template<UUID>("/households/:id/members/move-in")
    static let persons = Template<Void>("/persons")
    static let personsExport = Template<Void>("/persons.xlsx")
    static let personSearch = Template<Void>("/persons/search")
    static let person = Template<UUID>("/persons/:id")
    static let personEdit = Template<UUID>("/persons/:id/edit")
    static let personReveal = Template<UUID>("/persons/:id/reveal")
    static let importUpload = Template<Void>("/import")
    static let importJob = Template<UUID>("/import/jobs/:id")
    static let importJobErrors = Template<UUID>("/import/jobs/:id/errors.csv")
    static let audit = Template<Void>("/audit")
    static let auditExport = Template<Void>("/audit.csv")

    // Policy.
    static let calculator = Template<Void>("/calculator")
    static let policy = Template<Void>("/policy")
    static let policyParameter = Template<String>("/policy/:key")
    static let policySimulation = Template<Void>("/policy-simulation")
    static let catalog = Template<Void>("/catalog")
    static let catalogItem = Template<String>("/catalog/:code")

    // Applications.
    static let applications = Template<Void>("/applications")
    static let newApplication = Template<Void>("/applications/new")
    static let application = Template<UUID>("/applications/:id")
    static let applicationActions = Template<UUID>("/applications/:id/actions")
    static let applicationDocuments = Template<UUID>("/applications/:id/documents")
    static let applicationDocument = Template<(UUID, UUID)>("/applications/:id/documents/:document")

    // Payroll and benefit changes.
    static let payroll = Template<Void>("/payroll")
    static let payrollRoll = Template<UUID>("/payroll/:id")
    static let payrollApprove = Template<UUID>("/payroll/:id/approve")
    static let payrollReconcile = Template<UUID>("/payroll/:id/reconcile")
    static let payrollBankCSV = Template<UUID>("/payroll/:id/bank.csv")
    static let payrollBankXLSX = Template<UUID>("/payroll/:id/bank.xlsx")
    static let payrollReport = Template<UUID>("/payroll/:id/report.xlsx")
    static let reviews = Template<Void>("/reviews")
    static let review = Template<UUID>("/reviews/:id")

    // Monitoring.
    static let monitoring = Template<Void>("/monitoring")
    static let tasks = Template<Void>("/tasks")
    static let tasksExport = Template<Void>("/tasks.csv")
    static let tasksEscalate = Template<Void>("/tasks/escalate")
    static let task = Template<UUID>("/tasks/:id")
    static let feeds = Template<Void>("/feeds")
    static let feedJob = Template<UUID>("/feeds/jobs/:id")
    static let feedJobErrors = Template<UUID>("/feeds/jobs/:id/errors.csv")

    // Elderly care: home-care orders (居家上门服务).
    static let homeCareOrders = Template<Void>("/home-care")
    static let homeCareOrder = Template<UUID>("/home-care/orders/:id")
    static let homeCareOrderStep = Template<(UUID, String)>("/home-care/orders/:id/:action")
    static let homeCareProviders = Template<Void>("/home-care/providers")
    static let homeCareWorkers = Template<UUID>("/home-care/providers/:id/workers")
    static let homeCareSettlement = Template<Void>("/home-care/settlement")
    static let homeCareStatement = Template<UUID>("/home-care/settlement/:id/statement.xlsx")
    static let adaptations = Template<Void>("/adaptations")
    static let adaptationScreening = Template<Void>("/adaptations/screening")
    static let adaptation = Template<UUID>("/adaptations/:id")
    static let adaptationStep = Template<(UUID, String)>("/adaptations/:id/:action")
    static let adaptationPhotos = Template<UUID>("/adaptations/:id/photos")
    static let adaptationPhoto = Template<(UUID, UUID)>("/adaptations/:id/photos/:photo")
    // Elderly care: the ability assessment (GB/T 42195-2022).
    static let personAbilityAssessments = Template<UUID>("/persons/:id/ability-assessments")
    static let personAbilityAssessmentNew = Template<UUID>("/persons/:id/ability-assessments/new")
    static let abilityAssessment = Template<UUID>("/ability-assessments/:id")
    static let abilityAssessmentsDue = Template<Void>("/ability-assessments/due")
    // Elderly-care facilities, grading and safety inspections.
    static let facilities = Template<Void>("/facilities")
    static let newFacility = Template<Void>("/facilities/new")
    static let facilityStats = Template<Void>("/facilities/beds")
    static let facility = Template<UUID>("/facilities/:id")
    static let facilityEdit = Template<UUID>("/facilities/:id/edit")
    static let facilityGrading = Template<UUID>("/facilities/:id/grading")
    static let gradings = Template<Void>("/gradings")
    static let grading = Template<UUID>("/gradings/:id")
    static let facilityRound = Template<Void>("/facilities/round")
    static let inspections = Template<Void>("/inspections")
    static let inspectionRound = Template<UUID>("/inspections/rounds/:id")
    static let inspectionNew = Template<(UUID, UUID)>("/inspections/rounds/:id/facilities/:facility")
    static let inspectionCounts = Template<Void>("/inspections/counts")
    static let hazard = Template<UUID>("/hazards/:id")
    static let hazardEvidence = Template<UUID>("/hazards/:id/evidence")
    static let hazardReinspect = Template<UUID>("/hazards/:id/reinspect")
    static let hazardPhoto = Template<(UUID, UUID)>("/hazards/:id/photos/:photo")
    // Elderly care: the public service map and its adviser (no sign-in), the adviser's queue,
    // the planning view and a facility's price list.
    static let careMap = Template<Void>("/care-map")
    static let careMapFacility = Template<UUID>("/care-map/facilities/:id")
    static let careMapAdvice = Template<Void>("/care-map/advice")
    static let careMapReply = Template<String>("/care-map/advice/:code")
    static let bookingPage = Template<Void>("/bookings")
    static let bookingDay = Template<Void>("/bookings/day")
    static let bookingMark = Template<(UUID, String)>("/bookings/:id/mark/:action")
    static let newBooking = Template<Void>("/bookings/new")
    static let bookingDetail = Template<UUID>("/bookings/:id")
    static let bookingCancel = Template<UUID>("/bookings/:id/cancel")
    static let bookingConfirm = Template<UUID>("/bookings/:id/confirm")
    static let marriageDesk = Template<Void>("/marriage-desk")
    static let marriageDeskRegister = Template<UUID>("/marriage-desk/register/:id")
    static let marriageDeskReplacement = Template<UUID>("/marriage-desk/:id/replacement")
    static let marriageDeskDivorce = Template<UUID>("/marriage-desk/:id/divorce")
    static let marriageDeskDivorceStep = Template<(UUID, String)>("/marriage-desk/divorces/:id/:action")
    static let myMarriage = Template<Void>("/marriage/mine")
    static let bookingRules = Template<Void>("/booking-rules")
    // Funeral services: the public price lists and the administrator's new price, the funeral
    // home's bills and the price-order check, the family's page after a death (身后一件事).
    static let funeralPrices = Template<Void>("/funeral-prices")
    static let funeralHomePrices = Template<UUID>("/funeral-prices/:id")
    static let funeralPriceNew = Template<UUID>("/funeral-prices/:id/new")
    static let funeralBills = Template<Void>("/funeral-bills")
    static let funeralBillNew = Template<Void>("/funeral-bills/new")
    static let funeralBill = Template<UUID>("/funeral-bills/:id")
    static let afterDeath = Template<Void>("/after-death")
    static let afterDeathCertificate = Template<Void>("/after-death/certificate")
    static let gateCode = Template<UUID>("/bookings/:id/gate-code")
    static let cemeteryGate = Template<Void>("/cemetery-gate")
    static let cemeteries = Template<Void>("/cemeteries")
    // The street's queue of subsidies proposed after a death; the cemetery's staff desk.
    static let funeralSubsidies = Template<Void>("/funeral-subsidies")
    static let funeralSubsidy = Template<UUID>("/funeral-subsidies/:id")
    static let disabilitySubsidies = Template<Void>("/disability-subsidies")
    static let disabilitySubsidy = Template<UUID>("/disability-subsidies/:id")
    // Child protection: the hotline's cases.
    static let childCases = Template<Void>("/child-cases")
    static let newChildCase = Template<Void>("/child-cases/new")
    static let childCase = Template<UUID>("/child-cases/:id")
    static let childCaseStep = Template<(UUID, String)>("/child-cases/:id/:step")
    static let childCaseReferral = Template<(UUID, UUID)>("/child-cases/:id/answers/:referral")
    // Children known by category, the child director's visits, the care homes (关爱之家).
    static let children = Template<Void>("/children")
    static let childNew = Template<Void>("/children/new")
    static let child = Template<UUID>("/children/:id")
    static let childCategoryChange = Template<UUID>("/children/categories/:id/change")
    static let childCategoryEnd = Template<UUID>("/children/categories/:id/end")
    static let childrenTurningAdult = Template<Void>("/children/turning-adult")
    static let childVisits = Template<Void>("/child-visits")
    static let childVisit = Template<UUID>("/child-visits/:id")
    static let childCareHomes = Template<Void>("/child-care-homes")
    static let childCareHome = Template<UUID>("/child-care-homes/:id")
    static let childCareHomeActivities = Template<UUID>("/child-care-homes/:id/activities")
    static let childCareHomeChildren = Template<UUID>("/child-care-homes/:id/children")
    // Social organisations: the registry clerk's pages, and the organisation's own (phone-sized).
    static let organisations = Template<Void>("/organisations")
    static let newOrganisation = Template<Void>("/organisations/new")
    static let organisation = Template<UUID>("/organisations/:id")
    static let organisationReview = Template<(UUID, String)>("/organisations/:id/reports/:year/review")
    static let organisationAccount = Template<UUID>("/organisations/:id/account")
    static let dormantOrganisations = Template<Void>("/organisation-sweep")
    static let organisationNotices = Template<Void>("/organisation-notices")
    static let myOrganisation = Template<Void>("/my-organisation")
    static let myOrganisationReport = Template<Void>("/my-organisation/report")
    // Adoption registration.
    static let adoptions = Template<Void>("/adoptions")
    static let adoption = Template<UUID>("/adoptions/:id")
    static let adoptionDissolution = Template<UUID>("/adoptions/:id/dissolution")
    // Assistive-device rental.
    static let rental = Template<Void>("/rental")
    static let rentalPoints = Template<Void>("/rental/points")
    static let rentalPoint = Template<UUID>("/rental/points/:id")
    static let rentalPointDevices = Template<UUID>("/rental/points/:id/devices")
    static let rentalDevice = Template<UUID>("/rental/devices/:id")
    static let rentalSettlement = Template<Void>("/rental/settlement")
    static let rentalSettlementExport = Template<Void>("/rental/settlement.xlsx")
    static let rentals = Template<Void>("/rentals")
    static let rentalRecord = Template<UUID>("/rentals/:id")
    static let cemeteryDesk = Template<Void>("/cemetery-desk")
    static let cemeteryDeskAllocation = Template<Void>("/cemetery-desk/allocations")
    static let cemeteryDeskRenewal = Template<UUID>("/cemetery-desk/allocations/:id/renewal")
    static let adviceQueue = Template<Void>("/advice")
    static let adviceRequest = Template<UUID>("/advice/:id")
    static let facilityPlanning = Template<Void>("/facilities/planning")
    static let facilityPlanningExport = Template<Void>("/facilities/planning.xlsx")
    static let facilityPlanningLocation = Template<Void>("/facilities/planning/locations")
    static let facilityPrices = Template<UUID>("/facilities/:id/prices")
    static let facilityPriceRemove = Template<(UUID, UUID)>("/facilities/:id/prices/:price/remove")
    // Personal information rights (个人信息保护法): the resident's own file, staff's queue of corrections.
    static let me = Template<Void>("/me")
    static let meExport = Template<Void>("/me/data.json")
    static let meCorrections = Template<Void>("/me/corrections")
    static let corrections = Template<Void>("/corrections")
    static let correction = Template<UUID>("/corrections/:id")
    // Elderly care: the senior allowance (尊老金, 免申即享).
    static let seniorAllowances = Template<Void>("/elderly/allowances")
    static let seniorAllowanceWrongPaymentsExport = Template<Void>("/elderly/allowances/wrong-payments.xlsx")

    /// The API: bearer tokens, JSON answers.
    enum API {
        static let sessions = Template<Void>("/api/v1/sessions")
        static let assessments = Template<Void>("/api/v1/assessments")
        static let password = Template<Void>("/api/v1/account/password")
        static let tokens = Template<Void>("/api/v1/tokens")
        static let token = Template<UUID>("/api/v1/tokens/:id")
        static let users = Template<Void>("/api/v1/users")
        static let user = Template<UUID>("/api/v1/users/:id")
        static let userDisable = Template<UUID>("/api/v1/users/:id/disable")
        static let userEnable = Template<UUID>("/api/v1/users/:id/enable")
        static let userResetPassword = Template<UUID>("/api/v1/users/:id/reset-password")
        static let userTokens = Template<UUID>("/api/v1/users/:id/tokens")
        static let userToken = Template<(UUID, UUID)>("/api/v1/users/:id/tokens/:tokenID")
        static let households = Template<Void>("/api/v1/households")
        static let household = Template<UUID>("/api/v1/households/:id")
        static let householdMembers = Template<UUID>("/api/v1/households/:id/members")
        static let persons = Template<Void>("/api/v1/persons")
        static let personSearch = Template<Void>("/api/v1/persons/search")
        static let person = Template<UUID>("/api/v1/persons/:id")
        static let personBankAccount = Template<UUID>("/api/v1/persons/:id/bank-account")
        static let catalog = Template<Void>("/api/v1/catalog")
        static let applications = Template<Void>("/api/v1/applications")
        static let application = Template<UUID>("/api/v1/applications/:id")
        static let applicationActions = Template<UUID>("/api/v1/applications/:id/actions")
        static let applicationDocuments = Template<UUID>("/api/v1/applications/:id/documents")
        static let applicationDocument = Template<(UUID, UUID)>("/api/v1/applications/:id/documents/:document")
        static let enrollments = Template<Void>("/api/v1/enrollments")
        static let enrollmentStatus = Template<UUID>("/api/v1/enrollments/:id/status")
        static let enrollmentReviews = Template<Void>("/api/v1/enrollment-reviews")
        static let enrollmentReview = Template<UUID>("/api/v1/enrollment-reviews/:id")
        static let feed = Template<String>("/api/v1/feeds/:kind")
        static let tasks = Template<Void>("/api/v1/tasks")
        static let taskVisit = Template<UUID>("/api/v1/tasks/:id/visit")
        static let homeCareProviders = Template<Void>("/api/v1/home-care/providers")
        static let homeCareWorkers = Template<UUID>("/api/v1/home-care/providers/:id/workers")
        static let homeCareOrders = Template<Void>("/api/v1/home-care/orders")
        static let homeCareOrder = Template<UUID>("/api/v1/home-care/orders/:id")
        static let homeCareOrderStep = Template<(UUID, String)>("/api/v1/home-care/orders/:id/:action")
        static let homeCareEntitlement = Template<UUID>("/api/v1/home-care/entitlements/:id")
        static let homeCareSettlement = Template<Void>("/api/v1/home-care/settlement")
        static let adaptations = Template<Void>("/api/v1/adaptations")
        static let adaptationScreening = Template<Void>("/api/v1/adaptations/screening")
        static let adaptationProgress = Template<Void>("/api/v1/adaptations/progress")
        static let adaptation = Template<UUID>("/api/v1/adaptations/:id")
        static let adaptationStep = Template<(UUID, String)>("/api/v1/adaptations/:id/:action")
        static let adaptationPhotos = Template<UUID>("/api/v1/adaptations/:id/photos")
        static let slots = Template<Void>("/api/v1/slots")
        static let bookingResources = Template<Void>("/api/v1/booking-resources")
        static let bookings = Template<Void>("/api/v1/bookings")
        static let booking = Template<UUID>("/api/v1/bookings/:id")
        static let bookingArrival = Template<UUID>("/api/v1/bookings/:id/arrival")
        static let bookingNoShow = Template<UUID>("/api/v1/bookings/:id/no-show")
        static let bookingConfirmation = Template<UUID>("/api/v1/bookings/:id/confirmation")
        static let bookingChallenge = Template<Void>("/api/v1/booking-challenge")
        static let bookingRequests = Template<Void>("/api/v1/booking-requests")
        static let bookingDraws = Template<Void>("/api/v1/booking-draws")
        // Marriage registry.
        static let marriages = Template<Void>("/api/v1/marriages")
        static let marriage = Template<UUID>("/api/v1/marriages/:id")
        static let marriageReplacement = Template<UUID>("/api/v1/marriages/:id/replacement")
        static let divorces = Template<Void>("/api/v1/divorces")
        static let divorce = Template<UUID>("/api/v1/divorces/:id")
        static let divorceWithdrawal = Template<UUID>("/api/v1/divorces/:id/withdrawal")
        static let divorceRegistration = Template<UUID>("/api/v1/divorces/:id/registration")
        // Funeral services: price lists (read: open), bills, the price-order check, certificates.
        static let funeralHomes = Template<Void>("/api/v1/funeral-homes")
        static let funeralHomePrices = Template<UUID>("/api/v1/funeral-homes/:id/prices")
        static let funeralBills = Template<Void>("/api/v1/funeral-bills")
        static let funeralBill = Template<UUID>("/api/v1/funeral-bills/:id")
        static let funeralPriceCheck = Template<Void>("/api/v1/funeral-price-check")
        static let deathCertificates = Template<Void>("/api/v1/death-certificates")
        static let gateCode = Template<UUID>("/api/v1/bookings/:id/gate-code")
        static let gateChecks = Template<Void>("/api/v1/gate-checks")
        static let cemeteries = Template<Void>("/api/v1/cemeteries")
        static let cemeteryAllocations = Template<Void>("/api/v1/cemetery-allocations")
        static let cemeteryRenewal = Template<UUID>("/api/v1/cemetery-allocations/:id/renewal")
        static let funeralSubsidies = Template<Void>("/api/v1/funeral-subsidies")
        static let funeralSubsidy = Template<UUID>("/api/v1/funeral-subsidies/:id")
        static let disabilitySubsidyProposals = Template<Void>("/api/v1/disability-subsidy/proposals")
        static let disabilitySubsidyProposal = Template<UUID>("/api/v1/disability-subsidy/proposals/:id")
        static let childCases = Template<Void>("/api/v1/child-cases")
        static let childCase = Template<UUID>("/api/v1/child-cases/:id")
        static let childCaseStep = Template<(UUID, String)>("/api/v1/child-cases/:id/:step")
        static let childCaseReferral = Template<(UUID, UUID)>("/api/v1/child-cases/:id/answers/:referral")
        // Family search (寻亲).
        static let familySearchMatches = Template<Void>("/api/v1/family-search/matches")
        static let familySearchMatch = Template<UUID>("/api/v1/family-search/matches/:id")
        static let familySearchNotices = Template<Void>("/api/v1/family-search/notices")
        static let familySearchReports = Template<Void>("/api/v1/family-search/reports")
        static let familySearchReport = Template<UUID>("/api/v1/family-search/reports/:id")
        static let familySearchQueue = Template<Void>("/api/v1/family-search/queue")
        static let children = Template<Void>("/api/v1/children")
        static let child = Template<UUID>("/api/v1/children/:id")
        static let childCategoryChange = Template<UUID>("/api/v1/children/categories/:id/change")
        static let childCategoryEnd = Template<UUID>("/api/v1/children/categories/:id/end")
        static let childrenTurningAdult = Template<Void>("/api/v1/children/turning-adult")
        static let childVisits = Template<Void>("/api/v1/child-visits")
        static let childVisit = Template<UUID>("/api/v1/child-visits/:id")
        static let childCareHomes = Template<Void>("/api/v1/child-care-homes")
        static let childCareHome = Template<UUID>("/api/v1/child-care-homes/:id")
        static let childCareHomeActivities = Template<UUID>("/api/v1/child-care-homes/:id/activities")
        static let childCareHomeChildren = Template<UUID>("/api/v1/child-care-homes/:id/children")
        static let organisations = Template<Void>("/api/v1/organisations")
        static let organisation = Template<UUID>("/api/v1/organisations/:id")
        static let organisationAccount = Template<UUID>("/api/v1/organisations/:id/account")
        static let organisationReports = Template<UUID>("/api/v1/organisations/:id/reports")
        static let organisationReview = Template<(UUID, String)>("/api/v1/organisations/:id/reports/:year/review")
        static let dormantOrganisations = Template<Void>("/api/v1/organisation-sweep")
        static let organisationNotices = Template<Void>("/api/v1/organisation-notices")
        static let myOrganisation = Template<Void>("/api/v1/my-organisation")
        static let adoptions = Template<Void>("/api/v1/adoptions")
        static let adoption = Template<UUID>("/api/v1/adoptions/:id")
        static let adoptionDissolution = Template<UUID>("/api/v1/adoptions/:id/dissolution")
        static let rentalCatalogue = Template<Void>("/api/v1/rental/catalogue")
        static let rentalPoints = Template<Void>("/api/v1/rental/points")
        static let rentalPoint = Template<UUID>("/api/v1/rental/points/:id")
        static let rentalPointDevices = Template<UUID>("/api/v1/rental/points/:id/devices")
        static let rentalDevice = Template<UUID>("/api/v1/rental/devices/:id")
        static let rentalSettlement = Template<Void>("/api/v1/rental/settlement")
        static let rentalYear = Template<Void>("/api/v1/rental/year")
        static let rentals = Template<Void>("/api/v1/rentals")
        static let rental = Template<UUID>("/api/v1/rentals/:id")
        // Elderly care: the ability assessment.
        static let abilityScores = Template<Void>("/api/v1/ability-scores")
        static let personAbilityAssessments = Template<UUID>("/api/v1/persons/:id/ability-assessments")
        static let abilityAssessmentsDue = Template<Void>("/api/v1/ability-assessments/due")
        static let facilities = Template<Void>("/api/v1/elderly/facilities")
        static let facility = Template<UUID>("/api/v1/elderly/facilities/:id")
        static let facilityBeds = Template<Void>("/api/v1/elderly/facility-beds")
        static let gradings = Template<Void>("/api/v1/elderly/gradings")
        static let grading = Template<UUID>("/api/v1/elderly/gradings/:id")
        static let gradingActions = Template<UUID>("/api/v1/elderly/gradings/:id/actions")
        static let inspectionRounds = Template<Void>("/api/v1/elderly/inspection-rounds")
        static let inspections = Template<Void>("/api/v1/elderly/inspections")
        static let hazards = Template<Void>("/api/v1/elderly/hazards")
        static let hazard = Template<UUID>("/api/v1/elderly/hazards/:id")
        static let hazardActions = Template<UUID>("/api/v1/elderly/hazards/:id/actions")
        static let hazardEvidence = Template<UUID>("/api/v1/elderly/hazards/:id/evidence")
        static let inspectionCounts = Template<Void>("/api/v1/elderly/inspection-counts")
        // Elderly care: the senior allowance.
        static let seniorAllowanceWrongPayments = Template<Void>("/api/v1/elderly/allowance-wrong-payments")
    }
}

extension Route.Template where Parameters == Void {
    var path: String { template }
}

extension Route.Template where Parameters == UUID {
    func path(_ id: UUID) -> String { filled(id.uuidString) }
}

extension Route.Template where Parameters == String {
    func path(_ value: String) -> String { filled(value) }
}

extension Route.Template where Parameters == (UUID, UUID) {
    func path(_ first: UUID, _ second: UUID) -> String { filled(first.uuidString, second.uuidString) }
}

extension Route.Template where Parameters == (UUID, String) {
    func path(_ id: UUID, _ value: String) -> String { filled(id.uuidString, value) }
}
