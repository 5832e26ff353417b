import NIOConcurrencyHelpers
import SQLiteNIO
// The C API of the SQLite that SQLiteNIO builds (its symbols prefixed `sqlite_nio_`).
import VaporCSQLite

/// The page cache (and, when asked, a memory map) every SQLite connection of the process reads
/// through: `MINZHENG_SQLITE_CACHE_MIB`, `MINZHENG_SQLITE_MMAP_MIB`. SQLite's default cache of
/// 2 MiB suits a phone: on the 1 M-person file one household list page touches about 500 pages
/// (the count's index, the page's rows, their members and heads), so with two clients' pages
/// in turn every page was read again from the OS — a quarter of the server's CPU under load
/// went to `pread` copying pages (perf, `minzheng bench reads`). Fluent's SQLite driver opens
/// its connections itself and takes no per-connection statements, so the settings are an
/// automatic extension: SQLite runs it on every connection it opens (the writer's pool, the
/// read connections, the bulk jobs').
enum SQLiteConnectionTuning {
    private static let pragmas = NIOLockedValueBox("")

    /// SQLite calls an automatic extension as `(db, errorMessage, api)`; it is registered
    /// under the `void (*)(void)` type the C API declares.
    private typealias Entry =
        @convention(c) (
            OpaquePointer?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafeRawPointer?
        ) -> Int32

    private static let installed: Int32 = {
        // A C function pointer captures nothing: the statement is read from the static.
        let entry: Entry = { db, _, _ in
            sqlite_nio_sqlite3_exec(db, SQLiteConnectionTuning.pragmas.withLockedValue { $0 }, nil, nil, nil)
        }
        return sqlite_nio_sqlite3_auto_extension(unsafeBitCast(entry, to: (@convention(c) () -> Void).self))
    }()

    /// The settings for every connection opened from now on (the process has one set).
    static func install(cacheMiB: Int, mapMiB: Int) {
        pragmas.withLockedValue {
            $0 = "PRAGMA cache_size = -\(cacheMiB * 1024); PRAGMA mmap_size = \(mapMiB << 20);"
        }
        precondition(installed == SQLITE_OK, "SQLite refused the connection settings (\(installed))")
    }
}
