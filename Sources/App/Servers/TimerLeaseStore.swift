import Foundation
import SQLKit

/// The only code that names `timer_leases`: which server runs a timer's rounds, until when.
/// Every server's timer fires; the one that takes the lease runs the round, the others skip
/// it, and when the holder stops renewing (it stopped or crashed) the next to fire after the
/// lease ran out takes over. One statement takes the lease, so two servers firing at the same
/// moment cannot both get it.
struct TimerLeaseStore: Sendable {
    let db: SQLDatabase
    let turn: WriteTurn

    /// Takes the lease `name` for `holder` until `until`, if it is free at `now` (never taken,
    /// run out, or `holder`'s own); true when `holder` has it.
    func take(_ name: String, holder: UUID, until: Date, at now: Date) async throws -> Bool {
        try await turn.run {
            try await db.raw(
                """
                INSERT INTO timer_leases (name, holder, expires_at) VALUES (\(bind: name), \(bind: holder), \(bind: until))
                ON CONFLICT (name) DO UPDATE SET holder = \(bind: holder), expires_at = \(bind: until)
                WHERE timer_leases.expires_at <= \(bind: now) OR timer_leases.holder = \(bind: holder)
                RETURNING name
                """
            ).first() != nil
        }
    }
}
