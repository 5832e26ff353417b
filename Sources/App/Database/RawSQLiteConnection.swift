import Foundation
import NIOCore
import SQLiteNIO
// The C API of the SQLite that SQLiteNIO builds (its symbols prefixed `sqlite_nio_`).
// SQLiteNIO runs every statement through a freshly prepared statement; a bulk job needs
// one statement prepared once and stepped a million times.
import VaporCSQLite

/// One `sqlite3*` handle with its prepared statements kept for reuse. Not thread-safe:
/// `SQLiteBulkDatabase` confines it to one serial queue.
final class RawSQLiteConnection: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let code: Int32
        let message: String
        var description: String { "SQLite 错误 \(code)：\(message)" }
    }

    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    /// Statements kept at most; SELECTs with IN-lists of varying length would otherwise pile up.
    private let statementLimit: Int

    init(path: String, statementLimit: Int = 64) throws {
        self.statementLimit = statementLimit
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let opened = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard opened == SQLITE_OK else {
            let failure = Failure(
                code: opened,
                message: handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "cannot open \(path)")
            sqlite_nio_sqlite3_close(handle)
            throw failure
        }
        // Wait for another writer (the server's pool) rather than fail at once.
        sqlite_nio_sqlite3_busy_timeout(handle, 30_000)
    }

    deinit { close() }

    func close() {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
        statements.removeAll()
        if let handle { sqlite_nio_sqlite3_close(handle) }
        handle = nil
    }

    /// Runs statements that take no binds and return nothing (PRAGMA, BEGIN, COMMIT).
    func exec(_ sql: String) throws {
        try check(sqlite_nio_sqlite3_exec(handle, sql, nil, nil, nil))
    }

    /// Runs `sql` once per element of `rows`, all on one prepared statement; tells for each
    /// whether it changed a row (an INSERT … DO NOTHING that met a conflict did not).
    @discardableResult
    func run(_ sql: String, rows: [[BulkValue]]) throws -> [Bool] {
        let statement = try prepared(sql)
        var changed: [Bool] = []
        changed.reserveCapacity(rows.count)
        for row in rows {
            try bind(row, to: statement)
            try stepToEnd(statement)
            changed.append(sqlite_nio_sqlite3_changes(handle) > 0)
        }
        return changed
    }

    /// Runs `sql` with `binds`, handing each result row to `onRow` as column names and values.
    func query(_ sql: String, _ binds: [SQLiteData], onRow: ([String], [SQLiteData]) throws -> Void) throws {
        let statement = try prepared(sql)
        try bind(binds, to: statement)
        defer { sqlite_nio_sqlite3_reset(statement) }
        let count = sqlite_nio_sqlite3_column_count(statement)
        var names: [String]?
        while true {
            let result = sqlite_nio_sqlite3_step(statement)
            if result == SQLITE_DONE { return }
            guard result == SQLITE_ROW else { try check(result); return }
            let columns = names ?? (0..<count).map { String(cString: sqlite_nio_sqlite3_column_name(statement, $0)) }
            names = columns
            try onRow(columns, (0..<count).map { value(statement, column: $0) })
        }
    }

    /// Copies the whole database between this connection and the file at `path` with SQLite's
    /// online backup API, in one step: out of this connection within the snapshot of the
    /// read transaction it has open (`restoring: false`), or into it, replacing every page
    /// under its write lock (`restoring: true`).
    func backup(file path: String, restoring: Bool) throws {
        var other: OpaquePointer?
        let flags =
            (restoring ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        defer { sqlite_nio_sqlite3_close(other) }
        guard sqlite_nio_sqlite3_open_v2(path, &other, flags, nil) == SQLITE_OK, let other else {
            throw Failure(code: SQLITE_CANTOPEN, message: "cannot open \(path)")
        }
        let (destination, source) = restoring ? (handle, other) : (other, handle)
        guard let copy = sqlite_nio_sqlite3_backup_init(destination, "main", source, "main") else {
            throw Failure(
                code: sqlite_nio_sqlite3_errcode(destination),
                message: String(cString: sqlite_nio_sqlite3_errmsg(destination)))
        }
        let stepped = sqlite_nio_sqlite3_backup_step(copy, -1)
        let finished = sqlite_nio_sqlite3_backup_finish(copy)
        guard stepped == SQLITE_DONE, finished == SQLITE_OK else {
            throw Failure(
                code: stepped == SQLITE_DONE ? finished : stepped,
                message: String(cString: sqlite_nio_sqlite3_errmsg(destination)))
        }
    }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        if statements.count >= statementLimit {
            for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
            statements.removeAll()
        }
        var statement: OpaquePointer?
        try check(sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil))
        guard let statement else { throw Failure(code: SQLITE_MISUSE, message: "empty statement: \(sql)") }
        statements[sql] = statement
        return statement
    }

    private func bind(_ values: [SQLiteData], to statement: OpaquePointer) throws {
        try bind(values, to: statement) { Self.bind($0, at: $1, to: statement) }
    }

    /// Binds a bulk row as `BulkValue.sqlite` says, value by value: no `SQLiteData` arrays
    /// for a million rows, and ids formatted into a stack buffer instead of a String each.
    private func bind(_ values: [BulkValue], to statement: OpaquePointer) throws {
        try bind(values, to: statement) { value, position in
            guard case .uuid(let id) = value else { return Self.bind(value.sqlite, at: position, to: statement) }
            return id.withTextBytes { bytes in
                bytes.withMemoryRebound(to: CChar.self) {
                    sqlite_nio_sqlite3_bind_text(statement, position, $0.baseAddress, Int32($0.count), sqliteTransient)
                }
            }
        }
    }

    /// Binds one value; SQLite's result code.
    private static func bind(_ value: SQLiteData, at position: Int32, to statement: OpaquePointer) -> Int32 {
        switch value {
        case .integer(let i): return sqlite_nio_sqlite3_bind_int64(statement, position, Int64(i))
        case .float(let d): return sqlite_nio_sqlite3_bind_double(statement, position, d)
        case .text(let s): return sqlite_nio_sqlite3_bind_text(statement, position, s, -1, sqliteTransient)
        case .blob(let buffer):
            return buffer.withUnsafeReadableBytes {
                sqlite_nio_sqlite3_bind_blob(statement, position, $0.baseAddress, Int32($0.count), sqliteTransient)
            }
        case .null: return sqlite_nio_sqlite3_bind_null(statement, position)
        }
    }

    /// Resets `statement` and binds `values` in order, each through `bindOne` (which gives
    /// SQLite's result code).
    private func bind<Value>(
        _ values: [Value], to statement: OpaquePointer, with bindOne: (Value, Int32) -> Int32
    ) throws {
        sqlite_nio_sqlite3_reset(statement)
        guard values.count == Int(sqlite_nio_sqlite3_bind_parameter_count(statement)) else {
            throw Failure(
                code: SQLITE_RANGE,
                message: "\(values.count) binds for \(sqlite_nio_sqlite3_bind_parameter_count(statement)) parameters")
        }
        for (offset, value) in values.enumerated() {
            try check(bindOne(value, Int32(offset + 1)))
        }
    }

    private func stepToEnd(_ statement: OpaquePointer) throws {
        var result = sqlite_nio_sqlite3_step(statement)
        while result == SQLITE_ROW { result = sqlite_nio_sqlite3_step(statement) }
        guard result == SQLITE_DONE else {
            sqlite_nio_sqlite3_reset(statement)
            try check(result)
            return
        }
    }

    private func value(_ statement: OpaquePointer, column: Int32) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_TEXT: return .text(String(cString: sqlite_nio_sqlite3_column_text(statement, column)))
        case SQLITE_BLOB:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            var buffer = ByteBufferAllocator().buffer(capacity: count)
            if let bytes = sqlite_nio_sqlite3_column_blob(statement, column) {
                buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: count))
            }
            return .blob(buffer)
        default: return .null
        }
    }

    private func check(_ result: Int32) throws {
        guard result != SQLITE_OK else { return }
        throw Failure(code: result, message: handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "closed")
    }
}

/// SQLite's SQLITE_TRANSIENT: copy the bound bytes before the call returns.
private let sqliteTransient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
