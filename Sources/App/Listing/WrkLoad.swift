import Foundation
import MinzhengCore
import NIOConcurrencyHelpers

/// The load of `minzheng bench reads` made by `wrk` (Debian's package) from a second process on
/// loopback, as the reference figures were: the app's own HTTP client in the server's
/// process spends, on a 2-core machine, CPU the server would otherwise have (about half of it on
/// `/healthz`). wrk's latencies come from its own histogram, written as one JSON line by the
/// script's `done` function.
struct WrkLoad {
    let executable: String

    /// wrk on `PATH`, or nil.
    static func located() -> WrkLoad? { ToolProcess.onPath("wrk").map(WrkLoad.init) }

    /// A load's figures (the app's client in the process gives the same).
    struct Measured: Decodable {
        let requests: Int
        /// Answers other than 2xx and 3xx, and connections that failed or timed out.
        let errors: Int
        let microseconds: Double
        let p50Microseconds: Double
        let p99Microseconds: Double
    }

    /// `connections` connections sending `method url` again as soon as it is answered, for `seconds`.
    func run(
        url: String, method: String, headers: [String: String], body: String?, connections: Int, seconds: Int
    ) async throws -> Measured {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("minzheng-wrk-\(UUID()).lua")
        try Self.script(method: method, headers: headers, body: body).write(
            to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        let threads = max(1, min(connections, ProcessInfo.processInfo.activeProcessorCount))
        let summary = NIOLockedValueBox<Measured?>(nil)
        try await ToolProcess.run(
            "wrk", at: executable,
            ["-t\(threads)", "-c\(connections)", "-d\(seconds)s", "--timeout", "60s", "-s", script.path, url],
            environment: ProcessInfo.processInfo.environment
        ) { line in
            guard line.hasPrefix(Self.summaryMark) else { return }
            let measured = try JSONDecoder().decode(
                Measured.self, from: Data(line.dropFirst(Self.summaryMark.count).utf8))
            summary.withLockedValue { $0 = measured }
        }
        guard let measured = summary.withLockedValue({ $0 }) else {
            throw Refusal(.failed, "wrk 未输出结果（\(url)）")
        }
        return measured
    }

    private static let summaryMark = "minzheng-wrk "

    /// The request (Lua long brackets hold the values as they are) and the summary line.
    static func script(method: String, headers: [String: String], body: String?) -> String {
        let quoted = { (text: String) in "[==[\(text)]==]" }
        var lines = ["wrk.method = \(quoted(method))"]
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            // Spaced: `[[` would open a long string.
            lines.append("wrk.headers[ \(quoted(name)) ] = \(quoted(value))")
        }
        if let body { lines.append("wrk.body = \(quoted(body))") }
        lines.append(
            """
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format('\(summaryMark){"requests":%d,"errors":%d,"microseconds":%d,"p50Microseconds":%d,"p99Microseconds":%d}\\n',
                summary.requests, e.status + e.connect + e.read + e.write + e.timeout, summary.duration,
                latency:percentile(50), latency:percentile(99)))
            end
            """)
        return lines.joined(separator: "\n") + "\n"
    }
}
