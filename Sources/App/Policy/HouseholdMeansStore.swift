import Foundation
import MinzhengCore
import SQLKit

/// Reads the declared means of the households in a region, page by page.
struct HouseholdMeansStore {
    let db: SQLDatabase
    let cipher: FieldCipher

    static let columns = ["household_id", "declared_month", "means_cipher", "updated_at"]

    static func values(
        householdID: UUID, means: DeclaredMeans, month: YearMonth, cipher: FieldCipher, now: Date
    ) throws -> [BulkValue] {
        [
            BulkValue(householdID), BulkValue(month.description), BulkValue(cipher.encrypt(try json(means))),
            BulkValue(now),
        ]
    }

    static func json(_ means: DeclaredMeans) throws -> String {
        String(decoding: try JSONEncoder().encode(means), as: UTF8.self)
    }

    /// Replaces a household's declared means (at an approval).
    func save(householdID: UUID, means: DeclaredMeans, month: YearMonth, at now: Date) async throws {
        try await db.delete(from: "household_means").where("household_id", .equal, householdID).run()
        try await db.insert(into: "household_means").columns(Self.columns)
            .values(
                try Self.values(householdID: householdID, means: means, month: month, cipher: cipher, now: now).map(
                    \.bind)
            ).run()
    }

    /// The declared means on file of `households`, by household.
    func means(of households: [UUID]) async throws -> [UUID: DeclaredMeans] {
        var result: [UUID: DeclaredMeans] = [:]
        for chunk in households.chunked(1000) {
            for r in try await db.raw(
                "SELECT household_id, means_cipher FROM household_means WHERE household_id IN \(SQLBind.group(chunk))"
            ).all() {
                result[try r.decode(column: "household_id", as: UUID.self)] = try decode(
                    try r.decode(column: "means_cipher", as: String.self))
            }
        }
        return result
    }

    private func decode(_ stored: String) throws -> DeclaredMeans {
        try JSONDecoder().decode(DeclaredMeans.self, from: Data(try cipher.decrypt(stored).utf8))
    }

    /// The first `limit` households with declared means, in id order, with their region.
    func households(limit: Int) async throws -> [(id: UUID, region: String)] {
        try await db.raw(
            """
            SELECT m.household_id, h.region FROM household_means m JOIN households h ON h.id = m.household_id
            ORDER BY m.household_id LIMIT \(bind: limit)
            """
        ).all().map {
            (try $0.decode(column: "household_id", as: UUID.self), try $0.decode(column: "region", as: String.self))
        }
    }

    func count(within scope: RegionScope) async throws -> Int {
        try await db.raw(
            """
            SELECT COUNT(*) AS n FROM household_means m JOIN households h ON h.id = m.household_id WHERE \(scope.condition("h.region"))
            """
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// One page of households with means inside `scope`, after `cursor` (keyset
    /// pagination on the household id, so every page costs the same), each as the
    /// assessment request of `month`: the registry's members with what they declared.
    func page(
        within scope: RegionScope, after cursor: UUID?, limit: Int, month: YearMonth
    ) async throws -> [SimulationHousehold] {
        let rows = try await db.raw(
            """
            SELECT m.household_id, m.means_cipher, h.region FROM household_means m
            JOIN households h ON h.id = m.household_id
            WHERE \(scope.condition("h.region"))\(cursor.map { SQLQueryString(" AND m.household_id > \(bind: $0)") } ?? "")
            ORDER BY m.household_id LIMIT \(unsafeRaw: String(limit))
            """
        ).all()
        let ids = try rows.map { try $0.decode(column: "household_id", as: UUID.self) }
        let facts = try await RegistryMemberFactsQuery(db: db).members(of: ids)
        return try rows.map { row in
            let id = try row.decode(column: "household_id", as: UUID.self)
            let region = try row.decode(column: "region", as: String.self)
            let means = try decode(try row.decode(column: "means_cipher", as: String.self))
            let request = HouseholdEconomyCheck.request(
                region: region, month: month, members: facts[id] ?? [], means: means)
            return SimulationHousehold(id: id.uuidString, district: String(region.prefix(6)), request: request)
        }
    }
}
