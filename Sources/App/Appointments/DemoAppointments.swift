import Foundation
import MinzhengCore
import Vapor

/// The demo's bookable services: Changzhou's six marriage registries (APPOINTMENTS.md), the
/// city funeral home's furnaces, hall and hearse, and two public cemeteries' gates, with
/// their slots opened as far as booking reaches.
enum DemoAppointments {
    struct Resource {
        let kind: BookingKind
        let name: String
        let region: String
        let address: String
        let capacity: Int
    }

    /// Registries: 3 counters × 2 couples a slot; a furnace, a hall, a hearse: 1; a gate: 500 people an hour.
    static let resources: [Resource] =
        [
            ("溧阳市婚姻登记处", "320481", "溧阳市燕山中路"), ("金坛区婚姻登记处", "320413", "金坛区东门大街"),
            ("武进区婚姻登记处", "320412", "武进区延政中路"), ("新北区婚姻登记处", "320411", "新北区锦绣路"),
            ("天宁区婚姻登记处", "320402", "天宁区元丰路"), ("钟楼区婚姻登记处", "320404", "钟楼区延陵西路"),
        ].flatMap { name, region, address in
            [
                Resource(kind: .marriage, name: name, region: region, address: address, capacity: 6),
                Resource(kind: .divorce, name: name, region: region, address: address, capacity: 2),
            ]
        } + [
            Resource(kind: .cremation, name: "常州市殡仪馆 1号火化炉", region: "320411", address: "新北区", capacity: 1),
            Resource(kind: .cremation, name: "常州市殡仪馆 2号火化炉", region: "320411", address: "新北区", capacity: 1),
            Resource(kind: .farewellHall, name: "常州市殡仪馆 小告别厅", region: "320411", address: "新北区", capacity: 1),
            Resource(kind: .bodyPickup, name: "常州市殡仪馆 接运车", region: "320411", address: "新北区", capacity: 2),
            Resource(kind: .qingmingVisit, name: "常州市公益性公墓 东门", region: "320412", address: "武进区", capacity: 500),
            Resource(kind: .qingmingVisit, name: "金坛区公益性公墓", region: "320413", address: "金坛区", capacity: 300),
        ]

    static func seedIfEmpty(_ app: Application) async throws {
        guard app.platform.config.demoHouseholds > 0 else { return }
        let store = BookingStore(db: app.sql)
        guard try await store.resources().isEmpty else { return }
        let now = app.platform.clock.now
        try await app.writer(actor: .system("demo")).transaction { tx, audit in
            let store = BookingStore(db: tx)
            for r in resources {
                try await store.insertResource(
                    id: UUID(), kind: r.kind, name: r.name, region: r.region, address: r.address, capacity: r.capacity,
                    at: now)
            }
            try await audit.record(
                "demo.bookings", entity: "booking_resource", id: nil, region: RegionTable.changzhou.value,
                after: ["resources": "\(resources.count)"])
        }
        let slots = try await app.bookingService(actor: .system("demo")).openSlots()
        app.logger.info("Demo appointments: \(resources.count) bookable resources, \(slots) slots open")
    }
}
