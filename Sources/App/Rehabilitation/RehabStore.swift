import Foundation
import MinzhengCore
import SQLKit

/// The SQL of `rehab_stations`, `rehab_patients`, `rehab_attendance` and `rehab_services`.
struct RehabStore {
    let db: SQLDatabase

    struct StationRow: Decodable, Sendable {
        let id: UUID
        let name: String
        let region: String
        let address: String
        let operatorKind: String
        let operatorName: String
        let openedOn: String
        /// The codes of the equipment present, comma-separated.
        let equipment: String
        let version: Int
    }

    struct PatientRow: Decodable, Sendable {
        let id: UUID
        let stationId: UUID
        let personId: UUID
        let region: String
        let enrolledOn: String
        let leftOn: String?
        let leaveReason: String?
        let detailsCipher: String
        let enrolledBy: String
        let version: Int
    }

    struct ServiceRow: Decodable, Sendable {
        let id: UUID
        let servedOn: String
        let party: String
        let kind: String
        let noteCipher: String?
        let byName: String
    }

    /// A month's counts of one station.
    struct Counts: Sendable {
        var patients = 0
        var newPatients = 0
        var attendances = 0
        var services: [String: Int] = [:]
    }

    // MARK: Stations

    func insertStation(_ row: StationRow, at now: Date) async throws {
        try await db.insert(into: "rehab_stations")
            .columns(
                "id", "name", "region", "address", "operator_kind", "operator_name", "opened_on", "equipment",
                "version",
                "created_at", "updated_at"
            )
            .values(
                SQLBind(row.id), SQLBind(row.name), SQLBind(row.region), SQLBind(row.address),
                SQLBind(row.operatorKind), SQLBind(row.operatorName), SQLBind(row.openedOn), SQLBind(row.equipment),
                SQLBind(row.version), SQLBind(now), SQLBind(now)
            )
            .run()
    }

    func stationNameTaken(_ name: String) async throws -> Bool {
        try await db.raw("SELECT id FROM rehab_stations WHERE name = \(bind: name)").first() != nil
    }

