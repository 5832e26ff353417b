@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// An application from a resident's submission to an enrollment, through every level.
@Suite("Applications: the front door and the three-level review")
struct ApplicationFlowTests {
    static let street = "320402001"
    static let headID = residentID("32040219650312401")
    static let phone = "13912345678"

    struct Fixture {
        let app: Application
        let householdID: UUID
        let headPersonID: UUID
        let resident: String
        let community: String
        let streetOfficer: String
        let districtOfficer: String
    }

    /// A household of two in 320402001 (he 61 with a small pension, she 58 without income),
    /// the head registered as a resident, and the officers of each level.
    static func fixture(_ app: Application) async throws -> Fixture {
        let admin = try await app.token(role: .cityAdmin, region: "3204")
        var body = RegistryAPITests.household(region: street, headID: headID, memberID: residentID("32040219680101402"))
        var members = body["members"] as! [[String: Any]]
        members[0]["phone"] = phone
        body["members"] = members
        let household = try await send(app, .POST, "/api/v1/households", token: admin, json: body).json(
            HouseholdDetail.self)
        let head = try #require(household.members.first { $0.relation == "head" })
        let visit = try await FormVisit.open(app, "/register")
        let registered = try await visit.post(
            app, "/register",
            [
                ("name", "张建国"), ("idNumber", headID), ("phone", phone),
                ("password", "resident password 1"), ("confirmPassword", "resident password 1"),
            ])
        #expect(registered.status == .seeOther)
        let session = try await send(
            app, .POST, "/api/v1/sessions", json: ["username": headID, "password": "resident password 1"])
        #expect(session.status == .created)
        return Fixture(
            app: app, householdID: household.id, headPersonID: head.personId, resident: try session.value("token"),
            community: try await app.token(role: .communityWorker, region: street),
            streetOfficer: try await app.token(role: .streetOfficer, region: street),
            districtOfficer: try await app.token(role: .districtOfficer, region: "320402"))
    }

    static func act(
        _ f: Fixture, _ id: UUID, _ token: String, _ action: String, version: Int, note: String? = nil,
        extra: [String: Any] = [:]
    ) async throws -> TestingHTTPResponse {
        var body: [String: Any] = ["action": action, "version": version]
        if let note { body["note"] = note }
        body.merge(extra) { $1 }
        return try await send(f.app, .POST, "/api/v1/applications/\(id)/actions", token: token, json: body)
    }

    static func dibaoApplication(_ f: Fixture) async throws -> ApplicationRecord {
        let means: [String: Any] = [
            "members": [
                [
                    "personId": f.headPersonID.uuidString, "incomes": [["kind": "pension", "monthlyFen": 30000]],
                    "seriousIllness": false, "hasCapableSupporter": true, "orphan": false,
                ]
            ],
            "financialFen": 0, "vehicles": 0, "residentialProperties": 1, "ownsBusiness": false,
            "annualMedicalFen": 0, "annualEducationFen": 0, "annualRehabilitationFen": 0, "annualDisasterFen": 0,
        ]
        let created = try await send(
            f.app, .POST, "/api/v1/applications", token: f.resident, json: ["itemCode": "dibao", "means": means])
        #expect(created.status == .created, "\(created.body.string)")
        return try created.json(ApplicationRecord.self)
    }

