import NIOCore
import SQLKit

/// An `SQLDatabase` whose statements run as tasks (the raw SQLite connections, the PostgreSQL
/// read pool). SQLKit's future-based entry wraps the async one; store code awaits the async
/// one directly, since completing a future hops through an event loop thread before the
/// awaiting task resumes, a third thread switch per statement (half the time of a file of
/// deaths, whose rows each run a few small statements).
protocol AsyncSQLDatabase: SQLDatabase {
    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws
}

extension AsyncSQLDatabase {
    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void>
    {
        let promise = eventLoop.makePromise(of: Void.self)
        promise.completeWithTask { try await self.execute(sql: query, onRow) }
        return promise.futureResult
    }
}
