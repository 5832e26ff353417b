@testable import App
import FluentPostgresDriver
import Foundation
import SQLKit
import Testing
import VaporTesting

/// `PostgresReadPool`: PostgreSQL's reads on connections of their own that keep each
/// statement prepared. The whole suite's reads on PostgreSQL go through it; these check what
/// it adds: statements prepared once, the values' types as PostgresKit declared them, a closed
/// connection opened again, and what it does not prepare still answered.
@Suite("PostgreSQL reads on prepared statements")
struct PostgresReadPoolTests {
    @Test(
        "each value is bound with the type PostgresKit declares; a nil, an array or a decimal is not prepared",
        arguments: [
            (UUID() as any Encodable & Sendable, PostgresDataType.uuid), ("户主", .text), (42, .int8),
            (Int64(42), .int8), (Int32(42), .int4), (true, .bool), (0.5, .float8), (Date(), .timestamptz),
        ])
    func bindTypes(_ value: any Encodable & Sendable, _ type: PostgresDataType) throws {
        let (bindings, types) = try #require(PostgresReadStatement.bind([value, "x"]))
        #expect(types == [type, .text])
        #expect(bindings.count == 2)
        #expect(PostgresReadStatement.bind([value, String?.none]) == nil)
        #expect(PostgresReadStatement.bind([value, ["a"]]) == nil)
        #expect(PostgresReadStatement.bind([value, Decimal(1)]) == nil)
    }

    /// Runs `body` with the test app on PostgreSQL (when reachable) and a pool of one connection
    /// of its own over the app's database.
    private static func withPool(
        statementLimit: Int = 1_000, _ body: (Application, PostgresReadPool) async throws -> Void
    ) async throws {
        guard TestDatabase.available.contains(.postgres) else { return }
        try await withTestApp(.postgres) { app in
            let url: String? = if case .postgres(let url) = app.platform.config.database { url } else { nil }
            let pool = PostgresReadPool(
                configuration: try SQLPostgresConfiguration(url: try #require(url)).coreConfiguration, size: 1,
                eventLoopGroup: app.eventLoopGroup, unprepared: { [unowned app] in app.sql },
                statementLimit: statementLimit, logger: app.logger)
            defer { pool.close() }
            try await body(app, pool)
        }
    }

    @Test("a statement is prepared once on a connection and answers with each run's values")
    func preparedOnce() async throws {
        try await Self.withPool { _, pool in
            for (n, text) in [(1, "一"), (2, "二"), (3, "三")] {
                let row = try #require(
                    try await pool.raw("SELECT \(bind: n) + 1 AS next, \(bind: text) || '!' AS said /* once */").first()
                )
                #expect(try row.decode(column: "next", as: Int.self) == n + 1)
                #expect(try row.decode(column: "said", as: String.self) == text + "!")
            }
            let prepared = try await pool.raw(
                "SELECT COUNT(*) AS n FROM pg_prepared_statements WHERE statement LIKE '%' || 'once' || ' */%'"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(prepared == 1)
        }
    }

    @Test("values come back as they went: an id, text, whole and real numbers, a truth value, a time")
    func valuesRoundTrip() async throws {
        try await Self.withPool { _, pool in
            let (id, time) = (UUID(), Date(timeIntervalSince1970: 1_796_000_000.123456))
            let row = try #require(
                try await pool.raw(
                    """
                    SELECT \(bind: id) AS id, \(bind: "张三") AS name, \(bind: 7) AS n, \(bind: true) AS ok,
                      \(bind: 0.25) AS share, \(bind: time) AS at, \(bind: String?.none) AS missing
                    """
                ).first())
            #expect(try row.decode(column: "id", as: UUID.self) == id)
            #expect(try row.decode(column: "name", as: String.self) == "张三")
            #expect(try row.decode(column: "n", as: Int.self) == 7)
            #expect(try row.decode(column: "ok", as: Bool.self))
            #expect(try row.decode(column: "share", as: Double.self) == 0.25)
            let at = try row.decode(column: "at", as: Date.self)
            #expect(abs(at.timeIntervalSince(time)) < 0.000_001)
            // The nil's statement ran unprepared on Fluent's pool.
            #expect(try row.decodeNil(column: "missing"))
        }
    }

    @Test("a read after its connection was closed by the server opens another and answers")
    func reopensClosedConnection() async throws {
        try await Self.withPool { app, pool in
            let pid = {
                try await pool.raw("SELECT pg_backend_pid() AS pid").first()?.decode(column: "pid", as: Int.self)
            }
            let first = try #require(try await pid())
            _ = try await app.sql.raw("SELECT pg_terminate_backend(CAST(\(bind: first) AS INTEGER))").all()
            // The server closes the socket a moment after it answers.
            try await Task.sleep(for: .milliseconds(200))
            let second = try #require(try await pid())
            #expect(second != first)
        }
    }

    @Test("past a connection's statements the rest run unprepared, with the same answers")
    func pastTheLimit() async throws {
        try await Self.withPool(statementLimit: 4) { _, pool in
            let kept: () async throws -> Int? = {
                try await pool.raw("SELECT COUNT(*) AS n FROM pg_prepared_statements").first()?.decode(
                    column: "n", as: Int.self)
            }
            for n in 1...3 { try await Self.expectTwice(n, pool) }
            #expect(try await kept() == 4)  // the three and the count itself
            for n in 4...6 { try await Self.expectTwice(n, pool) }
            #expect(try await kept() == 4)
        }
    }

    /// A statement of its own for each `n`, answering 2n.
    private static func expectTwice(_ n: Int, _ pool: PostgresReadPool) async throws {
        let twice = try await pool.raw("SELECT \(bind: n) + \(unsafeRaw: String(n)) AS twice").first()?.decode(
            column: "twice", as: Int.self)
        #expect(twice == 2 * n)
    }
}
