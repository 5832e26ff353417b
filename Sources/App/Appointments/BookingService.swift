import FluentKit
import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The appointment engine's work: opening slots from the rules, booking a slot for the ID
/// numbers given, and a booking's cancel, arrival and no-show. The rules decide
/// (`BookingRules`, dated); the database keeps capacity and one-active-booking whatever the
/// concurrency (`CreateAppointments`); every change is audited.
struct BookingService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock
    let cipher: FieldCipher
    let rules: BookingRuleBook
    let calendar: WorkingDayCalendar

    static func moment(_ instant: Date) -> BookingMoment {
        let day = BeijingTime.day(of: instant)
        let seconds = instant.timeIntervalSince(BeijingTime.startOfDay(day))
        return BookingMoment(day: day, minute: Int(seconds / 60))
    }

    func rules(_ kind: BookingKind, on day: CivilDate) throws -> BookingRules {
        guard let rules = rules.rules(kind, on: day) else {
            throw Refusal(.failed, "预约规则缺失：\(kind.chinese) \(day)")
        }
        return rules
    }

    /// Adds the slots every resource lacks from today to the last day booking reaches
    /// (idempotent: the hourly round and the demo call it); returns how many.
    func openSlots() async throws -> Int {
        let today = clock.today
        let resources = try await BookingStore(db: db).resources()
        let plan: [(BookingResource, CivilDate, Int, [(start: Int, end: Int)])] = try resources.flatMap { resource in
            let reach = try rules(resource.kind, on: today).slotReach(from: today)
            return try (0...reach).map { offset in
                let day = today.adding(days: offset)
                let rules = try rules(resource.kind, on: day)
                return (
                    resource, day, rules.capacity(resource.capacity, on: day), rules.slots(on: day, calendar: calendar)
                )
            }
        }
        return try await writer.transaction { tx, audit in
            let store = BookingStore(db: tx)
            var added = 0
            for (resource, day, capacity, times) in plan {
                added += try await store.addSlots(resource: resource, day: day, capacity: capacity, times: times)
            }
            if added > 0 {
                try await audit.record(
                    "booking.slots", entity: "booking_slot", id: nil, region: RegionTable.changzhou.value,
                    after: ["added": "\(added)", "through": "\(plan.map(\.1).max() ?? today)"])
            }
            return added
        }
    }

    func slots(kind: BookingKind, day: CivilDate, resource: UUID?) async throws -> [SlotView] {
        try await BookingStore(db: db).slots(kind: kind, day: day, resource: resource).map(SlotView.init)
    }

    /// Books `slotID` for the people of `idNumbers`, for the signed-in resident `user`.
    func book(
        slotID: UUID, idNumbers: [String], proof: ProofOfWork.Answer? = nil, by user: CurrentUser
    ) async throws -> BookingView {
        try user.require(.selfService)
        let store = BookingStore(db: db)
        guard let slot = try await store.slot(slotID) else { throw Refusal(.notFound, "预约时段不存在", field: "slotId") }
        let rules = try rules(slot.kind, on: slot.day)
        let today = clock.today
        let ids = try Self.idNumbers(idNumbers, maxPersons: rules.maxPersons, today: today)
        if slot.kind.forDeceased { try await DeathCheck(db: db, cipher: cipher).require(ids[0]) }
        if let refusal = rules.refusalToBook(day: slot.day, minute: slot.startMinute, now: Self.moment(clock.now)) {
            throw refusal
        }
        if slot.kind == .marriage, let refusal = MarriageLaw.refusal(parties: ids, on: slot.day) { throw refusal }
        let confirmers = try Self.confirmers(ids, rules: rules, user: user, cipher: cipher)
        try await spend(proof, rules: rules, day: slot.day)
        // The lottery's winners are seated before anyone books a popular date first-come.
        if rules.isPopular(slot.day) { try await draw(kind: slot.kind, day: slot.day) }
        if let until = rules.bannedUntil(
            noShows: try await store.noShowDays(account: user.id, kind: slot.kind), today: today)
        {
            throw Refusal(.forbidden, "近期爽约次数过多，\(until) 之前不能预约\(slot.kind.chinese)")
        }
        let indexes = ids.map { cipher.blindIndex($0.value) }
        let persons = zip(indexes, ids).map { (index: $0, cipher: cipher.encrypt($1.value)) }
        let seats = rules.capacityCountsPersons ? ids.count : 1
        let (id, code, now) = (UUID(), BookingCode.make(), clock.now)
        let masked = ids.map(\.masked)
        do {
            try await writer.transaction { tx, audit in
                let store = BookingStore(db: tx)
                if let refusal = try await Self.heldRefusal(store: store, slot: slot, indexes: indexes, masked: masked)
                {
                    throw refusal
                }
                if slot.kind == .qingmingVisit,
                    try await store.hasActive(account: user.id, kind: slot.kind, day: slot.day)
                {
                    throw Refusal(.conflict, "每个账户每天限预约一次\(slot.kind.chinese)", field: "slotId")
                }
                guard try await store.takeSeats(slot.id, seats) else {
                    throw Refusal(.conflict, "该时段已约满，请选择其他时段", field: "slotId")
                }
                let personIDs = try await store.insertBooking(
                    id: id, slot: slot, account: user.id, code: code, seats: seats, persons: persons, at: now)
                if let hours = rules.confirmHours, !confirmers.isEmpty {
                    try await FairnessStore(db: tx).insertConfirmations(
                        booking: id, persons: confirmers.map { personIDs[$0] }, due: now + Double(hours * 3_600))
                }
                try await audit.record(
                    "booking.create", entity: "booking", id: id.uuidString, region: slot.region,
                    after: [
                        "kind": slot.kind.rawValue, "slot": "\(slot.start)", "persons": masked.joined(separator: ","),
                    ])
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Another request took the person or the day between our check and our write: the
            // database refused the second one. Say which.
            throw try await Self.heldRefusal(store: store, slot: slot, indexes: indexes, masked: masked)
                ?? Refusal(.conflict, "每个账户每天限预约一次\(slot.kind.chinese)", field: "slotId")
        }
        return try await booking(id, for: user)
    }

    /// The first of the people who already holds an active booking of the slot's kind.
    private static func heldRefusal(
        store: BookingStore, slot: BookingSlot, indexes: [String], masked: [String]
    ) async throws -> Refusal? {
        guard slot.kind != .qingmingVisit else { return nil }
        let held = try await store.activeHolders(kind: slot.kind, indexes: indexes)
        guard let i = indexes.firstIndex(where: held.contains) else { return nil }
        let whom = slot.kind.forDeceased ? "逝者" : "身份证号"
        return Refusal(
            .conflict, "\(whom) \(masked[i]) 已有一个有效的\(slot.kind.chinese)预约", field: "idNumbers[\(i)]")
    }

    /// The ID numbers of a request, each valid and none twice, 1 to `maxPersons` of them.
    static func idNumbers(_ texts: [String], maxPersons: Int, today: CivilDate) throws -> [ResidentID] {
        guard (1...maxPersons).contains(texts.count) else {
            throw Refusal.invalid("idNumbers", "每次预约 1 至 \(maxPersons) 人，请填写每个人的身份证号")
        }
        var ids: [ResidentID] = []
        for (i, text) in texts.enumerated() {
            let id: ResidentID
            do {
                id = try ResidentID(text.trimmedWhitespace, today: today)
            } catch {
                throw Refusal.invalid("idNumbers[\(i)]", "身份证号无效：\(error)")
            }
            if let j = ids.firstIndex(of: id) {
                throw Refusal.invalid("idNumbers[\(i)]", "与第 \(j + 1) 个身份证号重复")
            }
            ids.append(id)
        }
        return ids
    }

    /// Cancels (the owner), or marks the arrival or the no-show (the office's staff).
    func act(_ action: BookingState.Action, on id: UUID, by user: CurrentUser) async throws -> BookingView {
        let store = BookingStore(db: db)
        guard let row = try await store.booking(id) else { throw Refusal.notFound("预约") }
        switch action {
        case .cancel:
            guard row.account == user.id else { throw Refusal.notFound("预约") }
            let rules = try rules(row.slot.kind, on: row.slot.day)
            if row.state == .active,
                let refusal = rules.refusalToCancel(
                    day: row.slot.day, minute: row.slot.startMinute, now: Self.moment(clock.now))
            {
                throw refusal
            }
        case .arrival, .noShow:
            try user.require(.handleBookings)
            guard row.slot.region.hasPrefix(user.region.value) else { throw Refusal.notFound("预约") }
            if action == .arrival, !(try await FairnessStore(db: db).unconfirmed(booking: id).positions.isEmpty) {
                throw Refusal(.conflict, "该预约尚有当事人未确认，不能登记到场")
            }
        }
        let started = Self.moment(clock.now) >= row.slot.start
        let next = try row.state.after(action, slotStarted: started).get()
        let now = clock.now
        try await writer.transaction { tx, audit in
            let store = BookingStore(db: tx)
            guard try await store.close(id, as: next, at: now) else {
                throw Refusal(.conflict, "该预约已被其他操作变更，请刷新")
            }
            if next == .cancelled { try await store.releaseSeats(row.slot.id, row.seats) }
            try await audit.record(
                "booking.\(action.rawValue)", entity: "booking", id: id.uuidString, region: row.slot.region,
                before: ["state": row.state.rawValue], after: ["state": next.rawValue])
        }
        return try await view(id)
    }

    /// A booking of `user`'s own, or one that names them (a partner who is to confirm it).
    func booking(_ id: UUID, for user: CurrentUser) async throws -> BookingView {
        guard let row = try await BookingStore(db: db).booking(id) else { throw Refusal.notFound("预约") }
        if row.account != user.id {
            guard let index = ResidentAccounts.blindIndex(of: user),
                try await FairnessStore(db: db).names(booking: id, index: index)
            else { throw Refusal.notFound("预约") }
        }
        return try await view(row)
    }

    func bookings(of user: CurrentUser) async throws -> [BookingView] {
        var views: [BookingView] = []
        for row in try await BookingStore(db: db).bookings(of: user.id) { views.append(try await view(row)) }
        return views
    }

    /// A resource's bookings of `day` for the office's staff, with the resources of their region.
    func day(
        resource: UUID?, day: CivilDate, by user: CurrentUser
    ) async throws -> (
        resources: [BookingResource], bookings: [BookingView]
    ) {
        try user.require(.handleBookings)
        let store = BookingStore(db: db)
        let resources = try await store.resources().filter { $0.region.hasPrefix(user.region.value) }
        guard let chosen = resources.first(where: { $0.id == resource }) ?? resources.first else {
            return (resources, [])
        }
        var views: [BookingView] = []
        for row in try await store.bookings(resource: chosen.id, day: day) { views.append(try await view(row)) }
        return (resources, views)
    }

    private func view(_ id: UUID) async throws -> BookingView {
        guard let row = try await BookingStore(db: db).booking(id) else { throw Refusal.notFound("预约") }
        return try await view(row)
    }

    private func view(_ row: BookingRow) async throws -> BookingView {
        let ciphers = try await BookingStore(db: db).personCiphers(of: row.id)
        let unconfirmed =
            row.state == .active ? try await FairnessStore(db: db).unconfirmed(booking: row.id) : ([], nil)
        return BookingView(
            row: row, idNumbers: try ciphers.map { ResidentID.mask(try cipher.decrypt($0)) }, unconfirmed: unconfirmed)
    }
}

extension Request {
    var bookings: BookingService {
        BookingService(
            db: sql, writer: writer, clock: platform.clock, cipher: platform.cipher,
            rules: application.bookingRules.current, calendar: .china)
    }
}

extension Application {
    func bookingService(actor: AuditActor) -> BookingService {
        BookingService(
            db: sql, writer: writer(actor: actor), clock: platform.clock, cipher: platform.cipher,
            rules: bookingRules.current, calendar: .china)
    }
}
