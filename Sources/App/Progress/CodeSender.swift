import Foundation
import MinzhengCore
import Vapor

/// Sends a one-time code of 办件查询 to a phone. A deployment plugs in its SMS gateway
/// (`app.codeSender = …`); by default the code is written to the log (development), and the
/// tests capture what would have been sent.
protocol CodeSender: Sendable {
    func send(code: String, to phone: String, for receipt: ReceiptNumber) async throws
}

/// The default: the code in the server's log, at notice level, with the phone's last four digits.
struct LogCodeSender: CodeSender {
    let logger: Logger

    func send(code: String, to phone: String, for receipt: ReceiptNumber) async throws {
        logger.notice(
            "办件查询验证码 \(code)（受理编号 \(receipt.value)，发往\(ProgressCodeRules.phoneTail(phone))）",
            metadata: ["receipt": .string(receipt.value)])
    }
}

extension Application {
    private struct CodeSenderKey: StorageKey { typealias Value = any CodeSender }

    /// Where one-time codes go: the log unless a deployment or a test sets another.
    var codeSender: any CodeSender {
        get { storage[CodeSenderKey.self] ?? LogCodeSender(logger: logger) }
        set { storage[CodeSenderKey.self] = newValue }
    }

    private struct ProgressLimitersKey: StorageKey { typealias Value = ProgressLimiters }

    var progressLimiters: ProgressLimiters {
        storage[ProgressLimitersKey.self] ?? ProgressLimiters()
    }
}

/// The limits of 办件查询's open endpoints, counted in `rate_windows` like every open limit.
struct ProgressLimiters: Sendable {
    let codesPerNumber = RateLimiter(
        bucket: "progressCodeNumber", limit: ProgressCodeRules.codesPerNumber,
        windowSeconds: ProgressCodeRules.windowSeconds)
    let codesPerClient = RateLimiter(
        bucket: "progressCodeClient", limit: ProgressCodeRules.requestsPerClient,
        windowSeconds: ProgressCodeRules.windowSeconds)
    let lookupsPerClient = RateLimiter(
        bucket: "progressLookupClient", limit: ProgressCodeRules.lookupsPerClient,
        windowSeconds: ProgressCodeRules.windowSeconds)
}

extension Request {
    /// Refuses with 429 and `Retry-After` when `limiter` has counted enough for `client`.
    func admitProgress(_ limiter: RateLimiter, client: String? = nil) async throws {
        if let wait = try await admit(limiter, client: client) {
            throw AppError(
                .tooManyRequests, "查询过于频繁，请 \(SignInRules.minutes(wait)) 分钟后再试",
                headers: ["Retry-After": "\(wait)"])
        }
    }
}
