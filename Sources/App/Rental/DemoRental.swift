import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The demo's rental: a point in each of the first streets with households, its stock of every
/// kind by serial number, and rentals of people of the street (those of dibao households and
/// the oldest first) — some delivered, one returned and waiting for disinfection, one request
/// waiting for delivery — through the same service as the staff's forms, so that `/rental`
/// shows the catalogue, points, stock and rentals on a fresh `serve`.
enum DemoRental {
    static let streets = 3
    /// Per kind, how many devices a point holds.
    static let stock: [(RentalDeviceKind, Int)] = [
        (.manualWheelchair, 4), (.electricWheelchair, 1), (.walker, 3), (.careBed, 2), (.commodeChair, 2),
        (.bathSeat, 2), (.antiBedsoreMattress, 1),
    ]

    static func seedIfEmpty(_ app: Application) async throws {
        guard app.platform.config.demoHouseholds > 0 else { return }
        let existing =
            try await app.sql.raw("SELECT COUNT(*) AS n FROM rental_points").first()?.decode(column: "n", as: Int.self)
            ?? 0
        guard existing == 0, let admin = try await AccountStore(db: app.sql).userRow(username: "admin")?.current
        else { return }
        let (points, rentals) = try await seed(app, by: admin)
        app.logger.info("Demo rental: \(points) points, \(rentals) rentals")
    }

    /// Seeds as `user` (who must hold `handleDeviceRental` over the city): (points, rentals).
    static func seed(_ app: Application, by user: CurrentUser) async throws -> (Int, Int) {
        let service = try RentalService(
            db: app.sql,
            writer: app.writer(actor: AuditActor(id: user.id.uuidString, name: user.username, requestID: nil)),
            clock: app.platform.clock, cipher: app.platform.cipher, regions: app.platform.regions, user: user)
        let regions = app.platform.regions
        let streets = try await app.sql.raw(
            """
            SELECT DISTINCT SUBSTR(region, 1, 9) AS street FROM households WHERE LENGTH(region) >= 9
            ORDER BY street LIMIT \(unsafeRaw: String(streets))
            """
        ).all().compactMap { RegionCode(try $0.decode(column: "street", as: String.self)) }
        var (points, rentals) = (0, 0)
        for (n, street) in streets.enumerated() where regions.contains(street) {
            let name = regions.name(of: street) ?? street.value
            let point = try await service.addPoint(
                RentalService.NewPoint(
                    name: "\(name)康复辅具租赁点", region: street.value, operatorName: "常州康辅医疗器械服务有限公司",
                    address: "\(regions.fullName(of: street))社区服务中心一楼"))
            points += 1
            for (kind, count) in stock {
                for i in 1...count {
                    _ = try await service.addDevice(
                        point: point.id,
                        RentalService.NewDevice(
                            kind: kind.rawValue,
                            serial: "FJ\(street.value)-\(kind.serialCode)-\(String(format: "%02d", i))"))
                }
            }
            let people = try await app.sql.raw(
                """
                SELECT p.id_cipher FROM persons p
                WHERE p.region LIKE \(bind: street.value + "%") AND p.deceased_on IS NULL AND p.household_id IS NOT NULL
                ORDER BY CASE WHEN EXISTS (SELECT 1 FROM enrollments e WHERE e.household_id = p.household_id
                  AND e.item_code = \(bind: AssistanceItemCode.dibao.rawValue)) THEN 0 ELSE 1 END, p.birth_date, p.id
                LIMIT 4
                """
            ).all()
            let kinds: [RentalDeviceKind] = [.manualWheelchair, .careBed, .walker, .commodeChair]
            for (i, row) in people.enumerated() {
                let number = try app.platform.cipher.decrypt(try row.decode(column: "id_cipher", as: String.self))
                guard
                    let rental = try? await service.request(
                        RentalService.NewRental(
                            idNumber: number, pointId: point.id, kind: kinds[i % kinds.count].rawValue,
                            months: 3 + i, note: nil))
                else { continue }
                rentals += 1
                // The last waits for delivery; the first of the second street comes back.
                guard i < people.count - 1 else { continue }
                _ = try await service.act(rental: rental.id, RentalService.RentalAction(action: "deliver"))
                if n == 1, i == 0 {
                    _ = try await service.act(rental: rental.id, RentalService.RentalAction(action: "return"))
                }
            }
        }
        return (points, rentals)
    }
}

extension RentalDeviceKind {
    /// The kind's part of a demo serial number.
    var serialCode: String {
        switch self {
        case .manualWheelchair: return "LY"
        case .electricWheelchair: return "DL"
        case .walker: return "ZX"
        case .careBed: return "HC"
        case .commodeChair: return "ZB"
        case .bathSeat: return "XZ"
        case .antiBedsoreMattress: return "FR"
        }
    }
}
