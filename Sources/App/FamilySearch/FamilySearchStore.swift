import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The only code that names the family-search tables (`CreateFamilySearch`): reports, notices,
/// their blocking keys and the matches.
struct FamilySearchStore {
    let db: SQLDatabase

    enum Side: String { case report, notice }

    /// A family's report as the family and the station see it (the contact masked).
    struct Report: Content, Sendable {
        let id: UUID
        let name: String?
        let nicknames: [String]
        let sex: String?
        let birthDate: String?
        let ageAtLoss: Int?
        let heightCm: Int?
        let dialect: String?
        let homeRegion: String?
        let lostPlace: String?
        let lostPlaceText: String?
        let lostOn: String?
        let features: String?
        let contactName: String
        let contactMasked: String
        let status: String
        let version: Int

        var profile: FamilySearchProfile {
            FamilySearchProfile(
                side: .lost, name: name, nicknames: nicknames, sex: sex.flatMap(Sex.init(rawValue:)),
                birthDate: birthDate.flatMap(CivilDate.init), age: ageAtLoss, heightCm: heightCm, dialect: dialect,
                homeRegion: homeRegion, place: lostPlace, date: lostOn.flatMap(CivilDate.init), features: features)
        }

        init(row: SQLRow) throws {
            id = try row.decode(column: "id", as: UUID.self)
            name = try row.decode(column: "name", as: String?.self)
            let nick = try row.decode(column: "nicknames", as: String.self)
            nicknames = nick.split(separator: "、").map(String.init)
            sex = try row.decode(column: "sex", as: String?.self)
            birthDate = try row.decode(column: "birth_date", as: String?.self)
            ageAtLoss = try row.decode(column: "age_at_loss", as: Int?.self)
            heightCm = try row.decode(column: "height_cm", as: Int?.self)
            dialect = try row.decode(column: "dialect", as: String?.self)
            homeRegion = try row.decode(column: "home_region", as: String?.self)
            lostPlace = try row.decode(column: "lost_place", as: String?.self)
            lostPlaceText = try row.decode(column: "lost_place_text", as: String?.self)
            lostOn = try row.decode(column: "lost_on", as: String?.self)
            features = try row.decode(column: "features", as: String?.self)
            contactName = try row.decode(column: "contact_name", as: String.self)
            contactMasked = try row.decode(column: "contact_masked", as: String.self)
            status = try row.decode(column: "status", as: String.self)
            version = try row.decode(column: "version", as: Int.self)
        }
    }

    /// A notice: only what may be published (FAMILY-SEARCH.md), never an ID number or health.
    struct Notice: Content, Sendable {
        let id: UUID
        let stationRegion: String
        let name: String?
        let sex: String?
        let estimatedAge: Int?
        let heightCm: Int?
        let dialect: String?
        let foundPlace: String?
        let foundPlaceText: String?
        let foundOn: String
        let features: String?
        let clothing: String?
        let status: String

        var profile: FamilySearchProfile {
            FamilySearchProfile(
                side: .found, name: name, sex: sex.flatMap(Sex.init(rawValue:)), age: estimatedAge, heightCm: heightCm,
                dialect: dialect, place: foundPlace, date: CivilDate(foundOn), features: features)
        }

        init(row: SQLRow) throws {
            id = try row.decode(column: "id", as: UUID.self)
            stationRegion = try row.decode(column: "station_region", as: String.self)
            name = try row.decode(column: "name", as: String?.self)
            sex = try row.decode(column: "sex", as: String?.self)
            estimatedAge = try row.decode(column: "estimated_age", as: Int?.self)
            heightCm = try row.decode(column: "height_cm", as: Int?.self)
            dialect = try row.decode(column: "dialect", as: String?.self)
            foundPlace = try row.decode(column: "found_place", as: String?.self)
            foundPlaceText = try row.decode(column: "found_place_text", as: String?.self)
            foundOn = try row.decode(column: "found_on", as: String.self)
            features = try row.decode(column: "features", as: String?.self)
            clothing = try row.decode(column: "clothing", as: String?.self)
            status = try row.decode(column: "status", as: String.self)
        }
    }

