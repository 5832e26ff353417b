@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// 寻亲: a family registers a report, a station's notice of the same person written by ear
/// (章建国 for 张建国) is matched against it at once, the family sees the match on its own
/// report (another family gets 404), the caseworker confirms with the police's DNA result and
/// records the reunion; the staff matcher answers candidates best first with why.
@Suite("Family search: reports, notices, matches")
struct FamilySearchTests {
    struct Candidate: Decodable {
        let id: UUID
        let score: Double
        let why: [String]
    }

    struct Candidates: Decodable { let candidates: [Candidate] }

    struct Report: Decodable {
        let id: UUID
        let contactMasked: String
        let status: String
    }

    struct Match: Decodable {
        let id: UUID
        let noticeId: UUID
        let reportId: UUID
        let score: Double
        let status: String
        let version: Int
    }

    struct MatchView: Decodable {
        let match: Match
    }

    struct ReportView: Decodable {
        let report: Report
        let matches: [MatchView]
    }

    static var report: [String: Any] {
        [
            "name": "张建国", "nicknames": ["阿国"], "sex": "male", "birthDate": "1948-05-02", "heightCm": 168,
            "dialect": "常州话", "homeRegion": "320402", "lostOn": "2026-10-03", "place": "320402",
            "placeText": "南大街", "features": "左脸有痣，右腿跛", "contactName": "张小明", "contactPhone": "13912345678",
        ]
    }
    static var notice: [String: Any] {
        [
            "name": "章建国", "sex": "male", "estimatedAge": 75, "heightCm": 166, "dialect": "常州口音",
            "foundOn": "2026-10-20", "place": "320411", "features": "左脸有黑痣，走路跛", "clothing": "蓝色棉袄",
        ]
    }

    @Test(
        "a family registers, a notice matches it at once, the family sees it, another family 404, confirmed with evidence, reunited",
        arguments: TestDatabase.available)
    func reportNoticeConfirmReunite(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(CivilDate(year: 2026, month: 12, day: 1)!)
            let family = try await app.token(role: .resident, region: "320402001")
            let stranger = try await app.token(role: .resident, region: "320402001")
            let staff = try await app.token(role: .districtOfficer, region: "320402")
            // Decoys: other old men of the city the family did not report.
            for (name, born) in [("王建国", "1950-01-01"), ("张国强", "1985-03-01"), ("李明", "1949-02-01")] {
                var other = Self.report
                other["name"] = name
                other["birthDate"] = born
                other["nicknames"] = [String]()
                other["features"] = "额头有疤"
                let r = try await send(app, .POST, "/api/v1/family-search/reports", token: stranger, json: other)
                #expect(r.status == .created, "\(r.body.string)")
            }
            let registered = try await send(
                app, .POST, "/api/v1/family-search/reports", token: family, json: Self.report)
            #expect(registered.status == .created, "\(registered.body.string)")
            let report = try registered.json(Report.self)
            #expect(report.contactMasked == "139****5678")
            #expect(!registered.body.string.contains("13912345678"))
            let stored = try #require(
                try await app.sql.raw("SELECT contact_cipher FROM family_search_reports WHERE id = \(bind: report.id)")
                    .first()?.decode(column: "contact_cipher", as: String.self))
            #expect(!stored.contains("13912345678"))

            // The staff matcher ranks the family's report first, with why.
            let search = try await send(app, .POST, "/api/v1/family-search/matches", token: staff, json: Self.notice)
            #expect(search.status == .ok, "\(search.body.string)")
            let candidates = try search.json(Candidates.self).candidates
            #expect(candidates.first?.id == report.id)
            #expect(candidates.first.map { $0.score > 0.8 } == true, "\(candidates)")
            #expect(candidates.first?.why.contains { $0.hasPrefix("姓名同音同调") } == true)
            #expect(candidates.map(\.score) == candidates.map(\.score).sorted(by: >))
            #expect(candidates.allSatisfy { (0...1).contains($0.score) })

