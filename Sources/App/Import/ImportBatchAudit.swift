import Foundation

/// What one import batch changed, as its single audit event records it: an event per
/// row would multiply the trail by the file's size. Numbers are masked as everywhere in
/// the trail.
struct ImportBatchAudit: Sendable {
    struct CreatedHousehold: Sendable {
        let id: UUID
        let household: HouseholdAuditRecord
    }

    struct ChangedHousehold: Encodable, Sendable {
        let id: UUID
        let before: HouseholdAuditRecord
        let after: HouseholdAuditRecord
    }

    /// The facts an import may change of a stored person.
    struct ImportedFacts: Encodable, Sendable {
        let name: String
        let phoneMasked: String?
        let hukou: String
        let region: String
        let householdId: UUID?
        let relation: String?
    }

    struct ChangedPerson: Encodable, Sendable {
        let id: UUID
        let before: ImportedFacts
        let after: ImportedFacts
    }

    var householdsCreated: [CreatedHousehold] = []
    var householdsUpdated: [ChangedHousehold] = []
    /// The ids of new persons by the id of the household they joined (an object in the
    /// JSON; a household once). Their facts are in the registry as written: the trail keeps
    /// which records were created where (a full copy would grow it by a fifth of the
    /// registry; a listing per person was still 160 bytes each, a sixth of an imported
    /// file's size on disk).
    var personsCreated: [(household: String, persons: [String])] = []
    var personsUpdated: [ChangedPerson] = []

    var isEmpty: Bool {
        householdsCreated.isEmpty && householdsUpdated.isEmpty && personsCreated.isEmpty && personsUpdated.isEmpty
    }

    /// The record as JSON, keys in order. The thousands of created households and persons
    /// are written by hand; the changes, few, through `JSONEncoder`.
    func json() -> String {
        var json = JSONText(reservingCapacity: 120 * householdsCreated.count + 45 * personsCreated.count)
        json.raw("{")
        json.key("householdsCreated")
        json.raw("[")
        for (i, created) in householdsCreated.enumerated() {
            if i > 0 { json.raw(",") }
            json.raw("{")
            json.key("household")
            json.raw("{")
            json.key("address")
            json.string(created.household.address)
            if let ref = created.household.importRef {
                json.raw(",")
                json.key("importRef")
                json.string(ref)
            }
            json.raw(",")
            json.key("region")
            json.string(created.household.region)
            json.raw("},")
            json.key("id")
            json.string(created.id.text)
            json.raw("}")
        }
        json.raw("],")
        json.key("householdsUpdated")
        json.raw(AuditRecorder.json(householdsUpdated) + ",")
        json.key("personsCreated")
        json.raw("{")
        for (i, created) in personsCreated.enumerated() {
            if i > 0 { json.raw(",") }
            json.key(created.household)
            json.raw("[")
            for (j, person) in created.persons.enumerated() {
                if j > 0 { json.raw(",") }
                json.string(person)
            }
            json.raw("]")
        }
        json.raw("},")
        json.key("personsUpdated")
        json.raw(AuditRecorder.json(personsUpdated) + "}")
        return json.text
    }
}
