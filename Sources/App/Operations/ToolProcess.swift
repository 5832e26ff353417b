import Foundation

/// A program of the machine's (PostgreSQL's backup tools, the `wrk` load generator) run to its
/// end on a thread of its own, its standard output read line by line as it comes.
enum ToolProcess {
    struct Failed: Error, CustomStringConvertible {
        let tool: String
        let status: Int32
        let message: String
        var description: String { "\(tool) 失败（退出码 \(status)）：\(message)" }
    }

    /// The program's path on `PATH`, or nil.
    static func onPath(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(tool)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Runs `executable` with `arguments`; throws `Failed` (with the end of its error output) when it
    /// exits with a status other than 0.
    static func run(
        _ tool: String, at executable: String, _ arguments: [String], environment: [String: String],
        output: (@Sendable (Substring) throws -> Void)? = nil
    ) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, Error>) in
            // A thread of its own: the tool runs for minutes, and reading its output blocks.
            Thread.detachNewThread {
                done.resume(
                    with: Result {
                        try runBlocking(tool, executable, arguments, environment: environment, output: output)
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
