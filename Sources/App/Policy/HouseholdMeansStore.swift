import Foundation
import MinzhengCore
import SQLKit

/// Reads the declared means of the households in a region, page by page.
struct HouseholdMeansStore {
    let db: SQLDatabase
    let cipher: FieldCipher

    static let columns = ["household_id", "declared_month", "request_cipher", "updated_at"]

    static func values(householdID: UUID, request: AssessmentRequest, cipher: FieldCipher, now: Date) -> [BulkValue] {
        [BulkValue(householdID), BulkValue(request.month.description),
         BulkValue(cipher.encrypt(String(decoding: request.jsonData(), as: UTF8.self))), BulkValue(now)]
    }

    func count(within scope: RegionScope) async throws -> Int {
        try await db.raw("""
            SELECT COUNT(*) AS n FROM household_means m JOIN households h ON h.id = m.household_id WHERE \(scope.condition("h.region"))
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// One page of households with means inside `scope`, after `cursor` (keyset
    /// pagination on the household id, so every page costs the same).
    func page(within scope: RegionScope, after cursor: UUID?, limit: Int) async throws -> [SimulationHousehold] {
        let rows = try await db.raw("""
            SELECT m.household_id, m.request_cipher, h.region FROM household_means m
            JOIN households h ON h.id = m.household_id
            WHERE \(scope.condition("h.region"))\(cursor.map { SQLQueryString(" AND m.household_id > \(bind: $0)") } ?? "")
            ORDER BY m.household_id LIMIT \(unsafeRaw: String(limit))
            """).all()
        return try rows.map { row in
            let id = try row.decode(column: "household_id", as: UUID.self)
            let region = try row.decode(column: "region", as: String.self)
            let json = try cipher.decrypt(try row.decode(column: "request_cipher", as: String.self))
            var request = try AssessmentRequest(jsonData: Data(json.utf8))
            // The household's current region decides which policy applies.
            request.region = region
            return SimulationHousehold(id: id.uuidString, district: String(region.prefix(6)), request: request)
        }
    }
}
