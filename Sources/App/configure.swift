import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Leaf
import MinzhengCore
import SQLKit
import Vapor

/// The one configure path for the server, the CLI and the tests.
public func configure(_ app: Application, config: AppConfig) async throws {
    try PrivateFiles.restrict(config: config)
    app.passwords.use(.bcrypt(cost: config.passwordCost))
    if config.startsAt != nil, app.environment == .production {
        throw AppConfig.Invalid(
            variable: "MINZHENG_NOW", reason: "a moved clock is for demos and tests, never in production")
    }
    app.platform = PlatformServices(
        config: config, cipher: FieldCipher(ring: try DataKeyStore.ring(config: config)),
        regions: RegionTable.shipped,
        decoyPassword: DecoyPasswordHash { [cost = config.passwordCost] in
            try Bcrypt.hash(UUID().uuidString, cost: cost)
        },
        clock: config.startsAt.map(PlatformClock.starting(at:)) ?? .system)
    app.assessmentLimiter = RateLimiter(bucket: "assessment", limit: config.assessmentsPerMinute)
    app.adviceLimiter = RateLimiter(bucket: "careAdvice", limit: 5, windowSeconds: 3_600)
    if let url = config.smsURL {
        app.codeSender = GatewayCodeSender(
            client: app.client, url: URI(string: url), token: config.smsToken, timeout: .seconds(5))
    }
    ProcessMetrics.bootstrapOnce()
    app.metrics = AppMetrics(buildVersion: config.buildVersion, startedAt: Date())
    app.writeSerializer = WriteSerializer(
        queue: config.database.kind == "sqlite" ? app.metrics.writeQueue : nil)
    app.serverInstance = UUID()
    app.familySearchBlocks =
        config.familySearchCache > 0 ? FamilySearchBlockCache(capacity: config.familySearchCache) : nil
    app.tokenHolders = config.tokenCacheSeconds > 0 ? TokenHolderCache(seconds: config.tokenCacheSeconds) : nil
    try configureDatabase(app, config: config)
    app.recordDatabasePools()

    app.migrations.add(SessionRecord.migration)
    app.migrations.add(CreateAccounts())
    app.migrations.add(CreateRegistry())
    app.migrations.add(CreatePolicyParameters())
    app.migrations.add(CreateAuditEvents())
    app.migrations.add(CreateHouseholdMeans())
    app.migrations.add(CreateApplications())
    app.migrations.add(SeedAssistanceCatalog())
    app.migrations.add(CreatePayroll())
    app.migrations.add(CreateMonitoring())
    app.migrations.add(SeedMissingPolicyDefaults())
    app.migrations.add(IndexEnrollmentsByPerson())
    app.migrations.add(CoverMedicalCostsInFeedIndex())
    app.migrations.add(TrackCurrentHouseholdOnPersons())
    app.migrations.add(IndexOnlyMedicalCostsByPerson())
    app.migrations.add(CreateRealEstateHoldings())
    app.migrations.add(AddSessionEpochToUsers())
    app.migrations.add(CreateEnrollmentReviews())
    app.migrations.add(IndexPersonsByIDEndingAndPhone(cipher: app.platform.cipher))
    app.migrations.add(CreateHomeCare())
    app.migrations.add(SeedElderlyCareDefaults())
    app.migrations.add(CreateAdaptations())
    app.migrations.add(CreateAbilityAssessments(), SeedAbilityReassessmentDefault())
    app.migrations.add(CreateElderlyFacilities())
    app.migrations.add(CreateServiceMap())
    app.migrations.add(CreateAdaptationPhotos())
    app.migrations.add(CreateKeyRotations())
    app.migrations.add(CreatePersonalInformationRights())
    app.migrations.add(CreateSharedServerState())
    app.migrations.add(CreateAppointments())
    app.migrations.add(IndexHouseholdsForListing())
    app.migrations.add(CreateMarriageRegistry())
    app.migrations.add(CreateBookingRuleEntries())
    app.migrations.add(CreateFuneralServices())
    app.migrations.add(CreateCemeteries())
    app.migrations.add(IndexRegistryForCityScaleReads())
    app.migrations.add(IndexWorkListsForSeeking())
    app.migrations.add(CreateFuneralSubsidies())
    app.migrations.add(CreateDisabilitySubsidies())
    app.migrations.add(CreateChildCases())
    app.migrations.add(CreateFamilySearch())
    app.migrations.add(CreateChildProtection())
    app.migrations.add(CreateOrganisations())
    app.migrations.add(CreateAdoptions())
    app.migrations.add(AddDisabilityCertificateValidity())
    app.migrations.add(CreatePlaceNames())
    app.migrations.add(CreateRehabStations())
    app.migrations.add(CreateOrganisationRatings())
    app.migrations.add(CreateFundingRounds())
    app.migrations.add(CreateDeviceRental())
    app.migrations.add(CreatePlaceNameSigns())
    app.migrations.add(IndexDisabilityProposalsByPerson())
    app.migrations.add(AddFundingEvaluation())
    app.migrations.add(CreateSeatMoves())
    app.migrations.add(CreateCommunityAffairs())
    app.migrations.add(CreateCharity())
    app.migrations.add(CreateOrganisationRegistrations())
    app.migrations.add(CreateIllegalOrganisations())
    app.migrations.add(IndexPlaceNameSignsByRegion())
    app.migrations.add(CreateStationCases())
    app.migrations.add(CreateFamilySearchPhotos())
    app.migrations.add(AddScopesToAPITokens())
    app.migrations.add(CreateAPICalls())
    app.migrations.add(CreatePortalServices())
    app.migrations.add(CreateReceipts())
    app.migrations.add(CreateStatisticsSnapshots())
    app.migrations.add(CreateFamilySearchBlockVersions())
    app.migrations.add(CountRegistryByRegion())
    app.migrations.add(CoverRegionCounts())

    app.http.server.configuration.hostname = config.hostname
    app.http.server.configuration.port = config.port
    // Vapor's own request metrics go through the global MetricsSystem: ours (`MetricsMiddleware`)
    // count the same per route into this application's registry.
    app.http.server.configuration.reportMetrics = false
    // Pages and JSON gzip-compressed for clients that ask (static files carry ETags: FileMiddleware).
    app.http.server.configuration.responseCompression = .enabledForCompressibleTypes
    app.routes.defaultMaxBodySize = "1mb"
    ContentConfiguration.global.use(decoder: StrictJSONDecoder(base: .custom(dates: .iso8601)), for: .json)

    app.sessions.use(.fluent)
    app.sessions.configuration.cookieName = "minzheng_session"
    // Secure whenever browsers reach the server over HTTPS: its own TLS, or a proxy's.
    let secureCookie = config.behindTLS || app.http.server.configuration.tlsConfiguration != nil
    app.sessions.configuration.cookieFactory = { sessionID in
        HTTPCookies.Value(
            string: sessionID.string, expires: nil, maxAge: nil, domain: nil, path: "/",
            isSecure: secureCookie, isHTTPOnly: true, sameSite: .lax)
    }

    app.views.use(.leaf)
    app.leaf.configuration.rootDirectory = resourcesDirectory(app) + "Views/"
    app.leaf.cache.isEnabled = app.environment.isRelease

    try routes(app)
    app.middleware = Middlewares()
    // First, so that its time includes everything else; its table holds every route registered above.
    app.middleware.use(MetricsMiddleware(metrics: app.metrics, table: RouteInstruments.Table(app.routes.all)))
    app.middleware.use(SecurityHeaders(behindTLS: secureCookie))
    app.middleware.use(RequestIDLogging())
    app.middleware.use(FileMiddleware(publicDirectory: resourcesDirectory(app) + "Public/"))
    // Sessions wrap the error renderer: an error page (a 404 for an unknown path too)
    // carries the layout's CSRF token, which lives in the session.
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(ErrorRenderingMiddleware())
    registerCommands(app)
}

