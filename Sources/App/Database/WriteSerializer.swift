import CoreMetrics
import Vapor

/// Lets the process's audited write transactions run one at a time (used on SQLite, where
/// a second concurrent writer would only fail with "database is locked"). How many wait
/// is a gauge of `/metrics` (`minzheng_sqlite_writers_waiting`).
actor WriteSerializer {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private let queue: CoreMetrics.Meter?

    init(queue: CoreMetrics.Meter? = nil) { self.queue = queue }

    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        do {
            let result = try await body()
            release()
            return result
        } catch {
            release()
            throw error
        }
    }

    /// Waits for the turn to write; a bulk job holds it across several transactions.
    func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation {
            waiting.append($0)
            queue?.set(waiting.count)
        }
    }

    func release() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
            queue?.set(waiting.count)
        }
    }
}

extension Application {
    private struct WriteSerializerKey: StorageKey { typealias Value = WriteSerializer }

    var writeSerializer: WriteSerializer {
        get { configured(WriteSerializerKey.self) }
        set { storage[WriteSerializerKey.self] = newValue }
    }
}
