import Foundation
import MinzhengCore

/// PostgreSQL's own tools for backups: `pg_dump` (custom format) and `pg_restore`, found on
/// `PATH` or in Debian's `/usr/lib/postgresql/<version>/bin` (the newest, as
/// `scripts/postgres-start.sh` picks it). The connection goes in libpq's environment
/// (`PGHOST`, `PGPASSWORD` …), so that the password never shows in a process list.
struct PostgresTools: Sendable {
    let connection: [String: String]

    init(url: String) throws {
        guard let parts = URLComponents(string: url), let host = parts.host else {
            throw Refusal.invalid("DATABASE_URL", "不是有效的 postgres:// 地址")
        }
        var env = ["PGHOST": host, "PGPORT": String(parts.port ?? 5432)]
        if let user = parts.user { env["PGUSER"] = user.removingPercentEncoding ?? user }
        if let password = parts.password { env["PGPASSWORD"] = password.removingPercentEncoding ?? password }
        let database = String(parts.path.drop { $0 == "/" })
        env["PGDATABASE"] = database.isEmpty ? (env["PGUSER"] ?? "postgres") : database
        if let mode = parts.queryItems?.first(where: { $0.name == "sslmode" })?.value { env["PGSSLMODE"] = mode }
        connection = env
    }

    /// The tool's path, or nil when PostgreSQL's client programs are not installed.
    static func locate(_ tool: String) -> String? {
        if let found = ToolProcess.onPath(tool) { return found }
        let fm = FileManager.default
        let versions = ((try? fm.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .sorted { $0.compare($1, options: .numeric) == .orderedDescending }
        return versions.map { "/usr/lib/postgresql/\($0)/bin/\(tool)" }.first { fm.isExecutableFile(atPath: $0) }
    }

    /// Dumps the database in the exported `snapshot` into `file` (custom format, compressed).
    func dump(snapshot: String, to file: String) async throws {
        try await run(
            "pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--snapshot=\(snapshot)", "--file=\(file)"])
    }

    /// Restores `file` into the database in one transaction, replacing the objects it holds.
    func restore(from file: String) async throws {
        try await run(
            "pg_restore",
            [
                "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error",
                "--dbname=\(connection["PGDATABASE"]!)", file,
            ])
    }

    /// The archive's data as SQL (`COPY … FROM stdin` blocks), line by line, without a database.
    func data(of file: String, line: @escaping @Sendable (Substring) throws -> Void) async throws {
        try await run("pg_restore", ["--data-only", "--file=-", file], output: line)
    }

    private func run(
        _ tool: String, _ arguments: [String], output: (@Sendable (Substring) throws -> Void)? = nil
    ) async throws {
        guard let executable = Self.locate(tool) else {
            throw Refusal(.failed, "找不到 \(tool)：请安装 PostgreSQL 客户端（Debian：apt-get install postgresql-client）")
        }
        try await ToolProcess.run(
            tool, at: executable, arguments,
            environment: ProcessInfo.processInfo.environment.merging(connection) { _, new in new }, output: output)
    }
}
