import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// A charitable organisation (慈善组织) as the charity division and the organisation see it.
struct CharitableOrganisationRecord: Content, Sendable {
    let id: UUID
    let version: Int
    let name: String
    let creditCode: String
    let region: String
    let registeredOn: String
    /// The registry status (`normal`, `abnormal`, …) and its name.
    let organisationStatus: String
    let organisationStatusName: String
    /// `applied`, `recognised` or `refused`.
    let status: String
    let statusName: String
    let appliedOn: String
    let appliedBy: String
    let byOrganisation: Bool
    let decidedOn: String?
    let decidedBy: String?
    let decisionNote: String?
    let qualifiedSince: String?
    let qualificationWithdrawnOn: String?
    /// Holds the public-fundraising qualification now.
    let qualified: Bool
}

/// A fundraising plan filed (募捐方案备案) and the amount raised.
struct CharityFilingRecord: Content, Sendable {
    let id: UUID
    let organisationId: UUID
    let organisationName: String
    let region: String
    let purpose: String
    let startsOn: String
    let endsOn: String
    let targetFen: Int64
    let target: String
    let channels: String
    let platform: String
    let filedOn: String
    let filedBy: String
    let raisedFen: Int64?
    let raised: String?
    let raisedReportedOn: String?
}

struct CharityAwardRoundRecord: Content, Sendable {
    let id: UUID
    let version: Int
    let name: String
    let year: Int
    let region: String
    let categories: [String]
    let stage: String
    let stageName: String
    let publicityStart: String?
    let publicityEnds: String?
    let awardedOn: String?
}

struct CharityNominationRecord: Content, Sendable {
    let id: UUID
    let roundId: UUID
    let category: String
    let nomineeKind: String
    let nomineeKindName: String
    let nomineeName: String
    let organisationId: UUID?
    let deeds: String
    let region: String
    let status: String
    let statusName: String
    let reviewNote: String?
    let reviewedBy: String?
    let reviewedOn: String?
    let nominatedOn: String
    let openObjections: Int
}

struct CharityObjectionRecord: Content, Sendable {
    let id: UUID
    let nominationId: UUID
    let roundId: UUID
    let objection: String
    let raisedOn: String
    let recordedBy: String
    /// `open`, `upheld` or `dismissed`.
    let status: String
    let resolution: String?
    let resolvedOn: String?
    let resolvedBy: String?
}

/// A 1798 need as lists and the household's record show it: the donor's name masked.
struct CharityNeedRecord: Content, Sendable {
    let id: UUID
    let version: Int
    let householdId: UUID
    let householdAddress: String
    let region: String
    let regionName: String
    /// `visit`, `application` or `staff`.
    let source: String
    let sourceName: String
    let visitTaskId: UUID?
    let applicationId: UUID?
    let kind: String
    let kindName: String
    let description: String
    let estimatedFen: Int64
    let estimated: String
    let status: String
    let statusName: String
    let filingId: UUID?
    let filingPurpose: String?
    let filingOrganisation: String?
    let donorMasked: String?
    let matchedOn: String?
    let givenKind: String?
    let givenKindName: String?
    let givenDescription: String?
    let givenFen: Int64?
    let given: String?
    let givenOn: String?
    let closedReason: String?
    let closedOn: String?
    let recordedBy: String
    let createdOn: String
}

/// The SQL of charitable organisations, filings, the award and the 1798 needs.
struct CharityStore {
    let db: SQLDatabase

    // MARK: charitable organisations

    private static let organisationSelect: SQLQueryString = """
        SELECT c.*, o.name, o.credit_code, o.registered_on, o.status AS organisation_status
        FROM charitable_organisations c JOIN organisations o ON o.id = c.id
        """

    static func statusName(_ status: String) -> String {
        switch status {
        case "applied": return "待认定"
        case "recognised": return "已认定"
        case "refused": return "不予认定"
        default: return status
        }
    }

