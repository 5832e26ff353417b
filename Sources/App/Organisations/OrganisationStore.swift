import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// An organisation as the registry's pages and the API show it (the representative's ID masked).
struct OrganisationRecord: Content, Sendable {
    let id: UUID
    let version: Int
    let creditCode: String
    let name: String
    let kind: String
    let kindName: String
    let region: String
    let domicile: String
    let businessScope: String
    let supervisingUnit: String?
    let registeredCapitalFen: Int64
    let registeredCapital: String
    let registeredOn: String
    let legalRepresentativeName: String
    let legalRepresentativeIdMasked: String
    let legalRepresentativePersonId: UUID?
    let status: String
    let statusName: String
    let statusSince: String
    let revocationProposedOn: String?
    let unreachableSince: String?
}

/// One status of an organisation's history.
struct OrganisationStatusEntry: Content, Sendable {
    let status: String
    let statusName: String
    let since: String
    let reason: String
    let recordedBy: String
}

/// One annual report and its review.
struct AnnualReportRecord: Content, Sendable {
    let id: UUID
    let version: Int
    let organisationId: UUID
    let year: Int
    let activities: Int
    let incomeFen: Int64
    let expenditureFen: Int64
    let netAssetsFen: Int64
    let income: String
    let expenditure: String
    let summary: String
    let submittedOn: String
    let late: Bool
    let submittedBy: String
    let outcome: String?
    let outcomeName: String?
    let reviewNote: String?
    let reviewedBy: String?
}

/// A reminder sent to the organisation, or a public notice of a list.
struct OrganisationNotice: Content, Sendable {
    let organisationId: UUID
    let organisationName: String
    let creditCode: String
    let kind: String
    let text: String
    let isPublic: Bool
    let noticeOn: String
}

/// The SQL of the registry of social organisations: records, status history, annual reports,
/// notices, and what the credit run and the dormant sweep read.
struct OrganisationStore {
    let db: SQLDatabase

    static let city = RegionScope(RegionTable.changzhou)

    /// The representative as stored: a registry person's sealed ID copied, or an outsider's sealed.
    struct SealedRepresentative: Sendable {
        let personID: UUID?
        let name: String
        let cipher: String
        let index: String
        let masked: String
    }

    func insert(
        id: UUID, _ d: OrganisationDraft, representative r: SealedRepresentative, by name: String, at now: Date
    ) async throws {
        if try await db.raw(
            "SELECT 1 AS x FROM organisations WHERE credit_code = \(bind: d.creditCode.value)"
        ).first() != nil {
            throw Refusal(.conflict, "统一社会信用代码 \(d.creditCode.value) 已登记", field: "creditCode")
        }
        try await db.raw(
            """
            INSERT INTO organisations (id, credit_code, name, kind, region, domicile, business_scope, supervising_unit,
              registered_capital_fen, registered_on, rep_person_id, rep_name, rep_id_cipher, rep_id_index, rep_id_masked,
              status, status_since, listed_for_missed_report, version, created_at, updated_at)
            VALUES (\(bind: id), \(bind: d.creditCode.value), \(bind: d.name), \(bind: d.kind.rawValue),
              \(bind: d.region.value), \(bind: d.domicile), \(bind: d.businessScope), \(bind: d.supervisingUnit),
              \(bind: d.registeredCapital.value), \(bind: d.registeredOn.description), \(bind: r.personID),
              \(bind: r.name), \(bind: r.cipher), \(bind: r.index), \(bind: r.masked), 'normal',
              \(bind: d.registeredOn.description), \(bind: false), 1, \(bind: now), \(bind: now))
            """
        ).run()
        try await addHistory(
            id, status: .normal, since: d.registeredOn, reason: "成立登记（\(d.kind.chinese)）", by: name, at: now)
    }

    func addHistory(
        _ organisation: UUID, status: OrganisationStatus, since: CivilDate, reason: String, by name: String,
        at now: Date
    ) async throws {
        try await db.raw(
            """
            INSERT INTO organisation_status_history (id, organisation_id, status, since, reason, recorded_by, created_at)
            VALUES (\(bind: UUID()), \(bind: organisation), \(bind: status.rawValue), \(bind: since.description),
              \(bind: reason), \(bind: name), \(bind: now))
            """
        ).run()
    }

