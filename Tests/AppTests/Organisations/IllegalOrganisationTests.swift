@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// Issue 17 item 4: reports of illegal social organisations taken, investigated and closed
/// (the reporter private: sealed at rest, masked in lists, another user 404), and trade
/// associations' improper fees with their refunds, never past the improper amount, totalled by
/// association and year to the fen.
@Suite("Illegal organisations and improper fees of trade associations")
struct IllegalOrganisationTests {
    struct Report: Decodable {
        struct Reporter: Decodable {
            let name: String
            let phone: String?
            let unit: String?
        }
        struct Entry: Decodable {
            let kind: String
            let on: String
            let text: String
        }
        let id: UUID
        let version: Int
        let number: String
        let source: String
        let reporterMasked: String
        let reporter: Reporter?
        let evidence: String?
        let state: String
        let outcome: String?
        let closedOn: String?
        let assigneeName: String?
        let timeline: [Entry]?
        let actions: [String]
    }

    struct List: Decodable {
        let items: [Report]
        let total: Int
    }

    struct Counts: Decodable {
        struct Year: Decodable {
            let year: Int
            let received: Int
            let closed: Int
            let byOutcome: [String: Int]
            let stopped: Int
        }
        let years: [Year]
        let received: Int
        let open: Int
        let stopped: Int
    }

    static let today = CivilDate(year: 2026, month: 3, day: 10)!

    static func report(region: String = "320402001", phone: String? = "13912345678") -> [String: Any] {
        var json: [String: Any] = [
            "organisationName": "中华国学养生研究院", "region": region, "location": "红梅商务楼 5 楼",
            "activities": "以研究院名义举办收费讲座，发展会员", "evidence": "宣传单两张、收款截图",
        ]
        if let phone { json["reporterPhone"] = phone }
        return json
    }

    static func post(
        _ app: Application, _ path: String, _ token: String, _ json: [String: Any]
    ) async throws -> TestingHTTPResponse {
        try await send(app, .POST, path, token: token, json: json)
    }

    @Test(
        "a resident's report: taken, investigated, closed; the reporter masked, sealed, and the report 404 to others",
        arguments: TestDatabase.available)
    func residentReportFlow(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let resident = try await app.token(role: .resident, region: "320402001", username: "王小明")
            let neighbour = try await app.token(role: .resident, region: "320402001")
            let clerk = try await app.token(role: .districtOfficer, region: "320402")
            let zhonglou = try await app.token(role: .districtOfficer, region: "320404")
            let street = try await app.token(role: .streetOfficer, region: "320402001")

            let created = try await Self.post(app, "/api/v1/illegal-organisations", resident, Self.report())
            #expect(created.status == .created, "\(created.body.string)")
            let mine = try created.json(Report.self)
            #expect(mine.number == "FF2026-000001")
            #expect(mine.source == "resident" && mine.state == "received")
            #expect(mine.reporterMasked == "王** 139****5678")
            #expect(mine.reporter == nil && mine.timeline == nil && mine.evidence == nil && mine.actions.isEmpty)

            // Sealed at rest, masked in the audit trail.
            let stored = try #require(
                try await app.sql.raw("SELECT * FROM illegal_org_reports WHERE id = \(bind: mine.id)").first())
            let cipherText = try stored.decode(column: "reporter_cipher", as: String.self)
            #expect(!cipherText.contains("王小明") && !cipherText.contains("13912345678"))
            let trail = try await app.sql.raw(
                "SELECT after_json FROM audit_events WHERE action = 'illegalOrganisation.report'"
            )
            .all().map { try $0.decode(column: "after_json", as: String?.self) ?? "" }.joined()
            #expect(trail.contains("王**") && !trail.contains("王小明") && !trail.contains("13912345678"))

