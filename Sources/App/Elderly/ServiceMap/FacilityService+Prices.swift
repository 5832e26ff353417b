import Foundation
import MinzhengCore
import SQLKit

/// A facility's published price list, kept by whoever may edit the facility; the public
/// map shows it on the facility's page.
extension FacilityService {
    func prices(of id: UUID, for user: CurrentUser) async throws -> [PriceLine] {
        _ = try await facility(id, for: user)
        return try await FacilityPriceStore(db: db).prices(of: id)
    }

    func addPrice(to id: UUID, item: String?, amount: String?, unit: String?, by user: CurrentUser) async throws {
        try user.require(.manageFacilities)
        let f = try await facility(id, for: user)
        let price = try RegistryInput.check { () throws(FieldProblem) in
            try FacilityPrice.validated(item: item, amount: amount, unit: unit)
        }
        let now = clock.now
        try await writer.transaction { tx, audit in
            let store = FacilityPriceStore(db: tx)
            guard try await store.count(of: id) < FacilityPrice.maximumItems else {
                throw Refusal.invalid("item", "收费项目最多 \(FacilityPrice.maximumItems) 项，请先删除不用的项目")
            }
            let line = UUID.random()
            try await store.add(price, id: line, to: id, at: now)
            try await audit.record(
                "facility.price.add", entity: "facility_price", id: line.uuidString, region: f.region,
                after: [
                    "facility": id.uuidString, "item": price.item, "amountFen": String(price.amount.value),
                    "unit": price.unit.rawValue,
                ])
        }
    }

    func removePrice(_ line: UUID, of id: UUID, by user: CurrentUser) async throws {
        try user.require(.manageFacilities)
        let f = try await facility(id, for: user)
        try await writer.transaction { tx, audit in
            guard let removed = try await FacilityPriceStore(db: tx).remove(line, of: id) else {
                throw Refusal.notFound("收费项目")
            }
            try await audit.record(
                "facility.price.remove", entity: "facility_price", id: line.uuidString, region: f.region,
                before: [
                    "facility": id.uuidString, "item": removed.item, "amountFen": String(removed.amountFen),
                    "unit": removed.unit,
                ])
        }
    }
}
