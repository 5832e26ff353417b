import Foundation
import MinzhengCore
import NIOConcurrencyHelpers
import Vapor

/// Household imports started from the upload page run in the background, so that a large
/// file neither holds the request open for minutes nor leaves the officer without news:
/// the job's page shows its progress, then its result. Jobs are kept in the server's
/// memory, the last `kept` of them: an import interrupted by a restart is simply uploaded
/// again (importing a file twice changes nothing), and what each import wrote is in the
/// audit trail either way.
final class ImportJobs: Sendable {
    struct Job: Sendable {
        enum State: String, Sendable { case running, done, failed }

        let id: UUID
        let ownerID: UUID
        let fileName: String
        let startedAt: Date
        var state = State.running
        var percent = 0
        var summary: HouseholdImporter.Summary?
        var error: String?
    }

    let kept = 100
    private let jobs = NIOLockedValueBox<[Job]>([])

    /// Imports `path` (a private copy of the upload, removed at the end) as `user`.
    func start(app: Application, user: CurrentUser, actor: AuditActor, path: String, fileName: String) -> UUID {
        let job = Job(id: UUID(), ownerID: user.id, fileName: fileName, startedAt: Date())
        jobs.withLockedValue { jobs in
            jobs.append(job)
            if jobs.count > kept { jobs.removeFirst(jobs.count - kept) }
        }
        let importer = HouseholdImporter(app: app, actor: actor, today: Clock.today(), scope: user.region)
        let progress = JobProgress(reporting: { [self] percent in update(job.id) { $0.percent = percent } })
        Task {
            defer { try? FileManager.default.removeItem(atPath: path) }
            do {
                let summary = try await importer.run(path: path, progress: progress)
                update(job.id) { $0.state = .done; $0.percent = 100; $0.summary = summary }
            } catch {
                app.logger.report(error: error)
                update(job.id) { $0.state = .failed; $0.error = Self.message(error) }
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

    /// What the officer reads when the whole file is refused (an unreadable file, a missing column).
    private static func message(_ error: any Error) -> String {
        switch error {
        case let problem as FieldProblem: return problem.message
        case let read as CSVReader.ReadError: return read.description
        case let app as AppError: return app.message
        default: return "导入未完成：\(error)。已写入的批次保留，修正后重新上传同一文件即可补全。"
        }
    }
}

extension Application {
    private struct ImportJobsKey: StorageKey { typealias Value = ImportJobs }

    var importJobs: ImportJobs {
        get { configured(ImportJobsKey.self) }
        set { storage[ImportJobsKey.self] = newValue }
    }
}
