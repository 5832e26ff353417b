import Foundation
import MinzhengCore
import SQLKit

/// The registry facts a person's home-care entitlement is computed from, and the amount
/// kept for each month the person was served: the settlement pays against the amount
/// recorded when the month's first visit was made, so a later registry change does not
/// reprice a month already worked.
struct HomeCareEntitlementStore {
    let db: SQLDatabase

    /// The person's facts on the first day of `month` (their age then; their latest ability
    /// assessment's level, programmes and household now), or nil when the person is unknown.
    func facts(person: UUID, month: YearMonth) async throws -> HomeCareEntitlement.Facts? {
        guard
            let row = try await db.raw(
                """
                SELECT p.birth_date, p.self_care, p.disability_grade,
                  (SELECT a.final_level FROM ability_assessments a WHERE a.person_id = p.id
                    ORDER BY a.assessed_on DESC, a.created_at DESC LIMIT 1) AS ability_level,
                  (SELECT COUNT(*) FROM memberships m2 JOIN persons q ON q.id = m2.person_id
                    WHERE m2.household_id = m.household_id AND m2.left_at IS NULL AND q.deceased_on IS NULL) AS living,
                  \(EnrollmentStore.paying([.tekun], of: "e.person_id = p.id")) AS tekun,
                  \(EnrollmentStore.paying(EnrollmentStore.dibaoOrEdge, of: "e.household_id = m.household_id")) AS dibao
                FROM persons p LEFT JOIN memberships m ON m.person_id = p.id AND m.left_at IS NULL
                WHERE p.id = \(bind: person)
                """
            ).first(),
            let born = CivilDate(try row.decode(column: "birth_date", as: String.self))
        else { return nil }
        return HomeCareEntitlement.Facts(
            age: born.age(on: month.firstDay), tekun: try row.decode(column: "tekun", as: Int.self) > 0,
            dibaoOrEdge: try row.decode(column: "dibao", as: Int.self) > 0,
            abilityLevel: try row.decode(column: "ability_level", as: Int?.self),
            selfCare: SelfCare(rawValue: try row.decode(column: "self_care", as: String.self)) ?? .full,
            livesAlone: try row.decode(column: "living", as: Int.self) == 1,
            disabilityGrade: try row.decode(column: "disability_grade", as: Int?.self))
    }

    /// The person's region, to check the viewer may see them.
    func region(person: UUID) async throws -> String? {
        try await db.raw("SELECT region FROM persons WHERE id = \(bind: person)").first()?
            .decode(column: "region", as: String.self)
    }

    /// The entitlement recorded for the person's month, if any.
    func recorded(person: UUID, month: YearMonth) async throws -> (group: String?, monthly: Fen)? {
        try await db.raw(
            """
            SELECT entitlement_group, monthly_fen FROM home_care_entitlements
            WHERE person_id = \(bind: person) AND month = \(bind: month.description)
            """
        ).first().map {
            (
                try $0.decode(column: "entitlement_group", as: String?.self),
                Fen(try $0.decode(column: "monthly_fen", as: Int64.self))
            )
        }
    }

    /// Records the month's entitlement unless one is recorded already (a person with none gets 0).
    func record(person: UUID, month: YearMonth, _ entitlement: HomeCareEntitlement?, at now: Date) async throws {
        try await db.insert(into: "home_care_entitlements")
            .columns("person_id", "month", "entitlement_group", "monthly_fen", "computed_at")
            .values(
                SQLBind(person), SQLBind(month.description), SQLBind(entitlement?.group.rawValue),
                SQLBind(entitlement?.monthly.value ?? 0), SQLBind(now)
            )
            .ignoringConflicts(with: ["person_id", "month"])
            .run()
    }
}
