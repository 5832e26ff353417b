import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// A training a committee member attended.
struct CommitteeTrainingRecord: Content, Sendable {
    let id: UUID
    let course: String
    let trainedOn: String
    let hours: Int
}

/// A member of a community's two committees, the ID number masked.
struct CommitteeMemberRecord: Content, Sendable {
    let id: UUID
    let committeeId: UUID
    let community: String
    let communityName: String
    let name: String
    let body: String
    let bodyName: String
    let post: String
    let postName: String
    let personId: UUID?
    let idMasked: String
    /// Not a member of the community's earlier terms.
    let isNew: Bool
    var trainings: [CommitteeTrainingRecord]
    var trained: Bool { !trainings.isEmpty }
}

/// A community's committees for one term.
struct CommitteeRecord: Content, Sendable {
    let id: UUID
    let community: String
    let communityName: String
    let kind: String
    let kindName: String
    let termStart: String
    let termEnd: String
    let electedOn: String
    let memberCount: Int
    let untrainedNew: Int
    var members: [CommitteeMemberRecord]
}

/// A community worker with the stars computed for today.
struct WorkerRecord: Content, Sendable {
    struct Evaluation: Content, Sendable {
        let year: Int
        let outcome: String
        let outcomeName: String
    }

    struct Award: Content, Sendable {
        let id: UUID
        let level: String
        let levelName: String
        let title: String
        let awardedOn: String
    }

    let id: UUID
    let version: Int
    let region: String
    let regionName: String
    let name: String
    let personId: UUID?
    let idMasked: String
    let startedOn: String
    let qualification: String
    let qualificationName: String
    let stars: WorkerStars
    let starsLabel: String
    let evaluations: [Evaluation]
    let awards: [Award]
}

/// A street's social-work station (社工站).
struct StationRecord: Content, Sendable {
    let id: UUID
    let street: String
    let streetName: String
    let name: String
    let openedOn: String
    let staffCount: Int
    let services: [String]
}

/// The SQL of the community division: committees, members and training; workers with their
/// evaluations and awards; the streets' stations.
struct CommunityStore {
    let db: SQLDatabase
    let regions: RegionTable

    // MARK: Committees

    struct NewCommittee: Sendable {
        let id: UUID
        let community: String
        let kind: CommitteeBody
        let termStart: CivilDate
        let termEnd: CivilDate
        let electedOn: CivilDate
        let createdBy: String
    }

    /// Whether a term of the community overlaps [start, end].
    func overlappingTerm(community: String, start: CivilDate, end: CivilDate) async throws -> String? {
        try await db.raw(
            """
            SELECT term_start FROM community_committees WHERE community = \(bind: community)
              AND term_start <= \(bind: end.description) AND term_end >= \(bind: start.description)
            """
        ).first()?.decode(column: "term_start", as: String.self)
    }

    func insertCommittee(_ c: NewCommittee, at now: Date) async throws {
        try await db.raw(
            """
            INSERT INTO community_committees (id, community, kind, term_start, term_end, elected_on, created_by, created_at)
            VALUES (\(bind: c.id), \(bind: c.community), \(bind: c.kind.rawValue), \(bind: c.termStart.description),
              \(bind: c.termEnd.description), \(bind: c.electedOn.description), \(bind: c.createdBy), \(bind: now))
            """
        ).run()
    }

    static var committeeColumns: SQLQueryString {
        """
        c.*, (SELECT COUNT(*) FROM committee_members m WHERE m.committee_id = c.id) AS member_count,
        (SELECT COUNT(*) FROM committee_members m WHERE m.committee_id = c.id AND m.is_new = \(bind: true)
          AND NOT EXISTS (SELECT 1 FROM committee_trainings t WHERE t.member_id = m.id)) AS untrained_new
        """
    }

