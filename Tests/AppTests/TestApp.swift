@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The databases every database test runs against: SQLite always, PostgreSQL too when
/// `DATABASE_URL` names one. `MINZHENG_TEST_DATABASES=postgres` leaves SQLite out: CI runs the
/// SQLite cases in its own step first, and running them again beside PostgreSQL cost ~5 minutes.
enum TestDatabase: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    static var available: [TestDatabase] {
        let environment = ProcessInfo.processInfo.environment
        let reachable: [TestDatabase] =
            environment["DATABASE_URL"].map { $0.hasPrefix("postgres") } == true ? [.sqlite, .postgres] : [.sqlite]
        guard let only = environment["MINZHENG_TEST_DATABASES"], !only.isEmpty else { return reachable }
        // A misspelt name or an unreachable database would otherwise run no database test at all.
        let names = only.split(separator: ",")
        let known = names.compactMap { TestDatabase(rawValue: String($0)) }
        guard known.count == names.count, known.allSatisfy(reachable.contains) else {
            fatalError("MINZHENG_TEST_DATABASES=\(only): each must be one of \(reachable.map(\.rawValue))")
        }
        return known
    }

    var testDescription: String { rawValue }
}

/// Boots the app through the same `configure` as `serve`, on a fresh database, and tears
/// it down afterwards.
func withTestApp(
    _ database: TestDatabase, adjusting adjust: (inout AppConfig) -> Void = { _ in },
    _ body: (Application) async throws -> Void
) async throws {
    try await PostgresTestGate.run(database) { try await runTestApp(database, adjusting: adjust, body) }
}

private func runTestApp(
    _ database: TestDatabase, adjusting adjust: (inout AppConfig) -> Void,
    _ body: (Application) async throws -> Void
) async throws {
    let scratch = try await ScratchDatabase.make(
        postgresURL: database == .postgres ? ProcessInfo.processInfo.environment["DATABASE_URL"] : nil)
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    var config = scratch.config
    adjust(&config)
    do {
        try await configure(app, config: config)
        try await prepareDatabase(app)
        try await body(app)
    } catch {
        try await app.asyncShutdown()
        await scratch.drop()
        throw error
    }
    try await app.asyncShutdown()
    await scratch.drop()
}

extension Application {
    /// Creates a user and returns a bearer token for it.
    func token(role: Role, region: String, username: String = "u\(UUID().uuidString.prefix(8))") async throws -> String
    {
        let store = AccountStore(db: db as! SQLDatabase)
        let id = try await store.createUser(
            username: username, displayName: username, password: "correct horse battery",
            role: role, region: RegionCode(region)!, hash: hashPassword)
        return try await store.issueToken(userID: id, name: "test")
    }
}

extension HTTPHeaders {
    static func bearer(_ token: String) -> HTTPHeaders {
        var h = HTTPHeaders()
        h.bearerAuthorization = BearerAuthorization(token: token)
        return h
    }
}

/// Valid ID numbers for tests: the check character computed, never typed by hand.
func residentID(_ first17: String) -> String {
    first17 + String(UnicodeScalar(ResidentID.checkCharacter(for: Array(first17.utf8)[0..<17])))
}

struct ErrorAnswer: Decodable {
    let error: String
    let field: String?
    var requestId: String?
}

/// One request through the app in memory; `json` is sent as the JSON body.
func send(
    _ app: Application, _ method: HTTPMethod, _ path: String, token: String? = nil, json: Any? = nil,
    headers: HTTPHeaders = [:]
) async throws -> TestingHTTPResponse {
    var request = TestingHTTPRequest(method: method, url: URI(path: path), headers: headers, body: ByteBuffer())
    if let token { request.headers.bearerAuthorization = BearerAuthorization(token: token) }
    if let json {
        request.headers.contentType = .json
        request.body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: json))
    }
    return try await app.testing().performTest(request: request)
}

extension TestingHTTPResponse {
    func json<T: Decodable>(_ type: T.Type = T.self) throws -> T { try content.decode(T.self) }
    func value<T: Decodable>(_ key: String, as type: T.Type = T.self) throws -> T { try content.get(T.self, at: key) }
}

/// A browser's visit to a form page: its session cookie and CSRF token, for posting back.
struct FormVisit {
    let page: TestingHTTPResponse
    let cookie: String
    let csrf: String

    static func open(_ app: Application, _ path: String, cookie: String? = nil) async throws -> FormVisit {
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: .cookie, value: "minzheng_session=\(cookie)") }
        let page = try await send(app, .GET, path, headers: headers)
        let csrf = String(page.body.string.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1 ?? "")
        return FormVisit(
            page: page, cookie: page.headers.setCookie?["minzheng_session"]?.string ?? cookie ?? "", csrf: csrf)
    }

    /// Posts the fields as a urlencoded form with this visit's cookie and token.
    func post(_ app: Application, _ path: String, _ fields: [(String, String)]) async throws -> TestingHTTPResponse {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = ([("_csrf", csrf)] + fields)
            .map {
                "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)"
            }
            .joined(separator: "&")
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: "minzheng_session=\(cookie)")
        headers.contentType = .urlEncodedForm
        return try await app.testing().performTest(
            request: TestingHTTPRequest(
                method: .POST, url: URI(path: path), headers: headers,
                body: ByteBuffer(string: body)))
    }
}

/// A multipart/form-data body as a browser sends an upload form: text fields, then one file.
func multipartForm(
    fields: [(String, String)] = [], file: (field: String, filename: String, type: String, bytes: [UInt8]),
    headers: HTTPHeaders = [:]
) -> (HTTPHeaders, ByteBuffer) {
    let boundary = "----minzheng"
    var body = ByteBuffer()
    for (name, value) in fields {
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
    }
    body.writeString(
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.filename)\"\r\nContent-Type: \(file.type)\r\n\r\n"
    )
    body.writeBytes(file.bytes)
    body.writeString("\r\n--\(boundary)--\r\n")
    var headers = headers
    headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
    return (headers, body)
}

extension Application {
    /// The app's password hasher (bcrypt at the tests' low cost), for accounts tests create.
    var hashPassword: @Sendable (String) throws -> String { { [self] in try password.hash($0) } }
}
