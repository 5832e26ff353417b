import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// A sign of a standard name as the record page and the API show it.
struct PlaceNameSignRecord: Content, Sendable {
    let id: UUID
    let placeNameId: UUID
    let kind: String
    let kindName: String
    let location: String
    let installedOn: String
    let condition: String
    let conditionName: String
    let needsRepair: Bool
    let lastInspectedOn: String?
}

/// The SQL of place-name signs: a name's signs, a new sign, an inspection that sets the sign's
/// condition.
struct PlaceNameSignStore {
    let db: SQLDatabase

    func signs(of placeName: UUID) async throws -> [PlaceNameSignRecord] {
        try await db.raw(
            "SELECT * FROM place_name_signs WHERE place_name_id = \(bind: placeName) ORDER BY installed_on, id"
        ).all().map(Self.record)
    }

    /// The sign with the region of its name, when within `scope`.
    func sign(id: UUID, within scope: RegionScope) async throws -> (sign: PlaceNameSignRecord, region: String)? {
        guard
            let row = try await db.raw(
                "SELECT * FROM place_name_signs WHERE id = \(bind: id) AND \(scope.condition("region"))"
            ).first()
        else { return nil }
        return (try Self.record(row), try row.decode(column: "region", as: String.self))
    }

    func insert(
        id: UUID, placeName: UUID, region: String, kind: PlaceNameSignKind, location: String, installedOn: CivilDate,
        at now: Date
    ) async throws {
        try await db.raw(
            """
            INSERT INTO place_name_signs (id, place_name_id, region, kind, location, installed_on, condition, created_at)
            VALUES (\(bind: id), \(bind: placeName), \(bind: region), \(bind: kind.rawValue), \(bind: location),
              \(bind: installedOn.description), \(bind: PlaceNameSignCondition.good.rawValue), \(bind: now))
            """
        ).run()
    }

    /// Records the inspection; the sign takes its condition unless a later inspection is on record.
    func inspect(
        sign: UUID, on day: CivilDate, condition: PlaceNameSignCondition, note: String?, by name: String, at now: Date
    ) async throws {
        try await db.raw(
            """
            INSERT INTO place_name_sign_inspections (id, sign_id, inspected_on, condition, note, inspected_by, created_at)
            VALUES (\(bind: UUID()), \(bind: sign), \(bind: day.description), \(bind: condition.rawValue), \(bind: note),
              \(bind: name), \(bind: now))
            """
        ).run()
        try await db.raw(
            """
            UPDATE place_name_signs SET condition = \(bind: condition.rawValue), last_inspected_on = \(bind: day.description)
            WHERE id = \(bind: sign) AND (last_inspected_on IS NULL OR last_inspected_on <= \(bind: day.description))
            """
        ).run()
    }

    static func record(_ r: SQLRow) throws -> PlaceNameSignRecord {
        let kind = PlaceNameSignKind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .roadSign
        let condition =
            PlaceNameSignCondition(rawValue: try r.decode(column: "condition", as: String.self)) ?? .good
        return PlaceNameSignRecord(
            id: try r.decode(column: "id", as: UUID.self),
            placeNameId: try r.decode(column: "place_name_id", as: UUID.self), kind: kind.rawValue,
            kindName: kind.chinese, location: try r.decode(column: "location", as: String.self),
            installedOn: try r.decode(column: "installed_on", as: String.self), condition: condition.rawValue,
            conditionName: condition.chinese, needsRepair: condition.needsRepair,
            lastInspectedOn: try r.decode(column: "last_inspected_on", as: String?.self))
    }
}
