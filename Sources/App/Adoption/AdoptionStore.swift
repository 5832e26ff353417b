import Foundation
import MinzhengCore
import SQLKit

/// The SQL of `adoption_records`.
struct AdoptionStore {
    let db: SQLDatabase

    struct Row: Decodable, Sendable {
        let id: UUID
        let kind: String
        let number: String
        let status: String
        let childPersonId: UUID
        let adopterIds: String
        let placingParty: String
        let detailsCipher: String
        let region: String
        let householdId: UUID?
        let previousHouseholdId: UUID?
        let adoptionId: UUID?
        let registeredOn: String
        let registeredBy: String
    }

    /// The next certificate number of a prefix (`SY320402-2026-`), inside the registration's transaction.
    func nextNumber(prefix: String) async throws -> String {
        try await SerialNumber.next(prefix: prefix, in: "adoption_records", db: db)
    }

    func insert(_ row: Row, at now: Date) async throws {
        try await db.insert(into: "adoption_records")
            .columns(
                "id", "kind", "number", "status", "child_person_id", "adopter_ids", "placing_party", "details_cipher",
                "region", "household_id", "previous_household_id", "adoption_id", "registered_on", "registered_by",
                "created_at"
            )
            .values(
                SQLBind(row.id), SQLBind(row.kind), SQLBind(row.number), SQLBind(row.status),
                SQLBind(row.childPersonId), SQLBind(row.adopterIds), SQLBind(row.placingParty),
                SQLBind(row.detailsCipher), SQLBind(row.region), SQLBind(row.householdId),
                SQLBind(row.previousHouseholdId), SQLBind(row.adoptionId), SQLBind(row.registeredOn),
                SQLBind(row.registeredBy), SQLBind(now)
            )
            .run()
    }

    func find(_ id: UUID, within scope: RegionScope) async throws -> Row? {
        try await db.raw("SELECT * FROM adoption_records WHERE id = \(bind: id) AND \(scope.condition("region"))")
            .first().map { try $0.decode(model: Row.self, keyDecodingStrategy: .convertFromSnakeCase) }
    }

    /// The adoption in force of a child, if any.
    func inForce(child: UUID) async throws -> UUID? {
        try await db.raw(
            """
            SELECT id FROM adoption_records WHERE child_person_id = \(bind: child) AND kind = 'adoption'
            AND status = 'inForce'
            """
        ).first()?.decode(column: "id", as: UUID.self)
    }

    /// Ends an adoption in force; false when it is not.
    func dissolve(_ id: UUID) async throws -> Bool {
        !(try await db.raw(
            """
            UPDATE adoption_records SET status = 'dissolved' WHERE id = \(bind: id) AND status = 'inForce' RETURNING id
            """
        ).all().isEmpty)
    }

    func list(within scope: RegionScope, page: PageRequest) async throws -> (rows: [Row], total: Int) {
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM adoption_records WHERE \(scope.condition("region"))").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw(
            """
            SELECT * FROM adoption_records WHERE \(scope.condition("region"))
            ORDER BY registered_on DESC, number DESC LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all().map { try $0.decode(model: Row.self, keyDecodingStrategy: .convertFromSnakeCase) }
        return (rows, total)
    }
}