    struct Match: Content, Sendable {
        let id: UUID
        let noticeId: UUID
        let reportId: UUID
        let score: Double
        let why: [String]
        let status: String
        let evidence: String?
        let decidedBy: String?
        let reunitedOn: String?
        let version: Int

        init(row: SQLRow) throws {
            id = try row.decode(column: "id", as: UUID.self)
            noticeId = try row.decode(column: "notice_id", as: UUID.self)
            reportId = try row.decode(column: "report_id", as: UUID.self)
            score = try row.decode(column: "score", as: Double.self)
            let whyText = try row.decode(column: "why", as: String.self)
            why = (try? JSONDecoder().decode([String].self, from: Data(whyText.utf8))) ?? []
            status = try row.decode(column: "status", as: String.self)
            evidence = try row.decode(column: "evidence", as: String?.self)
            decidedBy = try row.decode(column: "decided_by", as: String?.self)
            reunitedOn = try row.decode(column: "reunited_on", as: String?.self)
            version = try row.decode(column: "version", as: Int.self)
        }
    }

    static let reportColumns = """
        id, name, nicknames, sex, birth_date, age_at_loss, height_cm, dialect, home_region, lost_place, lost_place_text, \
        lost_on, features, contact_name, contact_masked, status, version
        """
    static let noticeColumns = """
        id, station_region, name, sex, estimated_age, height_cm, dialect, found_place, found_place_text, found_on, \
        features, clothing, status
        """
    static let matchColumns =
        "id, notice_id, report_id, score, why, status, evidence, decided_by, reunited_on, version"

    struct ReportDraft: Sendable {
        var profile: FamilySearchProfile
        var lostPlaceText: String?
        var contactName: String
        var contactCipher: String
        var contactMasked: String
    }

    func insertReport(_ d: ReportDraft, id: UUID, owner: UUID, at now: Date) async throws {
        let p = d.profile
        try await db.insert(into: "family_search_reports")
            .columns(
                "id", "owner_id", "name", "nicknames", "sex", "birth_date", "age_at_loss", "height_cm", "dialect",
                "home_region", "lost_place", "lost_place_text", "lost_on", "features", "contact_name", "contact_cipher",
                "contact_masked", "status", "version", "created_at"
            )
            .values(
                SQLBind(id), SQLBind(owner), SQLBind(p.name), SQLBind(p.nicknames.joined(separator: "、")),
                SQLBind(p.sex?.rawValue), SQLBind(p.birthDate?.description), SQLBind(p.age), SQLBind(p.heightCm),
                SQLBind(p.dialect), SQLBind(p.homeRegion), SQLBind(p.place), SQLBind(d.lostPlaceText),
                SQLBind(p.date?.description), SQLBind(p.features), SQLBind(d.contactName), SQLBind(d.contactCipher),
                SQLBind(d.contactMasked), SQLBind("open"), SQLBind(1), SQLBind(now)
            ).run()
        try await ReceiptStore(db: db).issue(
            .familySearch, record: id, owner: owner, person: nil, region: RegionTable.changzhou.value, at: now)
        let keys = PreparedProfile(p).blockingKeys()
        try await insertKeys(.report, id: id, keys: keys)
        try await raiseVersions(of: keys)
    }

    struct NoticeDraft: Sendable {
        var profile: FamilySearchProfile
        var stationRegion: String
        var foundPlaceText: String?
        var clothing: String?
    }

    func insertNotice(_ d: NoticeDraft, id: UUID, at now: Date) async throws {
        let p = d.profile
        try await db.insert(into: "family_search_notices")
            .columns(
                "id", "station_region", "name", "sex", "estimated_age", "height_cm", "dialect", "found_place",
                "found_place_text", "found_on", "features", "clothing", "status", "published_at", "version"
            )
            .values(
                SQLBind(id), SQLBind(d.stationRegion), SQLBind(p.name), SQLBind(p.sex?.rawValue), SQLBind(p.age),
                SQLBind(p.heightCm), SQLBind(p.dialect), SQLBind(p.place), SQLBind(d.foundPlaceText),
                SQLBind(p.date?.description ?? ""), SQLBind(p.features), SQLBind(d.clothing), SQLBind("published"),
                SQLBind(now), SQLBind(1)
            ).run()
        try await insertKeys(.notice, id: id, keys: PreparedProfile(p).blockingKeys())
    }

