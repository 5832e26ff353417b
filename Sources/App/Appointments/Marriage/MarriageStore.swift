import Foundation
import MinzhengCore
import SQLKit

/// The only code that names the marriage registry's tables: marriage and divorce records,
/// their parties (ID numbers sealed, blind-indexed), certificates, divorce applications, and
/// the marital status it writes on the registry's persons.
struct MarriageStore {
    let db: SQLDatabase

    struct Party: Sendable {
        let index: String
        let cipher: String
        let personID: UUID?
    }

    func insertRecord(
        id: UUID, kind: String, office: BookingResource, on day: CivilDate, booking: UUID?, marriage: UUID?,
        parties: [Party], married: Bool, by user: UUID, at now: Date
    ) async throws {
        try await db.insert(into: "marriage_records")
            .columns(
                "id", "kind", "office_id", "region", "registered_on", "state", "booking_id", "marriage_id",
                "created_by",
                "created_at"
            )
            .values(
                SQLBind(id), SQLBind(kind), SQLBind(office.id), SQLBind(office.region), SQLBind(day.description),
                SQLBind("valid"), SQLBind(booking), SQLBind(marriage), SQLBind(user), SQLBind(now)
            ).run()
        for (position, party) in parties.enumerated() {
            try await db.insert(into: "marriage_parties")
                .columns("id", "record_id", "position", "id_index", "id_cipher", "person_id", "married")
                .values(
                    SQLBind(UUID()), SQLBind(id), SQLBind(position), SQLBind(party.index), SQLBind(party.cipher),
                    SQLBind(party.personID), SQLBind(married)
                ).run()
        }
    }

    /// Which of `indexes` are married on record now.
    func married(indexes: [String]) async throws -> Set<String> {
        guard !indexes.isEmpty else { return [] }
        return Set(
            try await db.raw(
                """
                SELECT id_index FROM marriage_parties
                WHERE married AND id_index IN (\(SQLList(indexes.map { SQLBind($0) })))
                """
            ).all().map { try $0.decode(column: "id_index", as: String.self) })
    }

    /// Ends a marriage: its parties are no longer married and the record is dissolved.
    func dissolve(_ marriage: UUID) async throws {
        try await db.raw("UPDATE marriage_parties SET married = \(bind: false) WHERE record_id = \(bind: marriage)")
            .run()
        try await db.raw("UPDATE marriage_records SET state = 'dissolved' WHERE id = \(bind: marriage)").run()
    }

    /// The next free serial of a certificate number prefix (an office's year and kind).
    func nextSerial(prefix: String) async throws -> Int {
        let rows = try await db.raw(
            "SELECT number FROM marriage_certificates WHERE number LIKE \(bind: prefix + "%")"
        ).all()
        let serials = try rows.compactMap {
            Int(try $0.decode(column: "number", as: String.self).dropFirst(prefix.count))
        }
        return (serials.max() ?? 0) + 1
    }

    func insertCertificate(
        record: UUID, position: Int, kind: CertificateKind, number: String, on day: CivilDate
    ) async throws {
        try await db.insert(into: "marriage_certificates")
            .columns("id", "record_id", "position", "kind", "number", "issued_on")
            .values(
                SQLBind(UUID()), SQLBind(record), SQLBind(position), SQLBind(kind.rawValue), SQLBind(number),
                SQLBind(day.description)
            ).run()
    }

    /// Marks the party's certificate in use as replaced on `day`; false when none is in use.
    func replaceCertificate(record: UUID, position: Int, on day: CivilDate) async throws -> CertificateKind? {
        try await db.raw(
            """
            UPDATE marriage_certificates SET replaced_on = \(bind: day.description)
            WHERE record_id = \(bind: record) AND position = \(bind: position) AND replaced_on IS NULL RETURNING kind
            """
        ).first().flatMap { CertificateKind(rawValue: try $0.decode(column: "kind", as: String.self)) }
    }

    func setMaritalStatus(_ status: String, persons: [UUID]) async throws {
        guard !persons.isEmpty else { return }
        try await db.raw(
            """
            UPDATE persons SET marital_status = \(bind: status)
            WHERE id IN (\(SQLList(persons.map { SQLBind($0) })))
            """
        ).run()
    }

    private static let recordColumns: SQLQueryString = """
        m.id, m.kind, m.office_id, o.name AS office_name, m.region, m.registered_on, m.state, m.booking_id, m.marriage_id
        """

    func record(_ id: UUID) async throws -> MarriageRecordRow? {
        try await records(where: "m.id = \(bind: id)").first
    }

    /// The records naming a person (by the blind indexes of their ID number), latest first.
    func records(of indexes: [String]) async throws -> [MarriageRecordRow] {
        guard !indexes.isEmpty else { return [] }
        return try await records(
            where: """
                m.id IN (SELECT record_id FROM marriage_parties
                WHERE id_index IN (\(SQLList(indexes.map { SQLBind($0) }))))
                """)
    }

    /// A region's latest records (the registrar's page).
    func records(region: String, limit: Int) async throws -> [MarriageRecordRow] {
        try await records(where: "m.region LIKE \(bind: region + "%")", limit: limit)
    }

