import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The SQL of 两项补贴: the certificates the federation's feed brings, the facts the monthly run
/// reads, the proposals (one open per person and program), the street's queue and decisions.
struct DisabilitySubsidyStore {
    let db: SQLDatabase

    static let city = RegionScope(RegionTable.changzhou)

    /// Keeps each person's latest certificate (a row certified earlier than the one on record
    /// changes nothing), a chunk of people per statement.
    func recordCertificates(
        _ certificates: [(person: UUID, certificate: DisabilityCertificate, source: String)], at now: Date
    ) async throws {
        // One row per person in a statement (PostgreSQL refuses to update a row twice in one).
        var latest: [UUID: (certificate: DisabilityCertificate, source: String)] = [:]
        var order: [UUID] = []
        for c in certificates {
            if let kept = latest[c.person] {
                if c.certificate.certifiedDate >= kept.certificate.certifiedDate {
                    latest[c.person] = (c.certificate, c.source)
                }
            } else {
                latest[c.person] = (c.certificate, c.source)
                order.append(c.person)
            }
        }
        for chunk in order.chunked(500) {
            var values: [SQLQueryString] = []
            for person in chunk {
                guard let c = latest[person] else { continue }
                values.append(
                    """
                    (\(bind: person), \(bind: c.certificate.grade.value), \(bind: c.certificate.kind.rawValue),
                      \(bind: c.certificate.certifiedDate.description),
                      \(bind: c.certificate.validUntil?.description), \(bind: c.source), \(bind: now))
                    """)
            }
            try await db.raw(
                """
                INSERT INTO disability_certificates (person_id, grade, kind, certified_on, valid_until, source_record_id,
                  updated_at)
                VALUES \(values.joined(separator: ", "))
                ON CONFLICT (person_id) DO UPDATE SET grade = excluded.grade, kind = excluded.kind,
                  certified_on = excluded.certified_on, valid_until = excluded.valid_until,
                  source_record_id = excluded.source_record_id,
                  updated_at = excluded.updated_at
                WHERE excluded.certified_on >= disability_certificates.certified_on
                """
            ).run()
        }
    }

    /// One person with a certificate, as the run sees them in a month.
    struct Candidate: Sendable {
        let person: UUID
        let household: UUID
        let region: String
        let urbanHukou: Bool
        let facts: DisabilitySubsidyRules.Facts
        /// Per program: the enrollment not ended, if any.
        var enrollments: [DisabilitySubsidyProgram: UUID]
        /// Programs with an open proposal, or refused for this very certificate.
        var settled: Set<DisabilitySubsidyProgram>
    }

    /// An enrollment `e` paid in `month` (also the rental's eligibility, `RentalStore.facts`).
    static func inForce(_ month: String) -> SQLQueryString {
        """
        e.start_month <= \(bind: month) AND (e.end_month IS NULL OR e.end_month >= \(bind: month))
          AND e.status <> \(bind: EnrollmentStatus.suspended.rawValue)
        """
    }

