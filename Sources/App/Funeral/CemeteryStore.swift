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

    /// What the registry holds about the buried person (`buried`: the allocation's blind
    /// index) and the living person (`living`: the ID number's blind indexes) as spouses.
    func spouseFacts(buried: String, living: [String]) async throws -> SpouseFacts {
        let marriages = try await db.raw(
            """
            SELECT b.id_index AS other FROM marriage_parties a
            JOIN marriage_parties b ON b.record_id = a.record_id AND b.position <> a.position
            JOIN marriage_records r ON r.id = a.record_id
            WHERE r.kind = 'marriage' AND r.state <> 'dissolved' AND a.id_index IN \(SQLBind.group(living))
            """
        ).all().map { try $0.decode(column: "other", as: String.self) }
        let household = try await db.raw(
            """
            SELECT mb.relation AS buried, ml.relation AS living FROM persons pb
            JOIN memberships mb ON mb.person_id = pb.id AND mb.left_at IS NULL
            JOIN memberships ml ON ml.household_id = mb.household_id AND ml.left_at IS NULL
            JOIN persons pl ON pl.id = ml.person_id
            WHERE pb.id_index = \(bind: buried) AND pl.id_index IN \(SQLBind.group(living))
            """
        ).first().map {
            (
                buried: Relation(rawValue: try $0.decode(column: "buried", as: String.self)) ?? .other,
                living: Relation(rawValue: try $0.decode(column: "living", as: String.self)) ?? .other
            )
        }
        return SpouseFacts(
            marriedToEachOther: marriages.contains(buried),
            marriedToAnother: marriages.contains { $0 != buried }, household: household)
    }

    /// The unit labelled `label` in a section (labels are unique per section).
    func unit(section: UUID, label: String) async throws -> UUID? {
        try await db.raw(
            "SELECT id FROM cemetery_units WHERE section_id = \(bind: section) AND label = \(bind: label)"
        ).first()?.decode(column: "id", as: UUID.self)
    }

    /// A cemetery's standing allocations, those whose term ends first at the top (at most `limit`).
    func allocations(cemetery: UUID, limit: Int = 300) async throws -> [CemeteryAllocationView] {
        try await db.raw(
            """
            \(Self.allocationSelect) WHERE c.id = \(bind: cemetery) AND a.state <> 'ended'
            ORDER BY a.until_day, u.label, a.place LIMIT \(bind: limit)
            """
        ).all().map { try Self.allocation($0).view }
    }

    func allocation(_ id: UUID) async throws -> (view: CemeteryAllocationView, region: String)? {
        try await db.raw("\(Self.allocationSelect) WHERE a.id = \(bind: id)").first().map(Self.allocation)
    }

    private static let allocationSelect: SQLQueryString = """
        SELECT a.id, a.unit_id, u.label, a.place, a.person_masked, a.state, a.from_day, a.until_day, a.fee_fen,
          a.renewals, c.region FROM cemetery_allocations a JOIN cemetery_units u ON u.id = a.unit_id
        JOIN cemetery_sections s ON s.id = u.section_id JOIN cemeteries c ON c.id = s.cemetery_id
        """

    private static func allocation(_ r: SQLRow) throws -> (view: CemeteryAllocationView, region: String) {
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