    func committees(
        within scope: RegionScope, community: String?, page: PageRequest
    ) async throws -> Page<
        CommitteeRecord
    > {
        var condition: SQLQueryString = "\(scope.condition("c.community"))"
        if let community { condition = "\(condition) AND c.community LIKE \(bind: community + "%")" }
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM community_committees c WHERE \(condition)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw(
            """
            SELECT \(Self.committeeColumns) FROM community_committees c WHERE \(condition)
            ORDER BY c.community, c.term_start DESC LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        return Page(items: try rows.map(committeeRecord), total: total, page: page.page, perPage: page.perPage)
    }

    func committee(id: UUID, within scope: RegionScope) async throws -> CommitteeRecord? {
        guard
            var c = try await db.raw(
                """
                SELECT \(Self.committeeColumns) FROM community_committees c
                WHERE c.id = \(bind: id) AND \(scope.condition("c.community"))
                """
            ).first().map(committeeRecord)
        else { return nil }
        c.members = try await members(condition: "m.committee_id = \(bind: id)")
        return c
    }

    private func committeeRecord(_ r: SQLRow) throws -> CommitteeRecord {
        let community = try r.decode(column: "community", as: String.self)
        let kind = CommitteeBody(rawValue: try r.decode(column: "kind", as: String.self)) ?? .residents
        return CommitteeRecord(
            id: try r.decode(column: "id", as: UUID.self), community: community,
            communityName: regions.nameInCity(community),
            kind: kind.rawValue, kindName: kind.chinese, termStart: try r.decode(column: "term_start", as: String.self),
            termEnd: try r.decode(column: "term_end", as: String.self),
            electedOn: try r.decode(column: "elected_on", as: String.self),
            memberCount: try r.decode(column: "member_count", as: Int.self),
            untrainedNew: try r.decode(column: "untrained_new", as: Int.self), members: [])
    }

    struct NewMember: Sendable {
        let id: UUID
        let committee: UUID
        let community: String
        let name: String
        let body: CommitteeBody
        let post: CommitteePost
        let personID: UUID?
        let cipher: String
        let index: String
        let masked: String
    }

    /// Inserts the member, new when not on an earlier term's committees of the community; false when
    /// the person already sits on this body for the term.
    func insertMember(_ m: NewMember, at now: Date) async throws -> Bool {
        let earlier = try await db.raw(
            """
            SELECT 1 AS x FROM committee_members o JOIN community_committees oc ON oc.id = o.committee_id
            WHERE o.id_index = \(bind: m.index) AND oc.community = \(bind: m.community)
              AND oc.term_start < (SELECT term_start FROM community_committees WHERE id = \(bind: m.committee))
            LIMIT 1
            """
        ).first()
        return try await db.raw(
            """
            INSERT INTO committee_members (id, committee_id, community, name, body, post, person_id, id_cipher,
              id_index, id_masked, is_new, created_at)
            VALUES (\(bind: m.id), \(bind: m.committee), \(bind: m.community), \(bind: m.name), \(bind: m.body.rawValue),
              \(bind: m.post.rawValue), \(bind: m.personID), \(bind: m.cipher), \(bind: m.index), \(bind: m.masked),
              \(bind: earlier == nil), \(bind: now))
            ON CONFLICT (committee_id, body, id_index) DO NOTHING RETURNING id
            """
        ).first() != nil
    }

    func member(id: UUID, within scope: RegionScope) async throws -> CommitteeMemberRecord? {
        try await members(condition: "m.id = \(bind: id) AND \(scope.condition("m.community"))").first
    }

    /// The new members of current terms (ended on or after `today`) with no training on record.
    func untrainedNewMembers(
        within scope: RegionScope, today: CivilDate, page: PageRequest
    ) async throws -> Page<
        CommitteeMemberRecord
    > {
        let condition: SQLQueryString = """
            \(scope.condition("m.community")) AND m.is_new = \(bind: true)
            AND NOT EXISTS (SELECT 1 FROM committee_trainings t WHERE t.member_id = m.id)
            AND m.committee_id IN (SELECT id FROM community_committees WHERE term_end >= \(bind: today.description))
            """
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM committee_members m WHERE \(condition)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let items = try await members(condition: condition, limit: page.perPage, offset: page.offset)
        return Page(items: items, total: total, page: page.page, perPage: page.perPage)
    }

    private func members(
        condition: SQLQueryString, limit: Int = 1_000, offset: Int = 0
    ) async throws
        -> [CommitteeMemberRecord]
    {
        let rows = try await db.raw(
            """
            SELECT m.* FROM committee_members m WHERE \(condition)
            ORDER BY m.community, m.body, m.post, m.name, m.id LIMIT \(bind: limit) OFFSET \(bind: offset)
            """
        ).all()
        var members = try rows.map { r -> CommitteeMemberRecord in
            let community = try r.decode(column: "community", as: String.self)
            let body = CommitteeBody(rawValue: try r.decode(column: "body", as: String.self)) ?? .party
            let post = CommitteePost(rawValue: try r.decode(column: "post", as: String.self)) ?? .member
            return CommitteeMemberRecord(
                id: try r.decode(column: "id", as: UUID.self),
                committeeId: try r.decode(column: "committee_id", as: UUID.self), community: community,
                communityName: regions.nameInCity(community),
                name: try r.decode(column: "name", as: String.self), body: body.rawValue, bodyName: body.chinese,
                post: post.rawValue, postName: post.chinese,
                personId: try r.decode(column: "person_id", as: UUID?.self),
                idMasked: try r.decode(column: "id_masked", as: String.self),
                isNew: try r.decode(column: "is_new", as: Bool.self), trainings: [])
        }
        guard !members.isEmpty else { return [] }
        let ids = members.map(\.id)
        let trainings = try await db.raw(
            """
            SELECT * FROM committee_trainings WHERE member_id IN (\(SQLList(ids.map { SQLBind($0) })))
            ORDER BY trained_on, id
            """
        ).all()
        var byMember: [UUID: [CommitteeTrainingRecord]] = [:]
        for t in trainings {
            byMember[try t.decode(column: "member_id", as: UUID.self), default: []].append(
                CommitteeTrainingRecord(
                    id: try t.decode(column: "id", as: UUID.self),
                    course: try t.decode(column: "course", as: String.self),
                    trainedOn: try t.decode(column: "trained_on", as: String.self),
                    hours: try t.decode(column: "hours", as: Int.self)))
        }
        for i in members.indices { members[i].trainings = byMember[members[i].id] ?? [] }
        return members
    }

    func insertTraining(
        id: UUID, member: UUID, course: String, on day: CivilDate, hours: Int, at now: Date
    ) async throws {
        try await db.raw(
            """
            INSERT INTO committee_trainings (id, member_id, course, trained_on, hours, created_at)
            VALUES (\(bind: id), \(bind: member), \(bind: course), \(bind: day.description), \(bind: hours), \(bind: now))
            """
        ).run()
    }

    // MARK: Workers

    struct NewWorker: Sendable {
        let id: UUID
        let region: String
        let name: String
        let personID: UUID?
        let cipher: String
        let index: String
        let masked: String
        let startedOn: CivilDate
        let qualification: SocialWorkQualification
    }

    /// False when the person is already a worker on record.
    func insertWorker(_ w: NewWorker, at now: Date) async throws -> Bool {
        try await db.raw(
            """
            INSERT INTO community_workers (id, region, name, person_id, id_cipher, id_index, id_masked, started_on,
              qualification, version, created_at, updated_at)
            VALUES (\(bind: w.id), \(bind: w.region), \(bind: w.name), \(bind: w.personID), \(bind: w.cipher),
              \(bind: w.index), \(bind: w.masked), \(bind: w.startedOn.description), \(bind: w.qualification.rawValue),
              1, \(bind: now), \(bind: now))
            ON CONFLICT (id_index) DO NOTHING RETURNING id
            """
        ).first() != nil
    }

    struct WorkerFilter: Sendable {
        var region: String?
        var qualification: SocialWorkQualification?
        var nameContains: String?
    }

    /// The workers of the scope matching the filter, each with its evaluations and awards rated on `asOf`.
    func workers(
        within scope: RegionScope, _ f: WorkerFilter, asOf: CivilDate, _ p: StarParameters
    ) async throws -> [WorkerRecord] {
        var condition: SQLQueryString = "\(scope.condition("w.region"))"
        if let region = f.region { condition = "\(condition) AND w.region LIKE \(bind: region + "%")" }
        if let q = f.qualification { condition = "\(condition) AND w.qualification = \(bind: q.rawValue)" }
        if let text = f.nameContains {
            condition = "\(condition) AND w.name LIKE \(bind: RegistryStore.likeContains(text)) ESCAPE '\\'"
        }
        return try await workers(condition: condition, asOf: asOf, p)
    }

    func worker(
        id: UUID, within scope: RegionScope, asOf: CivilDate, _ p: StarParameters
    ) async throws
        -> WorkerRecord?
    {
        try await workers(condition: "w.id = \(bind: id) AND \(scope.condition("w.region"))", asOf: asOf, p).first
    }

    private func workers(
        condition: SQLQueryString, asOf: CivilDate, _ p: StarParameters
    ) async throws
        -> [WorkerRecord]
    {
        let rows = try await db.raw(
            "SELECT w.* FROM community_workers w WHERE \(condition) ORDER BY w.region, w.name, w.id"
        )
        .all()
        guard !rows.isEmpty else { return [] }
        var evaluations: [UUID: [WorkerRecord.Evaluation]] = [:]
        for r in try await db.raw(
            """
            SELECT e.worker_id, e.year, e.outcome FROM worker_evaluations e JOIN community_workers w ON w.id = e.worker_id
            WHERE \(condition) ORDER BY e.year DESC
            """
        ).all() {
            let outcome = WorkerEvaluation(rawValue: try r.decode(column: "outcome", as: String.self)) ?? .competent
            evaluations[try r.decode(column: "worker_id", as: UUID.self), default: []].append(
                .init(
                    year: try r.decode(column: "year", as: Int.self), outcome: outcome.rawValue,
                    outcomeName: outcome.chinese))
        }
        var awards: [UUID: [WorkerRecord.Award]] = [:]
        for r in try await db.raw(
            """
            SELECT a.* FROM worker_awards a JOIN community_workers w ON w.id = a.worker_id
            WHERE \(condition) ORDER BY a.awarded_on DESC, a.id
            """
        ).all() {
            let level = WorkerAwardLevel(rawValue: try r.decode(column: "level", as: String.self)) ?? .city
            awards[try r.decode(column: "worker_id", as: UUID.self), default: []].append(
                .init(
                    id: try r.decode(column: "id", as: UUID.self), level: level.rawValue, levelName: level.chinese,
                    title: try r.decode(column: "title", as: String.self),
                    awardedOn: try r.decode(column: "awarded_on", as: String.self)))
        }
        return try rows.map { r in
            let id = try r.decode(column: "id", as: UUID.self)
            let region = try r.decode(column: "region", as: String.self)
            let startedText = try r.decode(column: "started_on", as: String.self)
            let qualification =
                SocialWorkQualification(rawValue: try r.decode(column: "qualification", as: String.self)) ?? .none
            let es = evaluations[id] ?? []
            let as_ = awards[id] ?? []
            var byYear: [Int: WorkerEvaluation] = [:]
            for e in es { byYear[e.year] = WorkerEvaluation(rawValue: e.outcome) }
            let stars = CommunityWorkerStars.rate(
                startedOn: CivilDate(startedText) ?? asOf, qualification: qualification, evaluations: byYear,
                awards: as_.compactMap { a -> (level: WorkerAwardLevel, on: CivilDate)? in
                    guard let level = WorkerAwardLevel(rawValue: a.level), let on = CivilDate(a.awardedOn) else {
                        return nil
                    }
                    return (level: level, on: on)
                }, asOf: asOf, p)
            return WorkerRecord(
                id: id, version: try r.decode(column: "version", as: Int.self), region: region,
                regionName: regions.nameInCity(region),
                name: try r.decode(column: "name", as: String.self),
                personId: try r.decode(column: "person_id", as: UUID?.self),
                idMasked: try r.decode(column: "id_masked", as: String.self), startedOn: startedText,
                qualification: qualification.rawValue, qualificationName: qualification.chinese, stars: stars,
                starsLabel: stars.label, evaluations: es, awards: as_)
        }
    }

    /// False when the year is on file.
    func insertEvaluation(worker: UUID, year: Int, outcome: WorkerEvaluation, at now: Date) async throws -> Bool {
        try await db.raw(
            """
            INSERT INTO worker_evaluations (id, worker_id, year, outcome, created_at)
            VALUES (\(bind: UUID()), \(bind: worker), \(bind: year), \(bind: outcome.rawValue), \(bind: now))
            ON CONFLICT (worker_id, year) DO NOTHING RETURNING id
            """
        ).first() != nil
    }

    func insertAward(
        id: UUID, worker: UUID, level: WorkerAwardLevel, title: String, on day: CivilDate, at now: Date
    ) async throws {
        try await db.raw(
            """
            INSERT INTO worker_awards (id, worker_id, level, title, awarded_on, created_at)
            VALUES (\(bind: id), \(bind: worker), \(bind: level.rawValue), \(bind: title), \(bind: day.description),
              \(bind: now))
            """
        ).run()
    }

    // MARK: Stations

    /// False when the street has a station.
    func insertStation(
        id: UUID, street: String, name: String, openedOn: CivilDate, staff: Int, services: [String], at now: Date
    ) async throws -> Bool {
        try await db.raw(
            """
            INSERT INTO social_work_stations (id, street, name, opened_on, staff_count, services, created_at)
            VALUES (\(bind: id), \(bind: street), \(bind: name), \(bind: openedOn.description), \(bind: staff),
              \(bind: services.joined(separator: "\n")), \(bind: now))
            ON CONFLICT (street) DO NOTHING RETURNING id
            """
        ).first() != nil
    }

    func stations(within scope: RegionScope) async throws -> [StationRecord] {
        try await db.raw("SELECT * FROM social_work_stations WHERE \(scope.condition("street")) ORDER BY street").all()
            .map { r in
                let street = try r.decode(column: "street", as: String.self)
                return StationRecord(
                    id: try r.decode(column: "id", as: UUID.self), street: street,
                    streetName: regions.nameInCity(street),
                    name: try r.decode(column: "name", as: String.self),
                    openedOn: try r.decode(column: "opened_on", as: String.self),
                    staffCount: try r.decode(column: "staff_count", as: Int.self),
                    services: try r.decode(column: "services", as: String.self).split(separator: "\n").map(String.init))
            }
    }
}