    private func insertKeys(_ side: Side, id: UUID, keys: [String]) async throws {
        guard !keys.isEmpty else { return }
        let insert = db.insert(into: "family_search_keys").columns("side", "key", "record_id")
        for key in keys { insert.values(SQLBind(side.rawValue), SQLBind(key), SQLBind(id)) }
        try await insert.run()
    }

    /// Raises the version of each of `keys` (its reports change in this transaction), in the
    /// keys' order: two transactions that raise the same keys then wait, never deadlock.
    private func raiseVersions(of keys: [String]) async throws {
        guard !keys.isEmpty else { return }
        try await db.raw(
            """
            INSERT INTO family_search_block_versions (key, version) VALUES \(Self.list(keys.sorted()) { "(\(bind: $0), 1)" })
            \(unsafeRaw: Self.raiseOnConflict)
            """
        ).run()
    }

    /// A key already numbered moves to the next number.
    private static let raiseOnConflict =
        "ON CONFLICT (key) DO UPDATE SET version = family_search_block_versions.version + 1"

    /// The report keys a query without a name looks up (`o:` a dialect group, `*` nothing to
    /// key on), the broad blocks of thousands each.
    func broadReportKeys() async throws -> [String] {
        try await db.raw(
            """
            SELECT DISTINCT key FROM family_search_keys
            WHERE side = 'report' AND (key LIKE '%|o:%' OR key LIKE '%|*') ORDER BY key
            """
        ).all().map { try $0.decode(column: "key", as: String.self) }
    }

    /// The versions of `keys` that have one (a key never raised is at 0).
    func blockVersions(_ keys: [String]) async throws -> [String: Int64] {
        guard !keys.isEmpty else { return [:] }
        let rows = try await db.raw(
            "SELECT key, version FROM family_search_block_versions WHERE key IN (\(Self.list(keys)))"
        ).all()
        return try Dictionary(
            uniqueKeysWithValues: rows.map {
                (try $0.decode(column: "key", as: String.self), try $0.decode(column: "version", as: Int64.self))
            })
    }

    /// `keys` as a comma-separated SQL list, each as `item` writes it (bound by default).
    private static func list(
        _ keys: [String], _ item: (String) -> SQLQueryString = { "\(bind: $0)" }
    ) -> SQLQueryString {
        var q: SQLQueryString = ""
        for (i, key) in keys.enumerated() { q = q + (i == 0 ? "" : ", ") + item(key) }
        return q
    }

    typealias Candidate = (id: UUID, profile: FamilySearchProfile)

    /// The other side's records sharing a blocking key with `keys`, as profiles, each once: the
    /// open reports (`side` .report) or the published notices.
    func candidates(of side: Side, keys: [String]) async throws -> [Candidate] {
        var seen = Set<UUID>()
        return try await blocks(of: side, keys: keys).values.joined().filter { seen.insert($0.id).inserted }
    }

    /// The other side's records filed under each of `keys` (a key without any is absent). Each
    /// key's come back as one text (a record per `\u{1E}`, a field per `\u{1F}`; input refuses
    /// control characters): a query without a name meets thousands of records, and a driver row
    /// each was a quarter of its reading (100 000 reports: median 65 → 50 ms).
    func blocks(of side: Side, keys: [String]) async throws -> [String: [Candidate]] {
        guard !keys.isEmpty else { return [:] }
        let (table, status, columns): (String, String, [String]) =
            side == .report
            ? ("family_search_reports", "open", Self.reportProfileColumns)
            : ("family_search_notices", "published", Self.noticeProfileColumns)
        let packed = (["id"] + columns).map { "COALESCE(CAST(r.\($0) AS TEXT), '')" }.joined(
            separator: " || '\u{1F}' || ")
        let aggregate = db.dialect.name == "postgresql" ? "string_agg" : "group_concat"
        let rows = try await db.raw(
            """
            SELECT k.key AS key, \(unsafeRaw: aggregate)(\(unsafeRaw: packed), '\u{1E}') AS records
            FROM family_search_keys k JOIN \(unsafeRaw: table) r ON r.id = k.record_id
            WHERE k.side = \(bind: side.rawValue) AND k.key IN (\(Self.list(keys))) AND r.status = \(bind: status)
            GROUP BY k.key
            """
        ).all()
        var blocks: [String: [Candidate]] = [:]
        for row in rows {
            let key = try row.decode(column: "key", as: String.self)
            blocks[key] = try Self.unpack(try row.decode(column: "records", as: String.self), side: side)
        }
        return blocks
    }

