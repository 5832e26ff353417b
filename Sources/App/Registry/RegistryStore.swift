import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// Reads and writes of the registry, always within a region scope. Writes run inside an
/// audited transaction (`Request.auditedTransaction`): each records its audit event with
/// the change, so that nothing is half-saved and nothing is saved unrecorded.
struct RegistryStore {
    let db: SQLDatabase
    let cipher: FieldCipher
    let regions: RegionTable
    let clock: PlatformClock
    /// Present for writes; a write without it is a programming error.
    var audit: AuditRecorder? = nil

    var recorder: AuditRecorder {
        guard let audit else { preconditionFailure("registry writes must run in an audited transaction") }
        return audit
    }

    // MARK: persons

    /// Refuses a second person with the same ID number (checked by blind index, which the
    /// unique index enforces as well).
    func insertPerson(
        _ draft: PersonDraft, region: RegionCode, id: UUID = UUID(), now: Date? = nil
    ) async throws -> UUID {
        let now = now ?? clock.now
        let index = cipher.blindIndex(draft.residentID.value)
        if let existing = try await db.select().columns("id", "region").from("persons")
            .where("id_index", .in, cipher.blindIndexes(draft.residentID.value)).first()
        {
            throw DuplicateIDNumber(
                existing: try existing.decode(column: "id", as: UUID.self),
                existingRegion: try existing.decode(column: "region", as: String.self),
                masked: draft.residentID.masked, attemptedRegion: region.value)
        }
        let recorder = recorder
        try await db.insert(into: "persons")
            .columns(PersonColumns.insert)
            .values(
                PersonColumns.values(
                    draft, id: id, region: region, index: index, cipher: cipher, now: now, household: nil
                ).map(\.bind)
            )
            .run()
        try await recorder.record(
            "person.create", entity: "person", id: id.uuidString, region: region.value,
            after: PersonAuditRecord(draft, region: region.value))
        return id
    }

