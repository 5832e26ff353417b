import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// A case as the station's lists show it: the ID number masked, nothing of health, and whether
/// the 24-hour notice is overdue.
struct StationCaseSummary: Content, Sendable {
    let id: UUID
    let region: String
    let name: String?
    let sex: String?
    let estimatedAge: Int?
    let foundBy: String
    let foundByName: String
    let foundPlaceText: String?
    let intakeAt: Date
    let intakeDay: String
    let idMasked: String?
    let status: String
    let statusName: String
    let noticeId: UUID?
    let noticeStatus: String?
    /// 公告超时: unidentified, still in the stay, no notice, and the deadline passed.
    let noticeOverdue: Bool
    let version: Int
}

/// What the case keeps sealed (`private_cipher`): never in a list, a notice or the audit trail.
struct StationPrivate: Codable, Sendable, Equatable {
    var idNumber: String?
    var health: String?
    var mentalState: String?
    var intellect: String?
}

/// The SQL of the station's casework (`CreateStationCases`): cases, the stay's entries, the
/// checklist, the photos. Reads take the region scope and filter inside the query.
struct StationStore {
    let db: SQLDatabase

    struct Row: Sendable {
        var id: UUID
        var region: String
        var name: String?
        var sex: String?
        var estimatedAge: Int?
        var heightCm: Int?
        var build: String?
        var dialect: String?
        var features: String?
        var clothing: String?
        var belongings: String?
        var foundBy: StationFoundBy
        var foundPlace: String?
        var foundPlaceText: String?
        var foundAt: Date
        var intakeAt: Date
        var idMasked: String?
        var privateCipher: String
        var status: StationCaseStatus
        var outcomeOn: String?
        var escort: String?
        var destination: String?
        var relative: String?
        var institution: String?
        var outcomeNote: String?
        var createdBy: String
        var version: Int
        var noticeId: UUID?
        var noticeStatus: String?
    }

    private static let columns = """
        c.id, c.region, c.name, c.sex, c.estimated_age, c.height_cm, c.build, c.dialect, c.features, c.clothing, \
        c.belongings, c.found_by, c.found_place, c.found_place_text, c.found_at, c.intake_at, c.id_masked, \
        c.private_cipher, c.status, c.outcome_on, c.escort, c.destination, c.relative, c.institution, c.outcome_note, \
        c.created_by, c.version, n.id AS notice_id, n.status AS notice_status
        """
    /// The case's notice (at most one: the service refuses a second).
    private static let from = """
        station_cases c LEFT JOIN family_search_notices n ON n.case_id = c.id
        """

    private static func row(_ r: SQLRow) throws -> Row {
        Row(
            id: try r.decode(column: "id", as: UUID.self), region: try r.decode(column: "region", as: String.self),
            name: try r.decode(column: "name", as: String?.self), sex: try r.decode(column: "sex", as: String?.self),
            estimatedAge: try r.decode(column: "estimated_age", as: Int?.self),
            heightCm: try r.decode(column: "height_cm", as: Int?.self),
            build: try r.decode(column: "build", as: String?.self),
            dialect: try r.decode(column: "dialect", as: String?.self),
            features: try r.decode(column: "features", as: String?.self),
            clothing: try r.decode(column: "clothing", as: String?.self),
            belongings: try r.decode(column: "belongings", as: String?.self),
            foundBy: StationFoundBy(rawValue: try r.decode(column: "found_by", as: String.self)) ?? .other,
            foundPlace: try r.decode(column: "found_place", as: String?.self),
            foundPlaceText: try r.decode(column: "found_place_text", as: String?.self),
            foundAt: try r.decode(column: "found_at", as: Date.self),
            intakeAt: try r.decode(column: "intake_at", as: Date.self),
            idMasked: try r.decode(column: "id_masked", as: String?.self),
            privateCipher: try r.decode(column: "private_cipher", as: String.self),
            status: StationCaseStatus(rawValue: try r.decode(column: "status", as: String.self)) ?? .inStay,
            outcomeOn: try r.decode(column: "outcome_on", as: String?.self),
            escort: try r.decode(column: "escort", as: String?.self),
            destination: try r.decode(column: "destination", as: String?.self),
            relative: try r.decode(column: "relative", as: String?.self),
            institution: try r.decode(column: "institution", as: String?.self),
            outcomeNote: try r.decode(column: "outcome_note", as: String?.self),
            createdBy: try r.decode(column: "created_by", as: String.self),
            version: try r.decode(column: "version", as: Int.self),
            noticeId: try r.decode(column: "notice_id", as: UUID?.self),
            noticeStatus: try r.decode(column: "notice_status", as: String?.self))
    }

    enum Filter: String, CaseIterable, Sendable {
        case inStay, closed, overdue