    static func organisation(_ r: SQLRow) throws -> CharitableOrganisationRecord {
        let status = try r.decode(column: "status", as: String.self)
        let orgStatus = try r.decode(column: "organisation_status", as: String.self)
        let since = try r.decode(column: "qualified_since", as: String?.self)
        let withdrawn = try r.decode(column: "qualification_withdrawn_on", as: String?.self)
        return CharitableOrganisationRecord(
            id: try r.decode(column: "id", as: UUID.self), version: try r.decode(column: "version", as: Int.self),
            name: try r.decode(column: "name", as: String.self),
            creditCode: try r.decode(column: "credit_code", as: String.self),
            region: try r.decode(column: "region", as: String.self),
            registeredOn: try r.decode(column: "registered_on", as: String.self), organisationStatus: orgStatus,
            organisationStatusName: OrganisationStatus(rawValue: orgStatus)?.chinese ?? orgStatus, status: status,
            statusName: statusName(status), appliedOn: try r.decode(column: "applied_on", as: String.self),
            appliedBy: try r.decode(column: "applied_by", as: String.self),
            byOrganisation: try r.decode(column: "by_organisation", as: Int.self) == 1,
            decidedOn: try r.decode(column: "decided_on", as: String?.self),
            decidedBy: try r.decode(column: "decided_by", as: String?.self),
            decisionNote: try r.decode(column: "decision_note", as: String?.self), qualifiedSince: since,
            qualificationWithdrawnOn: withdrawn, qualified: status == "recognised" && since != nil && withdrawn == nil)
    }

    func charitableOrganisation(_ id: UUID) async throws -> CharitableOrganisationRecord? {
        try await db.raw("\(Self.organisationSelect) WHERE c.id = \(bind: id)").first().map(Self.organisation)
    }

