@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// 康复辅助器具社区租赁: a rental from the request to the return, the device unavailable until
/// disinfected, never rented twice at once — also under parallel requests for the last one —
/// the subsidy by the registry, the operator's monthly settlement and the year's count.
@Suite("Assistive-device rental")
struct RentalTests {
    struct Point: Decodable {
        let id: UUID
        let available: Int
        let out: Int
    }

    struct Device: Decodable {
        let id: UUID
        let serial: String
        let status: String
        let cleanedBy: String?
        let cleanedAt: String?
    }

    struct Rental: Decodable {
        let id: UUID
        let serial: String?
        let deviceId: UUID?
        let status: String
        let standing: String
        let subsidyRule: String?
        let rentFen: Int64
        let subsidyFen: Int64
        let personPaysFen: Int64
        let depositFen: Int64
        let version: Int
    }

    struct Settlement: Decodable {
        struct Line: Decodable {
            let rentalId: UUID
            let rule: String?
            let rentFen: Int64
            let subsidyFen: Int64
            let personPaysFen: Int64
        }
        let lines: [Line]
        let subsidyFen: Int64
    }

    struct Year: Decodable {
        let subsidised: Int
        let target: Int
    }

    /// A point in 320402001 with `devices` manual wheelchairs; the district officer's token.
    static func point(_ app: Application, devices: Int) async throws -> (token: String, point: UUID, serials: [String])
    {
        let officer = try await app.token(role: .districtOfficer, region: "320402")
        let created = try await send(
            app, .POST, "/api/v1/rental/points", token: officer,
            json: ["name": "雕庄街道辅具租赁点", "region": "320402001", "operatorName": "常州康辅", "address": "雕庄路1号"])
        #expect(created.status == .created, "\(created.body.string)")
        let point = try created.json(Point.self).id
        var serials: [String] = []
        for i in 0..<devices {
            let serial = "LY-\(i + 1)"
            let added = try await send(
                app, .POST, "/api/v1/rental/points/\(point)/devices", token: officer,
                json: ["kind": "manualWheelchair", "serial": serial])
            #expect(added.status == .created, "\(added.body.string)")
            serials.append(serial)
        }
        return (officer, point, serials)
    }

    static func request(
        _ app: Application, _ token: String, point: UUID, idNumber: String
    ) async throws
        -> TestingHTTPResponse
    {
        try await send(
            app, .POST, "/api/v1/rentals", token: token,
            json: ["idNumber": idNumber, "pointId": point.uuidString, "kind": "manualWheelchair", "months": 2])
    }

    static func act(
        _ app: Application, _ token: String, _ rental: UUID, _ action: String
    ) async throws
        -> TestingHTTPResponse
    {
        try await send(app, .POST, "/api/v1/rentals/\(rental)", token: token, json: ["action": action])
    }