            // The notice is published and matched at once; the family sees it on its report.
            let published = try await send(app, .POST, "/api/v1/family-search/notices", token: staff, json: Self.notice)
            #expect(published.status == .created, "\(published.body.string)")
            let view = try await send(app, .GET, "/api/v1/family-search/reports/\(report.id)", token: family)
            #expect(view.status == .ok)
            let match = try #require(try view.json(ReportView.self).matches.first?.match)
            #expect(match.status == "proposed")
            // Another family, and staff, cannot read it.
            #expect(
                try await send(app, .GET, "/api/v1/family-search/reports/\(report.id)", token: stranger).status
                    == .notFound)
            #expect(
                try await send(app, .GET, "/api/v1/family-search/reports/\(report.id)", token: staff).status
                    == .forbidden)
            // The queue shows it; confirming needs the evidence.
            let queue = try await send(app, .GET, "/api/v1/family-search/queue", token: staff)
            #expect(try queue.json([Match].self).contains { $0.id == match.id })
            let bare = try await send(
                app, .POST, "/api/v1/family-search/matches/\(match.id)", token: staff,
                json: ["action": "confirm", "version": match.version])
            #expect(bare.status == .badRequest)
            #expect(try bare.json(ErrorAnswer.self).field == "evidence")
            let early = try await send(
                app, .POST, "/api/v1/family-search/matches/\(match.id)", token: staff,
                json: ["action": "reunite", "version": match.version])
            #expect(early.status == .conflict)
            let confirmed = try await send(
                app, .POST, "/api/v1/family-search/matches/\(match.id)", token: staff,
                json: ["action": "confirm", "version": match.version, "evidence": "公安 DNA 比对：亲子关系成立（2026-11-20）"])
            #expect(confirmed.status == .ok, "\(confirmed.body.string)")
            let c = try confirmed.json(Match.self)
            #expect(c.status == "confirmed")
            let reunited = try await send(
                app, .POST, "/api/v1/family-search/matches/\(match.id)", token: staff,
                json: ["action": "reunite", "version": c.version])
            #expect(try reunited.json(Match.self).status == "reunited")
            let closed = try await send(app, .GET, "/api/v1/family-search/reports/\(report.id)", token: family)
            #expect(try closed.json(ReportView.self).report.status == "reunited")
            let actions = try await app.sql.raw(
                "SELECT action FROM audit_events WHERE action LIKE 'familySearch.%' ORDER BY sequence"
            ).all().map { try $0.decode(column: "action", as: String.self) }
            #expect(actions.contains("familySearch.report") && actions.contains("familySearch.notice"))
            #expect(actions.contains("familySearch.match") && actions.contains("familySearch.confirm"))
            #expect(actions.contains("familySearch.reunite"))
        }
    }

    @Test("the matcher refuses what it cannot read, naming the field", arguments: TestDatabase.available)
    func refusals(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let staff = try await app.token(role: .cityAdmin, region: "3204")
            for (body, field) in [
                (["sex": "x"], "sex"), (["estimatedAge": 300], "estimatedAge"), (["foundOn": "2026/10/01"], "foundOn"),
                (["heightCm": 20], "heightCm"), (["place": "常州"], "place"),
            ] as [([String: Any], String)] {
                let r = try await send(app, .POST, "/api/v1/family-search/matches", token: staff, json: body)
                #expect(r.status == .badRequest, "\(body)")
                #expect(try r.json(ErrorAnswer.self).field == field)
            }
            let family = try await app.token(role: .resident, region: "320402001")
            var noPhone = Self.report
            noPhone["contactPhone"] = nil
            let r = try await send(app, .POST, "/api/v1/family-search/reports", token: family, json: noPhone)
            #expect(try r.json(ErrorAnswer.self).field == "contactPhone")
        }
    }

    @Test("the nightly rematch pairs what was filed without matching, once", arguments: TestDatabase.available)
    func rematch(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(CivilDate(year: 2026, month: 12, day: 1)!)
            let store = FamilySearchStore(db: app.sql)
            let lost = try FamilySearchInput(
                name: "张建国", sex: "male", birthDate: "1948-05-02", heightCm: 168, dialect: "常州话", lostOn: "2026-10-03",
                place: "320402", features: "左脸有痣"
            ).profile(side: .lost, today: CivilDate(year: 2026, month: 12, day: 1)!)
            try await store.insertReport(
                .init(profile: lost, contactName: "张小明", contactCipher: "x", contactMasked: "139****5678"), id: UUID(),
                owner: UUID(), at: Date())
            let found = try FamilySearchInput(
                name: "张建国", sex: "male", estimatedAge: 76, heightCm: 167, foundOn: "2026-10-10", place: "320402"
            ).profile(side: .found, today: CivilDate(year: 2026, month: 12, day: 1)!)
            try await store.insertNotice(.init(profile: found, stationRegion: "3204"), id: UUID(), at: Date())
            let service = app.familySearch(actor: .system("test"))
            #expect(try await service.rematch() == .init(notices: 1, newMatches: 1))
            #expect(try await service.rematch() == .init(notices: 1, newMatches: 0))
        }
    }
}
