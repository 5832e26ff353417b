import Foundation
import MinzhengCore
import SQLKit

/// The registry facts of households' current members, as the policy engine reads them, in
/// a stable order (joining order, then birth date) so that `member` indexes of an answer
/// mean the same persons every time.
struct RegistryMemberFactsQuery {
    let db: SQLDatabase

    func members(of households: [UUID]) async throws -> [UUID: [RegistryMemberFacts]] {
        guard !households.isEmpty else { return [:] }
        var result: [UUID: [RegistryMemberFacts]] = [:]
        for chunk in households.chunked(1000) {
            let rows = try await db.raw(
                """
                SELECT m.household_id, p.id, p.birth_date, p.sex, p.hukou, p.disability_grade, p.disability_kind, p.self_care,
                  p.labor_capacity, p.deceased_on
                FROM memberships m JOIN persons p ON p.id = m.person_id
                WHERE m.household_id IN \(SQLBind.group(chunk)) AND m.left_at IS NULL
                ORDER BY m.household_id, m.joined_at, p.birth_date, p.id
                """
            ).all()
            for r in rows {
                guard let birth = CivilDate(try r.decode(column: "birth_date", as: String.self)),
                    let sex = Sex(rawValue: try r.decode(column: "sex", as: String.self)),
                    let hukou = Hukou(rawValue: try r.decode(column: "hukou", as: String.self)),
                    let selfCare = SelfCare(rawValue: try r.decode(column: "self_care", as: String.self)),
                    let labor = LaborCapacity(rawValue: try r.decode(column: "labor_capacity", as: String.self))
                else { continue }
                let facts = RegistryMemberFacts(
                    personId: try r.decode(column: "id", as: UUID.self).text, birthDate: birth, sex: sex, hukou: hukou,
                    disabilityGrade: try r.decode(column: "disability_grade", as: Int?.self),
                    disabilityKind: try r.decode(column: "disability_kind", as: String?.self).flatMap(
                        DisabilityKind.init),
                    selfCare: selfCare, laborCapacity: labor,
                    deceased: try r.decode(column: "deceased_on", as: String?.self) != nil)
                result[try r.decode(column: "household_id", as: UUID.self), default: []].append(facts)
            }
        }
        return result
    }

    /// A household's current members with their relation to the head, for proposing a new
    /// head when the head has died.
    func standings(of household: UUID) async throws -> [HouseholdMemberStanding] {
        try await db.raw(
            """
            SELECT p.id, m.relation, p.birth_date, p.deceased_on FROM memberships m JOIN persons p ON p.id = m.person_id
            WHERE m.household_id = \(bind: household) AND m.left_at IS NULL ORDER BY m.joined_at, p.id
            """
        ).all().compactMap { r in
            guard let relation = Relation(rawValue: try r.decode(column: "relation", as: String.self)),
                let birth = CivilDate(try r.decode(column: "birth_date", as: String.self))
            else { return nil }
            return HouseholdMemberStanding(
                personId: try r.decode(column: "id", as: UUID.self).uuidString, relation: relation, birthDate: birth,
                deceased: try r.decode(column: "deceased_on", as: String?.self) != nil)
        }
    }
}
