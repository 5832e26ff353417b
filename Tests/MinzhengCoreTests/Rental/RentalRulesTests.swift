import MinzhengCore
import Testing

@Suite("Assistive-device rental: device states, the subsidy a month, rental months, overdue and lost")
struct RentalRulesTests {
    static let p = RentalParameters.defaults

    struct Transition: Sendable, CustomTestStringConvertible {
        let from: RentalDeviceState
        let action: RentalDeviceState.Action
        let to: RentalDeviceState?
        var testDescription: String { "\(from.rawValue) --\(action.rawValue)--> \(to?.rawValue ?? "refused")" }
    }

    @Test(
        "a device moves available → reserved → rented → awaiting cleaning → available, never rented before disinfection",
        arguments: [
            Transition(from: .available, action: .reserve, to: .reserved),
            Transition(from: .reserved, action: .deliver, to: .rented),
            Transition(from: .reserved, action: .release, to: .available),
            Transition(from: .rented, action: .takeBack, to: .awaitingCleaning),
            Transition(from: .awaitingCleaning, action: .disinfect, to: .available),
            Transition(from: .awaitingCleaning, action: .reserve, to: nil),
            Transition(from: .awaitingCleaning, action: .deliver, to: nil),
            Transition(from: .rented, action: .reserve, to: nil),
            Transition(from: .reserved, action: .reserve, to: nil),
            Transition(from: .available, action: .deliver, to: nil),
            Transition(from: .available, action: .disinfect, to: nil),
            Transition(from: .rented, action: .markLost, to: .lost),
            Transition(from: .rented, action: .writeOff, to: nil),
            Transition(from: .available, action: .sendToRepair, to: .repair),
            Transition(from: .awaitingCleaning, action: .sendToRepair, to: .repair),
            Transition(from: .repair, action: .repaired, to: .awaitingCleaning),
            Transition(from: .repair, action: .reserve, to: nil),
            Transition(from: .repair, action: .writeOff, to: .writtenOff),
            Transition(from: .available, action: .writeOff, to: .writtenOff),
            Transition(from: .writtenOff, action: .disinfect, to: nil),
            Transition(from: .writtenOff, action: .reserve, to: nil),
            Transition(from: .lost, action: .takeBack, to: nil),
        ])
    func transitions(_ t: Transition) {
        #expect(t.from.after(t.action) == t.to)
        #expect(RentalDeviceState.sources(of: t.action).contains(t.from) == (t.to != nil))
    }

    @Test func onlyAnAvailableDeviceCanBeReserved() {
        #expect(RentalDeviceState.sources(of: .reserve) == [.available])
        #expect(RentalDeviceState.sources(of: .disinfect) == [.awaitingCleaning])
    }

    struct Subsidy: Sendable, CustomTestStringConvertible {
        let name: String
        let facts: RentalEligibilityFacts
        let kind: RentalDeviceKind
        let rule: RentalSubsidyRule?
        let subsidy: Int64
        let pays: Int64
        let deposit: Int64
        var testDescription: String { name }
    }

    @Test(
        "the subsidy a month, in fen: dibao and tekun 100 % up to 200 yuan and no deposit, disabled or 80+ 50 % up to 100",
        arguments: [
            Subsidy(
                name: "dibao, manual wheelchair 30 yuan", facts: .init(dibao: true, age: 60), kind: .manualWheelchair,
                rule: .dibao, subsidy: 3000, pays: 0, deposit: 0),
            Subsidy(
                name: "tekun, care bed 100 yuan", facts: .init(tekun: true, age: 85), kind: .careBed, rule: .tekun,
                subsidy: 10_000, pays: 0, deposit: 0),
            Subsidy(
                name: "dibao, electric wheelchair 150 yuan", facts: .init(dibao: true, age: 70),
                kind: .electricWheelchair, rule: .dibao, subsidy: 15_000, pays: 0, deposit: 0),
            Subsidy(
                name: "disabled, electric wheelchair: half is 75", facts: .init(disabilityCertificate: true, age: 40),
                kind: .electricWheelchair, rule: .disabled, subsidy: 7500, pays: 7500, deposit: 200_000),
            Subsidy(
                name: "80 years old, care bed: half is 50", facts: .init(age: 80), kind: .careBed, rule: .aged,
                subsidy: 5000, pays: 5000, deposit: 100_000),
            Subsidy(
                name: "79 years old: nothing", facts: .init(age: 79), kind: .careBed, rule: nil, subsidy: 0,
                pays: 10_000, deposit: 100_000),
            Subsidy(
                name: "tekun and disabled: tekun's rule wins",
                facts: .init(tekun: true, disabilityCertificate: true, age: 50),
                kind: .walker, rule: .tekun, subsidy: 1000, pays: 0, deposit: 0),
            Subsidy(
                name: "disabled and 90, commode chair 15: 7.50", facts: .init(disabilityCertificate: true, age: 90),
                kind: .commodeChair, rule: .disabled, subsidy: 750, pays: 750, deposit: 15_000),
        ])
    func subsidy(_ s: Subsidy) {
        let rule = RentalRules.rule(s.facts, Self.p)
        #expect(rule == s.rule)
        let charge = RentalRules.charge(s.kind, rule: rule, Self.p)
        #expect(charge.subsidy == Fen(s.subsidy))
        #expect(charge.personPays == Fen(s.pays))
        #expect(charge.deposit == Fen(s.deposit))
        #expect(charge.subsidy + charge.personPays == charge.rent)
    }