    /// Everyone with a certificate on record within `scope`, with what the rules read in `month`.
    /// Read from the certificates out (SQLite keeps a CROSS JOIN's order): led by the persons
    /// table, the query walked the whole registry, 1 M rows for 60 000 certificates.
    func candidates(month: YearMonth, within scope: RegionScope) async throws -> [Candidate] {
        let m = month.description
        let items = DisabilitySubsidyProgram.allCases.map(\.rawValue)
        let rows = try await db.raw(
            """
            SELECT p.id, p.household_id, p.region, p.hukou, p.deceased_on, c.grade, c.certified_on, c.valid_until,
              CASE WHEN EXISTS (SELECT 1 FROM enrollments e WHERE e.household_id = p.household_id
                AND e.item_code = \(bind: AssistanceItemCode.dibao.rawValue) AND \(Self.inForce(m))) THEN 1 ELSE 0 END AS dibao,
              CASE WHEN EXISTS (SELECT 1 FROM enrollments e WHERE e.person_id = p.id
                AND e.item_code = \(bind: AssistanceItemCode.individualDibao.rawValue) AND \(Self.inForce(m))) THEN 1 ELSE 0 END AS individual,
              CASE WHEN EXISTS (SELECT 1 FROM enrollments e WHERE (e.person_id = p.id OR (e.person_id IS NULL AND e.household_id = p.household_id))
                AND e.item_code = \(bind: AssistanceItemCode.tekun.rawValue) AND \(Self.inForce(m))) THEN 1 ELSE 0 END AS tekun
            FROM disability_certificates c CROSS JOIN persons p
            WHERE p.id = c.person_id AND p.household_id IS NOT NULL AND (\(scope.condition("p.region")) OR EXISTS (
              SELECT 1 FROM enrollments e WHERE e.person_id = p.id AND e.item_code IN \(SQLBind.group(items))
                AND e.status <> \(bind: EnrollmentStatus.ended.rawValue) AND \(scope.condition("e.region"))))
            ORDER BY c.person_id
            """
        ).all()
        var found: [UUID: Candidate] = [:]
        var order: [UUID] = []
        for r in rows {
            let id = try r.decode(column: "id", as: UUID.self)
            let region = try r.decode(column: "region", as: String.self)
            let facts = DisabilitySubsidyRules.Facts(
                grade: try r.decode(column: "grade", as: Int.self),
                certifiedOn: CivilDate(try r.decode(column: "certified_on", as: String.self)),
                validUntil: try r.decode(column: "valid_until", as: String?.self).flatMap(CivilDate.init),
                diedOn: try r.decode(column: "deceased_on", as: String?.self).flatMap(CivilDate.init),
                hukouInCity: region.hasPrefix(Self.city.prefix),
                dibaoHousehold: try r.decode(column: "dibao", as: Int.self) == 1,
                individualDibao: try r.decode(column: "individual", as: Int.self) == 1,
                tekun: try r.decode(column: "tekun", as: Int.self) == 1)
            found[id] = Candidate(
                person: id, household: try r.decode(column: "household_id", as: UUID.self), region: region,
                urbanHukou: try r.decode(column: "hukou", as: String.self) == Hukou.urban.rawValue, facts: facts,
                enrollments: [:], settled: [])
            order.append(id)
        }
        guard !found.isEmpty else { return [] }
        // The programs' enrollments not ended, and the proposals that stand, of these people.
        for chunk in order.chunked(500) {
            for r in try await db.raw(
                """
                SELECT e.id, e.person_id, e.item_code FROM enrollments e
                WHERE e.person_id IN \(SQLBind.group(chunk)) AND e.item_code IN \(SQLBind.group(items))
                  AND e.status <> \(bind: EnrollmentStatus.ended.rawValue)
                """
            ).all() {
                let person = try r.decode(column: "person_id", as: UUID.self)
                guard
                    let program = DisabilitySubsidyProgram(rawValue: try r.decode(column: "item_code", as: String.self))
                else { continue }
                found[person]?.enrollments[program] = try r.decode(column: "id", as: UUID.self)
            }
            for r in try await db.raw(
                """
                SELECT s.person_id, s.program FROM disability_subsidy_proposals s
                JOIN disability_certificates c ON c.person_id = s.person_id
                WHERE s.person_id IN \(SQLBind.group(chunk))
                  AND s.status IN ('open', 'refused') AND (s.status = 'open' OR s.certified_on = c.certified_on)
                """
            ).all() {
                let person = try r.decode(column: "person_id", as: UUID.self)
                guard let program = DisabilitySubsidyProgram(rawValue: try r.decode(column: "program", as: String.self))
                else { continue }
                found[person]?.settled.insert(program)
            }
        }
        return order.compactMap { found[$0] }
    }

    /// A proposal the run makes.
    struct NewProposal: Sendable {
        let id = UUID()
        let candidate: Candidate
        let program: DisabilitySubsidyProgram
        let rule: DisabilitySubsidyRule
        let amount: Fen
    }

    /// Inserts the proposals as open, but where one already stands for the person and program
    /// (the partial unique index); those inserted, in order. Five hundred rows a statement.
    func propose(_ proposals: [NewProposal], month: YearMonth, at now: Date) async throws -> [NewProposal] {
        var inserted: [NewProposal] = []
        for chunk in proposals.chunked(500) {
            let values = chunk.map { p -> SQLQueryString in
                """
                (\(bind: p.id), \(bind: p.candidate.person), \(bind: p.candidate.household), \(bind: p.candidate.region),
                  \(bind: p.program.rawValue), \(bind: p.rule.rawValue), \(bind: p.candidate.facts.grade ?? 0),
                  \(bind: p.candidate.facts.certifiedOn?.description ?? ""), \(bind: p.amount.value),
                  \(bind: month.description), 'open', 1, \(bind: now))
                """
            }
            let ids = Set(
                try await db.raw(
                    """
                    INSERT INTO disability_subsidy_proposals (id, person_id, household_id, region, program, rule, grade,
                      certified_on, amount_fen, month, status, version, created_at)
                    VALUES \(values.joined(separator: ", "))
                    ON CONFLICT (person_id, program) WHERE status = 'open' DO NOTHING RETURNING id
                    """
                ).all().map { try $0.decode(column: "id", as: UUID.self) })
            inserted += chunk.filter { ids.contains($0.id) }
        }
        return inserted
    }

