@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// The registry of social organisations (issue 17, items 1–2): registration with a verified
/// credit code, region scoping, the organisation's own account seeing only its own, the annual
/// report filed and reviewed, and the monthly credit run month by month.
@Suite("Social organisations: registry, annual reports, credit rules")
struct OrganisationTests {
    struct Record: Decodable {
        let id: UUID
        let creditCode: String
        let name: String
        let status: String
        let legalRepresentativeIdMasked: String
        let revocationProposedOn: String?
    }

    struct Detail: Decodable {
        struct Report: Decodable {
            let year: Int
            let version: Int
            let late: Bool
            let outcome: String?
        }
        struct Entry: Decodable {
            let status: String
            let since: String
        }
        struct Notice: Decodable {
            let kind: String
            let isPublic: Bool
            let text: String
        }
        let organisation: Record
        let history: [Entry]
        let reports: [Report]
        let notices: [Notice]
    }

    struct List: Decodable {
        let items: [Record]
        let total: Int
    }

    static let today = CivilDate(year: 2026, month: 3, day: 10)!

    static func body(
        kind: OrganisationKind = .socialGroup, region: String = "320402001", body: String = "MJ100001",
        registeredOn: String = "2020-03-01", code: String? = nil
    ) -> [String: Any] {
        [
            "creditCode": code
                ?? UnifiedSocialCreditCode.make(kind: kind, region: String(region.prefix(6)), body: body),
            "name": "常州市天宁区测试\(body)协会", "kind": kind.rawValue, "region": region, "domicile": "天宁区测试路1号",
            "businessScope": "开展志愿服务", "registeredCapitalFen": 3_000_000, "registeredOn": registeredOn,
            "legalRepresentativeName": "王芳", "legalRepresentativeIdNumber": residentID("32040219800101002"),
        ]
    }

    static func create(_ app: Application, _ token: String, _ json: [String: Any]) async throws -> Record {
        let res = try await send(app, .POST, "/api/v1/organisations", token: token, json: json)
        #expect(res.status == .created, "\(res.body.string)")
        return try res.json(Record.self)
    }

    /// Opens the organisation's account and returns its token (the first password already changed).
    static func account(_ app: Application, _ clerk: String, _ id: UUID, _ username: String) async throws -> String {
        let res = try await send(
            app, .POST, "/api/v1/organisations/\(id)/account", token: clerk,
            json: ["username": username, "password": "organisation secret 1"])
        #expect(res.status == .created, "\(res.body.string)")
        let user = try res.value("userId", as: UUID.self)
        try await app.sql.raw("UPDATE users SET must_change_password = \(bind: false) WHERE id = \(bind: user)").run()
        return try await AccountStore(db: app.sql).issueToken(userID: user, name: "test")
    }

    static func report(year: Int) -> [String: Any] {
        [
            "year": year, "activities": 12, "incomeFen": 5_000_000, "expenditureFen": 4_200_000,
            "netAssetsFen": 800_000, "summary": "开展志愿服务 12 次",
        ]
    }

