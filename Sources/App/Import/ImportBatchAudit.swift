import Foundation

/// What one import batch changed, as its single audit event records it: an event per
/// row would multiply the trail by the file's size. Numbers are masked as everywhere in
/// the trail.
struct ImportBatchAudit: Encodable, Sendable {
    struct CreatedHousehold: Encodable, Sendable {
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
    /// The ids of new persons by the id of the household they joined. Their facts are in
    /// the registry as written: the trail keeps which records were created where (a full
    /// copy would grow it by a fifth of the registry; a listing per person was still
    /// 160 bytes each, a sixth of an imported file's size on disk).
    var personsCreated: [String: [String]] = [:]
    var personsUpdated: [ChangedPerson] = []

    var isEmpty: Bool { householdsCreated.isEmpty && householdsUpdated.isEmpty && personsCreated.isEmpty && personsUpdated.isEmpty }
}
