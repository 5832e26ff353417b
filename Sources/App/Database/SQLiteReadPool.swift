import Dispatch
import Logging
import NIOCore
import NIOPosix
import SQLiteKit
import SQLKit

/// The server's read connections to its SQLite file (`Request.reads`): in WAL mode readers
/// run beside the writer, so a list never waits for a write's open transaction nor for an
/// import. Each connection is a `RawSQLiteConnection` confined to its own serial queue,
/// which keeps its statements prepared.
///
/// Why not Fluent's SQLite driver, as before: at a million persons a list page's statement
/// spent as much time getting to SQLite and back as in it — prepared anew each time (7 % of
/// the server's CPU), and four thread switches (the request's task, the pool's event loop,
/// NIO's thread pool, the event loop, the task). Here: the queue and back. The queues are not
/// the cooperative pool's threads, so a long read (an export) holds one connection, never a
/// thread that other requests' tasks need.
final class SQLiteReadPool: AsyncSQLDatabase, @unchecked Sendable {
    let logger: Logger
    let eventLoop: any EventLoop
    let dialect: any SQLDialect = SQLiteDialect()
    /// How many reads run at once.
    var size: Int { slots.count }
    private let connections: [RawSQLiteConnection]
    private let queues: [DispatchQueue]
    private let encoder = SQLiteDataEncoder()
    private let decoder = SQLiteDataDecoder()

    private let slots: ReadSlots

    /// Opens `size` read-only connections to the file at `path`.
    init(path: String, size: Int, eventLoop: any EventLoop, logger: Logger) throws {
        (self.eventLoop, self.logger) = (eventLoop, logger)
        connections = try (0..<size).map { _ in
            // A server reads with a few hundred different statements, a bulk job with a few.
            let connection = try RawSQLiteConnection(path: path, statementLimit: 512)
            try connection.exec("PRAGMA query_only = ON")
            return connection
        }
        queues = (0..<size).map { DispatchQueue(label: "minzheng.sqlite-read-\($0)") }
        slots = ReadSlots(count: size)
    }

    /// Closes every connection; a read still running finishes first.
    func close() {
        for (queue, connection) in zip(queues, connections) { queue.sync { connection.close() } }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        let (text, binds) = try RawSQLiteAccess.statement(query, on: self, encoder: encoder)
        try await slots.with { slot in
            try await RawSQLiteAccess.run(on: queues[slot]) { [connection = connections[slot], decoder] in
                try connection.query(text, binds) { columns, values in
                    onRow(RawSQLiteRow(columns: columns, values: values, decoder: decoder))
                }
            }
        }
    }
}
