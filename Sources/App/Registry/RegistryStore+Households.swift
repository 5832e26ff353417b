import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The registry's households: creating one, members joining, moving and leaving, the
/// household lists and record. (`RegistryStore` holds the persons.)
extension RegistryStore {
    func createHousehold(
        region: RegionCode, address: String, members: [(PersonDraft, Relation)], importRef: String? = nil
    ) async throws -> UUID {
        try Self.checkHeads(members.map(\.1))
        let recorder = recorder
        let id = UUID()
        let now = clock.now
        try await db.insert(into: "households").columns(HouseholdColumns.insert)
            .values(
                HouseholdColumns.values(id: id, region: region, address: address, importRef: importRef, now: now).map(
                    \.bind)
            )
            .run()
        try await recorder.record(
            "household.create", entity: "household", id: id.uuidString, region: region.value,
            after: HouseholdAuditRecord(region: region.value, address: address, importRef: importRef))
        for (draft, relation) in members {
            let personID = try await insertPerson(draft, region: region, now: now)
            try await join(personID: personID, householdID: id, region: region.value, relation: relation, at: now)
        }
        return id
    }

    /// A household has exactly one head (户主).
    static func checkHeads(_ relations: [Relation], field: String = "members") throws {
        let heads = relations.filter { $0 == .head }.count
        if heads == 0 { throw Refusal.invalid(field, "户内必须有一名户主（与户主关系为“本人”）") }
        if heads > 1 { throw Refusal.invalid(field, "户内只能有一名户主，现有\(heads)名") }
    }

    /// A person joins a household (of `region`), which becomes the person's current one.
    func join(personID: UUID, householdID: UUID, region: String, relation: Relation, at now: Date? = nil) async throws {
        let now = now ?? clock.now
        let recorder = recorder
        try await db.insert(into: "memberships").columns(MembershipColumns.insert)
            .values(
                MembershipColumns.values(householdID: householdID, personID: personID, relation: relation, at: now).map(
                    \.bind)
            )
            .run()
        try await db.raw("UPDATE persons SET household_id = \(bind: householdID) WHERE id = \(bind: personID)").run()
        try await recorder.record(
            "membership.create", entity: "person", id: personID.uuidString, region: region,
            after: MembershipAuditRecord(householdId: householdID, personId: personID, relation: relation.rawValue))
    }

    /// Registers a new person as a member of a household (of the household's region).
    func addNewMember(_ draft: PersonDraft, relation: Relation, to household: HouseholdDetail) async throws {
        if relation == .head, household.members.contains(where: { $0.relation == Relation.head.rawValue }) {
            throw Refusal.invalid("relation", "该户已有户主")
        }
        let personID = try await insertPerson(draft, region: RegionCode(household.region)!)
        try await join(personID: personID, householdID: household.id, region: household.region, relation: relation)
        try await follow([.init(household: household.id, kind: .joined, person: personID, from: clock.nextMonth)])
    }

    /// The household-level benefits of changed households follow their members.
    func follow(_ changes: [HouseholdChangeFollower.Change]) async throws {
        try await HouseholdChangeFollower(db: db, cipher: cipher, clock: clock, audit: recorder).follow(changes)
    }

    /// Moves the registered person with this ID number into a household (see `move`).
    func moveIn(
        idNumber: ResidentID, toHousehold householdID: UUID, relation: Relation, within scope: RegionScope
    ) async throws {
        guard
            let person = try await db.select().columns("id", "region").from("persons")
                .where("id_index", .in, cipher.blindIndexes(idNumber.value)).first()
        else {
            throw Refusal.invalid("idNumber", "身份证号 \(idNumber.masked) 尚未登记，请用“新增成员”登记")
        }
        guard RegionCode(try person.decode(column: "region", as: String.self)).map(scope.region.contains) == true else {
            throw Refusal.invalid("idNumber", "身份证号 \(idNumber.masked) 登记在您管辖范围以外的区划，请联系其所在街道迁出")
        }
        try await move(
            personID: try person.decode(column: "id", as: UUID.self), toHousehold: householdID, relation: relation,
            within: scope)
    }

