import Foundation
import MinzhengCore

/// The appointment engine's fairness: the proof of work of popular dates, and the partner's
/// confirmation of a booking made for two (each party from their own account).
extension BookingService {
    /// The positions of the people other than the booker, who must confirm; empty when the
    /// kind needs no confirmation. The booker must be one of the people.
    static func confirmers(
        _ ids: [ResidentID], rules: BookingRules, user: CurrentUser, cipher: FieldCipher
    ) throws -> [Int] {
        guard rules.confirmHours != nil else { return [] }
        guard
            let own = ids.firstIndex(where: {
                ResidentAccounts.usernames(for: $0, cipher: cipher).contains(user.username)
            })
        else {
            throw Refusal.invalid("idNumbers", "须由当事人本人预约：请在身份证号中填写本人的号码，另一方从本人账户确认")
        }
        return ids.indices.filter { $0 != own }
    }

    /// Checks and uses up the proof of work a popular date asks for; nothing on other dates.
    func spend(_ proof: ProofOfWork.Answer?, rules: BookingRules, day: CivilDate) async throws {
        guard rules.isPopular(day), let bits = rules.popular?.proofBits else { return }
        let expires = try ProofOfWork(cipher: cipher).check(proof, bits: bits, now: clock.now)
        guard try await FairnessStore(db: db).use(challenge: proof?.challenge ?? "", expires: expires) else {
            throw Refusal.invalid("proof", "该验证已使用过，请重新验证")
        }
    }

    /// A challenge for a booking attempt on `slotID`'s day; nil when the day asks for none.
    func challenge(slotID: UUID) async throws -> ProofOfWork.Challenge? {
        guard let slot = try await BookingStore(db: db).slot(slotID) else {
            throw Refusal(.notFound, "预约时段不存在", field: "slotId")
        }
        let rules = try rules(slot.kind, on: slot.day)
        guard rules.isPopular(slot.day), let bits = rules.popular?.proofBits else { return nil }
        return ProofOfWork(cipher: cipher).challenge(bits: bits, now: clock.now)
    }

    /// The partner's confirmation, from their own account.
    func confirm(_ id: UUID, by user: CurrentUser) async throws -> BookingView {
        try user.require(.selfService)
        guard let index = ResidentAccounts.blindIndex(of: user), let row = try await BookingStore(db: db).booking(id),
            try await FairnessStore(db: db).names(booking: id, index: index)
        else { throw Refusal.notFound("预约") }
        let now = clock.now
        try await writer.transaction { tx, audit in
            guard row.state == .active, try await FairnessStore(db: tx).confirm(booking: id, index: index, at: now)
            else { throw Refusal(.conflict, "该预约无需您确认，或已超过确认期限") }
            try await audit.record(
                "booking.confirm", entity: "booking", id: id.uuidString, region: row.slot.region,
                after: ["confirmedBy": user.id.uuidString])
        }
        return try await booking(id, for: user)
    }

    /// Bookings naming `user` that wait for their confirmation.
    func awaitingConfirmation(of user: CurrentUser) async throws -> [BookingView] {
        guard let index = ResidentAccounts.blindIndex(of: user) else { return [] }
        var views: [BookingView] = []
        for id in try await FairnessStore(db: db).awaiting(index: index) {
            views.append(try await booking(id, for: user))
        }
        return views
    }

    /// Lapses the bookings a partner did not confirm in time, freeing their seats (the hourly round).
    func lapseUnconfirmed() async throws -> Int {
        let now = clock.now
        let ids = try await FairnessStore(db: db).lapsedBookings(at: now)
        for id in ids {
            guard let row = try await BookingStore(db: db).booking(id) else { continue }
            try await writer.transaction { tx, audit in
                let store = BookingStore(db: tx)
                guard try await store.close(id, as: .lapsed, at: now) else { return }
                try await store.releaseSeats(row.slot.id, row.seats)
                try await audit.record(
                    "booking.lapse", entity: "booking", id: id.uuidString, region: row.slot.region,
                    after: ["state": BookingState.lapsed.rawValue])
            }
        }
        try await FairnessStore(db: db).forgetChallenges(before: now)
        return ids.count
    }
}

extension ResidentAccounts {
    /// The blind index of a resident's ID number, read from the account's username.
    static func blindIndex(of user: CurrentUser) -> String? {
        user.role == .resident && user.username.hasPrefix("r-") ? String(user.username.dropFirst(2)) : nil
    }
}