    /// Cut as bytes: the two separators are ASCII, never part of another character's bytes, and
    /// cutting the text into characters first cost as much as the rest of the reading.
    private static func unpack(_ text: String, side: Side) throws -> [Candidate] {
        let columns = side == .report ? reportProfileColumns.count : noticeProfileColumns.count
        return try text.utf8.split(separator: 0x1E).map { record in
            let fields = record.split(separator: 0x1F, omittingEmptySubsequences: false)
                .map { $0.isEmpty ? nil : String(decoding: $0, as: UTF8.self) }
            guard fields.count == columns + 1, let id = fields[0].flatMap(UUID.init(uuidString:)) else {
                throw Abort(.internalServerError, reason: "family-search candidate record has \(fields.count) fields")
            }
            let profile = Array(fields.dropFirst())
            return (id, side == .report ? reportProfile(profile) : noticeProfile(profile))
        }
    }

    static let reportProfileColumns = [
        "name", "nicknames", "sex", "birth_date", "age_at_loss", "height_cm", "dialect", "home_region", "lost_place",
        "lost_on", "features",
    ]
    static let noticeProfileColumns = [
        "name", "sex", "estimated_age", "height_cm", "dialect", "found_place", "found_on", "features",
    ]

    private static func reportProfile(_ f: [String?]) -> FamilySearchProfile {
        FamilySearchProfile(
            side: .lost, name: f[0], nicknames: f[1].map { $0.split(separator: "、").map(String.init) } ?? [],
            sex: f[2].flatMap(Sex.init(rawValue:)), birthDate: f[3].flatMap(CivilDate.init),
            age: f[4].flatMap { Int($0) }, heightCm: f[5].flatMap { Int($0) }, dialect: f[6], homeRegion: f[7],
            place: f[8], date: f[9].flatMap(CivilDate.init), features: f[10])
    }

    private static func noticeProfile(_ f: [String?]) -> FamilySearchProfile {
        FamilySearchProfile(
            side: .found, name: f[0], sex: f[1].flatMap(Sex.init(rawValue:)), age: f[2].flatMap { Int($0) },
            heightCm: f[3].flatMap { Int($0) }, dialect: f[4], place: f[5], date: f[6].flatMap(CivilDate.init),
            features: f[7])
    }

    func report(id: UUID) async throws -> Report? {
        try await db.raw("SELECT \(unsafeRaw: Self.reportColumns) FROM family_search_reports WHERE id = \(bind: id)")
            .first().map(Report.init)
    }

    /// A report of this owner only (another family's answers nil, as if it did not exist).
    func report(id: UUID, owner: UUID) async throws -> Report? {
        try await db.raw(
            """
            SELECT \(unsafeRaw: Self.reportColumns) FROM family_search_reports
            WHERE id = \(bind: id) AND owner_id = \(bind: owner)
            """
        ).first().map(Report.init)
    }

