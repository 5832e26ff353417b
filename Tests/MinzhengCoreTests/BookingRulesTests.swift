import MinzhengCore
import Testing

/// APPOINTMENTS.md's booking table, read from the shipped rule book.
@Suite("Booking rules")
struct BookingRulesTests {
    static let book = BookingRuleBook.shipped
    static func day(_ text: String) -> CivilDate { CivilDate(text)! }
    static func at(_ text: String, _ hour: Int, _ minute: Int = 0) -> BookingMoment {
        BookingMoment(day: day(text), minute: hour * 60 + minute)
    }

    @Test("every kind has rules from its first date")
    func everyKind() {
        for kind in BookingKind.allCases {
            #expect(Self.book.rules(kind, on: Self.day("2026-12-02")) != nil, "\(kind)")
        }
        #expect(Self.book.rules(.marriage, on: Self.day("2025-05-09")) == nil)
    }

    @Test(
        "a marriage slot on 2026-12-18 09:00 opens 15 days ahead at 08:30 and closes at the end of the day before",
        arguments: [
            ("2026-12-03", 8, 29, "尚未开放"), ("2026-12-03", 8, 30, nil), ("2026-12-17", 23, 59, nil),
            ("2026-12-18", 0, 0, "截止"), ("2026-12-18", 9, 0, "截止"),
        ] as [(String, Int, Int, String?)])
    func marriageWindow(now: String, hour: Int, minute: Int, refused: String?) throws {
        let rules = try #require(Self.book.rules(.marriage, on: Self.day("2026-12-18")))
        let refusal = rules.refusalToBook(day: Self.day("2026-12-18"), minute: 540, now: Self.at(now, hour, minute))
        #expect(refusal?.message.contains(refused ?? "—") ?? (refused == nil), "\(String(describing: refusal))")
        #expect(refusal?.field == (refused == nil ? nil : "slotId"))
    }

    @Test(
        "a cremation at 10:00 is booked and cancelled until 08:00 the same day",
        arguments: [(7, 59, true), (8, 0, false)] as [(Int, Int, Bool)])
    func cremationCutoffs(hour: Int, minute: Int, allowed: Bool) throws {
        let rules = try #require(Self.book.rules(.cremation, on: Self.day("2026-12-05")))
        let now = Self.at("2026-12-05", hour, minute)
        #expect((rules.refusalToBook(day: Self.day("2026-12-05"), minute: 600, now: now) == nil) == allowed)
        #expect((rules.refusalToCancel(day: Self.day("2026-12-05"), minute: 600, now: now) == nil) == allowed)
    }

    @Test("marriage slots: 09:00–11:30 and 13:30–17:00 in 30 minutes on working days, none on a holiday or a Sunday")
    func marriageSlots() throws {
        let rules = try #require(Self.book.rules(.marriage, on: Self.day("2026-12-07")))
        let monday = rules.slots(on: Self.day("2026-12-07"), calendar: .china)
        #expect(monday.count == 5 + 7)
        #expect(monday.first?.start == 540 && monday.last?.end == 1_020)
        #expect(rules.slots(on: Self.day("2026-12-06"), calendar: .china).isEmpty, "a Sunday")
        #expect(rules.slots(on: Self.day("2026-10-01"), calendar: .china).isEmpty, "National Day")
    }

    @Test(
        "2 no-shows within 30 days bar marriage bookings for 15 days after the last",
        arguments: [
            (["2026-11-10", "2026-11-20"], "2026-12-01", "2026-12-05"),
            (["2026-11-10", "2026-11-20"], "2026-12-06", nil),
            (["2026-10-01", "2026-11-20"], "2026-11-25", nil),
            (["2026-11-20"], "2026-11-25", nil),
        ] as [([String], String, String?)])
    func noShowBan(noShows: [String], today: String, until: String?) throws {
        let rules = try #require(Self.book.rules(.marriage, on: Self.day(today)))
        #expect(rules.bannedUntil(noShows: noShows.map(Self.day), today: Self.day(today)) == until.map(Self.day))
    }

    @Test("a booking moves once; a no-show only after its slot has started")
    func states() throws {
        #expect(try BookingState.active.after(.cancel, slotStarted: false).get() == .cancelled)
        #expect(try BookingState.active.after(.arrival, slotStarted: false).get() == .arrived)
        #expect((try? BookingState.active.after(.noShow, slotStarted: false).get()) == nil)
        #expect(try BookingState.active.after(.noShow, slotStarted: true).get() == .noShow)
        for state in [BookingState.cancelled, .arrived, .noShow] {
            #expect((try? state.after(.cancel, slotStarted: true).get()) == nil)
        }
    }

    @Test("moments carry minutes across midnight both ways")
    func moments() {
        #expect(Self.at("2026-12-05", 1).adding(minutes: -120) == Self.at("2026-12-04", 23))
        #expect(Self.at("2026-12-05", 23).adding(minutes: 90) == Self.at("2026-12-06", 0, 30))
        #expect(Self.at("2026-12-05", 9).description == "2026-12-05 09:00")
    }
}
