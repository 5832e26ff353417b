import Foundation
import MinzhengCore

/// PostgreSQL's own tools for backups: `pg_dump` (custom format) and `pg_restore`, found on
/// `PATH` or in Debian's `/usr/lib/postgresql/<version>/bin` (the newest, as
/// `scripts/postgres-start.sh` picks it). The connection goes in libpq's environment
/// (`PGHOST`, `PGPASSWORD` …), so that the password never shows in a process list.
struct PostgresTools: Sendable {
    let connection: [String: String]

    struct Failed: Error, CustomStringConvertible {
        let tool: String
        let status: Int32
        let message: String
        var description: String { "\(tool) 失败（退出码 \(status)）：\(message)" }
    }

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
        let fm = FileManager.default
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where fm.isExecutableFile(atPath: "\(folder)/\(tool)") {
            return "\(folder)/\(tool)"
        }
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
        let environment = ProcessInfo.processInfo.environment.merging(connection) { _, new in new }
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, Error>) in
            // A thread of its own: the tool runs for minutes, and reading its output blocks.
            Thread.detachNewThread {
                done.resume(
                    with: Result {
                        try Self.runBlocking(tool, executable, arguments, environment: environment, output: output)
                    })
            }
        }
    }

    private static func runBlocking(
        _ tool: String, _ executable: String, _ arguments: [String], environment: [String: String],
        output: (@Sendable (Substring) throws -> Void)?
    ) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        // Error text to a file: a pipe nobody reads while the output is read could fill and stall the tool.
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("minzheng-\(UUID().uuidString).err")
        guard FileManager.default.createFile(atPath: errors.path, contents: nil, attributes: [.posixPermissions: 0o600])
        else { throw Failed(tool: tool, status: -1, message: "cannot create \(errors.path)") }
        defer { try? FileManager.default.removeItem(at: errors) }
        process.standardError = try FileHandle(forWritingTo: errors)
        let pipe = Pipe()
        process.standardOutput = output == nil ? FileHandle.nullDevice : pipe
        try process.run()
        var failure: Error?
        if let output {
            var pending = Data()
            let reader = pipe.fileHandleForReading
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                guard failure == nil else { continue }  // drain, so that the tool can finish
                pending.append(chunk)
                guard let last = pending.lastIndex(of: UInt8(ascii: "\n")) else { continue }
                let complete = String(decoding: pending[pending.startIndex..<last], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...last)
                do {
                    for line in complete.split(separator: "\n", omittingEmptySubsequences: false) { try output(line) }
                } catch { failure = error }
            }
            if failure == nil, !pending.isEmpty {
                do { try output(Substring(String(decoding: pending, as: UTF8.self))) } catch { failure = error }
            }
        }
        process.waitUntilExit()
        if let failure { throw failure }
        guard process.terminationStatus == 0 else {
            let text = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw Failed(
                tool: tool, status: process.terminationStatus,
                message: text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").suffix(5)
                    .joined(separator: " "))
        }
    }
}
