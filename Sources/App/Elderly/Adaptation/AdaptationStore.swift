import Foundation
import MinzhengCore
import SQLKit

/// Every read and write of `adaptation_cases` and `adaptation_plan_lines`.
struct AdaptationStore {
    let db: SQLDatabase

    private static let select: SQLQueryString = """
        SELECT c.*, h.address, (SELECT p.name FROM memberships m JOIN persons p ON p.id = m.person_id
          WHERE m.household_id = c.household_id AND m.left_at IS NULL AND m.relation = 'head') AS head_name
        FROM adaptation_cases c JOIN households h ON h.id = c.household_id
        """

    struct Filter: Sendable {
        var year: Int
        var state: AdaptationState?
        var priority: AdaptationPriority?
    }

    func cases(within scope: RegionScope, matching f: Filter, page: PageRequest) async throws -> Page<AdaptationCase> {
        var condition: SQLQueryString = "\(scope.condition("c.region")) AND c.year = \(bind: f.year)"
        if let state = f.state { condition = condition + " AND c.state = \(bind: state.rawValue)" }
        if let priority = f.priority { condition = condition + " AND c.priority = \(bind: priority.rawValue)" }
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM adaptation_cases c WHERE \(condition)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let page = page.clamped(total: total)
        let items = try await db.raw(
            """
            \(Self.select) WHERE \(condition) ORDER BY c.priority, c.created_at, c.id
            LIMIT \(literal: page.perPage) OFFSET \(literal: page.offset)
            """
        ).all().map(AdaptationCase.init(row:))
        return Page(items: items, total: total, page: page.page, perPage: page.perPage)
    }

    func adaptationCase(id: UUID, within scope: RegionScope) async throws -> AdaptationCase? {
        guard
            var found = try await db.raw("\(Self.select) WHERE c.id = \(bind: id) AND \(scope.condition("c.region"))")
                .first().map(AdaptationCase.init(row:))
        else { return nil }
        found.lines = try await db.raw(
            "SELECT item, quantity, unit_price_fen FROM adaptation_plan_lines WHERE case_id = \(bind: id) ORDER BY item"
        ).all().map {
            AdaptationCase.Line(
                item: try $0.decode(column: "item", as: String.self),
                quantity: try $0.decode(column: "quantity", as: Int.self),
                unitPriceFen: try $0.decode(column: "unit_price_fen", as: Int64.self))
        }
        found.photos = try await db.raw(
            """
            SELECT id, file_name, content_type, size, uploaded_by, created_at FROM adaptation_photos
            WHERE case_id = \(bind: id) ORDER BY created_at, id
            """
        ).all().map {
            AdaptationCase.Photo(
                id: try $0.decode(column: "id", as: UUID.self),
                fileName: try $0.decode(column: "file_name", as: String.self),
                contentType: try $0.decode(column: "content_type", as: String.self),
                size: try $0.decode(column: "size", as: Int.self),
                uploadedBy: try $0.decode(column: "uploaded_by", as: String.self),
                createdAt: try $0.decode(column: "created_at", as: Date.self))
        }
        return found
    }

    /// Records a completion photo already written to disk.
    func addPhoto(_ file: StoredUpload, id: UUID, case caseID: UUID, by name: String, at now: Date) async throws {
        try await db.insert(into: "adaptation_photos")
            .columns("id", "case_id", "file_name", "content_type", "size", "sha256", "uploaded_by", "created_at")
            .values(
                SQLBind(id), SQLBind(caseID), SQLBind(file.fileName), SQLBind(file.kind.mimeType), SQLBind(file.size),
                SQLBind(file.sha256), SQLBind(name), SQLBind(now)
            ).run()
    }

