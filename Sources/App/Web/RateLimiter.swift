import NIOConcurrencyHelpers
import Vapor

/// A per-client fixed-window request counter for the open endpoints. In memory: one
/// server process is the unit the limit protects (its CPU), so sharing counts across
/// processes would buy nothing.
final class RateLimiter: Sendable {
    private struct Window {
        var started: Int64
        var count: Int
    }

    private let limit: Int
    private let windowSeconds: Int64
    private let windows = NIOLockedValueBox<[String: Window]>([:])

    init(limit: Int, windowSeconds: Int64 = 60) {
        self.limit = limit
        self.windowSeconds = windowSeconds
    }

    /// Counts one request of `client` at `now` (seconds); nil when allowed, otherwise the
    /// seconds until the client may try again.
    func admit(_ client: String, now: Int64 = Int64(Date().timeIntervalSince1970)) -> Int64? {
        windows.withLockedValue { windows in
            // Forget finished windows now and then, so the table cannot grow without bound.
            if windows.count > 10_000 { windows = windows.filter { now - $0.value.started < windowSeconds } }
            var window = windows[client] ?? Window(started: now, count: 0)
            if now - window.started >= windowSeconds { window = Window(started: now, count: 0) }
            guard window.count < limit else { return window.started + windowSeconds - now }
            window.count += 1
            windows[client] = window
            return nil
        }
    }
}

extension Request {
    /// The address the connection came from. Forwarded-for headers are not trusted: any
    /// client could set them to escape its limit.
    var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }

    /// Refuses with 429 and `Retry-After` when the client has used up its assessments.
    func admitAssessment() throws {
        if let wait = application.assessmentLimiter.admit(clientAddress) {
            throw AppError(.tooManyRequests, "请求过于频繁，请 \(wait) 秒后再试", headers: ["Retry-After": "\(wait)"])
        }
    }
}

extension Request {
    /// Refuses with 429 when the client has sent its adviser requests of the hour: the form
    /// is open to anyone, and each request is a street officer's call back.
    func admitAdviceRequest() throws {
        if let wait = application.adviceLimiter.admit(clientAddress) {
            throw AppError(
                .tooManyRequests, "提交过于频繁，请 \((wait + 59) / 60) 分钟后再试，或直接拨打街道养老服务电话",
                headers: ["Retry-After": "\(wait)"])
        }
    }
}

extension Application {
    private struct AssessmentLimiterKey: StorageKey { typealias Value = RateLimiter }
    private struct AdviceLimiterKey: StorageKey { typealias Value = RateLimiter }

    /// Adviser requests: 5 an hour from one address.
    var adviceLimiter: RateLimiter {
        get { configured(AdviceLimiterKey.self) }
        set { storage[AdviceLimiterKey.self] = newValue }
    }

    var assessmentLimiter: RateLimiter {
        get { configured(AssessmentLimiterKey.self) }
        set { storage[AssessmentLimiterKey.self] = newValue }
    }
}