    func reports(owner: UUID) async throws -> [Report] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: Self.reportColumns) FROM family_search_reports WHERE owner_id = \(bind: owner)
            ORDER BY created_at DESC, id
            """
        ).all().map(Report.init)
    }

    func notice(id: UUID) async throws -> Notice? {
        try await db.raw("SELECT \(unsafeRaw: Self.noticeColumns) FROM family_search_notices WHERE id = \(bind: id)")
            .first().map(Notice.init)
    }

    /// Every published notice, in pages of ids (the nightly rematch).
    func publishedNotices(after: UUID?, limit: Int) async throws -> [Notice] {
        let cond: SQLQueryString = after.map { "AND id > \(bind: $0)" } ?? ""
        return try await db.raw(
            """
            SELECT \(unsafeRaw: Self.noticeColumns) FROM family_search_notices WHERE status = 'published' \(cond)
            ORDER BY id LIMIT \(bind: limit)
            """
        ).all().map(Notice.init)
    }

    /// The public search: published notices by sex (a notice of unknown sex is kept), estimated
    /// age and height ranges, the found place's region prefix and the day found (from, to),
    /// newest first. Taken-down notices are never listed.
    struct NoticeFilter: Sendable, Equatable {
        var sex: Sex?
        var ageFrom: Int?
        var ageTo: Int?
        var heightFrom: Int?
        var heightTo: Int?
        var region: String?
        var foundFrom: CivilDate?
        var foundTo: CivilDate?
    }

    func publicNotices(_ f: NoticeFilter, page: PageRequest) async throws -> Page<Notice> {
        var cond: SQLQueryString = "status = 'published'"
        if let s = f.sex { cond = cond + " AND (sex = \(bind: s.rawValue) OR sex IS NULL)" }
        if let a = f.ageFrom { cond = cond + " AND estimated_age >= \(bind: a)" }
        if let a = f.ageTo { cond = cond + " AND estimated_age <= \(bind: a)" }
        if let h = f.heightFrom { cond = cond + " AND height_cm >= \(bind: h)" }
        if let h = f.heightTo { cond = cond + " AND height_cm <= \(bind: h)" }
        if let r = f.region, !r.isEmpty { cond = cond + " AND found_place LIKE \(bind: r + "%")" }
        if let d = f.foundFrom { cond = cond + " AND found_on >= \(bind: d.description)" }
        if let d = f.foundTo { cond = cond + " AND found_on <= \(bind: d.description)" }
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM family_search_notices WHERE \(cond)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let page = page.clamped(total: total)
        let rows = try await db.raw(
            """
            SELECT \(unsafeRaw: Self.noticeColumns) FROM family_search_notices WHERE \(cond)
            ORDER BY found_on DESC, published_at DESC, id LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all().map(Notice.init)
        return Page(items: rows, total: total, page: page.page, perPage: page.perPage)
    }

    /// The reports of `ids` (the caseworkers' queue shows each match's report beside its notice).
    func reports(ids: [UUID]) async throws -> [UUID: Report] {
        guard !ids.isEmpty else { return [:] }
        var list: SQLQueryString = ""
        for (i, id) in ids.enumerated() { list = list + (i == 0 ? "" : ", ") + "\(bind: id)" }
        let rows = try await db.raw(
            "SELECT \(unsafeRaw: Self.reportColumns) FROM family_search_reports WHERE id IN (\(list))"
        ).all().map(Report.init)
        return Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The owner of a report (the family's account), or nil when there is no such report.
    func owner(report id: UUID) async throws -> UUID? {
        try await db.raw("SELECT owner_id FROM family_search_reports WHERE id = \(bind: id)").first()?
            .decode(column: "owner_id", as: UUID.self)
    }

    /// Gives a report to an account (the demo's family).
    func setOwner(report id: UUID, owner: UUID) async throws {
        try await db.raw("UPDATE family_search_reports SET owner_id = \(bind: owner) WHERE id = \(bind: id)").run()
        try await ReceiptStore(db: db).setOwner(.familySearch, record: id, owner: owner)
    }

    /// A photo of the missing person on a report.
    struct Photo: Content, Sendable {
        let id: UUID
        let reportId: UUID
        let fileName: String
        let contentType: String
        let size: Int

        init(row: SQLRow) throws {
            id = try row.decode(column: "id", as: UUID.self)
            reportId = try row.decode(column: "report_id", as: UUID.self)
            fileName = try row.decode(column: "file_name", as: String.self)
            contentType = try row.decode(column: "content_type", as: String.self)
            size = try row.decode(column: "size", as: Int.self)
        }
    }

    func addPhoto(_ file: StoredUpload, id: UUID, report: UUID, by name: String, at now: Date) async throws {
        try await db.insert(into: "family_search_photos")
            .columns("id", "report_id", "file_name", "content_type", "size", "sha256", "uploaded_by", "created_at")
            .values(
                SQLBind(id), SQLBind(report), SQLBind(file.fileName), SQLBind(file.kind.mimeType), SQLBind(file.size),
                SQLBind(file.sha256), SQLBind(name), SQLBind(now)
            ).run()
    }

    func photos(report: UUID) async throws -> [Photo] {
        try await db.raw(
            """
            SELECT id, report_id, file_name, content_type, size FROM family_search_photos
            WHERE report_id = \(bind: report) ORDER BY created_at, id
            """
        ).all().map(Photo.init)
    }

    /// Records a pair the matcher found, or updates its score and why while it is still
    /// proposed; answers whether the pair is new.
    func upsertMatch(notice: UUID, report: UUID, score: Double, why: [String], at now: Date) async throws -> Bool {
        let whyText = String(decoding: try JSONEncoder().encode(why), as: UTF8.self)
        if let existing = try await db.raw(
            "SELECT status FROM family_search_matches WHERE notice_id = \(bind: notice) AND report_id = \(bind: report)"
        ).first() {
            if try existing.decode(column: "status", as: String.self) == "proposed" {
                try await db.raw(
                    """
                    UPDATE family_search_matches SET score = \(bind: score), why = \(bind: whyText), updated_at = \(bind: now)
                    WHERE notice_id = \(bind: notice) AND report_id = \(bind: report)
                    """
                ).run()
            }
            return false
        }
        try await db.insert(into: "family_search_matches")
            .columns(
                "id", "notice_id", "report_id", "score", "why", "status", "version", "created_at", "updated_at"
            )
            .values(
                SQLBind(UUID()), SQLBind(notice), SQLBind(report), SQLBind(score), SQLBind(whyText),
                SQLBind("proposed"), SQLBind(1), SQLBind(now), SQLBind(now)
            ).run()
        return true
    }

    func matches(report: UUID) async throws -> [Match] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: Self.matchColumns) FROM family_search_matches WHERE report_id = \(bind: report)
            AND status <> 'rejected' ORDER BY score DESC, id
            """
        ).all().map(Match.init)
    }

    /// The caseworkers' queue: proposed matches at or above `minimum`, best first.
    func proposedMatches(minimum: Double, limit: Int) async throws -> [Match] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: Self.matchColumns) FROM family_search_matches
            WHERE status = 'proposed' AND score >= \(bind: minimum) ORDER BY score DESC, id LIMIT \(bind: limit)
            """
        ).all().map(Match.init)
    }

    /// Matches in `status`, best first (the confirmed ones waiting for the reunion).
    func matches(status: String, limit: Int) async throws -> [Match] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: Self.matchColumns) FROM family_search_matches
            WHERE status = \(bind: status) ORDER BY score DESC, id LIMIT \(bind: limit)
            """
        ).all().map(Match.init)
    }

    func match(id: UUID) async throws -> Match? {
        try await db.raw("SELECT \(unsafeRaw: Self.matchColumns) FROM family_search_matches WHERE id = \(bind: id)")
            .first().map(Match.init)
    }

    /// Moves a match to `status` if its version is still `version`; false when it moved.
    func decide(
        match id: UUID, version: Int, status: String, evidence: String?, by name: String, reunitedOn: CivilDate?,
        at now: Date
    ) async throws -> Bool {
        let rows = try await db.raw(
            """
            UPDATE family_search_matches SET status = \(bind: status),
              evidence = COALESCE(\(bind: evidence), evidence), decided_by = \(bind: name), decided_at = \(bind: now),
              reunited_on = COALESCE(\(bind: reunitedOn?.description), reunited_on), version = version + 1,
              updated_at = \(bind: now)
            WHERE id = \(bind: id) AND version = \(bind: version) RETURNING id
            """
        ).all()
        return !rows.isEmpty
    }

    /// A reunion closes the report and takes the notice down (the history kept); the report's
    /// keys move to a new version, so that no kept block still offers it.
    func close(report: UUID, notice: UUID) async throws {
        try await db.raw(
            """
            INSERT INTO family_search_block_versions (key, version)
            SELECT key, 1 FROM family_search_keys WHERE side = 'report' AND record_id = \(bind: report) ORDER BY key
            \(unsafeRaw: Self.raiseOnConflict)
            """
        ).run()
        try await db.raw(
            "UPDATE family_search_reports SET status = 'reunited', version = version + 1 WHERE id = \(bind: report)"
        ).run()
        try await db.raw(
            "UPDATE family_search_notices SET status = 'identified', version = version + 1 WHERE id = \(bind: notice)"
        ).run()
    }
}
