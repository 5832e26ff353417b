@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// Charity (issue 17 item 6) through the API and the pages: recognising a charitable organisation,
/// its public-fundraising qualification and filings; the city charity award's publicity and
/// objections; 1798 needs from open to given, on the household's record, scoped by region.
@Suite("Charity: charitable organisations, the charity award and 1798 needs")
struct CharityTests {
    struct Charitable: Decodable {
        let id: UUID
        let version: Int
        let status: String
        let qualified: Bool
        let qualifiedSince: String?
    }

    struct Filing: Decodable {
        let id: UUID
        let raisedFen: Int64?
    }

    struct Need: Decodable {
        let id: UUID
        let version: Int
        let status: String
        let donorMasked: String?
        let givenFen: Int64?
        let givenOn: String?
        let source: String
    }

    struct RoundInfo: Decodable {
        let publicityEnds: String?
    }

    static func day(_ text: String) -> PlatformClock { .fixed(CivilDate(text)!) }

    @Test(
        "recognition refused off the normal list; the qualification and filings ten days ahead without overlap; the amount raised",
        arguments: TestDatabase.available)
    func organisations(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = Self.day("2026-03-10")
            let clerk = try await app.token(role: .districtOfficer, region: "320402")
            let org = try await OrganisationTests.create(app, clerk, OrganisationTests.body(body: "MJ300001"))
            let secretary = try await OrganisationTests.account(app, clerk, org.id, "org-charity-1")
            // The organisation applies for itself; once only.
            let applied = try await send(app, .POST, "/api/v1/charitable-organisations", token: secretary, json: [:])
            #expect(applied.status == .created, "\(applied.body.string)")
            #expect(try applied.json(Charitable.self).status == "applied")
            let again = try await send(app, .POST, "/api/v1/charitable-organisations", token: secretary, json: [:])
            #expect(again.status == .conflict)
            // One on the abnormal list is refused, naming it.
            let listed = try await OrganisationTests.create(app, clerk, OrganisationTests.body(body: "MJ300002"))
            try await app.sql.raw("UPDATE organisations SET status = 'abnormal' WHERE id = \(bind: listed.id)").run()
            let refused = try await send(
                app, .POST, "/api/v1/charitable-organisations", token: clerk,
                json: ["organisationId": listed.id.uuidString])
            #expect(refused.status == .conflict)
            #expect(try refused.json(ErrorAnswer.self).field == "organisationId")
            #expect(try refused.json(ErrorAnswer.self).error.contains("活动异常名录"))
            // A street officer is no charity clerk; another district's clerk does not see it.
            let street = try await app.token(role: .streetOfficer, region: "320402001")
            #expect(try await send(app, .GET, "/api/v1/charitable-organisations", token: street).status == .forbidden)
            let otherDistrict = try await app.token(role: .districtOfficer, region: "320404")
            #expect(
                try await send(app, .GET, "/api/v1/charitable-organisations/\(org.id)", token: otherDistrict).status
                    == .notFound)
            // The clerk's decision, dated.
            let decided = try await send(
                app, .POST, "/api/v1/charitable-organisations/\(org.id)/decision", token: clerk,
                json: ["recognised": true, "version": 1] as [String: Any])
            #expect(decided.status == .ok, "\(decided.body.string)")
            #expect(try decided.value("decidedOn", as: String.self) == "2026-03-10")
            let plan: [String: Any] = [
                "purpose": "困难家庭助学", "startsOn": "2026-03-25", "endsOn": "2026-05-31", "targetFen": 50_000_000,
                "channels": "网络募捐", "platform": "腾讯公益",
            ]
            // No filing without the qualification.
            let unqualified = try await send(
                app, .POST, "/api/v1/charitable-organisations/\(org.id)/filings", token: secretary, json: plan)
            #expect(unqualified.status == .conflict)
            #expect(try unqualified.json(ErrorAnswer.self).field == "organisationId")
            let granted = try await send(
                app, .POST, "/api/v1/charitable-organisations/\(org.id)/qualification", token: clerk,
                json: ["action": "grant", "version": 2] as [String: Any])
            #expect(granted.status == .ok, "\(granted.body.string)")
            #expect(try granted.json(Charitable.self).qualified)
            // Ten days ahead: 2026-03-19 is too early.
            var early = plan
            early["startsOn"] = "2026-03-19"
            let tooEarly = try await send(
                app, .POST, "/api/v1/charitable-organisations/\(org.id)/filings", token: secretary, json: early)
            #expect(tooEarly.status == .badRequest)
            #expect(try tooEarly.json(ErrorAnswer.self).field == "startsOn")
            let filed = try await send(
                app, .POST, "/api/v1/charitable-organisations/\(org.id)/filings", token: secretary, json: plan)
            #expect(filed.status == .created, "\(filed.body.string)")
            let filing = try filed.json(Filing.self)
            // The same platform in an overlapping period is refused.
            var overlapping = plan
            overlapping["purpose"] = "助老"
            overlapping["startsOn"] = "2026-05-01"
            overlapping["endsOn"] = "2026-06-30"
            let clash = try await send(
                app, .POST, "/api/v1/charitable-organisations/\(org.id)/filings", token: secretary, json: overlapping)
            #expect(clash.status == .conflict)
            #expect(try clash.json(ErrorAnswer.self).field == "startsOn")
            overlapping["platform"] = "支付宝公益"
            #expect(
                try await send(
                    app, .POST, "/api/v1/charitable-organisations/\(org.id)/filings", token: secretary,
                    json: overlapping
                ).status == .created)
            // The amount raised, once the fundraising started.
            let before = try await send(
                app, .POST, "/api/v1/charity-filings/\(filing.id)/raised", token: secretary,
                json: ["raisedFen": 100])
            #expect(before.status == .conflict)
            app.platform.clock = Self.day("2026-06-05")
            let raised = try await send(
                app, .POST, "/api/v1/charity-filings/\(filing.id)/raised", token: secretary,
                json: ["raisedFen": 42_000_000])
            #expect(raised.status == .ok, "\(raised.body.string)")
            #expect(try raised.json(Filing.self).raisedFen == 42_000_000)
            // Withdrawn: a reason needed; then no more filings.
            let noReason = try await send(
                app, .POST, "/api/v1/charitable-organisations/\(org.id)/qualification", token: clerk,
                json: ["action": "withdraw", "version": 3] as [String: Any])
            #expect(try noReason.json(ErrorAnswer.self).field == "note")
            let withdrawn = try await send(
                app, .POST, "/api/v1/charitable-organisations/\(org.id)/qualification", token: clerk,
                json: ["action": "withdraw", "version": 3, "note": "违规募捐"] as [String: Any])
            #expect(try withdrawn.json(Charitable.self).qualified == false)
            // The organisation sees its record; another organisation's account does not.
            let other = try await OrganisationTests.create(app, clerk, OrganisationTests.body(body: "MJ300003"))
            let otherSecretary = try await OrganisationTests.account(app, clerk, other.id, "org-charity-2")
            #expect(
                try await send(app, .GET, "/api/v1/charitable-organisations/\(org.id)", token: secretary).status == .ok)
            #expect(
                try await send(app, .GET, "/api/v1/charitable-organisations/\(org.id)", token: otherSecretary).status
                    == .notFound)
            #expect(
                try await send(app, .GET, "/api/v1/charity-filings/\(filing.id)", token: otherSecretary).status
                    == .notFound)
            // Every step is in the audit trail.
            let actions = try await app.sql.raw(
                "SELECT action FROM audit_events WHERE action LIKE 'charity.%' ORDER BY sequence"
            ).all().map { try $0.decode(column: "action", as: String.self) }
            for action in [
                "charity.organisation.apply", "charity.organisation.decide", "charity.qualification.grant",
                "charity.filing.create", "charity.filing.raised", "charity.qualification.withdraw",
            ] {
                #expect(actions.contains(action), "\(action)")
            }
        }
    }

    @Test(
        "the award: nominations reviewed, publicity for 7 days, objections during it, awarded only after it with none open",
        arguments: TestDatabase.available)
    func award(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = Self.day("2026-09-01")
            let clerk = try await app.token(role: .cityAdmin, region: "3204")
            let created = try await send(
                app, .POST, "/api/v1/charity-awards", token: clerk,
                json: ["name": "常州市首届慈善奖", "year": 2026, "categories": ["慈善楷模", "慈善项目"]] as [String: Any])
            #expect(created.status == .created, "\(created.body.string)")
            let round = try created.value("id", as: UUID.self)
            var nominations: [UUID] = []
            for (name, kind) in [("王秀英", "person"), ("暖冬行动", "project")] {
                let res = try await send(
                    app, .POST, "/api/v1/charity-awards/\(round)/nominations", token: clerk,
                    json: [
                        "category": kind == "person" ? "慈善楷模" : "慈善项目", "nomineeKind": kind, "nomineeName": name,
                        "deeds": "多年资助困难学生",
                    ])
                #expect(res.status == .created, "\(res.body.string)")
                nominations.append(try res.value("id", as: UUID.self))
            }
            let badCategory = try await send(
                app, .POST, "/api/v1/charity-awards/\(round)/nominations", token: clerk,
                json: ["category": "其他", "nomineeKind": "person", "nomineeName": "甲", "deeds": "x"])
            #expect(try badCategory.json(ErrorAnswer.self).field == "category")
            // The publicity waits for every review.
            #expect(
                try await send(
                    app, .POST, "/api/v1/charity-awards/\(round)/publicity", token: clerk, json: ["version": 1]
                ).status == .conflict)
            let noNote = try await send(
                app, .POST, "/api/v1/charity-nominations/\(nominations[1])/review", token: clerk,
                json: ["shortlisted": false])
            #expect(try noNote.json(ErrorAnswer.self).field == "note")
            for (n, id) in nominations.enumerated() {
                let res = try await send(
                    app, .POST, "/api/v1/charity-nominations/\(id)/review", token: clerk,
                    json: ["shortlisted": n == 0, "note": n == 0 ? "事迹突出" : "材料不足"] as [String: Any])
                #expect(res.status == .ok, "\(res.body.string)")
            }
            let publicised = try await send(
                app, .POST, "/api/v1/charity-awards/\(round)/publicity", token: clerk, json: ["version": 1])
            #expect(publicised.status == .ok, "\(publicised.body.string)")
            #expect(try publicised.value("round", as: RoundInfo.self).publicityEnds == "2026-09-07")
            // Refused during the publicity.
            app.platform.clock = Self.day("2026-09-07")
            let during = try await send(
                app, .POST, "/api/v1/charity-awards/\(round)/award", token: clerk, json: ["version": 2])
            #expect(during.status == .conflict)
            #expect(try during.json(ErrorAnswer.self).field == "publicity")
            // An objection only against a shortlisted nomination, during the publicity.
            #expect(
                try await send(
                    app, .POST, "/api/v1/charity-nominations/\(nominations[1])/objections", token: clerk,
                    json: ["objection": "x"]
                ).status == .conflict)
            let objection = try await send(
                app, .POST, "/api/v1/charity-nominations/\(nominations[0])/objections", token: clerk,
                json: ["objection": "群众反映事迹有夸大"])
            #expect(objection.status == .created, "\(objection.body.string)")
            let objectionID = try objection.value("id", as: UUID.self)
            // After the publicity, still refused with the objection open.
            app.platform.clock = Self.day("2026-09-08")
            #expect(
                try await send(
                    app, .POST, "/api/v1/charity-nominations/\(nominations[0])/objections", token: clerk,
                    json: ["objection": "迟到的异议"]
                ).status == .conflict)
            let open = try await send(
                app, .POST, "/api/v1/charity-awards/\(round)/award", token: clerk, json: ["version": 2])
            #expect(open.status == .conflict)
            #expect(try open.json(ErrorAnswer.self).field == "objections")
            let resolved = try await send(
                app, .POST, "/api/v1/charity-objections/\(objectionID)/resolution", token: clerk,
                json: ["upheld": false, "resolution": "经核实，事迹属实"] as [String: Any])
            #expect(resolved.status == .ok, "\(resolved.body.string)")
            let awarded = try await send(
                app, .POST, "/api/v1/charity-awards/\(round)/award", token: clerk, json: ["version": 2])
            #expect(awarded.status == .ok, "\(awarded.body.string)")
            struct Detail: Decodable {
                struct R: Decodable { let stage: String; let awardedOn: String? }
                struct N: Decodable { let id: UUID; let status: String }
                let round: R
                let nominations: [N]
            }
            let detail = try awarded.json(Detail.self)
            #expect(detail.round.stage == "awarded")
            #expect(detail.round.awardedOn == "2026-09-08")
            #expect(
                Dictionary(uniqueKeysWithValues: detail.nominations.map { ($0.id, $0.status) }) == [
                    nominations[0]: "awarded", nominations[1]: "notShortlisted",
                ])
            // A district's clerk does not see the city's round; a street officer may not.
            let district = try await app.token(role: .districtOfficer, region: "320402")
            #expect(try await send(app, .GET, "/api/v1/charity-awards/\(round)", token: district).status == .notFound)
            let street = try await app.token(role: .streetOfficer, region: "320402001")
            #expect(try await send(app, .GET, "/api/v1/charity-awards", token: street).status == .forbidden)
        }
    }

    @Test(
        "a 1798 need: recorded by the street, matched by the district to a donor (masked), given, on the household's record; another street 404",
        arguments: TestDatabase.available)
    func needs(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = Self.day("2026-10-12")
            let (household, _) = try await PayrollTests.household(app, region: "320402001", head: "32040219700101301")
            let street = try await app.token(role: .streetOfficer, region: "320402001")
            let otherStreet = try await app.token(role: .streetOfficer, region: "320402002")
            let clerk = try await app.token(role: .districtOfficer, region: "320402")
            let body: [String: Any] = [
                "householdId": household.uuidString, "kind": "material", "description": "冬季棉被两床",
                "estimatedFen": 60_000,
            ]
            // Another street's officer: the household is not there.
            #expect(
                try await send(app, .POST, "/api/v1/charity-needs", token: otherStreet, json: body).status == .notFound)
            var wrongLink = body
            wrongLink["applicationId"] = UUID().uuidString
            let badLink = try await send(app, .POST, "/api/v1/charity-needs", token: street, json: wrongLink)
            #expect(try badLink.json(ErrorAnswer.self).field == "applicationId")
            var badKind = body
            badKind["kind"] = "cash"
            #expect(
                try await send(app, .POST, "/api/v1/charity-needs", token: street, json: badKind).json(
                    ErrorAnswer.self
                ).field == "kind")
            let created = try await send(app, .POST, "/api/v1/charity-needs", token: street, json: body)
            #expect(created.status == .created, "\(created.body.string)")
            let need = try created.json(Need.self)
            #expect(need.status == "open")
            #expect(need.source == "staff")
            #expect(
                try await send(app, .GET, "/api/v1/charity-needs/\(need.id)", token: otherStreet).status == .notFound)
            #expect(
                try await send(
                    app, .POST, "/api/v1/charity-needs/\(need.id)/give", token: otherStreet,
                    json: ["version": 1, "kind": "material", "description": "x", "valueFen": 1] as [String: Any]
                ).status == .notFound)
            // The street records; the district decides the match.
            #expect(
                try await send(
                    app, .POST, "/api/v1/charity-needs/\(need.id)/match", token: street,
                    json: ["version": 1, "donorName": "张明华"] as [String: Any]
                ).status == .forbidden)
            // Nothing is given before a match.
            let early = try await send(
                app, .POST, "/api/v1/charity-needs/\(need.id)/give", token: street,
                json: ["version": 1, "kind": "material", "description": "棉被", "valueFen": 50_000] as [String: Any])
            #expect(early.status == .conflict)
            #expect(try early.json(ErrorAnswer.self).field == "status")
            let matched = try await send(
                app, .POST, "/api/v1/charity-needs/\(need.id)/match", token: clerk,
                json: ["version": 1, "donorName": "张明华"] as [String: Any])
            #expect(matched.status == .ok, "\(matched.body.string)")
            #expect(try matched.json(Need.self).donorMasked == "张**")
            // The list masks the donor; the clerk's detail names them, the street's does not.
            let list = try await send(app, .GET, "/api/v1/charity-needs?status=matched", token: street)
            #expect(!list.body.string.contains("张明华"))
            #expect(list.body.string.contains("张**"))
            #expect(
                try await send(app, .GET, "/api/v1/charity-needs/\(need.id)", token: clerk).value(
                    "donorName", as: String.self) == "张明华")
            #expect(
                try await send(app, .GET, "/api/v1/charity-needs/\(need.id)", token: street).body.string.contains(
                    "张明华") == false)
            app.platform.clock = Self.day("2026-10-20")
            let given = try await send(
                app, .POST, "/api/v1/charity-needs/\(need.id)/give", token: street,
                json: [
                    "version": 2, "kind": "material", "description": "棉被两床已送达", "valueFen": 55_000,
                    "givenOn": "2026-10-19",
                ] as [String: Any])
            #expect(given.status == .ok, "\(given.body.string)")
            #expect(try given.json(Need.self).status == "given")
            #expect(try given.json(Need.self).givenOn == "2026-10-19")
            // A second need closed unmet, with the reason.
            var service = body
            service["kind"] = "service"
            service["description"] = "每周上门助浴"
            let second = try await send(app, .POST, "/api/v1/charity-needs", token: street, json: service).json(
                Need.self)
            let noReason = try await send(
                app, .POST, "/api/v1/charity-needs/\(second.id)/close", token: clerk, json: ["version": 1])
            #expect(try noReason.json(ErrorAnswer.self).field == "reason")
            #expect(
                try await send(
                    app, .POST, "/api/v1/charity-needs/\(second.id)/close", token: clerk,
                    json: ["version": 1, "reason": "已纳入居家上门服务"] as [String: Any]
                ).status == .ok)
            // On the household's record: the API and the page.
            let record = try await send(
                app, .GET, "/api/v1/households/\(household)/charity-assistance", token: street)
            #expect(record.status == .ok)
            #expect(try record.value("givenFen", as: Int64.self) == 55_000)
            #expect(try record.value("needs", as: [Need].self).map(\.status).sorted() == ["closed", "given"])
            #expect(
                try await send(app, .GET, "/api/v1/households/\(household)/charity-assistance", token: otherStreet)
                    .status == .notFound)
            let cookie = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402001")
            let page = try await AccountFixtures.get(app, "/households/\(household)", cookie: cookie)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("棉被两床已送达"))
            #expect(page.body.string.contains("¥550.00") || page.body.string.contains("550.00"))
            // Totals by month and district.
            let totals = try await send(app, .GET, "/api/v1/charity-totals?year=2026", token: clerk)
            struct Row: Decodable { let month: String; let district: String; let givenFen: Int64; let households: Int }
            #expect(
                try totals.value("rows", as: [Row].self).map { [$0.month, $0.district, "\($0.givenFen)"] } == [
                    ["2026-10", "320402", "55000"]
                ])
            // Audited.
            let actions = try await app.sql.raw(
                "SELECT action FROM audit_events WHERE action LIKE 'charity.need.%' ORDER BY sequence"
            ).all().map { try $0.decode(column: "action", as: String.self) }
            #expect(
                actions == [
                    "charity.need.create", "charity.need.match", "charity.need.give", "charity.need.create",
                    "charity.need.close",
                ])
            // The pages: the list, the need, the overview.
            let clerkCookie = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320402")
            for path in [
                "/charity", "/charity/needs?status=given", "/charity/needs/\(need.id)", "/charity/awards",
                "/charity/organisations",
            ] {
                let res = try await AccountFixtures.get(app, path, cookie: clerkCookie)
                #expect(res.status == .ok, "\(path): \(res.status)")
            }
            #expect(
                try await AccountFixtures.get(app, "/charity/needs/\(need.id)", cookie: clerkCookie).body.string
                    .contains("张明华"))
        }
    }
}