    @Test(
        "resident submits; community accepts and investigates; street reviews and publicizes; district approves → enrollment",
        arguments: TestDatabase.available)
    func fullReview(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await Self.fixture(app)
            var a = try await Self.dibaoApplication(f)
            #expect(a.state == "submitted")
            #expect(a.flow == "civilAffairs")
            #expect(a.approvingLevel == "district")

            // The wrong role at each step is refused; the right one moves it on.
            #expect(try await Self.act(f, a.id, f.districtOfficer, "accept", version: a.version).status == .forbidden)
            #expect(try await Self.act(f, a.id, f.resident, "accept", version: a.version).status == .forbidden)
            a = try await Self.act(f, a.id, f.community, "accept", version: a.version).json(ApplicationRecord.self)
            #expect(a.state == "accepted")
            let noFindings = try await Self.act(
                f, a.id, f.community, "investigate", version: a.version, extra: ["visitedOn": "2026-11-20"])
            #expect(noFindings.status == .badRequest)
            a = try await Self.act(
                f, a.id, f.community, "investigate", version: a.version,
                extra: ["visitedOn": "2026-11-20", "findings": "老两口同住，丈夫有少量养老金"]
            ).json(ApplicationRecord.self)
            #expect(a.state == "investigated")
            #expect(a.economyCheckEligible == true)
            let dibao = try #require(a.assessment?.programs.first { $0.program == .dibao })
            // S = 1000 yuan (2022-07 on); two persons, counted income 300 yuan; he is over 60.
            #expect(dibao.monthlyFen == (100000 * 2 - 30000) + 10000)
            #expect(try await Self.act(f, a.id, f.community, "review", version: a.version).status == .forbidden)
            a = try await Self.act(f, a.id, f.streetOfficer, "review", version: a.version).json(ApplicationRecord.self)
            a = try await Self.act(f, a.id, f.streetOfficer, "publicize", version: a.version).json(
                ApplicationRecord.self)
            #expect(a.state == "publicized")

            // An objection during publicity blocks approval until resolved; so does the calendar.
            a = try await Self.act(f, a.id, f.streetOfficer, "object", version: a.version, note: "邻居反映其子有车").json(
                ApplicationRecord.self)
            #expect(a.openObjections == 1)
            // Ten days on: the publicity period (7 days) is over, the objection is still open.
            app.platform.clock = .fixed(app.platform.clock.today.adding(days: 10))
            let blocked = try await Self.act(f, a.id, f.districtOfficer, "approve", version: a.version)
            #expect(blocked.status == .conflict)
            a = try await Self.act(f, a.id, f.streetOfficer, "resolveObjection", version: a.version, note: "核实车辆已于去年出售")
                .json(ApplicationRecord.self)
            #expect(try await Self.act(f, a.id, f.streetOfficer, "approve", version: a.version).status == .forbidden)
            a = try await Self.act(f, a.id, f.districtOfficer, "approve", version: a.version, note: "同意").json(
                ApplicationRecord.self)
            #expect(a.state == "approved")
            #expect(a.monthlyFen == 180000)

            let enrollments = try await app.sql.raw(
                "SELECT item_code, monthly_fen, status, start_month FROM enrollments"
            ).all()
            #expect(enrollments.count == 1)
            #expect(try enrollments.first?.decode(column: "monthly_fen", as: Int64.self) == 180000)
            #expect(try enrollments.first?.decode(column: "item_code", as: String.self) == "dibao")

            // Nothing more may happen to a decided application; the 409 names the state.
            let late = try await Self.act(f, a.id, f.streetOfficer, "review", version: a.version)
            #expect(late.status == .conflict)
            #expect(try late.json(ErrorAnswer.self).error.contains("已批准"))
            // Every step is recorded with who did it.
            #expect(
                a.steps.map(\.action) == [
                    "submit", "accept", "investigate", "review", "publicize", "object", "resolveObjection", "approve",
                ])
            // The resident follows it; another street's officer cannot see it.
            #expect(try await send(app, .GET, "/api/v1/applications/\(a.id)", token: f.resident).status == .ok)
            let other = try await app.token(role: .streetOfficer, region: "320404001")
            #expect(try await send(app, .GET, "/api/v1/applications/\(a.id)", token: other).status == .notFound)

