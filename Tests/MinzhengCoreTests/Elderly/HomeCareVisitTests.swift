import MinzhengCore
import Testing

/// The flags of the special review and the split of a month's charges.
struct HomeCareVisitTests {
    static let tariff = HomeCareTariff(parameters: HomeCareEntitlementTests.parameters)
    static let day = CivilDate("2022-06-10")!
    static let nine: Int64 = 1_654_822_800  // 2022-06-10 09:00 Beijing

    static func visit(
        _ id: String, worker: String = "w1", _ service: HomeCareServiceKind = .cleaning, units: Int = 1,
        from start: Int, minutes: Int, deceasedOn: CivilDate? = nil
    ) -> HomeCareVisit {
        HomeCareVisit(
            id: id, worker: worker, service: service, units: units, checkIn: nine + Int64(start * 60),
            checkOut: nine + Int64((start + minutes) * 60), checkInDay: day, deceasedOn: deceasedOn)
    }

    @Test(
        arguments: [
            // Cleaning, 2 hours ordered: the norm is 120 minutes, flagged above 360.
            (visit("a", .cleaning, units: 2, from: 0, minutes: 360), [HomeCareFlag]()),
            (visit("a", .cleaning, units: 2, from: 0, minutes: 361), [HomeCareFlag.overlong]),
            // A meal delivery's norm is 30 minutes whatever the number of meals.
            (visit("a", .mealDelivery, units: 3, from: 0, minutes: 90), []),
            (visit("a", .mealDelivery, units: 3, from: 0, minutes: 91), [HomeCareFlag.overlong]),
            (visit("a", .bathing, from: 0, minutes: 181), [HomeCareFlag.overlong]),
            // Died the day before: flagged; died that day: the visit may have come first.
            (visit("a", from: 0, minutes: 60, deceasedOn: CivilDate("2022-06-09")!), [HomeCareFlag.afterDeath]),
            (visit("a", from: 0, minutes: 60, deceasedOn: CivilDate("2022-06-10")!), []),
        ] as [(HomeCareVisit, [HomeCareFlag])])
    func ownFlags(visit: HomeCareVisit, flags: [HomeCareFlag]) {
        #expect(HomeCareChecks.flags(of: visit, workerVisits: [visit], tariff: Self.tariff) == Set(flags))
    }

    @Test func oneWorkerInTwoPlacesAtOnce() {
        let first = Self.visit("a", from: 0, minutes: 60)
        let overlapping = Self.visit("b", from: 59, minutes: 60)
        let after = Self.visit("c", from: 60, minutes: 60)
        let otherWorker = Self.visit("d", worker: "w2", from: 30, minutes: 60)
        let all = [first, overlapping, after, otherWorker]
        #expect(HomeCareChecks.flags(of: first, workerVisits: all, tariff: Self.tariff) == [.workerOverlap])
        #expect(HomeCareChecks.flags(of: overlapping, workerVisits: all, tariff: Self.tariff) == [.workerOverlap])
        // Back to back is not an overlap, nor is another worker at the same time.
        #expect(HomeCareChecks.flags(of: after, workerVisits: [first, after], tariff: Self.tariff).isEmpty)
        #expect(HomeCareChecks.flags(of: otherWorker, workerVisits: all, tariff: Self.tariff).isEmpty)
    }

    @Test(
        arguments: [
            ([4000, 4000, 4000], 10000, [(4000, 0), (4000, 0), (2000, 2000)]),
            ([12000], 10000, [(10000, 2000)]),
            ([6000, 1200], 0, [(0, 6000), (0, 1200)]),
            ([6000, 1200], 7200, [(6000, 0), (1200, 0)]),
            ([], 20000, []),
        ] as [([Int64], Int64, [(Int64, Int64)])])
    func split(charges: [Int64], entitlement: Int64, expected: [(Int64, Int64)]) {
        let splits = HomeCareSettlementRule.split(charges: charges.map { Fen($0) }, entitlement: Fen(entitlement))
        #expect(splits.map { [$0.subsidy.value, $0.selfPaid.value] } == expected.map { [$0.0, $0.1] })
        #expect(splits.map(\.exceeded) == expected.map { $0.1 > 0 })
    }

    @Test func chargesAreUnitsTimesPrice() {
        #expect(Self.tariff.charge(.mealDelivery, units: 3).value == 3600)
        #expect(Self.tariff.charge(.rehabilitationNursing, units: 2).value == 16000)
        #expect(Self.tariff.charge(.bathing, units: 1).value == 6000)
    }

    @Test(arguments: [
        (HomeCareOrderState.requested, HomeCareOrderState.Action.assign, HomeCareOrderState?.some(.assigned)),
        (.assigned, .assign, .assigned), (.assigned, .checkIn, .inService), (.inService, .checkOut, .served),
        (.served, .confirm, .confirmed), (.requested, .cancel, .cancelled), (.assigned, .cancel, .cancelled),
        (.requested, .checkIn, nil), (.inService, .cancel, nil), (.served, .checkOut, nil), (.confirmed, .confirm, nil),
        (.cancelled, .assign, nil),
    ])
    func orderStates(from: HomeCareOrderState, action: HomeCareOrderState.Action, to: HomeCareOrderState?) throws {
        if let to {
            #expect(try from.after(action) == to)
        } else {
            #expect(throws: Refusal.self) { try from.after(action) }
        }
    }
}
