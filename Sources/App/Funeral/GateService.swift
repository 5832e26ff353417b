import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The Qingming visit's gate code: the resident's booking as a signed line of text (for a QR
/// code), and the gate's check of it (the cemetery's staff of the region): valid — and then
/// the arrival is marked once the slot has started —, another day, already used, cancelled.
struct GateService {
    let db: SQLDatabase
    let clock: PlatformClock
    let cipher: FieldCipher
    let bookings: BookingService

    /// The signature: a keyed hash under the platform's current key (a check accepts every key
    /// of the ring, so a key rotation does not void the codes already handed out).
    private func signature(_ payload: String) -> String { String(cipher.blindIndex("gate|" + payload).prefix(20)) }

    /// The code of `user`'s own Qingming visit.
    func code(of id: UUID, for user: CurrentUser) async throws -> String {
        guard let row = try await BookingStore(db: db).booking(id), row.account == user.id,
            row.slot.kind == .qingmingVisit
        else { throw Refusal.notFound("清明祭扫预约") }
        let payload = GateCode.payload(booking: id.uuidString, day: row.slot.day)
        return GateCode.make(booking: id.uuidString, day: row.slot.day, signature: signature(payload))
    }

    struct Check: Content {
        let verdict: GateVerdict
        let message: String
        let bookingCode: String?
        let day: String?
        let persons: Int?
        let place: String?
    }

    /// The gate's check (staff with `handleBookings` in the cemetery's region).
    func check(_ text: String, by user: CurrentUser) async throws -> Check {
        try user.require(.handleBookings)
        guard let parts = GateCode.parse(text), let id = UUID(uuidString: parts.booking),
            cipher.blindIndexes("gate|" + GateCode.payload(booking: parts.booking, day: parts.day))
                .contains(where: { String($0.prefix(20)) == parts.signature })
        else { throw Refusal.invalid("code", "入园码无效（不是本平台签发的码）") }
        guard let row = try await BookingStore(db: db).booking(id), row.slot.day == parts.day,
            row.slot.region.hasPrefix(user.region.value)
        else { throw Refusal.notFound("清明祭扫预约") }
        let verdict = GateVerdict.of(kind: row.slot.kind, state: row.state, day: row.slot.day, today: clock.today)
        var message = verdict.chinese
        if verdict == .valid {
            if BookingService.moment(clock.now) >= row.slot.start {
                _ = try await bookings.act(.arrival, on: id, by: user)
            } else {
                message +=
                    "（预约时段 \(String(format: "%02d:%02d", row.slot.startMinute / 60, row.slot.startMinute % 60)) 起）"
            }
        }
        if verdict == .wrongDay { message += "：预约日期 \(row.slot.day)" }
        return Check(
            verdict: verdict, message: message, bookingCode: row.code, day: row.slot.day.description,
            persons: row.seats, place: row.slot.resourceName)
    }
}

extension Request {
    var gate: GateService {
        GateService(db: sql, clock: platform.clock, cipher: platform.cipher, bookings: bookings)
    }
}
