import MinzhengCore
import Foundation
import Vapor

/// A per-client fixed-window request limit of an open endpoint. The counts live in
/// `rate_windows` (`RateWindowStore`), so that a client spread over several servers meets
/// one limit, not one per server.
struct RateLimiter: Sendable {
    /// The limit's name among the counts.
    let bucket: String
    let limit: Int
    let windowSeconds: Int64

    init(bucket: String, limit: Int, windowSeconds: Int64 = 60) {
        self.bucket = bucket
        self.limit = limit
        self.windowSeconds = windowSeconds
    }

    /// Counts one request of `client` at `now` (seconds); nil when allowed, otherwise the
    /// seconds until the client may try again.
    func admit(_ client: String, at now: Int64, windows: RateWindowStore) async throws -> Int64? {
        let window = try await windows.count(bucket: bucket, client: client, windowSeconds: windowSeconds, at: now)
        guard window.requests > limit else { return nil }
        return max(1, window.started + windowSeconds - now)
    }
}

extension Request {
    /// The address the connection came from. Forwarded-for headers are not trusted: any
    /// client could set them to escape its limit.
    var clientAddress: String {
        ForwardedFor.client(
            direct: remoteAddress?.ipAddress ?? "unknown", header: headers[.xForwardedFor],
            trusted: platform.config.trustedProxies)
    }

    /// Counts this request of `client` (by default its address) against `limiter`: nil when
    /// allowed, else the seconds to wait.
    func admit(_ limiter: RateLimiter, client: String? = nil) async throws -> Int64? {
        let now = Int64(platform.clock.now.timeIntervalSince1970.rounded(.down))
        return try await limiter.admit(
            client ?? clientAddress, at: now, windows: RateWindowStore(db: application.sql, turn: application.writeTurn)
        )
    }

    /// Refuses with 429 and `Retry-After` when the client has used up its assessments.
    func admitAssessment() async throws {
        if let wait = try await admit(application.assessmentLimiter) {
            throw AppError(.tooManyRequests, "请求过于频繁，请 \(wait) 秒后再试", headers: ["Retry-After": "\(wait)"])
        }
    }

    /// Refuses with 429 when the client has sent its adviser requests of the hour: the form
    /// is open to anyone, and each request is a street officer's call back.
    func admitAdviceRequest() async throws {
        if let wait = try await admit(application.adviceLimiter) {
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
