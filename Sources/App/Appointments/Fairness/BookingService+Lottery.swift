import Crypto
import FluentKit
import Foundation
import MinzhengCore
import Vapor

/// The lottery of popular dates (APPOINTMENTS.md): requests are taken during the days before
/// booking opens; at the opening one draw, with a random seed that is published with the
/// order, gives the seats; first-come booking of what is left follows.
extension BookingService {
    struct LotteryRequestView: Content {
        let id: UUID
        let service: BookingKind
        let date: String
        let slotId: UUID
        let state: String
        let stateName: String
        let bookingId: UUID?
    }

    /// A request for the popular date of `slotID`, inside its request window.
    func requestLottery(
        slotID: UUID, idNumbers: [String], proof: ProofOfWork.Answer?, by user: CurrentUser
    ) async throws -> LotteryRequestView {
        try user.require(.selfService)
        guard let slot = try await BookingStore(db: db).slot(slotID) else {
            throw Refusal(.notFound, "预约时段不存在", field: "slotId")
        }
        let rules = try rules(slot.kind, on: slot.day)
        let now = Self.moment(clock.now)
        guard let window = rules.lotteryWindow(of: slot.day), now >= window.opens, now < window.draws else {
            throw Refusal(.conflict, "\(slot.day) 不在摇号申请期内", field: "slotId")
        }
        let ids = try Self.idNumbers(idNumbers, maxPersons: rules.maxPersons, today: clock.today)
        if slot.kind == .marriage, let refusal = MarriageLaw.refusal(parties: ids, on: slot.day) { throw refusal }
        let confirmers = try Self.confirmers(ids, rules: rules, user: user, cipher: cipher)
        try await spend(proof, rules: rules, day: slot.day)
        let indexes = ids.map { cipher.blindIndex($0.value) }
        let persons = zip(indexes, ids).map { (index: $0, cipher: cipher.encrypt($1.value)) }
        let id = UUID()
        let at = clock.now
        do {
            try await writer.transaction { tx, audit in
                let store = LotteryStore(db: tx)
                let taken = try await store.requested(kind: slot.kind, day: slot.day, indexes: indexes)
                if let i = indexes.firstIndex(where: taken.contains) {
                    throw Refusal(.conflict, "身份证号 \(ids[i].masked) 已在该日期的摇号申请中", field: "idNumbers[\(i)]")
                }
                try await store.insert(
                    id: id, slot: slot, account: user.id, seats: rules.capacityCountsPersons ? ids.count : 1,
                    ownPosition: ids.indices.first { !confirmers.contains($0) } ?? 0, persons: persons, at: at)
                try await audit.record(
                    "booking.lotteryRequest", entity: "booking_lottery_request", id: id.uuidString,
                    region: slot.region, after: ["kind": slot.kind.rawValue, "day": "\(slot.day)"])
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Refusal(.conflict, "您已提交过 \(slot.day) 的摇号申请", field: "slotId")
        }
        return LotteryRequestView(
            id: id, service: slot.kind, date: slot.day.description, slotId: slot.id, state: "waiting",
            stateName: Self.lotteryStateName("waiting"), bookingId: nil)
    }

    func lotteryRequests(of user: CurrentUser) async throws -> [LotteryRequestView] {
        try user.require(.selfService)
        let store = BookingStore(db: db)
        var views: [LotteryRequestView] = []
        for request in try await LotteryStore(db: db).requests(of: user.id) {
            guard let slot = try await store.slot(request.slot) else { continue }
            views.append(
                LotteryRequestView(
                    id: request.id, service: slot.kind, date: slot.day.description, slotId: slot.id,
                    state: request.state, stateName: Self.lotteryStateName(request.state), bookingId: nil))
        }
        return views
    }

    static func lotteryStateName(_ state: String) -> String {
        ["waiting": "等待抽签", "won": "已中签（已生成预约）", "lost": "未中签，可在余号中先到先约"][state] ?? state
    }

    /// Draws every popular date whose draw time has come and that was not drawn; returns how
    /// many dates were drawn (the hourly round, and before first-come booking of such a date).
    func drawDue() async throws -> Int {
        let now = Self.moment(clock.now)
        var drawn = 0
        for kind in BookingKind.allCases {
            guard let rules = rules.rules(kind, on: clock.today), let popular = rules.popular else { continue }
            for day in popular.dates where day >= clock.today {
                guard let window = try self.rules(kind, on: day).lotteryWindow(of: day), now >= window.draws else {
                    continue
                }
                if try await draw(kind: kind, day: day) { drawn += 1 }
            }
        }
        return drawn
    }

    /// The draw of one date; false when it was drawn before. The order is each request's
    /// SHA-256 of seed and request id, so that anyone given the seed can check it.
    @discardableResult
    func draw(kind: BookingKind, day: CivilDate) async throws -> Bool {
        let seed = (0..<16).map { _ in UInt8.random(in: 0...255) }.hexadecimal
        let now = clock.now
        let rules = try rules(kind, on: day)
        let confirmDue = rules.confirmHours.map { now + Double($0 * 3_600) }
        return try await writer.transaction { tx, audit in
            let lottery = LotteryStore(db: tx)
            guard try await lottery.claimDraw(kind: kind, day: day, seed: seed, at: now) else { return false }
            let store = BookingStore(db: tx)
            let requests = try await lottery.requests(kind: kind, day: day).filter { $0.state == "waiting" }
            let byID = Dictionary(uniqueKeysWithValues: requests.map { ($0.id.uuidString, $0) })
            let ordered = Self.drawOrder(requests.map(\.id), seed: seed).compactMap { byID[$0.uuidString] }
            let slots = try await store.slots(kind: kind, day: day, resource: nil)
            let seats = slots.map {
                LotteryDraw.Seat(
                    slot: $0.id.uuidString, resource: $0.resourceID.uuidString, startMinute: $0.startMinute,
                    left: $0.capacity - $0.booked)
            }
            let results = LotteryDraw.allocate(
                ordered: ordered.map {
                    LotteryDraw.Request(
                        id: $0.id.uuidString, slot: $0.slot.uuidString, resource: $0.resource.uuidString,
                        seats: $0.seats)
                }, seats: seats)
            var won = 0
            for (result, request) in zip(results, ordered) {
                var booking: UUID?
                let held = try await store.activeHolders(kind: kind, indexes: request.persons.map(\.index))
                if let slotID = result.slot.flatMap(UUID.init(uuidString:)), held.isEmpty,
                    let slot = slots.first(where: { $0.id == slotID }), try await store.takeSeats(slotID, request.seats)
                {
                    let id = UUID()
                    let personIDs = try await store.insertBooking(
                        id: id, slot: slot, account: request.account, code: BookingCode.make(), seats: request.seats,
                        persons: request.persons, at: now)
                    if let confirmDue {
                        let others = personIDs.indices.filter { $0 != request.ownPosition }.map { personIDs[$0] }
                        try await FairnessStore(db: tx).insertConfirmations(
                            booking: id, persons: others, due: confirmDue)
                    }
                    booking = id
                    won += 1
                }
                try await lottery.settle(request.id, won: booking)
            }
            try await lottery.recordDraw(kind: kind, day: day, requests: requests.count, won: won)
            try await audit.record(
                "booking.draw", entity: "booking_draw", id: "\(kind.rawValue)/\(day)",
                region: RegionTable.changzhou.value,
                after: ["seed": seed, "requests": "\(requests.count)", "won": "\(won)"])
            return true
        }
    }

    /// The published order of a draw: by SHA-256 of `seed` and the request's id.
    static func drawOrder(_ requests: [UUID], seed: String) -> [UUID] {
        func key(_ id: UUID) -> String {
            SHA256.hash(data: Data((seed + id.uuidString.lowercased()).utf8)).hexadecimal
        }
        return requests.map { (key($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    struct DrawView: Content {
        let service: BookingKind
        let date: String
        let seed: String
        let drawnAt: Date
        /// The requests in draw order (ids only: who they are is not published) and whether each won.
        let order: [DrawLine]
    }

    struct DrawLine: Content {
        let request: UUID
        let won: Bool
    }

    /// A draw as published: the seed and the order; nil before the draw.
    func publishedDraw(kind: BookingKind, day: CivilDate) async throws -> DrawView? {
        let lottery = LotteryStore(db: db)
        guard let draw = try await lottery.draw(kind: kind, day: day) else { return nil }
        let requests = try await lottery.requests(kind: kind, day: day)
        let state = Dictionary(uniqueKeysWithValues: requests.map { ($0.id, $0.state) })
        return DrawView(
            service: kind, date: day.description, seed: draw.seed, drawnAt: draw.drawnAt,
            order: Self.drawOrder(requests.map(\.id), seed: draw.seed).map {
                DrawLine(request: $0, won: state[$0] == "won")
            })
    }
}
