import SQLiteNIO
// The C API of the SQLite that SQLiteNIO builds (its symbols prefixed `sqlite_nio_`).
import VaporCSQLite

/// Every SQLite connection of the process reads through a 64 MiB page cache and a 1 GiB memory
/// map of the file. SQLite's defaults (2 MiB of cache, no map) suit a phone: with a city on file
/// each list page re-read its index pages from the OS through `pread` — on the 1 M-person file
/// 4–6 ms of system time for a household page's rows, 1 ms with either setting
/// (`sqlite3`, warm). Fluent's SQLite driver opens its connections itself and takes no
/// per-connection statements, so the settings are an automatic extension (SQLite calls it
/// for each connection it opens, the pool's, the read connections' and the bulk jobs' alike).
/// Reads only: SQLite writes through `write()` whatever the map, so a crash loses nothing more.
enum SQLiteConnectionTuning {
    static let cacheKiB: Int64 = 65_536
    static let mapBytes: Int64 = 1 << 30

    /// SQLite calls an automatic extension as `(db, errorMessage, api)`; it is registered
    /// under the `void (*)(void)` type the C API declares.
    private typealias Entry =
        @convention(c) (
            OpaquePointer?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafeRawPointer?
        ) -> Int32

    private static let installed: Int32 = {
        let entry: Entry = { db, _, _ in
            // Constants in the text: a C function pointer captures nothing.
            sqlite_nio_sqlite3_exec(db, "PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824;", nil, nil, nil)
        }
        return sqlite_nio_sqlite3_auto_extension(unsafeBitCast(entry, to: (@convention(c) () -> Void).self))
    }()

    /// Registers the settings once for the process, before its first connection.
    static func install() {
        precondition(installed == SQLITE_OK, "SQLite refused the connection settings (\(installed))")
    }
}
