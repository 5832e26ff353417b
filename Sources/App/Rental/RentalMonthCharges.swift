import Foundation
import MinzhengCore
import SQLKit

/// The rental months a month charges: every delivered rental whose rental month begins in the
/// month (`RentalRules.rentalMonthStart`), with the person's subsidy rule of that month from the
/// registry and the charge, by the parameters in force for the rental's region. One computation
/// for the operators' settlement and the bureau's statistics, so the two cannot disagree.
struct RentalMonthCharges {
    let db: SQLDatabase

    struct Charged: Sendable {
        let rental: RentalStore.Rental
        let kind: RentalDeviceKind
        let starts: CivilDate
        let rule: RentalSubsidyRule?
        let charge: RentalCharge
    }

    func charged(month: YearMonth, within scope: RegionScope) async throws -> [Charged] {
        let history = try await PolicyStore(db: db).history()
        let store = RentalStore(db: db)
        var charged: [Charged] = []
        for r in try await store.delivered(within: scope, onOrBefore: month.lastDay) {
            guard let delivered = r.deliveredOn.flatMap(CivilDate.init),
                let kind = RentalDeviceKind(rawValue: r.kind)
            else { continue }
            let p = try history.parameters(for: r.region, month: month).rental
            let lost = r.endsOn.flatMap(CivilDate.init).map { RentalRules.lostOn(endsOn: $0, p) }
            guard
                let start = RentalRules.rentalMonthStart(
                    in: month, deliveredOn: delivered, returnedOn: r.returnedOn.flatMap(CivilDate.init), lostOn: lost)
            else { continue }
            let rule = try await store.facts(person: r.personId, month: month).flatMap { RentalRules.rule($0, p) }
            charged.append(
                Charged(
                    rental: r, kind: kind, starts: start, rule: rule, charge: RentalRules.charge(kind, rule: rule, p)))
        }
        return charged
    }
}
