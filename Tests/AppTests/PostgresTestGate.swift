import Foundation

/// Bounds how many test apps hold PostgreSQL connections at once.
///
/// Swift Testing starts every suite together; each app opens a pool of connections per
/// event loop, so several hundred apps in flight ran the server out of connection slots
/// (`53300 remaining connection slots are reserved`) and failed tests at random. SQLite
/// needs no gate. A call nested inside a held permit runs on that permit, so a test that
/// opens a second app inside the first cannot deadlock the gate.
actor PostgresTestGate {
    static let shared = PostgresTestGate(
        permits: Int(ProcessInfo.processInfo.environment["MINZHENG_TEST_PG_APPS"] ?? "") ?? 12)

    @TaskLocal static var holding = false

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(permits: Int) { free = max(1, permits) }

    /// Runs `body` holding one permit when `database` is PostgreSQL.
    static func run<T>(_ database: TestDatabase, _ body: () async throws -> T) async throws -> T {
        guard database == .postgres, !holding else { return try await body() }
        await shared.acquire()
        do {
            let value = try await $holding.withValue(true) { try await body() }
            await shared.release()
            return value
        } catch {
            await shared.release()
            throw error
        }
    }

    private func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}
