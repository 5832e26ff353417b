import Foundation
import MinzhengCore

/// The platform's one "now": what a record's date, a deadline, a month's roll and an
/// overdue task are measured against. Set once at start-up (`PlatformServices.clock`);
/// `MINZHENG_NOW` starts it at a chosen moment for demos and acceptance runs, and tests set
/// it to the day a case needs instead of editing rows.
///
/// Not everything is on it: elapsed times of jobs use the monotonic clock; sign-in throttles,
/// lockouts and API token lifetimes run on the real time (`AccountsClock`), so that a moved
/// clock can never lengthen a token's life or shorten a lockout; audit events and new record
/// ids keep the real time too, because they record when the server actually did something.
struct PlatformClock: Sendable {
    private let source: @Sendable () -> Date

    init(_ source: @escaping @Sendable () -> Date) {
        self.source = source
    }

    var now: Date { source() }

    /// Today in Beijing.
    var today: CivilDate { BeijingTime.day(of: now) }

    /// Next month in Beijing: when a decision taken today starts to pay.
    var nextMonth: YearMonth { today.yearMonth.adding(months: 1) }

    static let system = PlatformClock { Date() }

    /// Starts at `start` and runs on from there at the real pace.
    static func starting(at start: Date) -> PlatformClock {
        let offset = start.timeIntervalSinceNow
        return PlatformClock { Date().addingTimeInterval(offset) }
    }

    /// Always `instant`: for tests that need one exact moment.
    static func fixed(_ instant: Date) -> PlatformClock { PlatformClock { instant } }

    /// Always the start of `day` in Beijing.
    static func fixed(_ day: CivilDate) -> PlatformClock { fixed(BeijingTime.startOfDay(day)) }
}
