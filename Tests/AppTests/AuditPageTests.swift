@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// Issue 13: the audit page speaks Chinese, links each object to its page and filters by a chosen action.
@Suite("Audit page words and links")
struct AuditPageTests {
    @Test(
        "actions and objects are named in Chinese, objects link to their pages, the action is chosen from a list; the CSV says the same",
        arguments: TestDatabase.available)
    func page(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            let created = try await send(
                app, .POST, "/api/v1/households", token: admin,
                json: RegistryAPITests.household(region: "320402001", headID: residentID("32040219650312401")))
            let household = try created.json(HouseholdDetail.self)
            let person = try #require(household.members.first?.personId)
            let auditor = try await PolicyPageTests.signedIn(app, role: .auditor, region: "320402")
            let headers: HTTPHeaders = ["Cookie": "minzheng_session=\(auditor)"]

            let page = try await send(app, .GET, "/audit", headers: headers).body.string
            #expect(page.contains("<td>登记家庭</td>"))
            #expect(page.contains("<td>登记人员</td>"))
            #expect(!page.contains("household.create</"))
            #expect(page.contains(#"<a href="/households/\#(household.id)">家庭</a>"#))
            #expect(page.contains(#"<a href="/persons/\#(person)">人员</a>"#))
            #expect(page.contains(#"<select id="f-action" name="action">"#))
            #expect(page.contains(#"<option value="person.viewIdentity">查看完整身份证号</option>"#))

            let filtered = try await send(app, .GET, "/audit?action=household.create", headers: headers)
            #expect(filtered.body.string.contains("共 1 条"))
            #expect(filtered.body.string.contains(#"<option value="household.create" selected>登记家庭</option>"#))
            let unknown = try await send(app, .GET, "/audit?action=household.nonsense", headers: headers)
            #expect(unknown.status == .badRequest)
            #expect(unknown.body.string.contains("请从列表中选择操作"))
            #expect(
                unknown.body.string.contains(
                    #"<select id="f-action" name="action" class="field-error" aria-invalid="true""#))

            let csv = try await send(app, .GET, "/audit.csv?action=household.create", headers: headers).body.string
            #expect(csv.hasPrefix("\u{FEFF}序号,时间（北京时间）,操作人,操作,操作代码,对象,对象编号,"))
            #expect(csv.contains(",登记家庭,household.create,家庭,\(household.id),"))
        }
    }

    @Test(
        "the next and previous pages seek from the page's edge events: the same rows as the pages by number",
        arguments: TestDatabase.available)
    func seeking(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            for i in 0..<60 {
                let created = try await send(
                    app, .POST, "/api/v1/households", token: admin,
                    json: RegistryAPITests.household(
                        region: "320402001", headID: residentID("3204021965031\(String(format: "%04d", 1000 + i))")))
                #expect(created.status == .created)
            }
            let auditor = try await PolicyPageTests.signedIn(app, role: .auditor, region: "3204")
            let headers: HTTPHeaders = ["Cookie": "minzheng_session=\(auditor)"]
            func open(_ path: String) async throws -> (rows: Substring, next: String?, previous: String?) {
                let page = try await send(
                    app, .GET, path.replacingOccurrences(of: "&amp;", with: "&"), headers: headers)
                #expect(page.status == .ok, "\(path)")
                let body = page.body.string
                let rows = body[body.range(of: "<tbody>")!.lowerBound..<body.range(of: "</tbody>")!.upperBound]
                return (
                    rows, body.firstMatch(of: /href="([^"]+)" rel="next"/).map { String($0.1) },
                    body.firstMatch(of: /href="([^"]+)" rel="prev"/).map { String($0.1) }
                )
            }
            let first = try await open("/audit?action=household.create")
            let next = try #require(first.next)
            #expect(next.contains("page=2") && next.contains("before="))
            let second = try await open(next)
            #expect(second.rows == (try await open("/audit?action=household.create&page=2")).rows)
            #expect(second.rows.contains("登记家庭") && second.next == nil)
            let back = try #require(second.previous)
            #expect(back.contains("page=1") && back.contains("after="))
            #expect((try await open(back)).rows == first.rows)
            // An edge past the end is the page by its number.
            #expect((try await open("/audit?action=household.create&page=2&before=1")).rows == second.rows)
            // An edge that is no sequence number is refused naming the field, not with a bare 400.
            for edge in ["before=99999999999999999999", "after=abc", "before=-1"] {
                let refused = try await send(app, .GET, "/audit?\(edge)", headers: headers)
                #expect(refused.status == .badRequest, "\(edge)")
                #expect(refused.body.string.contains("应为审计记录的序号"), "\(edge)")
            }
        }
    }

    /// Every action the sources record (`record("…"`, `routine("…"`, `entry("…"`), so
    /// that an action added later is named on the audit page too.
    @Test("the catalogue names every action the code records")
    func everyRecordedAction() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../Sources/App"
        ).standardized
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" }
        var found: Set<String> = []
        var prefixes: Set<String> = []
        // The action is the call's first argument, on its line or the next.
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /(?:record|routine|entry)\(\s*"([a-z_]+(?:\.[a-zA-Z_]+)+)"/) {
                found.insert(String(match.1))
            }
            for match in text.matches(of: /(?:record|routine|entry)\(\s*"([a-z_]+\.)\\\(/) {
                prefixes.insert(String(match.1))
            }
        }
        #expect(found.count > 30, "the scan found the recorded actions")
        for code in found.sorted() { #expect(AuditCatalog.knows(action: code), "\(code) has no name in AuditCatalog") }
        for prefix in prefixes.sorted() {
            #expect(AuditCatalog.actions.contains { $0.code.hasPrefix(prefix) }, "no \(prefix)… action in AuditCatalog")
        }
    }
}
