import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The only code that names `child_categories` and the care-home tables: the children known by
/// category with their history, the children turning adult, the ageing out, and the care homes.
struct ChildStore {
    let db: SQLDatabase

    /// A category record as lists, the child's page and the API show it (the outsider
    /// guardian's numbers masked; the registry guardian by name).
    struct Record: Content, Sendable {
        let id: UUID
        let version: Int
        let personId: UUID
        let personName: String
        let idMasked: String
        let birthDate: String
        let householdId: UUID
        let region: String
        let category: String
        let categoryName: String
        let reason: String?
        let guardianPersonId: UUID?
        let guardianName: String
        let guardianRelation: String
        let guardianIdMasked: String?
        let guardianPhoneMasked: String?
        let startsOn: String
        let endsOn: String?
        let endReason: String?
        let endReasonName: String?
        let directorId: UUID
        let directorName: String
        let supervisorId: UUID
        let supervisorName: String
        let createdBy: String
    }

    private static let select: SQLQueryString = """
        SELECT c.*, p.name AS person_name, p.id_masked, p.birth_date, d.display_name AS director_name,
          s.display_name AS supervisor_name
        FROM child_categories c JOIN persons p ON p.id = c.person_id
        JOIN users d ON d.id = c.director_id JOIN users s ON s.id = c.supervisor_id
        """

    static func record(_ r: SQLRow) throws -> Record {
        let category = try r.decode(column: "category", as: String.self)
        let end = try r.decode(column: "end_reason", as: String?.self)
        return Record(
            id: try r.decode(column: "id", as: UUID.self), version: try r.decode(column: "version", as: Int.self),
            personId: try r.decode(column: "person_id", as: UUID.self),
            personName: try r.decode(column: "person_name", as: String.self),
            idMasked: try r.decode(column: "id_masked", as: String.self),
            birthDate: try r.decode(column: "birth_date", as: String.self),
            householdId: try r.decode(column: "household_id", as: UUID.self),
            region: try r.decode(column: "region", as: String.self), category: category,
            categoryName: ChildCategory(rawValue: category)?.chinese ?? category,
            reason: try r.decode(column: "reason", as: String?.self),
            guardianPersonId: try r.decode(column: "guardian_person_id", as: UUID?.self),
            guardianName: try r.decode(column: "guardian_name", as: String.self),
            guardianRelation: try r.decode(column: "guardian_relation", as: String.self),
            guardianIdMasked: try r.decode(column: "guardian_id_masked", as: String?.self),
            guardianPhoneMasked: try r.decode(column: "guardian_phone_masked", as: String?.self),
            startsOn: try r.decode(column: "starts_on", as: String.self),
            endsOn: try r.decode(column: "ends_on", as: String?.self), endReason: end,
            endReasonName: end.flatMap(ChildCategoryEnd.init(rawValue:))?.chinese,
            directorId: try r.decode(column: "director_id", as: UUID.self),
            directorName: try r.decode(column: "director_name", as: String.self),
            supervisorId: try r.decode(column: "supervisor_id", as: UUID.self),
            supervisorName: try r.decode(column: "supervisor_name", as: String.self),
            createdBy: try r.decode(column: "created_by", as: String.self))
    }

    // MARK: category records

    struct NewRecord: Sendable {
        let person: UUID
        let household: UUID
        let region: String
        let category: ChildCategory
        let reason: String?
        let guardianPerson: UUID?
        let guardianName: String
        let guardianRelation: String
        let guardianCipher: String?
        let guardianIdMasked: String?
        let guardianPhoneMasked: String?
        let startsOn: CivilDate
        let endsOn: CivilDate?
        let director: UUID
        let supervisor: UUID
    }

    /// Inserts the record unless the child has an open one of the category; its id, or nil.
    func insert(_ n: NewRecord, by name: String, at now: Date) async throws -> UUID? {
        let id = UUID.random()
        return try await db.raw(
            """
            INSERT INTO child_categories (id, person_id, household_id, region, category, reason, guardian_person_id,
              guardian_name, guardian_relation, guardian_cipher, guardian_id_masked, guardian_phone_masked, starts_on,
              ends_on, director_id, supervisor_id, created_by, created_at, version)
            VALUES (\(bind: id), \(bind: n.person), \(bind: n.household), \(bind: n.region), \(bind: n.category.rawValue),
              \(bind: n.reason), \(bind: n.guardianPerson), \(bind: n.guardianName), \(bind: n.guardianRelation),
              \(bind: n.guardianCipher), \(bind: n.guardianIdMasked), \(bind: n.guardianPhoneMasked),
              \(bind: n.startsOn.description), \(bind: n.endsOn?.description), \(bind: n.director), \(bind: n.supervisor),
              \(bind: name), \(bind: now), 1)
            ON CONFLICT (person_id, category) WHERE end_reason IS NULL DO NOTHING RETURNING id
            """
        ).first() != nil ? id : nil
    }

