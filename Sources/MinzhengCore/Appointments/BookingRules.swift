/// The booking rules of one kind from a date (APPOINTMENTS.md's table): when slots are,
/// when booking opens and closes, when cancelling ends, how many people one booking holds,
/// and what no-shows lead to. Dated parameters, read from `booking-rules.json`.
public struct BookingRules: Codable, Sendable, Equatable {
    /// A part of the day cut into slots: minutes after midnight (Beijing).
    public struct Session: Codable, Sendable, Equatable {
        public let startMinute: Int
        public let endMinute: Int
        public let slotMinutes: Int
    }

    /// How long before a slot something may still be done; in the file, `"dayBefore"` or a
    /// number of minutes.
    public enum Cutoff: Codable, Sendable, Equatable {
        /// Until the end of the day before the slot's day.
        case dayBefore
        case minutesBefore(Int)

        public init(from decoder: any Decoder) throws {
            let value = try decoder.singleValueContainer()
            if let minutes = try? value.decode(Int.self) {
                self = .minutesBefore(minutes)
            } else if try value.decode(String.self) == "dayBefore" {
                self = .dayBefore
            } else {
                throw DecodingError.dataCorruptedError(in: value, debugDescription: "\"dayBefore\" or minutes")
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var value = encoder.singleValueContainer()
            switch self {
            case .dayBefore: try value.encode("dayBefore")
            case .minutesBefore(let minutes): try value.encode(minutes)
            }
        }
    }

    public let sessions: [Session]
    /// Only on the offices' working days (the working-day calendar); else every day.
    public let workingDaysOnly: Bool
    /// Booking opens this many days before the slot's day …
    public let opensDaysAhead: Int
    /// … at this minute of that day (nil: from midnight).
    public let opensAtMinute: Int?
    public let latest: Cutoff
    /// nil: cancelling is allowed until the slot starts.
    public let cancelBy: Cutoff?
    public let maxPersons: Int
    /// The slot's capacity counts people (a cemetery gate), not bookings (a counter).
    public let capacityCountsPersons: Bool
    /// Booking attempts a minute per account and per client address (anti-abuse).
    public let attemptsPerAccountMinute: Int
    public let attemptsPerAddressMinute: Int
    /// `noShowLimit` no-shows within `noShowWindowDays` → no booking of the kind for `banDays`.
    public let noShowLimit: Int?
    public let noShowWindowDays: Int
    public let banDays: Int
    /// How long the other people of a booking have to confirm it from their own accounts
    /// before it lapses (a marriage: both parties); nil when the booker's word is enough.
    public let confirmHours: Int?
    /// The dates everyone wants (5-20, 七夕 …) and how they are booked; nil for none.
    public let popular: PopularDates?

    /// Popular dates: more capacity, requests taken during `lotteryDays` before booking opens
    /// and then one seeded draw, and a proof of work of `proofBits` on every booking attempt.
    public struct PopularDates: Codable, Sendable, Equatable {
        public let dates: [CivilDate]
        public let capacityFactor: Int
        public let lotteryDays: Int
        public let proofBits: Int
    }

    public func isPopular(_ day: CivilDate) -> Bool { popular?.dates.contains(day) ?? false }

    /// A slot's capacity on `day` for a resource of `capacity`.
    public func capacity(_ capacity: Int, on day: CivilDate) -> Int {
        isPopular(day) ? capacity * (popular?.capacityFactor ?? 1) : capacity
    }

    /// When first-come booking of `day` opens.
    public func opening(of day: CivilDate) -> BookingMoment {
        BookingMoment(day: day.adding(days: -opensDaysAhead), minute: opensAtMinute ?? 0)
    }

    /// The lottery's request window of a popular `day`: from `lotteryDays` before the opening
    /// up to the opening, when the draw is made; nil on other days.
    public func lotteryWindow(of day: CivilDate) -> (opens: BookingMoment, draws: BookingMoment)? {
        guard let popular, isPopular(day) else { return nil }
        let draws = opening(of: day)
        return (BookingMoment(day: draws.day.adding(days: -popular.lotteryDays), minute: draws.minute), draws)
    }

