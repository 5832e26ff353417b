@testable import App
import Foundation
import MinzhengCore
import Testing
import VaporTesting

/// The upload naming that fuzz-upload checks (FuzzFindingsTests), end to end through the
/// multipart API: the stored name is the last part of what was sent, and the download header
/// carries it percent-encoded.
@Suite("Upload names through the API")
struct UploadNameTests {
    @Test(
        "a document sent with folders in its name is stored under its last part and served with an ASCII header",
        arguments: TestDatabase.available)
    func storedAndServed(db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await ApplicationFlowTests.fixture(app)
            let a = try await ApplicationFlowTests.dibaoApplication(f)
            let pdf = Array("%PDF-1.7\n收入证明".utf8)
            let (headers, body) = multipartForm(
                fields: [("requirement", "incomeProof")],
                file: ("file", "docs/2024/收入 证明.pdf", "application/pdf", pdf), headers: .bearer(f.resident))
            let sent = try await app.testing().performTest(
                request: TestingHTTPRequest(
                    method: .POST, url: URI(path: "/api/v1/applications/\(a.id)/documents"), headers: headers,
                    body: body))
            #expect(sent.status == .created)
            let id: String = try sent.value("id")
            let download = try await send(
                app, .GET, "/api/v1/applications/\(a.id)/documents/\(id)", token: f.streetOfficer)
            #expect(download.status == .ok)
            #expect(
                download.headers.first(name: .contentDisposition)
                    == "inline; filename*=UTF-8''%E6%94%B6%E5%85%A5%20%E8%AF%81%E6%98%8E.pdf")
        }
    }
}
