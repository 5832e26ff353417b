import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The elderly-care adviser (养老顾问): a resident sends a question or a care need from the
/// public map without signing in; it lands in the chosen street's queue; the street answers;
/// the resident reads the answer through the reply code printed on the receipt.
struct AdviceService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let regions: RegionTable
    let clock: PlatformClock
    let cipher: FieldCipher

    var store: AdviceStore { AdviceStore(db: db, regions: regions) }

    /// Twelve characters without look-alikes (no 0/O, 1/I/L): about 59 bits, read aloud over
    /// the phone without confusion, never stored (only its hash).
    static func newCode() -> String {
        let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    /// Checks the form and files the request; answers its id and the reply code.
    func submit(_ input: AdviceDraft.Input) async throws -> (id: UUID, code: String) {
        let draft = try RegistryInput.check { () throws(FieldProblem) in try AdviceDraft.validated(input) }
        guard regions.contains(draft.street), RegionTable.changzhou.contains(draft.street) else {
            throw Refusal.invalid("street", "所在街道 \(draft.street.value) 不是常州市的街道或镇")
        }
        let (id, code) = (UUID.random(), Self.newCode())
        let (hash, phone, now) = (AccountStore.hashToken(code), cipher.encrypt(draft.phone), clock.now)
        let store = self.store
        try await writer.transaction { tx, audit in
            try await AdviceStore(db: tx, regions: store.regions).insert(
                draft, id: id, codeHash: hash, phoneCipher: phone, at: now)
            try await audit.record(
                "advice.submit", entity: "advice_request", id: id.uuidString, region: draft.street.value,
                after: ["kind": draft.kind.rawValue, "phone": RegistryValidation.maskPhone(draft.phone)])
        }
        return (id, code)
    }

    /// The request the code belongs to, for the resident's reply page.
    func reply(code: String) async throws -> AdviceRow {
        let typed = code.trimmedWhitespace.uppercased()
        guard typed.utf8.count == 12, let row = try await store.request(codeHash: AccountStore.hashToken(typed)) else {
            throw Refusal.notFound("咨询记录")
        }
        return row
    }

    func replyDays(region: String) async throws -> Int {
        try await FacilityService.parameters(db: db, region: region, on: clock.today).adviceReplyDays
    }

    /// The queue of the user's region, and how many open requests are past the reply time.
    func queue(
        for user: CurrentUser, filter: AdviceStore.Filter, page: PageRequest
    ) async throws
        -> (page: Page<AdviceRow>, overdue: Int, replyDays: Int, cutoff: Date)
    {
        try user.require(.answerAdvice)
        let days = try await replyDays(region: user.region.value)
        let cutoff = clock.now.addingTimeInterval(-Double(days) * 86_400)
        return (
            try await store.page(within: user.scope, filter: filter, page: page),
            try await store.overdue(within: user.scope, receivedBefore: cutoff), days, cutoff
        )
    }

    /// One request with its phone in full, for the adviser who calls back.
    func request(_ id: UUID, for user: CurrentUser) async throws -> (row: AdviceRow, phone: String) {
        try user.require(.answerAdvice)
        guard let row = try await store.request(id: id, within: user.scope),
            let stored = try await store.phoneCipher(id: id, within: user.scope)
        else { throw Refusal.notFound("咨询记录") }
        return (row, try cipher.decrypt(stored))
    }

    func answer(_ id: UUID, version: Int, text: String?, by user: CurrentUser) async throws {
        try user.require(.answerAdvice)
        let answer = try RegistryInput.check { () throws(FieldProblem) in try AdviceDraft.answer(text) }
        guard let row = try await store.request(id: id, within: user.scope) else { throw Refusal.notFound("咨询记录") }
        guard row.state == AdviceState.open.rawValue else { throw Refusal(.conflict, "该咨询已答复") }
        let (regions, now, name) = (self.regions, clock.now, user.displayName)
        try await writer.transaction { tx, audit in
            guard
                try await AdviceStore(db: tx, regions: regions).answer(
                    id: id, version: version, answer: answer, by: name, at: now)
            else { throw Refusal(.conflict, "该咨询已被他人答复或修改，请刷新后查看") }
            try await audit.record(
                "advice.answer", entity: "advice_request", id: id.uuidString, region: row.region,
                before: ["state": row.state], after: ["state": AdviceState.answered.rawValue])
        }
    }
}

extension Request {
    var advice: AdviceService {
        AdviceService(
            db: sql, writer: writer, regions: platform.regions, clock: platform.clock, cipher: platform.cipher)
    }
}
