import FluentPostgresDriver
import Vapor

/// Servers started together on one PostgreSQL (a rollout, a restart of all of them) take
/// turns to migrate and to seed an empty database: without the turn, two would create the
/// same table or the same first administrator at once and one would fail to start. The turn
/// is a PostgreSQL advisory lock held by a connection of its own, so that the migrations
/// keep the whole pool; closing the connection (or the process dying) releases it. SQLite has
/// one server process and needs no turn.
enum StartupLock {
    /// "minzheng" in ASCII: the lock's number among the database's advisory locks.
    static let key: Int64 = 0x6d69_6e7a_6865_6e67

    static func run<T: Sendable>(_ app: Application, _ body: () async throws -> T) async throws -> T {
        guard case .postgres(let url) = app.platform.config.database else { return try await body() }
        let connection = try await PostgresConnection.connect(
            on: app.eventLoopGroup.next(), configuration: try SQLPostgresConfiguration(url: url).coreConfiguration,
            id: 0, logger: app.logger)
        do {
            try await connection.query("SELECT pg_advisory_lock(\(key))", logger: app.logger)
            let result = try await body()
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