    /// Moves a person into a household (ending the current membership, kept as history)
    /// and brings the person's region along.
    func move(personID: UUID, toHousehold householdID: UUID, relation: Relation, within scope: RegionScope) async throws
    {
        guard
            let target = try await db.raw(
                "SELECT region FROM households WHERE id = \(bind: householdID) AND \(scope.condition("region"))"
            ).first()
        else {
            throw Refusal.notFound("家庭")
        }
        guard
            try await db.raw("SELECT id FROM persons WHERE id = \(bind: personID) AND \(scope.condition("region"))")
                .first() != nil
        else {
            throw Refusal.notFound("人员")
        }
        if relation == .head,
            try await db.raw(
                """
                SELECT 1 AS x FROM memberships WHERE household_id = \(bind: householdID) AND relation = 'head' AND left_at IS NULL AND person_id <> \(bind: personID)
                """
            ).first() != nil
        {
            throw Refusal.invalid("relation", "该户已有户主")
        }
        let now = clock.now
        let recorder = recorder
        let targetRegion = try target.decode(column: "region", as: String.self)
        var left: UUID?
        if let previous = try await db.raw(
            """
            SELECT m.household_id, m.relation, h.region FROM memberships m JOIN households h ON h.id = m.household_id
            WHERE m.person_id = \(bind: personID) AND m.left_at IS NULL
            """
        ).first() {
            let before = MembershipAuditRecord(
                householdId: try previous.decode(column: "household_id", as: UUID.self), personId: personID,
                relation: try previous.decode(column: "relation", as: String.self))
            try await recorder.record(
                "membership.end", entity: "person", id: personID.uuidString,
                region: try previous.decode(column: "region", as: String.self), before: before)
            left = before.householdId
        }
        try await db.raw(
            "UPDATE memberships SET left_at = \(bind: now) WHERE person_id = \(bind: personID) AND left_at IS NULL"
        ).run()
        try await join(personID: personID, householdID: householdID, region: targetRegion, relation: relation, at: now)
        try await db.raw(
            """
            UPDATE persons SET region = \(bind: targetRegion), version = version + 1, updated_at = \(bind: now)
            WHERE id = \(bind: personID)
            """
        ).run()
        try await touchHousehold(householdID)
        var changes: [HouseholdChangeFollower.Change] = [
            .init(household: householdID, kind: .joined, person: personID, from: clock.nextMonth)
        ]
        if let left, left != householdID {
            changes.insert(.init(household: left, kind: .movedOut, person: personID, from: clock.nextMonth), at: 0)
        }
        try await follow(changes)
    }

    func household(id: UUID, within scope: RegionScope) async throws -> HouseholdDetail? {
        guard
            let row = try await db.raw(
                "SELECT * FROM households WHERE id = \(bind: id) AND \(scope.condition("region"))"
            ).first()
        else { return nil }
        let members = try await db.raw(
            """
            SELECT p.id, p.name, p.id_masked, p.sex, p.birth_date, p.deceased_on, m.relation FROM memberships m
            JOIN persons p ON p.id = m.person_id
            WHERE m.household_id = \(bind: id) AND m.left_at IS NULL ORDER BY CASE m.relation WHEN 'head' THEN 0 ELSE 1 END, p.birth_date
            """
        ).all().map { r in
            HouseholdMember(
                personId: try r.decode(column: "id", as: UUID.self),
                name: try r.decode(column: "name", as: String.self),
                idNumberMasked: try r.decode(column: "id_masked", as: String.self),
                sex: try r.decode(column: "sex", as: String.self),
                birthDate: try r.decode(column: "birth_date", as: String.self),
                relation: try r.decode(column: "relation", as: String.self),
                deceasedOn: try r.decode(column: "deceased_on", as: String?.self))
        }
        let region = try row.decode(column: "region", as: String.self)
        return HouseholdDetail(
            id: id, version: try row.decode(column: "version", as: Int.self), region: region,
            regionName: RegionCode(region).map(regions.fullName) ?? region,
            address: try row.decode(column: "address", as: String.self), members: members)
    }

    struct HouseholdQuery: Sendable {
        var region: RegionCode?
        var address: String?
        var sort = HouseholdSort.region
    }

    /// One page of the households the query finds; a page past the end is the last one.
    func households(
        within scope: RegionScope, matching query: HouseholdQuery, page: PageRequest
    ) async throws -> Page<HouseholdSummary> {
        // By the head's name the list is sorted whole (the name is a subquery); every other
        // order seeks in an index (`SeekList`).
        guard query.sort == .head else { return try await seekHouseholds(within: scope, matching: query, page: page) }
        let filter = householdFilter(scope, query)
        return try await self.page(of: "households h", filter: filter, request: page) { limit, offset in
            try await households(filter, sort: query.sort, limit: limit, offset: offset)
        }
    }

