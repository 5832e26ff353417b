import Vapor

/// The route table: which paths are open, which need a signed-in user, and how.
func routes(_ app: Application) throws {
    app.get(Route.health.pattern) { _ in HealthStatus(status: "ok") }

    // The API: bearer tokens, JSON errors. Its paths (`Route.API`) all start with /api/v1.
    try app.register(collection: SessionAPIController())
    try app.register(collection: AssessmentAPIController())
    BookingAPIController.registerOpen(on: app)
    FuneralRoutes.registerOpen(on: app)
    let apiUser = app.grouped(BearerUserAuthenticator(), RequireAPIUser())
    try apiUser.register(collection: RegistryAPIController())
    try apiUser.register(collection: BankAccountAPIController())
    try apiUser.register(collection: UserAPIController())
    try apiUser.register(collection: TokenAPIController())
    try apiUser.register(collection: PasswordAPIController())
    try apiUser.register(collection: ApplicationAPIController())
    try apiUser.register(collection: CatalogAPIController())
    try apiUser.register(collection: EnrollmentAPIController())
    try apiUser.register(collection: EnrollmentReviewAPIController())
    try apiUser.register(collection: MonitoringAPIController())
    try apiUser.register(collection: HomeCareAPIController())
    try apiUser.register(collection: AdaptationAPIController())
    try apiUser.register(collection: BookingAPIController())
    try apiUser.register(collection: MarriageAPIController())

    // The pages: session cookie (the sessions middleware is global), CSRF on every POST.
    let pages = app.grouped(SessionUserAuthenticator(), CSRFMiddleware())
    try pages.register(collection: SignInPageController())
    try pages.register(collection: CalculatorPageController())
    try pages.register(collection: ResidentRegistrationController())
    let signedIn = pages.grouped(RequirePageUser())
    try signedIn.register(collection: RegistryPageController())
    try signedIn.register(collection: PersonPageController())
    try signedIn.register(collection: RegistryExportController())
    try signedIn.register(collection: HouseholdMembersPageController())
    try signedIn.register(collection: ImportPageController())
    try signedIn.register(collection: PolicyPageController())
    try signedIn.register(collection: SimulationPageController())
    try signedIn.register(collection: AuditPageController())
    try signedIn.register(collection: ApplicationPageController())
    try signedIn.register(collection: CatalogPageController())
    try signedIn.register(collection: PayrollPageController())
    try signedIn.register(collection: ReviewPageController())
    try signedIn.register(collection: MonitoringPageController())
    try signedIn.register(collection: FeedPageController())
    try signedIn.register(collection: AccountPageController())
    try signedIn.register(collection: UserPageController())
    try signedIn.register(collection: HomeCarePageController())
    try signedIn.register(collection: AdaptationPageController())
    try AbilityRoutes.register(api: apiUser, pages: signedIn)
    try FacilityRoutes.register(api: apiUser, pages: signedIn)
    try SeniorAllowanceControllers.register(api: apiUser, pages: signedIn)
    try ServiceMapRoutes.register(pages: pages, signedIn: signedIn)
    try signedIn.register(collection: MyInformationPageController())
    try signedIn.register(collection: CorrectionPageController())
    try signedIn.register(collection: BookingDayPageController())
    try signedIn.register(collection: BookingPageController())
    try signedIn.register(collection: MarriageDeskPageController())
    try signedIn.register(collection: BookingRulesPageController())
    try FuneralRoutes.register(api: apiUser, pages: pages, signedIn: signedIn)
    try DisabilityRoutes.register(api: apiUser, signedIn: signedIn)
    try ChildProtectionRoutes.register(api: apiUser, signedIn: signedIn)
    try FamilySearchRoutes.register(api: apiUser, pages: pages, signedIn: signedIn)
    try ChildRoutes.register(api: apiUser, signedIn: signedIn)
    try OrganisationRoutes.register(api: apiUser, signedIn: signedIn)
    try AdoptionRoutes.register(api: apiUser, signedIn: signedIn)
    try RentalRoutes.register(api: apiUser, signedIn: signedIn)
}

struct HealthStatus: Content {
    let status: String
}
