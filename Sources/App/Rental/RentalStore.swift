import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The SQL of the community rental: points, the stock by serial number, rentals and the
/// devices' events. A device's state only moves by a conditional update from the states Core
/// allows (`RentalDeviceState.sources(of:)`), so two requests never take the same device and a
/// device never goes out before it is disinfected.
struct RentalStore {
    let db: SQLDatabase

    // MARK: points

    struct Point: Content, Sendable {
        let id: UUID
        let name: String
        let region: String
        let operatorName: String
        let address: String
    }

    func insertPoint(_ p: Point, at now: Date) async throws {
        try await db.insert(into: "rental_points")
            .columns("id", "name", "region", "operator_name", "address", "created_at")
            .values(
                SQLBind(p.id), SQLBind(p.name), SQLBind(p.region), SQLBind(p.operatorName), SQLBind(p.address),
                SQLBind(now)
            )
            .run()
    }

    func points(within scope: RegionScope) async throws -> [Point] {
        try await db.raw(
            "SELECT id, name, region, operator_name, address FROM rental_points WHERE \(scope.condition("region")) ORDER BY region, name"
        ).all().map { try $0.decode(model: Point.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    func point(_ id: UUID, within scope: RegionScope) async throws -> Point? {
        try await db.raw(
            """
            SELECT id, name, region, operator_name, address FROM rental_points
            WHERE id = \(bind: id) AND \(scope.condition("region"))
            """
        ).first().map { try $0.decode(model: Point.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// Devices by point, kind and state (the stock counts are read, never kept).
    func stock(within scope: RegionScope) async throws -> [UUID: [RentalDeviceKind: [RentalDeviceState: Int]]] {
        var found: [UUID: [RentalDeviceKind: [RentalDeviceState: Int]]] = [:]
        for r in try await db.raw(
            """
            SELECT point_id, kind, status, COUNT(*) AS n FROM rental_devices WHERE \(scope.condition("region"))
            GROUP BY point_id, kind, status
            """
        ).all() {
            guard let kind = RentalDeviceKind(rawValue: try r.decode(column: "kind", as: String.self)),
                let state = RentalDeviceState(rawValue: try r.decode(column: "status", as: String.self))
            else { continue }
            let point = try r.decode(column: "point_id", as: UUID.self)
            found[point, default: [:]][kind, default: [:]][state] = try r.decode(column: "n", as: Int.self)
        }
        return found
    }

    // MARK: devices

    struct Device: Content, Sendable {
        let id: UUID
        let pointId: UUID
        let region: String
        let kind: String
        let serial: String
        let status: String
        let rentalId: UUID?
        let cleanedBy: String?
        let cleanedAt: Date?
        let version: Int
    }

    func insertDevice(id: UUID, point: Point, kind: RentalDeviceKind, serial: String, at now: Date) async throws {
        try await db.insert(into: "rental_devices")
            .columns("id", "point_id", "region", "kind", "serial", "status", "version", "created_at", "updated_at")
            .values(
                SQLBind(id), SQLBind(point.id), SQLBind(point.region), SQLBind(kind.rawValue), SQLBind(serial),
                SQLBind(RentalDeviceState.available.rawValue), SQLBind(1), SQLBind(now), SQLBind(now)
            )
            .run()
    }

    func serialTaken(_ serial: String) async throws -> Bool {
        try await db.raw("SELECT id FROM rental_devices WHERE serial = \(bind: serial)").first() != nil
    }

    private static let deviceColumns: SQLQueryString =
        "id, point_id, region, kind, serial, status, rental_id, cleaned_by, cleaned_at, version"

    func device(_ id: UUID, within scope: RegionScope) async throws -> Device? {
        try await db.raw(
            "SELECT \(Self.deviceColumns) FROM rental_devices WHERE id = \(bind: id) AND \(scope.condition("region"))"
        ).first().map { try $0.decode(model: Device.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    func devices(point: UUID) async throws -> [Device] {
        try await db.raw(
            "SELECT \(Self.deviceColumns) FROM rental_devices WHERE point_id = \(bind: point) ORDER BY kind, serial"
        ).all().map { try $0.decode(model: Device.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// Reserves an available device of `kind` at the point for `rental`: its id and serial, or
    /// nil when none is available. The update holds only while the device is still available,
    /// so of two requests for the last one exactly one gets it (a loser that lost the race to a
    /// device while others remain tries the next).
    func reserve(point: UUID, kind: RentalDeviceKind, rental: UUID, at now: Date) async throws -> (UUID, String)? {
        for _ in 0..<5 {
            guard
                let candidate = try await db.raw(
                    """
                    SELECT id FROM rental_devices WHERE point_id = \(bind: point) AND kind = \(bind: kind.rawValue)
                      AND status = 'available' ORDER BY serial LIMIT 1
                    """
                ).first()?.decode(column: "id", as: UUID.self)
            else { return nil }
            if let row = try await db.raw(
                """
                UPDATE rental_devices SET status = 'reserved', rental_id = \(bind: rental), version = version + 1,
                  updated_at = \(bind: now)
                WHERE id = \(bind: candidate) AND status = 'available' RETURNING id, serial
                """
            ).first() {
                return (try row.decode(column: "id", as: UUID.self), try row.decode(column: "serial", as: String.self))
            }
        }
        return nil
    }

    /// Moves a device by `action` when it stands in a state the action starts from; false
    /// when it does not (any more). With `rental`, the device must be held by that rental (it
    /// stays held while reserved or rented; otherwise it is held by none).
    /// A disinfection records who and when.
    func move(
        _ device: UUID, _ action: RentalDeviceState.Action, rental: UUID?, by name: String, at now: Date
    ) async throws -> Bool {
        let sources = RentalDeviceState.sources(of: action).map(\.rawValue)
        guard let target = RentalDeviceState.sources(of: action).first?.after(action) else { return false }
        let holds = target == .reserved || target == .rented
        // A device out on a rental moves only with that rental.
        let holder: SQLQueryString = rental.map { " AND rental_id = \(bind: $0)" } ?? ""
        let cleaned: SQLQueryString =
            action == .disinfect ? ", cleaned_by = \(bind: name), cleaned_at = \(bind: now)" : ""
        return try await db.raw(
            """
            UPDATE rental_devices SET status = \(bind: target.rawValue), rental_id = \(bind: holds ? rental : nil),
              version = version + 1, updated_at = \(bind: now)\(cleaned)
            WHERE id = \(bind: device) AND status IN \(SQLBind.group(sources))\(holder) RETURNING id
            """
        ).first() != nil
    }

    func event(
        device: UUID, rental: UUID?, action: RentalDeviceState.Action, by name: String, note: String?, at now: Date
    ) async throws {
        try await db.insert(into: "rental_device_events")
            .columns("id", "device_id", "rental_id", "action", "by_name", "note", "at")
            .values(
                SQLBind(UUID()), SQLBind(device), SQLBind(rental), SQLBind(action.rawValue), SQLBind(name),
                SQLBind(note), SQLBind(now)
            )
            .run()
    }

    struct Event: Content, Sendable {
        let deviceId: UUID
        let rentalId: UUID?
        let action: String
        let byName: String
        let note: String?
        let at: Date
    }

    func events(device: UUID? = nil, rental: UUID? = nil, limit: Int = 50) async throws -> [Event] {
        let filter: SQLQueryString =
            device.map { "device_id = \(bind: $0)" } ?? rental.map { "rental_id = \(bind: $0)" } ?? "1 = 0"
        return try await db.raw(
            """
            SELECT device_id, rental_id, action, by_name, note, at FROM rental_device_events WHERE \(filter)
            ORDER BY at DESC LIMIT \(bind: limit)
            """
        ).all().map { try $0.decode(model: Event.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    // MARK: rentals

    struct Rental: Content, Sendable {
        let id: UUID
        let pointId: UUID
        let pointName: String
        let operatorName: String
        let region: String
        let personId: UUID
        let personName: String
        let idMasked: String
        let kind: String
        let deviceId: UUID?
        let serial: String?
        let status: String
        let months: Int
        let subsidyRule: String?
        let depositFen: Int64
        let requestedOn: String
        let requestedBy: String
        let deliveredOn: String?
        let deliveredBy: String?
        let endsOn: String?
        let returnedOn: String?
        let returnedBy: String?
        let note: String?
        let version: Int
    }

    struct NewRental: Sendable {
        let id: UUID
        let point: Point
        let person: UUID
        let kind: RentalDeviceKind
        let device: UUID
        let months: Int
        let rule: RentalSubsidyRule?
        let deposit: Fen
        let requestedOn: CivilDate
        let requestedBy: String
        let note: String?
    }

    func insertRental(_ r: NewRental, at now: Date) async throws {
        try await db.insert(into: "rentals")
            .columns(
                "id", "point_id", "region", "person_id", "kind", "device_id", "status", "months", "subsidy_rule",
                "deposit_fen", "requested_on", "requested_by", "note", "version", "created_at"
            )
            .values(
                SQLBind(r.id), SQLBind(r.point.id), SQLBind(r.point.region), SQLBind(r.person),
                SQLBind(r.kind.rawValue), SQLBind(r.device), SQLBind(RentalStatus.requested.rawValue),
                SQLBind(r.months), SQLBind(r.rule?.rawValue), SQLBind(r.deposit.value),
                SQLBind(r.requestedOn.description), SQLBind(r.requestedBy), SQLBind(r.note), SQLBind(1), SQLBind(now)
            )
            .run()
    }

    private static let rentalSelect: SQLQueryString = """
        SELECT r.id, r.point_id, pt.name AS point_name, pt.operator_name, r.region, r.person_id, p.name AS person_name,
          p.id_masked, r.kind, r.device_id, d.serial, r.status, r.months, r.subsidy_rule, r.deposit_fen, r.requested_on,
          r.requested_by, r.delivered_on, r.delivered_by, r.ends_on, r.returned_on, r.returned_by, r.note, r.version
        FROM rentals r JOIN rental_points pt ON pt.id = r.point_id JOIN persons p ON p.id = r.person_id
        LEFT JOIN rental_devices d ON d.id = r.device_id
        """

    private static func rental(_ row: SQLRow) throws -> Rental {
        try row.decode(model: Rental.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    func rental(_ id: UUID, within scope: RegionScope) async throws -> Rental? {
        try await db.raw("\(Self.rentalSelect) WHERE r.id = \(bind: id) AND \(scope.condition("r.region"))").first()
            .map(Self.rental)
    }

    /// The rentals of a region, those not finished first, the newest first; of one point when given.
    func rentals(within scope: RegionScope, point: UUID? = nil, page: PageRequest) async throws -> Page<Rental> {
        let filter: SQLQueryString = point.map { " AND r.point_id = \(bind: $0)" } ?? ""
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM rentals r WHERE \(scope.condition("r.region"))\(filter)")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw(
            """
            \(Self.rentalSelect) WHERE \(scope.condition("r.region"))\(filter)
            ORDER BY CASE WHEN r.status IN ('requested', 'delivered') THEN 0 ELSE 1 END, r.requested_on DESC, r.id
            LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        return Page(items: try rows.map(Self.rental), total: total, page: page.page, perPage: page.perPage)
    }

    /// The rentals delivered on or before `day` (those a month's settlement may charge).
    func delivered(within scope: RegionScope, onOrBefore day: CivilDate) async throws -> [Rental] {
        try await db.raw(
            """
            \(Self.rentalSelect) WHERE \(scope.condition("r.region")) AND r.delivered_on IS NOT NULL
              AND r.delivered_on <= \(bind: day.description)
            ORDER BY r.point_id, r.delivered_on, r.id
            """
        ).all().map(Self.rental)
    }

    /// Delivery: a requested rental becomes delivered, from `on` to the end.
    func deliver(_ id: UUID, version: Int, on day: CivilDate, endsOn: CivilDate, by name: String) async throws -> Bool {
        try await db.raw(
            """
            UPDATE rentals SET status = 'delivered', delivered_on = \(bind: day.description),
              ends_on = \(bind: endsOn.description), delivered_by = \(bind: name), version = version + 1
            WHERE id = \(bind: id) AND version = \(bind: version) AND status = 'requested' RETURNING id
            """
        ).first() != nil
    }

    /// The return (`returned`), the cancellation of a request (`cancelled`) or a loss (`lost`).
    func finish(
        _ id: UUID, version: Int, from: RentalStatus, to: RentalStatus, on day: CivilDate, by name: String
    ) async throws -> Bool {
        try await db.raw(
            """
            UPDATE rentals SET status = \(bind: to.rawValue), returned_on = \(bind: day.description),
              returned_by = \(bind: name), version = version + 1
            WHERE id = \(bind: id) AND version = \(bind: version) AND status = \(bind: from.rawValue) RETURNING id
            """
        ).first() != nil
    }

    // MARK: eligibility

    /// What the registry says of a person in `month`: dibao (the household's or their own),
    /// tekun, a disability certificate on record, the age at the month's last day.
    func facts(person: UUID, month: YearMonth) async throws -> RentalEligibilityFacts? {
        let m = month.description
        guard
            let r = try await db.raw(
                """
                SELECT p.birth_date,
                  CASE WHEN EXISTS (SELECT 1 FROM enrollments e WHERE ((e.household_id = p.household_id
                    AND e.item_code = \(bind: AssistanceItemCode.dibao.rawValue)) OR (e.person_id = p.id
                    AND e.item_code = \(bind: AssistanceItemCode.individualDibao.rawValue))) AND \(DisabilitySubsidyStore.inForce(m)))
                    THEN 1 ELSE 0 END AS dibao,
                  CASE WHEN EXISTS (SELECT 1 FROM enrollments e WHERE (e.person_id = p.id OR (e.person_id IS NULL
                    AND e.household_id = p.household_id)) AND e.item_code = \(bind: AssistanceItemCode.tekun.rawValue)
                    AND \(DisabilitySubsidyStore.inForce(m))) THEN 1 ELSE 0 END AS tekun,
                  CASE WHEN EXISTS (SELECT 1 FROM disability_certificates c WHERE c.person_id = p.id
                    AND c.certified_on <= \(bind: month.lastDay.description)) THEN 1 ELSE 0 END AS certificate
                FROM persons p WHERE p.id = \(bind: person)
                """
            ).first()
        else { return nil }
        let birth = CivilDate(try r.decode(column: "birth_date", as: String.self))
        return RentalEligibilityFacts(
            dibao: try r.decode(column: "dibao", as: Int.self) == 1,
            tekun: try r.decode(column: "tekun", as: Int.self) == 1,
            disabilityCertificate: try r.decode(column: "certificate", as: Int.self) == 1,
            age: birth.map { $0.age(on: month.lastDay) } ?? 0)
    }
}
