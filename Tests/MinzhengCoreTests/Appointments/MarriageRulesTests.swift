import MinzhengCore
import Testing

/// The marriage law's ages, divorce's cooling-off dates at their boundaries, the popular
/// dates' rules, the lottery's allocation and the proof of work's bit count.
@Suite("Marriage and fair booking rules")
struct MarriageRulesTests {
    static func day(_ text: String) -> CivilDate { CivilDate(text)! }
    static func id(_ body: String) -> ResidentID {
        try! ResidentID(GB11643Reference.complete(body), today: day("2026-12-02"))
    }

    // 17th digit odd: a man; even: a woman.
    static let man = id("32040220041210001")
    static let woman = id("32040220061210002")

    @Test(
        "legal age on the day: a man 22, a woman 20, counted to the birthday",
        arguments: [
            ("2026-12-10", nil), ("2026-12-09", "idNumbers[0]"),
        ] as [(String, String?)])
    func legalAge(on date: String, refusedField: String?) {
        #expect(MarriageLaw.refusal(parties: [Self.man, Self.woman], on: Self.day(date))?.field == refusedField)
    }

    @Test("a marriage needs two people, a man and a woman")
    func twoPeople() {
        let on = Self.day("2027-01-04")
        #expect(MarriageLaw.refusal(parties: [Self.man], on: on)?.field == "idNumbers")
        #expect(
            MarriageLaw.refusal(parties: [Self.man, Self.id("32040219900101003")], on: on)?.field == "idNumbers[1]")
        #expect(MarriageLaw.refusal(parties: [Self.woman, Self.man], on: on) == nil)
    }

    @Test(
        "cooling-off and window: 30 days each from the day after, an end on a rest day moved to the next working day",
        arguments: [
            // APPOINTMENTS.md's worked example.
            ("2026-01-05", "2026-02-04", "2026-03-06"),
            // Day 30 is 国庆 (10-01…10-07) → 10-08; the window's day 30 is a Saturday → Monday.
            ("2026-09-01", "2026-10-08", "2026-11-09"),
            // The window's day 30 falls in 劳动节 (05-01…05-05) → 05-06.
            ("2026-03-04", "2026-04-03", "2026-05-06"),
            // Day 30 is Saturday 02-14, a working day made up for 春节: it stays.
            ("2026-01-15", "2026-02-14", "2026-03-16"),
        ])
    func timeline(received: String, coolingOffEnds: String, windowEnds: String) {
        let timeline = DivorceTimeline(received: Self.day(received), calendar: .china)
        #expect(timeline.coolingOffEnds == Self.day(coolingOffEnds))
        #expect(timeline.windowStarts == Self.day(coolingOffEnds).adding(days: 1))
        #expect(timeline.windowEnds == Self.day(windowEnds))
    }

    @Test("withdrawal until the cooling-off's last day; registration from the next day to the window's last")
    func phases() {
        let timeline = DivorceTimeline(received: Self.day("2026-01-05"), calendar: .china)
        let cases: [(String, DivorceTimeline.Phase, Bool, Bool)] = [
            ("2026-01-05", .coolingOff, true, false), ("2026-02-04", .coolingOff, true, false),
            ("2026-02-05", .window, false, true), ("2026-03-06", .window, false, true),
            ("2026-03-07", .lapsed, false, false),
        ]
        for (date, phase, mayWithdraw, mayRegister) in cases {
            let on = Self.day(date)
            #expect(timeline.phase(on: on) == phase, "\(date)")
            #expect(
                (DivorceState.pending.refusalToWithdraw(on: on, timeline: timeline) == nil) == mayWithdraw, "\(date)")
            #expect(
                (DivorceState.pending.refusalToRegister(on: on, timeline: timeline) == nil) == mayRegister, "\(date)")
        }
        #expect(DivorceState.withdrawn.refusalToRegister(on: Self.day("2026-02-10"), timeline: timeline) != nil)
    }

    @Test("popular dates: capacity doubled, requests in the 7 days before the opening, slots opened that far")
    func popularDates() throws {
        let rules = try #require(BookingRuleBook.shipped.rules(.marriage, on: Self.day("2027-05-20")))
        #expect(rules.isPopular(Self.day("2027-05-20")) && !rules.isPopular(Self.day("2027-05-19")))
        #expect(rules.capacity(4, on: Self.day("2027-05-20")) == 8)
        #expect(rules.capacity(4, on: Self.day("2027-05-19")) == 4)
        let window = try #require(rules.lotteryWindow(of: Self.day("2027-05-20")))
        #expect(window.draws == BookingMoment(day: Self.day("2027-05-05"), minute: 510))
        #expect(window.opens == BookingMoment(day: Self.day("2027-04-28"), minute: 510))
        #expect(rules.slotReach(from: Self.day("2027-04-28")) == 22)
        #expect(rules.slotReach(from: Self.day("2027-04-27")) == 15)
        let early = rules.refusalToBook(
            day: Self.day("2027-05-20"), minute: 540, now: BookingMoment(day: Self.day("2027-05-01"), minute: 600))
        #expect(early?.message.contains("摇号") == true)
    }

    @Test("the draw gives each request its slot while seats last, else another slot of its office, else nothing")
    func lottery() {
        let seats = [
            LotteryDraw.Seat(slot: "a9", resource: "A", startMinute: 540, left: 1),
            LotteryDraw.Seat(slot: "a10", resource: "A", startMinute: 600, left: 1),
            LotteryDraw.Seat(slot: "b9", resource: "B", startMinute: 540, left: 1),
        ]
        let requests = ["r1", "r2", "r3", "r4"].map { LotteryDraw.Request(id: $0, slot: "a9", resource: "A", seats: 1) }
        let results = LotteryDraw.allocate(ordered: requests, seats: seats)
        #expect(results.map(\.slot) == ["a9", "a10", nil, nil])
    }

    @Test(
        "leading zero bits",
        arguments: [([0, 0, 0x80], 16), ([0x0F], 4), ([0xFF], 0), ([0, 0], 16)] as [([UInt8], Int)])
    func zeroBits(bytes: [UInt8], bits: Int) {
        #expect(ProofOfWorkRule.leadingZeroBits(bytes) == bits)
    }

    @Test("certificate numbers: letter, office, year, six-digit serial")
    func certificateNumbers() {
        #expect(CertificateKind.marriage.number(region: "320402", year: 2026, serial: 123) == "J320402-2026-000123")
        #expect(
            CertificateKind.marriage.replacement.number(region: "320402", year: 2026, serial: 1)
                == "BJ320402-2026-000001")
        #expect(CertificateKind.divorce.prefix(region: "320411", year: 2027) == "L320411-2027-")
    }
}
