import Foundation
import MinzhengCore
import MinzhengDemo
import SQLKit

/// The demo's service map (`ServiceMapDemoPlan`), after its facilities and households: the
/// offices of the streets and communities, every facility's price list, and questions to
/// the adviser of the last weeks, some answered, one past the reply time.
enum DemoServiceMap {
    struct Summary: Codable, Sendable {
        var locations = 0
        var prices = 0
        var questions = 0
    }

    static func seed(
        db: SQLDatabase, writer: AuditedWriter, clock: PlatformClock, cipher: FieldCipher, regions: RegionTable
    ) async throws -> Summary {
        let placed = try await ServiceMapStore(db: db, regions: regions).placed()
        let communities = try await ServiceCoverageStore(db: db).olderResidents(
            within: RegionScope(RegionTable.changzhou), bornBy: clock.today)
        let locations = ServiceMapDemoPlan.locations(
            facilities: placed.map { .init(kind: $0.kind, region: $0.region, point: $0.point) },
            communities: Array(communities.keys))
        let homeCare = try await PolicyStore(db: db).parameters(
            for: RegionTable.changzhou.value, month: clock.today.yearMonth)
        let streets = locations.keys.filter { $0.utf8.count == 9 }.sorted()
        let questions = ServiceMapDemoPlan.questions(streets: Array(streets.prefix(4)))
        let now = clock.now
        return try await writer.transaction { tx, audit in
            var summary = Summary()
            let places = RegionLocationStore(db: tx)
            for (code, point) in locations.sorted(by: { $0.key < $1.key }) {
                guard let region = RegionCode(code) else { continue }
                try await places.set(region, to: point, by: "demo", at: now)
                summary.locations += 1
            }
            let prices = FacilityPriceStore(db: tx)
            for (index, f) in placed.enumerated() {
                for price in ServiceMapDemoPlan.prices(
                    for: f.kind, index: index, meal: homeCare.homeCarePriceMeal, bathing: homeCare.homeCarePriceBathing)
                {
                    try await prices.add(price, id: UUID.random(), to: f.id, at: now)
                    summary.prices += 1
                }
            }
            let advice = AdviceStore(db: tx, regions: regions)
            for q in questions {
                let draft = try RegistryInput.check { () throws(FieldProblem) in try AdviceDraft.validated(q.input) }
                let id = UUID.random()
                let sent = now.addingTimeInterval(-Double(q.hoursAgo) * 3_600)
                try await advice.insert(
                    draft, id: id, codeHash: AccountStore.hashToken(AdviceService.newCode()),
                    phoneCipher: cipher.encrypt(draft.phone), at: sent)
                if let answer = q.answer {
                    _ = try await advice.answer(
                        id: id, version: 1, answer: answer, by: "演示·街道养老顾问", at: sent.addingTimeInterval(86_400))
                }
                summary.questions += 1
            }
            try await audit.record(
                "demo.service_map", entity: "region_location", id: nil, region: RegionTable.changzhou.value,
                after: [
                    "locations": String(summary.locations), "prices": String(summary.prices),
                    "questions": String(summary.questions),
                ])
            return summary
        }
    }
}
