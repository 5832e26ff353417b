import Foundation
import MinzhengCore
import SQLKit

/// A person as the audit trail records it: every fact, with the ID and phone numbers
/// masked — the trail must not become a second copy of the personal numbers.
struct PersonAuditRecord: Encodable, Sendable {
    let name: String
    let idNumberMasked: String
    let sex: String
    let birthDate: String
    let phoneMasked: String?
    let hukou: String
    let disabilityGrade: Int?
    let disabilityKind: String?
    let selfCare: String
    let laborCapacity: String
    let deceasedOn: String?
    let region: String

    init(_ d: PersonDraft, region: String) {
        name = d.name
        idNumberMasked = d.residentID.masked
        sex = d.sex.rawValue
        birthDate = d.birthDate.description
        phoneMasked = d.phone.map(RegistryValidation.maskPhone)
        hukou = d.hukou.rawValue
        disabilityGrade = d.disabilityGrade
        disabilityKind = d.disabilityKind?.rawValue
        selfCare = d.selfCare.rawValue
        laborCapacity = d.laborCapacity.rawValue
        deceasedOn = d.deceasedOn?.description
        self.region = region
    }

    /// From a `persons` row.
    init(row: SQLRow) throws {
        name = try row.decode(column: "name", as: String.self)
        idNumberMasked = try row.decode(column: "id_masked", as: String.self)
        sex = try row.decode(column: "sex", as: String.self)
        birthDate = try row.decode(column: "birth_date", as: String.self)
        phoneMasked = try row.decode(column: "phone_masked", as: String?.self)
        hukou = try row.decode(column: "hukou", as: String.self)
        disabilityGrade = try row.decode(column: "disability_grade", as: Int?.self)
        disabilityKind = try row.decode(column: "disability_kind", as: String?.self)
        selfCare = try row.decode(column: "self_care", as: String.self)
        laborCapacity = try row.decode(column: "labor_capacity", as: String.self)
        deceasedOn = try row.decode(column: "deceased_on", as: String?.self)
        region = try row.decode(column: "region", as: String.self)
    }
}

struct HouseholdAuditRecord: Encodable, Sendable {
    let region: String
    let address: String
    var importRef: String? = nil
}

struct MembershipAuditRecord: Encodable, Sendable {
    let householdId: UUID
    let personId: UUID
    let relation: String
}
