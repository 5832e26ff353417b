import Vapor

/// A write outside an audited transaction (a counter, a lease, a job's progress). On SQLite
/// it takes its turn with the audited writers: the file has one writer, and a second one at
/// the same moment fails with "database is locked" rather than waiting. On PostgreSQL it
/// runs at once.
struct WriteTurn: Sendable {
    let serializer: WriteSerializer?

    func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        guard let serializer else { return try await body() }
        return try await serializer.run(body)
    }
}

extension Application {
    var writeTurn: WriteTurn {
        if case .sqlite = platform.config.database { return WriteTurn(serializer: writeSerializer) }
        return WriteTurn(serializer: nil)
    }

    /// `writeTurn.run`, for the accounts' counters and timestamps.
    func serializedWrite<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await writeTurn.run(body)
    }
}