    func householdCount(within scope: RegionScope) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM households WHERE \(scope.condition("region"))").first()?.decode(
            column: "n", as: Int.self) ?? 0
    }

    func personCount(within scope: RegionScope) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM persons WHERE \(scope.condition("region"))").first()?.decode(
            column: "n", as: Int.self) ?? 0
    }

    /// What a resident's registration is checked against: the person of an ID number's blind
    /// index, with the phone on file decrypted.
    struct Identity: Sendable {
        let id: UUID
        let name: String
        let region: String
        let phone: String?
    }

    /// `blindIndexes`: the ID number's under every data key (`FieldCipher.blindIndexes`).
    func identity(blindIndexes: [String]) async throws -> Identity? {
        guard
            let row = try await db.select().columns("id", "name", "region", "phone_cipher").from("persons")
                .where("id_index", .in, blindIndexes).first()
        else { return nil }
        return Identity(
            id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
            region: try row.decode(column: "region", as: String.self),
            phone: try row.decode(column: "phone_cipher", as: String?.self).map(cipher.decrypt))
    }

    /// Marks persons deceased on their dates (a department's death notices), many at once:
    /// two statements per person took most of a death file's time.
    static func recordDeaths(_ deaths: [(person: UUID, on: CivilDate)], on db: SQLDatabase) async throws {
        for chunk in deaths.chunked(500) {
            let dates = SQLList(
                chunk.map { SQLQueryString("WHEN \(bind: $0.person) THEN \(bind: $0.on.description)") },
                separator: SQLRaw(" "))
            try await db.raw(
                "UPDATE persons SET deceased_on = CASE id \(dates) END, version = version + 1 WHERE id IN \(SQLBind.group(chunk.map(\.person)))"
            ).run()
        }
    }

    /// The households a person belongs to now (one, but for a move in progress).
    func currentHouseholdIDs(person: UUID) async throws -> [UUID] {
        try await db.raw("SELECT household_id FROM memberships WHERE person_id = \(bind: person) AND left_at IS NULL")
            .all().map { try $0.decode(column: "household_id", as: UUID.self) }
    }

    func personID(blindIndexes: [String]) async throws -> UUID? {
        try await db.select().column("id").from("persons").where("id_index", .in, blindIndexes).first()?.decode(
            column: "id", as: UUID.self)
    }

    func person(id: UUID, within scope: RegionScope, revealIdentity: Bool = false) async throws -> PersonDetail? {
        guard
            let row = try await db.raw(
                """
                SELECT p.*, m.household_id, m.relation FROM persons p
                LEFT JOIN memberships m ON m.person_id = p.id AND m.left_at IS NULL
                WHERE p.id = \(bind: id) AND \(scope.condition("p.region"))
                """
            ).first()
        else { return nil }
        let history = try await db.raw(
            """
            SELECT m.household_id, h.address, h.region, m.relation, m.joined_at, m.left_at FROM memberships m
            JOIN households h ON h.id = m.household_id WHERE m.person_id = \(bind: id) ORDER BY m.joined_at DESC
            """
        ).all().map { r in
            MembershipEntry(
                householdId: try r.decode(column: "household_id", as: UUID.self),
                address: try r.decode(column: "address", as: String.self),
                region: try r.decode(column: "region", as: String.self),
                relation: try r.decode(column: "relation", as: String.self),
                joinedAt: try r.decode(column: "joined_at", as: Date.self),
                leftAt: try r.decode(column: "left_at", as: Date?.self))
        }
        return PersonDetail(
            id: id, version: try row.decode(column: "version", as: Int.self),
            name: try row.decode(column: "name", as: String.self),
            idNumberMasked: try row.decode(column: "id_masked", as: String.self),
            idNumber: revealIdentity ? try cipher.decrypt(try row.decode(column: "id_cipher", as: String.self)) : nil,
            sex: try row.decode(column: "sex", as: String.self),
            birthDate: try row.decode(column: "birth_date", as: String.self),
            phoneMasked: try row.decode(column: "phone_masked", as: String?.self),
            hukou: try row.decode(column: "hukou", as: String.self),
            disabilityGrade: try row.decode(column: "disability_grade", as: Int?.self),
            disabilityKind: try row.decode(column: "disability_kind", as: String?.self),
            selfCare: try row.decode(column: "self_care", as: String.self),
            laborCapacity: try row.decode(column: "labor_capacity", as: String.self),
            deceasedOn: try row.decode(column: "deceased_on", as: String?.self),
            region: try row.decode(column: "region", as: String.self),
            householdId: try row.decode(column: "household_id", as: UUID?.self),
            relation: try row.decode(column: "relation", as: String?.self),
            history: history)
    }

    /// The plain phone number, for the person's own edit form.
    func phone(personID: UUID, within scope: RegionScope) async throws -> String? {
        guard
            let row = try await db.raw(
                "SELECT phone_cipher FROM persons WHERE id = \(bind: personID) AND \(scope.condition("region"))"
            ).first(),
            let stored = try row.decode(column: "phone_cipher", as: String?.self)
        else { return nil }
        return try cipher.decrypt(stored)
    }

    struct PersonQuery: Sendable {
        var terms = PersonSearchTerms()
        var region: RegionCode?
        var sort = PersonSort.region
    }

    /// One page of the persons the query finds; a page past the end is the last one.
    func persons(
        within scope: RegionScope, matching query: PersonQuery, page: PageRequest
    ) async throws -> Page<PersonSummary> {
        try await seekPersons(within: scope, matching: query, page: page)
    }

    /// The persons the query finds from `offset`, for an export that goes through them all.
    func persons(
        within scope: RegionScope, matching query: PersonQuery, limit: Int, offset: Int
    ) async throws -> [PersonSummary] {
        try await persons(personFilter(scope, query), sort: query.sort, limit: limit, offset: offset)
    }

    private func personFilter(_ scope: RegionScope, _ query: PersonQuery) -> SQLQueryString {
        var filter = SQLQueryString("\(scope.condition("p.region"))")
        if let region = query.region { filter = "\(filter) AND \(RegionScope(region).condition("p.region"))" }
        let terms = query.terms
        if let name = terms.name { filter = "\(filter) AND p.name LIKE \(bind: Self.likeContains(name)) ESCAPE '\\'" }
        // Each under every data key: during a key rotation a row may still hold the old one.
        if let id = terms.residentID {
            filter = "\(filter) AND p.id_index IN \(SQLBind.group(cipher.blindIndexes(id.value)))"
        }
        if let last6 = terms.idLast6 {
            filter =
                "\(filter) AND p.id_last6_index IN \(SQLBind.group(PersonSearchIndex.idLast6Lookups(last6, cipher: cipher)))"
        }
        if let phone = terms.phone {
            filter =
                "\(filter) AND p.phone_index IN \(SQLBind.group(PersonSearchIndex.phoneLookups(phone, cipher: cipher)))"
        }
        return filter
    }

    private func persons(
        _ filter: SQLQueryString, sort: PersonSort, limit: Int, offset: Int
    ) async throws -> [PersonSummary] {
        try await db.raw(
            """
            SELECT \(Self.personColumns) WHERE \(filter) ORDER BY \(unsafeRaw: sort.orderBy) LIMIT \(bind: limit) OFFSET \(bind: offset)
            """
        ).all().map(personSummary)
    }

    /// A person summary's columns, of `persons p` and its current membership `m` (`personMembership`).
    static let personFields: SQLQueryString = """
        p.id, p.version, p.name, p.id_masked, p.phone_masked, p.sex, p.birth_date, p.region, p.deceased_on, m.household_id, m.relation
        """
    static let personMembership: SQLQueryString =
        "LEFT JOIN memberships m ON m.person_id = p.id AND m.left_at IS NULL"
    /// A person summary's columns and tables.
    static let personColumns: SQLQueryString = "\(personFields) FROM persons p \(personMembership)"

    func personSummary(_ r: any SQLRow) throws -> PersonSummary {
        let region = try r.decode(column: "region", as: String.self)
        return PersonSummary(
            id: try r.decode(column: "id", as: UUID.self), version: try r.decode(column: "version", as: Int.self),
            name: try r.decode(column: "name", as: String.self),
            idNumberMasked: try r.decode(column: "id_masked", as: String.self),
            phoneMasked: try r.decode(column: "phone_masked", as: String?.self),
            sex: try r.decode(column: "sex", as: String.self),
            birthDate: try r.decode(column: "birth_date", as: String.self),
            region: region, regionName: RegionCode(region).map(regions.fullName) ?? region,
            householdId: try r.decode(column: "household_id", as: UUID?.self),
            relation: try r.decode(column: "relation", as: String?.self),
            deceasedOn: try r.decode(column: "deceased_on", as: String?.self))
    }

    /// Replaces a person's facts when `version` is the current one.
    func updatePerson(id: UUID, within scope: RegionScope, version: Int, with draft: PersonDraft) async throws {
        let recorder = recorder
        guard
            let current = try await db.raw(
                "SELECT * FROM persons WHERE id = \(bind: id) AND \(scope.condition("region"))"
            ).first()
        else {
            throw Refusal.notFound("人员")
        }
        let before = try PersonAuditRecord(row: current)
        let currentVersion = try current.decode(column: "version", as: Int.self)
        guard currentVersion == version else { throw Refusal.staleVersion(current: currentVersion) }
        let index = cipher.blindIndex(draft.residentID.value)
        let indexes = cipher.blindIndexes(draft.residentID.value)
        if !indexes.contains(try current.decode(column: "id_index", as: String.self)),
            try await personID(blindIndexes: indexes) != nil
        {
            throw Refusal(.conflict, "身份证号 \(draft.residentID.masked) 已登记在另一人员档案中", field: "idNumber")
        }
        try await db.raw(
            """
            UPDATE persons SET name = \(bind: draft.name), id_index = \(bind: index), id_cipher = \(bind: cipher.encrypt(draft.residentID.value)),
              id_masked = \(bind: draft.residentID.masked), sex = \(bind: draft.sex.rawValue), birth_date = \(bind: draft.birthDate.description),
              phone_cipher = \(bind: draft.phone.map(cipher.encrypt)), phone_masked = \(bind: draft.phone.map(RegistryValidation.maskPhone)),
              id_last6_index = \(bind: PersonSearchIndex.idLast6(of: draft.residentID, cipher: cipher)),
              phone_index = \(bind: draft.phone.map { PersonSearchIndex.phone($0, cipher: cipher) }),
              hukou = \(bind: draft.hukou.rawValue), disability_grade = \(bind: draft.disabilityGrade),
              disability_kind = \(bind: draft.disabilityKind?.rawValue), self_care = \(bind: draft.selfCare.rawValue),
              labor_capacity = \(bind: draft.laborCapacity.rawValue), deceased_on = \(bind: draft.deceasedOn?.description),
              version = version + 1, updated_at = \(bind: clock.now)
            WHERE id = \(bind: id) AND version = \(bind: version)
            """
        ).run()
        try await recorder.record(
            "person.update", entity: "person", id: id.uuidString, region: before.region,
            before: before, after: PersonAuditRecord(draft, region: before.region))
        // A death recorded by hand is followed like one a department reports.
        if let died = draft.deceasedOn, try current.decode(column: "deceased_on", as: String?.self) == nil {
            try await FuneralSubsidyProposer(db: db, clock: clock, audit: recorder).afterDeaths([(id, died)])
        }
        if let died = draft.deceasedOn, try current.decode(column: "deceased_on", as: String?.self) == nil,
            let household = try current.decode(column: "household_id", as: UUID?.self)
        {
            try await follow([
                .init(
                    household: household, kind: .death, person: id, from: DeathEffects(deathDate: died).benefitsStopFrom
                )
            ])
        } else if draft.selfCare.rawValue != before.selfCare {
            // The tekun care standard follows self-care, as after an ability assessment.
            try await followSelfCare(household: try current.decode(column: "household_id", as: UUID?.self))
        }
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    static func likePrefix(_ text: String) -> String { escapeLike(text) + "%" }

    /// Anywhere in the text (秀菊 finds 王秀菊). A scan for now; trigram indexes are to follow.
    static func likeContains(_ text: String) -> String { "%" + escapeLike(text) + "%" }
}

/// A new person whose ID number is already registered. The answer says only that (the
/// trade-off that catches duplicates), never where; the attempt is on record in the region
/// of the person it touched, so that its auditors see who looked for their residents.
struct DuplicateIDNumber: RecordedRefusal {
    let existing: UUID
    let existingRegion: String
    let masked: String
    let attemptedRegion: String

    var answer: Refusal { Refusal(.conflict, "身份证号 \(masked) 已登记，请在原档案中修改", field: "idNumber") }

    func record(_ audit: AuditRecorder) async throws {
        try await audit.record(
            "person.duplicate.refused", entity: "person", id: existing.uuidString, region: existingRegion,
            after: ["idNumberMasked": masked, "attemptedRegion": attemptedRegion])
    }
}
