@testable import App
import Testing

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
    }

    @Test("database URLs pick the driver and the file", arguments: [
        (["DATABASE_URL": "sqlite:/var/lib/minzheng/db.sqlite"], AppConfig.DatabaseLocation.sqlite(path: "/var/lib/minzheng/db.sqlite")),
        (["MINZHENG_DATA_DIR": "/srv/mz"], .sqlite(path: "/srv/mz/minzheng.sqlite")),
        (["DATABASE_URL": "postgres://mz:pw@db.local:5432/minzheng"], .postgres(url: "postgres://mz:pw@db.local:5432/minzheng")),
        (["DATABASE_URL": "postgresql://mz@localhost/minzheng"], .postgres(url: "postgresql://mz@localhost/minzheng")),
    ])
    func databases(env: [String: String], expected: AppConfig.DatabaseLocation) throws {
        #expect(try AppConfig.fromEnvironment(env).database == expected)
    }

    @Test("a bad value stops start-up naming its variable", arguments: [
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
    ])
    func refused(variable: String, value: String) {
        let error = #expect(throws: AppConfig.Invalid.self) { try AppConfig.fromEnvironment([variable: value]) }
        #expect(error?.variable == variable)
        #expect(error?.description.hasPrefix("配置错误 \(variable):") == true)
    }
}