private func configureDatabase(_ app: Application, config: AppConfig) throws {
    switch config.database {
    case .sqlite(let path):
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        SQLiteConnectionTuning.install(cacheMiB: config.sqliteCacheMiB, mapMiB: config.sqliteMapMiB)
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
        try ReadDatabase.open(app, sqlitePath: path)
    case .postgres(let url):
        let configuration = try SQLPostgresConfiguration(url: url)
        app.databases.use(
            .postgres(configuration: configuration, maxConnectionsPerEventLoop: config.postgresConnectionsPerLoop),
            as: .psql)
        ReadDatabase.open(app, postgres: configuration, connectionsPerLoop: config.postgresConnectionsPerLoop)
    }
}

/// Migrates, and on SQLite switches the file to WAL (a property of the file, so once is enough).
public func prepareDatabase(_ app: Application) async throws {
    if case .sqlite = app.platform.config.database {
        try await app.sql.raw("PRAGMA journal_mode=WAL").run()
    }
    try await app.autoMigrate()
    try await app.bookingRules.reload(from: app.sql)
}

/// Views and static files live in `Resources/` of the package, found from the working
/// directory (`swift run`) or beside the sources (tests).
func resourcesDirectory(_ app: Application) -> String {
    let fromWorkingDirectory = app.directory.workingDirectory + "Resources/"
    if FileManager.default.fileExists(atPath: fromWorkingDirectory + "Views") { return fromWorkingDirectory }
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    return packageRoot.path + "/Resources/"
}