            // A second dibao application for the same household is flagged at intake.
            let again = try await Self.dibaoApplication(f)
            #expect(again.conflicts.count == 1)
        }
    }

    @Test(
        "a stale version is a 409; an action the state does not allow is a 409 naming the state",
        arguments: TestDatabase.available)
    func conflicts(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await Self.fixture(app)
            let a = try await Self.dibaoApplication(f)
            let stale = try await Self.act(f, a.id, f.community, "accept", version: a.version + 5)
            #expect(stale.status == .conflict)
            #expect(try stale.json(ErrorAnswer.self).field == "version")
            let early = try await Self.act(f, a.id, f.streetOfficer, "publicize", version: a.version)
            #expect(early.status == .conflict)
            #expect(try early.json(ErrorAnswer.self).error.contains("已提交"))
            let unknown = try await Self.act(f, a.id, f.streetOfficer, "fly", version: a.version)
            #expect(try unknown.json(ErrorAnswer.self).field == "action")
        }
    }

    @Test(
        "rejection with a reason the resident reads; return for documents and resubmit; withdrawal",
        arguments: TestDatabase.available)
    func sidePaths(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await Self.fixture(app)
            var a = try await Self.dibaoApplication(f)
            a = try await Self.act(f, a.id, f.community, "accept", version: a.version).json(ApplicationRecord.self)
            #expect(
                try await Self.act(f, a.id, f.community, "returnForDocuments", version: a.version).status == .badRequest
            )
            a = try await Self.act(f, a.id, f.community, "returnForDocuments", version: a.version, note: "请补充收入证明")
                .json(ApplicationRecord.self)
            #expect(a.state == "returned")
            a = try await Self.act(f, a.id, f.resident, "resubmit", version: a.version).json(ApplicationRecord.self)
            #expect(a.state == "accepted")
            a = try await Self.act(f, a.id, f.districtOfficer, "reject", version: a.version, note: "家庭人均收入高于低保标准")
                .json(ApplicationRecord.self)
            #expect(a.state == "rejected")
            let seen = try await send(app, .GET, "/api/v1/applications/\(a.id)", token: f.resident).json(
                ApplicationRecord.self)
            #expect(seen.decisionNote == "家庭人均收入高于低保标准")

            let b = try await Self.dibaoApplication(f)
            let withdrawn = try await Self.act(f, b.id, f.resident, "withdraw", version: b.version).json(
                ApplicationRecord.self)
            #expect(withdrawn.state == "withdrawn")
            #expect(
                try await app.sql.raw("SELECT COUNT(*) AS n FROM enrollments").first()?.decode(
                    column: "n", as: Int.self) == 0)
        }
    }

    @Test(
        "an item of another department goes to that department's queue and is decided there",
        arguments: TestDatabase.available)
    func referral(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await Self.fixture(app)
            let created = try await send(
                app, .POST, "/api/v1/applications", token: f.resident,
                json: ["itemCode": "medicalAssistance", "personId": f.headPersonID.uuidString])
            #expect(created.status == .created, "\(created.body.string)")
            var a = try created.json(ApplicationRecord.self)
            #expect(a.flow == "department")
            #expect(a.department == "medicalInsurance")
            let store = AccountStore(db: app.sql)
            func departmentToken(_ code: String) async throws -> String {
                let id = try await store.createUser(
                    username: "d-\(code)", displayName: code, password: "department password",
                    role: .department, region: RegionCode("3204")!, department: code, hash: app.hashPassword)
                return try await store.issueToken(userID: id, name: "test")
            }
            let medical = try await departmentToken("medicalInsurance")
            let education = try await departmentToken("education")
            #expect(try await send(app, .GET, "/api/v1/applications/\(a.id)", token: education).status == .notFound)
            #expect(try await send(app, .GET, "/api/v1/applications", token: medical).value("total", as: Int.self) == 1)
            #expect(
                try await send(app, .GET, "/api/v1/applications", token: f.streetOfficer).value("total", as: Int.self)
                    == 0)
            a = try await Self.act(f, a.id, medical, "accept", version: a.version).json(ApplicationRecord.self)
            a = try await Self.act(f, a.id, medical, "approve", version: a.version, extra: ["amountFen": 50000]).json(
                ApplicationRecord.self)
            #expect(a.state == "approved")
            #expect(a.monthlyFen == 50000)
            let seen = try await send(app, .GET, "/api/v1/applications/\(a.id)", token: f.resident).json(
                ApplicationRecord.self)
            #expect(seen.stateName == "已批准")
        }
    }

    @Test("documents: PDF, JPEG, PNG by content, 10 MB, served only to those who may see the application")
    func documents() async throws {
        try await withTestApp(.sqlite) { app in
            let f = try await Self.fixture(app)
            let a = try await Self.dibaoApplication(f)
            func upload(_ bytes: [UInt8], name: String, token: String) async throws -> TestingHTTPResponse {
                let (headers, body) = multipartForm(
                    fields: [("requirement", "incomeProof")],
                    file: ("file", name, "application/octet-stream", bytes), headers: .bearer(token))
                return try await app.testing().performTest(
                    request: TestingHTTPRequest(
                        method: .POST, url: URI(path: "/api/v1/applications/\(a.id)/documents"),
                        headers: headers, body: body))
            }
            let pdf = Array("%PDF-1.7\n收入证明".utf8)
            let ok = try await upload(pdf, name: "证明.pdf", token: f.resident)
            #expect(ok.status == .created)
            let fake = try await upload(Array("just text".utf8), name: "证明.pdf", token: f.resident)
            #expect(fake.status == .badRequest)
            #expect(try fake.json(ErrorAnswer.self).field == "file")
            let documentID: String = try ok.value("id")
            let download = try await send(
                app, .GET, "/api/v1/applications/\(a.id)/documents/\(documentID)", token: f.streetOfficer)
            #expect(download.status == .ok)
            #expect(download.headers.contentType?.description.hasPrefix("application/pdf") == true)
            #expect(Array(download.body.readableBytesView) == pdf)
            let other = try await app.token(role: .streetOfficer, region: "320404001")
            #expect(
                try await send(app, .GET, "/api/v1/applications/\(a.id)/documents/\(documentID)", token: other).status
                    == .notFound)
        }
    }
}
