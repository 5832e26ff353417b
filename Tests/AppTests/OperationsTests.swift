@testable import App
import Foundation
import MinzhengCore
import Testing
import Vapor
import VaporTesting

/// Operations (issue 20, item 6): `/metrics` scraped as Prometheus does, the readiness
/// check, and the request id in every error answer.
@Suite("Operations: metrics, readiness, request ids")
struct OperationsTests {
    static let token = String(repeating: "0123456789abcdef", count: 3)

    static func scrape(_ app: Application, token: String? = Self.token) async throws -> TestingHTTPResponse {
        try await send(app, .GET, "/metrics", token: token)
    }

    /// The value of the sample `name{labels…}` in the Prometheus text `body`, nil when absent.
    static func sample(_ body: String, _ name: String, _ labels: [String: String] = [:]) -> Double? {
        for line in body.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " ") else { continue }
            let series = line[..<space]
            let seriesName = series.prefix { $0 != "{" }
            guard seriesName == name else { continue }
            let given = series.dropFirst(seriesName.count)
            guard labels.allSatisfy({ given.contains("\($0.key)=\"\($0.value)\"") }) else { continue }
            return Double(line[line.index(after: space)...])
        }
        return nil
    }

    @Test(
        "/metrics counts requests by route pattern and status, with latency histograms",
        arguments: TestDatabase.available)
    func scraped(_ db: TestDatabase) async throws {
        try await withTestApp(db, adjusting: { $0.metricsToken = Self.token }) { app in
            // The scrape's probe must answer even on a test machine busy with other suites.
            app.readiness.timeout = .seconds(60)
            for _ in 0..<3 { #expect(try await send(app, .GET, "/healthz").status == .ok) }
            let id = UUID()
            #expect(try await send(app, .GET, "/api/v1/households/\(id)").status == .unauthorized)
            #expect(try await send(app, .GET, "/no-such-page-\(id)").status == .notFound)

            let res = try await Self.scrape(app)
            #expect(res.status == .ok)
            #expect(res.headers.first(name: .contentType)?.hasPrefix("text/plain; version=0.0.4") == true)
            let body = res.body.string
            #expect(
                Self.sample(body, "http_requests_total", ["method": "GET", "route": "/healthz", "status": "200"]) == 3)
            #expect(
                Self.sample(
                    body, "http_requests_total",
                    ["method": "GET", "route": "/api/v1/households/:id", "status": "401"]) == 1)
            #expect(Self.sample(body, "http_requests_total", ["route": "unrouted", "status": "404"]) == 1)
            // No id of a record or of a path asked for becomes a label.
            #expect(!body.contains(id.uuidString))
            #expect(body.contains("# TYPE http_request_duration_seconds histogram"))
            #expect(
                Self.sample(body, "http_request_duration_seconds_count", ["method": "GET", "route": "/healthz"]) == 3)
            #expect(
                Self.sample(
                    body, "http_request_duration_seconds_bucket", ["route": "/healthz", "le": "+Inf"]) == 3)
            #expect(
                Self.sample(body, "http_request_duration_seconds_bucket", ["route": "/healthz", "le": "0.001"]) != nil)
            // The scrape probed the database; the pool's configured size and the build are there.
            #expect(Self.sample(body, "minzheng_database_up", ["kind": db.rawValue]) == 1)
            #expect((Self.sample(body, "minzheng_database_pool_connections", ["kind": db.rawValue]) ?? 0) >= 1)
            #expect(Self.sample(body, "minzheng_build_info", ["version": "dev"]) == 1)
            #expect((Self.sample(body, "process_start_time_seconds") ?? 0) > 1_700_000_000)
            // The scrape being answered is in flight while it renders.
            #expect(Self.sample(body, "http_requests_in_flight") == 1)

            // The next scrape counts the first.
            let again = try await Self.scrape(app).body.string
            #expect(
                Self.sample(again, "http_requests_total", ["method": "GET", "route": "/metrics", "status": "200"]) == 1)
        }
    }

    @Test("/metrics is not for the public: 401 without the token, 404 when none is configured")
    func metricsAuth() async throws {
        try await withTestApp(.sqlite, adjusting: { $0.metricsToken = Self.token }) { app in
            let none = try await Self.scrape(app, token: nil)
            #expect(none.status == .unauthorized)
            #expect(none.headers.first(name: "WWW-Authenticate")?.hasPrefix("Bearer") == true)
            #expect(!none.body.string.contains("http_requests_total"))
            let wrong = try await Self.scrape(app, token: String(Self.token.reversed()))
            #expect(wrong.status == .unauthorized)
            #expect(try wrong.json(ErrorAnswer.self).error.contains("令牌"))
            // A session cookie or a user's API token is no way in either.
            let userToken = try await app.token(role: .cityAdmin, region: "3204")
            #expect(try await Self.scrape(app, token: userToken).status == .unauthorized)
        }
        try await withTestApp(.sqlite) { app in
            let withToken = try await Self.scrape(app)
            let without = try await Self.scrape(app, token: nil)
            #expect(withToken.status == .notFound)
            #expect(without.status == .notFound)
        }
    }

    @Test("readiness: 200 when the database answers", arguments: TestDatabase.available)
    func ready(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.readiness.timeout = .seconds(60)  // a test machine busy with other suites
            let res = try await send(app, .GET, "/readyz")
            #expect(res.status == .ok)
            #expect(try res.value("status", as: String.self) == "ready")
            #expect(try res.value("database", as: String.self) == db.rawValue)
        }
    }

    @Test("readiness: 503 when the database does not answer in time, or fails", arguments: TestDatabase.available)
    func notReady(_ db: TestDatabase) async throws {
        try await withTestApp(db, adjusting: { $0.metricsToken = Self.token }) { app in
            // A database that does not answer within the hour: only the timeout can answer (no
            // bound on the wall clock, which a loaded machine would break).
            app.readiness = Readiness(
                probe: { _ in try await Task.sleep(for: .seconds(3_600)) }, timeout: .milliseconds(200))
            let hung = try await send(app, .GET, "/readyz")
            #expect(hung.status == .serviceUnavailable)
            let answer = try hung.json(ErrorAnswer.self)
            #expect(answer.error.contains("时限"))
            #expect(answer.requestId == hung.headers.first(name: "X-Request-ID"))
            // `/healthz` stays the liveness floor: it does not ask the database.
            #expect(try await send(app, .GET, "/healthz").status == .ok)
            // The scrape shows the database down (the scrape itself still answers).
            let scrape = try await Self.scrape(app)
            #expect(scrape.status == .ok)
            #expect(Self.sample(scrape.body.string, "minzheng_database_up", ["kind": db.rawValue]) == 0)

            struct Refused: Error {}
            app.readiness = Readiness(probe: { _ in throw Refused() }, timeout: .seconds(1))
            #expect(try await send(app, .GET, "/readyz").status == .serviceUnavailable)

            app.readiness = Readiness(timeout: .seconds(60))
            #expect(try await send(app, .GET, "/readyz").status == .ok)
        }
    }

    @Test("every error answer carries the request id: JSON and the error page", arguments: TestDatabase.available)
    func requestIDInErrors(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let api = try await send(app, .GET, "/api/v1/households/\(UUID())")
            #expect(api.status == .unauthorized)
            let header = try #require(api.headers.first(name: "X-Request-ID"))
            #expect(try api.json(ErrorAnswer.self).requestId == header)

            let page = try await send(app, .GET, "/no-such-page")
            #expect(page.status == .notFound)
            let pageHeader = try #require(page.headers.first(name: "X-Request-ID"))
            #expect(page.body.string.contains(#"<code class="request-id">\#(pageHeader)</code>"#))

            // A proxy's sane id is kept, in the header, the body and the audit trail's key.
            let proxied = "nginx-5f2c9a0e41d7b3c8a9e0f1d2c3b4a596"
            let kept = try await send(app, .GET, "/api/v1/households/\(UUID())", headers: ["X-Request-ID": proxied])
            #expect(kept.headers.first(name: "X-Request-ID") == proxied)
            #expect(try kept.json(ErrorAnswer.self).requestId == proxied)
        }
    }

    @Test(
        "a malicious or malformed X-Request-ID is replaced",
        arguments: [
            "<script>alert(1)</script>", String(repeating: "a", count: 129), "tiny-id", "id with spaces 12345",
            "ok-but-then\u{7f}", "请求编号一二三四五六七八",
        ])
    func maliciousRequestID(_ incoming: String) async throws {
        try await withTestApp(.sqlite) { app in
            for path in ["/api/v1/households/\(UUID())", "/no-such-page"] {
                let res = try await send(app, .GET, path, headers: ["X-Request-ID": incoming])
                let echoed = try #require(res.headers.first(name: "X-Request-ID"))
                #expect(echoed != incoming)
                #expect(RequestID.isSane(echoed))
                #expect(UUID(uuidString: echoed) != nil)
                #expect(!res.body.string.contains(incoming))
                #expect(res.body.string.contains(echoed))
            }
        }
    }

    @Test("an error past the error renderer (the sessions middleware's database down) is still answered, with the id")
    func lastResort() async throws {
        struct SessionStoreDown: Error {}
        struct Failing: AsyncResponder {
            func respond(to request: Request) async throws -> Response { throw SessionStoreDown() }
        }
        try await withTestApp(.sqlite) { app in
            for (path, json) in [("/api/v1/households", true), ("/households", false)] {
                let request = Request(
                    application: app, method: .GET, url: URI(path: path),
                    headers: ["X-Request-ID": "bad id"], on: app.eventLoopGroup.next())
                let response = try await RequestIDLogging().respond(to: request, chainingTo: Failing())
                #expect(response.status == .internalServerError)
                let id = try #require(response.headers.first(name: "X-Request-ID"))
                #expect(RequestID.isSane(id))
                let body = response.body.string ?? ""
                #expect(body.contains(id))
                #expect(body.contains("服务器内部错误"))
                #expect((response.headers.contentType == .json) == json)
            }
        }
    }

    @Test("sane request ids: a UUID, nginx's $request_id, a trace id; nothing else")
    func saneIDs() {
        #expect(RequestID.isSane(UUID().uuidString))
        #expect(RequestID.isSane("5f2c9a0e41d7b3c8a9e0f1d2c3b4a596"))
        #expect(RequestID.isSane("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
        #expect(RequestID.isSane("Root:1-67891233.abcdef012345678912345678"))
        #expect(!RequestID.isSane(""))
        #expect(!RequestID.isSane("1234567"))
        #expect(!RequestID.isSane("a\nb-injected-line"))
        #expect(!RequestID.isSane("a\"b}c{d=1234"))
        #expect(!RequestID.isSane(String(repeating: "x", count: 129)))
    }

    @Test("bulk jobs' progress: running, least advanced percent, finished by outcome, no job id in labels")
    func jobProgress() {
        let metrics = AppMetrics(buildVersion: "test", startedAt: Date())
        let (first, second) = (UUID(), UUID())
        metrics.jobs.started(first, kind: .householdImport)
        metrics.jobs.started(second, kind: .householdImport)
        metrics.jobs.progressed(first, kind: .householdImport, percent: 70)
        metrics.jobs.progressed(second, kind: .householdImport, percent: 30)
        var body = String(decoding: metrics.exposition(now: Date()), as: UTF8.self)
        #expect(Self.sample(body, "minzheng_background_jobs_running", ["kind": "import"]) == 2)
        #expect(Self.sample(body, "minzheng_background_job_progress_percent", ["kind": "import"]) == 30)
        #expect(Self.sample(body, "minzheng_background_jobs_started_total", ["kind": "import"]) == 2)
        #expect(
            (Self.sample(body, "minzheng_background_job_last_progress_timestamp_seconds", ["kind": "import"]) ?? 0) > 0)

        metrics.jobs.finished(second, kind: .householdImport, failed: false)
        body = String(decoding: metrics.exposition(now: Date()), as: UTF8.self)
        #expect(Self.sample(body, "minzheng_background_jobs_running", ["kind": "import"]) == 1)
        #expect(Self.sample(body, "minzheng_background_job_progress_percent", ["kind": "import"]) == 70)
        metrics.jobs.finished(first, kind: .householdImport, failed: true)
        body = String(decoding: metrics.exposition(now: Date()), as: UTF8.self)
        #expect(Self.sample(body, "minzheng_background_jobs_running", ["kind": "import"]) == 0)
        #expect(
            Self.sample(body, "minzheng_background_jobs_finished_total", ["kind": "import", "outcome": "done"]) == 1)
        #expect(
            Self.sample(body, "minzheng_background_jobs_finished_total", ["kind": "import", "outcome": "failed"]) == 1)
        #expect(!body.contains(first.uuidString) && !body.contains(second.uuidString))
    }
}
