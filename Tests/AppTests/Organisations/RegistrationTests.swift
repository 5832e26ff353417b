@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// Establishment, change and deregistration of social organisations as applications through the
/// workflow (the `registry` flow), the registration certificate they issue, supersede and
/// withdraw, revocation and the unreachable mark (issue 17 item 1).
@Suite("Social organisations: registrations through the workflow and the certificate")
struct RegistrationTests {
    struct Filed: Decodable {
        let id: UUID
        let version: Int
        let type: String
        let state: String
        let organisationId: UUID?
        let creditCode: String?
    }

    struct Detail: Decodable {
        struct Step: Decodable {
            let action: String
            let to: String
        }
        struct Choice: Decodable {
            let code: String
        }
        let application: Filed
        let steps: [Step]
        let actions: [Choice]
    }

    struct Certificate: Decodable {
        let id: UUID
        let number: String
        let title: String
        let issuedOn: String
        let validUntil: String
        let status: String
        let creditCode: String
        let name: String
        let kind: String
        let domicile: String
        let legalRepresentativeName: String
        let businessScope: String
        let supervisingUnit: String?
        let registeredCapitalFen: Int64
        let registeredOn: String
    }

    struct Organisation: Decodable {
        struct Record: Decodable {
            let id: UUID
            let name: String
            let domicile: String
            let status: String
            let legalRepresentativeName: String
            let registeredCapitalFen: Int64
            let unreachableSince: String?
        }
        struct Entry: Decodable {
            let status: String
            let reason: String
        }
        struct Change: Decodable {
            let field: String
            let oldValue: String
            let newValue: String
        }
        struct Notice: Decodable {
            let kind: String
            let isPublic: Bool
        }
        let organisation: Record
        let history: [Entry]
        let certificates: [Certificate]
        let changes: [Change]
        let notices: [Notice]
    }

    static let today = CivilDate(year: 2026, month: 3, day: 10)!

    static var establishment: [String: Any] {
        [
            "type": "establishment", "kind": "socialGroup", "name": "常州市天宁区邻里互助协会", "region": "320402001",
            "domicile": "天宁区青龙街道龙锦路8号", "businessScope": "邻里互助、志愿服务", "supervisingUnit": "天宁区民政局",
            "registeredCapitalFen": 3_000_000, "legalRepresentativeName": "李娜",
            "legalRepresentativeIdNumber": residentID("32040219850101002"),
        ]
    }

    static func code(_ body: String, kind: OrganisationKind = .socialGroup) -> String {
        UnifiedSocialCreditCode.make(kind: kind, region: "320402", body: body)
    }

    /// Takes the step and expects `status`; the application after it when it succeeded.
    @discardableResult
    static func step(
        _ app: Application, _ token: String, _ id: UUID, _ action: String, note: String? = nil,
        code: String? = nil, expect status: HTTPStatus = .ok
    ) async throws -> TestingHTTPResponse {
        let current = try await send(app, .GET, "/api/v1/organisation-applications/\(id)", token: token)
        let version = (try? current.json(Detail.self).application.version) ?? 1
        var json: [String: Any] = ["action": action, "version": version]
        if let note { json["note"] = note }
        if let code { json["creditCode"] = code }
        let res = try await send(
            app, .POST, "/api/v1/organisation-applications/\(id)/actions", token: token, json: json)
        #expect(res.status == status, "\(action): \(res.body.string)")
        return res
    }

    static func submit(_ app: Application, _ token: String, _ json: [String: Any]) async throws -> Filed {
        let res = try await send(app, .POST, "/api/v1/organisation-applications", token: token, json: json)
        #expect(res.status == .created, "\(res.body.string)")
        return try res.json(Filed.self)
    }

    static func organisation(_ app: Application, _ token: String, _ id: UUID) async throws -> Organisation {
        let res = try await send(app, .GET, "/api/v1/organisations/\(id)", token: token)
        #expect(res.status == .ok, "\(res.body.string)")
        return try res.json(Organisation.self)
    }