    @Test func capsAreParameters() {
        var p = Self.p
        p.rent[.electricWheelchair] = Fen(yuan: 300)
        #expect(RentalRules.charge(.electricWheelchair, rule: .dibao, p).subsidy == Fen(yuan: 200))
        #expect(RentalRules.charge(.electricWheelchair, rule: .aged, p).subsidy == Fen(yuan: 100))
        p.halfCap = Fen(yuan: 120)
        #expect(RentalRules.charge(.electricWheelchair, rule: .aged, p).subsidy == Fen(yuan: 120))
        p.subsidyAge = 75
        #expect(RentalRules.rule(.init(age: 76), p) == .aged)
    }

    struct Months: Sendable, CustomTestStringConvertible {
        let name: String
        let delivered: String
        let returned: String?
        let month: String
        let start: String?
        var testDescription: String { name }
    }

    @Test(
        "a rental month begins on the delivery day and is charged in the calendar month it begins, while the device is out",
        arguments: [
            Months(
                name: "the first month", delivered: "2026-10-15", returned: nil, month: "2026-10", start: "2026-10-15"),
            Months(
                name: "the third month", delivered: "2026-10-15", returned: nil, month: "2026-12", start: "2026-12-15"),
            Months(name: "before the delivery", delivered: "2026-10-15", returned: nil, month: "2026-09", start: nil),
            Months(
                name: "returned before the month began", delivered: "2026-10-15", returned: "2026-11-15",
                month: "2026-11", start: nil),
            Months(
                name: "returned after it began", delivered: "2026-10-15", returned: "2026-11-16", month: "2026-11",
                start: "2026-11-15"),
            Months(
                name: "returned on the delivery day: one month", delivered: "2026-10-15", returned: "2026-10-15",
                month: "2026-10", start: "2026-10-15"),
            Months(
                name: "the 31st in February", delivered: "2026-01-31", returned: nil, month: "2026-02",
                start: "2026-02-28"),
        ])
    func rentalMonths(_ m: Months) {
        #expect(
            RentalRules.rentalMonthStart(
                in: YearMonth(m.month)!, deliveredOn: CivilDate(m.delivered)!,
                returnedOn: m.returned.flatMap(CivilDate.init),
                lostOn: nil) == m.start.flatMap(CivilDate.init))
    }

    @Test func noRentAfterTheDeviceIsLost() {
        let delivered = CivilDate("2026-01-10")!
        let lost = RentalRules.lostOn(endsOn: CivilDate("2026-03-10")!, Self.p)
        #expect(lost == CivilDate("2026-06-08")!)
        #expect(
            RentalRules.rentalMonthStart(
                in: YearMonth("2026-06")!, deliveredOn: delivered, returnedOn: nil, lostOn: lost)
                == nil)
        #expect(
            RentalRules.rentalMonthStart(
                in: YearMonth("2026-05")!, deliveredOn: delivered, returnedOn: nil, lostOn: lost)
                == CivilDate("2026-05-10")!)
    }

    struct Standing: Sendable, CustomTestStringConvertible {
        let today: String
        let standing: RentalStanding
        var testDescription: String { "\(today): \(standing.rawValue)" }
    }

    @Test(
        "a delivered rental ending 2026-06-30: due back, overdue after 30 days, lost after 90 with the deposit kept",
        arguments: [
            Standing(today: "2026-06-30", standing: .renting), Standing(today: "2026-07-01", standing: .dueBack),
            Standing(today: "2026-07-30", standing: .dueBack), Standing(today: "2026-07-31", standing: .overdue),
            Standing(today: "2026-09-28", standing: .overdue), Standing(today: "2026-09-29", standing: .lost),
        ])
    func standing(_ s: Standing) {
        let standing = RentalRules.standing(
            .delivered, endsOn: CivilDate("2026-06-30")!, today: CivilDate(s.today)!, Self.p)
        #expect(standing == s.standing)
        #expect(RentalRules.depositKept(standing) == (s.standing == .lost))
    }

    @Test func serials() {
        #expect(RentalRules.validSerial("LY-2026-0001"))
        #expect(!RentalRules.validSerial(""))
        #expect(!RentalRules.validSerial("轮椅1"))
        #expect(!RentalRules.validSerial(String(repeating: "A", count: 41)))
    }

    @Test func theDefaultsAreCHILDRENmd() {
        #expect(Self.p.rent[.manualWheelchair] == Fen(yuan: 30) && Self.p.deposit[.manualWheelchair] == Fen(yuan: 300))
        #expect(
            Self.p.rent[.electricWheelchair] == Fen(yuan: 150)
                && Self.p.deposit[.electricWheelchair] == Fen(yuan: 2_000))
        #expect(Self.p.yearTarget == 5_000)
        #expect(RentalParameters(values: Self.p.values) == Self.p)
        #expect(Set(Self.p.values.keys) == Set(RentalParameters.keys))
    }
}