    /// Households of the region with a living member born on or before `bornBy`, not yet
    /// screened for `year`, with the facts their priority is decided from.
    func candidates(
        within scope: RegionScope, bornBy: CivilDate, year: Int
    ) async throws -> [(
        household: UUID, region: String, oldestBorn: String, living: Int, tekun: Bool, dibao: Bool, disabled: Bool,
        severe: Bool
    )] {
        return try await db.raw(
            """
            SELECT h.id, h.region, MIN(p.birth_date) AS oldest, COUNT(*) AS living,
              MAX(CASE WHEN p.disability_grade IS NOT NULL THEN 1 ELSE 0 END) AS disabled,
              MAX(CASE WHEN p.disability_grade <= 2 THEN 1 ELSE 0 END) AS severe,
              \(EnrollmentStore.paying([.tekun], of: "e.household_id = h.id")) AS tekun,
              \(EnrollmentStore.paying(EnrollmentStore.dibaoOrEdge, of: "e.household_id = h.id")) AS dibao
            FROM households h JOIN memberships m ON m.household_id = h.id AND m.left_at IS NULL
            JOIN persons p ON p.id = m.person_id AND p.deceased_on IS NULL
            WHERE \(scope.condition("h.region")) AND NOT EXISTS
              (SELECT 1 FROM adaptation_cases c WHERE c.household_id = h.id AND c.year = \(bind: year))
            GROUP BY h.id, h.region HAVING MIN(p.birth_date) <= \(bind: bornBy.description)
            """
        ).all().map {
            (
                try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "region", as: String.self),
                try $0.decode(column: "oldest", as: String.self), try $0.decode(column: "living", as: Int.self),
                try $0.decode(column: "tekun", as: Int.self) > 0, try $0.decode(column: "dibao", as: Int.self) > 0,
                try $0.decode(column: "disabled", as: Int.self) > 0, try $0.decode(column: "severe", as: Int.self) > 0
            )
        }
    }

    func insertCase(
        household: UUID, region: String, year: Int, priority: AdaptationPriority, cap: Fen, at now: Date
    ) async throws {
        try await db.insert(into: "adaptation_cases")
            .columns(
                "id", "household_id", "region", "year", "priority", "cap_fen", "state", "version", "created_at",
                "updated_at"
            )
            .values(
                SQLBind(UUID.random()), SQLBind(household), SQLBind(region), SQLBind(year),
                SQLBind(priority.rawValue), SQLBind(cap.value), SQLBind(AdaptationState.screened.rawValue), SQLBind(1),
                SQLBind(now), SQLBind(now)
            )
            .run()
    }

    /// Moves the case on when it is still at `version`, setting what the step records.
    func advance(
        case id: UUID, version: Int, to state: AdaptationState, at now: Date,
        fields: @Sendable (SQLUpdateBuilder) -> SQLUpdateBuilder
    ) async throws -> Bool {
        let update = db.update("adaptation_cases").set("state", to: state.rawValue).set("version", to: version + 1)
            .set("updated_at", to: now)
        return try await !fields(update).where("id", .equal, id).where("version", .equal, version).returning("id")
            .all().isEmpty
    }

    func replacePlan(case id: UUID, with plan: AdaptationPlan) async throws {
        try await db.delete(from: "adaptation_plan_lines").where("case_id", .equal, id).run()
        for line in plan.lines {
            try await db.insert(into: "adaptation_plan_lines").columns("case_id", "item", "quantity", "unit_price_fen")
                .values(SQLBind(id), SQLBind(line.item.rawValue), SQLBind(line.quantity), SQLBind(line.unitPrice.value))
                .run()
        }
    }

    /// The year's cases by district and state, for progress against the target.
    func progress(within scope: RegionScope, year: Int) async throws -> [(district: String, state: String, count: Int)]
    {
        try await db.raw(
            """
            SELECT SUBSTR(region, 1, 6) AS district, state, COUNT(*) AS n FROM adaptation_cases
            WHERE \(scope.condition("region")) AND year = \(bind: year) GROUP BY SUBSTR(region, 1, 6), state
            ORDER BY district
            """
        ).all().map {
            (
                try $0.decode(column: "district", as: String.self), try $0.decode(column: "state", as: String.self),
                try $0.decode(column: "n", as: Int.self)
            )
        }
    }
}
