import Foundation
import MinzhengCore
import MinzhengDemo
import SQLKit

/// Home care on a fresh `serve`: a provider with three workers in every district, and
/// visits of last month and this one for older persons of the demo city (`HomeCareDemoPlan`),
/// priced, flagged by the same checks as a real check-out, with each month's entitlement.
struct DemoHomeCare {
    let db: SQLDatabase
    let writer: AuditedWriter
    /// At most this many older persons are served.
    var persons = 120

    /// Valid unified social credit codes (GB 32100) of the demo's providers, one per district.
    static let providers: [(district: String, code: String)] = [
        ("320402", "52320402MJ005100XX"), ("320404", "52320404MJ0051018T"), ("320411", "52320411MJ0051026R"),
        ("320412", "52320412MJ00510343"), ("320413", "52320413MJ0051042C"), ("320481", "52320481MJ0051050N"),
    ]
    static let workerNames = [
        "王丽", "李静", "张敏", "陈红", "刘芳", "周燕", "吴霞", "徐萍", "孙琴", "朱梅", "胡娟", "高英",
        "蒋玲", "沈洁", "陆云", "顾兰", "丁慧", "曹秀",
    ]

    func seed(today: CivilDate, regions: RegionTable, now: Date) async throws -> Int {
        let history = try await PolicyStore(db: db).history()
        let elderlyBorn = CivilDate(year: today.year - 60, month: today.month, day: min(today.day, 28))!
        return try await writer.transaction { tx, audit in
            let store = HomeCareStore(db: tx)
            var workersByDistrict: [String: (provider: UUID, workers: [UUID])] = [:]
            for (index, provider) in Self.providers.enumerated() {
                let name = (RegionCode(provider.district).flatMap(regions.name) ?? provider.district) + "颐养居家服务中心"
                let id = try await store.createProvider(
                    name: name, creditCode: provider.code, region: provider.district,
                    phone: "0519-8\(index)60\(index)000",
                    at: now)
                var workers: [UUID] = []
                for w in 0..<3 {
                    workers.append(
                        try await store.createWorker(
                            provider: id, name: Self.workerNames[(index * 3 + w) % Self.workerNames.count], at: now))
                }
                workersByDistrict[provider.district] = (id, workers)
            }
            let elders = try await tx.raw(
                """
                SELECT id, region FROM persons WHERE birth_date <= \(bind: elderlyBorn.description)
                  AND deceased_on IS NULL ORDER BY id LIMIT \(literal: persons)
                """
            ).all().map {
                (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "region", as: String.self))
            }
            var rows = BulkInsert(table: "home_care_orders", columns: HomeCareColumns.visits)
            var planned: [(person: UUID, region: String, worker: UUID?, visit: HomeCareDemoPlan.Visit)] = []
            for (index, elder) in elders.enumerated() {
                let team = workersByDistrict[String(elder.1.prefix(6))]
                for visit in HomeCareDemoPlan.visits(person: index, today: today) {
                    let worker = visit.state == .requested ? nil : team?.workers[index % 3]
                    planned.append((elder.0, elder.1, worker, visit))
                }
            }
            // The same checks as a real check-out, over each worker's finished visits.
            let finished = planned.enumerated().compactMap { i, p -> HomeCareVisit? in
                guard let worker = p.worker, p.visit.state == .served || p.visit.state == .confirmed else { return nil }
                let start = Int64(BeijingTime.startOfDay(p.visit.day).timeIntervalSince1970) + Int64(p.visit.start * 60)
                return HomeCareVisit(
                    id: String(i), worker: worker.uuidString, service: p.visit.service, units: p.visit.units,
                    checkIn: start, checkOut: start + Int64(p.visit.minutes * 60), checkInDay: p.visit.day)
            }
            let byWorker = Dictionary(grouping: finished, by: \.worker)
            let visitsByID = Dictionary(uniqueKeysWithValues: finished.map { ($0.id, $0) })
            var entitled: Set<String> = []
            let entitlements = HomeCareEntitlementStore(db: tx)
            for (i, p) in planned.enumerated() {
                let month = p.visit.day.yearMonth
                let parameters = try history.parameters(for: p.region, month: month)
                let tariff = HomeCareTariff(parameters: parameters)
                let done = visitsByID[String(i)]
                let flags =
                    done.map {
                        HomeCareChecks.flags(of: $0, workerVisits: byWorker[$0.worker] ?? [], tariff: tariff)
                    } ?? []
                let checkIn = p.visit.state == .inService ? Int64(now.timeIntervalSince1970) : done?.checkIn
                rows.append(
                    HomeCareColumns.visit(
                        person: p.person, region: p.region, service: p.visit.service, units: p.visit.units,
                        day: p.visit.day, state: p.visit.state,
                        provider: p.worker.flatMap { _ in workersByDistrict[String(p.region.prefix(6))]?.provider },
                        worker: p.worker, checkIn: checkIn, checkOut: done?.checkOut,
                        charge: tariff.charge(p.visit.service, units: p.visit.units), flags: flags, createdBy: "demo",
                        at: now))
                if done != nil, entitled.insert("\(p.person)\(month)").inserted,
                    let facts = try await entitlements.facts(person: p.person, month: month)
                {
                    try await entitlements.record(
                        person: p.person, month: month, HomeCareEntitlement.of(facts, parameters: parameters), at: now)
                }
            }
            try await rows.flush(on: tx)
            try await audit.record(
                "demo.home_care", entity: "home_care_order", id: nil, region: RegionTable.changzhou.value,
                after: ["providers": "\(Self.providers.count)", "orders": "\(planned.count)"])
            return planned.count
        }
    }
}
