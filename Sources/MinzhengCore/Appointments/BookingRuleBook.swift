import Foundation

/// The booking rules of every kind with the dates they hold from (`booking-rules.json`, the
/// defaults of APPOINTMENTS.md): a change is a new dated entry, never an edit, so a booking
/// is always judged by the rules of its slot's day.
public struct BookingRuleBook: Sendable {
    public struct Entry: Codable, Sendable {
        public let kind: BookingKind
        public let from: CivilDate
        public let rules: BookingRules
    }

    public let entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries.sorted { $0.from < $1.from }
    }

    /// The rules of `kind` in force on `day`; nil before the first entry.
    public func rules(_ kind: BookingKind, on day: CivilDate) -> BookingRules? {
        entries.last { $0.kind == kind && $0.from <= day }?.rules
    }

    /// The shipped file; a missing or malformed file is a broken build, found by the tests.
    public static let shipped: BookingRuleBook = {
        guard let url = Bundle.module.url(forResource: "booking-rules", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let entries = try? JSONDecoder().decode([Entry].self, from: data)
        else { fatalError("booking-rules.json is missing or malformed") }
        return BookingRuleBook(entries: entries)
    }()
}