        var chinese: String {
            switch self {
            case .inStay: "在站"
            case .closed: "已离站"
            case .overdue: "公告超时"
            }
        }
    }

    private static let openStatuses: SQLQueryString = "('inStay', 'longTermStay')"

    /// The cases of the scope, newest intake first; `overdue` those whose notice is late at `now`
    /// (intake before `cutoff`, no ID number, no notice, still in the stay).
    func list(
        within scope: RegionScope, filter: Filter?, cutoff: Date, page: PageRequest
    ) async throws -> (items: [Row], total: Int, page: PageRequest) {
        var cond: SQLQueryString = "\(scope.condition("c.region"))"
        switch filter {
        case .inStay?: cond = cond + " AND c.status IN \(Self.openStatuses)"
        case .closed?: cond = cond + " AND c.status NOT IN \(Self.openStatuses)"
        case .overdue?:
            cond =
                cond
                + " AND c.status IN \(Self.openStatuses) AND c.id_masked IS NULL AND n.id IS NULL AND c.intake_at < \(bind: cutoff)"
        case nil: break
        }
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: Self.from) WHERE \(cond)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let page = page.clamped(total: total)
        let rows = try await db.raw(
            """
            SELECT \(unsafeRaw: Self.columns) FROM \(unsafeRaw: Self.from) WHERE \(cond)
            ORDER BY c.intake_at DESC, c.id LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all().map(Self.row)
        return (rows, total, page)
    }

    func find(_ id: UUID, within scope: RegionScope) async throws -> Row? {
        try await db.raw(
            """
            SELECT \(unsafeRaw: Self.columns) FROM \(unsafeRaw: Self.from)
            WHERE c.id = \(bind: id) AND \(scope.condition("c.region"))
            """
        ).first().map(Self.row)
    }

    func insert(_ r: Row, at now: Date) async throws {
        try await db.raw(
            """
            INSERT INTO station_cases (id, region, name, sex, estimated_age, height_cm, build, dialect, features,
              clothing, belongings, found_by, found_place, found_place_text, found_at, intake_at, id_masked,
              private_cipher, status, created_by, version, created_at, updated_at)
            VALUES (\(bind: r.id), \(bind: r.region), \(bind: r.name), \(bind: r.sex), \(bind: r.estimatedAge),
              \(bind: r.heightCm), \(bind: r.build), \(bind: r.dialect), \(bind: r.features), \(bind: r.clothing),
              \(bind: r.belongings), \(bind: r.foundBy.rawValue), \(bind: r.foundPlace), \(bind: r.foundPlaceText),
              \(bind: r.foundAt), \(bind: r.intakeAt), \(bind: r.idMasked), \(bind: r.privateCipher),
              \(bind: r.status.rawValue), \(bind: r.createdBy), 1, \(bind: now), \(bind: now))
            """
        ).run()
    }

    /// Records the outcome if `version` is still the case's; false when it moved.
    func outcome(
        _ id: UUID, version: Int, status: StationCaseStatus, _ f: StationCaseStatus.OutcomeFields, on day: CivilDate?,
        note: String?, at now: Date
    ) async throws -> Bool {
        try await db.raw(
            """
            UPDATE station_cases SET status = \(bind: status.rawValue),
              outcome_on = COALESCE(\(bind: day?.description), outcome_on),
              escort = COALESCE(\(bind: f.escort), escort), destination = COALESCE(\(bind: f.destination), destination),
              relative = COALESCE(\(bind: f.relative), relative),
              institution = COALESCE(\(bind: f.institution), institution),
              outcome_note = COALESCE(\(bind: note), outcome_note), version = version + 1, updated_at = \(bind: now)
            WHERE id = \(bind: id) AND version = \(bind: version) RETURNING id
            """
        ).first() != nil
    }

    struct Entry: Content, Sendable {
        let id: UUID
        let kind: String
        let kindName: String
        let onDay: String
        let text: String
        let recordedBy: String
    }

    func addEntry(
        case id: UUID, kind: StationStayEntryKind, on day: CivilDate, sealed: String, by name: String, at now: Date
    ) async throws {
        try await db.raw(
            """
            INSERT INTO station_case_entries (id, case_id, kind, on_day, text_cipher, recorded_by, created_at)
            VALUES (\(bind: UUID()), \(bind: id), \(bind: kind.rawValue), \(bind: day.description), \(bind: sealed),
              \(bind: name), \(bind: now))
            """
        ).run()
    }

    /// The stay's entries, by day then as written; `open` unseals each text.
    func entries(case id: UUID, open: (String) throws -> String) async throws -> [Entry] {
        try await db.raw(
            """
            SELECT id, kind, on_day, text_cipher, recorded_by FROM station_case_entries WHERE case_id = \(bind: id)
            ORDER BY on_day, created_at, id
            """
        ).all().map { r in
            let kind = StationStayEntryKind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .bed
            return Entry(
                id: try r.decode(column: "id", as: UUID.self), kind: kind.rawValue, kindName: kind.chinese,
                onDay: try r.decode(column: "on_day", as: String.self),
                text: try open(try r.decode(column: "text_cipher", as: String.self)),
                recordedBy: try r.decode(column: "recorded_by", as: String.self))
        }
    }

    struct Tick: Sendable {
        let check: StationCheck
        let note: String?
        let doneBy: String
        let doneAt: Date
    }

    /// Ticks a check once; false when it was already ticked.
    func tick(case id: UUID, _ check: StationCheck, note: String?, by name: String, at now: Date) async throws -> Bool {
        try await db.raw(
            """
            INSERT INTO station_case_checks (case_id, check_code, note, done_by, done_at)
            VALUES (\(bind: id), \(bind: check.rawValue), \(bind: note), \(bind: name), \(bind: now))
            ON CONFLICT (case_id, check_code) DO NOTHING RETURNING case_id
            """
        ).first() != nil
    }

    func ticks(case id: UUID) async throws -> [Tick] {
        try await db.raw(
            "SELECT check_code, note, done_by, done_at FROM station_case_checks WHERE case_id = \(bind: id)"
        ).all().compactMap { r in
            guard let check = StationCheck(rawValue: try r.decode(column: "check_code", as: String.self)) else {
                return nil
            }
            return Tick(
                check: check, note: try r.decode(column: "note", as: String?.self),
                doneBy: try r.decode(column: "done_by", as: String.self),
                doneAt: try r.decode(column: "done_at", as: Date.self))
        }
    }

    struct Photo: Content, Sendable {
        let id: UUID
        let fileName: String
        let contentType: String
        let size: Int
        let isFace: Bool
        let uploadedBy: String
        let createdAt: Date
    }

    func addPhoto(
        _ file: StoredUpload, id: UUID, case caseID: UUID, face: Bool, by name: String, at now: Date
    )
        async throws
    {
        if face { try await clearFace(case: caseID) }
        try await db.raw(
            """
            INSERT INTO station_case_photos (id, case_id, file_name, content_type, size, sha256, is_face, uploaded_by,
              created_at)
            VALUES (\(bind: id), \(bind: caseID), \(bind: file.fileName), \(bind: file.kind.mimeType),
              \(bind: file.size), \(bind: file.sha256), \(bind: face), \(bind: name), \(bind: now))
            """
        ).run()
    }

    private func clearFace(case caseID: UUID) async throws {
        try await db.raw("UPDATE station_case_photos SET is_face = \(bind: false) WHERE case_id = \(bind: caseID)")
            .run()
    }

    /// Marks `photo` as the notice's face photo (the others not); false when it is not the case's.
    func markFace(_ photo: UUID, case caseID: UUID) async throws -> Bool {
        guard
            try await db.raw(
                "SELECT id FROM station_case_photos WHERE id = \(bind: photo) AND case_id = \(bind: caseID)"
            ).first() != nil
        else { return false }
        try await clearFace(case: caseID)
        try await db.raw("UPDATE station_case_photos SET is_face = \(bind: true) WHERE id = \(bind: photo)").run()
        return true
    }

    func photos(case id: UUID) async throws -> [Photo] {
        try await db.raw(
            """
            SELECT id, file_name, content_type, size, is_face, uploaded_by, created_at FROM station_case_photos
            WHERE case_id = \(bind: id) ORDER BY created_at, id
            """
        ).all().map { r in
            Photo(
                id: try r.decode(column: "id", as: UUID.self),
                fileName: try r.decode(column: "file_name", as: String.self),
                contentType: try r.decode(column: "content_type", as: String.self),
                size: try r.decode(column: "size", as: Int.self),
                isFace: try r.decode(column: "is_face", as: Bool.self),
                uploadedBy: try r.decode(column: "uploaded_by", as: String.self),
                createdAt: try r.decode(column: "created_at", as: Date.self))
        }
    }

    /// The face photo of the case a published notice came from (nil otherwise): the one photo
    /// the public may see, and only while the notice is up.
    func publishedFace(notice: UUID) async throws -> (caseID: UUID, photo: Photo)? {
        guard
            let r = try await db.raw(
                """
                SELECT p.case_id, p.id FROM family_search_notices n JOIN station_case_photos p ON p.case_id = n.case_id
                WHERE n.id = \(bind: notice) AND n.status = 'published' AND p.is_face = \(bind: true)
                """
            ).first()
        else { return nil }
        let caseID = try r.decode(column: "case_id", as: UUID.self)
        let id = try r.decode(column: "id", as: UUID.self)
        guard let photo = try await photos(case: caseID).first(where: { $0.id == id }) else { return nil }
        return (caseID, photo)
    }
}
