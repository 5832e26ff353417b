import Foundation
import MinzhengCore
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// `minzheng bench reads`: the reads a caseworker makes, each under `connections` clients
/// at once for `seconds`, over real HTTP on a loopback port (the load made by `wrk` in a
/// process of its own when it is installed, else in this process by keep-alive connections of
/// the app's HTTP client): `/healthz` as the floor, the household
/// list's first page and page 5 000 (50 a page) as the city sees them, a street officer's
/// list, name-contains, an ID-number search and a person's record. One JSON line per read
/// with requests per second, p50 and p99 in milliseconds and the ratio to `/healthz`.
///
/// `/healthz` answers 15 bytes with no account and no database; a list page checks a token,
/// reads 50 rows and encodes them as JSON. So the run also serves, behind the same token check
/// (routes of the benchmark's process only), the household list's first page as it was read once
/// before the run: encoded once too (`prepared page`: the token check and the bytes), and
/// encoded again for every request (`encoded page`: all a list page does but read the database).
/// `ratioToPreparedPage` and `ratioToEncodedPage` set each read against them.
struct ReadsBenchmark {
    let app: Application
    /// Who makes the load: wrk, or (nil) the app's HTTP client in this process.
    var wrk: WrkLoad? = WrkLoad.located()
    /// Counts the server's requests, so that each load ends with none under way.
    let underWay = RequestsUnderWay()

    struct Figures: Encodable {
        let read: String
        let requests: Int
        let errors: Int
        let requestsPerSecond: Double
        let p50Milliseconds: Double
        let p99Milliseconds: Double
        var ratioToHealthz: Double
        /// Against the first page served from memory behind the token check, encoded once.
        var ratioToPreparedPage: Double
        /// Against the same page encoded for each request.
        var ratioToEncodedPage: Double
        /// One request alone, before the load (the first: its pages may not be cached yet).
        let aloneMilliseconds: Double
        /// The median of five more requests alone, one after another.
        let aloneMedianMilliseconds: Double
    }

    struct Summary: Encodable {
        let benchmark = "reads"
        let database: String
        /// "wrk" or "client".
        let load: String
        let persons: Int
        let households: Int
        let connections: Int
        let seconds: Double
        let reads: [Figures]
    }

    struct Read {
        let name: String
        let method: HTTPMethod
        let path: String
        let token: String?
        var body: String? = nil

        /// The token, and the body's type when there is one: the same for either load.
        var headers: HTTPHeaders {
            var headers = HTTPHeaders()
            if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
            if body != nil { headers.contentType = .json }
            return headers
        }
    }

    /// `name`: the name-contains query (default the first two characters of the middle person's name).
    func run(connections: Int, seconds: Double, only: Set<String>? = nil, name: String? = nil) async throws -> Summary {
        let count = { (table: String) in
            try await app.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?.decode(
                column: "n", as: Int.self) ?? 0
        }
        let persons = try await count("persons")
        let households = try await count("households")
        guard persons > 0 else { throw Refusal.invalid("persons", "登记库为空：先运行 minzheng seed") }
        // The person in the middle of the registry: its street, the first two characters of
        // its name, its ID number.
        let middle = try await app.sql.raw(
            "SELECT id, name, region, id_cipher FROM persons ORDER BY id LIMIT 1 OFFSET \(bind: persons / 2)"
        ).first()!
        let personID = try middle.decode(column: "id", as: UUID.self)
        let street = String(try middle.decode(column: "region", as: String.self).prefix(9))
        let pair = try name ?? String(middle.decode(column: "name", as: String.self).prefix(2))
        let number = try app.platform.cipher.decrypt(try middle.decode(column: "id_cipher", as: String.self))
        let deepPage = min(5000, max(1, households / 50))
        app.http.client.configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = connections
        app.http.client.configuration.timeout.read = .seconds(60)
        let store = AccountStore(db: app.sql)
        let officer = try await store.createUser(
            username: "bench-street-\(UUID().uuidString.prefix(8).lowercased())", displayName: "基准测试",
            password: UUID().uuidString, role: .streetOfficer, region: RegionCode(street)!,
            hash: { [app] in try app.password.hash($0) })
        let officerToken = try await store.issueToken(userID: officer, name: "bench")
        // The benchmark's officer goes again before the command returns (a task left to do it
        // would run after the app has shut down).
        let removeOfficer = { [app] in
            try? await app.sql.delete(from: "api_tokens").where("user_id", .equal, officer).run()
            try? await app.sql.delete(from: "users").where("id", .equal, officer).run()
        }
        let figures: [Figures]
        do {
            figures = try await measure(
                officerToken: officerToken, pair: pair, personID: personID, number: number, deepPage: deepPage,
                connections: connections, seconds: seconds, only: only)
        } catch {
            try? await underWay.drained()
            await removeOfficer()
            throw error
        }
        // The server is shut down: no request is read any more, and the last ones finish before the
        // app (and its databases) may go.
        try await underWay.drained()
        await removeOfficer()
        let floor = figures.first?.requestsPerSecond ?? 1
        let floorOf = { (name: String) in figures.first { $0.read == name }?.requestsPerSecond ?? floor }
        let (prepared, encoded) = (floorOf(Self.preparedPage), floorOf(Self.encodedPage))
        return Summary(
            database: app.sql.dialect.name, load: wrk == nil ? "client" : "wrk", persons: persons,
            households: households, connections: connections,
            seconds: seconds,
            reads: figures.map {
                var f = $0
                f.ratioToHealthz = Self.ratio(f.requestsPerSecond, floor)
                f.ratioToPreparedPage = Self.ratio(f.requestsPerSecond, prepared)
                f.ratioToEncodedPage = Self.ratio(f.requestsPerSecond, encoded)
                return f
            })
    }

