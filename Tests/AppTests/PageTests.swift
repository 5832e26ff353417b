@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

@Suite("Pages")
struct PageTests {
    /// Signs in through the real form and returns the session cookie header.
    static func signIn(
        _ app: Application, password: String = "correct horse battery"
    ) async throws -> (TestingHTTPResponse, String) {
        let login = try await send(app, .GET, "/login")
        let cookie = login.headers.setCookie?["minzheng_session"]?.string ?? ""
        let csrf = login.body.string.firstMatch(of: /name="_csrf" value="([^"]+)"/)!.1
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: "minzheng_session=\(cookie)")
        headers.contentType = .urlEncodedForm
        var request = TestingHTTPRequest(
            method: .POST, url: URI(path: "/login"), headers: headers,
            body: ByteBuffer(
                string:
                    "username=officer&password=\(password)&next=%2Fhouseholds&_csrf=\(csrf.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
            ))
        request.headers.contentType = .urlEncodedForm
        let res = try await app.testing().performTest(request: request)
        return (res, res.headers.setCookie?["minzheng_session"]?.string ?? cookie)
    }

    @Test(
        "sign in through the form, see the household list, and nothing without the session",
        arguments: TestDatabase.available)
    func signInAndList(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await AccountStore(db: app.sql).createUser(
                username: "officer", displayName: "街道经办", password: "correct horse battery", role: .streetOfficer,
                region: RegionCode("320402001")!, hash: app.hashPassword)
            let anonymous = try await send(app, .GET, "/households")
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers.first(name: .location)?.hasPrefix("/login") == true)
            let (res, cookie) = try await Self.signIn(app)
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == "/households")
            let cookieAttributes = res.headers[.setCookie].joined()
            #expect(cookieAttributes.contains("HttpOnly"))
            #expect(cookieAttributes.contains("SameSite=Lax"))
            let list = try await send(app, .GET, "/households", headers: ["Cookie": "minzheng_session=\(cookie)"])
            #expect(list.status == .ok)
            #expect(list.body.string.contains("家庭档案"))
        }
    }

    @Test("a wrong password shows the error on the page")
    func wrongPassword() async throws {
        try await withTestApp(.sqlite) { app in
            _ = try await AccountStore(db: app.sql).createUser(
                username: "officer", displayName: "街道经办", password: "correct horse battery", role: .streetOfficer,
                region: RegionCode("320402001")!, hash: app.hashPassword)
            let (res, _) = try await Self.signIn(app, password: "not the password")
            #expect(res.status == .unauthorized)
            #expect(res.body.string.contains("用户名或密码错误"))
        }
    }

    @Test("a form posted without the CSRF token is refused")
    func csrf() async throws {
        try await withTestApp(.sqlite) { app in
            var request = TestingHTTPRequest(
                method: .POST, url: URI(path: "/login"), headers: [:],
                body: ByteBuffer(string: "username=a&password=b"))
            request.headers.contentType = .urlEncodedForm
            let res = try await app.testing().performTest(request: request)
            #expect(res.status == .forbidden)
            #expect(res.body.string.contains("CSRF"))
        }
    }
}
