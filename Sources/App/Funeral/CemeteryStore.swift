import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// A cemetery's section with its vacancy: units, and those with a free place.
struct CemeterySectionView: Content {
    let id: UUID
    let name: String
    let kind: String
    let kindName: String
    let feeFen: Int64
    let fee: String
    let units: Int
    let vacant: Int
}

struct CemeteryView: Content {
    let id: UUID
    let name: String
    let region: String
    let address: String
    var sections: [CemeterySectionView]
}

/// One unit with its cemetery and section, for an allocation.
struct CemeteryUnitRow: Sendable {
    let id: UUID
    let label: String
    let kind: CemeteryUnitKind
    let feeFen: Int64
    let region: String
    let cemetery: String
}

struct CemeteryAllocationView: Content {
    let id: UUID
    let unitId: UUID
    let unit: String
    let place: Int
    let person: String
    let state: String
    let from: String
    let until: String
    let feeFen: Int64
    let renewals: Int
}

/// The SQL of the cemetery tables.
struct CemeteryStore {
    let db: SQLDatabase

    func insertCemetery(id: UUID, name: String, region: String, address: String, at now: Date) async throws {
        try await db.insert(into: "cemeteries").columns("id", "name", "region", "address", "created_at")
            .values(SQLBind(id), SQLBind(name), SQLBind(region), SQLBind(address), SQLBind(now)).run()
    }

    /// A section and its units labelled `prefix`-1 … `prefix`-`count`.
    func insertSection(
        id: UUID, cemetery: UUID, name: String, kind: CemeteryUnitKind, fee: Fen, units count: Int, prefix: String,
        at now: Date
    ) async throws {
        try await db.insert(into: "cemetery_sections").columns(
            "id", "cemetery_id", "name", "kind", "fee_fen", "created_at"
        )
        .values(SQLBind(id), SQLBind(cemetery), SQLBind(name), SQLBind(kind.rawValue), SQLBind(fee.value), SQLBind(now))
        .run()
        for chunk in Array(stride(from: 1, through: count, by: 1)).chunked(200) {
            let insert = db.insert(into: "cemetery_units").columns("id", "section_id", "label", "kind")
            for n in chunk {
                insert.values(SQLBind(UUID()), SQLBind(id), SQLBind("\(prefix)-\(n)"), SQLBind(kind.rawValue))
            }
            try await insert.run()
        }
    }

    /// Every cemetery with its sections' vacancy counts (a unit is vacant while a place is free).
    func cemeteries() async throws -> [CemeteryView] {
        let rows = try await db.raw(
            """
            SELECT c.id AS cid, c.name AS cname, c.region, c.address, s.id AS sid, s.name AS sname, s.kind, s.fee_fen,
              (SELECT COUNT(*) FROM cemetery_units u WHERE u.section_id = s.id) AS units,
              (SELECT COUNT(*) FROM cemetery_units u WHERE u.section_id = s.id AND
                (SELECT COUNT(*) FROM cemetery_allocations a WHERE a.unit_id = u.id AND a.state <> 'ended')
                < CASE WHEN u.kind = 'double' THEN 2 ELSE 1 END) AS vacant
            FROM cemeteries c LEFT JOIN cemetery_sections s ON s.cemetery_id = c.id
            ORDER BY c.region, c.name, s.name
            """
        ).all()
        var out: [CemeteryView] = []
        for r in rows {
            let id = try r.decode(column: "cid", as: UUID.self)
            if out.last?.id != id {
                out.append(
                    CemeteryView(
                        id: id, name: try r.decode(column: "cname", as: String.self),
                        region: try r.decode(column: "region", as: String.self),
                        address: try r.decode(column: "address", as: String.self), sections: []))
            }
            guard let section = try r.decode(column: "sid", as: UUID?.self) else { continue }
            let kind = CemeteryUnitKind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .single
            let fee = try r.decode(column: "fee_fen", as: Int64.self)
            out[out.count - 1].sections.append(
                CemeterySectionView(
                    id: section, name: try r.decode(column: "sname", as: String.self), kind: kind.rawValue,
                    kindName: kind.chinese, feeFen: fee, fee: Fen(fee).yuanString,
                    units: try r.decode(column: "units", as: Int.self),
                    vacant: try r.decode(column: "vacant", as: Int.self)))
        }
        return out
    }