    @Test("a bad credit code is a 400 naming creditCode and the reason", arguments: TestDatabase.available)
    func badCodes(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let clerk = try await app.token(role: .districtOfficer, region: "320402")
            let good = UnifiedSocialCreditCode.make(kind: .socialGroup, region: "320402", body: "MJ100001")
            let cases: [(String, String, String)] = [
                (String(good.dropLast()), "socialGroup", "length"),
                (good.replacingOccurrences(of: "MJ", with: "MI"), "socialGroup", "character"),
                (String(good.dropLast()) + (good.last == "0" ? "1" : "0"), "socialGroup", "checkCharacter"),
                (good, "foundation", "typeMismatch"),
                (good.lowercased(), "socialGroup", ""),
            ]
            for (code, kind, reason) in cases {
                var json = Self.body(code: code)
                json["kind"] = kind
                let res = try await send(app, .POST, "/api/v1/organisations", token: clerk, json: json)
                if reason.isEmpty {
                    #expect(res.status == .created, "\(res.body.string)")
                    #expect(try res.json(Record.self).creditCode == good)
                } else {
                    #expect(res.status == .badRequest, "\(code) \(res.body.string)")
                    let answer = try res.json(ErrorAnswer.self)
                    #expect(answer.field == "creditCode")
                    #expect(answer.error.contains("（\(reason)）"), "\(answer.error)")
                }
            }
            // The same code twice: 409.
            let again = try await send(app, .POST, "/api/v1/organisations", token: clerk, json: Self.body())
            #expect(again.status == .conflict)
        }
    }

    @Test(
        "region and role: the clerk sees their region's only; a street officer 403; the organisation's account sees its own, 404 otherwise",
        arguments: TestDatabase.available)
    func accessAndOwnAccount(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let tianning = try await app.token(role: .districtOfficer, region: "320402")
            let zhonglou = try await app.token(role: .districtOfficer, region: "320404")
            let own = try await Self.create(app, tianning, Self.body())
            let other = try await Self.create(
                app, zhonglou, Self.body(region: "320404001", body: "MJ200002"))
            #expect(own.legalRepresentativeIdMasked.contains("*"))
            // Outside the clerk's region: not created, not seen.
            let outside = try await send(
                app, .POST, "/api/v1/organisations", token: tianning,
                json: Self.body(region: "320404001", body: "MJ300003"))
            #expect(outside.status == .badRequest)
            let list = try await send(app, .GET, "/api/v1/organisations", token: tianning).json(List.self)
            #expect(list.items.map(\.id) == [own.id])
            #expect(try await send(app, .GET, "/api/v1/organisations/\(other.id)", token: tianning).status == .notFound)
            let street = try await app.token(role: .streetOfficer, region: "320402001")
            #expect(try await send(app, .GET, "/api/v1/organisations", token: street).status == .forbidden)
            #expect(try await send(app, .GET, "/api/v1/organisations/\(own.id)", token: street).status == .forbidden)

            // The organisation's account: its own record, nothing else.
            let secretary = try await Self.account(app, tianning, own.id, "org-tianning")
            #expect(try await send(app, .GET, "/api/v1/organisations/\(own.id)", token: secretary).status == .ok)
            #expect(try await send(app, .GET, "/api/v1/my-organisation", token: secretary).status == .ok)
            #expect(
                try await send(app, .GET, "/api/v1/organisations/\(other.id)", token: secretary).status == .notFound)
            #expect(
                try await send(
                    app, .POST, "/api/v1/organisations/\(other.id)/reports", token: secretary,
                    json: Self.report(year: 2025)
                ).status == .notFound)
            #expect(try await send(app, .GET, "/api/v1/organisations", token: secretary).status == .forbidden)
            #expect(try await send(app, .GET, "/api/v1/organisation-sweep", token: secretary).status == .forbidden)
            #expect(try await send(app, .GET, "/api/v1/households", token: secretary).status == .forbidden)

            // Filing: once a year; this year's not yet; the clerk reviews, the organisation may not.
            let filed = try await send(
                app, .POST, "/api/v1/organisations/\(own.id)/reports", token: secretary, json: Self.report(year: 2025))
            #expect(filed.status == .created, "\(filed.body.string)")
            #expect(
                try await send(
                    app, .POST, "/api/v1/organisations/\(own.id)/reports", token: secretary,
                    json: Self.report(year: 2025)
                ).status == .conflict)
            let early = try await send(
                app, .POST, "/api/v1/organisations/\(own.id)/reports", token: secretary, json: Self.report(year: 2026))
            #expect(early.status == .badRequest)
            #expect(try early.json(ErrorAnswer.self).field == "year")
            // The clerk files nothing for the organisation.
            #expect(
                try await send(
                    app, .POST, "/api/v1/organisations/\(own.id)/reports", token: tianning,
                    json: Self.report(year: 2024)
                ).status == .forbidden)
            let review = ["outcome": "basicallyQualified", "version": 1] as [String: Any]
            #expect(
                try await send(
                    app, .POST, "/api/v1/organisations/\(own.id)/reports/2025/review", token: secretary, json: review
                ).status == .forbidden)
            let noReason = try await send(
                app, .POST, "/api/v1/organisations/\(own.id)/reports/2025/review", token: tianning, json: review)
            #expect(noReason.status == .badRequest)
            #expect(try noReason.json(ErrorAnswer.self).field == "note")
            var withReason = review
            withReason["note"] = "财务制度不健全"
            let reviewed = try await send(
                app, .POST, "/api/v1/organisations/\(own.id)/reports/2025/review", token: tianning, json: withReason)
            #expect(reviewed.status == .ok, "\(reviewed.body.string)")
            #expect(try reviewed.value("outcome", as: String.self) == "basicallyQualified")
            #expect(
                try await send(
                    app, .POST, "/api/v1/organisations/\(other.id)/reports/2025/review", token: tianning,
                    json: withReason
                ).status == .notFound)
            let mine = try await send(app, .GET, "/api/v1/my-organisation", token: secretary).json(Detail.self)
            #expect(mine.reports.map(\.outcome) == ["basicallyQualified"])
        }
    }

    @Test(
        "the monthly run: reminded in May, abnormal list in June with a public notice, revocation proposed a year on, serious-violation list after two years",
        arguments: TestDatabase.available)
    func creditTimeline(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(CivilDate(year: 2024, month: 1, day: 5)!)
            let clerk = try await app.token(role: .districtOfficer, region: "320402")
            let lapsing = try await Self.create(app, clerk, Self.body(registeredOn: "2020-03-01"))
            let diligent = try await Self.create(app, clerk, Self.body(body: "MJ100002", registeredOn: "2020-03-01"))
            let secretary = try await Self.account(app, clerk, diligent.id, "org-diligent")
            let lapsingSecretary = try await Self.account(app, clerk, lapsing.id, "org-lapsing")
            for year in 2020...2022 {
                for token in [secretary, lapsingSecretary] {
                    let res = try await send(
                        app, .POST, "/api/v1/organisations/\(token == secretary ? diligent.id : lapsing.id)/reports",
                        token: token, json: Self.report(year: year))
                    #expect(res.status == .created)
                    #expect(try res.value("late", as: Bool.self))
                }
            }
            var statuses: [String: String] = [:]
            var month = YearMonth(year: 2024, month: 1)!
            while month <= YearMonth(year: 2026, month: 7)! {
                app.platform.clock = .fixed(month.firstDay.adding(days: 14))
                // The diligent one files each year's report in April.
                if month.month == 4 {
                    let res = try await send(
                        app, .POST, "/api/v1/organisations/\(diligent.id)/reports", token: secretary,
                        json: Self.report(year: month.year - 1))
                    #expect(res.status == .created)
                    #expect(try res.value("late", as: Bool.self) == false)
                }
                let run = try await app.organisationCredit(actor: .system("test")).run(
                    month: month, within: OrganisationStore.city)
                #expect(run.changes.allSatisfy { $0.organisationId == lapsing.id }, "\(month)")
                let record = try await send(app, .GET, "/api/v1/organisations/\(lapsing.id)", token: clerk).json(
                    Detail.self)
                statuses[month.description] = record.organisation.status
                month = month.adding(months: 1)
            }
            #expect(statuses["2024-05"] == "normal")
            #expect(statuses["2024-06"] == "abnormal")
            #expect(statuses["2025-05"] == "abnormal")
            #expect(statuses["2026-05"] == "abnormal")
            #expect(statuses["2026-06"] == "seriousViolation")
            #expect(statuses["2026-07"] == "seriousViolation")
            let detail = try await send(app, .GET, "/api/v1/organisations/\(lapsing.id)", token: clerk).json(
                Detail.self)
            #expect(detail.history.map(\.status) == ["normal", "abnormal", "seriousViolation"])
            #expect(detail.history.map(\.since) == ["2020-03-01", "2024-06-01", "2026-06-01"])
            #expect(detail.organisation.revocationProposedOn == "2025-06-01")
            let kinds = Set(detail.notices.map(\.kind))
            #expect(kinds == ["reminder", "abnormal", "revocationProposed", "serious"])
            #expect(detail.notices.filter { $0.kind == "reminder" }.count == 3)
            #expect(detail.notices.filter(\.isPublic).map(\.kind).sorted() == ["abnormal", "serious"])
            let good = try await send(app, .GET, "/api/v1/organisations/\(diligent.id)", token: clerk).json(Detail.self)
            #expect(good.organisation.status == "normal")
            #expect(good.notices.isEmpty)
            // Running a month again changes nothing.
            let again = try await app.organisationCredit(actor: .system("test")).run(
                month: YearMonth(year: 2026, month: 7)!, within: OrganisationStore.city)
            #expect(again.changes.isEmpty && again.reminded == 0)
            // The public notices and the sweep: the lapsed one, with its evidence.
            let notices = try await send(app, .GET, "/api/v1/organisation-notices", token: clerk)
            #expect(try notices.value("total", as: Int.self) == 2)
            let sweep = try await send(app, .GET, "/api/v1/organisation-sweep", token: clerk)
            #expect(try sweep.value("count", as: Int.self) == 1)
            #expect(
                try sweep.value("candidates", as: [OrganisationStore.DormantCandidate].self).first?.id == lapsing.id)
        }
    }

    @Test(
        "the pages: the clerk's list, record and sweep; the secretary files on /my-organisation",
        arguments: TestDatabase.available)
    func pages(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let token = try await app.token(role: .districtOfficer, region: "320402")
            let own = try await Self.create(app, token, Self.body())
            _ = try await Self.account(app, token, own.id, "org-pages")
            let clerk = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320402")
            for path in [
                "/organisations", "/organisations/\(own.id)", "/organisation-sweep",
                "/organisation-notices", "/organisations/new",
            ] {
                let page = try await FormVisit.open(app, path, cookie: clerk).page
                #expect(page.status == .ok, "\(path)")
            }
            #expect(try await FormVisit.open(app, "/organisations", cookie: clerk).page.body.string.contains(own.name))
            let login = try await FormVisit.open(app, "/login")
            let signedIn = try await login.post(
                app, "/login", [("username", "org-pages"), ("password", "organisation secret 1"), ("next", "/")])
            let secretary = signedIn.headers.setCookie?["minzheng_session"]?.string ?? login.cookie
            let mine = try await FormVisit.open(app, "/my-organisation", cookie: secretary)
            #expect(mine.page.status == .ok)
            #expect(mine.page.body.string.contains("报送年度工作报告"))
            let filed = try await mine.post(
                app, "/my-organisation/report",
                [
                    ("year", "2025"), ("activities", "6"), ("income", "12000.50"), ("expenditure", "9000"),
                    ("netAssets", "3000.50"), ("summary", "全年开展志愿服务 6 次"),
                ])
            #expect(filed.status == .seeOther, "\(filed.body.string.prefix(300))")
            let report = try #require(try await OrganisationStore(db: app.sql).report(own.id, year: 2025))
            #expect(report.incomeFen == 1_200_050)
            #expect(
                try await FormVisit.open(app, "/organisations/\(own.id)", cookie: secretary).page.status == .forbidden)
        }
    }
}