    /// Moves the organisation to `status` from `since` with the history row.
    func setStatus(
        _ organisation: UUID, _ status: OrganisationStatus, since: CivilDate, missedReport: Bool, reason: String,
        by name: String, at now: Date
    ) async throws {
        try await db.raw(
            """
            UPDATE organisations SET status = \(bind: status.rawValue), status_since = \(bind: since.description),
              listed_for_missed_report = \(bind: missedReport), version = version + 1, updated_at = \(bind: now)
            WHERE id = \(bind: organisation)
            """
        ).run()
        try await addHistory(organisation, status: status, since: since, reason: reason, by: name, at: now)
    }

    func proposeRevocation(_ organisation: UUID, on day: CivilDate, at now: Date) async throws {
        try await db.raw(
            """
            UPDATE organisations SET revocation_proposed_on = \(bind: day.description), version = version + 1,
              updated_at = \(bind: now) WHERE id = \(bind: organisation)
            """
        ).run()
    }

    // MARK: reading the registry

    struct ListQuery: Sendable {
        var status: OrganisationStatus?
        var kind: OrganisationKind?
        var name: String?
        var region: RegionScope?
    }

    func list(within scope: RegionScope, _ q: ListQuery, page: PageRequest) async throws -> Page<OrganisationRecord> {
        var conditions: [SQLQueryString] = [scope.condition("o.region")]
        if let region = q.region { conditions.append(region.condition("o.region")) }
        if let status = q.status { conditions.append("o.status = \(bind: status.rawValue)") }
        if let kind = q.kind { conditions.append("o.kind = \(bind: kind.rawValue)") }
        if let name = q.name, !name.isEmpty {
            conditions.append(
                "(o.name LIKE \(bind: RegistryStore.likeContains(name)) ESCAPE '\\' OR o.credit_code = \(bind: name.uppercased()))"
            )
        }
        let filter = conditions.joined(separator: " AND ")
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM organisations o WHERE \(filter)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw(
            """
            SELECT o.* FROM organisations o WHERE \(filter) ORDER BY o.region, o.name, o.id
            LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        return Page(items: try rows.map(Self.record), total: total, page: page.page, perPage: page.perPage)
    }

    func find(_ id: UUID, within scope: RegionScope) async throws -> OrganisationRecord? {
        try await db.raw(
            "SELECT o.* FROM organisations o WHERE o.id = \(bind: id) AND \(scope.condition("o.region"))"
        ).first().map(Self.record)
    }

    /// The records of `ids`, in that order (those that exist).
    func records(_ ids: [UUID]) async throws -> [OrganisationRecord] {
        var found: [OrganisationRecord] = []
        for id in ids { if let r = try await find(id, within: Self.city) { found.append(r) } }
        return found
    }

    func history(_ id: UUID) async throws -> [OrganisationStatusEntry] {
        try await db.raw(
            """
            SELECT status, since, reason, recorded_by FROM organisation_status_history
            WHERE organisation_id = \(bind: id) ORDER BY since, created_at
            """
        ).all().map { r in
            let status = OrganisationStatus(rawValue: try r.decode(column: "status", as: String.self)) ?? .normal
            return OrganisationStatusEntry(
                status: status.rawValue, statusName: status.chinese,
                since: try r.decode(column: "since", as: String.self),
                reason: try r.decode(column: "reason", as: String.self),
                recordedBy: try r.decode(column: "recorded_by", as: String.self))
        }
    }

    static func record(_ r: SQLRow) throws -> OrganisationRecord {
        let kind = OrganisationKind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .socialGroup
        let status = OrganisationStatus(rawValue: try r.decode(column: "status", as: String.self)) ?? .normal
        let capital = try r.decode(column: "registered_capital_fen", as: Int64.self)
        return OrganisationRecord(
            id: try r.decode(column: "id", as: UUID.self), version: try r.decode(column: "version", as: Int.self),
            creditCode: try r.decode(column: "credit_code", as: String.self),
            name: try r.decode(column: "name", as: String.self), kind: kind.rawValue, kindName: kind.chinese,
            region: try r.decode(column: "region", as: String.self),
            domicile: try r.decode(column: "domicile", as: String.self),
            businessScope: try r.decode(column: "business_scope", as: String.self),
            supervisingUnit: try r.decode(column: "supervising_unit", as: String?.self),
            registeredCapitalFen: capital, registeredCapital: Fen(capital).yuanString,
            registeredOn: try r.decode(column: "registered_on", as: String.self),
            legalRepresentativeName: try r.decode(column: "rep_name", as: String.self),
            legalRepresentativeIdMasked: try r.decode(column: "rep_id_masked", as: String.self),
            legalRepresentativePersonId: try r.decode(column: "rep_person_id", as: UUID?.self),
            status: status.rawValue, statusName: status.chinese,
            statusSince: try r.decode(column: "status_since", as: String.self),
            revocationProposedOn: try r.decode(column: "revocation_proposed_on", as: String?.self),
            unreachableSince: try r.decode(column: "unreachable_since", as: String?.self))
    }

    // MARK: annual reports

    func reports(_ organisation: UUID) async throws -> [AnnualReportRecord] {
        try await db.raw(
            "SELECT * FROM organisation_reports WHERE organisation_id = \(bind: organisation) ORDER BY year DESC"
        ).all().map(Self.report)
    }

    func report(_ organisation: UUID, year: Int) async throws -> AnnualReportRecord? {
        try await db.raw(
            "SELECT * FROM organisation_reports WHERE organisation_id = \(bind: organisation) AND year = \(bind: year)"
        ).first().map(Self.report)
    }

    /// Files the report unless one is on record for the year; false when one was.
    func insertReport(
        _ organisation: UUID, _ d: AnnualReportDraft, on day: CivilDate, late: Bool, by name: String, at now: Date
    ) async throws -> Bool {
        try await db.raw(
            """
            INSERT INTO organisation_reports (id, organisation_id, year, activities, income_fen, expenditure_fen,
              net_assets_fen, summary, submitted_on, late, submitted_by, version, created_at)
            VALUES (\(bind: UUID()), \(bind: organisation), \(bind: d.year), \(bind: d.activities),
              \(bind: d.income.value), \(bind: d.expenditure.value), \(bind: d.netAssets.value), \(bind: d.summary),
              \(bind: day.description), \(bind: late), \(bind: name), 1, \(bind: now))
            ON CONFLICT (organisation_id, year) DO NOTHING RETURNING id
            """
        ).first() != nil
    }

    /// Records the review when `version` is still the report's and it is not reviewed yet.
    func review(
        _ organisation: UUID, year: Int, version: Int, outcome: AnnualReportOutcome, note: String?, by name: String,
        at now: Date
    ) async throws -> Bool {
        try await db.raw(
            """
            UPDATE organisation_reports SET outcome = \(bind: outcome.rawValue), review_note = \(bind: note),
              reviewed_by = \(bind: name), reviewed_at = \(bind: now), version = version + 1
            WHERE organisation_id = \(bind: organisation) AND year = \(bind: year) AND version = \(bind: version)
              AND outcome IS NULL RETURNING id
            """
        ).first() != nil
    }

    static func report(_ r: SQLRow) throws -> AnnualReportRecord {
        let outcome = try r.decode(column: "outcome", as: String?.self).flatMap(AnnualReportOutcome.init(rawValue:))
        let income = try r.decode(column: "income_fen", as: Int64.self)
        let expenditure = try r.decode(column: "expenditure_fen", as: Int64.self)
        return AnnualReportRecord(
            id: try r.decode(column: "id", as: UUID.self), version: try r.decode(column: "version", as: Int.self),
            organisationId: try r.decode(column: "organisation_id", as: UUID.self),
            year: try r.decode(column: "year", as: Int.self),
            activities: try r.decode(column: "activities", as: Int.self),
            incomeFen: income, expenditureFen: expenditure,
            netAssetsFen: try r.decode(column: "net_assets_fen", as: Int64.self), income: Fen(income).yuanString,
            expenditure: Fen(expenditure).yuanString, summary: try r.decode(column: "summary", as: String.self),
            submittedOn: try r.decode(column: "submitted_on", as: String.self),
            late: try r.decode(column: "late", as: Bool.self),
            submittedBy: try r.decode(column: "submitted_by", as: String.self), outcome: outcome?.rawValue,
            outcomeName: outcome?.chinese, reviewNote: try r.decode(column: "review_note", as: String?.self),
            reviewedBy: try r.decode(column: "reviewed_by", as: String?.self))
    }

    // MARK: notices

    /// Records the notice unless one of the kind and key stands; whether it was new.
    func insertNotice(
        _ organisation: UUID, kind: String, key: String, text: String, isPublic: Bool, on day: CivilDate, at now: Date
    ) async throws -> Bool {
        try await db.raw(
            """
            INSERT INTO organisation_notices (id, organisation_id, kind, notice_key, text, is_public, notice_on, created_at)
            VALUES (\(bind: UUID()), \(bind: organisation), \(bind: kind), \(bind: key), \(bind: text),
              \(bind: isPublic), \(bind: day.description), \(bind: now))
            ON CONFLICT (organisation_id, kind, notice_key) DO NOTHING RETURNING id
            """
        ).first() != nil
    }

    /// The notices of one organisation (`publicOnly` for everyone else's eyes), newest first.
    func notices(_ organisation: UUID) async throws -> [OrganisationNotice] {
        try await db.raw(
            """
            \(Self.noticeSelect) WHERE n.organisation_id = \(bind: organisation) ORDER BY n.notice_on DESC, n.created_at DESC
            """
        ).all().map(Self.notice)
    }

    /// The public notices of the lists (活动异常名录, 严重违法失信名单) within `scope`, newest first.
    func publicNotices(within scope: RegionScope, page: PageRequest) async throws -> Page<OrganisationNotice> {
        let total =
            try await db.raw(
                """
                SELECT COUNT(*) AS n FROM organisation_notices n JOIN organisations o ON o.id = n.organisation_id
                WHERE n.is_public = \(bind: true) AND \(scope.condition("o.region"))
                """
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw(
            """
            \(Self.noticeSelect) WHERE n.is_public = \(bind: true) AND \(scope.condition("o.region"))
            ORDER BY n.notice_on DESC, n.created_at DESC, n.id LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        return Page(items: try rows.map(Self.notice), total: total, page: page.page, perPage: page.perPage)
    }

    private static let noticeSelect: SQLQueryString = """
        SELECT n.*, o.name AS organisation_name, o.credit_code FROM organisation_notices n
        JOIN organisations o ON o.id = n.organisation_id
        """

    private static func notice(_ r: SQLRow) throws -> OrganisationNotice {
        OrganisationNotice(
            organisationId: try r.decode(column: "organisation_id", as: UUID.self),
            organisationName: try r.decode(column: "organisation_name", as: String.self),
            creditCode: try r.decode(column: "credit_code", as: String.self),
            kind: try r.decode(column: "kind", as: String.self), text: try r.decode(column: "text", as: String.self),
            isPublic: try r.decode(column: "is_public", as: Bool.self),
            noticeOn: try r.decode(column: "notice_on", as: String.self))
    }

    // MARK: accounts

    func linkAccount(user: UUID, to organisation: UUID) async throws {
        try await db.raw("UPDATE users SET organisation_id = \(bind: organisation) WHERE id = \(bind: user)").run()
    }

    /// The organisation an organisation's account belongs to.
    func organisation(ofAccount user: UUID) async throws -> UUID? {
        try await db.raw(
            "SELECT organisation_id FROM users WHERE id = \(bind: user) AND role = \(bind: Role.organisation.rawValue)"
        ).first()?.decode(column: "organisation_id", as: UUID?.self)
    }

    // MARK: what the credit run and the sweep read

    /// One registered organisation as the credit run sees it.
    struct CreditCandidate: Sendable {
        let id: UUID
        let name: String
        let region: String
        var facts: OrganisationCredit.Facts
    }

    /// Every registered organisation within `scope` with the years it has filed.
    func creditCandidates(within scope: RegionScope) async throws -> [CreditCandidate] {
        var found: [UUID: CreditCandidate] = [:]
        var order: [UUID] = []
        for r in try await db.raw(
            """
            SELECT id, name, region, status, status_since, registered_on, listed_for_missed_report, revocation_proposed_on
            FROM organisations WHERE status NOT IN ('revoked', 'deregistered') AND \(scope.condition("region"))
            ORDER BY id
            """
        ).all() {
            let id = try r.decode(column: "id", as: UUID.self)
            let status = OrganisationStatus(rawValue: try r.decode(column: "status", as: String.self)) ?? .normal
            guard let registered = CivilDate(try r.decode(column: "registered_on", as: String.self)) else { continue }
            let since = CivilDate(try r.decode(column: "status_since", as: String.self))
            found[id] = CreditCandidate(
                id: id, name: try r.decode(column: "name", as: String.self),
                region: try r.decode(column: "region", as: String.self),
                facts: OrganisationCredit.Facts(
                    status: status, registeredOn: registered, listedOn: status == .normal ? nil : since,
                    listedForMissedReport: try r.decode(column: "listed_for_missed_report", as: Bool.self),
                    revocationProposed: try r.decode(column: "revocation_proposed_on", as: String?.self) != nil))
            order.append(id)
        }
        for r in try await db.raw(
            """
            SELECT r.organisation_id, r.year FROM organisation_reports r JOIN organisations o ON o.id = r.organisation_id
            WHERE o.status NOT IN ('revoked', 'deregistered') AND \(scope.condition("o.region"))
            """
        ).all() {
            let id = try r.decode(column: "organisation_id", as: UUID.self)
            found[id]?.facts.filedYears.insert(try r.decode(column: "year", as: Int.self))
        }
        return order.compactMap { found[$0] }
    }

    /// One candidate of the dormant sweep with its evidence.
    struct DormantCandidate: Content, Sendable {
        let id: UUID
        let creditCode: String
        let name: String
        let kind: String
        let region: String
        let status: String
        let statusName: String
        let evidence: [DormantEvidence]
    }

    /// Every registered organisation within `scope` that the sweep finds on `day`, with the
    /// evidence. The query narrows to those that may be candidates — unreachable, or registered
    /// before the years the sweep looks at with no report of them or only empty ones (one pass
    /// over those years' reports, an index on the year) — and `DormantSweep` decides on each
    /// with its reports, so a city of 100 000 decodes only its candidates.
    func dormant(
        within scope: RegionScope, on day: CivilDate, _ p: OrganisationParameters
    ) async throws
        -> [DormantCandidate]
    {
        let lastDue =
            OrganisationCredit.dueYears(registeredOn: CivilDate(year: 1900, month: 1, day: 1)!, on: day, p).last
            ?? day.year - 2
        let firstYear = lastDue - max(p.dormantYears, 1) + 1
        let registeredBefore = "\(firstYear + 1)-01-01"
        let rows = try await db.raw(
            """
            SELECT o.id, o.credit_code, o.name, o.kind, o.region, o.status, o.registered_on, o.unreachable_since
            FROM organisations o LEFT JOIN (
              SELECT organisation_id, COUNT(*) AS filed,
                SUM(CASE WHEN activities = 0 AND income_fen = 0 AND expenditure_fen = 0 THEN 1 ELSE 0 END) AS empty
              FROM organisation_reports WHERE year >= \(bind: firstYear) AND year <= \(bind: lastDue)
              GROUP BY organisation_id) a ON a.organisation_id = o.id
            WHERE o.status NOT IN ('revoked', 'deregistered') AND \(scope.condition("o.region"))
              AND (o.unreachable_since IS NOT NULL OR (o.registered_on < \(bind: registeredBefore)
                AND (a.filed IS NULL OR a.filed = a.empty)))
            ORDER BY o.region, o.name, o.id
            """
        ).all()
        var reports: [UUID: [Int: ReportActivity]] = [:]
        let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        for chunk in ids.chunked(500) {
            for r in try await db.raw(
                """
                SELECT organisation_id, year, activities, income_fen, expenditure_fen FROM organisation_reports
                WHERE organisation_id IN \(SQLBind.group(chunk)) AND year >= \(bind: firstYear) AND year <= \(bind: lastDue)
                """
            ).all() {
                reports[try r.decode(column: "organisation_id", as: UUID.self), default: [:]][
                    try r.decode(column: "year", as: Int.self)] = ReportActivity(
                        activities: try r.decode(column: "activities", as: Int.self),
                        incomeFen: try r.decode(column: "income_fen", as: Int64.self),
                        expenditureFen: try r.decode(column: "expenditure_fen", as: Int64.self))
            }
        }
        var found: [DormantCandidate] = []
        for (id, r) in zip(ids, rows) {
            guard let registered = CivilDate(try r.decode(column: "registered_on", as: String.self)) else { continue }
            let evidence = DormantSweep.evidence(
                registeredOn: registered, reports: reports[id] ?? [:],
                unreachableSince: try r.decode(column: "unreachable_since", as: String?.self).flatMap(CivilDate.init),
                on: day, p)
            guard !evidence.isEmpty else { continue }
            let kind = OrganisationKind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .socialGroup
            let status = OrganisationStatus(rawValue: try r.decode(column: "status", as: String.self)) ?? .normal
            found.append(
                DormantCandidate(
                    id: id, creditCode: try r.decode(column: "credit_code", as: String.self),
                    name: try r.decode(column: "name", as: String.self), kind: kind.chinese,
                    region: try r.decode(column: "region", as: String.self), status: status.rawValue,
                    statusName: status.chinese, evidence: evidence))
        }
        return found
    }
}
