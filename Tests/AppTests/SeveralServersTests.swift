@testable import App
import Foundation
import MinzhengCore
import NIOCore
import SQLKit
import Testing
import VaporTesting

/// Two servers on one database, as a city runs them behind a load balancer: each is its own
/// `Application` with its own memory, so whatever one shows of the other's work came through
/// the database.
@Suite("Several servers on one database")
struct SeveralServersTests {
    typealias F = AccountFixtures

    /// Runs `body` with two servers configured on the same scratch database.
    static func withTwoServers(
        _ database: TestDatabase, migrated: Bool = true, _ body: (Application, Application) async throws -> Void
    ) async throws {
        try await PostgresTestGate.run(database) { try await runTwoServers(database, migrated: migrated, body) }
    }

    private static func runTwoServers(
        _ database: TestDatabase, migrated: Bool, _ body: (Application, Application) async throws -> Void
    ) async throws {
        let scratch = try await ScratchDatabase.make(
            postgresURL: database == .postgres ? ProcessInfo.processInfo.environment["DATABASE_URL"] : nil)
        var servers: [Application] = []
        do {
            for _ in 0..<2 {
                let app = try await Application.make(.testing)
                app.logger.logLevel = .warning
                servers.append(app)
                try await configure(app, config: scratch.config)
            }
            if migrated { try await prepareDatabase(servers[0]) }
            try await body(servers[0], servers[1])
        } catch {
            for app in servers { try await app.asyncShutdown() }
            await scratch.drop()
            throw error
        }
        for app in servers { try await app.asyncShutdown() }
        await scratch.drop()
    }

    @Test(
        "an import uploaded to one server: the other shows its progress, its outcome and its refused rows",
        arguments: TestDatabase.available)
    func jobOnEitherServer(_ db: TestDatabase) async throws {
        try await Self.withTwoServers(db) { a, b in
            let visit = try await ImportPageTests.signIn(a, "officer")
            // The session made on A is valid on B.
            let sent = try await ImportPageTests.upload(a, visit, csv: ImportTests.mixedFile)
            #expect(sent.status == .seeOther)
            let jobPath = try #require(sent.headers.first(name: .location))
            let page = try await ImportPageTests.finished(b, jobPath, cookie: visit.cookie)
            #expect(page.contains("导入结果"))
            #expect(page.contains("身份证号与第2行重复"))
            let csv = try await send(
                b, .GET, jobPath + "/errors.csv", headers: ["Cookie": "minzheng_session=\(visit.cookie)"])
            #expect(csv.status == .ok)
            #expect(csv.body.string.split(separator: "\r\n").count == 5, "the header and the 4 refused rows")
            // Stored sealed: the refused rows hold ID numbers.
            let stored = try await b.sql.raw("SELECT outcome_cipher FROM background_jobs").first()?
                .decode(column: "outcome_cipher", as: String.self)
            #expect(stored.map { !$0.contains("身份证号") } == true)
        }
    }

