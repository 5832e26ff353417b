@testable import App
import MinzhengCore
import Testing
import Vapor

/// Start-up configuration: defaults on a bare environment, and a bad value refused with a
/// message naming its variable.
@Suite("configuration from the environment")
struct AppConfigTests {
    @Test("a bare environment gives the documented defaults")
    func defaults() throws {
        let config = try AppConfig.fromEnvironment([:])
        #expect(config.database == .sqlite(path: "data/minzheng.sqlite"))
        #expect(config.dataDirectory == "data")
        #expect(config.dataKeyBase64 == nil)
        #expect((config.hostname, config.port) == ("127.0.0.1", 8080))
        #expect(config.demoHouseholds == 2000)
        #expect(config.assessmentsPerMinute == 60)
        #expect(config.postgresConnectionsPerLoop == 4)
        #expect(config.metricsToken == nil)
        #expect(config.buildVersion == "dev")
        #expect(config.familySearchCache == 2_000_000)
        #expect(config.tokenCacheSeconds == 5)
    }

    @Test(
        "database URLs pick the driver and the file",
        arguments: [
            (
                ["DATABASE_URL": "sqlite:/var/lib/minzheng/db.sqlite"],
                AppConfig.DatabaseLocation.sqlite(path: "/var/lib/minzheng/db.sqlite")
            ),
            (["MINZHENG_DATA_DIR": "/srv/mz"], .sqlite(path: "/srv/mz/minzheng.sqlite")),
            (
                ["DATABASE_URL": "postgres://mz:pw@db.local:5432/minzheng"],
                .postgres(url: "postgres://mz:pw@db.local:5432/minzheng")
            ),
            (
                ["DATABASE_URL": "postgresql://mz@localhost/minzheng"],
                .postgres(url: "postgresql://mz@localhost/minzheng")
            ),
        ])
    func databases(env: [String: String], expected: AppConfig.DatabaseLocation) throws {
        #expect(try AppConfig.fromEnvironment(env).database == expected)
    }

    @Test(
        "a bad value stops start-up naming its variable",
        arguments: [
            ("DATABASE_URL", "mysql://localhost/mz"),
            ("DATABASE_URL", "sqlite:"),
            ("DATABASE_URL", "postgres://"),
            ("MINZHENG_DATA_KEY", "dG9vIHNob3J0"),
            ("MINZHENG_DEMO_HOUSEHOLDS", "-1"),
            ("PORT", "80a"),
            ("PORT", "70000"),
            ("MINZHENG_ASSESSMENTS_PER_MINUTE", "0"),
            ("MINZHENG_PG_CONNECTIONS_PER_LOOP", "0"),
            ("MINZHENG_PG_CONNECTIONS_PER_LOOP", "many"),
            ("MINZHENG_NOW", "2026-13-01"),
            ("MINZHENG_NOW", "2026-12-02T25:00"),
            ("MINZHENG_NOW", "yesterday"),
            ("MINZHENG_METRICS_TOKEN", "short"),
            ("MINZHENG_METRICS_TOKEN", String(repeating: "a", count: 31) + " b"),
            ("MINZHENG_BUILD_VERSION", "v1 with spaces"),
            ("MINZHENG_SMS_URL", "ftp://sms.example.gov.cn"),
            ("MINZHENG_SMS_URL", "sms gateway"),
            ("MINZHENG_FAMILY_SEARCH_CACHE", "-1"),
            ("MINZHENG_FAMILY_SEARCH_CACHE", "all"),
            ("MINZHENG_SQLITE_CACHE_MIB", "0"),
            ("MINZHENG_SQLITE_MMAP_MIB", "-1"),
            ("MINZHENG_TOKEN_CACHE_SECONDS", "61"),
            ("MINZHENG_TOKEN_CACHE_SECONDS", "-1"),
        ])
    func refused(variable: String, value: String) {
        let error = #expect(throws: AppConfig.Invalid.self) { try AppConfig.fromEnvironment([variable: value]) }
        #expect(error?.variable == variable)
        #expect(error?.description.hasPrefix("配置错误 \(variable):") == true)
    }

    @Test("MINZHENG_NOW starts the platform's clock at a Beijing moment and lets it run; production refuses it")
    func movedClock() async throws {
        let start = try #require(try AppConfig.fromEnvironment(["MINZHENG_NOW": "2027-01-31T23:59:30"]).startsAt)
        #expect(BeijingTime.timestamp(start) == "2027-01-31 23:59:30")
        let clock = PlatformClock.starting(at: start)
        #expect(clock.today == CivilDate("2027-01-31"))
        #expect(clock.nextMonth == YearMonth("2027-02"))
        #expect(clock.now > start, "it runs on")
        #expect(
            try AppConfig.fromEnvironment(["MINZHENG_NOW": "2027-02-01"]).startsAt.map(BeijingTime.day)
                == CivilDate("2027-02-01"))

        let scratch = try await ScratchDatabase.make(postgresURL: nil)
        var config = scratch.config
        config.startsAt = start
        let app = try await Application.make(.production)
        let error = await #expect(throws: AppConfig.Invalid.self) { try await configure(app, config: config) }
        #expect(error?.variable == "MINZHENG_NOW")
        try await app.asyncShutdown()
        await scratch.drop()
    }
}
