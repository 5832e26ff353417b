@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Issue 15, item 5: home-care orders from request to settlement, the special review's
/// flags, who may do what, and the settlement's agreement with `HomeCareSettlementRule`.
@Suite("Home care")
struct HomeCareTests {
    static let street = "320402001"
    /// A valid unified social credit code (GB 32100).
    static let creditCode = "52320402MJ005100XX"

    /// A person of 86 living alone in 雕庄街道: entitled to the "80+ alone" 200 yuan.
    static func elder(_ app: Application) async throws -> UUID {
        try await PayrollTests.household(app, region: street, head: "32040219400315123").1
    }

    /// On 2 December: the street's officer, the district's, an elder of the street and a
    /// district provider with its worker.
    static func fixture(
        _ app: Application
    ) async throws -> (
        officer: String, district: String, person: UUID, provider: UUID, worker: UUID
    ) {
        at(app, "2026-12-02T09:00")
        let officer = try await app.token(role: .streetOfficer, region: street)
        let district = try await app.token(role: .districtOfficer, region: "320402")
        let person = try await elder(app)
        let (providerID, workerID) = try await provider(app, token: district)
        return (officer, district, person, providerID, workerID)
    }

    static func at(_ app: Application, _ text: String) {
        app.platform.clock = .fixed(BeijingTime.instant(text)!)
    }

    /// A provider of the district with one worker; returns (provider, worker).
    static func provider(
        _ app: Application, token: String, code: String = creditCode, region: String = "320402"
    ) async throws -> (UUID, UUID) {
        let created = try await send(
            app, .POST, "/api/v1/home-care/providers", token: token,
            json: ["name": "颐养居家服务中心", "creditCode": code, "region": region])
        #expect(created.status == .created, "\(created.body.string)")
        let provider = try created.json(HomeCareProvider.self).id
        let worker = try await send(
            app, .POST, "/api/v1/home-care/providers/\(provider)/workers", token: token, json: ["name": "王丽"])
        #expect(worker.status == .created, "\(worker.body.string)")
        return (provider, try worker.json(HomeCareWorker.self).id)
    }

    static func order(
        _ app: Application, token: String, person: UUID, service: String = "cleaning", units: Int = 2
    ) async throws -> HomeCareOrderRecord {
        let response = try await send(
            app, .POST, "/api/v1/home-care/orders", token: token,
            json: [
                "personId": person.uuidString, "service": service, "units": units,
                "scheduledOn": app.platform.clock.today.description,
            ])
        #expect(response.status == .created, "\(response.body.string)")
        return try response.json(HomeCareOrderRecord.self)
    }

    @discardableResult
    static func step(
        _ app: Application, token: String, _ order: UUID, _ action: String, _ body: [String: Any] = [:],
        expect status: HTTPStatus = .ok
    ) async throws -> TestingHTTPResponse {
        let current = try await send(app, .GET, "/api/v1/home-care/orders/\(order)", token: token)
        var json = body
        json["version"] = try current.json(HomeCareOrderRecord.self).version
        let response = try await send(
            app, .POST, "/api/v1/home-care/orders/\(order)/\(action)", token: token, json: json)
        #expect(response.status == status, "\(action): \(response.body.string)")
        return response
    }

    /// Assigned, checked in at `from`, checked out at `to`, and (unless told) confirmed.
    static func visit(
        _ app: Application, token: String, _ order: UUID, provider: UUID, worker: UUID, from: String, to: String,
        confirm: Bool = true
    ) async throws {
        try await step(
            app, token: token, order, "assign", ["providerId": provider.uuidString, "workerId": worker.uuidString])
        at(app, from)
        try await step(app, token: token, order, "checkIn", ["latitude": 31.78, "longitude": 119.97])
        at(app, to)
        try await step(app, token: token, order, "checkOut")
        if confirm { try await step(app, token: token, order, "confirm", ["rating": 5, "confirmedBy": "家属"]) }
    }

    static func settlement(
        _ app: Application, token: String, month: String = "2026-12"
    ) async throws
        -> HomeCareSettlementStore.Settlement
    {
        let response = try await send(app, .GET, "/api/v1/home-care/settlement?month=\(month)", token: token)
        #expect(response.status == .ok, "\(response.body.string)")
        return try response.json(HomeCareSettlementStore.Settlement.self)
    }

