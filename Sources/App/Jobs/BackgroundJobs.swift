import Foundation
import MinzhengCore
import Vapor

/// Long jobs started from a page (a household import, a department's feed file) run in
/// the background, so that a large file neither holds the request open for minutes nor
/// leaves the user without news: the job's page shows its progress, then its outcome.
/// The job lives in `background_jobs` (`JobStore`), so that any server of the platform shows
/// it. The server running it beats every `heartbeat`; a job whose beat stops for
/// `silenceSeconds` was cut off (the server crashed or was killed) and reads as failed, and
/// the hourly round writes it so (`SharedStateRound`). Both jobs are idempotent: the clerk
/// uploads the same file again, and what each wrote is in the audit trail either way.
struct BackgroundJobs<Outcome: Codable & Sendable & RefusingRows>: Sendable {
    struct Job: Sendable {
        let id: UUID
        let title: String
        let state: JobStore.State
        let percent: Int
        let outcome: Outcome?
        let refusedRows: RefusedRows?
        let error: String?
    }

    static var heartbeat: Duration { .seconds(10) }
    static var silenceSeconds: TimeInterval { 120 }
    static var interrupted: String {
        "任务中断（服务器重启或故障）。已写入的批次保留，重新上传同一文件即可补全。"
    }

    let kind: JobStore.Kind
    let store: JobStore
    let cipher: FieldCipher
    let clock: PlatformClock
    /// The server that runs the jobs this value starts.
    let server: UUID
    /// This server's figures of its jobs, for `/metrics`.
    let metrics: JobMetrics

    /// The outcome as stored, sealed: the summary with the refused rows, personal data.
    private struct Sealed: Codable {
        let outcome: Outcome
        let refusedRows: RefusedRows?
    }

    /// Runs `work` for `user`; `file` (a private copy of the upload) is removed at the end.
    func start(
        for user: CurrentUser, title: String, file: String, logger: Logger,
        _ work: @escaping @Sendable (JobProgress) async throws -> Outcome
    ) async throws -> UUID {
        let id = UUID()
        try await store.insert(id: id, kind: kind, owner: user.id, title: title, server: server, at: clock.now)
        let (store, clock, cipher, metrics, kind) = (store, clock, cipher, metrics, kind)
        metrics.started(id, kind: kind)
        let progress = JobProgress(reporting: { percent in
            metrics.progressed(id, kind: kind, percent: percent)
            Task { try? await store.progress(id, percent: percent, at: clock.now) }
        })
        Task {
            defer { try? FileManager.default.removeItem(atPath: file) }
            let heartbeat = Task {
                while (try? await Task.sleep(for: Self.heartbeat)) != nil {
                    try? await store.beat(id, at: clock.now)
                }
            }
            defer { heartbeat.cancel() }
            do {
                let outcome = try await work(progress)
                let sealed = Sealed(outcome: outcome, refusedRows: outcome.refusedRows)
                let text = String(decoding: try JSONEncoder().encode(sealed), as: UTF8.self)
                try await store.finish(
                    id, state: .done, outcomeCipher: cipher.encrypt(text), error: nil, at: clock.now)
                metrics.finished(id, kind: kind, failed: false)
            } catch {
                metrics.finished(id, kind: kind, failed: true)
                logger.report(error: error)
                do {
                    try await store.finish(
                        id, state: .failed, outcomeCipher: nil, error: Self.message(error), at: clock.now)
                } catch {
                    // The round marks the job failed once its beat has stopped.
                    logger.report(error: error)
                }
            }
        }
        return id
    }

    /// The job, if `user` started it; a running job whose server went silent reads as failed.
    func job(_ id: UUID, for user: CurrentUser) async throws -> Job? {
        guard let row = try await store.find(id, kind: kind, owner: user.id) else { return nil }
        let sealed = try row.outcomeCipher.map { stored in
            try JSONDecoder().decode(Sealed.self, from: Data(try cipher.decrypt(stored).utf8))
        }
        let silent = row.state == .running && clock.now.timeIntervalSince(row.heartbeatAt) > Self.silenceSeconds
        return Job(
            id: id, title: row.title, state: silent ? .failed : row.state, percent: row.percent,
            outcome: sealed?.outcome,
            refusedRows: sealed?.refusedRows, error: silent ? Self.interrupted : row.error)
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
    var importJobs: BackgroundJobs<HouseholdImporter.Summary> { backgroundJobs(.householdImport) }
    var feedJobs: BackgroundJobs<FeedIngest.Summary> { backgroundJobs(.feedFile) }

    private func backgroundJobs<Outcome>(_ kind: JobStore.Kind) -> BackgroundJobs<Outcome> {
        BackgroundJobs(
            kind: kind, store: JobStore(db: sql, turn: writeTurn), cipher: platform.cipher, clock: platform.clock,
            server: serverInstance, metrics: metrics.jobs)
    }
}
