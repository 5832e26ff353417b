import Dispatch
import Foundation
import NIOCore
import SQLiteKit
import SQLKit

/// What `SQLiteBulkDatabase` and `SQLiteReadPool` share to run SQLKit's queries on a
/// `RawSQLiteConnection`: the query as text and values, and the hop to the connection's queue.
enum RawSQLiteAccess {
    /// `query` as SQLite text (serialized by `database`'s dialect) and its bound values.
    static func statement(
        _ query: any SQLExpression, on database: any SQLDatabase, encoder: SQLiteDataEncoder
    ) throws -> (String, [SQLiteData]) {
        let (text, binds) = database.serialize(query)
        return (
            text,
            try binds.map { bind in
                // Ids are most of the binds: their text form without the encoder.
                if let id = bind as? UUID { return .text(id.text) }
                return try encoder.encode(bind)
            }
        )
    }

    /// Runs `work` on `queue` (which owns a connection) and answers its result to the
    /// awaiting task: one thread switch there and one back.
    static func run<T: Sendable>(on queue: DispatchQueue, _ work: @escaping @Sendable () throws -> T) async throws -> T
    {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