    // MARK: the street's queue

    /// A proposal as the queue and the API show it.
    struct Proposal: Content, Sendable {
        let id: UUID
        let version: Int
        let personId: UUID
        let personName: String
        let idMasked: String
        let householdId: UUID
        let address: String?
        let region: String
        let program: String
        let programName: String
        let rule: String
        let ruleText: String
        let grade: Int
        let certifiedOn: String
        let amountFen: Int64
        let amount: String
        let month: String
        let status: String
        let statusName: String
        let decidedBy: String?
        let decidedAt: Date?
        let decisionNote: String?
        let enrollmentId: UUID?
        let createdAt: Date
    }

    func list(
        within scope: RegionScope, status: DisabilitySubsidyProposalStatus, page: PageRequest
    ) async throws -> Page<Proposal> {
        let total =
            try await db.raw(
                """
                SELECT COUNT(*) AS n FROM disability_subsidy_proposals
                WHERE status = \(bind: status.rawValue) AND \(scope.condition("region"))
                """
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw(
            """
            \(Self.select) WHERE s.status = \(bind: status.rawValue) AND \(scope.condition("s.region"))
            ORDER BY s.created_at, s.id LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        return Page(items: try rows.map(Self.proposal), total: total, page: page.page, perPage: page.perPage)
    }

    func proposal(id: UUID, within scope: RegionScope) async throws -> Proposal? {
        try await db.raw("\(Self.select) WHERE s.id = \(bind: id) AND \(scope.condition("s.region"))").first()
            .map(Self.proposal)
    }

    /// Records the decision when `version` is still the proposal's and it is open.
    func decide(
        id: UUID, version: Int, status: DisabilitySubsidyProposalStatus, by name: String, note: String?,
        enrollment: UUID?, at now: Date
    ) async throws -> Bool {
        try await db.raw(
            """
            UPDATE disability_subsidy_proposals SET status = \(bind: status.rawValue), decided_by = \(bind: name),
              decided_at = \(bind: now), decision_note = \(bind: note), enrollment_id = \(bind: enrollment),
              version = version + 1
            WHERE id = \(bind: id) AND version = \(bind: version) AND status = 'open' RETURNING id
            """
        ).first() != nil
    }

    private static let select: SQLQueryString = """
        SELECT s.*, p.name AS person_name, p.id_masked, h.address FROM disability_subsidy_proposals s
        JOIN persons p ON p.id = s.person_id LEFT JOIN households h ON h.id = s.household_id
        """

    private static func proposal(_ r: SQLRow) throws -> Proposal {
        let program =
            DisabilitySubsidyProgram(rawValue: try r.decode(column: "program", as: String.self)) ?? .nursingSubsidy
        let rule = DisabilitySubsidyRule(rawValue: try r.decode(column: "rule", as: String.self)) ?? .severeDisability
        let status =
            DisabilitySubsidyProposalStatus(rawValue: try r.decode(column: "status", as: String.self)) ?? .open
        let amount = try r.decode(column: "amount_fen", as: Int64.self)
        return Proposal(
            id: try r.decode(column: "id", as: UUID.self), version: try r.decode(column: "version", as: Int.self),
            personId: try r.decode(column: "person_id", as: UUID.self),
            personName: try r.decode(column: "person_name", as: String.self),
            idMasked: try r.decode(column: "id_masked", as: String.self),
            householdId: try r.decode(column: "household_id", as: UUID.self),
            address: try r.decode(column: "address", as: String?.self),
            region: try r.decode(column: "region", as: String.self), program: program.rawValue,
            programName: program.chinese, rule: rule.rawValue, ruleText: rule.chinese,
            grade: try r.decode(column: "grade", as: Int.self),
            certifiedOn: try r.decode(column: "certified_on", as: String.self), amountFen: amount,
            amount: Fen(amount).yuanString, month: try r.decode(column: "month", as: String.self),
            status: status.rawValue, statusName: status.chinese,
            decidedBy: try r.decode(column: "decided_by", as: String?.self),
            decidedAt: try r.decode(column: "decided_at", as: Date?.self),
            decisionNote: try r.decode(column: "decision_note", as: String?.self),
            enrollmentId: try r.decode(column: "enrollment_id", as: UUID?.self),
            createdAt: try r.decode(column: "created_at", as: Date.self))
    }
}