            // The reporter sees its own; the neighbour, the other district and nobody else do.
            let own = try await send(app, .GET, "/api/v1/illegal-organisations", token: resident).json(List.self)
            #expect(own.items.map(\.id) == [mine.id])
            let theirs = try await send(app, .GET, "/api/v1/illegal-organisations", token: neighbour).json(List.self)
            #expect(theirs.total == 0)
            for token in [neighbour, zhonglou] {
                let res = try await send(app, .GET, "/api/v1/illegal-organisations/\(mine.id)", token: token)
                #expect(res.status == .notFound)
            }
            #expect(
                try await send(app, .GET, "/api/v1/illegal-organisations/\(mine.id)", token: street).status
                    == .forbidden)
            // A resident may not step the report.
            let stepped = try await Self.post(
                app, "/api/v1/illegal-organisations/\(mine.id)/assignment", resident, ["version": 1])
            #expect(stepped.status == .forbidden)

            // The clerk: the list masked, the record with who reported.
            let list = try await send(app, .GET, "/api/v1/illegal-organisations", token: clerk).json(List.self)
            #expect(list.items.map(\.reporterMasked) == ["王** 139****5678"] && list.items[0].reporter == nil)
            let full = try await send(app, .GET, "/api/v1/illegal-organisations/\(mine.id)", token: clerk).json(
                Report.self)
            #expect(full.reporter?.name == "王小明" && full.reporter?.phone == "13912345678")
            #expect(full.actions == ["assign"])

            // Wrong state: 409 naming the action; a stale version: 409.
            let early = try await Self.post(
                app, "/api/v1/illegal-organisations/\(mine.id)/notes", clerk, ["version": 1, "note": "走访"])
            #expect(early.status == .conflict)
            #expect(try early.json(ErrorAnswer.self).field == "action")
            let assigned = try await Self.post(
                app, "/api/v1/illegal-organisations/\(mine.id)/assignment", clerk, ["version": 1])
            #expect(assigned.status == .ok, "\(assigned.body.string)")
            let a = try assigned.json(Report.self)
            #expect(a.state == "investigating" && a.version == 2 && a.assigneeName != nil)
            let stale = try await Self.post(
                app, "/api/v1/illegal-organisations/\(mine.id)/notes", clerk, ["version": 1, "note": "走访"])
            #expect(stale.status == .conflict)
            let badDay = try await Self.post(
                app, "/api/v1/illegal-organisations/\(mine.id)/notes", clerk,
                ["version": 2, "note": "走访", "on": "2026-03-11"])
            #expect(try badDay.json(ErrorAnswer.self).field == "on")
            let noted = try await Self.post(
                app, "/api/v1/illegal-organisations/\(mine.id)/notes", clerk,
                ["version": 2, "note": "现场核查：未登记，以研究院名义收费", "on": "2026-03-10"])
            #expect(noted.status == .ok, "\(noted.body.string)")
            let noOutcome = try await Self.post(
                app, "/api/v1/illegal-organisations/\(mine.id)/closure", clerk,
                ["version": 3, "outcome": "stopped", "note": "x"])
            #expect(try noOutcome.status == .badRequest && (noOutcome.json(ErrorAnswer.self).field) == "outcome")
            let closed = try await Self.post(
                app, "/api/v1/illegal-organisations/\(mine.id)/closure", clerk,
                ["version": 3, "outcome": "banned", "note": "依法取缔，没收宣传资料"])
            #expect(closed.status == .ok, "\(closed.body.string)")
            let c = try closed.json(Report.self)
            #expect(c.state == "closed" && c.outcome == "banned" && c.closedOn == "2026-03-10" && c.actions.isEmpty)
            #expect(c.timeline?.map(\.kind) == ["received", "assigned", "note", "closed"])
            let again = try await Self.post(
                app, "/api/v1/illegal-organisations/\(mine.id)/closure", clerk,
                ["version": 4, "outcome": "banned", "note": "x"])
            #expect(try again.status == .conflict && (again.json(ErrorAnswer.self).field) == "action")

            // The reporter sees the outcome, not the investigation.
            let seen = try await send(app, .GET, "/api/v1/illegal-organisations/\(mine.id)", token: resident).json(
                Report.self)
            #expect(seen.outcome == "banned" && seen.timeline == nil && seen.assigneeName == nil)

            // Counts by year and outcome.
            let counts = try await send(app, .GET, "/api/v1/illegal-organisation-counts", token: clerk).json(
                Counts.self)
            #expect(counts.received == 1 && counts.open == 0 && counts.stopped == 1)
            #expect(counts.years.first?.byOutcome["banned"] == 1 && counts.years.first?.byOutcome["unfounded"] == 0)
            let none = try await send(app, .GET, "/api/v1/illegal-organisation-counts", token: zhonglou).json(
                Counts.self)
            #expect(none.received == 0)
            // Every step audited.
            let actions = try await app.sql.raw(
                "SELECT action FROM audit_events WHERE action LIKE 'illegalOrganisation.%' ORDER BY sequence"
            ).all().map { try $0.decode(column: "action", as: String.self) }
            #expect(
                actions == [
                    "illegalOrganisation.report", "illegalOrganisation.assign", "illegalOrganisation.note",
                    "illegalOrganisation.close",
                ])
        }
    }

    @Test(
        "phone and department reports: the fields named, the clerk's region, the caller anonymous or named",
        arguments: TestDatabase.available)
    func phoneAndDepartment(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let clerk = try await app.token(role: .districtOfficer, region: "320402")
            let police = try await MonitoringTests.departmentToken(app, "publicSecurity")
            var outside = Self.report(region: "320404001")
            outside["reporterName"] = "李四"
            let refused = try await Self.post(app, "/api/v1/illegal-organisations", clerk, outside)
            #expect(try refused.status == .badRequest && (refused.json(ErrorAnswer.self).field) == "region")
            for (field, value) in [
                ("activities", "" as Any), ("organisationName", ""), ("region", "999999"), ("reporterPhone", "abc"),
                ("reportedOn", "2026-03-11"),
            ] {
                var json = Self.report()
                json[field] = value
                let res = try await Self.post(app, "/api/v1/illegal-organisations", clerk, json)
                #expect(res.status == .badRequest, "\(field)")
                #expect(try res.json(ErrorAnswer.self).field == field)
            }
            var anonymous = Self.report(phone: nil)
            anonymous["reportedOn"] = "2026-03-02"
            let call = try await Self.post(app, "/api/v1/illegal-organisations", clerk, anonymous)
            #expect(call.status == .created, "\(call.body.string)")
            let phone = try call.json(Report.self)
            #expect(phone.source == "phone" && phone.reporterMasked == "匿***")
            #expect(phone.reporter?.name == "匿名来电")
            let sent = try await Self.post(app, "/api/v1/illegal-organisations", police, Self.report(phone: nil))
            #expect(sent.status == .created, "\(sent.body.string)")
            let department = try sent.json(Report.self)
            #expect(department.source == "department" && department.reporterMasked.hasPrefix("publicSecurity"))
            let list = try await send(app, .GET, "/api/v1/illegal-organisations?state=received", token: clerk).json(
                List.self)
            #expect(Set(list.items.map(\.id)) == [phone.id, department.id])
            let mine = try await send(app, .GET, "/api/v1/illegal-organisations", token: police).json(List.self)
            #expect(mine.items.map(\.id) == [department.id])
            let bad = try await send(app, .GET, "/api/v1/illegal-organisations?state=done", token: clerk)
            #expect(try bad.status == .badRequest && (bad.json(ErrorAnswer.self).field) == "state")
        }
    }

    struct Fee: Decodable {
        let id: UUID
        let version: Int
        let finding: String?
        let improperFen: Int64
        let refundedFen: Int64
        let outstandingFen: Int64
    }

    struct FeeDetail: Decodable {
        struct Refund: Decodable {
            let refundedOn: String
            let amountFen: Int64
        }
        let item: Fee
        let refunds: [Refund]
    }

    struct Totals: Decodable {
        struct Line: Decodable {
            let organisationId: UUID
            let year: Int
            let items: Int
            let improperItems: Int
            let chargedFen: Int64
            let improperFen: Int64
            let refundedFen: Int64
            let outstandingFen: Int64
        }
        struct Year: Decodable {
            let year: Int
            let chargedFen: Int64
            let improperFen: Int64
            let refundedFen: Int64
        }
        let byAssociation: [Line]
        let byYear: [Year]
        let total: Year
        let refunded: String
        let associations: Int
    }

    static func fee(_ organisation: UUID, year: Int, fen: Int64, name: String = "会员费") -> [String: Any] {
        [
            "organisationId": organisation.uuidString, "year": year, "name": name, "basis": "会员代表大会决议",
            "amountFen": fen, "payers": 120,
        ]
    }

    @Test(
        "trade associations: fee items, findings, refunds never past the improper amount, totals exact in fen, the .xlsx",
        arguments: TestDatabase.available)
    func fees(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            let clerk = try await app.token(role: .districtOfficer, region: "320402")
            let zhonglou = try await app.token(role: .districtOfficer, region: "320404")
            let a = try await OrganisationTests.create(app, clerk, OrganisationTests.body(body: "MJ100001"))
            let b = try await OrganisationTests.create(app, clerk, OrganisationTests.body(body: "MJ100002"))
            let foundation = try await OrganisationTests.create(
                app, clerk, OrganisationTests.body(kind: .foundation, body: "MJ100003"))

            // Not marked yet: 409; a foundation cannot be a trade association.
            let early = try await Self.post(
                app, "/api/v1/trade-association-fees", clerk, Self.fee(a.id, year: 2024, fen: 1))
            #expect(try early.status == .conflict && (early.json(ErrorAnswer.self).field) == "organisationId")
            let wrongKind = try await Self.post(
                app, "/api/v1/organisations/\(foundation.id)/trade-association", clerk, [:])
            #expect(try wrongKind.status == .conflict && (wrongKind.json(ErrorAnswer.self).field) == "kind")
            for org in [a, b] {
                let marked = try await Self.post(app, "/api/v1/organisations/\(org.id)/trade-association", clerk, [:])
                #expect(marked.status == .ok, "\(marked.body.string)")
            }
            let twice = try await Self.post(app, "/api/v1/organisations/\(a.id)/trade-association", clerk, [:])
            #expect(twice.status == .conflict)
            #expect(
                try await Self.post(app, "/api/v1/organisations/\(a.id)/trade-association", zhonglou, [:]).status
                    == .notFound)

            // Fields named.
            for (field, value) in [
                ("year", 2019 as Any), ("year", 2027), ("amountFen", -1), ("payers", 5_000), ("name", ""),
            ] {
                var json = Self.fee(a.id, year: 2024, fen: 100)
                json[field] = value
                let res = try await Self.post(app, "/api/v1/trade-association-fees", clerk, json)
                #expect(res.status == .badRequest, "\(field) \(value)")
                #expect(try res.json(ErrorAnswer.self).field == field)
            }
            func create(_ org: UUID, _ year: Int, _ fen: Int64) async throws -> Fee {
                let res = try await Self.post(
                    app, "/api/v1/trade-association-fees", clerk, Self.fee(org, year: year, fen: fen))
                #expect(res.status == .created, "\(res.body.string)")
                return try res.json(Fee.self)
            }
            let a1 = try await create(a.id, 2024, 1_234_567)
            let a2 = try await create(a.id, 2024, 99_999)
            let a3 = try await create(a.id, 2025, 500_001)
            let b1 = try await create(b.id, 2024, 3_000_000)
            _ = try await create(b.id, 2025, 7)

            // A refund needs an improper finding; improper needs the rule.
            let unfound = try await Self.post(
                app, "/api/v1/trade-association-fees/\(a1.id)/refunds", clerk,
                ["refundedOn": "2025-06-01", "amountFen": 1])
            #expect(try unfound.status == .conflict && (unfound.json(ErrorAnswer.self).field) == "finding")
            let noRule = try await Self.post(
                app, "/api/v1/trade-association-fees/\(a1.id)/finding", clerk, ["finding": "improper", "version": 1])
            #expect(try noRule.status == .badRequest && (noRule.json(ErrorAnswer.self).field) == "rule")
            func find(_ fee: Fee, _ finding: String) async throws {
                let res = try await Self.post(
                    app, "/api/v1/trade-association-fees/\(fee.id)/finding", clerk,
                    ["finding": finding, "rule": "强制入会收费", "version": fee.version])
                #expect(res.status == .ok, "\(res.body.string)")
            }
            try await find(a1, "improper")
            try await find(a2, "compliant")
            try await find(a3, "improper")
            try await find(b1, "improper")
            func refund(_ fee: Fee, _ fen: Int64, on day: String = "2025-06-01") async throws -> TestingHTTPResponse {
                try await Self.post(
                    app, "/api/v1/trade-association-fees/\(fee.id)/refunds", clerk,
                    ["refundedOn": day, "amountFen": fen, "note": "清退"])
            }
            // Over the improper amount: 400 naming amountFen; exactly up to it: accepted.
            let over = try await refund(a1, 1_234_568)
            #expect(try over.status == .badRequest && (over.json(ErrorAnswer.self).field) == "amountFen")
            #expect(try await refund(a1, 1_000_000).status == .created)
            let past = try await refund(a1, 234_568)
            #expect(try past.status == .badRequest && (past.json(ErrorAnswer.self).field) == "amountFen")
            let last = try await refund(a1, 234_567)
            #expect(last.status == .created)
            #expect(try last.json(FeeDetail.self).item.outstandingFen == 0)
            #expect(try await refund(a1, 1).status == .badRequest)
            #expect(try await refund(a2, 1).status == .conflict)
            let early2024 = try await refund(a3, 1, on: "2024-12-31")
            #expect(try early2024.status == .badRequest && (early2024.json(ErrorAnswer.self).field) == "refundedOn")
            #expect(try await refund(a3, 300_000, on: "2026-01-15").status == .created)
            #expect(try await refund(b1, 3_000_000).status == .created)
            // The finding is fixed once refunded.
            let changed = try await Self.post(
                app, "/api/v1/trade-association-fees/\(a1.id)/finding", clerk, ["finding": "compliant", "version": 4])
            #expect(changed.status == .conflict)

            let totals = try await send(app, .GET, "/api/v1/trade-association-fee-totals", token: clerk).json(
                Totals.self)
            func line(_ org: UUID, _ year: Int) -> Totals.Line? {
                totals.byAssociation.first { $0.organisationId == org && $0.year == year }
            }
            let a2024 = try #require(line(a.id, 2024))
            #expect(a2024.items == 2 && a2024.improperItems == 1)
            #expect(a2024.chargedFen == 1_334_566 && a2024.improperFen == 1_234_567 && a2024.refundedFen == 1_234_567)
            #expect(a2024.outstandingFen == 0)
            let a2025 = try #require(line(a.id, 2025))
            #expect(a2025.improperFen == 500_001 && a2025.refundedFen == 300_000 && a2025.outstandingFen == 200_001)
            let b2025 = try #require(line(b.id, 2025))
            #expect(b2025.chargedFen == 7 && b2025.improperFen == 0 && b2025.refundedFen == 0)
            #expect(totals.byYear.map(\.year) == [2025, 2024])
            #expect(totals.byYear[1].refundedFen == 4_234_567 && totals.byYear[0].refundedFen == 300_000)
            #expect(totals.total.chargedFen == 4_834_574 && totals.total.refundedFen == 4_534_567)
            #expect(totals.refunded == "4.53 万元" && totals.associations == 2)
            let only2025 = try await send(app, .GET, "/api/v1/trade-association-fee-totals?year=2025", token: clerk)
                .json(Totals.self)
            #expect(only2025.total.refundedFen == 300_000 && only2025.byAssociation.count == 2)
            // Another district sees none of it.
            let other = try await send(app, .GET, "/api/v1/trade-association-fee-totals", token: zhonglou).json(
                Totals.self)
            #expect(other.total.chargedFen == 0)
            #expect(
                try await send(app, .GET, "/api/v1/trade-association-fees/\(a1.id)", token: zhonglou).status
                    == .notFound)
            let detail = try await send(app, .GET, "/api/v1/trade-association-fees/\(a1.id)", token: clerk).json(
                FeeDetail.self)
            #expect(detail.refunds.map(\.amountFen).sorted() == [234_567, 1_000_000])
            let filtered = try await send(
                app, .GET, "/api/v1/trade-association-fees?finding=improper&year=2024", token: clerk)
            #expect(try filtered.value("total", as: Int.self) == 2)

            // The .xlsx of the totals (through a page session) and its audit event.
            let cookie = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320402")
            let file = try await AccountFixtures.get(app, "/trade-association-fees.xlsx", cookie: cookie)
            #expect(file.status == .ok)
            #expect(file.headers.contentType?.description.contains("spreadsheetml") == true)
            let page = try await AccountFixtures.get(app, "/trade-association-fees", cookie: cookie)
            #expect(page.status == .ok && page.body.string.contains("4.53 万元"))
            let show = try await AccountFixtures.get(app, "/trade-association-fees/\(a3.id)", cookie: cookie)
            #expect(show.status == .ok && show.body.string.contains("记录清退"))
            let exported = try await app.sql.raw(
                "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'tradeFee.export'"
            )
            .first()?.decode(column: "n", as: Int.self)
            #expect(exported == 1)
        }
    }

    @Test(
        "the pages: the resident's form on a phone, the clerk's list with counts and a report's steps",
        arguments: TestDatabase.available)
    func pages(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            #expect(try await DemoIllegalOrganisations.seedReports(app) == 0)  // no registry: nothing to place them in
            let clerk = try await app.token(role: .districtOfficer, region: "320402")
            let created = try await Self.post(app, "/api/v1/illegal-organisations", clerk, Self.report()).json(
                Report.self)
            let cookie = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320402")
            let list = try await AccountFixtures.get(app, "/illegal-organisations", cookie: cookie)
            #expect(list.status == .ok && list.body.string.contains(created.number))
            #expect(list.body.string.contains("139****5678") && !list.body.string.contains("13912345678"))
            let visit = try await FormVisit.open(app, "/illegal-organisations/\(created.id)", cookie: cookie)
            #expect(visit.page.status == .ok && visit.page.body.string.contains("由我调查"))
            let early = try await visit.post(
                app, "/illegal-organisations/\(created.id)/steps/close",
                [("version", "1"), ("outcome", "banned"), ("note", "x")])
            #expect(early.status == .conflict && early.body.string.contains("尚未指派"))
            let assigned = try await visit.post(
                app, "/illegal-organisations/\(created.id)/steps/assign", [("version", "1")])
            #expect(assigned.status == .seeOther)
            let form = try await AccountFixtures.get(app, "/illegal-organisations/new", cookie: cookie)
            #expect(form.status == .ok && form.body.string.contains("来电人姓名"))
            let residentCookie = try await PolicyPageTests.signedIn(app, role: .resident, region: "320402001")
            let residentForm = try await AccountFixtures.get(app, "/illegal-organisations/new", cookie: residentCookie)
            #expect(residentForm.status == .ok && !residentForm.body.string.contains("来电人姓名"))
            let other = try await AccountFixtures.get(
                app, "/illegal-organisations/\(created.id)", cookie: residentCookie)
            #expect(other.status == .notFound)
        }
    }

    @Test(
        "the demo: reports in every state with twelve stopped, a dozen associations refunding 1871.00 万元",
        arguments: TestDatabase.available)
    func demo(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.today)
            _ = try await DemoOrganisations.seed(app, count: 200)
            #expect(try await DemoIllegalOrganisations.seedReports(app) == 36)
            let fees = try await DemoIllegalOrganisations.seedFees(app)
            #expect(fees.associations == 12 && fees.items == 36)
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            let counts = try await send(app, .GET, "/api/v1/illegal-organisation-counts", token: admin).json(
                Counts.self)
            #expect(counts.received == 36 && counts.open == 18 && counts.stopped == 12)
            for state in IllegalReportState.allCases {
                let list = try await send(
                    app, .GET, "/api/v1/illegal-organisations?state=\(state.rawValue)", token: admin)
                #expect(try list.value("total", as: Int.self) > 0, "\(state)")
            }
            let totals = try await send(app, .GET, "/api/v1/trade-association-fee-totals", token: admin).json(
                Totals.self)
            #expect(totals.refunded == "1871.00 万元" && totals.total.refundedFen == 1_871_000_000)
            #expect(totals.byAssociation.allSatisfy { $0.refundedFen <= $0.improperFen && $0.outstandingFen >= 0 })
            #expect(totals.byAssociation.contains { $0.outstandingFen > 0 })
        }
    }
}