    /// Ends an open record when `version` is still its own; false when it is not.
    func end(id: UUID, version: Int, on day: CivilDate, reason: ChildCategoryEnd) async throws -> Bool {
        try await db.raw(
            """
            UPDATE child_categories SET ends_on = \(bind: day.description), end_reason = \(bind: reason.rawValue),
              version = version + 1
            WHERE id = \(bind: id) AND version = \(bind: version) AND end_reason IS NULL RETURNING id
            """
        ).first() != nil
    }

    func record(id: UUID, within scope: RegionScope) async throws -> Record? {
        try await db.raw("\(Self.select) WHERE c.id = \(bind: id) AND \(scope.condition("c.region"))").first()
            .map(Self.record)
    }

    /// Every record of a child, current first, then by start (the history of category changes).
    func records(person: UUID, within scope: RegionScope) async throws -> [Record] {
        try await db.raw(
            """
            \(Self.select) WHERE c.person_id = \(bind: person) AND \(scope.condition("c.region"))
            ORDER BY CASE WHEN c.end_reason IS NULL THEN 0 ELSE 1 END, c.starts_on DESC, c.id
            """
        ).all().map(Self.record)
    }

    /// The records in force (not ended) within the scope, by category, region and name.
    func current(
        within scope: RegionScope, category: ChildCategory?, page: PageRequest
    ) async throws -> Page<Record> {
        var condition: SQLQueryString = "c.end_reason IS NULL AND " + scope.condition("c.region")
        if let category { condition = condition + " AND c.category = \(bind: category.rawValue)" }
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM child_categories c WHERE \(condition)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let page = page.clamped(total: total)
        let rows = try await db.raw(
            """
            \(Self.select) WHERE \(condition) ORDER BY c.region, p.name, c.id
            LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        return Page(items: try rows.map(Self.record), total: total, page: page.page, perPage: page.perPage)
    }

    /// How many children are in force in each category, within the scope.
    func counts(within scope: RegionScope) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for r in try await db.raw(
            """
            SELECT category, COUNT(*) AS n FROM child_categories WHERE end_reason IS NULL AND \(scope.condition("region"))
            GROUP BY category
            """
        ).all() {
            counts[try r.decode(column: "category", as: String.self)] = try r.decode(column: "n", as: Int.self)
        }
        return counts
    }

    /// The sealed outsider guardian's numbers of a record, for the audited full view.
    func guardianCipher(id: UUID) async throws -> String? {
        try await db.raw("SELECT guardian_cipher FROM child_categories WHERE id = \(bind: id)").first()?
            .decode(column: "guardian_cipher", as: String?.self)
    }

    // MARK: ageing out and visits

    /// One open record as the hourly round reads it.
    struct Open: Sendable {
        let id: UUID
        let person: UUID
        let household: UUID
        let region: String
        let category: ChildCategory
        let birth: CivilDate
        let deceased: Bool
    }

    /// Every open record within the scope with the child's birth date (the round's input).
    func open(within scope: RegionScope) async throws -> [Open] {
        try await db.raw(
            """
            SELECT c.id, c.person_id, c.household_id, c.region, c.category, p.birth_date, p.deceased_on
            FROM child_categories c JOIN persons p ON p.id = c.person_id
            WHERE c.end_reason IS NULL AND \(scope.condition("c.region")) ORDER BY c.person_id, c.id
            """
        ).all().compactMap { r in
            guard let category = ChildCategory(rawValue: try r.decode(column: "category", as: String.self)),
                let birth = CivilDate(try r.decode(column: "birth_date", as: String.self))
            else { return nil }
            return Open(
                id: try r.decode(column: "id", as: UUID.self), person: try r.decode(column: "person_id", as: UUID.self),
                household: try r.decode(column: "household_id", as: UUID.self),
                region: try r.decode(column: "region", as: String.self), category: category, birth: birth,
                deceased: try r.decode(column: "deceased_on", as: String?.self) != nil)
        }
    }

    /// Ends a record by age on its birthday (whatever its version: the system's own step).
    func ageOut(id: UUID, on day: CivilDate) async throws -> Bool {
        try await db.raw(
            """
            UPDATE child_categories SET ends_on = \(bind: day.description), end_reason = \(bind: ChildCategoryEnd.agedOut.rawValue),
              version = version + 1
            WHERE id = \(bind: id) AND end_reason IS NULL RETURNING id
            """
        ).first() != nil
    }

    /// Child-benefit enrollments not ended whose child reaches `adultAge` in a month before
    /// `month` (born before the first of `month`, `adultAge` years earlier): (enrollment,
    /// person, region, birth).
    func childBenefitsPastAge(
        payableFrom month: YearMonth, adultAge: Int
    ) async throws -> [(enrollment: UUID, person: UUID, region: String, birth: CivilDate)] {
        let cutoff = YearMonth(year: month.year - adultAge, month: month.month)!.firstDay.description
        return try await db.raw(
            """
            SELECT e.id, e.person_id, e.region, p.birth_date FROM enrollments e JOIN persons p ON p.id = e.person_id
            WHERE e.item_code IN \(SQLBind.group(ChildRules.childPrograms))
              AND e.status <> \(bind: EnrollmentStatus.ended.rawValue) AND p.birth_date < \(bind: cutoff)
            ORDER BY e.id
            """
        ).all().compactMap { r in
            guard let birth = CivilDate(try r.decode(column: "birth_date", as: String.self)) else { return nil }
            return (
                try r.decode(column: "id", as: UUID.self), try r.decode(column: "person_id", as: UUID.self),
                try r.decode(column: "region", as: String.self), birth
            )
        }
    }

    /// A child in force in some category whose adult-age birthday falls within the window.
    struct TurningAdult: Content, Sendable {
        let personId: UUID
        let personName: String
        let idMasked: String
        let birthDate: String
        let adultOn: String
        let region: String
        let categories: [String]
        let benefits: [String]
    }

    /// Children with an open category born between the two days (inclusive), with their
    /// categories and the child benefits that will stop.
    func born(
        from first: CivilDate, through last: CivilDate, within scope: RegionScope
    ) async throws -> [(person: UUID, name: String, idMasked: String, birth: String, region: String, category: String)]
    {
        try await db.raw(
            """
            SELECT c.person_id, p.name, p.id_masked, p.birth_date, c.region, c.category
            FROM child_categories c JOIN persons p ON p.id = c.person_id
            WHERE c.end_reason IS NULL AND p.deceased_on IS NULL AND \(scope.condition("c.region"))
              AND p.birth_date >= \(bind: first.description) AND p.birth_date <= \(bind: last.description)
            ORDER BY p.birth_date, p.name, c.person_id
            """
        ).all().map { r in
            (
                try r.decode(column: "person_id", as: UUID.self), try r.decode(column: "name", as: String.self),
                try r.decode(column: "id_masked", as: String.self), try r.decode(column: "birth_date", as: String.self),
                try r.decode(column: "region", as: String.self), try r.decode(column: "category", as: String.self)
            )
        }
    }

    /// The child benefits not ended of these people (person → item codes).
    func childBenefits(of persons: [UUID]) async throws -> [UUID: [String]] {
        var found: [UUID: [String]] = [:]
        for chunk in persons.chunked(500) where !chunk.isEmpty {
            for r in try await db.raw(
                """
                SELECT person_id, item_code FROM enrollments WHERE person_id IN \(SQLBind.group(chunk))
                  AND item_code IN \(SQLBind.group(ChildRules.childPrograms))
                  AND status <> \(bind: EnrollmentStatus.ended.rawValue)
                ORDER BY item_code
                """
            ).all() {
                found[try r.decode(column: "person_id", as: UUID.self), default: []].append(
                    try r.decode(column: "item_code", as: String.self))
            }
        }
        return found
    }

    // MARK: care homes (关爱之家)

    struct CareHome: Content, Sendable {
        let id: UUID
        let name: String
        let region: String
        let address: String
        let openedOn: String
        let attending: Int
        let activities: Int
    }

    struct Activity: Content, Sendable {
        let id: UUID
        let heldOn: String
        let title: String
        let participants: Int
        let note: String?
        let createdBy: String
    }

    struct Attendee: Content, Sendable {
        let id: UUID
        let personId: UUID
        let personName: String
        let idMasked: String
        let joinedOn: String
        let leftOn: String?
    }

    private static let homeSelect: SQLQueryString = """
        SELECT h.id, h.name, h.region, h.address, h.opened_on,
          (SELECT COUNT(*) FROM child_care_home_children a WHERE a.home_id = h.id AND a.left_on IS NULL) AS attending,
          (SELECT COUNT(*) FROM child_care_home_activities v WHERE v.home_id = h.id) AS activities
        FROM child_care_homes h
        """

    private static func home(_ r: SQLRow) throws -> CareHome {
        CareHome(
            id: try r.decode(column: "id", as: UUID.self), name: try r.decode(column: "name", as: String.self),
            region: try r.decode(column: "region", as: String.self),
            address: try r.decode(column: "address", as: String.self),
            openedOn: try r.decode(column: "opened_on", as: String.self),
            attending: try r.decode(column: "attending", as: Int.self),
            activities: try r.decode(column: "activities", as: Int.self))
    }

    func homes(within scope: RegionScope) async throws -> [CareHome] {
        try await db.raw("\(Self.homeSelect) WHERE \(scope.condition("h.region")) ORDER BY h.region, h.name, h.id")
            .all().map(Self.home)
    }

    func home(id: UUID, within scope: RegionScope) async throws -> CareHome? {
        try await db.raw("\(Self.homeSelect) WHERE h.id = \(bind: id) AND \(scope.condition("h.region"))").first()
            .map(Self.home)
    }

    func insertHome(
        name: String, region: String, address: String, openedOn: CivilDate, by user: String, at now: Date
    ) async throws -> UUID {
        let id = UUID.random()
        try await db.insert(into: "child_care_homes")
            .columns("id", "name", "region", "address", "opened_on", "created_by", "created_at")
            .values(
                SQLBind(id), SQLBind(name), SQLBind(region), SQLBind(address), SQLBind(openedOn.description),
                SQLBind(user), SQLBind(now)
            ).run()
        return id
    }

    func activities(home: UUID) async throws -> [Activity] {
        try await db.raw(
            """
            SELECT id, held_on, title, participants, note, created_by FROM child_care_home_activities
            WHERE home_id = \(bind: home) ORDER BY held_on DESC, id
            """
        ).all().map { r in
            Activity(
                id: try r.decode(column: "id", as: UUID.self), heldOn: try r.decode(column: "held_on", as: String.self),
                title: try r.decode(column: "title", as: String.self),
                participants: try r.decode(column: "participants", as: Int.self),
                note: try r.decode(column: "note", as: String?.self),
                createdBy: try r.decode(column: "created_by", as: String.self))
        }
    }

    func insertActivity(
        home: UUID, heldOn: CivilDate, title: String, participants: Int, note: String?, by user: String, at now: Date
    ) async throws -> UUID {
        let id = UUID.random()
        try await db.insert(into: "child_care_home_activities")
            .columns("id", "home_id", "held_on", "title", "participants", "note", "created_by", "created_at")
            .values(
                SQLBind(id), SQLBind(home), SQLBind(heldOn.description), SQLBind(title), SQLBind(participants),
                SQLBind(note), SQLBind(user), SQLBind(now)
            ).run()
        return id
    }

    func attendees(home: UUID) async throws -> [Attendee] {
        try await db.raw(
            """
            SELECT a.id, a.person_id, p.name, p.id_masked, a.joined_on, a.left_on FROM child_care_home_children a
            JOIN persons p ON p.id = a.person_id WHERE a.home_id = \(bind: home)
            ORDER BY CASE WHEN a.left_on IS NULL THEN 0 ELSE 1 END, p.name, a.id
            """
        ).all().map { r in
            Attendee(
                id: try r.decode(column: "id", as: UUID.self),
                personId: try r.decode(column: "person_id", as: UUID.self),
                personName: try r.decode(column: "name", as: String.self),
                idMasked: try r.decode(column: "id_masked", as: String.self),
                joinedOn: try r.decode(column: "joined_on", as: String.self),
                leftOn: try r.decode(column: "left_on", as: String?.self))
        }
    }

    /// Adds a child to the home unless attending already; the row's id, or nil.
    func attend(home: UUID, person: UUID, on day: CivilDate) async throws -> UUID? {
        let id = UUID.random()
        return try await db.raw(
            """
            INSERT INTO child_care_home_children (id, home_id, person_id, joined_on)
            VALUES (\(bind: id), \(bind: home), \(bind: person), \(bind: day.description))
            ON CONFLICT (home_id, person_id) WHERE left_on IS NULL DO NOTHING RETURNING id
            """
        ).first() != nil ? id : nil
    }

    /// The care homes a child attends now.
    func homesAttended(person: UUID, within scope: RegionScope) async throws -> [CareHome] {
        try await db.raw(
            """
            \(Self.homeSelect) WHERE \(scope.condition("h.region")) AND EXISTS (SELECT 1 FROM child_care_home_children a
              WHERE a.home_id = h.id AND a.person_id = \(bind: person) AND a.left_on IS NULL)
            ORDER BY h.name, h.id
            """
        ).all().map(Self.home)
    }

    // MARK: people the records name

    /// A registered person by ID number's blind index: (id, household, region, birth, name).
    func person(
        index: String
    ) async throws -> (
        id: UUID, household: UUID?, region: String, birth: CivilDate?, name: String, deceased: Bool
    )? {
        try await db.raw(
            "SELECT id, household_id, region, birth_date, name, deceased_on FROM persons WHERE id_index = \(bind: index)"
        ).first().map { r in
            (
                try r.decode(column: "id", as: UUID.self), try r.decode(column: "household_id", as: UUID?.self),
                try r.decode(column: "region", as: String.self),
                CivilDate(try r.decode(column: "birth_date", as: String.self)),
                try r.decode(column: "name", as: String.self),
                try r.decode(column: "deceased_on", as: String?.self) != nil
            )
        }
    }

    /// A registered person by id: (household, region, birth, name).
    func person(id: UUID) async throws -> (household: UUID?, region: String, birth: CivilDate?, name: String)? {
        try await db.raw("SELECT household_id, region, birth_date, name FROM persons WHERE id = \(bind: id)").first()
            .map { r in
                (
                    try r.decode(column: "household_id", as: UUID?.self),
                    try r.decode(column: "region", as: String.self),
                    CivilDate(try r.decode(column: "birth_date", as: String.self)),
                    try r.decode(column: "name", as: String.self)
                )
            }
    }

    /// An enabled user of the role: (region, display name).
    func user(id: UUID, role: Role) async throws -> (region: String, name: String)? {
        try await db.raw(
            """
            SELECT region, display_name FROM users WHERE id = \(bind: id) AND role = \(bind: role.rawValue)
              AND disabled = \(bind: false)
            """
        ).first().map {
            (try $0.decode(column: "region", as: String.self), try $0.decode(column: "display_name", as: String.self))
        }
    }

    /// The enabled users of a role whose region is the given one or above it (a child's
    /// community: its workers, and its street's): (id, name, region).
    func users(role: Role, over region: String) async throws -> [(id: UUID, name: String, region: String)] {
        let prefixes = [region, String(region.prefix(9))].filter { !$0.isEmpty }
        return try await db.raw(
            """
            SELECT id, display_name, region FROM users WHERE role = \(bind: role.rawValue) AND disabled = \(bind: false)
              AND region IN \(SQLBind.group(Array(Set(prefixes)).sorted()))
            ORDER BY region, display_name, id
            """
        ).all().map {
            (
                try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "display_name", as: String.self),
                try $0.decode(column: "region", as: String.self)
            )
        }
    }

    struct StaffMember: Sendable, Encodable {
        let id: UUID
        let name: String
        let region: String
    }

    /// The enabled users of a role within the scope (or of `orRegion` exactly), at most 200.
    func staff(role: Role, within scope: RegionScope, orRegion: String?) async throws -> [StaffMember] {
        try await db.raw(
            """
            SELECT id, display_name, region FROM users WHERE role = \(bind: role.rawValue) AND disabled = \(bind: false)
              AND (\(scope.condition("region")) OR region = \(bind: orRegion ?? ""))
            ORDER BY region, display_name, id LIMIT 200
            """
        ).all().map {
            StaffMember(
                id: try $0.decode(column: "id", as: UUID.self),
                name: try $0.decode(column: "display_name", as: String.self),
                region: try $0.decode(column: "region", as: String.self))
        }
    }
}
