import MinzhengCore
import Vapor

/// Turning request input into validated registry values, shared by the API and the pages.
enum RegistryInput {
    /// A household member as JSON: the person's fields and the relation to the head.
    struct MemberJSON: Content {
        let relation: String?
        let name: String?
        let idNumber: String?
        let phone: String?
        let hukou: String?
        let disabilityGrade: Int?
        let disabilityKind: String?
        let selfCare: String?
        let laborCapacity: String?
        let deceasedOn: String?

        var fields: PersonFields {
            PersonFields(
                name: name, idNumber: idNumber, phone: phone, hukou: hukou, disabilityGrade: disabilityGrade,
                disabilityKind: disabilityKind, selfCare: selfCare, laborCapacity: laborCapacity, deceasedOn: deceasedOn
            )
        }
    }

    /// Runs a Core validation and turns its problem into a 400 naming the field.
    static func check<T>(_ body: () throws(FieldProblem) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw Refusal(error)
        }
    }

    static func member(_ m: MemberJSON, today: CivilDate, prefix: String) throws -> (PersonDraft, Relation) {
        let relation = try relation(m.relation, field: prefix + "relation")
        let draft = try check { () throws(FieldProblem) in try m.fields.validated(today: today, fieldPrefix: prefix) }
        return (draft, relation)
    }

    static func relation(_ text: String?, field: String) throws -> Relation {
        guard let text, let r = Relation(code: text) else {
            throw Refusal.invalid(
                field, "与户主关系应为：" + Relation.allCases.map { "\($0.rawValue)/\($0.chinese)" }.joined(separator: "、"))
        }
        return r
    }

    /// An optional `region` filter of a list: any 2–12 digit code, or the name of a
    /// district, street or town (`RegionTable.resolve`).
    static func regionFilter(_ text: String?, table: RegionTable) throws -> RegionCode? {
        try check { () throws(FieldProblem) in try table.resolve(text) }
    }

    static func householdQuery(
        region: String?, address: String?, sort: String?, table: RegionTable
    ) throws -> RegistryStore.HouseholdQuery {
        RegistryStore.HouseholdQuery(
            region: try regionFilter(region, table: table), address: address, sort: HouseholdSort.parse(sort))
    }

    /// The search fields of the person list and the API, checked (`PersonSearchTerms`).
    static func personQuery(
        name: String?, idNumber: String? = nil, idLast6: String? = nil, phone: String? = nil,
        region: String?, sort: String?, table: RegionTable
    ) throws -> RegistryStore.PersonQuery {
        let terms = try check { () throws(FieldProblem) in
            try PersonSearchTerms.parse(name: name, idNumber: idNumber, idLast6: idLast6, phone: phone)
        }
        return RegistryStore.PersonQuery(
            terms: terms, region: try regionFilter(region, table: table), sort: PersonSort.parse(sort))
    }
}