    /// To three decimals; 0 against a floor that answered nothing in its time (a machine too
    /// busy to finish one request), not the NaN or infinity JSON cannot hold.
    private static func ratio(_ value: Double, _ floor: Double) -> Double {
        floor > 0 ? (value / floor * 1000).rounded() / 1000 : 0
    }

    private func measure(
        officerToken: String, pair: String, personID: UUID, number: String, deepPage: Int, connections: Int,
        seconds: Double, only: Set<String>?
    ) async throws -> [Figures] {
        let name = pair.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? pair
        let search = String(data: try JSONEncoder().encode(["idNumber": number]), encoding: .utf8)!
        try await serveFloorPages()
        app.middleware.use(underWay)
        return try await BenchServer(app: app).run { base, token in
            let reads = [
                Read(name: "healthz", method: .GET, path: "/healthz", token: nil),
                Read(name: Self.preparedPage, method: .GET, path: Self.preparedPagePath, token: token),
                Read(name: Self.encodedPage, method: .GET, path: Self.encodedPagePath, token: token),
                Read(
                    name: "households page 1", method: .GET, path: "/api/v1/households?page=1&perPage=50", token: token),
                Read(
                    name: "households page \(deepPage)", method: .GET,
                    path: "/api/v1/households?page=\(deepPage)&perPage=50", token: token),
                Read(
                    name: "street officer's households", method: .GET, path: "/api/v1/households?perPage=50",
                    token: officerToken),
                Read(
                    name: "name contains \(pair)", method: .GET, path: "/api/v1/persons?name=\(name)&perPage=50",
                    token: token),
                Read(name: "ID number", method: .POST, path: "/api/v1/persons/search", token: token, body: search),
                Read(name: "person's record", method: .GET, path: "/api/v1/persons/\(personID)", token: token),
            ].filter { read in
                // The floors always run.
                only == nil || ["healthz", Self.preparedPage, Self.encodedPage].contains(read.name)
                    || only!.contains(where: read.name.hasPrefix)
            }
            var out: [Figures] = []
            for read in reads {
                out.append(try await load(read, base: base, connections: connections, seconds: seconds))
            }
            return out
        }
    }

    static let preparedPage = "prepared page"
    static let preparedPagePath = "/bench/prepared-page"
    static let encodedPage = "encoded page"
    static let encodedPagePath = "/bench/encoded-page"