    func charitableOrganisations(
        within scope: RegionScope, status: String?, page: PageRequest
    ) async throws -> Page<
        CharitableOrganisationRecord
    > {
        var filter: SQLQueryString = scope.condition("c.region")
        if let status { filter = "\(filter) AND c.status = \(bind: status)" }
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM charitable_organisations c WHERE \(filter)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw(
            """
            \(Self.organisationSelect) WHERE \(filter) ORDER BY c.applied_on DESC, o.name, c.id
            LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        return Page(items: try rows.map(Self.organisation), total: total, page: page.page, perPage: page.perPage)
    }

    /// A new application, or a refused one applied for again; false when one is pending or granted.
    func apply(
        _ id: UUID, region: String, by name: String, byOrganisation: Bool, on day: CivilDate, at now: Date
    ) async throws -> Bool {
        if try await db.raw(
            """
            UPDATE charitable_organisations SET status = 'applied', applied_on = \(bind: day.description),
              applied_by = \(bind: name), by_organisation = \(bind: byOrganisation ? 1 : 0), decided_on = NULL,
              decided_by = NULL, decision_note = NULL, version = version + 1
            WHERE id = \(bind: id) AND status = 'refused' RETURNING id
            """
        ).first() != nil {
            return true
        }
        return try await db.raw(
            """
            INSERT INTO charitable_organisations (id, region, status, applied_on, applied_by, by_organisation, version,
              created_at)
            VALUES (\(bind: id), \(bind: region), 'applied', \(bind: day.description), \(bind: name),
              \(bind: byOrganisation ? 1 : 0), 1, \(bind: now))
            ON CONFLICT (id) DO NOTHING RETURNING id
            """
        ).first() != nil
    }

    func decide(
        _ id: UUID, version: Int, recognised: Bool, note: String?, on day: CivilDate, by name: String
    ) async throws -> Bool {
        try await db.raw(
            """
            UPDATE charitable_organisations SET status = \(bind: recognised ? "recognised" : "refused"),
              decided_on = \(bind: day.description), decided_by = \(bind: name), decision_note = \(bind: note),
              version = version + 1
            WHERE id = \(bind: id) AND version = \(bind: version) AND status = 'applied' RETURNING id
            """
        ).first() != nil
    }

    /// Grants (`since` set, withdrawal cleared) or withdraws the qualification.
    func qualification(
        _ id: UUID, version: Int, grant: Bool, on day: CivilDate, note: String?
    ) async throws -> Bool {
        let set: SQLQueryString =
            grant
            ? "qualified_since = \(bind: day.description), qualification_withdrawn_on = NULL"
            : "qualification_withdrawn_on = \(bind: day.description)"
        return try await db.raw(
            """
            UPDATE charitable_organisations SET \(set), qualification_note = \(bind: note), version = version + 1
            WHERE id = \(bind: id) AND version = \(bind: version) AND status = 'recognised' RETURNING id
            """
        ).first() != nil
    }

    // MARK: filings

    private static let filingSelect: SQLQueryString = """
        SELECT f.*, o.name AS organisation_name FROM charity_filings f JOIN organisations o ON o.id = f.organisation_id
        """

    static func filing(_ r: SQLRow) throws -> CharityFilingRecord {
        let target = try r.decode(column: "target_fen", as: Int64.self)
        let raised = try r.decode(column: "raised_fen", as: Int64?.self)
        return CharityFilingRecord(
            id: try r.decode(column: "id", as: UUID.self),
            organisationId: try r.decode(column: "organisation_id", as: UUID.self),
            organisationName: try r.decode(column: "organisation_name", as: String.self),
            region: try r.decode(column: "region", as: String.self),
            purpose: try r.decode(column: "purpose", as: String.self),
            startsOn: try r.decode(column: "starts_on", as: String.self),
            endsOn: try r.decode(column: "ends_on", as: String.self), targetFen: target,
            target: Fen(target).formatted, channels: try r.decode(column: "channels", as: String.self),
            platform: try r.decode(column: "platform", as: String.self),
            filedOn: try r.decode(column: "filed_on", as: String.self),
            filedBy: try r.decode(column: "filed_by", as: String.self), raisedFen: raised,
            raised: raised.map { Fen($0).formatted },
            raisedReportedOn: try r.decode(column: "raised_reported_on", as: String?.self))
    }

    func filing(_ id: UUID) async throws -> CharityFilingRecord? {
        try await db.raw("\(Self.filingSelect) WHERE f.id = \(bind: id)").first().map(Self.filing)
    }

    func filings(organisation: UUID) async throws -> [CharityFilingRecord] {
        try await db.raw(
            "\(Self.filingSelect) WHERE f.organisation_id = \(bind: organisation) ORDER BY f.starts_on DESC"
        )
        .all().map(Self.filing)
    }

    /// The filings of the region, newest first; `current` those whose period takes in `day`.
    func filings(
        within scope: RegionScope?, current day: CivilDate?, page: PageRequest
    ) async throws -> Page<
        CharityFilingRecord
    > {
        var conditions: [SQLQueryString] = ["1 = 1"]
        if let scope { conditions.append(scope.condition("f.region")) }
        if let day {
            conditions.append("f.starts_on <= \(bind: day.description) AND f.ends_on >= \(bind: day.description)")
        }
        let filter = conditions.joined(separator: " AND ")
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM charity_filings f WHERE \(filter)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw(
            """
            \(Self.filingSelect) WHERE \(filter) ORDER BY f.starts_on DESC, f.id
            LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        return Page(items: try rows.map(Self.filing), total: total, page: page.page, perPage: page.perPage)
    }

    func insertFiling(_ f: CharityFilingRecord, at now: Date) async throws {
        try await db.raw(
            """
            INSERT INTO charity_filings (id, organisation_id, region, purpose, starts_on, ends_on, target_fen, channels,
              platform, filed_on, filed_by, created_at)
            VALUES (\(bind: f.id), \(bind: f.organisationId), \(bind: f.region), \(bind: f.purpose), \(bind: f.startsOn),
              \(bind: f.endsOn), \(bind: f.targetFen), \(bind: f.channels), \(bind: f.platform), \(bind: f.filedOn),
              \(bind: f.filedBy), \(bind: now))
            """
        ).run()
    }

    func reportRaised(_ id: UUID, fen: Int64, on day: CivilDate) async throws {
        try await db.raw(
            """
            UPDATE charity_filings SET raised_fen = \(bind: fen), raised_reported_on = \(bind: day.description)
            WHERE id = \(bind: id)
            """
        ).run()
    }

    // MARK: the award

    static func round(_ r: SQLRow, _ p: CharityParameters) throws -> CharityAwardRoundRecord {
        let stage = try r.decode(column: "stage", as: String.self)
        let start = try r.decode(column: "publicity_start", as: String?.self)
        return CharityAwardRoundRecord(
            id: try r.decode(column: "id", as: UUID.self), version: try r.decode(column: "version", as: Int.self),
            name: try r.decode(column: "name", as: String.self), year: try r.decode(column: "year", as: Int.self),
            region: try r.decode(column: "region", as: String.self),
            categories: try r.decode(column: "categories", as: String.self).split(separator: "\n").map(String.init),
            stage: stage, stageName: CharityAwardStage(rawValue: stage)?.chinese ?? stage, publicityStart: start,
            publicityEnds: start.flatMap(CivilDate.init).map {
                CharityAwardRules.publicityEnds(startedOn: $0, p).description
            }, awardedOn: try r.decode(column: "awarded_on", as: String?.self))
    }

    func rounds(within scope: RegionScope, _ p: CharityParameters) async throws -> [CharityAwardRoundRecord] {
        try await db.raw(
            "SELECT * FROM charity_award_rounds WHERE \(scope.condition("region")) ORDER BY year DESC, created_at DESC"
        ).all().map { try Self.round($0, p) }
    }

    func round(_ id: UUID, _ p: CharityParameters) async throws -> CharityAwardRoundRecord? {
        try await db.raw("SELECT * FROM charity_award_rounds WHERE id = \(bind: id)").first().map {
            try Self.round($0, p)
        }
    }

    func insertRound(
        id: UUID, name: String, year: Int, region: String, categories: [String], by: String, at now: Date
    ) async throws {
        try await db.raw(
            """
            INSERT INTO charity_award_rounds (id, name, year, region, categories, stage, created_by, version, created_at)
            VALUES (\(bind: id), \(bind: name), \(bind: year), \(bind: region),
              \(bind: categories.joined(separator: "\n")), 'nominating', \(bind: by), 1, \(bind: now))
            """
        ).run()
    }

    /// Moves the round on from `from` (with its version): the publicity's first day or the award's day.
    func advance(
        _ id: UUID, version: Int, from: CharityAwardStage, to: CharityAwardStage, on day: CivilDate
    ) async throws -> Bool {
        let set: SQLQueryString =
            to == .publicity ? "publicity_start = \(bind: day.description)" : "awarded_on = \(bind: day.description)"
        return try await db.raw(
            """
            UPDATE charity_award_rounds SET stage = \(bind: to.rawValue), \(set), version = version + 1
            WHERE id = \(bind: id) AND version = \(bind: version) AND stage = \(bind: from.rawValue) RETURNING id
            """
        ).first() != nil
    }

    private static let nominationSelect: SQLQueryString = """
        SELECT n.*, (SELECT COUNT(*) FROM charity_objections x WHERE x.nomination_id = n.id AND x.status = 'open')
          AS open_objections
        FROM charity_nominations n
        """

    static func nomination(_ r: SQLRow) throws -> CharityNominationRecord {
        let kind = try r.decode(column: "nominee_kind", as: String.self)
        let status = try r.decode(column: "status", as: String.self)
        return CharityNominationRecord(
            id: try r.decode(column: "id", as: UUID.self), roundId: try r.decode(column: "round_id", as: UUID.self),
            category: try r.decode(column: "category", as: String.self), nomineeKind: kind,
            nomineeKindName: CharityNomineeKind(rawValue: kind)?.chinese ?? kind,
            nomineeName: try r.decode(column: "nominee_name", as: String.self),
            organisationId: try r.decode(column: "organisation_id", as: UUID?.self),
            deeds: try r.decode(column: "deeds", as: String.self),
            region: try r.decode(column: "region", as: String.self),
            status: status, statusName: CharityNominationStatus(rawValue: status)?.chinese ?? status,
            reviewNote: try r.decode(column: "review_note", as: String?.self),
            reviewedBy: try r.decode(column: "reviewed_by", as: String?.self),
            reviewedOn: try r.decode(column: "reviewed_on", as: String?.self),
            nominatedOn: try r.decode(column: "nominated_on", as: String.self),
            openObjections: try r.decode(column: "open_objections", as: Int.self))
    }

    func nominations(round: UUID) async throws -> [CharityNominationRecord] {
        try await db.raw("\(Self.nominationSelect) WHERE n.round_id = \(bind: round) ORDER BY n.category, n.created_at")
            .all().map(Self.nomination)
    }

    func nomination(_ id: UUID) async throws -> CharityNominationRecord? {
        try await db.raw("\(Self.nominationSelect) WHERE n.id = \(bind: id)").first().map(Self.nomination)
    }

    func insertNomination(_ n: CharityNominationRecord, at now: Date) async throws {
        try await db.raw(
            """
            INSERT INTO charity_nominations (id, round_id, category, nominee_kind, nominee_name, organisation_id, deeds,
              region, status, nominated_on, created_at)
            VALUES (\(bind: n.id), \(bind: n.roundId), \(bind: n.category), \(bind: n.nomineeKind),
              \(bind: n.nomineeName), \(bind: n.organisationId), \(bind: n.deeds), \(bind: n.region), 'nominated',
              \(bind: n.nominatedOn), \(bind: now))
            """
        ).run()
    }

    func review(
        _ id: UUID, shortlisted: Bool, note: String?, by name: String, on day: CivilDate
    ) async throws {
        try await db.raw(
            """
            UPDATE charity_nominations SET status = \(bind: shortlisted ? "shortlisted" : "notShortlisted"),
              review_note = \(bind: note), reviewed_by = \(bind: name), reviewed_on = \(bind: day.description)
            WHERE id = \(bind: id)
            """
        ).run()
    }

    func setNominationStatus(_ id: UUID, _ status: CharityNominationStatus) async throws {
        try await db.raw("UPDATE charity_nominations SET status = \(bind: status.rawValue) WHERE id = \(bind: id)")
            .run()
    }

    /// Every shortlisted nomination of the round awarded.
    func awardShortlisted(round: UUID) async throws {
        try await db.raw(
            "UPDATE charity_nominations SET status = 'awarded' WHERE round_id = \(bind: round) AND status = 'shortlisted'"
        ).run()
    }

    static func objection(_ r: SQLRow) throws -> CharityObjectionRecord {
        CharityObjectionRecord(
            id: try r.decode(column: "id", as: UUID.self),
            nominationId: try r.decode(column: "nomination_id", as: UUID.self),
            roundId: try r.decode(column: "round_id", as: UUID.self),
            objection: try r.decode(column: "objection", as: String.self),
            raisedOn: try r.decode(column: "raised_on", as: String.self),
            recordedBy: try r.decode(column: "recorded_by", as: String.self),
            status: try r.decode(column: "status", as: String.self),
            resolution: try r.decode(column: "resolution", as: String?.self),
            resolvedOn: try r.decode(column: "resolved_on", as: String?.self),
            resolvedBy: try r.decode(column: "resolved_by", as: String?.self))
    }

    func objections(round: UUID) async throws -> [CharityObjectionRecord] {
        try await db.raw("SELECT * FROM charity_objections WHERE round_id = \(bind: round) ORDER BY created_at").all()
            .map(Self.objection)
    }

    func objection(_ id: UUID) async throws -> CharityObjectionRecord? {
        try await db.raw("SELECT * FROM charity_objections WHERE id = \(bind: id)").first().map(Self.objection)
    }

    func insertObjection(_ o: CharityObjectionRecord, at now: Date) async throws {
        try await db.raw(
            """
            INSERT INTO charity_objections (id, nomination_id, round_id, objection, raised_on, recorded_by, status,
              created_at)
            VALUES (\(bind: o.id), \(bind: o.nominationId), \(bind: o.roundId), \(bind: o.objection),
              \(bind: o.raisedOn), \(bind: o.recordedBy), 'open', \(bind: now))
            """
        ).run()
    }

    func resolve(_ id: UUID, upheld: Bool, resolution: String, by name: String, on day: CivilDate) async throws -> Bool
    {
        try await db.raw(
            """
            UPDATE charity_objections SET status = \(bind: upheld ? "upheld" : "dismissed"),
              resolution = \(bind: resolution), resolved_by = \(bind: name), resolved_on = \(bind: day.description)
            WHERE id = \(bind: id) AND status = 'open' RETURNING id
            """
        ).first() != nil
    }

    func openObjections(round: UUID) async throws -> Int {
        try await db.raw(
            "SELECT COUNT(*) AS n FROM charity_objections WHERE round_id = \(bind: round) AND status = 'open'"
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    // MARK: 1798 needs

    private static let needSelect: SQLQueryString = """
        SELECT n.*, h.address AS household_address, f.purpose AS filing_purpose, o.name AS filing_organisation
        FROM charity_needs n JOIN households h ON h.id = n.household_id
        LEFT JOIN charity_filings f ON f.id = n.filing_id LEFT JOIN organisations o ON o.id = f.organisation_id
        """

    static func sourceName(_ source: String) -> String {
        switch source {
        case "visit": return "网格走访"
        case "application": return "救助申请"
        default: return "工作人员登记"
        }
    }

    static func need(_ r: SQLRow, regions: RegionTable) throws -> CharityNeedRecord {
        let region = try r.decode(column: "region", as: String.self)
        let source = try r.decode(column: "source", as: String.self)
        let kind = try r.decode(column: "kind", as: String.self)
        let status = try r.decode(column: "status", as: String.self)
        let estimated = try r.decode(column: "estimated_fen", as: Int64.self)
        let givenKind = try r.decode(column: "given_kind", as: String?.self)
        let given = try r.decode(column: "given_fen", as: Int64?.self)
        return CharityNeedRecord(
            id: try r.decode(column: "id", as: UUID.self), version: try r.decode(column: "version", as: Int.self),
            householdId: try r.decode(column: "household_id", as: UUID.self),
            householdAddress: try r.decode(column: "household_address", as: String.self), region: region,
            regionName: RegionCode(region).map { regions.fullName(of: $0) } ?? region, source: source,
            sourceName: sourceName(source), visitTaskId: try r.decode(column: "visit_task_id", as: UUID?.self),
            applicationId: try r.decode(column: "application_id", as: UUID?.self), kind: kind,
            kindName: CharityAidKind(rawValue: kind)?.chinese ?? kind,
            description: try r.decode(column: "description", as: String.self), estimatedFen: estimated,
            estimated: Fen(estimated).formatted, status: status,
            statusName: CharityNeedState(rawValue: status)?.chinese ?? status,
            filingId: try r.decode(column: "filing_id", as: UUID?.self),
            filingPurpose: try r.decode(column: "filing_purpose", as: String?.self),
            filingOrganisation: try r.decode(column: "filing_organisation", as: String?.self),
            donorMasked: try r.decode(column: "donor_masked", as: String?.self),
            matchedOn: try r.decode(column: "matched_on", as: String?.self), givenKind: givenKind,
            givenKindName: givenKind.flatMap(CharityAidKind.init(rawValue:))?.chinese,
            givenDescription: try r.decode(column: "given_description", as: String?.self), givenFen: given,
            given: given.map { Fen($0).formatted }, givenOn: try r.decode(column: "given_on", as: String?.self),
            closedReason: try r.decode(column: "closed_reason", as: String?.self),
            closedOn: try r.decode(column: "closed_on", as: String?.self),
            recordedBy: try r.decode(column: "recorded_by", as: String.self),
            createdOn: try r.decode(column: "created_on", as: String.self))
    }

    struct NeedQuery: Sendable {
        var status: CharityNeedState?
        var region: RegionScope?
        var household: UUID?
    }

    func needs(
        within scope: RegionScope, _ q: NeedQuery, page: PageRequest, regions: RegionTable
    ) async throws -> Page<CharityNeedRecord> {
        var conditions: [SQLQueryString] = [scope.condition("n.region")]
        if let region = q.region { conditions.append(region.condition("n.region")) }
        if let status = q.status { conditions.append("n.status = \(bind: status.rawValue)") }
        if let household = q.household { conditions.append("n.household_id = \(bind: household)") }
        let filter = conditions.joined(separator: " AND ")
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM charity_needs n WHERE \(filter)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw(
            """
            \(Self.needSelect) WHERE \(filter) ORDER BY n.created_on DESC, n.id
            LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        return Page(
            items: try rows.map { try Self.need($0, regions: regions) }, total: total, page: page.page,
            perPage: page.perPage)
    }

    func need(_ id: UUID, within scope: RegionScope, regions: RegionTable) async throws -> CharityNeedRecord? {
        try await db.raw("\(Self.needSelect) WHERE n.id = \(bind: id) AND \(scope.condition("n.region"))").first().map {
            try Self.need($0, regions: regions)
        }
    }

    /// What was given to the household (and its needs still open), newest first.
    func needs(household: UUID, regions: RegionTable) async throws -> [CharityNeedRecord] {
        try await db.raw(
            "\(Self.needSelect) WHERE n.household_id = \(bind: household) ORDER BY n.created_on DESC, n.id"
        )
        .all().map { try Self.need($0, regions: regions) }
    }

    struct NewNeed: Sendable {
        let id: UUID
        let household: UUID
        let region: String
        let source: String
        let visitTask: UUID?
        let application: UUID?
        let kind: CharityAidKind
        let description: String
        let estimatedFen: Int64
        let recordedBy: String
        let createdOn: CivilDate
    }

    func insertNeed(_ n: NewNeed, at now: Date) async throws {
        try await db.raw(
            """
            INSERT INTO charity_needs (id, household_id, region, source, visit_task_id, application_id, kind, description,
              estimated_fen, status, recorded_by, created_on, version, created_at)
            VALUES (\(bind: n.id), \(bind: n.household), \(bind: n.region), \(bind: n.source), \(bind: n.visitTask),
              \(bind: n.application), \(bind: n.kind.rawValue), \(bind: n.description), \(bind: n.estimatedFen), 'open',
              \(bind: n.recordedBy), \(bind: n.createdOn.description), 1, \(bind: now))
            """
        ).run()
    }

    /// One step of a need: its new state and the columns the step sets, when the version and state still hold.
    func step(
        _ id: UUID, version: Int, from: CharityNeedState, to: CharityNeedState,
        set: [(String, (any Encodable & Sendable)?)]
    ) async throws -> Bool {
        var assignments: [SQLQueryString] = ["status = \(bind: to.rawValue)", "version = version + 1"]
        for (column, value) in set {
            if let value {
                assignments.append("\(ident: column) = \(bind: value)")
            } else {
                assignments.append("\(ident: column) = NULL")
            }
        }
        return try await db.raw(
            """
            UPDATE charity_needs SET \(assignments.joined(separator: ", "))
            WHERE id = \(bind: id) AND version = \(bind: version) AND status = \(bind: from.rawValue) RETURNING id
            """
        ).first() != nil
    }

    func donorCipher(_ id: UUID) async throws -> String? {
        try await db.raw("SELECT donor_cipher FROM charity_needs WHERE id = \(bind: id)").first()?
            .decode(column: "donor_cipher", as: String?.self)
    }

    struct GivenTotal: Content, Sendable {
        let month: String
        let district: String
        let districtName: String
        let households: Int
        let material: Int
        let service: Int
        let givenFen: Int64
        let given: String
    }

    /// What was given within the region, by month of `given_on` and district, in `year` (all years when nil).
    func givenTotals(within scope: RegionScope, year: Int?, regions: RegionTable) async throws -> [GivenTotal] {
        var filter: SQLQueryString = "n.status = 'given' AND \(scope.condition("n.region"))"
        if let year {
            filter = "\(filter) AND n.given_on >= \(bind: "\(year)-01-01") AND n.given_on <= \(bind: "\(year)-12-31")"
        }
        return try await db.raw(
            """
            SELECT SUBSTR(n.given_on, 1, 7) AS m, SUBSTR(n.region, 1, 6) AS d, COUNT(DISTINCT n.household_id) AS h,
              SUM(CASE WHEN n.given_kind = 'material' THEN 1 ELSE 0 END) AS mat,
              SUM(CASE WHEN n.given_kind = 'service' THEN 1 ELSE 0 END) AS svc,
              CAST(COALESCE(SUM(n.given_fen), 0) AS BIGINT) AS f
            FROM charity_needs n WHERE \(filter)
            GROUP BY SUBSTR(n.given_on, 1, 7), SUBSTR(n.region, 1, 6) ORDER BY m, d
            """
        ).all().map { r in
            let district = try r.decode(column: "d", as: String.self)
            let fen = try r.decode(column: "f", as: Int64.self)
            return GivenTotal(
                month: try r.decode(column: "m", as: String.self), district: district,
                districtName: RegionCode(district).map { regions.fullName(of: $0) } ?? district,
                households: try r.decode(column: "h", as: Int.self),
                material: try r.decode(column: "mat", as: Int.self),
                service: try r.decode(column: "svc", as: Int.self), givenFen: fen, given: Fen(fen).formatted)
        }
    }
}
