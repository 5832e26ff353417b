import Foundation

/// Progress of a long job. From the command line it goes to standard error (so that
/// standard output stays clean for the JSON summary): a bar redrawn in place on a
/// terminal, a line every 10 % otherwise. A job started from a page reports its percent
/// to the page's job instead (`init(reporting:)`).
final class JobProgress: @unchecked Sendable {
    private let label: String
    private let report: (@Sendable (Int) -> Void)?
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private let lock = NSLock()
    private var lastPercent = -1
    private let started = ContinuousClock.now

    init(label: String) {
        self.label = label
        report = nil
    }

    init(reporting report: @escaping @Sendable (Int) -> Void) {
        label = ""
        self.report = report
    }

    func update(done: Int, total: Int) {
        let percent = total > 0 ? min(100, done * 100 / total) : 100
        lock.lock()
        defer { lock.unlock() }
        if let report {
            guard percent != lastPercent else { return }
            lastPercent = percent
            report(percent)
            return
        }
        guard percent != lastPercent, isTerminal || percent / 10 != lastPercent / 10 || percent == 100 else { return }
        lastPercent = percent
        let elapsed = (ContinuousClock.now - started).inSeconds
        let filled = percent / 5
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 20 - filled)
        let line = "\(label) \(bar) \(percent)% \(done)/\(total) \(String(format: "%.1f", elapsed))s"
        FileHandle.standardError.write(
            Data((isTerminal ? "\r\(line)" + (percent == 100 ? "\n" : "") : line + "\n").utf8))
    }

    /// For jobs whose total is unknown until the end (a streamed file): bytes read.
    func update(bytesRead: Int, ofBytes total: Int) { update(done: bytesRead, total: total) }
}
