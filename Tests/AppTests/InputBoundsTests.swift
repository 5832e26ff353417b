@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// Issue 12: no input stops the server; every amount, count, page and text has the same
/// bounds whatever the way in, and the refusal names the field.
@Suite("Input bounds: pages, amounts, text, uploads")
struct InputBoundsTests {
    static let huge = Int64.max

    @Test(
        "every list answers the largest page number with a 400 naming `page`, and the server lives on",
        arguments: TestDatabase.available)
    func pages(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let admin = try await AccountFixtures.withToken(app, .cityAdmin, "3204")
            let apiLists = [
                "/api/v1/households", "/api/v1/persons?name=a", "/api/v1/applications", "/api/v1/tasks",
                "/api/v1/users",
                "/api/v1/tokens", "/api/v1/users/\(admin.0.id)/tokens",
            ]
            for path in apiLists {
                for page in ["9223372036854775807", "1000001"] {
                    let separator = path.contains("?") ? "&" : "?"
                    let res = try await send(app, .GET, path + separator + "page=\(page)&perPage=100", token: admin.1)
                    #expect(res.status == .badRequest, "\(path) page \(page)")
                    #expect(try res.json(ErrorAnswer.self).field == "page", "\(path)")
                }
                #expect(try await send(app, .GET, path, token: admin.1).status == .ok, "\(path)")
            }
            let cookie = try await PolicyPageTests.signedIn(app, role: .cityAdmin, region: "3204")
            for path in ["/households", "/persons?name=a", "/applications", "/tasks", "/users", "/audit"] {
                let separator = path.contains("?") ? "&" : "?"
                let res = try await AccountFixtures.get(
                    app, path + separator + "page=9223372036854775807", cookie: cookie)
                #expect(res.status == .badRequest, "\(path)")
                #expect(res.body.string.contains("页码不能超过"), "\(path)")
            }
            #expect(try await send(app, .GET, "/healthz").status == .ok)
        }
    }

    /// The means of `ApplicationFlowTests.dibaoApplication` with one field changed.
    static func means(_ f: ApplicationFlowTests.Fixture, _ change: (inout [String: Any]) -> Void) -> [String: Any] {
        var means: [String: Any] = [
            "members": [Self.member(f.headPersonID, incomes: [["kind": "pension", "monthlyFen": 30000]])],
            "financialFen": 0, "vehicles": 0, "residentialProperties": 1, "ownsBusiness": false,
            "annualMedicalFen": 0, "annualEducationFen": 0, "annualRehabilitationFen": 0, "annualDisasterFen": 0,
        ]
        change(&means)
        return means
    }

    static func member(_ id: UUID, incomes: [[String: Any]]) -> [String: Any] {
        [
            "personId": id.uuidString, "incomes": incomes, "seriousIllness": false, "hasCapableSupporter": true,
            "orphan": false,
        ]
    }

    @Test(
        "an application's amounts, counts, note and the persons it declares are bounded, naming the field",
        arguments: TestDatabase.available)
    func applications(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await ApplicationFlowTests.fixture(app)
            let (_, stranger) = try await PayrollTests.household(app, region: "320404001", head: "32040419700101301")
            let huge = Self.huge
            let cases: [(String, [String: Any])] = [
                (
                    "means.members[0].incomes[0].monthlyFen",
                    [
                        "itemCode": "dibao",
                        "means": Self.means(f) {
                            $0["members"] = [
                                Self.member(
                                    f.headPersonID,
                                    incomes: [
                                        ["kind": "wage", "monthlyFen": huge], ["kind": "wage", "monthlyFen": huge],
                                    ])
                            ]
                        },
                    ]
                ),
                ("means.financialFen", ["itemCode": "dibao", "means": Self.means(f) { $0["financialFen"] = huge }]),
                (
                    "means.annualMedicalFen",
                    ["itemCode": "dibao", "means": Self.means(f) { $0["annualMedicalFen"] = -1 }]
                ),
                ("means.vehicles", ["itemCode": "dibao", "means": Self.means(f) { $0["vehicles"] = huge }]),
                (
                    "means.residentialProperties",
                    ["itemCode": "dibao", "means": Self.means(f) { $0["residentialProperties"] = huge }]
                ),
                (
                    "means.members[0].personId",
                    [
                        "itemCode": "dibao",
                        "means": Self.means(f) {
                            $0["members"] = [Self.member(stranger, incomes: [])]
                        },
                    ]
                ),
                ("requestedFen", ["itemCode": "temporaryAssistance", "requestedFen": -5]),
                ("requestedFen", ["itemCode": "temporaryAssistance", "requestedFen": huge]),
                (
                    "note",
                    [
                        "itemCode": "temporaryAssistance", "requestedFen": 100,
                        "note": String(repeating: "长", count: 300_000),
                    ]
                ),
                ("note", ["itemCode": "temporaryAssistance", "note": "正常\u{202E}反向"]),
            ]
            for (field, body) in cases {
                let res = try await send(app, .POST, "/api/v1/applications", token: f.resident, json: body)
                #expect(res.status == .badRequest, "\(field): \(res.status)")
                #expect(try res.json(ErrorAnswer.self).field == field, "\(res.body.string.prefix(200))")
            }
            #expect(try await MonitoringTests.count(app, "applications") == 0)
            // An action's amount is bounded before anything else is looked at.
            let a = try await ApplicationFlowTests.dibaoApplication(f)
            let bad = try await ApplicationFlowTests.act(
                f, a.id, f.community, "accept", version: a.version, extra: ["amountFen": huge])
            #expect(try bad.json(ErrorAnswer.self).field == "amountFen")
            #expect(try await send(app, .GET, "/healthz").status == .ok)
        }
    }

    @Test(
        "means stored before the bounds cannot stop the server: the check is refused, every time",
        arguments: TestDatabase.available)
    func storedHugeMeans(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await ApplicationFlowTests.fixture(app)
            let a = try await ApplicationFlowTests.dibaoApplication(f)
            var old = DeclaredMeans(members: [
                .init(
                    personId: f.headPersonID.uuidString,
                    incomes: [.init(kind: .wage, monthlyFen: .max), .init(kind: .wage, monthlyFen: .max)])
            ])
            old.vehicles = 0
            let cipher = app.platform.cipher
            let text = try cipher.encrypt(String(decoding: try JSONEncoder().encode(old), as: UTF8.self))
            try await app.sql.raw("UPDATE applications SET means_cipher = \(bind: text) WHERE id = \(bind: a.id)").run()
            let accepted = try await ApplicationFlowTests.act(f, a.id, f.community, "accept", version: a.version).json(
                ApplicationRecord.self)
            for _ in 0..<2 {
                let res = try await ApplicationFlowTests.act(
                    f, a.id, f.community, "investigate", version: accepted.version,
                    extra: ["visitedOn": "2026-11-20", "findings": "入户"])
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("无法核对家庭经济状况"))
            }
            #expect(try await send(app, .GET, "/healthz").status == .ok)
        }
    }

    @Test("feed amounts past the bound are refused rows, not a 500", arguments: TestDatabase.available)
    func feeds(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await PayrollTests.household(app, region: "320402001", head: "32040219650312401")
            let id = residentID("32040219650312401")
            let medical = try await MonitoringTests.departmentToken(app, "medicalInsurance")
            let rows: [[String: Any]] = [
                [
                    "sourceRecordId": "M-1", "idNumber": id, "admissionDate": "2026-10-01",
                    "dischargeDate": "2026-10-20",
                    "totalFen": Self.huge, "outOfPocketFen": Self.huge, "seriousIllness": true,
                ],
                [
                    "sourceRecordId": "M-2", "idNumber": id, "admissionDate": "2026-10-01",
                    "dischargeDate": "2026-10-20",
                    "totalFen": Self.huge, "outOfPocketFen": 1, "seriousIllness": true,
                ],
            ]
            let answer = try await send(app, .POST, "/api/v1/feeds/medicalExpense", token: medical, json: rows)
            #expect(answer.status == .ok)
            let summary = try answer.json(FeedIngest.Summary.self)
            #expect(summary.rejected == 2)
            #expect(summary.errors.allSatisfy { $0.reason.contains("totalFen") })
            let social = try await MonitoringTests.departmentToken(app, "humanResources")
            let pension = try await send(
                app, .POST, "/api/v1/feeds/pension", token: social,
                json: [
                    ["sourceRecordId": "P-1", "idNumber": id, "monthlyFen": Self.huge, "fromMonth": "2026-10"]
                ]
            ).json(FeedIngest.Summary.self)
            #expect(pension.rejected == 1)
            #expect(pension.errors.first?.reason.contains("monthlyFen") == true)
            let housing = try await MonitoringTests.departmentToken(app, "naturalResources")
            let flats = try await send(
                app, .POST, "/api/v1/feeds/realEstate", token: housing,
                json: [
                    ["sourceRecordId": "R-1", "idNumber": id, "properties": 1, "areaM2": Self.huge],
                    ["sourceRecordId": "R-2", "idNumber": id, "properties": Self.huge, "areaM2": 80],
                ]
            ).json(FeedIngest.Summary.self)
            #expect(flats.rejected == 2)
            #expect(try await MonitoringTests.count(app, "feed_rows") == 0)
        }
    }

    @Test(
        "names, addresses and unknown JSON fields: one rule for the API, the pages and the import",
        arguments: TestDatabase.available)
    func text(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            func create(_ change: (inout [String: Any]) -> Void) async throws -> TestingHTTPResponse {
                var body = RegistryAPITests.household(headID: residentID("32040219650312401"))
                change(&body)
                return try await send(app, .POST, "/api/v1/households", token: admin, json: body)
            }
            let cases: [(String, (inout [String: Any]) -> Void)] = [
                (
                    "members[0].name",
                    {
                        $0["members"] = [
                            ["relation": "head", "name": "张\u{202E}建国", "idNumber": residentID("32040219650312401")]
                        ]
                    }
                ),
                (
                    "members[0].name",
                    {
                        $0["members"] = [
                            ["relation": "head", "name": "张\u{200B}建国", "idNumber": residentID("32040219650312401")]
                        ]
                    }
                ),
                ("address", { $0["address"] = "天宁区\r\n青龙街道1号" }),
                ("adress", { $0["adress"] = "天宁区" }),
                (
                    "members[0].nickname",
                    {
                        $0["members"] = [
                            [
                                "relation": "head", "name": "张建国", "idNumber": residentID("32040219650312401"),
                                "nickname": "阿国",
                            ]
                        ]
                    }
                ),
            ]
            for (field, change) in cases {
                let res = try await create(change)
                #expect(res.status == .badRequest, "\(field)")
                #expect(try res.json(ErrorAnswer.self).field == field, "\(res.body.string)")
            }
            // A null for a field the request type has is no unknown field.
            #expect(
                try await create {
                    $0["members"] = [
                        [
                            "relation": "head", "name": "张建国", "idNumber": residentID("32040219650312401"),
                            "phone": NSNull(),
                        ]
                    ]
                }.status == .created)
            let csv =
                "householdRef,relation,name,idNumber,region,address\nH1,head,王\u{202E}五,\(residentID("32040219700101501")),320402001,测试路2号\n"
            let path = NSTemporaryDirectory() + "bidi-\(UUID().uuidString).csv"
            try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let summary = try await app.householdImporter(actor: .system("test"))
                .run(path: path)
            #expect(summary.rejected == 1)
            #expect(summary.errors.first?.reason.contains("不可见字符") == true)
        }
    }

    @Test(
        "a document's kind is one the item lists; stored files and the database are the server user's alone",
        arguments: TestDatabase.available)
    func documents(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await ApplicationFlowTests.fixture(app)
            let a = try await ApplicationFlowTests.dibaoApplication(f)
            func upload(_ requirement: String) async throws -> TestingHTTPResponse {
                let (headers, body) = multipartForm(
                    fields: [("requirement", requirement)],
                    file: ("file", "证明.pdf", "application/pdf", Array("%PDF-1.7\n".utf8)), headers: .bearer(f.resident))
                return try await app.testing().performTest(
                    request: TestingHTTPRequest(
                        method: .POST, url: URI(path: "/api/v1/applications/\(a.id)/documents"),
                        headers: headers, body: body))
            }
            for bad in ["../../x", "收入证明", ""] {
                let res = try await upload(bad)
                #expect(res.status == .badRequest, "\(bad)")
                #expect(try res.json(ErrorAnswer.self).field == "requirement")
            }
            #expect(try await upload("incomeProof").status == .created)
            #expect(try await upload("家庭收入证明").status == .created)
            let stored = try await app.sql.raw("SELECT requirement FROM application_documents").all()
                .map { try $0.decode(column: "requirement", as: String.self) }
            #expect(stored == ["家庭收入证明", "家庭收入证明"])
            let config = app.platform.config
            func mode(_ path: String) throws -> Int {
                (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
            }
            let folder = UploadFolder.documents.path(config) + "/\(a.id.uuidString)"
            #expect(try mode(config.dataDirectory) == 0o700)
            #expect(try mode(folder) == 0o700)
            for file in try FileManager.default.contentsOfDirectory(atPath: folder) {
                #expect(try mode(folder + "/" + file) == 0o600)
            }
            if case .sqlite(let path) = config.database {
                #expect(try mode(path) == 0o600)
                #expect(try mode(path + "-wal") == 0o600)
            }
        }
    }

    @Test(
        "an ID number registered elsewhere: the answer names no region, and the attempt is on record there",
        arguments: TestDatabase.available)
    func duplicateElsewhere(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let id = "32040419700101301"
            _ = try await PayrollTests.household(app, region: "320404001", head: id)
            let officer = try await AccountFixtures.withToken(app, .streetOfficer, "320402001")
            let res = try await send(
                app, .POST, "/api/v1/households", token: officer.1,
                json: RegistryAPITests.household(region: "320402001", headID: residentID(id)))
            #expect(res.status == .conflict)
            let answer = try res.json(ErrorAnswer.self)
            #expect(answer.field == "idNumber")
            #expect(!answer.error.contains("320404001"))
            #expect(!answer.error.contains(app.platform.regions.fullName(of: RegionCode("320404")!)))
            let events = try await AccountFixtures.auditEvents(app).filter { $0.action == "person.duplicate.refused" }
            #expect(events.count == 1)
            #expect(events.first?.region == "320404001")
            #expect(events.first?.actorID == officer.0.id.uuidString)
            #expect(try await MonitoringTests.count(app, "households") == 1)
        }
    }
}
