import Foundation
import MinzhengCore
import NIOConcurrencyHelpers
import Vapor

/// Long jobs started from a page (a household import, a department's feed file) run in
/// the background, so that a large file neither holds the request open for minutes nor
/// leaves the user without news: the job's page shows its progress, then its outcome.
/// Jobs are kept in the server's memory, the last `kept` of each kind: a job interrupted by
/// a restart is simply uploaded again (both jobs are idempotent), and what each wrote is in
/// the audit trail either way.
final class BackgroundJobs<Outcome: Sendable>: Sendable {
    struct Job: Sendable {
        enum State: String, Sendable { case running, done, failed }

        let id: UUID
        let ownerID: UUID
        /// What the job works on, as its page names it (the uploaded file's name).
        let title: String
        var state = State.running
        var percent = 0
        var outcome: Outcome?
        var error: String?
    }

    let kept = 100
    private let jobs = NIOLockedValueBox<[Job]>([])

    /// Runs `work` for `user`; `file` (a private copy of the upload) is removed at the end.
    func start(
        for user: CurrentUser, title: String, file: String, logger: Logger,
        _ work: @escaping @Sendable (JobProgress) async throws -> Outcome
    ) -> UUID {
        let job = Job(id: UUID(), ownerID: user.id, title: title)
        jobs.withLockedValue { jobs in
            jobs.append(job)
            if jobs.count > kept { jobs.removeFirst(jobs.count - kept) }
        }
        let progress = JobProgress(reporting: { [self] percent in update(job.id) { $0.percent = percent } })
        Task {
            defer { try? FileManager.default.removeItem(atPath: file) }
            do {
                let outcome = try await work(progress)
                update(job.id) {
                    $0.state = .done; $0.percent = 100; $0.outcome = outcome
                }
            } catch {
                logger.report(error: error)
                update(job.id) {
                    $0.state = .failed; $0.error = Self.message(error)
                }
            }
        }
        return job.id
    }

    /// The job, if `user` started it.
    func job(_ id: UUID, for user: CurrentUser) -> Job? {
        jobs.withLockedValue { jobs in jobs.first { $0.id == id && $0.ownerID == user.id } }
    }

    private func update(_ id: UUID, _ change: (inout Job) -> Void) {
        jobs.withLockedValue { jobs in
            if let i = jobs.firstIndex(where: { $0.id == id }) { change(&jobs[i]) }
        }
    }

    /// What the user reads when the whole file is refused (unreadable, a missing column).
    private static func message(_ error: any Error) -> String {
        switch error {
        case let problem as FieldProblem: return problem.message
        case let read as CSVReader.ReadError: return read.description
        case let refusal as Refusal: return refusal.message
        case let app as AppError: return app.message
        default: return "未完成：\(error)。已写入的批次保留，修正后重新上传同一文件即可补全。"
        }
    }
}

extension Application {
    private struct ImportJobsKey: StorageKey { typealias Value = BackgroundJobs<HouseholdImporter.Summary> }
    private struct FeedJobsKey: StorageKey { typealias Value = BackgroundJobs<FeedIngest.Summary> }

    var importJobs: BackgroundJobs<HouseholdImporter.Summary> {
        get { configured(ImportJobsKey.self) }
        set { storage[ImportJobsKey.self] = newValue }
    }

    var feedJobs: BackgroundJobs<FeedIngest.Summary> {
        get { configured(FeedJobsKey.self) }
        set { storage[FeedJobsKey.self] = newValue }
    }
}
