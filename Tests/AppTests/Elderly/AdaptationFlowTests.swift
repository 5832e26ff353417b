@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Issue 15, item 6: home adaptations from screening to payment, on both databases.
@Suite("Home adaptations")
struct AdaptationFlowTests {
    static let street = "320402001"

    @discardableResult
    static func step(
        _ app: Application, token: String, _ id: UUID, _ action: String, _ body: [String: Any] = [:],
        expect status: HTTPStatus = .ok
    ) async throws -> TestingHTTPResponse {
        let current = try await send(app, .GET, "/api/v1/adaptations/\(id)", token: token).json(AdaptationCase.self)
        var json = body
        json["version"] = current.version
        let response = try await send(app, .POST, "/api/v1/adaptations/\(id)/\(action)", token: token, json: json)
        #expect(response.status == status, "\(action): \(response.body.string)")
        return response
    }

    @Test(
        "screening queues the programme's households by priority; a case goes to payment only after acceptance",
        arguments: TestDatabase.available)
    func flow(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(CivilDate("2026-12-02")!)
            let officer = try await app.token(role: .streetOfficer, region: Self.street)
            let district = try await app.token(role: .districtOfficer, region: "320402")
            // 86 alone: priority 4. 45 alone: not in the programme. A tekun person of 70: priority 1.
            let (alone, _) = try await PayrollTests.household(app, region: Self.street, head: "32040219400315123")
            _ = try await PayrollTests.household(app, region: Self.street, head: "32040219810315123")
            let (tekun, tekunPerson) = try await PayrollTests.household(
                app, region: Self.street, head: "32040219560315123")
            _ = try await PayrollTests.enroll(
                app, household: tekun, person: tekunPerson, item: "tekun", region: Self.street, fen: 169200,
                start: YearMonth("2026-01")!)
            let screened = try await send(app, .POST, "/api/v1/adaptations/screening", token: officer, json: [:])
            #expect(try screened.json(AdaptationAPIController.Screened.self).added == 2)
            // Screening twice adds nothing.
            let again = try await send(app, .POST, "/api/v1/adaptations/screening", token: officer, json: [:])
            #expect(try again.json(AdaptationAPIController.Screened.self).added == 0)
            let list = try await send(app, .GET, "/api/v1/adaptations", token: officer).json(Page<AdaptationCase>.self)
            #expect(list.items.map(\.householdId) == [tekun, alone])
            #expect(list.items.map(\.priority) == [1, 4])
            #expect(list.items.map(\.capFen) == [500000, 300000])
            let id = list.items[1].id
            try await Self.step(app, token: officer, id, "pay", ["paidOn": "2026-12-02"], expect: .forbidden)
            try await Self.step(
                app, token: officer, id, "assess", ["assessedOn": "2026-12-01", "assessor": "刘评估", "assessment": "需扶手"])
            // Over the 3 000-yuan cap: refused naming the plan; within it: priced from the catalogue.
            let over = try await Self.step(
                app, token: officer, id, "plan",
                ["items": ["ramp": 1, "doorWidening": 1, "gasAlarm": 2, "nightLight": 1]],
                expect: .badRequest)
            #expect(try over.json(ErrorAnswer.self).field == "items")
            let unknown = try await Self.step(
                app, token: officer, id, "plan", ["items": ["sauna": 1]], expect: .badRequest)
            #expect(try unknown.json(ErrorAnswer.self).field == "items.sauna")
            let planned = try await Self.step(
                app, token: officer, id, "plan", ["items": ["grabBar": 4, "nightLight": 2]]
            ).json(AdaptationCase.self)
            #expect(planned.totalFen == 80000)
            #expect(planned.lines.map(\.item) == ["grabBar", "nightLight"])
            // A photo only once the work is contracted; completion only with a photo.
            func upload(_ bytes: [UInt8], token: String) async throws -> TestingHTTPResponse {
                var headers = HTTPHeaders()
                headers.bearerAuthorization = BearerAuthorization(token: token)
                let (h, body) = multipartForm(file: ("file", "完工.png", "image/png", bytes), headers: headers)
                return try await app.testing().performTest(
                    request: TestingHTTPRequest(
                        method: .POST, url: URI(path: "/api/v1/adaptations/\(id)/photos"), headers: h, body: body))
            }
            let png = [UInt8](DemoAdaptations.photo)
            #expect(try await upload(png, token: officer).status == .conflict)
            try await Self.step(app, token: officer, id, "contract", ["contractor": "安居工程公司"])
            let bare = try await Self.step(
                app, token: officer, id, "complete", ["completedOn": "2026-12-02"], expect: .conflict)
            #expect(try bare.json(ErrorAnswer.self).field == "file")
            let notAPicture = try await upload(Array("not a picture".utf8), token: officer)
            #expect(notAPicture.status == .badRequest)
            #expect(try notAPicture.json(ErrorAnswer.self).field == "file")
            let outsider = try await app.token(role: .streetOfficer, region: "320402002")
            #expect(try await upload(png, token: outsider).status == .notFound)
            let photographed = try await upload(png, token: officer)
            #expect(photographed.status == .created)
            #expect(try photographed.json(AdaptationCase.self).photos.map(\.contentType) == ["image/png"])
            try await Self.step(app, token: officer, id, "complete", ["completedOn": "2026-12-02"])
            // Nothing is paid before a third party accepts the work.
            let early = try await Self.step(
                app, token: district, id, "pay", ["paidOn": "2026-12-02"], expect: .conflict)
            #expect(try early.json(ErrorAnswer.self).field == "state")
            try await Self.step(
                app, token: officer, id, "accept",
                ["acceptedOn": "2026-12-02", "acceptedBy": "质量检测中心", "satisfaction": 5])
            let paid = try await Self.step(app, token: district, id, "pay", ["paidOn": "2026-12-02"])
                .json(AdaptationCase.self)
            #expect(paid.state == "paid")
            let progress = try await send(app, .GET, "/api/v1/adaptations/progress", token: district)
                .json(AdaptationService.Progress.self)
            #expect(progress.districts.map(\.district) == ["320402"])
            #expect(progress.districts.map(\.screened) == [2])
            #expect(progress.districts.map(\.accepted) == [1])
            #expect(progress.districts.map(\.paid) == [1])
            // The city's target is the city's: a district without its own shows none.
            #expect(progress.target == nil)
            let city = try await app.token(role: .cityAdmin, region: "3204")
            let cityProgress = try await send(app, .GET, "/api/v1/adaptations/progress", token: city)
                .json(AdaptationService.Progress.self)
            #expect(cityProgress.target == 2220)
            let other = try await app.token(role: .streetOfficer, region: "320402002")
            #expect(try await send(app, .GET, "/api/v1/adaptations/\(id)", token: other).status == .notFound)
        }
    }
}