    @Test(
        "request, delivery, return, disinfection: the device is never out twice nor before it is disinfected; dibao's rent paid in full, no deposit",
        arguments: TestDatabase.available)
    func fromRequestToReturn(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let family = try await HouseholdChangeTests.family(app)
            let head = residentID(HouseholdChangeTests.headID)
            let (officer, point, serials) = try await Self.point(app, devices: 1)

            let requested = try await Self.request(app, officer, point: point, idNumber: head)
            #expect(requested.status == .created, "\(requested.body.string)")
            let rental = try requested.json(Rental.self)
            #expect(rental.serial == serials[0] && rental.status == "requested")
            #expect(rental.subsidyRule == "dibao")
            #expect(rental.rentFen == 3000 && rental.subsidyFen == 3000 && rental.personPaysFen == 0)
            #expect(rental.depositFen == 0)

            // The only wheelchair is reserved: a second request is refused naming the kind.
            let second = try await Self.request(app, officer, point: point, idNumber: head)
            #expect(second.status == .conflict)
            #expect(try second.json(ErrorAnswer.self).field == "kind")

            let delivered = try await Self.act(app, officer, rental.id, "deliver")
            #expect(delivered.status == .ok, "\(delivered.body.string)")
            #expect(try delivered.json(Rental.self).standing == "renting")
            // Delivered twice: refused.
            #expect(try await Self.act(app, officer, rental.id, "deliver").status == .conflict)

            let returned = try await Self.act(app, officer, rental.id, "return")
            #expect(returned.status == .ok, "\(returned.body.string)")
            #expect(try returned.json(Rental.self).status == "returned")
            let device = try #require(try returned.json(Rental.self).deviceId)
            let waiting = try await send(app, .GET, "/api/v1/rental/points/\(point)", token: officer)
            #expect(waiting.body.string.contains("\"awaitingCleaning\""))

            // Back but not disinfected: not rentable.
            let early = try await Self.request(app, officer, point: point, idNumber: head)
            #expect(early.status == .conflict)

            let cleaned = try await send(
                app, .POST, "/api/v1/rental/devices/\(device)", token: officer, json: ["action": "disinfect"])
            #expect(cleaned.status == .ok, "\(cleaned.body.string)")
            let clean = try cleaned.json(Device.self)
            #expect(clean.status == "available" && clean.cleanedBy != nil && clean.cleanedAt != nil)
            // Disinfected twice: refused.
            let again = try await send(
                app, .POST, "/api/v1/rental/devices/\(device)", token: officer, json: ["action": "disinfect"])
            #expect(again.status == .conflict)

            let next = try await Self.request(app, officer, point: point, idNumber: head)
            #expect(next.status == .created, "\(next.body.string)")

            // The month's settlement charges the first rental's month: 30 yuan, all of it subsidised.
            let month = app.platform.clock.today.yearMonth.description
            let settlement = try await send(app, .GET, "/api/v1/rental/settlement?month=\(month)", token: officer)
            #expect(settlement.status == .ok, "\(settlement.body.string)")
            let s = try settlement.json(Settlement.self)
            #expect(s.lines.map(\.rentalId) == [rental.id])
            #expect(s.lines.first?.rule == "dibao" && s.subsidyFen == 3000)
            let year = try await send(app, .GET, "/api/v1/rental/year", token: officer).json(Year.self)
            #expect(year.subsidised == 1 && year.target == 5000)

            // Every write audited, without the full ID number.
            let trail = try await app.sql.raw(
                "SELECT action, after_json FROM audit_events WHERE action LIKE 'rental.%'"
            ).all().map {
                (
                    try $0.decode(column: "action", as: String.self),
                    try $0.decode(column: "after_json", as: String?.self) ?? ""
                )
            }
            #expect(
                Set(trail.map(\.0)).isSuperset(of: [
                    "rental.point.create", "rental.device.add", "rental.request", "rental.deliver", "rental.return",
                    "rental.device.disinfect",
                ]))
            #expect(!trail.map(\.1).joined().contains(head))
            _ = family
        }
    }

    @Test(
        "parallel requests for the last device: exactly one wins; for three devices, exactly three, and the stock counts stay right",
        arguments: TestDatabase.available)
    func parallelRequests(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await HouseholdChangeTests.family(app)
            let head = residentID(HouseholdChangeTests.headID)
            for devices in [1, 3] {
                let (officer, point, _) = try await Self.point(app, devices: devices)
                let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                    for _ in 0..<8 {
                        group.addTask { try await Self.request(app, officer, point: point, idNumber: head).status.code }
                    }
                    var all: [UInt] = []
                    for try await s in group { all.append(s) }
                    return all
                }
                #expect(statuses.filter { $0 == 201 }.count == devices, "\(statuses)")
                #expect(statuses.filter { $0 == 409 }.count == 8 - devices, "\(statuses)")
                let stock = try await send(app, .GET, "/api/v1/rental/points", token: officer).json([Point].self)
                let this = try #require(stock.first { $0.id == point })
                #expect(this.available == 0 && this.out == devices)
                let open = try await app.sql.raw(
                    """
                    SELECT COUNT(*) AS n, COUNT(DISTINCT r.device_id) AS d FROM rentals r
                    WHERE r.point_id = \(bind: point) AND r.status = 'requested'
                    """
                ).first()
                #expect(try open?.decode(column: "n", as: Int.self) == devices)
                #expect(try open?.decode(column: "d", as: Int.self) == devices)
                // Renamed so the next round's serials do not clash.
                try await app.sql.raw(
                    "UPDATE rental_devices SET serial = serial || '-' || \(bind: String(devices)) WHERE point_id = \(bind: point)"
                ).run()
            }
        }
    }

    @Test(
        "the database refuses a second open rental of a device and a device held by two rentals",
        arguments: TestDatabase.available)
    func constraints(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let family = try await HouseholdChangeTests.family(app)
            let (officer, point, _) = try await Self.point(app, devices: 1)
            let rental = try await Self.request(
                app, officer, point: point, idNumber: residentID(HouseholdChangeTests.headID)
            )
            .json(Rental.self)
            let device = try #require(rental.deviceId)
            await #expect(throws: (any Error).self) {
                try await app.sql.raw(
                    """
                    INSERT INTO rentals (id, point_id, region, person_id, kind, device_id, status, months, deposit_fen,
                      requested_on, requested_by, version, created_at)
                    VALUES (\(bind: UUID()), \(bind: point), '320402001', \(bind: family.head), 'manualWheelchair',
                      \(bind: device), 'delivered', 1, 0, '2026-12-01', 'x', 1, \(bind: Date()))
                    """
                ).run()
            }
            let store = RentalStore(db: app.sql)
            // Reserving a device already reserved changes nothing.
            #expect(try await store.move(device, .reserve, rental: nil, by: "x", at: Date()) == false)
            #expect(try await store.move(device, .disinfect, rental: nil, by: "x", at: Date()) == false)
        }
    }

    @Test(
        "the subsidy follows the registry: 80 or older half up to the cap with the deposit; nobody else nothing",
        arguments: TestDatabase.available)
    func eligibility(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let born = app.platform.clock.today.year - 85
            let old = "320402\(born)0101601"
            _ = try await PayrollTests.household(app, region: "320402001", head: old)
            let young = "32040219900101602"
            _ = try await PayrollTests.household(app, region: "320402001", head: young)
            let (officer, point, _) = try await Self.point(app, devices: 2)
            let aged = try await Self.request(app, officer, point: point, idNumber: residentID(old)).json(Rental.self)
            #expect(aged.subsidyRule == "aged" && aged.subsidyFen == 1500 && aged.personPaysFen == 1500)
            #expect(aged.depositFen == 30_000)
            let none = try await Self.request(app, officer, point: point, idNumber: residentID(young)).json(Rental.self)
            #expect(none.subsidyRule == nil && none.subsidyFen == 0 && none.depositFen == 30_000)
        }
    }

    @Test(
        "who may: a street officer of another street 404, a community worker 403, the settlement not for a street officer",
        arguments: TestDatabase.available)
    func access(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (_, point, _) = try await Self.point(app, devices: 1)
            let street = try await app.token(role: .streetOfficer, region: "320402001")
            let other = try await app.token(role: .streetOfficer, region: "320402002")
            let community = try await app.token(role: .communityWorker, region: "320402001")
            #expect(try await send(app, .GET, "/api/v1/rental/points/\(point)", token: street).status == .ok)
            #expect(try await send(app, .GET, "/api/v1/rental/points/\(point)", token: other).status == .notFound)
            #expect(try await send(app, .GET, "/api/v1/rental/points", token: community).status == .forbidden)
            #expect(try await send(app, .GET, "/api/v1/rental/settlement", token: street).status == .forbidden)
            let wrongRegion = try await send(
                app, .POST, "/api/v1/rental/points", token: street,
                json: ["name": "x", "region": "320402002", "operatorName": "y", "address": "z"])
            #expect(wrongRegion.status == .badRequest)
            #expect(try wrongRegion.json(ErrorAnswer.self).field == "region")
        }
    }

    @Test("the pages: the rental page, a point, a rental, the settlement", arguments: TestDatabase.available)
    func pages(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await HouseholdChangeTests.family(app)
            let (officer, point, _) = try await Self.point(app, devices: 1)
            let rental = try await Self.request(
                app, officer, point: point, idNumber: residentID(HouseholdChangeTests.headID)
            )
            .json(Rental.self)
            let cookie = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320402")
            for path in ["/rental", "/rental/points/\(point)", "/rentals/\(rental.id)", "/rental/settlement"] {
                let page = try await AccountFixtures.get(app, path, cookie: cookie)
                #expect(page.status == .ok, "\(path): \(page.body.string.prefix(300))")
            }
            let home = try await AccountFixtures.get(app, "/rental", cookie: cookie)
            #expect(home.body.string.contains("雕庄街道辅具租赁点") && home.body.string.contains("手动轮椅"))
            // A write-off without its reason: the point's page again, with the refusal.
            let device = try #require(rental.deviceId)
            let visit = try await FormVisit.open(app, "/rental/points/\(point)", cookie: cookie)
            let refused = try await visit.post(app, "/rental/devices/\(device)", [("action", "writeOff")])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("报废请写明原因"))
            let file = try await AccountFixtures.get(app, "/rental/settlement.xlsx", cookie: cookie)
            #expect(file.status == .ok)
            #expect(file.headers.contentType?.subType.contains("spreadsheet") == true)
            let exports = try await app.sql.raw(
                "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'rental.settlement.export'"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(exports == 1)
        }
    }

    @Test(
        "a wheelchair not returned: due back after the end, overdue after 30 days, lost after 90 with the deposit kept; no rent after the loss",
        arguments: TestDatabase.available)
    func overdueAndLost(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(CivilDate("2026-03-10")!)
            let old = "32040219410101601"
            _ = try await PayrollTests.household(app, region: "320402001", head: old)
            let (officer, point, _) = try await Self.point(app, devices: 1)
            let rental = try await Self.request(app, officer, point: point, idNumber: residentID(old)).json(Rental.self)
            #expect(rental.subsidyRule == "aged" && rental.depositFen == 30_000)
            #expect(try await Self.act(app, officer, rental.id, "deliver").status == .ok)
            func standing(_ day: String) async throws -> (String, Bool) {
                app.platform.clock = .fixed(CivilDate(day)!)
                let r = try await send(app, .GET, "/api/v1/rentals/\(rental.id)", token: officer)
                return (try r.value("standing", as: String.self), try r.value("depositKept", as: Bool.self))
            }
            // Two months from 10 March: the end is 10 May.
            #expect(try await standing("2026-05-10") == ("renting", false))
            #expect(try await standing("2026-05-11") == ("dueBack", false))
            #expect(try await standing("2026-06-10") == ("overdue", false))
            #expect(try await Self.act(app, officer, rental.id, "markLost").status == .conflict)
            #expect(try await standing("2026-08-09") == ("lost", true))
            let lost = try await Self.act(app, officer, rental.id, "markLost")
            #expect(lost.status == .ok, "\(lost.body.string)")
            #expect(try lost.value("status", as: String.self) == "lost")
            #expect(try lost.value("depositKept", as: Bool.self))
            let devices = try await send(app, .GET, "/api/v1/rental/points/\(point)", token: officer)
            #expect(devices.body.string.contains("\"status\":\"lost\""))
            // Rent each month from March while out: July's month (from 10 July) is charged, August's is not.
            func lines(_ month: String) async throws -> [Settlement.Line] {
                try await send(app, .GET, "/api/v1/rental/settlement?month=\(month)", token: officer)
                    .json(Settlement.self).lines
            }
            #expect(try await lines("2026-03").map(\.subsidyFen) == [1500])
            #expect(try await lines("2026-07").map(\.personPaysFen) == [1500])
            #expect(try await lines("2026-08").isEmpty)
            let year = try await send(app, .GET, "/api/v1/rental/year?year=2026", token: officer).json(Year.self)
            #expect(year.subsidised == 1)
        }
    }

}
