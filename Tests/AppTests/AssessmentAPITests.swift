@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

@Suite("POST /api/v1/assessments")
struct AssessmentAPITests {
    static let examples: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/policy-examples")

    static func example(_ name: String) throws -> (request: Any, expected: [String: Any]) {
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: examples.appendingPathComponent(name)))
                as? [String: Any])
        return (try #require(object["request"]), try #require(object["expected"] as? [String: Any]))
    }

    static let exampleNames = [
        "1-family-dibao.json", "2-tekun-partial-care.json", "3-edge-and-senior.json",
        "4-individual-dibao.json", "5-assets-too-high.json",
    ]

    @Test(
        "every worked example, unchanged, over HTTP and with the stored parameters", arguments: TestDatabase.available)
    func workedExamples(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            for name in Self.exampleNames {
                let (request, expected) = try Self.example(name)
                let res = try await send(app, .POST, "/api/v1/assessments", json: request)
                #expect(res.status == .ok, "\(name)")
                #expect(res.headers.setCookie == nil, "the open endpoint starts no session")
                let answer = try #require(
                    try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [String: Any])
                for key in ["standardFen", "householdSize", "countedIncomeFen", "perCapitaIncomeFen"] {
                    #expect(answer[key] as? Int == expected[key] as? Int, "\(name) \(key)")
                }
                let programs = (answer["programs"] as? [[String: Any]] ?? []).map {
                    "\($0["program"]!)/\($0["member"] ?? "-")/\($0["monthlyFen"]!)"
                }
                let wanted = (expected["programs"] as? [[String: Any]] ?? []).map {
                    "\($0["program"]!)/\($0["member"] ?? "-")/\($0["monthlyFen"]!)"
                }
                #expect(programs == wanted, "\(name)")
            }
        }
    }

    @Test(
        "an invalid request is a 400 naming the field",
        arguments: [
            (
                #"{"region":"320402","month":"2021-06","members":[{"birthDate":"1950-01-01","sex":"male","colour":"red"}]}"#,
                "members[0].colour"
            ),
            (
                #"{"region":"320402","month":"2021-06","members":[{"birthDate":"2021-07-01","sex":"male"}]}"#,
                "members[0].birthDate"
            ),
            (#"{"region":"320402","month":"2021-06","members":[]}"#, "members"),
            (
                #"{"region":"320402","month":"2021-06","members":[{"birthDate":"0308-03-07","sex":"male"}]}"#,
                "members[0].birthDate"
            ),
            (
                #"{"region":"320402","month":"2021-06","members":[{"birthDate":"1950-01-01","sex":"male","incomes":[{"kind":"wage","monthlyFen":-1}]}]}"#,
                "members[0].incomes[0].monthlyFen"
            ),
            (#"{"region":"1101","month":"2021-06","members":[{"birthDate":"1950-01-01","sex":"male"}]}"#, "region"),
            (#"{"region":"320402","month":"2019-06","members":[{"birthDate":"1950-01-01","sex":"male"}]}"#, "month"),
        ])
    func invalid(body: String, field: String) async throws {
        try await withTestApp(.sqlite) { app in
            var request = TestingHTTPRequest(
                method: .POST, url: URI(path: "/api/v1/assessments"), headers: [:], body: ByteBuffer(string: body))
            request.headers.contentType = .json
            let res = try await app.testing().performTest(request: request)
            #expect(res.status == .badRequest)
            let error = try res.json(ErrorAnswer.self)
            #expect(error.field == field)
            #expect(!error.error.isEmpty)
        }
    }

    @Test("a client over its limit gets 429 with Retry-After; the limit is per address")
    func rateLimited() async throws {
        try await withTestApp(.sqlite, adjusting: { $0.assessmentsPerMinute = 2 }) { app in
            // One moment for all three: on a busy machine they could otherwise straddle a minute.
            app.platform.clock = .fixed(BeijingTime.instant("2026-12-02T10:00:30")!)
            let (request, _) = try Self.example("3-edge-and-senior.json")
            #expect(try await send(app, .POST, "/api/v1/assessments", json: request).status == .ok)
            #expect(try await send(app, .POST, "/api/v1/assessments", json: request).status == .ok)
            let refused = try await send(app, .POST, "/api/v1/assessments", json: request)
            #expect(refused.status == .tooManyRequests)
            #expect(Int(refused.headers.first(name: "Retry-After") ?? "") ?? 0 > 0)
            #expect(try refused.json(ErrorAnswer.self).error.contains("频繁"))
            // Another address still has its whole allowance.
            let windows = RateWindowStore(db: app.sql, turn: app.writeTurn)
            #expect(
                try await app.assessmentLimiter.admit(
                    "192.0.2.7", at: Int64(Date().timeIntervalSince1970), windows: windows) == nil)
        }
    }

    @Test("a district's own standard from a month is used there and only there", arguments: TestDatabase.available)
    func storedParametersDecide(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let store = PolicyStore(db: app.sql)
            _ = try await store.addVersion(
                PolicyParameterRow(
                    regionCode: "320411", key: .dibaoStandard, fromMonth: YearMonth("2021-06")!, value: 96000),
                note: "test", createdBy: "test", at: Date())
            let (request, _) = try Self.example("1-family-dibao.json")
            var inDistrict = try #require(request as? [String: Any])
            inDistrict["region"] = "320411001"
            let there = try await send(app, .POST, "/api/v1/assessments", json: inDistrict)
            #expect(try there.value("standardFen", as: Int.self) == 96000)
            var earlier = inDistrict
            earlier["month"] = "2021-05"
            #expect(
                try await send(app, .POST, "/api/v1/assessments", json: earlier).value("standardFen", as: Int.self)
                    == 94000)
            #expect(
                try await send(app, .POST, "/api/v1/assessments", json: request).value("standardFen", as: Int.self)
                    == 94000)
        }
    }
}
