import FluentKit
import Foundation
import SQLKit

/// The residential properties each person holds, as the latest real-estate feed row about
/// the person said. The real-estate rule (POLICY.md R3, at most `maxResidentialProperties`
/// per household) needs the other members' holdings beside the row's own: without them, two
/// members holding one flat each never raised it.
struct RealEstateHoldingsStore {
    let db: SQLDatabase

    /// The holdings on file of `persons` (those never reported are absent).
    func holdings(of persons: [UUID]) async throws -> [UUID: Int] {
        var result: [UUID: Int] = [:]
        for chunk in persons.chunked(1000) {
            for r in try await db.raw(
                "SELECT person_id, properties FROM real_estate_holdings WHERE person_id IN \(SQLBind.group(chunk))"
            ).all() {
                result[try r.decode(column: "person_id", as: UUID.self)] = try r.decode(
                    column: "properties", as: Int.self)
            }
        }
        return result
    }

    /// Records what rows said, the last row about a person winning.
    func record(_ reports: [(person: UUID, properties: Int)], at now: Date) async throws {
        var latest: [UUID: Int] = [:]
        var order: [UUID] = []
        for report in reports {
            if latest.updateValue(report.properties, forKey: report.person) == nil { order.append(report.person) }
        }
        // One row per person per statement: PostgreSQL refuses to update a row twice in one.
        for chunk in order.chunked(500) {
            let values = SQLList(chunk.map { SQLQueryString("(\(bind: $0), \(bind: latest[$0]!), \(bind: now))") })
            try await db.raw(
                """
                INSERT INTO real_estate_holdings (person_id, properties, updated_at) VALUES \(values)
                ON CONFLICT (person_id) DO UPDATE SET properties = excluded.properties, updated_at = excluded.updated_at
                """
            ).run()
        }
    }
}