    @Test("an order from request to a confirmed, priced and settled visit", arguments: TestDatabase.available)
    func lifecycle(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (officer, district, person, provider, worker) = try await Self.fixture(app)
            let order = try await Self.order(app, token: officer, person: person)
            #expect(order.state == "requested")
            try await Self.visit(
                app, token: officer, order.id, provider: provider, worker: worker, from: "2026-12-10T09:00",
                to: "2026-12-10T11:05")
            let done = try await send(app, .GET, "/api/v1/home-care/orders/\(order.id)", token: officer)
                .json(HomeCareOrderRecord.self)
            #expect(done.state == "confirmed")
            #expect(done.chargeFen == 8000)  // cleaning, 2 hours × 40 yuan
            #expect(done.month == "2026-12")
            #expect(done.flags.isEmpty)
            #expect(done.rating == 5)
            #expect(done.checkInLatitude == 31.78)
            // The month's entitlement was recorded with the first visit: 80+ living alone.
            let entitlement = try await send(
                app, .GET, "/api/v1/home-care/entitlements/\(person)?month=2026-12", token: officer
            ).json(HomeCareAPIController.EntitlementAnswer.self)
            #expect(entitlement.group == "aloneOldest")
            #expect(entitlement.monthlyFen == 20000)
            #expect(entitlement.recorded)
            let settled = try await Self.settlement(app, token: district)
            #expect(settled.providers.map(\.visits) == [1])
            #expect(settled.chargedFen == 8000)
            #expect(settled.subsidyFen == 8000)
            #expect(settled.selfPaidFen == 0)
            let actions = try await app.sql.raw(
                "SELECT action FROM audit_events WHERE entity = 'home_care_order' ORDER BY sequence"
            ).all().map { try $0.decode(column: "action", as: String.self) }
            #expect(
                actions == [
                    "home_care.order.request", "home_care.order.assign", "home_care.order.checkIn",
                    "home_care.order.checkOut", "home_care.order.confirm",
                ])
        }
    }

    /// ELDERLY.md's dibao lines go by the ability level: the latest assessment's, not a later
    /// edit of the registry's self-care (which only stands in for a person never assessed).
    @Test("a dibao elder's entitlement follows the ability assessment", arguments: TestDatabase.available)
    func entitlementFollowsTheAssessment(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let officer = try await app.token(role: .streetOfficer, region: Self.street)
            let (household, person) = try await PayrollTests.household(
                app, region: Self.street, head: "32040219500315123")
            _ = try await PayrollTests.enroll(
                app, household: household, person: nil, item: "dibao", region: Self.street, fen: 94000,
                start: YearMonth("2026-01")!)
            func entitlement() async throws -> HomeCareAPIController.EntitlementAnswer {
                try await send(app, .GET, "/api/v1/home-care/entitlements/\(person)", token: officer).json()
            }
            #expect(try await entitlement().monthlyFen == 20000)
            let assessed = try await send(
                app, .POST, "/api/v1/persons/\(person)/ability-assessments", token: officer,
                json: ElderlyAbilityTests.assessment(total: 50))  // level 2
            #expect(assessed.status == .created, "\(assessed.body.string)")
            #expect(try await entitlement().group == "dibaoDependent")
            #expect(try await entitlement().monthlyFen == 40000)
            // A later registry edit to full self-care does not undo the assessment's level.
            try await app.sql.raw("UPDATE persons SET self_care = 'full' WHERE id = \(bind: person)").run()
            #expect(try await entitlement().monthlyFen == 40000)
        }
    }

    @Test("refusals name the field; a step out of order is a conflict", arguments: TestDatabase.available)
    func refusals(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            Self.at(app, "2026-12-02T09:00")
            let officer = try await app.token(role: .streetOfficer, region: Self.street)
            let person = try await Self.elder(app)
            let cases: [([String: Any], String)] = [
                (
                    ["personId": person.uuidString, "service": "gardening", "units": 1, "scheduledOn": "2026-12-10"],
                    "service"
                ),
                (
                    ["personId": person.uuidString, "service": "cleaning", "units": 9, "scheduledOn": "2026-12-10"],
                    "units"
                ),
                (
                    ["personId": person.uuidString, "service": "bathing", "units": 2, "scheduledOn": "2026-12-10"],
                    "units"
                ),
                (
                    ["personId": person.uuidString, "service": "cleaning", "units": 1, "scheduledOn": "2026-12-01"],
                    "scheduledOn"
                ),
                (["service": "cleaning", "units": 1, "scheduledOn": "2026-12-10"], "personId"),
            ]
            for (body, field) in cases {
                let response = try await send(app, .POST, "/api/v1/home-care/orders", token: officer, json: body)
                #expect(response.status == .badRequest, "\(body)")
                #expect(try response.json(ErrorAnswer.self).field == field)
            }
            let badCode = try await send(
                app, .POST, "/api/v1/home-care/providers", token: officer,
                json: ["name": "某服务社", "creditCode": "52320402MJ005100XY", "region": Self.street])
            // One character off: the check character names the mistake.
            #expect(badCode.status == .badRequest)
            #expect(try badCode.json(ErrorAnswer.self).field == "creditCode")
            #expect(try badCode.json(ErrorAnswer.self).error == CreditCode.Problem.checkCharacter.chinese)
            let order = try await Self.order(app, token: officer, person: person)
            let early = try await Self.step(app, token: officer, order.id, "checkIn", expect: .conflict)
            #expect(try early.json(ErrorAnswer.self).field == "state")
            let stale = try await send(
                app, .POST, "/api/v1/home-care/orders/\(order.id)/cancel", token: officer,
                json: ["version": 7, "note": "家属取消"])
            #expect(stale.status == .conflict)
            try await Self.step(app, token: officer, order.id, "cancel", ["note": "家属取消"])
        }
    }

    @Test("another street's officer cannot see the order; a community worker of the street can")
    func regions() async throws {
        try await withTestApp(.sqlite) { app in
            Self.at(app, "2026-12-02T09:00")
            let officer = try await app.token(role: .streetOfficer, region: Self.street)
            let person = try await Self.elder(app)
            let order = try await Self.order(app, token: officer, person: person)
            let other = try await app.token(role: .streetOfficer, region: "320402002")
            #expect(try await send(app, .GET, "/api/v1/home-care/orders/\(order.id)", token: other).status == .notFound)
            let list = try await send(app, .GET, "/api/v1/home-care/orders", token: other)
            #expect(try list.json(Page<HomeCareOrderRecord>.self).total == 0)
            let grid = try await app.token(role: .communityWorker, region: Self.street)
            #expect(try await send(app, .GET, "/api/v1/home-care/orders/\(order.id)", token: grid).status == .ok)
            // A provider of another district does not serve this street.
            let elsewhere = try await app.token(role: .districtOfficer, region: "320404")
            let (provider, worker) = try await Self.provider(
                app, token: elsewhere, code: "52320404MJ0051018T", region: "320404")
            let refused = try await Self.step(
                app, token: officer, order.id, "assign",
                ["providerId": provider.uuidString, "workerId": worker.uuidString], expect: .notFound)
            #expect(try refused.json(ErrorAnswer.self).error.contains("服务组织"))
        }
    }

    @Test("a visit after the person's death is held until the district clears it", arguments: TestDatabase.available)
    func afterDeath(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (officer, district, person, provider, worker) = try await Self.fixture(app)
            let order = try await Self.order(app, token: officer, person: person)
            try await app.sql.raw("UPDATE persons SET deceased_on = '2026-12-05' WHERE id = \(bind: person)").run()
            try await Self.visit(
                app, token: officer, order.id, provider: provider, worker: worker, from: "2026-12-10T09:00",
                to: "2026-12-10T10:00")
            let held = try await send(app, .GET, "/api/v1/home-care/orders/\(order.id)", token: officer)
                .json(HomeCareOrderRecord.self)
            #expect(held.flags == ["afterDeath"])
            #expect(held.held)
            #expect(try await Self.settlement(app, token: district).providers.isEmpty)
            // Clearing is money: a street officer may not; the district may, with its reason.
            try await Self.step(app, token: officer, order.id, "clear", ["note": "核实"], expect: .forbidden)
            try await Self.step(app, token: district, order.id, "clear", ["note": "死亡日期登记有误，已核实服务真实"])
            #expect(try await Self.settlement(app, token: district).chargedFen == 8000)
        }
    }

    @Test("one worker in two places at once flags both visits; a visit far too long is flagged")
    func overlapAndOverlong() async throws {
        try await withTestApp(.sqlite) { app in
            Self.at(app, "2026-12-02T09:00")
            let officer = try await app.token(role: .streetOfficer, region: Self.street)
            let district = try await app.token(role: .districtOfficer, region: "320402")
            let first = try await Self.elder(app)
            let second = try await PayrollTests.household(app, region: Self.street, head: "32040219410620124").1
            let (provider, worker) = try await Self.provider(app, token: district)
            let a = try await Self.order(app, token: officer, person: first)
            let b = try await Self.order(app, token: officer, person: second)
            try await Self.visit(
                app, token: officer, a.id, provider: provider, worker: worker, from: "2026-12-10T09:00",
                to: "2026-12-10T11:00")
            try await Self.visit(
                app, token: officer, b.id, provider: provider, worker: worker, from: "2026-12-10T10:30",
                to: "2026-12-10T12:00")
            for id in [a.id, b.id] {
                let order = try await send(app, .GET, "/api/v1/home-care/orders/\(id)", token: officer)
                    .json(HomeCareOrderRecord.self)
                #expect(order.flags == ["workerOverlap"])
                #expect(order.held)
            }
            // Two hours of cleaning may take six; six hours and a minute is flagged.
            let c = try await Self.order(app, token: officer, person: first)
            try await Self.visit(
                app, token: officer, c.id, provider: provider, worker: worker, from: "2026-12-11T08:00",
                to: "2026-12-11T14:01")
            let long = try await send(app, .GET, "/api/v1/home-care/orders/\(c.id)", token: officer)
                .json(HomeCareOrderRecord.self)
            #expect(long.flags == ["overlong"])
        }
    }

    /// The settlement's SQL splits each person's month exactly as `HomeCareSettlementRule`
    /// does, on both databases: visits beyond the entitlement are self-paid.
    @Test("the settlement agrees with the Core rule", arguments: TestDatabase.available)
    func settlementAgreesWithCore(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (officer, district, person, provider, worker) = try await Self.fixture(app)
            // 80 + 80 + 80 + 12 yuan against a 200-yuan entitlement.
            let plan: [(String, Int, Int)] = [
                ("cleaning", 2, 10), ("rehabilitationNursing", 1, 11), ("cleaning", 2, 12),
                ("mealDelivery", 1, 13),
            ]
            var charges: [Fen] = []
            for (service, units, day) in plan {
                let order = try await Self.order(app, token: officer, person: person, service: service, units: units)
                try await Self.visit(
                    app, token: officer, order.id, provider: provider, worker: worker, from: "2026-12-\(day)T09:00",
                    to: "2026-12-\(day)T09:40")
                charges.append(
                    Fen(
                        try await send(app, .GET, "/api/v1/home-care/orders/\(order.id)", token: officer)
                            .json(HomeCareOrderRecord.self).chargeFen ?? 0))
            }
            let rule = HomeCareSettlementRule.split(charges: charges, entitlement: Fen(20000))
            let lines = try await HomeCareSettlementStore(db: app.sql).lines(
                month: YearMonth("2026-12")!, provider: provider, within: RegionScope(RegionCode("3204")!))
            #expect(lines.map(\.chargedFen) == charges.map(\.value))
            #expect(lines.map(\.subsidyFen) == rule.map(\.subsidy.value))
            #expect(lines.map(\.subsidyFen) == [8000, 8000, 4000, 0])
            let settled = try await Self.settlement(app, token: district)
            #expect(settled.chargedFen == 25200)
            #expect(settled.subsidyFen == 20000)
            #expect(settled.selfPaidFen == 5200)
            // The statement is an .xlsx the provider can open.
            let cookie = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320402")
            let file = try await AccountFixtures.get(
                app, "/home-care/settlement/\(provider)/statement.xlsx?month=2026-12", cookie: cookie)
            #expect(file.status == .ok)
            #expect(file.headers.contentType?.subType == "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        }
    }

    @Test(
        "the pages by role",
        arguments: [
            (Role.cityAdmin, "3204", HTTPStatus.ok), (.districtOfficer, "320402", .ok), (.streetOfficer, street, .ok),
            (.communityWorker, street, .ok), (.auditor, "3204", .forbidden), (.department, "3204", .forbidden),
        ])
    func pagesByRole(role: Role, region: String, status: HTTPStatus) async throws {
        try await withTestApp(.sqlite) { app in
            let cookie = try await PolicyPageTests.signedIn(app, role: role, region: region)
            for path in ["/home-care", "/home-care/providers"] {
                let response = try await AccountFixtures.get(app, path, cookie: cookie)
                #expect(response.status == status, "\(role) \(path)")
            }
            let settlement = try await AccountFixtures.get(app, "/home-care/settlement", cookie: cookie)
            #expect(settlement.status == (role.may(.managePayroll) ? .ok : .forbidden), "\(role) settlement")
        }
    }
}
