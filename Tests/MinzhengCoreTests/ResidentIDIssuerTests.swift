import Testing
@testable import MinzhengCore
@testable import MinzhengDemo

@Suite("ResidentIDIssuer")
struct ResidentIDIssuerTests {
    let today = CivilDate(year: 2024, month: 6, day: 1)!

    @Test("one slot gives distinct sequences of the right parity, then moves a day earlier")
    func fillingOneSlot() {
        var issuer = ResidentIDIssuer(today: today, oldestAge: 104, addressCodes: ["320402"])
        let day = CivilDate(year: 1980, month: 1, day: 2)!.daysSinceEpoch
        for sex in [Sex.male, .female] {
            var seen = Set<[Int]>()
            for n in 0..<600 {
                let (claimedDay, sequence) = issuer.claim(code: 0, day: day, sex: sex)
                #expect(
                    claimedDay
                        == (n < ResidentIDIssuer.perSlot ? day : n < 2 * ResidentIDIssuer.perSlot ? day - 1 : day - 2))
                #expect((1...999).contains(sequence))
                #expect(sequence % 2 == (sex == .male ? 1 : 0))
                seen.insert([claimedDay, sequence])
            }
            #expect(seen.count == 600)
        }
    }

    @Test("issued numbers are valid and carry the date, sex and address code")
    func issuedNumbers() throws {
        var issuer = ResidentIDIssuer(today: today, oldestAge: 104, addressCodes: ["320402", "320405"])
        let birth = CivilDate(year: 1950, month: 3, day: 15)!
        var values = Set<String>()
        for n in 0..<300 {
            let sex: Sex = n % 2 == 0 ? .male : .female
            let (id, born) = issuer.issue(code: 1, birthDate: birth, sex: sex)
            #expect(try ResidentID(id.value, today: today) == id)
            #expect(id.addressCode == "320405")
            #expect(id.sex == sex)
            #expect(born == id.birthDate)
            values.insert(id.value)
        }
        #expect(values.count == 300)
    }

    @Test("births from the oldest covered day to today are accepted")
    func registerBounds() {
        var issuer = ResidentIDIssuer(today: today, oldestAge: 104, addressCodes: ["320402"])
        #expect(issuer.issue(code: 0, birthDate: today, sex: .female).birthDate == today)
        let oldest = CivilDate(year: 2024 - 105, month: 1, day: 1)!
        #expect(issuer.issue(code: 0, birthDate: oldest, sex: .male).birthDate == oldest)
    }
}