    func record(certificate number: String) async throws -> MarriageRecordRow? {
        try await records(where: "m.id IN (SELECT record_id FROM marriage_certificates WHERE number = \(bind: number))")
            .first
    }

    private func records(where condition: SQLQueryString, limit: Int = 100) async throws -> [MarriageRecordRow] {
        try await db.raw(
            """
            SELECT \(Self.recordColumns) FROM marriage_records m JOIN booking_resources o ON o.id = m.office_id
            WHERE \(condition) ORDER BY m.registered_on DESC, m.created_at DESC LIMIT \(bind: limit)
            """
        ).all().map(MarriageRecordRow.init)
    }

    func parties(of record: UUID) async throws -> [Party] {
        try await db.raw(
            "SELECT id_index, id_cipher, person_id FROM marriage_parties WHERE record_id = \(bind: record) ORDER BY position"
        ).all().map {
            Party(
                index: try $0.decode(column: "id_index", as: String.self),
                cipher: try $0.decode(column: "id_cipher", as: String.self),
                personID: try $0.decode(column: "person_id", as: UUID?.self))
        }
    }

    func certificates(of record: UUID) async throws -> [CertificateView] {
        try await db.raw(
            """
            SELECT position, kind, number, issued_on, replaced_on FROM marriage_certificates
            WHERE record_id = \(bind: record) ORDER BY position, issued_on, number
            """
        ).all().map(CertificateView.init)
    }

    // MARK: Divorce applications

    func insertApplication(
        id: UUID, marriage: UUID, office: BookingResource, on day: CivilDate, at now: Date
    )
        async throws
    {
        try await db.insert(into: "divorce_applications")
            .columns(
                "id", "marriage_id", "office_id", "region", "received_on", "state", "created_at", "changed_at"
            )
            .values(
                SQLBind(id), SQLBind(marriage), SQLBind(office.id), SQLBind(office.region), SQLBind(day.description),
                SQLBind(DivorceState.pending.rawValue), SQLBind(now), SQLBind(now)
            ).run()
    }

    /// Moves a pending application to `state`; false when it was no longer pending.
    func settleApplication(
        _ id: UUID, as state: DivorceState, divorce: UUID? = nil, at now: Date
    ) async throws
        -> Bool
    {
        try await db.raw(
            """
            UPDATE divorce_applications SET state = \(bind: state.rawValue), divorce_id = \(bind: divorce),
            changed_at = \(bind: now) WHERE id = \(bind: id) AND state = 'pending' RETURNING id
            """
        ).first() != nil
    }

    private static let applicationColumns: SQLQueryString = """
        a.id, a.marriage_id, a.office_id, o.name AS office_name, a.region, a.received_on, a.state, a.divorce_id
        """

    func application(_ id: UUID) async throws -> DivorceApplicationRow? {
        try await applications(where: "a.id = \(bind: id)").first
    }

    func applications(marriage: UUID) async throws -> [DivorceApplicationRow] {
        try await applications(where: "a.marriage_id = \(bind: marriage)")
    }

    func applications(region: String, state: DivorceState) async throws -> [DivorceApplicationRow] {
        try await applications(
            where: "a.region LIKE \(bind: region + "%") AND a.state = \(bind: state.rawValue)")
    }

    private func applications(where condition: SQLQueryString) async throws -> [DivorceApplicationRow] {
        try await db.raw(
            """
            SELECT \(Self.applicationColumns) FROM divorce_applications a JOIN booking_resources o ON o.id = a.office_id
            WHERE \(condition) ORDER BY a.received_on DESC LIMIT 200
            """
        ).all().map(DivorceApplicationRow.init)
    }
}

struct MarriageRecordRow: Sendable {
    let id: UUID
    let kind: String
    let officeID: UUID
    let officeName: String
    let region: String
    let registeredOn: CivilDate
    let state: String
    let bookingID: UUID?
    let marriageID: UUID?

    init(row: SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        kind = try row.decode(column: "kind", as: String.self)
        officeID = try row.decode(column: "office_id", as: UUID.self)
        officeName = try row.decode(column: "office_name", as: String.self)
        region = try row.decode(column: "region", as: String.self)
        registeredOn =
            CivilDate(try row.decode(column: "registered_on", as: String.self)) ?? CivilDate(daysSinceEpoch: 0)
        state = try row.decode(column: "state", as: String.self)
        bookingID = try row.decode(column: "booking_id", as: UUID?.self)
        marriageID = try row.decode(column: "marriage_id", as: UUID?.self)
    }
}

struct DivorceApplicationRow: Sendable {
    let id: UUID
    let marriageID: UUID
    let officeID: UUID
    let officeName: String
    let region: String
    let received: CivilDate
    let state: DivorceState
    let divorceID: UUID?

    init(row: SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        marriageID = try row.decode(column: "marriage_id", as: UUID.self)
        officeID = try row.decode(column: "office_id", as: UUID.self)
        officeName = try row.decode(column: "office_name", as: String.self)
        region = try row.decode(column: "region", as: String.self)
        received = CivilDate(try row.decode(column: "received_on", as: String.self)) ?? CivilDate(daysSinceEpoch: 0)
        state = DivorceState(rawValue: try row.decode(column: "state", as: String.self)) ?? .lapsed
        divorceID = try row.decode(column: "divorce_id", as: UUID?.self)
    }
}
