import Foundation

/// Everything the environment can set, read in this one place. A bad value stops start-up
/// with a message naming the variable.
public struct AppConfig: Sendable {
    public enum DatabaseLocation: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String)
    }

    public var database: DatabaseLocation
    /// Folder for the SQLite file's default place, the key file and uploaded documents.
    public var dataDirectory: String
    /// The 32-byte field-encryption key, base64, when given by `MINZHENG_DATA_KEY`;
    /// otherwise a key file under `dataDirectory` is used (created on first start).
    public var dataKeyBase64: String?
    /// Households seeded into an empty database by `serve`.
    public var demoHouseholds: Int
    public var hostname: String
    public var port: Int
    /// Open assessment requests (`POST /api/v1/assessments`, the calculator) one client
    /// address may make per minute.
    public var assessmentsPerMinute: Int
    /// PostgreSQL connections per event loop (one loop per core). FluentPostgresDriver's
    /// default is one: a slow request or an open transaction then holds up every other
    /// request on its loop, which wait up to 10 s and fail.
    public var postgresConnectionsPerLoop: Int
    /// The server is reached over HTTPS through a proxy that ends TLS (`MINZHENG_BEHIND_TLS`):
    /// the session cookie is then `Secure` and browsers are told to keep to HTTPS.
    public var behindTLS = false
    /// bcrypt's cost for new password hashes (`MINZHENG_PASSWORD_COST`, 2^cost rounds): 12 in
    /// service; the tests use 4, since hundreds of accounts at 12 kept the test run's two
    /// cores busy hashing.
    public var passwordCost = 12
    /// `MINZHENG_NOW`: the platform's clock starts at this moment (Beijing time) and runs on
    /// from there, for demos and acceptance runs. Refused in production (`--env production`).
    public var startsAt: Date?
    /// `MINZHENG_TRUSTED_PROXIES`: the addresses of the load balancers in front (comma
    /// separated). Behind one, every request comes from its address; the client's own is the
    /// last one in `X-Forwarded-For` that is not a proxy, and the per-address limits count that.
    public var trustedProxies: [String] = []
    /// `MINZHENG_STATION_PHONE`: the assistance station's phone shown on the public family-search
    /// notices (寻亲公告). The default is the city's 12345 hotline, which puts callers through to the
    /// station; a deployment sets the station's own line.
    public var stationPhone = "12345"
    /// `MINZHENG_METRICS_TOKEN`: the bearer token a Prometheus scraper sends to `/metrics`
    /// (at least 32 visible characters). Without one, `/metrics` answers 404 to everyone.
    public var metricsToken: String?
    /// `MINZHENG_BUILD_VERSION`: what the deployment calls this build (a tag, a commit),
    /// shown in `minzheng_build_info`; `dev` when unset.
    public var buildVersion = "dev"
    /// `MINZHENG_PROGRESS_CODE_MINUTES`: how long a one-time code of 办件查询 (progress lookup
    /// by receipt number) stays valid after it is sent; 10 when unset.
    public var progressCodeMinutes = 10
    /// `MINZHENG_SMS_URL` (http or https) and `MINZHENG_SMS_TOKEN`: the SMS gateway that sends
    /// those codes (`GatewayCodeSender`); without a URL they go to the log.
    public var smsURL: String?
    public var smsToken: String?
    /// `MINZHENG_FAMILY_SEARCH_CACHE`: how many prepared family reports the matcher keeps in
    /// memory between queries (`FamilySearchBlockCache`, about 0.8 KiB each); 0 keeps none and reads
    /// every query's from the database. 2 000 000 when unset: a city's million reports, each
    /// under a key or two of the broad blocks a notice without a name meets.
    public var familySearchCache = 2_000_000
    /// `MINZHENG_SQLITE_CACHE_MIB`: each SQLite connection's page cache, in MiB (SQLite's own
    /// default is 2). 64 when unset: a city list page reads more pages (the count's index, the
    /// page's rows, their members) than 2 MiB holds, so every page read them again from the OS.
    public var sqliteCacheMiB = 64
    /// `MINZHENG_SQLITE_MMAP_MIB`: how much of the SQLite file each connection reads through a
    /// memory map instead of `pread` (0 = none, SQLite's default). 0 when unset.
    public var sqliteMapMiB = 0
    /// `MINZHENG_TOKEN_CACHE_SECONDS`: how long a server answers an API token's holder from
    /// memory (`TokenHolderCache`); 0 reads it from the database on every request. 5 when
    /// unset: a credential ended on this server stops at once, on another server of the same
    /// PostgreSQL database within these seconds.
    public var tokenCacheSeconds = 5

    public struct Invalid: Error, CustomStringConvertible {
        public let variable: String
        public let reason: String
        public var description: String { "配置错误 \(variable): \(reason)" }
    }

    public static func fromEnvironment(
        _ env: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> AppConfig {
        let dataDirectory = env["MINZHENG_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "data"
        let url = env["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "sqlite:\(dataDirectory)/minzheng.sqlite"
        let database: DatabaseLocation
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            guard URL(string: url)?.host != nil else {
                throw Invalid(variable: "DATABASE_URL", reason: "not a valid postgres:// URL")
            }
            database = .postgres(url: url)
        } else if url.hasPrefix("sqlite:") {
            let path = String(url.dropFirst("sqlite:".count))
            guard !path.isEmpty else {
                throw Invalid(
                    variable: "DATABASE_URL", reason: "sqlite: needs a file path, e.g. sqlite:data/minzheng.sqlite")
            }
            database = .sqlite(path: path)
        } else {
            throw Invalid(variable: "DATABASE_URL", reason: "must start with sqlite: or postgres://")
        }
        if let key = env["MINZHENG_DATA_KEY"], !key.isEmpty {
            guard let bytes = Data(base64Encoded: key), bytes.count == 32 else {
                throw Invalid(
                    variable: "MINZHENG_DATA_KEY", reason: "must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)"
                )
            }
        }
        let demo = try integer(env, "MINZHENG_DEMO_HOUSEHOLDS", default: 2000, range: 0...1_000_000)
        let port = try integer(env, "PORT", default: 8080, range: 1...65535)
        let assessmentsPerMinute = try integer(env, "MINZHENG_ASSESSMENTS_PER_MINUTE", default: 60, range: 1...100_000)
        let postgresConnections = try integer(env, "MINZHENG_PG_CONNECTIONS_PER_LOOP", default: 4, range: 1...64)
        let passwordCost = try integer(env, "MINZHENG_PASSWORD_COST", default: 12, range: 4...31)
        let behindTLS: Bool
        switch env["MINZHENG_BEHIND_TLS"] ?? "" {
        case "", "0", "false": behindTLS = false
        case "1", "true": behindTLS = true
        case let other: throw Invalid(variable: "MINZHENG_BEHIND_TLS", reason: "must be true or false, got \(other)")
        }
        let stationPhone = env["MINZHENG_STATION_PHONE"].flatMap { $0.isEmpty ? nil : $0 } ?? "12345"
        guard (3...20).contains(stationPhone.count),
            stationPhone.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") })
        else {
            throw Invalid(
                variable: "MINZHENG_STATION_PHONE", reason: "must be a phone number (digits and -), got \(stationPhone)"
            )
        }
        var startsAt: Date?
        if let text = env["MINZHENG_NOW"], !text.isEmpty {
            guard let instant = BeijingTime.instant(text) else {
                throw Invalid(
                    variable: "MINZHENG_NOW",
                    reason: "must be YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] (Beijing time), got \(text)")
            }
            startsAt = instant
        }
        var metricsToken: String?
        if let token = env["MINZHENG_METRICS_TOKEN"], !token.isEmpty {
            guard token.count >= 32, token.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
                throw Invalid(
                    variable: "MINZHENG_METRICS_TOKEN",
                    reason: "must be at least 32 visible ASCII characters (e.g. `openssl rand -hex 32`)")
            }
            metricsToken = token
        }
        let buildVersion = env["MINZHENG_BUILD_VERSION"].flatMap { $0.isEmpty ? nil : $0 } ?? "dev"
        guard buildVersion.count <= 64, buildVersion.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
        else {
            throw Invalid(
                variable: "MINZHENG_BUILD_VERSION",
                reason: "must be at most 64 visible ASCII characters, got \(buildVersion)")
        }
        let smsURL = env["MINZHENG_SMS_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if let smsURL {
            guard let url = URL(string: smsURL), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                throw Invalid(variable: "MINZHENG_SMS_URL", reason: "must be an http:// or https:// URL, got \(smsURL)")
            }
        }
        return AppConfig(
            database: database,
            dataDirectory: dataDirectory,
            dataKeyBase64: env["MINZHENG_DATA_KEY"].flatMap { $0.isEmpty ? nil : $0 },
            demoHouseholds: demo,
            hostname: env["HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1",
            port: port,
            assessmentsPerMinute: assessmentsPerMinute,
            postgresConnectionsPerLoop: postgresConnections,
            behindTLS: behindTLS,
            passwordCost: passwordCost,
            startsAt: startsAt,
            trustedProxies: (env["MINZHENG_TRUSTED_PROXIES"] ?? "").split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty },
            stationPhone: stationPhone,
            metricsToken: metricsToken,
            buildVersion: buildVersion,
            progressCodeMinutes: try integer(env, "MINZHENG_PROGRESS_CODE_MINUTES", default: 10, range: 1...60),
            smsURL: smsURL,
            smsToken: env["MINZHENG_SMS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 },
            familySearchCache: try integer(
                env, "MINZHENG_FAMILY_SEARCH_CACHE", default: 2_000_000, range: 0...100_000_000),
            sqliteCacheMiB: try integer(env, "MINZHENG_SQLITE_CACHE_MIB", default: 64, range: 1...65_536),
            sqliteMapMiB: try integer(env, "MINZHENG_SQLITE_MMAP_MIB", default: 0, range: 0...1_048_576),
            tokenCacheSeconds: try integer(env, "MINZHENG_TOKEN_CACHE_SECONDS", default: 5, range: 0...60)
        )
    }

    private static func integer(
        _ env: [String: String], _ name: String, default value: Int, range: ClosedRange<Int>
    ) throws -> Int {
        guard let text = env[name], !text.isEmpty else { return value }
        guard let v = Int(text), range.contains(v) else {
            throw Invalid(
                variable: name,
                reason: "must be a whole number from \(range.lowerBound) to \(range.upperBound), got \(text)")
        }
        return v
    }
}
