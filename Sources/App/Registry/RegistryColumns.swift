import Foundation
import MinzhengCore

/// The columns of a new person row, shared by single inserts, the import and the seeder.
enum PersonColumns {
    static let insert = [
        "id", "name", "id_index", "id_cipher", "id_masked", "sex", "birth_date", "phone_cipher", "phone_masked",
        "hukou", "disability_grade", "disability_kind", "self_care", "labor_capacity", "deceased_on", "region",
        "version", "created_at", "updated_at", "household_id", "id_last6_index", "phone_index",
    ]

    /// `household` is the person's current household; nil until `RegistryStore.join` sets it.
    static func values(
        _ d: PersonDraft, id: UUID, region: RegionCode, index: String, cipher: FieldCipher, now: Date,
        household: UUID?
    ) -> [BulkValue] {
        [
            BulkValue(id), BulkValue(d.name), BulkValue(index), BulkValue(cipher.encrypt(d.residentID.value)),
            BulkValue(d.residentID.masked),
            BulkValue(d.sex.rawValue), BulkValue(d.birthDate.description), BulkValue(d.phone.map(cipher.encrypt)),
            BulkValue(d.phone.map(RegistryValidation.maskPhone)), BulkValue(d.hukou.rawValue),
            BulkValue(d.disabilityGrade),
            BulkValue(d.disabilityKind?.rawValue), BulkValue(d.selfCare.rawValue), BulkValue(d.laborCapacity.rawValue),
            BulkValue(d.deceasedOn?.description), BulkValue(region.value), BulkValue(1), BulkValue(now), BulkValue(now),
            household.map(BulkValue.init) ?? .null,
            BulkValue(PersonSearchIndex.idLast6(of: d.residentID, cipher: cipher)),
            BulkValue(d.phone.map { PersonSearchIndex.phone($0, cipher: cipher) }),
        ]
    }

    /// A row made by `values`, placed in a household of `region`.
    static func values(_ row: [BulkValue], region: String, household: UUID) -> [BulkValue] {
        var row = row
        row[regionColumn] = .text(region)
        row[householdColumn] = BulkValue(household)
        return row
    }

    private static let regionColumn = insert.firstIndex(of: "region")!
    private static let householdColumn = insert.firstIndex(of: "household_id")!
}

enum HouseholdColumns {
    static let insert = ["id", "region", "address", "import_ref", "version", "created_at", "updated_at"]

    static func values(id: UUID, region: RegionCode, address: String, importRef: String?, now: Date) -> [BulkValue] {
        [
            BulkValue(id), BulkValue(region.value), BulkValue(address), BulkValue(importRef), BulkValue(1),
            BulkValue(now), BulkValue(now),
        ]
    }
}

enum MembershipColumns {
    static let insert = ["id", "household_id", "person_id", "relation", "joined_at"]

    static func values(householdID: UUID, personID: UUID, relation: Relation, at: Date) -> [BulkValue] {
        [
            BulkValue(UUID.random()), BulkValue(householdID), BulkValue(personID), BulkValue(relation.rawValue),
            BulkValue(at),
        ]
    }
}