    /// Establishes an organisation through the workflow as the clerk; its id.
    static func established(_ app: Application, _ clerk: String, body: String, name: String) async throws -> UUID {
        var json = establishment
        json["name"] = name
        let a = try await submit(app, clerk, json)
        for action in ["accept", "review"] { try await step(app, clerk, a.id, action) }
        let approved = try await step(app, clerk, a.id, "approve", code: code(body)).json(Filed.self)
        return try #require(approved.organisationId)
    }

    @Test(
        "establishment: a resident applies, the clerk accepts, reviews and approves with the code; the certificate",
        arguments: TestDatabase.available)
    func establishmentFlow(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let clerk = try await app.token(role: .districtOfficer, region: "320402")
            let otherClerk = try await app.token(role: .districtOfficer, region: "320404")
            let resident = try await app.token(role: .resident, region: "320402001")
            let neighbour = try await app.token(role: .resident, region: "320402001")
            let a = try await Self.submit(app, resident, Self.establishment)
            #expect(a.state == "submitted" && a.type == "establishment")
            // A field at fault is named.
            var bad = Self.establishment
            bad["kind"] = "club"
            let badKind = try await send(app, .POST, "/api/v1/organisation-applications", token: resident, json: bad)
            #expect(badKind.status == .badRequest)
            #expect(try badKind.json(ErrorAnswer.self).field == "kind")
            // Another resident and another district's clerk do not see it.
            for token in [neighbour, otherClerk] {
                let res = try await send(app, .GET, "/api/v1/organisation-applications/\(a.id)", token: token)
                #expect(res.status == .notFound)
            }
            // The wrong state: approving what is only submitted is a 409 naming the state.
            try await Self.step(app, clerk, a.id, "approve", code: Self.code("MJ200001"), expect: .conflict)
            try await Self.step(app, clerk, a.id, "accept")
            try await Self.step(app, clerk, a.id, "review")
            // The resident can see it but not approve it.
            try await Self.step(app, resident, a.id, "approve", code: Self.code("MJ200001"), expect: .forbidden)
            let detail = try await send(app, .GET, "/api/v1/organisation-applications/\(a.id)", token: resident)
                .json(Detail.self)
            #expect(detail.actions.map(\.code) == ["withdraw"])
            // A bad code: 400 naming creditCode, with the reason.
            let good = Self.code("MJ200001")
            for (code, reason) in [
                (String(good.dropLast()), "length"), (Self.code("MJ200001", kind: .foundation), "typeMismatch"),
            ] {
                let res = try await Self.step(app, clerk, a.id, "approve", code: code, expect: .badRequest)
                let answer = try res.json(ErrorAnswer.self)
                #expect(answer.field == "creditCode")
                #expect(answer.error.contains("（\(reason)）"), "\(answer.error)")
            }
            let approved = try await Self.step(app, clerk, a.id, "approve", note: "准予登记", code: good.lowercased())
                .json(Filed.self)
            #expect(approved.state == "approved" && approved.creditCode == good)
            let id = try #require(approved.organisationId)
            let o = try await Self.organisation(app, clerk, id)
            #expect(o.organisation.name == "常州市天宁区邻里互助协会" && o.organisation.status == "normal")
            #expect(o.organisation.legalRepresentativeName == "李娜")
            // The certificate with the fields printed.
            let c = try #require(o.certificates.first)
            #expect(o.certificates.count == 1)
            #expect(c.number == "常民社证字第 2026-00001 号" && c.title == "社会团体法人登记证书")
            #expect(c.issuedOn == "2026-03-10" && c.validUntil == "2031-03-09" && c.status == "current")
            #expect(c.creditCode == good && c.name == "常州市天宁区邻里互助协会" && c.kind == "socialGroup")
            #expect(c.domicile == "天宁区青龙街道龙锦路8号" && c.legalRepresentativeName == "李娜")
            #expect(c.businessScope == "邻里互助、志愿服务" && c.supervisingUnit == "天宁区民政局")
            #expect(c.registeredCapitalFen == 3_000_000 && c.registeredOn == "2026-03-10")
            let one = try await send(app, .GET, "/api/v1/organisation-certificates/\(c.id)", token: clerk)
            #expect(try one.json(Certificate.self).number == c.number)
            #expect(
                try await send(app, .GET, "/api/v1/organisation-certificates/\(c.id)", token: otherClerk).status
                    == .notFound)
            // The printable page.
            let cookie = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320402")
            let page = try await AccountFixtures.get(app, "/organisation-certificates/\(c.id)", cookie: cookie)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("社会团体法人登记证书") && page.body.string.contains(good))
            #expect(page.body.string.contains("@page { size: A4"))
            // The steps, and nothing more once approved: 409.
            let steps = try await send(app, .GET, "/api/v1/organisation-applications/\(a.id)", token: clerk)
                .json(Detail.self).steps
            #expect(steps.count == 3 && Set(steps.map(\.action)) == ["accept", "review", "approve"])
            try await Self.step(app, clerk, a.id, "reject", note: "x", expect: .conflict)
            // The same code again: 409 naming creditCode.
            let twin = try await Self.submit(app, clerk, Self.establishment)
            for action in ["accept", "review"] { try await Self.step(app, clerk, twin.id, action) }
            let again = try await Self.step(app, clerk, twin.id, "approve", code: good, expect: .conflict)
            #expect(try again.json(ErrorAnswer.self).field == "creditCode")
            #expect(try await Self.organisation(app, clerk, id).certificates.count == 1)
            // Audited.
            let audited = try await app.sql.raw(
                "SELECT action FROM audit_events WHERE action LIKE 'registration.%' OR action LIKE 'organisation.certificate%'"
            ).all().map { try $0.decode(column: "action", as: String.self) }
            #expect(
                Set(audited).isSuperset(of: [
                    "registration.submit", "registration.approve", "organisation.certificate.issue",
                ]))
        }
    }

    @Test(
        "change by the organisation's account: the record changes, the old values kept, a new certificate",
        arguments: TestDatabase.available)
    func changeFlow(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let clerk = try await app.token(role: .districtOfficer, region: "320402")
            let id = try await Self.established(app, clerk, body: "MJ300001", name: "常州市天宁区读书协会")
            let other = try await Self.established(app, clerk, body: "MJ300002", name: "常州市天宁区科普协会")
            let secretary = try await OrganisationTests.account(app, clerk, id, "reading")
            let otherSecretary = try await OrganisationTests.account(app, clerk, other, "science")
            // Nothing to change: 400; another organisation's: 404.
            let empty = try await send(
                app, .POST, "/api/v1/organisation-applications", token: secretary, json: ["type": "change"])
            #expect(empty.status == .badRequest)
            let foreign = try await send(
                app, .POST, "/api/v1/organisation-applications", token: secretary,
                json: ["type": "change", "organisationId": other.uuidString, "name": "x"])
            #expect(foreign.status == .notFound)
            let a = try await Self.submit(
                app, secretary,
                [
                    "type": "change", "name": "常州市天宁区全民阅读促进会", "domicile": "天宁区红梅街道竹林路1号",
                    "legalRepresentativeName": "周杰", "legalRepresentativeIdNumber": residentID("32040219790505003"),
                ])
            #expect(a.organisationId == id)
            // One open application at a time.
            let second = try await send(
                app, .POST, "/api/v1/organisation-applications", token: secretary,
                json: ["type": "change", "registeredCapitalFen": 100])
            #expect(second.status == .conflict)
            #expect(try second.json(ErrorAnswer.self).field == "organisationId")
            // Another organisation's account: 404 on the application and on the certificates.
            #expect(
                try await send(app, .GET, "/api/v1/organisation-applications/\(a.id)", token: otherSecretary).status
                    == .notFound)
            #expect(
                try await send(app, .GET, "/api/v1/organisations/\(id)/certificates", token: otherSecretary).status
                    == .notFound)
            // The organisation cannot accept its own application.
            try await Self.step(app, secretary, a.id, "accept", expect: .forbidden)
            for action in ["accept", "review", "approve"] { try await Self.step(app, clerk, a.id, action) }
            let o = try await Self.organisation(app, secretary, id)
            #expect(o.organisation.name == "常州市天宁区全民阅读促进会" && o.organisation.domicile == "天宁区红梅街道竹林路1号")
            #expect(o.organisation.legalRepresentativeName == "周杰")
            let changed = Dictionary(uniqueKeysWithValues: o.changes.map { ($0.field, ($0.oldValue, $0.newValue)) })
            #expect(changed["name"]?.0 == "常州市天宁区读书协会" && changed["name"]?.1 == "常州市天宁区全民阅读促进会")
            #expect(changed["domicile"]?.0 == "天宁区青龙街道龙锦路8号")
            #expect(changed["legalRepresentative"]?.0.hasPrefix("李娜") == true)
            #expect(changed["legalRepresentative"]?.1.hasPrefix("周杰") == true)
            #expect(o.history.contains { $0.reason.hasPrefix("变更登记：名称、住所、法定代表人") })
            // The new certificate replaces the old one.
            #expect(o.certificates.map(\.status) == ["current", "superseded"])
            #expect(o.certificates[0].name == "常州市天宁区全民阅读促进会" && o.certificates[1].name == "常州市天宁区读书协会")
            #expect(o.certificates[0].number != o.certificates[1].number)
            // The capital, by the clerk this time.
            let b = try await Self.submit(
                app, clerk, ["type": "change", "organisationId": id.uuidString, "registeredCapitalFen": 5_000_000])
            for action in ["accept", "review", "approve"] { try await Self.step(app, clerk, b.id, action) }
            let after = try await Self.organisation(app, clerk, id)
            #expect(after.organisation.registeredCapitalFen == 5_000_000)
            #expect(after.certificates.map(\.status) == ["current", "superseded", "superseded"])
            #expect(after.changes.contains { $0.field == "registeredCapitalFen" && $0.oldValue == "3000000" })
        }
    }

    @Test(
        "deregistration: the reason required, the status and its history, the certificate withdrawn",
        arguments: TestDatabase.available)
    func deregistrationFlow(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let clerk = try await app.token(role: .districtOfficer, region: "320402")
            let id = try await Self.established(app, clerk, body: "MJ400001", name: "常州市天宁区环保协会")
            let secretary = try await OrganisationTests.account(app, clerk, id, "green")
            let noReason = try await send(
                app, .POST, "/api/v1/organisation-applications", token: secretary, json: ["type": "deregistration"])
            #expect(noReason.status == .badRequest)
            #expect(try noReason.json(ErrorAnswer.self).field == "reason")
            let a = try await Self.submit(app, secretary, ["type": "deregistration", "reason": "清算完毕，自行解散"])
            try await Self.step(app, clerk, a.id, "accept")
            // Returned for documents and resubmitted: back to where it was.
            try await Self.step(app, clerk, a.id, "returnForDocuments", expect: .badRequest)
            try await Self.step(app, clerk, a.id, "returnForDocuments", note: "请补交清算报告")
            try await Self.step(app, secretary, a.id, "resubmit")
            #expect(
                try await send(app, .GET, "/api/v1/organisation-applications/\(a.id)", token: clerk).json(Detail.self)
                    .application.state == "accepted")
            for action in ["review", "approve"] { try await Self.step(app, clerk, a.id, action) }
            let o = try await Self.organisation(app, clerk, id)
            #expect(o.organisation.status == "deregistered")
            #expect(o.history.contains { $0.status == "deregistered" && $0.reason == "注销登记：清算完毕，自行解散" })
            #expect(o.certificates.map(\.status) == ["withdrawn"])
            // Nothing more for a deregistered organisation.
            let again = try await send(
                app, .POST, "/api/v1/organisation-applications", token: clerk,
                json: ["type": "change", "organisationId": id.uuidString, "name": "x"])
            #expect(again.status == .conflict)
        }
    }

    @Test(
        "revocation and the unreachable mark: the clerk, with the reason, listed and noticed",
        arguments: TestDatabase.available)
    func revocationAndUnreachable(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let clerk = try await app.token(role: .districtOfficer, region: "320402")
            let street = try await app.token(role: .streetOfficer, region: "320402001")
            let id = try await Self.established(app, clerk, body: "MJ500001", name: "常州市天宁区非遗传承协会")
            let path = "/api/v1/organisations/\(id)"
            #expect(try await send(app, .POST, path + "/unreachable", token: street, json: [:]).status == .forbidden)
            let marked = try await send(
                app, .POST, path + "/unreachable", token: clerk, json: ["since": "2026-02-01", "reason": "两次实地核查无人"])
            #expect(marked.status == .ok, "\(marked.body.string)")
            var o = try await Self.organisation(app, clerk, id)
            #expect(o.organisation.unreachableSince == "2026-02-01" && o.organisation.status == "abnormal")
            #expect(o.notices.contains { $0.kind == "abnormal" && $0.isPublic })
            #expect(try await send(app, .POST, path + "/unreachable", token: clerk, json: [:]).status == .conflict)
            #expect(try await send(app, .DELETE, path + "/unreachable", token: clerk).status == .ok)
            o = try await Self.organisation(app, clerk, id)
            #expect(o.organisation.unreachableSince == nil && o.organisation.status == "normal")
            #expect(try await send(app, .DELETE, path + "/unreachable", token: clerk).status == .conflict)
            // Revocation.
            let noReason = try await send(app, .POST, path + "/revocation", token: clerk, json: [:])
            #expect(noReason.status == .badRequest)
            #expect(try noReason.json(ErrorAnswer.self).field == "reason")
            #expect(
                try await send(app, .POST, path + "/revocation", token: street, json: ["reason": "x"]).status
                    == .forbidden)
            let revoked = try await send(
                app, .POST, path + "/revocation", token: clerk, json: ["reason": "以社会组织名义进行违法活动"])
            #expect(revoked.status == .ok, "\(revoked.body.string)")
            o = try await Self.organisation(app, clerk, id)
            #expect(o.organisation.status == "revoked")
            #expect(o.notices.contains { $0.kind == "serious" && $0.isPublic })
            #expect(o.notices.contains { $0.kind == "revoked" && $0.isPublic })
            #expect(o.certificates.map(\.status) == ["withdrawn"])
            #expect(
                try await send(app, .POST, path + "/revocation", token: clerk, json: ["reason": "x"]).status
                    == .conflict)
        }
    }

    @Test(
        "the pages: the clerk's list and application, the step through the form, the organisation's forms",
        arguments: TestDatabase.available)
    func pages(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let clerk = try await app.token(role: .districtOfficer, region: "320402")
            let a = try await Self.submit(app, clerk, Self.establishment)
            let cookie = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320402")
            let list = try await AccountFixtures.get(app, "/organisation-applications", cookie: cookie)
            #expect(list.status == .ok && list.body.string.contains("/organisation-applications/\(a.id)"))
            let form = try await AccountFixtures.get(
                app, "/organisation-applications/new?type=establishment", cookie: cookie)
            #expect(form.status == .ok)
            let visit = try await FormVisit.open(app, "/organisation-applications/\(a.id)", cookie: cookie)
            #expect(visit.page.body.string.contains("value=\"accept\""))
            let accepted = try await visit.post(
                app, "/organisation-applications/\(a.id)/actions", [("action", "accept"), ("version", "1")])
            #expect(accepted.status == .seeOther || accepted.status == .found, "\(accepted.body.string)")
            let stale = try await visit.post(
                app, "/organisation-applications/\(a.id)/actions", [("action", "review"), ("version", "1")])
            #expect(stale.status == .conflict)
        }
    }

    @Test("the demo: applications in each state and issued certificates", arguments: TestDatabase.available)
    func demo(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await DemoOrganisations.seed(app, count: 40)
            let registrar = CurrentUser(
                id: UUID(), username: "demo", displayName: "演示登记员", role: .cityAdmin, region: RegionTable.changzhou,
                department: nil)
            let (applications, certificates) = try await DemoRegistrations.seed(app, registrar: registrar)
            #expect(applications == DemoRegistrations.establishments.count + 4)
            #expect(certificates == 3)
            let states = try await app.sql.raw("SELECT state FROM organisation_applications").all().map {
                try $0.decode(column: "state", as: String.self)
            }
            #expect(Set(states) == ["submitted", "accepted", "reviewed", "returned", "rejected", "approved"])
        }
    }
}
