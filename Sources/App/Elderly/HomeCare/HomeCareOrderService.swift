import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// Home-care work from the request to the confirmed visit: staff of the person's region
/// take the request, send a provider's worker, record the check-in and check-out (with the
/// place when the phone gives one), and the person's or family's confirmation and rating.
/// Check-out prices the visit and runs the special review's checks (`HomeCareChecks`); a
/// flagged visit is held out of the settlement until staff of the district clear it.
struct HomeCareOrderService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock

    private var store: HomeCareStore { HomeCareStore(db: db) }

    func parameters(region: String, month: YearMonth) async throws -> PolicyParameters {
        try await PolicyStore(db: db).parameters(for: region, month: month)
    }

    // MARK: providers

    struct NewProvider: Content {
        var name: String?
        var creditCode: String?
        var region: String?
        var phone: String?
    }

    func addProvider(_ body: NewProvider, by user: CurrentUser) async throws -> UUID {
        let name = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.line(body.name, field: "name", label: "服务组织名称", maximumLength: 100)!
        }
        let code = try RegistryInput.check { () throws(FieldProblem) in try HomeCareInput.creditCode(body.creditCode) }
        guard let region = body.region.flatMap(RegionCode.init), user.region.contains(region) else {
            throw Refusal.invalid("region", "服务区域应为您辖区内的区划代码")
        }
        let phone = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.line(body.phone, field: "phone", label: "联系电话", maximumLength: 30, required: false)
        }
        if try await store.providerID(creditCode: code) != nil {
            throw Refusal(.conflict, "统一社会信用代码 \(code) 已登记", field: "creditCode")
        }
        let now = clock.now
        return try await writer.transaction { tx, audit in
            let id = try await HomeCareStore(db: tx).createProvider(
                name: name, creditCode: code, region: region.value, phone: phone, at: now)
            try await audit.record(
                "home_care.provider.create", entity: "home_care_provider", id: id.uuidString, region: region.value,
                after: ["name": name, "creditCode": code])
            return id
        }
    }

    /// A provider the user may work with: one serving their region or a region inside it.
    func provider(_ id: UUID, for user: CurrentUser) async throws -> HomeCareProvider {
        guard let provider = try await store.provider(id: id), let region = RegionCode(provider.region),
            region.contains(user.region) || user.region.contains(region)
        else { throw Refusal.notFound("服务组织") }
        return provider
    }

    func addWorker(provider id: UUID, name: String?, by user: CurrentUser) async throws -> UUID {
        let provider = try await provider(id, for: user)
        let name = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.line(name, field: "name", label: "服务人员姓名", maximumLength: 50)!
        }
        return try await writer.transaction { tx, audit in
            let worker = try await HomeCareStore(db: tx).createWorker(provider: id, name: name, at: clock.now)
            try await audit.record(
                "home_care.worker.create", entity: "home_care_provider", id: id.uuidString, region: provider.region,
                after: ["worker": worker.uuidString, "name": name])
            return worker
        }
    }

    // MARK: orders

    struct NewOrder: Content {
        var personId: UUID?
        var service: String?
        var units: Int?
        var scheduledOn: String?
        var note: String?
    }

    func request(_ body: NewOrder, by user: CurrentUser) async throws -> UUID {
        let request = try RegistryInput.check { () throws(FieldProblem) in
            try HomeCareOrderRequest(
                service: body.service, units: body.units, scheduledOn: body.scheduledOn, note: body.note,
                today: clock.today)
        }
        guard let personID = body.personId else { throw Refusal.invalid("personId", "请选择服务对象（personId）") }
        guard
            let person = try await db.raw(
                "SELECT region, deceased_on FROM persons WHERE id = \(bind: personID) AND \(user.scope.condition("region"))"
            ).first()
        else { throw Refusal.notFound("服务对象") }
        if try person.decode(column: "deceased_on", as: String?.self) != nil {
            throw Refusal.invalid("personId", "服务对象已登记死亡")
        }
        let region = try person.decode(column: "region", as: String.self)
        return try await writer.transaction { tx, audit in
            let id = try await HomeCareStore(db: tx).createOrder(
                person: personID, region: region, request: request, createdBy: user.displayName, at: clock.now)
            try await audit.record(
                "home_care.order.request", entity: "home_care_order", id: id.uuidString, region: region,
                after: [
                    "person": personID.uuidString, "service": request.service.rawValue, "units": "\(request.units)",
                    "scheduledOn": request.scheduledOn.description,
                ])
            return id
        }
    }

    func order(_ id: UUID, for user: CurrentUser) async throws -> HomeCareOrderRecord {
        guard let order = try await store.order(id: id, within: user.scope) else { throw Refusal.notFound("服务工单") }
        return order
    }

    struct Step: Content {
        var version: Int?
        var providerId: UUID?
        var workerId: UUID?
        var latitude: Double?
        var longitude: Double?
        var rating: Int?
        var confirmedBy: String?
        var note: String?
    }

    /// One step of the order (`HomeCareOrderState.Action`), refused when the order is not
    /// waiting for it or was changed since `version`.
    func act(
        _ action: HomeCareOrderState.Action, on id: UUID, _ step: Step, by user: CurrentUser
    ) async throws
        -> HomeCareOrderRecord
    {
        let order = try await order(id, for: user)
        guard let version = step.version else { throw Refusal.invalid("version", "缺少 version") }
        guard version == order.version else { throw Refusal.staleVersion(current: order.version) }
        let next = try { () throws(Refusal) in try order.orderState.after(action) }()
        let now = clock.now
        var details: [String: String] = [:]
        var fields: @Sendable (SQLUpdateBuilder) -> SQLUpdateBuilder = { $0 }
        var afterCheckOut: (@Sendable (SQLDatabase) async throws -> Set<HomeCareFlag>)?
        switch action {
        case .assign:
            let (provider, worker) = try await assignment(step, order: order, user: user)
            details = ["provider": provider.name, "worker": worker.name]
            fields = { $0.set("provider_id", to: provider.id).set("worker_id", to: worker.id) }
        case .checkIn:
            let place = try Self.place(step)
            details = ["at": BeijingTime.timestamp(now)]
            fields = {
                $0.set("check_in_at", to: Int64(now.timeIntervalSince1970)).set("check_in_latitude", to: place?.0)
                    .set("check_in_longitude", to: place?.1)
            }
        case .checkOut:
            let checkIn = Int64((order.checkInAt ?? now).timeIntervalSince1970)
            let checkOut = max(checkIn, Int64(now.timeIntervalSince1970))
            let month = BeijingTime.day(of: order.checkInAt ?? now).yearMonth
            let parameters = try await parameters(region: order.region, month: month)
            let tariff = HomeCareTariff(parameters: parameters)
            guard let service = order.serviceKind else { throw Refusal(.failed, "工单的服务项目无效") }
            let charge = tariff.charge(service, units: order.units)
            let entitlement = try await entitlement(person: order.personId, month: month, parameters: parameters)
            details = ["chargeFen": "\(charge.value)", "month": month.description]
            fields = {
                $0.set("check_out_at", to: checkOut).set("month", to: month.description).set(
                    "charge_fen", to: charge.value)
            }
            afterCheckOut = { tx in
                try await HomeCareEntitlementStore(db: tx).record(
                    person: order.personId, month: month, entitlement, at: now)
                return try await Self.review(
                    order: order, service: service, from: checkIn, to: checkOut, tariff, on: tx)
            }
        case .confirm:
            guard let rating = step.rating, (1...5).contains(rating) else {
                throw Refusal.invalid("rating", "评价应为 1–5 分")
            }
            let by = try RegistryInput.check { () throws(FieldProblem) in
                try InputRules.line(step.confirmedBy, field: "confirmedBy", label: "确认人", maximumLength: 30)!
            }
            details = ["rating": "\(rating)", "confirmedBy": by]
            fields = { $0.set("rating", to: rating).set("confirmed_by", to: by) }
        case .cancel:
            let reason = try RegistryInput.check { () throws(FieldProblem) in
                try InputRules.text(step.note, field: "note", label: "取消原因")
            }
            guard let reason else { throw Refusal.invalid("note", "请填写取消原因") }
            details = ["reason": reason]
        }
        let (setFields, review, recorded) = (fields, afterCheckOut, details)
        try await writer.transaction { tx, audit in
            guard
                try await HomeCareStore(db: tx).advance(order: id, version: version, to: next, fields: setFields)
            else { throw Refusal.staleVersion(current: version + 1) }
            var after = recorded
            after["state"] = next.rawValue
            if let flags = try await review?(tx), !flags.isEmpty { after["flags"] = HomeCareFlags.encode(flags) }
            try await audit.record(
                "home_care.order.\(action.rawValue)", entity: "home_care_order", id: id.uuidString,
                region: order.region,
                before: ["state": order.state], after: after)
        }
        return try await self.order(id, for: user)
    }

    private func assignment(
        _ step: Step, order: HomeCareOrderRecord, user: CurrentUser
    ) async throws -> (
        HomeCareProvider, HomeCareWorker
    ) {
        guard let providerID = step.providerId else { throw Refusal.invalid("providerId", "请选择服务组织") }
        let provider = try await provider(providerID, for: user)
        guard let region = RegionCode(provider.region), let orderRegion = RegionCode(order.region),
            region.contains(orderRegion)
        else { throw Refusal.invalid("providerId", "该服务组织不服务此区域") }
        guard let workerID = step.workerId, let worker = try await store.worker(id: workerID),
            worker.providerId == providerID
        else { throw Refusal.invalid("workerId", "请选择该服务组织的服务人员") }
        return (provider, worker)
    }

    /// The phone's position, when it gave one: both or neither, inside the valid ranges.
    private static func place(_ step: Step) throws -> (Double, Double)? {
        switch (step.latitude, step.longitude) {
        case (nil, nil): return nil
        case let (lat?, lon?) where (-90...90).contains(lat) && (-180...180).contains(lon): return (lat, lon)
        default: throw Refusal.invalid("latitude", "位置应同时给出纬度（−90–90）和经度（−180–180）")
        }
    }

    /// The person's entitlement of the month: recorded when their first visit of the month
    /// was checked out, else computed from the registry now.
    func entitlement(
        person: UUID, month: YearMonth, parameters: PolicyParameters
    ) async throws
        -> HomeCareEntitlement?
    {
        guard let facts = try await HomeCareEntitlementStore(db: db).facts(person: person, month: month) else {
            throw Refusal.notFound("服务对象")
        }
        return HomeCareEntitlement.of(facts, parameters: parameters)
    }

    /// Runs the checks on a checked-out visit, flags it and any visit of the same worker it
    /// overlaps (both are held until cleared).
    private static func review(
        order: HomeCareOrderRecord, service: HomeCareServiceKind, from checkIn: Int64, to checkOut: Int64,
        _ tariff: HomeCareTariff, on tx: SQLDatabase
    ) async throws -> Set<HomeCareFlag> {
        let store = HomeCareStore(db: tx)
        let deceased = try await tx.raw("SELECT deceased_on FROM persons WHERE id = \(bind: order.personId)").first()?
            .decode(column: "deceased_on", as: String?.self).flatMap(CivilDate.init)
        let visit = HomeCareVisit(
            id: order.id.uuidString, worker: order.workerId?.uuidString ?? "", service: service, units: order.units,
            checkIn: checkIn, checkOut: checkOut,
            checkInDay: BeijingTime.day(of: HomeCareOrderRecord.instant(checkIn)), deceasedOn: deceased)
        var others: [(id: UUID, flags: String, checkIn: Int64, checkOut: Int64)] = []
        if let worker = order.workerId {
            others = try await store.visits(ofWorker: worker, overlapping: checkIn, checkOut)
        }
        // The other visits as the checks see them: only their worker and times matter here.
        let overlapping = others.map {
            HomeCareVisit(
                id: $0.id.uuidString, worker: visit.worker, service: service, units: order.units, checkIn: $0.checkIn,
                checkOut: $0.checkOut, checkInDay: visit.checkInDay)
        }
        let flags = HomeCareChecks.flags(of: visit, workerVisits: overlapping, tariff: tariff)
        if !flags.isEmpty { try await store.setFlags(order: order.id, flags: flags) }
        for (other, seen) in zip(others, overlapping) where HomeCareChecks.overlap(visit, seen) {
            var theirs = Set(HomeCareFlags.decode(other.flags))
            guard theirs.insert(.workerOverlap).inserted else { continue }
            try await store.setFlags(order: other.id, flags: theirs)
        }
        return flags
    }

    /// Releases a held visit into the settlement, with the reason on record.
    func clear(_ id: UUID, version: Int?, note: String?, by user: CurrentUser) async throws -> HomeCareOrderRecord {
        try user.require(.managePayroll)
        let order = try await order(id, for: user)
        guard order.held else { throw Refusal(.conflict, "该工单没有待核查的预警", field: "state") }
        guard let version, version == order.version else { throw Refusal.staleVersion(current: order.version) }
        let reason = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(note, field: "note", label: "核查结论")
        }
        guard let reason else { throw Refusal.invalid("note", "请填写核查结论") }
        try await writer.transaction { tx, audit in
            guard try await HomeCareStore(db: tx).clear(order: id, version: version, by: user.displayName, note: reason)
            else { throw Refusal.staleVersion(current: version + 1) }
            try await audit.record(
                "home_care.order.clear", entity: "home_care_order", id: id.uuidString, region: order.region,
                before: ["flags": order.flags.joined(separator: ",")], after: ["note": reason])
        }
        return try await self.order(id, for: user)
    }
}

extension Request {
    var homeCare: HomeCareOrderService { HomeCareOrderService(db: sql, writer: writer, clock: platform.clock) }
}
