import Logging
import NIOConcurrencyHelpers
import NIOCore
import PostgresKit
import SQLKit

/// The server's read connections to PostgreSQL (`Request.reads`), which keep each statement
/// prepared: a list page's statement is sent once a connection, then only its values.
///
/// Why: at a million persons PostgreSQL spent about as long parsing and planning a list page's
/// statement again (PostgresKit sends each unnamed) as running it, and PostgreSQL shares the
/// machine's cores with the server. A prepared statement is parsed once; after five runs
/// PostgreSQL plans it once too when a plan for any values costs about what a plan for these
/// values does (its own choice, `plan_cache_mode = auto`, so a statement whose best plan
/// depends on its values still gets one for them). The reads also skip Fluent's pool (a hop
/// through the event loop of the request's pool).
///
/// A statement with a value of a type `PostgresReadStatement` does not handle, or one past a
/// connection's `statementLimit`, runs unprepared on Fluent's pool, as before.
final class PostgresReadPool: AsyncSQLDatabase, @unchecked Sendable {
    let logger: Logger
    let eventLoop: any EventLoop
    let dialect: any SQLDialect = PostgresDialect()
    var size: Int { slots.count }
    /// Fluent's pool, for what is not prepared here.
    private let unprepared: @Sendable () -> any SQLDatabase
    private let configuration: PostgresConnection.Configuration
    private let loops: [any EventLoop]
    /// Each slot's connection, only touched by the read holding the slot.
    private let connections: [ReadConnection]
    private let slots: ReadSlots
    /// Each statement's name, by its text and types: the same on every connection.
    private let names = NIOLockedValueBox([String: String]())
    /// Distinct statements kept on one connection (a server has a few hundred).
    private let statementLimit: Int

    init(
        configuration: PostgresConnection.Configuration, size: Int, eventLoopGroup: any EventLoopGroup,
        unprepared: @escaping @Sendable () -> any SQLDatabase, statementLimit: Int = 1_000, logger: Logger
    ) {
        (self.configuration, self.unprepared, self.statementLimit, self.logger) = (
            configuration, unprepared, statementLimit, logger
        )
        eventLoop = eventLoopGroup.any()
        loops = (0..<size).map { _ in eventLoopGroup.next() }
        connections = (0..<size).map { _ in ReadConnection() }
        slots = ReadSlots(count: size)
    }

    /// Closes the connections opened so far.
    func close() {
        for connection in connections { connection.close() }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        let (sql, values) = serialize(query)
        guard let (bindings, types) = PostgresReadStatement.bind(values) else {
            return try await unprepared().execute(sql: query, onRow)
        }
        let shape = PostgresReadStatement.Shape(name: name(of: sql, types), sql: sql, types: types)
        let ran = try await slots.with { slot in
            try await run(PostgresReadStatement(bindings: bindings), shape, on: slot, onRow)
        }
        if !ran { try await unprepared().execute(sql: query, onRow) }
    }

    private func name(of sql: String, _ types: [PostgresDataType]) -> String {
        let key = types.map { "\($0.rawValue)" }.joined(separator: ",") + ";" + sql
        return names.withLockedValue { names in
            if let name = names[key] { return name }
            let name = "minzheng_read_\(names.count)"
            names[key] = name
            return name
        }
    }

    /// Runs the statement on the slot's connection, opening it (again) when needed; false when
    /// the connection holds as many statements as it may.
    private func run(
        _ statement: PostgresReadStatement, _ shape: PostgresReadStatement.Shape, on slot: Int,
        _ onRow: @escaping @Sendable (any SQLRow) -> ()
    ) async throws -> Bool {
        let holder = connections[slot]
        // A read is safe to send again, once, on a new connection when the old one had closed
        // before any of its rows came.
        var delivered = false
        for attempt in 1...2 {
            let connection = try await holder.open(configuration, on: loops[slot], id: slot, logger: logger)
            guard holder.prepare(shape.name, limit: statementLimit) else { return false }
            do {
                let rows = try await PostgresReadStatement.$shape.withValue(shape) {
                    try await connection.execute(statement, logger: logger)
                }
                for try await row in rows {
                    delivered = true
                    onRow(row)
                }
                return true
            } catch  where attempt == 1 && !delivered && connection.isClosed {
                holder.forget()
            }
        }
        return false
    }
}

/// A read slot's connection and the names of the statements prepared on it.
private final class ReadConnection: @unchecked Sendable {
    private var connection: PostgresConnection?
    private var prepared = Set<String>()

    func open(
        _ configuration: PostgresConnection.Configuration, on loop: any EventLoop, id: Int, logger: Logger
    ) async throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        forget()
        let opened = try await PostgresConnection.connect(
            on: loop, configuration: configuration, id: id, logger: logger
        ).get()
        connection = opened
        return opened
    }

    /// Whether the statement is or may be prepared on this connection (PostgresNIO prepares it
    /// at its first run and keeps it for the connection's life).
    func prepare(_ name: String, limit: Int) -> Bool {
        if prepared.contains(name) { return true }
        guard prepared.count < limit else { return false }
        prepared.insert(name)
        return true
    }

    /// Drops a closed connection and what it had prepared.
    func forget() {
        connection = nil
        prepared = []
    }

    func close() {
        if let connection {
            // Held until closed: a connection let go open is a fault (PostgresNIO asserts it).
            let closing: EventLoopFuture<Void> = connection.close()
            closing.whenComplete { _ in _ = connection }
        }
        forget()
    }
}
