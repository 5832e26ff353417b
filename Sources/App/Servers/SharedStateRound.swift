import FluentKit
import Foundation
import MinzhengCore
import Vapor

/// The hourly round's housekeeping of what the servers share: jobs whose server went silent
/// are written as failed, finished jobs are forgotten after `jobDays` (their outcome holds
/// the refused rows of a file), spent rate windows and failure counters are deleted.
enum SharedStateRound {
    static let jobDays = 30
    /// Longer than any window or lock, so that nothing still counting is deleted.
    static let counterSeconds: Int64 = 24 * 3_600

    struct Outcome: Sendable {
        var interruptedJobs = 0
        var forgottenJobs = 0
        var forgottenCounters = 0
    }

    static func run(db: any Database, turn: WriteTurn, now: Date) async throws -> Outcome {
        let jobs = JobStore(db: db.sql, turn: turn)
        let seconds = Int64(now.timeIntervalSince1970.rounded(.down))
        var outcome = Outcome()
        outcome.interruptedJobs = try await jobs.failSilent(
            since: now.addingTimeInterval(-BackgroundJobs<FeedIngest.Summary>.silenceSeconds),
            error: BackgroundJobs<FeedIngest.Summary>.interrupted, at: now)
        outcome.forgottenJobs = try await jobs.forget(
            finishedBefore: now.addingTimeInterval(-TimeInterval(jobDays * 86_400)))
        outcome.forgottenCounters =
            try await RateWindowStore(db: db.sql, turn: turn).forget(startedBefore: seconds - counterSeconds)
            + FailureCounterStore(db: db, turn: turn).forget(untouchedSince: seconds - counterSeconds)
        return outcome
    }
}