    func unit(_ id: UUID) async throws -> CemeteryUnitRow? {
        try await db.raw(
            """
            SELECT u.id, u.label, u.kind, s.fee_fen, c.region, c.name FROM cemetery_units u
            JOIN cemetery_sections s ON s.id = u.section_id JOIN cemeteries c ON c.id = s.cemetery_id
            WHERE u.id = \(bind: id)
            """
        ).first().map { r in
            CemeteryUnitRow(
                id: try r.decode(column: "id", as: UUID.self), label: try r.decode(column: "label", as: String.self),
                kind: CemeteryUnitKind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .single,
                feeFen: try r.decode(column: "fee_fen", as: Int64.self),
                region: try r.decode(column: "region", as: String.self),
                cemetery: try r.decode(column: "name", as: String.self))
        }
    }

    /// The unit's places with their allocation ids.
    func places(of unit: UUID) async throws -> [(id: UUID, place: CemeteryPlace)] {
        try await db.raw(
            "SELECT id, place, state, person_index FROM cemetery_allocations WHERE unit_id = \(bind: unit) AND state <> 'ended'"
        ).all().map { r in
            (
                id: try r.decode(column: "id", as: UUID.self),
                place: CemeteryPlace(
                    place: try r.decode(column: "place", as: Int.self),
                    state: CemeteryPlaceState(rawValue: try r.decode(column: "state", as: String.self)) ?? .ended,
                    person: try r.decode(column: "person_index", as: String.self))
            )
        }
    }

    func insertAllocation(
        id: UUID, unit: UUID, place: Int, person: (index: String, cipher: String, masked: String),
        state: CemeteryPlaceState, from: CivilDate, until: CivilDate, fee: Int64, by name: String, at now: Date
    ) async throws {
        try await db.insert(into: "cemetery_allocations")
            .columns(
                "id", "unit_id", "place", "person_index", "person_cipher", "person_masked", "state", "from_day",
                "until_day", "fee_fen", "renewals", "created_by", "created_at", "changed_at"
            )
            .values(
                SQLBind(id), SQLBind(unit), SQLBind(place), SQLBind(person.index), SQLBind(person.cipher),
                SQLBind(person.masked), SQLBind(state.rawValue), SQLBind(from.description), SQLBind(until.description),
                SQLBind(fee), SQLBind(0), SQLBind(name), SQLBind(now), SQLBind(now)
            ).run()
    }

    /// A reserved place taken by the person it was reserved for.
    func bury(_ id: UUID, at now: Date) async throws -> Bool {
        try await db.raw(
            """
            UPDATE cemetery_allocations SET state = 'buried', changed_at = \(bind: now)
            WHERE id = \(bind: id) AND state = 'reserved' RETURNING id
            """
        ).first() != nil
    }

    /// Extends the term from `until` to `next` (the term read before); false when it moved.
    func renew(_ id: UUID, from until: CivilDate, to next: CivilDate, at now: Date) async throws -> Bool {
        try await db.raw(
            """
            UPDATE cemetery_allocations SET until_day = \(bind: next.description), renewals = renewals + 1,
              changed_at = \(bind: now)
            WHERE id = \(bind: id) AND until_day = \(bind: until.description) AND state <> 'ended' RETURNING id
            """
        ).first() != nil
    }

    func allocation(_ id: UUID) async throws -> (view: CemeteryAllocationView, region: String)? {
        try await db.raw(
            """
            SELECT a.id, a.unit_id, u.label, a.place, a.person_masked, a.state, a.from_day, a.until_day, a.fee_fen,
              a.renewals, c.region FROM cemetery_allocations a JOIN cemetery_units u ON u.id = a.unit_id
            JOIN cemetery_sections s ON s.id = u.section_id JOIN cemeteries c ON c.id = s.cemetery_id
            WHERE a.id = \(bind: id)
            """
        ).first().map { r in
            (
                view: CemeteryAllocationView(
                    id: try r.decode(column: "id", as: UUID.self),
                    unitId: try r.decode(column: "unit_id", as: UUID.self),
                    unit: try r.decode(column: "label", as: String.self),
                    place: try r.decode(column: "place", as: Int.self),
                    person: try r.decode(column: "person_masked", as: String.self),
                    state: try r.decode(column: "state", as: String.self),
                    from: try r.decode(column: "from_day", as: String.self),
                    until: try r.decode(column: "until_day", as: String.self),
                    feeFen: try r.decode(column: "fee_fen", as: Int64.self),
                    renewals: try r.decode(column: "renewals", as: Int.self)),
                region: try r.decode(column: "region", as: String.self)
            )
        }
    }
}
