import MinzhengCore
import Testing

@Suite("Public cemeteries")
struct CemeteryRulesTests {
    static func place(
        _ kind: CemeteryUnitKind, _ taken: [CemeteryPlace], person: String = "p", reserve: Bool = false
    ) -> Int? {
        try? CemeteryRules.place(kind: kind, taken: taken, person: person, reserve: reserve).get()
    }

    @Test func aDeceasedTakesTheFirstFreePlaceOrTheOneReservedForThem() {
        #expect(Self.place(.single, []) == 1)
        #expect(Self.place(.single, [CemeteryPlace(place: 1, state: .buried, person: "a")]) == nil)
        #expect(Self.place(.single, [CemeteryPlace(place: 1, state: .ended, person: "a")]) == 1)
        #expect(Self.place(.double, [CemeteryPlace(place: 1, state: .buried, person: "a")]) == 2)
        let reserved = [
            CemeteryPlace(place: 1, state: .buried, person: "a"),
            CemeteryPlace(place: 2, state: .reserved, person: "b"),
        ]
        #expect(Self.place(.double, reserved, person: "b") == 2)
        #expect(Self.place(.double, reserved, person: "c") == nil)
        #expect(Self.place(.niche, []) == 1)
    }

    @Test func aReservationIsOnlyBesideABuriedPersonInADoublePlot() {
        let buried = [CemeteryPlace(place: 1, state: .buried, person: "a")]
        #expect(Self.place(.double, buried, reserve: true) == 2)
        #expect(Self.place(.double, [], reserve: true) == nil)
        #expect(Self.place(.single, buried, reserve: true) == nil)
        let refusal = CemeteryRules.place(kind: .niche, taken: [], person: "p", reserve: true)
        #expect((try? refusal.get()) == nil)
        #expect(
            Self.place(.double, buried + [CemeteryPlace(place: 2, state: .reserved, person: "x")], reserve: true) == nil
        )
    }

    @Test func aTermEndsTheDayBeforeItsAnniversary() {
        #expect(CemeteryRules.until(from: CivilDate("2026-12-07")!, years: 20) == CivilDate("2046-12-06")!)
        #expect(CemeteryRules.until(from: CivilDate("2028-02-29")!, years: 20) == CivilDate("2048-02-28")!)
        #expect(CemeteryRules.until(from: CivilDate("2028-02-29")!, years: 1) == CivilDate("2029-02-28")!)
    }
}
