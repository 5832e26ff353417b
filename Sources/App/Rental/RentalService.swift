import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// 康复辅助器具社区租赁 at the points of one's region: the catalogue (kinds with the rent and
/// deposit in force, dated parameters), the points and their stock by serial number, a rental
/// from the request (a person of the registry, a kind, a point: a device reserved) to the
/// delivery, the return and the cleaning and disinfection before the device goes out again;
/// repairs and write-offs; the subsidy a month per rental, the operator's monthly settlement and
/// the year's count of people subsidised against the target. Every write is one audited
/// transaction; the device's state moves only by conditional updates.
struct RentalService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock
    let cipher: FieldCipher
    let regions: RegionTable
    let user: CurrentUser

    init(
        db: SQLDatabase, writer: AuditedWriter, clock: PlatformClock, cipher: FieldCipher, regions: RegionTable,
        user: CurrentUser
    ) throws {
        try user.require(.handleDeviceRental)
        (self.db, self.writer, self.clock, self.cipher, self.regions, self.user) =
            (db, writer, clock, cipher, regions, user)
    }

    private var store: RentalStore { RentalStore(db: db) }

    private func parameters(_ region: String, _ month: YearMonth) async throws -> RentalParameters {
        try await PolicyStore(db: db).parameters(for: region, month: month).rental
    }

    // MARK: catalogue

    struct CatalogueItem: Content {
        let kind: String
        let name: String
        let rentFen: Int64
        let rent: String
        let depositFen: Int64
        let deposit: String
    }

    /// The kinds with the rent a month and the deposit in force this month in one's region.
    func catalogue() async throws -> [CatalogueItem] {
        let p = try await parameters(user.region.value, clock.today.yearMonth)
        return RentalDeviceKind.allCases.map {
            let (rent, deposit) = (p.rent[$0] ?? .zero, p.deposit[$0] ?? .zero)
            return CatalogueItem(
                kind: $0.rawValue, name: $0.chinese, rentFen: rent.value, rent: rent.formatted,
                depositFen: deposit.value, deposit: deposit.formatted)
        }
    }

    // MARK: points and stock

    struct StockLine: Content {
        let kind: String
        let name: String
        let available: Int
        let reserved: Int
        let rented: Int
        let awaitingCleaning: Int
        let repair: Int
        let writtenOff: Int
        let lost: Int
        /// Written off or lost.
        let gone: Int
    }

    struct PointSummary: Content {
        let id: UUID
        let name: String
        let region: String
        let regionName: String
        let operatorName: String
        let address: String
        let available: Int
        let out: Int
        let stock: [StockLine]
    }

    static func lines(_ counts: [RentalDeviceKind: [RentalDeviceState: Int]]) -> [StockLine] {
        RentalDeviceKind.allCases.compactMap { kind in
            guard let c = counts[kind] else { return nil }
            return StockLine(
                kind: kind.rawValue, name: kind.chinese, available: c[.available] ?? 0, reserved: c[.reserved] ?? 0,
                rented: c[.rented] ?? 0, awaitingCleaning: c[.awaitingCleaning] ?? 0, repair: c[.repair] ?? 0,
                writtenOff: c[.writtenOff] ?? 0, lost: c[.lost] ?? 0,
                gone: (c[.writtenOff] ?? 0) + (c[.lost] ?? 0))
        }
    }

    private func summary(
        _ p: RentalStore.Point, _ counts: [RentalDeviceKind: [RentalDeviceState: Int]]
    )
        -> PointSummary
    {
        let stock = Self.lines(counts)
        return PointSummary(
            id: p.id, name: p.name, region: p.region,
            regionName: RegionCode(p.region).map(regions.fullName) ?? p.region,
            operatorName: p.operatorName, address: p.address, available: stock.reduce(0) { $0 + $1.available },
            out: stock.reduce(0) { $0 + $1.reserved + $1.rented }, stock: stock)
    }

    func points() async throws -> [PointSummary] {
        let stock = try await store.stock(within: user.scope)
        return try await store.points(within: user.scope).map { summary($0, stock[$0.id] ?? [:]) }
    }

    struct NewPoint: Content {
        var name: String?
        var region: String?
        var operatorName: String?
        var address: String?
    }

    func addPoint(_ input: NewPoint) async throws -> PointSummary {
        let (name, operatorName, address) = try RegistryInput.check { () throws(FieldProblem) in
            (
                try InputRules.line(input.name, field: "name", label: "租赁点名称", maximumLength: 100)!,
                try InputRules.line(input.operatorName, field: "operatorName", label: "运营机构", maximumLength: 100)!,
                try InputRules.line(input.address, field: "address", label: "地址", maximumLength: 200)!
            )
        }
        guard let region = input.region.flatMap(RegionCode.init), user.region.contains(region),
            regions.contains(region)
        else { throw Refusal.invalid("region", "租赁点所在区划应为您辖区内的区划代码") }
        let point = RentalStore.Point(
            id: UUID(), name: name, region: region.value, operatorName: operatorName, address: address)
        let now = clock.now
        try await writer.transaction { tx, audit in
            try await RentalStore(db: tx).insertPoint(point, at: now)
            try await audit.record(
                "rental.point.create", entity: "rental_point", id: point.id.uuidString, region: point.region,
                after: ["name": name, "operator": operatorName])
        }
        return summary(point, [:])
    }

    struct DeviceRecord: Content {
        let id: UUID
        let kind: String
        let kindName: String
        let serial: String
        let status: String
        let statusName: String
        let rentalId: UUID?
        let cleanedBy: String?
        let cleanedAt: String?
        /// The actions staff may take on it now (`disinfect`, `sendToRepair`, `repaired`, `writeOff`).
        let actions: [ActionChoice]
    }

    struct ActionChoice: Content {
        let code: String
        let name: String
    }

    struct PointDetail: Content {
        let point: PointSummary
        let devices: [DeviceRecord]
        let kinds: [ActionChoice]
    }

    private func record(_ d: RentalStore.Device) -> DeviceRecord {
        let state = RentalDeviceState(rawValue: d.status) ?? .writtenOff
        return DeviceRecord(
            id: d.id, kind: d.kind, kindName: RentalDeviceKind(rawValue: d.kind)?.chinese ?? d.kind, serial: d.serial,
            status: d.status, statusName: state.chinese, rentalId: d.rentalId, cleanedBy: d.cleanedBy,
            cleanedAt: d.cleanedAt.map(BeijingTime.timestamp),
            actions: RentalDeviceState.pointActions.filter { state.after($0) != nil }.map {
                ActionChoice(code: $0.rawValue, name: $0.chinese)
            })
    }

    func point(_ id: UUID?) async throws -> PointDetail {
        guard let id, let point = try await store.point(id, within: user.scope) else {
            throw Refusal.notFound("租赁点")
        }
        let stock = try await store.stock(within: RegionScope(RegionCode(point.region)!))
        return PointDetail(
            point: summary(point, stock[point.id] ?? [:]), devices: try await store.devices(point: id).map(record),
            kinds: RentalDeviceKind.allCases.map { ActionChoice(code: $0.rawValue, name: $0.chinese) })
    }

    struct NewDevice: Content {
        var kind: String?
        var serial: String?
    }

    /// A device taken into the point's stock, available.
    func addDevice(point id: UUID?, _ input: NewDevice) async throws -> DeviceRecord {
        guard let id, let point = try await store.point(id, within: user.scope) else {
            throw Refusal.notFound("租赁点")
        }
        guard let kind = input.kind.flatMap(RentalDeviceKind.init(rawValue:)) else {
            throw Refusal.invalid("kind", "请选择辅具品类")
        }
        let serial = (input.serial ?? "").trimmedWhitespace
        guard RentalRules.validSerial(serial) else {
            throw Refusal.invalid("serial", "设备编号为 1 至 40 位字母、数字或“-”")
        }
        if try await store.serialTaken(serial) {
            throw Refusal(.conflict, "设备编号 \(serial) 已在库", field: "serial")
        }
        let (device, now, user) = (UUID(), clock.now, user)
        try await writer.transaction { tx, audit in
            try await RentalStore(db: tx).insertDevice(id: device, point: point, kind: kind, serial: serial, at: now)
            try await audit.record(
                "rental.device.add", entity: "rental_device", id: device.uuidString, region: point.region,
                after: ["kind": kind.rawValue, "serial": serial, "point": point.id.uuidString, "by": user.displayName])
        }
        guard let added = try await store.device(device, within: user.scope) else { throw Refusal.notFound("设备") }
        return record(added)
    }

    struct DeviceAction: Content {
        var action: String?
        var note: String?
    }

    /// Cleaning and disinfection (who and when), repair, its end, a write-off.
    func act(device id: UUID?, _ input: DeviceAction) async throws -> DeviceRecord {
        guard let id, let device = try await store.device(id, within: user.scope) else {
            throw Refusal.notFound("设备")
        }
        guard let action = input.action.flatMap(RentalDeviceState.Action.init(rawValue:)),
            RentalDeviceState.pointActions.contains(action)
        else { throw Refusal.invalid("action", "操作应为 disinfect、sendToRepair、repaired 或 writeOff") }
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.line(input.note, field: "note", label: "说明", maximumLength: 200, required: false)
        }
        if action == .writeOff, note == nil { throw Refusal.invalid("note", "报废请写明原因") }
        let state = RentalDeviceState(rawValue: device.status) ?? .writtenOff
        guard state.after(action) != nil else {
            throw Refusal(.conflict, "设备\(state.chinese)，不能\(action.chinese)", field: "action")
        }
        let (now, name) = (clock.now, user.displayName)
        try await writer.transaction { tx, audit in
            let store = RentalStore(db: tx)
            guard try await store.move(device.id, action, rental: nil, by: name, at: now) else {
                throw Refusal(.conflict, "设备状态已变化，请刷新后重试", field: "action")
            }
            try await store.event(device: device.id, rental: nil, action: action, by: name, note: note, at: now)
            try await audit.record(
                "rental.device.\(action.rawValue)", entity: "rental_device", id: device.id.uuidString,
                region: device.region, before: ["status": device.status],
                after: ["status": state.after(action)?.rawValue ?? "", "serial": device.serial, "note": note ?? ""])
        }
        guard let moved = try await store.device(device.id, within: user.scope) else { throw Refusal.notFound("设备") }
        return record(moved)
    }

    // MARK: rentals

    struct NewRental: Content {
        var idNumber: String?
        var pointId: UUID?
        var kind: String?
        /// How many months, 1 to 24 (3 when not given).
        var months: Int?
        var note: String?
    }

    /// A rental as staff read it, with how it stands today and this month's money.
    struct RentalRecord: Content {
        let id: UUID
        let pointId: UUID
        let pointName: String
        let operatorName: String
        let region: String
        let personId: UUID
        let personName: String
        let idMasked: String
        let kind: String
        let kindName: String
        let deviceId: UUID?
        let serial: String?
        let status: String
        let standing: String
        let standingName: String
        let months: Int
        let subsidyRule: String?
        let subsidyRuleName: String?
        let rentFen: Int64
        let subsidyFen: Int64
        let personPaysFen: Int64
        let rent: String
        let subsidy: String
        let personPays: String
        let depositFen: Int64
        let deposit: String
        let depositKept: Bool
        let requestedOn: String
        let requestedBy: String
        let deliveredOn: String?
        let endsOn: String?
        let returnedOn: String?
        let note: String?
        let version: Int
        let open: Bool
        let canDeliver: Bool
        let canReturn: Bool
        let canCancel: Bool
        let canMarkLost: Bool
    }

    private func record(_ r: RentalStore.Rental) async throws -> RentalRecord {
        let today = clock.today
        let p = try await parameters(r.region, today.yearMonth)
        let kind = RentalDeviceKind(rawValue: r.kind) ?? .walker
        let status = RentalStatus(rawValue: r.status) ?? .cancelled
        let ends = r.endsOn.flatMap(CivilDate.init) ?? today
        let standing = RentalRules.standing(status, endsOn: ends, today: today, p)
        let rule = r.subsidyRule.flatMap(RentalSubsidyRule.init(rawValue:))
        let charge = RentalRules.charge(kind, rule: rule, p)
        return RentalRecord(
            id: r.id, pointId: r.pointId, pointName: r.pointName, operatorName: r.operatorName, region: r.region,
            personId: r.personId,
            personName: r.personName, idMasked: r.idMasked, kind: r.kind, kindName: kind.chinese, deviceId: r.deviceId,
            serial: r.serial, status: r.status, standing: standing.rawValue, standingName: standing.chinese,
            months: r.months, subsidyRule: rule?.rawValue, subsidyRuleName: rule?.chinese, rentFen: charge.rent.value,
            subsidyFen: charge.subsidy.value, personPaysFen: charge.personPays.value, rent: charge.rent.formatted,
            subsidy: charge.subsidy.formatted, personPays: charge.personPays.formatted, depositFen: r.depositFen,
            deposit: Fen(r.depositFen).formatted, depositKept: RentalRules.depositKept(standing),
            requestedOn: r.requestedOn, requestedBy: r.requestedBy, deliveredOn: r.deliveredOn, endsOn: r.endsOn,
            returnedOn: r.returnedOn, note: r.note, version: r.version,
            open: status == .requested || status == .delivered, canDeliver: status == .requested,
            canReturn: status == .delivered, canCancel: status == .requested,
            canMarkLost: status == .delivered && standing == .lost)
    }

    /// A request: the person from the registry of one's region, a device of the kind reserved at
    /// the point (409 when none is available), the subsidy's rule of this month and the deposit.
    func request(_ input: NewRental) async throws -> RentalRecord {
        guard let pointID = input.pointId, let point = try await store.point(pointID, within: user.scope) else {
            throw Refusal.invalid("pointId", "请选择您辖区内的租赁点")
        }
        guard let kind = input.kind.flatMap(RentalDeviceKind.init(rawValue:)) else {
            throw Refusal.invalid("kind", "请选择辅具品类")
        }
        let months = input.months ?? 3
        guard (1...24).contains(months) else { throw Refusal.invalid("months", "租期为 1 至 24 个月") }
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.line(input.note, field: "note", label: "备注", maximumLength: 200, required: false)
        }
        let person = try await person(input.idNumber)
        let today = clock.today
        guard let facts = try await store.facts(person: person.id, month: today.yearMonth) else {
            throw Refusal.invalid("idNumber", "未找到该人员")
        }
        let p = try await parameters(point.region, today.yearMonth)
        let rule = RentalRules.rule(facts, p)
        let charge = RentalRules.charge(kind, rule: rule, p)
        let (id, now, name) = (UUID(), clock.now, user.displayName)
        try await writer.transaction { tx, audit in
            let store = RentalStore(db: tx)
            guard let reserved = try await store.reserve(point: point.id, kind: kind, rental: id, at: now) else {
                throw Refusal(.conflict, "\(point.name)暂无可租的\(kind.chinese)（在库设备均已租出或待清洗消毒）", field: "kind")
            }
            let (device, serial) = reserved
            try await store.insertRental(
                RentalStore.NewRental(
                    id: id, point: point, person: person.id, kind: kind, device: device, months: months, rule: rule,
                    deposit: charge.deposit, requestedOn: today, requestedBy: name, note: note),
                at: now)
            try await store.event(device: device, rental: id, action: .reserve, by: name, note: nil, at: now)
            try await audit.record(
                "rental.request", entity: "rental", id: id.uuidString, region: point.region,
                after: [
                    "person": person.idNumberMasked, "kind": kind.rawValue, "serial": serial,
                    "rule": rule?.rawValue ?? "", "depositFen": "\(charge.deposit.value)", "months": "\(months)",
                ])
        }
        return try await rental(id)
    }

    struct RentalAction: Content {
        /// `deliver`, `return`, `cancel` or `markLost`.
        var action: String?
        var version: Int?
    }

    /// Delivery (the reserved device goes out, the term starts today), the return (the device
    /// waits for cleaning and disinfection; the deposit goes back), the cancellation of a
    /// request (the device is released), or a loss recorded `lostDays` after the end (the
    /// device is lost, the deposit kept).
    func act(rental id: UUID?, _ input: RentalAction) async throws -> RentalRecord {
        let current = try await rental(id)
        guard let deviceID = current.deviceId else { throw Refusal.notFound("租赁") }
        let version = input.version ?? current.version
        let (today, now, name) = (clock.today, clock.now, user.displayName)
        let stale = Refusal(.conflict, "租赁记录已变化，请刷新后重试", field: "version")
        let step: (status: RentalStatus, to: RentalStatus, device: RentalDeviceState.Action, audit: String)
        switch input.action {
        case "deliver": step = (.requested, .delivered, .deliver, "rental.deliver")
        case "return": step = (.delivered, .returned, .takeBack, "rental.return")
        case "cancel": step = (.requested, .cancelled, .release, "rental.cancel")
        case "markLost":
            guard current.canMarkLost else {
                throw Refusal(.conflict, "到期未满规定天数，不能认定灭失", field: "action")
            }
            step = (.delivered, .lost, .markLost, "rental.markLost")
        default: throw Refusal.invalid("action", "操作应为 deliver、return、cancel 或 markLost")
        }
        guard current.status == step.status.rawValue else {
            throw Refusal(.conflict, "租赁\(current.standingName)，不能进行此操作", field: "action")
        }
        let region = current.region
        try await writer.transaction { tx, audit in
            let store = RentalStore(db: tx)
            let moved: Bool
            if step.to == .delivered {
                moved = try await store.deliver(
                    current.id, version: version, on: today, endsOn: today.adding(months: current.months), by: name)
            } else {
                moved = try await store.finish(
                    current.id, version: version, from: step.status, to: step.to, on: today, by: name)
            }
            guard moved else { throw stale }
            guard try await store.move(deviceID, step.device, rental: current.id, by: name, at: now) else {
                throw Refusal(.conflict, "设备状态已变化，请刷新后重试", field: "action")
            }
            try await store.event(
                device: deviceID, rental: current.id, action: step.device, by: name, note: nil, at: now)
            try await audit.record(
                step.audit, entity: "rental", id: current.id.uuidString, region: region,
                before: ["status": current.status],
                after: [
                    "status": step.to.rawValue, "serial": current.serial ?? "",
                    "depositKept": step.to == .lost ? "true" : "false",
                ])
        }
        return try await rental(current.id)
    }

    func rental(_ id: UUID?) async throws -> RentalRecord {
        guard let id, let row = try await store.rental(id, within: user.scope) else { throw Refusal.notFound("租赁") }
        return try await record(row)
    }

    func rentals(point: UUID? = nil, page: PageRequest) async throws -> Page<RentalRecord> {
        let found = try await store.rentals(within: user.scope, point: point, page: page)
        var items: [RentalRecord] = []
        for r in found.items { items.append(try await record(r)) }
        return Page(items: items, total: found.total, page: found.page, perPage: found.perPage)
    }

    /// The device's history: who reserved, delivered, took back, disinfected, repaired it, and when.
    func history(device id: UUID) async throws -> [RentalStore.Event] {
        guard try await store.device(id, within: user.scope) != nil else { throw Refusal.notFound("设备") }
        return try await store.events(device: id)
    }

    func events(rental id: UUID) async throws -> [RentalStore.Event] {
        try await store.events(rental: id)
    }

    // MARK: the registry

    private var registry: RegistryStore { RegistryStore(db: db, cipher: cipher, regions: regions, clock: clock) }

    private func person(_ number: String?) async throws -> PersonDetail {
        guard let number, let id = try? ResidentID(number.trimmedWhitespace, today: clock.today) else {
            throw Refusal.invalid("idNumber", "身份证号码无效")
        }
        guard let personID = try await registry.personID(blindIndexes: cipher.blindIndexes(id.value)),
            let person = try await registry.person(id: personID, within: user.scope)
        else { throw Refusal.invalid("idNumber", "身份证号 \(id.masked) 未在本辖区登记") }
        guard person.deceasedOn == nil else { throw Refusal.invalid("idNumber", "身份证号 \(id.masked) 已登记死亡") }
        return person
    }
}

extension Request {
    func rental() throws -> RentalService {
        try RentalService(
            db: sql, writer: writer, clock: platform.clock, cipher: platform.cipher, regions: platform.regions,
            user: try user)
    }
}