    /// How many days ahead slots must exist on `today`: to the opening reach, or further to a
    /// popular date whose lottery is taking requests.
    public func slotReach(from today: CivilDate) -> Int {
        let lottery = (popular?.dates ?? []).map { $0.daysSinceEpoch - today.daysSinceEpoch }
            .filter { $0 > opensDaysAhead && $0 <= opensDaysAhead + (popular?.lotteryDays ?? 0) }
        return ([opensDaysAhead] + lottery).max() ?? opensDaysAhead
    }

    /// The slots of a day, as start and end minutes.
    public func slots(on day: CivilDate, calendar: WorkingDayCalendar) -> [(start: Int, end: Int)] {
        if workingDaysOnly, !calendar.isWorkingDay(day) { return [] }
        return sessions.flatMap { session in
            stride(from: session.startMinute, to: session.endMinute, by: session.slotMinutes).compactMap { start in
                let end = start + session.slotMinutes
                return end <= session.endMinute ? (start, end) : nil
            }
        }
    }

    /// Why a slot starting on `day` at `minute` cannot be booked `now`; nil when it can.
    public func refusalToBook(day: CivilDate, minute: Int, now: BookingMoment) -> Refusal? {
        let opens = opening(of: day)
        if now < opens {
            if let window = lotteryWindow(of: day), now >= window.opens {
                return Refusal(.conflict, "\(day) 为热门日期，\(window.draws) 前请提交摇号申请，届时统一抽签", field: "slotId")
            }
            return Refusal(.conflict, "该时段尚未开放预约，将于 \(opens) 开放", field: "slotId")
        }
        if now >= Self.deadline(latest, day: day, minute: minute) {
            return Refusal(.conflict, "该时段已过预约截止时间", field: "slotId")
        }
        return nil
    }

    /// Why a booking of a slot starting on `day` at `minute` cannot be cancelled `now`.
    public func refusalToCancel(day: CivilDate, minute: Int, now: BookingMoment) -> Refusal? {
        let deadline = Self.deadline(cancelBy ?? .minutesBefore(0), day: day, minute: minute)
        guard now >= deadline else { return nil }
        return Refusal(.conflict, "已过取消截止时间（\(deadline)），请联系办理机构")
    }

    /// Until when an account with these no-shows (their days) may not book, on `today`; nil
    /// when it may.
    public func bannedUntil(noShows: [CivilDate], today: CivilDate) -> CivilDate? {
        guard let noShowLimit else { return nil }
        let recent = noShows.filter { $0 > today.adding(days: -noShowWindowDays) && $0 <= today }.sorted()
        guard recent.count >= noShowLimit, let last = recent.last else { return nil }
        let until = last.adding(days: banDays)
        return until >= today ? until : nil
    }

    private static func deadline(_ cutoff: Cutoff, day: CivilDate, minute: Int) -> BookingMoment {
        switch cutoff {
        case .dayBefore: return BookingMoment(day: day, minute: 0)
        case .minutesBefore(let m): return BookingMoment(day: day, minute: minute).adding(minutes: -m)
        }
    }
}

/// A minute of a Beijing day: when a slot starts, when booking opens, now.
public struct BookingMoment: Comparable, Sendable, CustomStringConvertible {
    public let day: CivilDate
    public let minute: Int

    public init(day: CivilDate, minute: Int) {
        self.day = day.adding(days: minute >= 0 ? minute / 1_440 : -((1_439 - minute) / 1_440))
        self.minute = ((minute % 1_440) + 1_440) % 1_440
    }

    public func adding(minutes: Int) -> BookingMoment { BookingMoment(day: day, minute: minute + minutes) }

    public static func < (a: BookingMoment, b: BookingMoment) -> Bool {
        (a.day, a.minute) < (b.day, b.minute)
    }

    public var description: String {
        let (h, m) = (minute / 60, minute % 60)
        return "\(day) \(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }
}
