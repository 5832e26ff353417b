import Crypto
import Foundation
import MinzhengCore
import Vapor

/// The proof of work of popular dates: the server hands out a signed challenge (it keeps no
/// state until the answer comes back), the client searches a nonce whose SHA-256 of
/// `challenge + nonce` starts with the challenge's zero bits, and the server checks the
/// signature, the expiry and the hash, and takes the challenge out of use (`used_challenges`).
struct ProofOfWork {
    static let lifetimeSeconds = 300

    let cipher: FieldCipher

    struct Challenge: Content {
        let challenge: String
        let bits: Int
        let expiresAt: Date
    }

    struct Answer: Content {
        let challenge: String
        let nonce: String
    }

    func challenge(bits: Int, now: Date) -> Challenge {
        let expires = Int(now.timeIntervalSince1970) + Self.lifetimeSeconds
        let random = (0..<16).map { _ in String(UInt8.random(in: 0...255), radix: 16) }.joined()
        let payload = "\(expires).\(random).\(bits)"
        return Challenge(
            challenge: payload + "." + cipher.blindIndex("pow|" + payload), bits: bits,
            expiresAt: Date(timeIntervalSince1970: TimeInterval(expires)))
    }

    /// The challenge's expiry when `answer` is a valid proof of at least `bits` bits `now`;
    /// the refusal names `proof` and says what is wrong.
    func check(_ answer: Answer?, bits: Int, now: Date) throws -> Date {
        guard let answer else {
            throw Refusal.invalid("proof", "热门日期预约须先完成验证（工作量证明），请刷新页面后重试")
        }
        let parts = answer.challenge.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, let expires = Int(parts[0]), let given = Int(parts[2]),
            cipher.blindIndexes("pow|" + parts[0...2].joined(separator: ".")).contains(parts[3])
        else { throw Refusal.invalid("proof", "验证题无效，请刷新页面后重试") }
        guard Double(expires) > now.timeIntervalSince1970 else {
            throw Refusal.invalid("proof", "验证已过期，请重新验证")
        }
        guard given >= bits, answer.nonce.utf8.count <= 32,
            ProofOfWorkRule.leadingZeroBits(SHA256.hash(data: Data((answer.challenge + answer.nonce).utf8))) >= given
        else { throw Refusal.invalid("proof", "验证答案不正确") }
        return Date(timeIntervalSince1970: TimeInterval(expires))
    }

    /// A nonce answering `challenge` (the tests' and the load generator's client).
    static func solve(_ challenge: Challenge) -> Answer {
        var nonce = 0
        while ProofOfWorkRule.leadingZeroBits(SHA256.hash(data: Data((challenge.challenge + String(nonce)).utf8)))
            < challenge.bits
        {
            nonce += 1
        }
        return Answer(challenge: challenge.challenge, nonce: String(nonce))
    }
}