    @Test(
        "a job whose server stopped beating reads as failed, and the round writes it so",
        arguments: TestDatabase.available)
    func silentJob(_ db: TestDatabase) async throws {
        try await Self.withTwoServers(db) { a, b in
            let start = Date(timeIntervalSince1970: 1_790_000_000)
            a.platform.clock = .fixed(start)
            b.platform.clock = .fixed(start)
            let user = CurrentUser(
                id: UUID(), username: "officer", displayName: "officer", role: .streetOfficer,
                region: RegionCode("320402001")!, department: nil)
            // A's job hangs, as if A had been killed while it ran: it neither beats nor ends.
            let (hung, release) = AsyncStream<Void>.makeStream()
            let id = try await a.importJobs.start(for: user, title: "户籍.csv", file: "/nonexistent", logger: a.logger) {
                _ in
                for await _ in hung {}
                throw CancellationError()
            }
            let running = try #require(try await b.importJobs.job(id, for: user))
            #expect(running.state == .running)
            let later = start.addingTimeInterval(BackgroundJobs<HouseholdImporter.Summary>.silenceSeconds + 1)
            b.platform.clock = .fixed(later)
            let silent = try #require(try await b.importJobs.job(id, for: user))
            #expect(silent.state == .failed)
            #expect(silent.error?.contains("任务中断") == true)
            let round = try await SharedStateRound.run(db: b.db, turn: b.writeTurn, now: later)
            #expect(round.interruptedJobs == 1)
            let state = try await b.sql.raw("SELECT state FROM background_jobs").first()?
                .decode(column: "state", as: String.self)
            #expect(state == "failed")
            // Let the job end before the servers stop, so that nothing writes after them.
            release.finish()
            while try await a.sql.raw("SELECT error FROM background_jobs").first()?
                .decode(column: "error", as: String.self).contains("任务中断") == true
            {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
    }

    @Test(
        "the hourly round runs on one server at a time; another takes over when the holder stops",
        arguments: TestDatabase.available)
    func roundOnce(_ db: TestDatabase) async throws {
        try await Self.withTwoServers(db) { a, b in
            let start = Date(timeIntervalSince1970: 1_790_000_000)
            for app in [a, b] { app.platform.clock = .fixed(start) }
            #expect(await MonitoringTimer.runIfLeased(a, interval: .hours(1)))
            #expect(await !MonitoringTimer.runIfLeased(b, interval: .hours(1)))
            // B fires later in the hour: still A's.
            b.platform.clock = .fixed(start.addingTimeInterval(50 * 60))
            #expect(await !MonitoringTimer.runIfLeased(b, interval: .hours(1)))
            // A fires an hour on and renews; had A stopped, B would take it after 54 minutes.
            a.platform.clock = .fixed(start.addingTimeInterval(3_600))
            #expect(await MonitoringTimer.runIfLeased(a, interval: .hours(1)))
            b.platform.clock = .fixed(start.addingTimeInterval(3_600 + 55 * 60))
            #expect(await MonitoringTimer.runIfLeased(b, interval: .hours(1)))
            #expect(await !MonitoringTimer.runIfLeased(a, interval: .hours(1)))
        }
    }

    @Test(
        "an address that used its 5 adviser requests on one server is refused by the other",
        arguments: TestDatabase.available)
    func sharedRateLimit(_ db: TestDatabase) async throws {
        try await Self.withTwoServers(db) { a, b in
            let now = Int64(Date().timeIntervalSince1970)
            func admit(_ app: Application, _ client: String, at time: Int64 = now) async throws -> Int64? {
                try await app.adviceLimiter.admit(
                    client, at: time, windows: RateWindowStore(db: app.sql, turn: app.writeTurn))
            }
            for server in [a, b, a, b, a] { #expect(try await admit(server, "198.51.100.7") == nil) }
            let wait = try await admit(b, "198.51.100.7")
            #expect(wait.map { $0 > 3_500 && $0 <= 3_600 } == true, "wait: \(String(describing: wait))")
            #expect(try await admit(a, "198.51.100.8") == nil, "another address has its own count")
            #expect(try await admit(a, "198.51.100.7", at: now + 3_600) == nil, "a new window starts after the hour")
        }
    }

    @Test(
        "a token revoked on one server stops there at once and on the other within MINZHENG_TOKEN_CACHE_SECONDS",
        arguments: TestDatabase.available)
    func revocationReachesTheOther(_ db: TestDatabase) async throws {
        try await Self.withTwoServers(db) { a, b in
            #expect(b.tokenHolders?.seconds == 5, "the default")
            // B's clock stands still but for the steps below, whatever the machine's speed.
            let start = Date()
            b.accountsClock = AccountsClock { start }
            let (officer, token) = try await F.withToken(a, .streetOfficer, "320402001")
            let other = try await AccountStore(db: a.sql).issueToken(userID: officer.id, name: "other")
            for server in [a, b] {
                #expect(try await send(server, .GET, "/api/v1/households", token: token).status == .ok)
            }
            let tokenID = try await AccountStore(db: a.sql).tokens(
                userID: officer.id, page: PageRequest(page: 1, perPage: 5)
            ).items.first { $0.name == "test" }?.id
            #expect(
                try await send(a, .DELETE, "/api/v1/tokens/\(try #require(tokenID))", token: other).status == .noContent
            )
            #expect(try await send(a, .GET, "/api/v1/households", token: token).status == .unauthorized)
            #expect(try await send(b, .GET, "/api/v1/households", token: token).status == .ok, "B read it 0 s ago")
            b.accountsClock = AccountsClock { start.addingTimeInterval(4.9) }
            #expect(try await send(b, .GET, "/api/v1/households", token: token).status == .ok, "B read it 4.9 s ago")
            b.accountsClock = AccountsClock { start.addingTimeInterval(5) }
            #expect(try await send(b, .GET, "/api/v1/households", token: token).status == .unauthorized)
        }
    }

    @Test("failed sign-ins of an unknown name on both servers lock it on both", arguments: TestDatabase.available)
    func sharedLockout(_ db: TestDatabase) async throws {
        try await Self.withTwoServers(db) { a, b in
            for server in [a, b, a, b] {
                #expect(try await F.apiSignIn(server, "nobody-here", "guess").status == .unauthorized)
            }
            let fifth = try await F.apiSignIn(a, "nobody-here", "guess")
            #expect(fifth.status == .tooManyRequests)
            try await F.forgetAddresses(b)
            let sixth = try await F.apiSignIn(b, "nobody-here", "guess")
            #expect(sixth.status == .tooManyRequests)
            #expect(try sixth.json(ErrorAnswer.self).error.contains("分钟后再试"))
        }
    }

    @Test(
        "two servers starting at once on an empty PostgreSQL take turns: both start, one administrator is created",
        .enabled(if: TestDatabase.available.contains(.postgres)))
    func startTogether() async throws {
        try await Self.withTwoServers(.postgres, migrated: false) { a, b in
            @Sendable func start(_ app: Application) async throws {
                try await StartupLock.run(app) {
                    try await prepareDatabase(app)
                    try await FirstStart.run(app)
                }
            }
            async let first: Void = start(a)
            async let second: Void = start(b)
            _ = try await (first, second)
            let admins = try await a.sql.raw("SELECT COUNT(*) AS n FROM users WHERE username = 'admin'").first()?
                .decode(column: "n", as: Int.self)
            #expect(admins == 1)
        }
    }
}
