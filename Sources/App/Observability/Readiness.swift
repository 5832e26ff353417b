import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Whether this server can serve: its database answers `SELECT 1` within `timeout`. A load
/// balancer sends requests only to ready servers (`/readyz`); `/healthz` stays the bare
/// liveness floor (the process answers HTTP), which touches nothing.
struct Readiness: Sendable {
    /// Long enough for a loaded server, short enough for a probe every few seconds.
    static let defaultTimeout: Duration = .seconds(2)

    /// Asks the database: on SQLite its read connections, which a long write transaction on
    /// the writer's connection does not hold up (the server is serving while it imports).
    /// The tests put a database that does not answer in its place.
    var probe: @Sendable (Application) async throws -> Void = { app in
        try await app.reads.raw("SELECT 1").run()
    }
    var timeout = Readiness.defaultTimeout

    enum Outcome: Sendable, Equatable {
        case answered(seconds: Double)
        case failed
        case timedOut

        var answered: Bool {
            if case .answered = self { return true }
            return false
        }
    }

    /// Runs the probe, gives up after `timeout` (a probe that hangs is left to its own
    /// timeout, cancelled), and records the outcome in the metrics.
    func check(_ app: Application) async -> Outcome {
        let start = ContinuousClock.now
        let probe = probe
        let outcome: Outcome
        switch await Self.within(timeout, { try await probe(app) }) {
        case .some(.success): outcome = .answered(seconds: (ContinuousClock.now - start).inSeconds)
        case .some(.failure(let error)):
            app.logger.warning("readiness: the database failed: \(String(reflecting: error))")
            outcome = .failed
        case .none: outcome = .timedOut
        }
        app.metrics.databaseProbed(
            kind: app.platform.config.database.kind, answered: outcome.answered,
            seconds: (ContinuousClock.now - start).inSeconds)
        return outcome
    }

    /// `work`'s result, or nil when it has not finished after `timeout`. Unlike a task
    /// group, this does not wait for a `work` that ignores its cancellation.
    static func within(
        _ timeout: Duration, _ work: @escaping @Sendable () async throws -> Void
    ) async -> Result<Void, any Error>? {
        await withCheckedContinuation { (continuation: CheckedContinuation<Result<Void, any Error>?, Never>) in
            let resumed = NIOLockedValueBox(false)
            let resumeOnce: @Sendable (Result<Void, any Error>?) -> Bool = { result in
                let first = resumed.withLockedValue { done in
                    defer { done = true }
                    return !done
                }
                if first { continuation.resume(returning: result) }
                return first
            }
            let worker = Task {
                do {
                    try await work()
                    _ = resumeOnce(.success(()))
                } catch {
                    _ = resumeOnce(.failure(error))
                }
            }
            Task {
                try? await Task.sleep(for: timeout)
                if resumeOnce(nil) { worker.cancel() }
            }
        }
    }
}

struct ReadinessStatus: Content {
    let status: String
    let database: String
    let seconds: Double
}

extension Application {
    private struct ReadinessKey: StorageKey { typealias Value = Readiness }

    var readiness: Readiness {
        get { storage[ReadinessKey.self] ?? Readiness() }
        set { storage[ReadinessKey.self] = newValue }
    }
}

enum ReadinessRoutes {
    static func register(on app: Application) {
        app.get(Route.readiness.pattern) { req async throws -> Response in
            let app = req.application
            let outcome = await app.readiness.check(app)
            let kind = app.platform.config.database.kind
            guard case .answered(let seconds) = outcome else {
                let why = outcome == .timedOut ? "未在时限内应答" : "应答出错"
                throw AppError(.serviceUnavailable, "数据库（\(kind)）\(why)", headers: ["Cache-Control": "no-store"])
            }
            let response = try await ReadinessStatus(status: "ready", database: kind, seconds: seconds)
                .encodeResponse(for: req)
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        }
    }
}