    func station(_ id: UUID, within scope: RegionScope) async throws -> StationRow? {
        try await db.raw("SELECT * FROM rehab_stations WHERE id = \(bind: id) AND \(scope.condition("region"))")
            .first().map { try $0.decode(model: StationRow.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// The stations of a region, by region and name.
    func stations(within scope: RegionScope) async throws -> [StationRow] {
        try await db.raw("SELECT * FROM rehab_stations WHERE \(scope.condition("region")) ORDER BY region, name")
            .all().map { try $0.decode(model: StationRow.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// Sets the equipment present; false when the version moved.
    func saveEquipment(_ id: UUID, equipment: String, version: Int, at now: Date) async throws -> Bool {
        !(try await db.raw(
            """
            UPDATE rehab_stations SET equipment = \(bind: equipment), version = version + 1, updated_at = \(bind: now)
            WHERE id = \(bind: id) AND version = \(bind: version) RETURNING id
            """
        ).all().isEmpty)
    }

    // MARK: Patients

    func insertPatient(_ row: PatientRow, at now: Date) async throws {
        try await db.insert(into: "rehab_patients")
            .columns(
                "id", "station_id", "person_id", "region", "enrolled_on", "left_on", "leave_reason", "details_cipher",
                "enrolled_by", "version", "created_at", "updated_at"
            )
            .values(
                SQLBind(row.id), SQLBind(row.stationId), SQLBind(row.personId), SQLBind(row.region),
                SQLBind(row.enrolledOn), SQLBind(row.leftOn), SQLBind(row.leaveReason), SQLBind(row.detailsCipher),
                SQLBind(row.enrolledBy), SQLBind(row.version), SQLBind(now), SQLBind(now)
            )
            .run()
    }

    /// The open enrolment of a person, at any station.
    func openEnrolment(person: UUID) async throws -> UUID? {
        try await db.raw("SELECT id FROM rehab_patients WHERE person_id = \(bind: person) AND left_on IS NULL")
            .first()?.decode(column: "id", as: UUID.self)
    }

    func patient(_ id: UUID, within scope: RegionScope) async throws -> PatientRow? {
        try await db.raw("SELECT * FROM rehab_patients WHERE id = \(bind: id) AND \(scope.condition("region"))")
            .first().map { try $0.decode(model: PatientRow.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// A station's patients with their names: the open enrolments first, then by enrolment.
    func patients(station: UUID, open: Bool) async throws -> [(row: PatientRow, name: String)] {
        try await db.raw(
            """
            SELECT r.*, p.name AS person_name FROM rehab_patients r JOIN persons p ON p.id = r.person_id
            WHERE r.station_id = \(bind: station) AND \(unsafeRaw: open ? "r.left_on IS NULL" : "r.left_on IS NOT NULL")
            ORDER BY r.enrolled_on DESC, p.name
            """
        ).all().map {
            (
                try $0.decode(model: PatientRow.self, keyDecodingStrategy: .convertFromSnakeCase),
                try $0.decode(column: "person_name", as: String.self)
            )
        }
    }

    /// Ends an open enrolment; false when it is not open or the version moved.
    func leave(_ id: UUID, on day: String, reason: String, version: Int, at now: Date) async throws -> Bool {
        !(try await db.raw(
            """
            UPDATE rehab_patients SET left_on = \(bind: day), leave_reason = \(bind: reason), version = version + 1,
            updated_at = \(bind: now)
            WHERE id = \(bind: id) AND left_on IS NULL AND version = \(bind: version) RETURNING id
            """
        ).all().isEmpty)
    }

    // MARK: Attendance and services

    /// Marks a patient present on a day; false when already marked.
    func attend(patient: UUID, station: UUID, day: String, at now: Date) async throws -> Bool {
        guard
            try await db.raw(
                "SELECT id FROM rehab_attendance WHERE patient_id = \(bind: patient) AND day = \(bind: day)"
            ).first() == nil
        else { return false }
        try await db.insert(into: "rehab_attendance").columns("id", "patient_id", "station_id", "day", "created_at")
            .values(SQLBind(UUID()), SQLBind(patient), SQLBind(station), SQLBind(day), SQLBind(now)).run()
        return true
    }

    /// The days a patient attended, newest first.
    func attendance(patient: UUID, limit: Int) async throws -> [String] {
        try await db.raw(
            """
            SELECT day FROM rehab_attendance WHERE patient_id = \(bind: patient) ORDER BY day DESC LIMIT \(bind: limit)
            """
        ).all().map { try $0.decode(column: "day", as: String.self) }
    }

    /// The patients of a station present on a day.
    func present(station: UUID, day: String) async throws -> Set<UUID> {
        Set(
            try await db.raw(
                "SELECT patient_id FROM rehab_attendance WHERE station_id = \(bind: station) AND day = \(bind: day)"
            ).all().map { try $0.decode(column: "patient_id", as: UUID.self) })
    }

    func insertService(
        id: UUID, patient: UUID, station: UUID, servedOn: String, party: String, kind: String, noteCipher: String?,
        by: String, at now: Date
    ) async throws {
        try await db.insert(into: "rehab_services")
            .columns(
                "id", "patient_id", "station_id", "served_on", "party", "kind", "note_cipher", "by_name", "created_at"
            )
            .values(
                SQLBind(id), SQLBind(patient), SQLBind(station), SQLBind(servedOn), SQLBind(party), SQLBind(kind),
                SQLBind(noteCipher), SQLBind(by), SQLBind(now)
            )
            .run()
    }

    func services(patient: UUID, limit: Int) async throws -> [ServiceRow] {
        try await db.raw(
            """
            SELECT id, served_on, party, kind, note_cipher, by_name FROM rehab_services
            WHERE patient_id = \(bind: patient) ORDER BY served_on DESC, created_at DESC LIMIT \(bind: limit)
            """
        ).all().map { try $0.decode(model: ServiceRow.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    // MARK: Monthly counts

    /// Each station's counts of the month (`from`…`through`), for the stations of a region.
    func counts(within scope: RegionScope, from: String, through: String) async throws -> [UUID: Counts] {
        var counts: [UUID: Counts] = [:]
        for row in try await db.raw(
            """
            SELECT r.station_id AS s, COUNT(*) AS n,
              SUM(CASE WHEN r.enrolled_on >= \(bind: from) THEN 1 ELSE 0 END) AS fresh
            FROM rehab_patients r JOIN rehab_stations st ON st.id = r.station_id
            WHERE \(scope.condition("st.region")) AND r.enrolled_on <= \(bind: through)
              AND (r.left_on IS NULL OR r.left_on >= \(bind: from))
            GROUP BY r.station_id
            """
        ).all() {
            let id = try row.decode(column: "s", as: UUID.self)
            counts[id, default: Counts()].patients = try row.decode(column: "n", as: Int.self)
            counts[id, default: Counts()].newPatients = try row.decode(column: "fresh", as: Int?.self) ?? 0
        }
        for row in try await db.raw(
            """
            SELECT a.station_id AS s, COUNT(*) AS n FROM rehab_attendance a JOIN rehab_stations st ON st.id = a.station_id
            WHERE \(scope.condition("st.region")) AND a.day >= \(bind: from) AND a.day <= \(bind: through)
            GROUP BY a.station_id
            """
        ).all() {
            counts[try row.decode(column: "s", as: UUID.self), default: Counts()].attendances = try row.decode(
                column: "n", as: Int.self)
        }
        for row in try await db.raw(
            """
            SELECT v.station_id AS s, v.party, COUNT(*) AS n FROM rehab_services v
            JOIN rehab_stations st ON st.id = v.station_id
            WHERE \(scope.condition("st.region")) AND v.served_on >= \(bind: from) AND v.served_on <= \(bind: through)
            GROUP BY v.station_id, v.party
            """
        ).all() {
            counts[try row.decode(column: "s", as: UUID.self), default: Counts()].services[
                try row.decode(column: "party", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }
}
