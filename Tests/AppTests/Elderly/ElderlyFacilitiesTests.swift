@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// Issue 15, facilities: filing with a validated credit code, region scoping, grading at the
/// thresholds through the service, the hazard lifecycle, escalation and suspension in the
/// hourly round with a fixed clock, and who sees which page.
@Suite("Elderly-care facilities, grading and safety inspections")
struct ElderlyFacilitiesTests {
    static let today = CivilDate("2026-03-10")!

    static func facility(
        region: String = "320402001", name: String = "天宁测试颐养院", kind: String = "careHomePrivate",
        creditCode: String = "91350100M000100Y43", filedOn: String = "2023-01-05", beds: Int = 200, nursing: Int = 150
    ) -> [String: Any] {
        [
            "name": name, "kind": kind, "operatorName": "常州测试养老服务有限公司", "creditCode": creditCode,
            "region": region, "address": "常州市天宁区测试路 8 号", "latitude": 31.78, "longitude": 119.98,
            "filedOn": filedOn, "bedsTotal": beds, "nursingBeds": nursing, "residents": 120, "phone": "0519-86661234",
            "fireSafetyAccepted": true, "fireStandard": "compliant",
        ]
    }

    static func create(_ app: Application, token: String, _ body: [String: Any]) async throws -> FacilityRecord {
        let res = try await send(app, .POST, "/api/v1/elderly/facilities", token: token, json: body)
        try #require(res.status == .created, "\(res.body.string)")
        return try res.json(FacilityRecord.self)
    }

    @Test(
        "a wrong credit code is a 400 naming creditCode with the reason",
        arguments: [
            ("91350100M000100Y4", "18 位"), ("91350100M000100O43", "大写字母"), ("91350100M000100Y44", "校验位"),
            ("B1320400MA1X2Y304C", "登记管理部门"), ("94320400MA1X2Y3045", "机构类别"),
        ])
    func creditCodeRefusals(_ code: String, _ reason: String) async throws {
        try await withTestApp(.sqlite) { app in
            app.platform.clock = .fixed(Self.today)
            let token = try await app.token(role: .cityAdmin, region: "3204")
            let res = try await send(
                app, .POST, "/api/v1/elderly/facilities", token: token, json: Self.facility(creditCode: code))
            #expect(res.status == .badRequest)
            let answer = try res.json(ErrorAnswer.self)
            #expect(answer.field == "creditCode")
            #expect(answer.error.contains(reason), "\(answer.error)")
            let count = try await FacilityStore(db: app.sql, regions: app.platform.regions).count()
            #expect(count == 0)
        }
    }

