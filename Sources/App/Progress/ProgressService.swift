import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// 办件查询 and the resident's own page: a filing's progress by its receipt number, to its
/// owner signed in, or to whoever holds the one-time code sent to the phone on file; and
/// everything a resident has filed or that is filed about them, newest first.
struct ProgressService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let registry: RegistryStore
    let cipher: FieldCipher
    let clock: PlatformClock
    let codeMinutes: Int
    let sender: any CodeSender

    /// The one answer to a code request, whether or not the number is on file with a phone:
    /// the form cannot tell which numbers exist.
    var sentMessage: String {
        "如果受理编号正确并且登记了手机号码，验证码已发送到登记的手机，\(codeMinutes) 分钟内有效。没有收到，请确认编号或到社区更新手机号码。"
    }

    static let wrongCode = Refusal.invalid("code", "验证码不正确或已失效，请核对，或重新获取验证码")
    static let tooManyGuesses = Refusal(.conflict, "验证码错误次数过多，已失效，请重新获取验证码", field: "code")
    static let codeNeeded = Refusal.invalid("code", "请输入发送到登记手机的验证码；本人登录后查询不需要验证码")

    /// The filing behind `number` when `user` is the one who filed it or the person it is about.
    func ownReceipt(_ number: ReceiptNumber, user: CurrentUser?) async throws -> ReceiptStore.Receipt? {
        guard let user, user.role.may(.selfService), let r = try await ReceiptStore(db: db).receipt(number) else {
            return nil
        }
        if r.owner == user.id { return r }
        if let person = r.person, try await AccountStore(db: db).residentPerson(userID: user.id) == person {
            return r
        }
        return nil
    }

    func answer(_ r: ReceiptStore.Receipt) async throws -> ProgressAnswer {
        guard let answer = try await ProgressStore(db: db).progress(of: r, today: clock.today) else {
            throw Refusal.notFound("办件")
        }
        return answer
    }

    /// Sends a new code to the phone on file when the number is on file and has one; nothing
    /// otherwise, with no difference the caller could see.
    func sendCode(_ number: ReceiptNumber) async throws {
        guard let r = try await ReceiptStore(db: db).receipt(number), let phone = try await phone(of: r) else {
            return
        }
        var generator = SystemRandomNumberGenerator()
        let code = String(
            (0..<ProgressCodeRules.codeDigits).map { _ in Character(String(generator.next(upperBound: UInt8(10)))) })
        let now = clock.now
        let hmac = Self.hmac(number, code, cipher: cipher)
        let minutes = codeMinutes
        let expires = now.addingTimeInterval(TimeInterval(minutes * 60))
        try await writer.transaction { tx, audit in
            try await ProgressCodeStore(db: tx).insert(number: number, hmac: hmac, expiresAt: expires, at: now)
            try await audit.record(
                "progress.code.send", entity: "receipt", id: number.value, region: r.region,
                after: ["to": ProgressCodeRules.phoneTail(phone), "validMinutes": "\(minutes)"])
        }
        try await sender.send(code: code, to: phone, for: number)
    }

    /// The progress for the holder of the number's latest code: a wrong code counts, the
    /// `maxAttempts`th spends it; the right one is spent by this lookup. Audited either way.
    func lookup(_ number: ReceiptNumber, code typed: String) async throws -> ProgressAnswer {
        let now = clock.now
        let code = typed.filter { !$0.isWhitespace }
        guard let r = try await ReceiptStore(db: db).receipt(number),
            let stored = try await ProgressCodeStore(db: db).latest(number: number), stored.expiresAt > now
        else { throw Self.wrongCode }
        guard ProgressCodeRules.mayTry(attempts: stored.attempts) else { throw Self.tooManyGuesses }
        guard cipher.blindIndexes(Self.plain(number, code)).contains(stored.hmac) else {
            try await writer.transaction { tx, audit in
                try await ProgressCodeStore(db: tx).countWrongGuess(stored.id)
                try await audit.record(
                    "progress.code.wrong", entity: "receipt", id: number.value, region: r.region,
                    after: ["attempts": "\(stored.attempts + 1)"])
            }
            throw ProgressCodeRules.mayTry(attempts: stored.attempts + 1) ? Self.wrongCode : Self.tooManyGuesses
        }
        let spent = try await writer.transaction { tx, audit -> Bool in
            guard try await ProgressCodeStore(db: tx).use(stored.id, at: now) else { return false }
            try await audit.record(
                "progress.lookup", entity: "receipt", id: number.value, region: r.region, after: ["with": "code"])
            return true
        }
        guard spent else { throw Self.wrongCode }
        return try await answer(r)
    }

    /// Everything of the resident's: filed by their account or about their person, newest first.
    func mine(_ user: CurrentUser) async throws -> [ProgressAnswer] {
        try user.require(.selfService)
        let person = try await AccountStore(db: db).residentPerson(userID: user.id)
        var answers: [ProgressAnswer] = []
        let store = ProgressStore(db: db)
        for r in try await ReceiptStore(db: db).receipts(owner: user.id, person: person) {
            if let a = try await store.progress(of: r, today: clock.today) { answers.append(a) }
        }
        return answers
    }

    /// The phone the code goes to: the person the filing is about, else the filer's own.
    private func phone(of r: ReceiptStore.Receipt) async throws -> String? {
        var person = r.person
        if person == nil, let owner = r.owner { person = try await AccountStore(db: db).residentPerson(userID: owner) }
        guard let person else { return nil }
        return try await registry.phone(personID: person, within: RegionScope(RegionTable.changzhou))
    }

    static func plain(_ number: ReceiptNumber, _ code: String) -> String { "progress-code|\(number.value)|\(code)" }

    static func hmac(_ number: ReceiptNumber, _ code: String, cipher: FieldCipher) -> String {
        cipher.blindIndex(plain(number, code))
    }
}

extension Request {
    var progress: ProgressService {
        ProgressService(
            db: sql, writer: writer, registry: registry, cipher: platform.cipher, clock: platform.clock,
            codeMinutes: platform.config.progressCodeMinutes, sender: application.codeSender)
    }
}