    /// Counts what `filter` selects of `table`, holds the request to that many rows and reads its page.
    func page<Item: Content & Sendable>(
        of table: String, filter: SQLQueryString, request: PageRequest,
        rows: (_ limit: Int, _ offset: Int) async throws -> [Item]
    ) async throws -> Page<Item> {
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE \(filter)").first()?.decode(
                column: "n", as: Int.self) ?? 0
        let page = request.clamped(total: total)
        return Page(
            items: try await rows(page.perPage, page.offset), total: total, page: page.page, perPage: page.perPage)
    }

    /// The households the query finds from `offset`, for an export that goes through them all.
    func households(
        within scope: RegionScope, matching query: HouseholdQuery, limit: Int, offset: Int
    ) async throws -> [HouseholdSummary] {
        try await households(householdFilter(scope, query), sort: query.sort, limit: limit, offset: offset)
    }

    private func householdFilter(_ scope: RegionScope, _ query: HouseholdQuery) -> SQLQueryString {
        var filter = SQLQueryString("\(scope.condition("h.region"))")
        if let region = query.region { filter = "\(filter) AND \(RegionScope(region).condition("h.region"))" }
        if let address = query.address, !address.isEmpty {
            filter = "\(filter) AND h.address LIKE \(bind: Self.likeContains(address)) ESCAPE '\\'"
        }
        return filter
    }

    /// A household summary's columns of `households h`: its head and member count as subqueries.
    static let householdColumns: SQLQueryString = """
        h.id, h.version, h.region, h.address,
          (SELECT p.name FROM memberships m JOIN persons p ON p.id = m.person_id
            WHERE m.household_id = h.id AND m.left_at IS NULL AND m.relation = 'head') AS head_name,
          (SELECT COUNT(*) FROM memberships m WHERE m.household_id = h.id AND m.left_at IS NULL) AS member_count
        """

    func householdSummary(_ r: any SQLRow) throws -> HouseholdSummary {
        let region = try r.decode(column: "region", as: String.self)
        return HouseholdSummary(
            id: try r.decode(column: "id", as: UUID.self), version: try r.decode(column: "version", as: Int.self),
            region: region, regionName: RegionCode(region).map(regions.fullName) ?? region,
            address: try r.decode(column: "address", as: String.self),
            headName: try r.decode(column: "head_name", as: String?.self),
            memberCount: try r.decode(column: "member_count", as: Int.self))
    }

    private func households(
        _ filter: SQLQueryString, sort: HouseholdSort, limit: Int, offset: Int
    ) async throws -> [HouseholdSummary] {
        let columns = Self.householdColumns
        // The page's households are chosen first and only they get their head and count: with
        // the subqueries beside the OFFSET, PostgreSQL computed them for every row it skipped
        // (a deep page of a 4 M-household registry). Sorting by the head's name needs them all.
        let query: SQLQueryString =
            sort == .head
            ? """
            SELECT \(columns) FROM households h WHERE \(filter)
            ORDER BY \(unsafeRaw: sort.orderBy) LIMIT \(bind: limit) OFFSET \(bind: offset)
            """
            : """
            SELECT \(columns) FROM (
              SELECT h.id FROM households h WHERE \(filter)
              ORDER BY \(unsafeRaw: sort.orderBy) LIMIT \(bind: limit) OFFSET \(bind: offset)
            ) page JOIN households h ON h.id = page.id ORDER BY \(unsafeRaw: sort.orderBy)
            """
        return try await db.raw(query).all().map(householdSummary)
    }

    /// Changes a household's region and address; its members' region follows.
    func updateHousehold(
        id: UUID, within scope: RegionScope, version: Int, region: RegionCode, address: String
    ) async throws {
        let recorder = recorder
        guard
            let row = try await db.raw(
                "SELECT version, region, address FROM households WHERE id = \(bind: id) AND \(scope.condition("region"))"
            ).first()
        else {
            throw Refusal.notFound("家庭")
        }
        let before = HouseholdAuditRecord(
            region: try row.decode(column: "region", as: String.self),
            address: try row.decode(column: "address", as: String.self))
        let current = try row.decode(column: "version", as: Int.self)
        guard current == version else { throw Refusal.staleVersion(current: current) }
        let now = clock.now
        try await db.raw(
            """
            UPDATE households SET region = \(bind: region.value), address = \(bind: address), version = version + 1, updated_at = \(bind: now)
            WHERE id = \(bind: id) AND version = \(bind: version)
            """
        ).run()
        try await db.raw(
            """
            UPDATE persons SET region = \(bind: region.value), updated_at = \(bind: now)
            WHERE id IN (SELECT person_id FROM memberships WHERE household_id = \(bind: id) AND left_at IS NULL)
            """
        ).run()
        // Under the region the household was in: a move away is seen by the auditor of the
        // region it left; later events carry the new region.
        try await recorder.record(
            "household.update", entity: "household", id: id.uuidString, region: before.region,
            before: before, after: HouseholdAuditRecord(region: region.value, address: address))
    }

    func touchHousehold(_ id: UUID) async throws {
        try await db.raw(
            "UPDATE households SET version = version + 1, updated_at = \(bind: clock.now) WHERE id = \(bind: id)"
        ).run()
    }
}
