import Dispatch
import Foundation
import Logging
import MinzhengCore
import NIOCore
import NIOPosix
import SQLiteKit
import SQLKit

/// A connection of its own to the SQLite file, seen through SQLKit, for backups: it opens
/// a read transaction, reads the inventory in it and copies the database with SQLite's
/// backup API from the same snapshot, while the server goes on writing (WAL: readers and
/// the writer do not block each other). Every call runs on one serial queue, which owns
/// the handle.
final class SQLiteSnapshot: AsyncSQLDatabase, @unchecked Sendable {
    let logger = Logger(label: "minzheng.backup")
    let eventLoop: any EventLoop = MultiThreadedEventLoopGroup.singleton.any()
    let dialect: any SQLDialect = SQLiteDialect()
    private let connection: RawSQLiteConnection
    private let queue = DispatchQueue(label: "minzheng.sqlite-backup")
    private let encoder = SQLiteDataEncoder()
    private let decoder = SQLiteDataDecoder()

    init(path: String) throws {
        connection = try RawSQLiteConnection(path: path)
    }

    /// The inventory of the database and a copy of it at `destination`, both of one snapshot.
    func backup(to destination: String) async throws -> DatabaseInventory {
        try await onQueue { [connection] in try connection.exec("BEGIN") }
        do {
            // The first read fixes the snapshot; the copy below is made within it.
            let inventory = try await InventoryStore(db: self).inventory()
            try await onQueue { [connection] in try connection.backup(file: destination, restoring: false) }
            try await onQueue { [connection] in try connection.exec("COMMIT") }
            return inventory
        } catch {
            try? await onQueue { [connection] in try connection.exec("ROLLBACK") }
            throw error
        }
    }

    /// Replaces the whole database with the SQLite file at `source`.
    func restore(from source: String) async throws {
        try await onQueue { [connection] in try connection.backup(file: source, restoring: true) }
    }

    func close() async {
        try? await onQueue { [connection] in connection.close() }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        let (text, binds) = serialize(query)
        let values = try binds.map { try encoder.encode($0) }
        try await onQueue { [connection, decoder] in
            try connection.query(text, values) { columns, row in
                onRow(RawSQLiteRow(columns: columns, values: row, decoder: decoder))
            }
        }
    }

    private func onQueue<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