    @Test("a street officer sees and edits only its street's facilities", arguments: TestDatabase.available)
    func regionScoping(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            let street = try await app.token(role: .streetOfficer, region: "320402001")
            let own = try await Self.create(app, token: street, Self.facility())
            #expect(own.regionName.contains("天宁区"))
            let other = try await Self.create(app, token: admin, Self.facility(region: "320402002", name: "另一街道养老院"))
            #expect(
                try await send(app, .GET, "/api/v1/elderly/facilities/\(other.id)", token: street).status == .notFound)
            var edit = Self.facility(region: "320402002", name: "改名")
            edit["version"] = other.version
            #expect(
                try await send(app, .PUT, "/api/v1/elderly/facilities/\(other.id)", token: street, json: edit).status
                    == .notFound)
            let list = try await send(app, .GET, "/api/v1/elderly/facilities", token: street).json(
                Page<FacilityRecord>.self)
            #expect(list.items.map(\.id) == [own.id])
            #expect(
                try await send(app, .GET, "/api/v1/elderly/facilities", token: admin).json(Page<FacilityRecord>.self)
                    .total == 2)
            // Filing into another street is refused naming the region.
            let outside = try await send(
                app, .POST, "/api/v1/elderly/facilities", token: street, json: Self.facility(region: "320402002"))
            #expect(outside.status == .badRequest)
            #expect(try outside.json(ErrorAnswer.self).field == "region")
            // Its own: saved, a stale version refused.
            var mine = Self.facility(name: "新名称")
            mine["version"] = own.version
            let saved = try await send(app, .PUT, "/api/v1/elderly/facilities/\(own.id)", token: street, json: mine)
            #expect(try saved.json(FacilityRecord.self).name == "新名称")
            #expect(
                try await send(app, .PUT, "/api/v1/elderly/facilities/\(own.id)", token: street, json: mine).status
                    == .conflict)
            // Nursing beds above the total: the field named.
            let beds = try await send(
                app, .POST, "/api/v1/elderly/facilities", token: street, json: Self.facility(beds: 10, nursing: 11))
            #expect(try beds.json(ErrorAnswer.self).field == "nursingBeds")
        }
    }

    struct GradeRow: Sendable, CustomTestStringConvertible {
        let scores: [String: Int]
        let grade: Int?
        var testDescription: String { "\(scores.values.reduce(0, +)) → \(grade.map(String.init) ?? "none")" }
    }

    /// Through the API and the service: exactly at grade 5's total and shares, one point
    /// below the total, and a section one point below 90 %.
    @Test(
        "grading at the thresholds: apply, score, publicize, decide after publicity",
        arguments: [
            GradeRow(scores: ["environment": 108, "equipment": 117, "management": 135, "services": 540], grade: 5),
            GradeRow(scores: ["environment": 108, "equipment": 117, "management": 135, "services": 539], grade: 4),
            GradeRow(scores: ["environment": 107, "equipment": 130, "management": 150, "services": 600], grade: 4),
            GradeRow(scores: ["environment": 48, "equipment": 52, "management": 60, "services": 199], grade: nil),
        ])
    func gradingBoundaries(_ row: GradeRow) async throws {
        try await withTestApp(.sqlite) { app in
            app.platform.clock = .fixed(Self.today)
            let token = try await app.token(role: .districtOfficer, region: "320402")
            let f = try await Self.create(app, token: token, Self.facility())
            let applied = try await send(
                app, .POST, "/api/v1/elderly/gradings", token: token, json: ["facilityId": f.id.uuidString])
            #expect(applied.status == .created)
            var g = try applied.json(GradingRecord.self)
            func act(_ body: [String: Any]) async throws -> TestingHTTPResponse {
                try await send(app, .POST, "/api/v1/elderly/gradings/\(g.id)/actions", token: token, json: body)
            }
            g = try await act(["action": "score", "version": g.version, "scores": row.scores]).json(GradingRecord.self)
            #expect(g.total == row.scores.values.reduce(0, +))
            #expect(g.scoredGrade == row.grade)
            // A score above the section's maximum names the section.
            let over = try await act([
                "action": "score", "version": g.version,
                "scores": ["environment": 121, "equipment": 1, "management": 1, "services": 1],
            ])
            #expect(try over.json(ErrorAnswer.self).field == "scores.environment")
            g = try await act(["action": "publicize", "version": g.version]).json(GradingRecord.self)
            #expect(g.publicityUntil == "2026-03-16")
            let early = try await act(["action": "decide", "version": g.version])
            #expect(early.status == .conflict)
            app.platform.clock = .fixed(CivilDate("2026-03-17")!)
            g = try await act(["action": "decide", "version": g.version]).json(GradingRecord.self)
            #expect(g.state == "decided")
            #expect(g.grade == row.grade)
            let after = try await send(app, .GET, "/api/v1/elderly/facilities/\(f.id)", token: token).json(
                FacilityRecord.self)
            #expect(after.grade == row.grade)
            if row.grade != nil {
                #expect(after.gradeCertifiedOn == "2026-03-17")
                #expect(after.gradeExpiresOn == "2029-03-17")
                #expect(after.gradeState == "valid")
            }
        }
    }

    @Test("a facility filed less than a year ago is not graded, whatever its scores")
    func prerequisiteThroughTheService() async throws {
        try await withTestApp(.sqlite) { app in
            app.platform.clock = .fixed(Self.today)
            let token = try await app.token(role: .cityAdmin, region: "3204")
            let f = try await Self.create(app, token: token, Self.facility(filedOn: "2025-06-01"))
            var g = try await send(
                app, .POST, "/api/v1/elderly/gradings", token: token, json: ["facilityId": f.id.uuidString]
            ).json(GradingRecord.self)
            let full = ["environment": 120, "equipment": 130, "management": 150, "services": 600]
            g = try await send(
                app, .POST, "/api/v1/elderly/gradings/\(g.id)/actions", token: token,
                json: ["action": "score", "version": g.version, "scores": full]
            ).json(GradingRecord.self)
            #expect(g.scoredGrade == 5)
            #expect(g.shortfalls == ["filedTooRecently"])
        }
    }

    /// A round, an inspection with a serious finding, then the hazard's life.
    static func inspected(
        _ app: Application, token: String, severity: String = "serious"
    ) async throws
        -> (FacilityRecord, HazardRecord)
    {
        let f = try await create(app, token: token, facility())
        let round = try await send(
            app, .POST, "/api/v1/elderly/inspection-rounds", token: token,
            json: ["name": "第一轮暗查", "unannounced": true, "startsOn": "2026-03-01", "endsOn": "2026-03-31"])
        try #require(round.status == .created, "\(round.body.string)")
        let roundID = try round.json(InspectionRoundRecord.self).id
        let res = try await send(
            app, .POST, "/api/v1/elderly/inspections", token: token,
            json: [
                "roundId": roundID.uuidString, "facilityId": f.id.uuidString,
                "findings": [["item": "fire.exits", "severity": severity, "description": "二楼防火门被锁闭"]],
            ])
        try #require(res.status == .created, "\(res.body.string)")
        let ids = try res.value("hazardIds", as: [UUID].self)
        let hazard = try await send(app, .GET, "/api/v1/elderly/hazards/\(ids[0])", token: token).json(
            HazardRecord.self)
        return (f, hazard)
    }

    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]

    @Test("a hazard closes only by a re-inspection that passes", arguments: TestDatabase.available)
    func hazardLifecycle(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let token = try await app.token(role: .streetOfficer, region: "320402001")
            let (_, h) = try await Self.inspected(app, token: token)
            #expect(h.state == "open")
            #expect(h.deadlineOn == "2026-03-17")
            func act(_ action: String, _ version: Int) async throws -> TestingHTTPResponse {
                try await send(
                    app, .POST, "/api/v1/elderly/hazards/\(h.id)/actions", token: token,
                    json: ["action": action, "version": version])
            }
            let close = try await act("close", h.version)
            #expect(close.status == .conflict)
            #expect(try close.json(ErrorAnswer.self).error.contains("复查合格"))
            // Evidence: a text file is refused by the documents' rules, a PNG accepted.
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            let (badHeaders, badBody) = multipartForm(
                file: ("file", "fix.png", "image/png", Array("not a picture".utf8)), headers: headers)
            let bad = try await app.testing().performTest(
                request: TestingHTTPRequest(
                    method: .POST, url: URI(path: "/api/v1/elderly/hazards/\(h.id)/evidence"), headers: badHeaders,
                    body: badBody))
            #expect(bad.status == .badRequest)
            #expect(try bad.json(ErrorAnswer.self).field == "file")
            let (goodHeaders, goodBody) = multipartForm(
                fields: [("note", "已拆除门锁")], file: ("file", "fix.png", "image/png", Self.png), headers: headers)
            let good = try await app.testing().performTest(
                request: TestingHTTPRequest(
                    method: .POST, url: URI(path: "/api/v1/elderly/hazards/\(h.id)/evidence"), headers: goodHeaders,
                    body: goodBody))
            #expect(good.status == .created)
            let rectified = try good.json(HazardRecord.self)
            #expect(rectified.state == "rectified")
            #expect(rectified.events.first?.contentType == "image/png")
            let closed = try await act("reinspectPassed", rectified.version).json(HazardRecord.self)
            #expect(closed.state == "closed")
            #expect(closed.closedOn == "2026-03-10")
            #expect(try await act("reinspectFailed", closed.version).status == .conflict)
            let counts = try await send(app, .GET, "/api/v1/elderly/inspection-counts", token: token)
                .json(InspectionService.Counts.self)
            #expect(counts.total.found == 1 && counts.total.closed == 1 && counts.total.overdue == 0)
        }
    }

    @Test(
        "an overdue hazard escalates to the district, then the city; a serious one suspends the grade",
        arguments: TestDatabase.available)
    func escalationAndSuspension(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let token = try await app.token(role: .cityAdmin, region: "3204")
            let (f, h) = try await Self.inspected(app, token: token)
            let p = try await FacilityService.parameters(db: app.sql, region: f.region, on: Self.today)
            try await FacilityStore(db: app.sql, regions: app.platform.regions).setGrade(
                id: f.id, grade: 4,
                validity: FacilityGrading.validity(certifiedOn: CivilDate("2025-01-01")!, parameters: p),
                at: Date())
            let writer = app.writer(actor: .system("test"))
            func round(_ day: String) async throws -> FacilityRound.Result {
                app.platform.clock = .fixed(CivilDate(day)!)
                return try await FacilityRound.run(db: app.sql, today: CivilDate(day)!, now: Date(), writer: writer)
            }
            func state() async throws -> (HazardRecord, FacilityRecord) {
                (
                    try await send(app, .GET, "/api/v1/elderly/hazards/\(h.id)", token: token).json(HazardRecord.self),
                    try await send(app, .GET, "/api/v1/elderly/facilities/\(f.id)", token: token).json(
                        FacilityRecord.self)
                )
            }
            // On the deadline: nothing yet.
            #expect(try await round("2026-03-17") == FacilityRound.Result())
            #expect(try await state().1.gradeState == "valid")
            // The day after: the district follows it, the grade is suspended.
            #expect(try await round("2026-03-18") == FacilityRound.Result(lapsed: 0, escalated: 1, suspended: 1))
            var (hazard, facility) = try await state()
            #expect(hazard.escalation == 1 && hazard.overdue)
            #expect(facility.gradeState == "suspended")
            // Again the same day: nothing changes.
            #expect(try await round("2026-03-18") == FacilityRound.Result())
            // Past the district's extension (7 more days): the city.
            #expect(try await round("2026-03-24") == FacilityRound.Result())
            #expect(try await round("2026-03-25") == FacilityRound.Result(lapsed: 0, escalated: 1, suspended: 0))
            (hazard, facility) = try await state()
            #expect(hazard.escalation == 2)
            #expect(hazard.escalationName == "已上报市民政局")
            // The grade lapses at its expiry, whatever else.
            #expect(try await round("2028-01-01").lapsed == 1)
            #expect(try await state().1.gradeState == "lapsed")
            let actions = try await AccountFixtures.auditActions(app)
            #expect(actions.contains("hazard.escalate") && actions.contains("facility.grade.suspend"))
        }
    }

    @Test("a general hazard past its deadline escalates but suspends nothing")
    func generalHazardDoesNotSuspend() async throws {
        try await withTestApp(.sqlite) { app in
            app.platform.clock = .fixed(Self.today)
            let token = try await app.token(role: .cityAdmin, region: "3204")
            let (f, h) = try await Self.inspected(app, token: token, severity: "general")
            #expect(h.deadlineOn == "2026-04-09")
            let p = try await FacilityService.parameters(db: app.sql, region: f.region, on: Self.today)
            try await FacilityStore(db: app.sql, regions: app.platform.regions).setGrade(
                id: f.id, grade: 3, validity: FacilityGrading.validity(certifiedOn: Self.today, parameters: p),
                at: Date())
            let r = try await FacilityRound.run(
                db: app.sql, today: CivilDate("2026-04-10")!, now: Date(), writer: app.writer(actor: .system("test")))
            #expect(r == FacilityRound.Result(lapsed: 0, escalated: 1, suspended: 0))
        }
    }

    @Test("the pages answer each role as its permissions say", arguments: TestDatabase.available)
    func pagesByRole(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            let (f, h) = try await Self.inspected(app, token: admin)
            let roundID = h.roundId
            let grading = try await send(
                app, .POST, "/api/v1/elderly/gradings", token: admin, json: ["facilityId": f.id.uuidString]
            ).json(GradingRecord.self)
            let pages = [
                "/facilities", "/facilities/\(f.id)", "/facilities/beds", "/gradings", "/gradings/\(grading.id)",
                "/inspections", "/inspections/counts", "/inspections/rounds/\(roundID)", "/hazards/\(h.id)",
            ]
            let editing = [
                "/facilities/new", "/facilities/\(f.id)/edit", "/inspections/rounds/\(roundID)/facilities/\(f.id)",
            ]
            let cases: [(Role, String, UInt, UInt)] = [
                (.cityAdmin, "3204", 200, 200), (.districtOfficer, "320402", 200, 200),
                (.streetOfficer, "320402001", 200, 200), (.communityWorker, "320402001", 200, 403),
                (.auditor, "3204", 200, 403), (.department, "3204", 403, 403),
            ]
            for (role, region, view, edit) in cases {
                let cookie = try await PolicyPageTests.signedIn(app, role: role, region: region)
                for path in pages {
                    let res = try await AccountFixtures.get(app, path, cookie: cookie)
                    #expect(res.status.code == view, "\(role) \(path): \(res.status.code)")
                }
                for path in editing {
                    let res = try await AccountFixtures.get(app, path, cookie: cookie)
                    #expect(res.status.code == edit, "\(role) \(path): \(res.status.code)")
                }
            }
            // Another street's officer: the facility is not there.
            let other = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402002")
            #expect(try await AccountFixtures.get(app, "/facilities/\(f.id)", cookie: other).status == .notFound)
            #expect(try await AccountFixtures.get(app, "/hazards/\(h.id)", cookie: other).status == .notFound)
        }
    }

    @Test("the list filters by district, kind and grade, and the form shows a wrong credit code in place")
    func listAndForm() async throws {
        try await withTestApp(.sqlite) { app in
            app.platform.clock = .fixed(Self.today)
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            _ = try await Self.create(app, token: admin, Self.facility(name: "天宁一院"))
            _ = try await Self.create(
                app, token: admin, Self.facility(region: "320404001", name: "钟楼站", kind: "communityStation"))
            let cookie = try await PolicyPageTests.signedIn(app, role: .cityAdmin, region: "3204")
            let tianning = try await AccountFixtures.get(app, "/facilities?region=320402", cookie: cookie).body.string
            #expect(tianning.contains("天宁一院") && !tianning.contains("钟楼站"))
            let stations = try await AccountFixtures.get(app, "/facilities?kind=communityStation", cookie: cookie).body
                .string
            #expect(stations.contains("钟楼站") && !stations.contains("天宁一院"))
            #expect(try await AccountFixtures.get(app, "/facilities?grade=9", cookie: cookie).status == .badRequest)
            let form = try await FormVisit.open(app, "/facilities/new", cookie: cookie)
            let res = try await form.post(
                app, "/facilities/new",
                [
                    ("name", "新院"), ("kind", "careHomePrivate"), ("operatorName", "某公司"),
                    ("creditCode", "91350100M000100Y44"),
                    ("region", "320402001"), ("address", "某路 1 号"), ("filedOn", "2020-01-01"), ("bedsTotal", "50"),
                    ("nursingBeds", "30"), ("residents", "20"), ("fireStandard", "compliant"),
                ])
            #expect(res.status == .badRequest)
            #expect(res.body.string.contains("校验位"))
            #expect(res.body.string.contains("91350100M000100Y44"))
            let ok = try await form.post(
                app, "/facilities/new",
                [
                    ("name", "新院"), ("kind", "careHomePrivate"), ("operatorName", "某公司"),
                    ("creditCode", "91350100M000100Y43"),
                    ("region", "320402001"), ("address", "某路 1 号"), ("filedOn", "2020-01-01"), ("bedsTotal", "50"),
                    ("nursingBeds", "30"), ("residents", "20"), ("fireStandard", "compliant"),
                    ("fireSafetyAccepted", "1"),
                ])
            #expect(ok.status == .seeOther)
            let beds = try await AccountFixtures.get(app, "/facilities/beds", cookie: cookie).body.string
            #expect(beds.contains("72.0 %"))
        }
    }

    @Test(
        "the demo seeds about 150 facilities over every district, with open, closed and overdue hazards",
        arguments: TestDatabase.available)
    func demo(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let s = try await DemoFacilities.seed(
                db: app.sql, writer: app.writer(actor: .system("demo")), clock: app.platform.clock,
                cipher: app.platform.cipher)
            #expect(s.facilities == 150)
            #expect(s.round.escalated >= 1)
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            let beds = try await send(app, .GET, "/api/v1/elderly/facility-beds", token: admin).json(BedReport.self)
            #expect(beds.rows.map(\.region) == ["320402", "320404", "320411", "320412", "320413", "320481"])
            #expect(beds.rows.allSatisfy { $0.facilities >= 10 })
            let counts = try await send(app, .GET, "/api/v1/elderly/inspection-counts", token: admin)
                .json(InspectionService.Counts.self)
            #expect(counts.total.found > 10 && counts.total.closed > 0 && counts.total.overdue > 0)
            let all = try await send(app, .GET, "/api/v1/elderly/facilities?perPage=200", token: admin).json(
                Page<FacilityRecord>.self)
            #expect(
                all.items.allSatisfy {
                    (31.6...31.9).contains($0.latitude ?? 0) && (119.5...120.2).contains($0.longitude ?? 0)
                })
            #expect(all.items.contains { $0.grade == 5 })
            #expect(all.items.contains { $0.gradeState == "suspended" })
        }
    }
}
