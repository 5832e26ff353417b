import Foundation
import MinzhengCore
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// The only code that names `booking_rule_entries`.
struct BookingRuleStore {
    let db: SQLDatabase

    func entries() async throws -> [BookingRuleBook.Entry] {
        try await db.raw("SELECT kind, from_day, rules FROM booking_rule_entries ORDER BY from_day").all().compactMap {
            guard let kind = BookingKind(rawValue: try $0.decode(column: "kind", as: String.self)),
                let from = CivilDate(try $0.decode(column: "from_day", as: String.self))
            else { return nil }
            return try BookingRuleBook.entry(
                kind: kind, from: from, json: try $0.decode(column: "rules", as: String.self),
                today: from.adding(days: -1))
        }
    }

    /// Stores an entry, replacing one of the same kind and date.
    func save(_ entry: BookingRuleBook.Entry, by user: UUID, at now: Date) async throws {
        let json = String(decoding: try JSONEncoder().encode(entry.rules), as: UTF8.self)
        try await db.raw(
            """
            INSERT INTO booking_rule_entries (id, kind, from_day, rules, created_by, created_at)
            VALUES (\(bind: UUID()), \(bind: entry.kind.rawValue), \(bind: entry.from.description), \(bind: json),
            \(bind: user), \(bind: now))
            ON CONFLICT (kind, from_day) DO UPDATE SET rules = excluded.rules, created_by = excluded.created_by,
            created_at = excluded.created_at
            """
        ).run()
    }
}

/// The booking rules in force on this server: the shipped book with the stored entries on
/// top, reloaded at start, after an edit here, and by the hourly round (another server's edit
/// is seen within the hour; an entry never takes effect before tomorrow).
final class BookingRuleCache: Sendable {
    private let book = NIOLockedValueBox(BookingRuleBook.shipped)

    var current: BookingRuleBook { book.withLockedValue { $0 } }

    func reload(from db: SQLDatabase) async throws {
        let merged = BookingRuleBook.shipped.merging(try await BookingRuleStore(db: db).entries())
        book.withLockedValue { $0 = merged }
    }
}

extension Application {
    private struct BookingRulesKey: StorageKey {
        typealias Value = BookingRuleCache
    }

    /// The booking rules of this server (`BookingRuleCache`).
    var bookingRules: BookingRuleCache {
        if let cache = storage[BookingRulesKey.self] { return cache }
        let cache = BookingRuleCache()
        storage[BookingRulesKey.self] = cache
        return cache
    }
}