    /// Registers (in this process only, before the server starts) the household list's first
    /// page as the city sees it, read once now, behind the API's token check: its JSON encoded
    /// once (`prepared page`), and encoded for each request (`encoded page`).
    private func serveFloorPages() async throws {
        let registry = RegistryStore(
            db: app.reads, cipher: app.platform.cipher, regions: app.platform.regions, clock: app.platform.clock)
        let page = try await registry.households(
            within: RegionScope(RegionCode("3204")!), matching: .init(), page: try PageRequest(page: 1, perPage: 50))
        var body = ByteBuffer()
        var headers = HTTPHeaders()
        try ContentConfiguration.global.requireEncoder(for: .json).encode(page, to: &body, headers: &headers)
        let api = app.grouped(BearerUserAuthenticator(), RequireAPIUser())
        let components = { (path: String) in path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
        }
        api.get(components(Self.preparedPagePath)) { [body, headers] _ in
            Response(status: .ok, headers: headers, body: .init(buffer: body))
        }
        api.get(components(Self.encodedPagePath)) { _ in page }
    }

    private func send(_ read: Read, base: String) async throws -> Bool {
        let (uri, headers) = (URI(string: base + read.path), read.headers)
        let response: ClientResponse
        if let body = read.body {
            response = try await app.client.post(uri, headers: headers) { $0.body = ByteBuffer(string: body) }
        } else {
            response = try await app.client.get(uri, headers: headers)
        }
        return response.status == .ok
    }

    /// `connections` clients, each sending the read again as soon as it is answered.
    private func load(_ read: Read, base: String, connections: Int, seconds: Double) async throws -> Figures {
        // One request alone first (and a check that the read answers).
        var alone: [Double] = []
        for _ in 0..<6 {
            alone.append(
                try await BenchServer.time {
                    guard try await send(read, base: base) else {
                        throw Refusal.invalid("read", "\(read.name) 未返回 200")
                    }
                })
        }
        let measured: WrkLoad.Measured
        if let wrk {
            let headers = Dictionary(read.headers.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
            measured = try await wrk.run(
                url: base + read.path, method: read.method.rawValue, headers: headers, body: read.body,
                connections: connections, seconds: Int(seconds.rounded(.up)))
        } else {
            measured = try await clientLoad(read, base: base, connections: connections, seconds: seconds)
        }
        try await underWay.drained()
        let milliseconds = { (microseconds: Double) in microseconds.rounded() / 1000 }
        return Figures(
            read: read.name, requests: measured.requests, errors: measured.errors,
            requestsPerSecond: (Double(measured.requests) / measured.microseconds * 10_000_000).rounded() / 10,
            p50Milliseconds: milliseconds(measured.p50Microseconds),
            p99Milliseconds: milliseconds(measured.p99Microseconds), ratioToHealthz: 0, ratioToPreparedPage: 0,
            ratioToEncodedPage: 0,
            aloneMilliseconds: (alone[0] * 1000).rounded() / 1000,
            aloneMedianMilliseconds: Array(alone.dropFirst()).percentile(0.5))
    }

    /// The load from this process: `connections` tasks of the app's HTTP client.
    private func clientLoad(
        _ read: Read, base: String, connections: Int, seconds: Double
    ) async throws
        -> WrkLoad.Measured
    {
        let started = ContinuousClock.now
        let end = started + .milliseconds(Int(seconds * 1000))
        let results = try await withThrowingTaskGroup(of: ([Double], Int).self) { group in
            for _ in 0..<connections {
                group.addTask {
                    var timings: [Double] = []
                    var errors = 0
                    while ContinuousClock.now < end {
                        let t0 = ContinuousClock.now
                        let ok = (try? await send(read, base: base)) ?? false
                        timings.append((ContinuousClock.now - t0).inSeconds * 1_000_000)
                        if !ok { errors += 1 }
                    }
                    return (timings, errors)
                }
            }
            var all: ([Double], Int) = ([], 0)
            for try await part in group {
                all.0 += part.0
                all.1 += part.1
            }
            return all
        }
        let (timings, errors) = results
        return WrkLoad.Measured(
            requests: timings.count, errors: errors,
            microseconds: (ContinuousClock.now - started).inSeconds * 1_000_000,
            p50Microseconds: timings.isEmpty ? 0 : timings.percentile(0.5),
            p99Microseconds: timings.isEmpty ? 0 : timings.percentile(0.99))
    }
}
