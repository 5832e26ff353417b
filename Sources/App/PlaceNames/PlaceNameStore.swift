import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// A name of the register as the pages and the API show it.
struct PlaceNameRecord: Content, Sendable {
    let id: UUID
    let version: Int
    let county: String
    let region: String
    let category: String
    let categoryName: String
    let name: String
    let specificPart: String
    let genericPart: String
    let pinyin: String
    let signPinyin: String
    let meaning: String?
    let history: String?
    let latitude: Double?
    let longitude: Double?
    let red: Bool
    let redStory: String?
    let basis: String?
    let replacesId: UUID?
    let status: String
    let statusName: String
    let publicityEnds: String?
    let approvingBody: String?
    let approvedOn: String?
    let announcedOn: String?
    let decisionNote: String?
    let proposedBy: String
    let createdAt: Date
}

/// The SQL of the place-name register: the names of a region, one name, the neighbours a new
/// name must not clash with, a proposal and the steps of the naming workflow.
struct PlaceNameStore {
    let db: SQLDatabase

    struct Filter: Sendable {
        var category: PlaceNameCategory?
        var status: PlaceNameStatus?
        var nameContains: String?
        var redOnly = false
    }

    func list(within scope: RegionScope, _ f: Filter, page: PageRequest) async throws -> Page<PlaceNameRecord> {
        var condition: SQLQueryString = "\(scope.condition("region"))"
        if let c = f.category { condition = "\(condition) AND category = \(bind: c.rawValue)" }
        if let s = f.status { condition = "\(condition) AND status = \(bind: s.rawValue)" }
        if let text = f.nameContains {
            condition = "\(condition) AND name LIKE \(bind: RegistryStore.likeContains(text)) ESCAPE '\\'"
        }
        if f.redOnly { condition = "\(condition) AND red = \(bind: true)" }
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM place_names WHERE \(condition)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw(
            """
            SELECT * FROM place_names WHERE \(condition)
            ORDER BY region, category, name, id LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        return Page(items: try rows.map(Self.record), total: total, page: page.page, perPage: page.perPage)
    }

    func record(id: UUID, within scope: RegionScope) async throws -> PlaceNameRecord? {
        try await db.raw("SELECT * FROM place_names WHERE id = \(bind: id) AND \(scope.condition("region"))").first()
            .map(Self.record)
    }

    /// The names of `category` in `county` that hold their place, for the clash check.
    func neighbours(county: String, category: PlaceNameCategory) async throws -> [PlaceNameRules.Neighbour] {
        try await db.raw(
            """
            SELECT name, sound_key FROM place_names
            WHERE county = \(bind: county) AND category = \(bind: category.rawValue) AND holds_name
            """
        ).all().map {
            PlaceNameRules.Neighbour(
                name: try $0.decode(column: "name", as: String.self),
                soundKey: try $0.decode(column: "sound_key", as: String.self))
        }
    }

    /// A new name as proposed.
    struct Proposal: Sendable {
        let id: UUID
        let county: String
        let region: String
        let category: PlaceNameCategory
        let name: String
        let parts: (specific: String, generic: String)
        let spelling: PlaceNameRomanisation.Spelling
        let soundKey: String
        let meaning: String?
        let history: String?
        let latitude: Double?
        let longitude: Double?
        let red: Bool
        let redStory: String?
        let basis: String?
        let replaces: UUID?
        let proposedBy: String
    }

    /// Inserts the name as proposed (or, for the demo's register, at a later step with that
    /// step's fields); false when a name of the same sound holds its place in the county.
    func insert(
        _ p: Proposal, status: PlaceNameStatus = .proposed, _ f: StepFields = StepFields(), at now: Date
    ) async throws -> Bool {
        try await db.raw(
            """
            INSERT INTO place_names (id, county, region, category, name, specific_part, generic_part, pinyin,
              sign_pinyin, sound_key, meaning, history, latitude, longitude, red, red_story, basis, replaces_id,
              status, holds_name, publicity_ends, approving_body, approved_on, announced_on, proposed_by, version,
              created_at, updated_at)
            VALUES (\(bind: p.id), \(bind: p.county), \(bind: p.region), \(bind: p.category.rawValue), \(bind: p.name),
              \(bind: p.parts.specific), \(bind: p.parts.generic), \(bind: p.spelling.register),
              \(bind: p.spelling.sign), \(bind: p.soundKey), \(bind: p.meaning), \(bind: p.history),
              \(bind: p.latitude), \(bind: p.longitude), \(bind: p.red), \(bind: p.redStory), \(bind: p.basis),
              \(bind: p.replaces), \(bind: status.rawValue), \(bind: status.holdsTheName),
              \(bind: f.publicityEnds?.description), \(bind: f.approvingBody), \(bind: f.approvedOn?.description),
              \(bind: f.announcedOn?.description), \(bind: p.proposedBy), 1,
              \(bind: now), \(bind: now))
            ON CONFLICT (county, category, sound_key) WHERE holds_name DO NOTHING RETURNING id
            """
        ).first() != nil
    }

    /// What a step writes besides the status.
    struct StepFields: Sendable {
        var publicityEnds: CivilDate?
        var approvingBody: String?
        var approvedOn: CivilDate?
        var announcedOn: CivilDate?
        var note: String?
    }

    /// Moves the name to `status` when `version` is still its own; false otherwise.
    func step(
        id: UUID, version: Int, to status: PlaceNameStatus, _ f: StepFields, at now: Date
    ) async throws -> Bool {
        try await db.raw(
            """
            UPDATE place_names SET status = \(bind: status.rawValue), holds_name = \(bind: status.holdsTheName),
              publicity_ends = COALESCE(\(bind: f.publicityEnds?.description), publicity_ends),
              approving_body = COALESCE(\(bind: f.approvingBody), approving_body),
              approved_on = COALESCE(\(bind: f.approvedOn?.description), approved_on),
              announced_on = COALESCE(\(bind: f.announcedOn?.description), announced_on),
              decision_note = COALESCE(\(bind: f.note), decision_note),
              version = version + 1, updated_at = \(bind: now)
            WHERE id = \(bind: id) AND version = \(bind: version) RETURNING id
            """
        ).first() != nil
    }

    /// The name a renaming replaces gives up its place once the new one is announced.
    func markRenamed(_ id: UUID, at now: Date) async throws {
        try await db.raw(
            """
            UPDATE place_names SET status = \(bind: PlaceNameStatus.renamed.rawValue), holds_name = \(bind: false),
              version = version + 1, updated_at = \(bind: now)
            WHERE id = \(bind: id)
            """
        ).run()
    }

    func count() async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM place_names").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    static func record(_ r: SQLRow) throws -> PlaceNameRecord {
        let category =
            PlaceNameCategory(rawValue: try r.decode(column: "category", as: String.self)) ?? .other
        let status = PlaceNameStatus(rawValue: try r.decode(column: "status", as: String.self)) ?? .proposed
        return PlaceNameRecord(
            id: try r.decode(column: "id", as: UUID.self), version: try r.decode(column: "version", as: Int.self),
            county: try r.decode(column: "county", as: String.self),
            region: try r.decode(column: "region", as: String.self), category: category.rawValue,
            categoryName: category.chinese, name: try r.decode(column: "name", as: String.self),
            specificPart: try r.decode(column: "specific_part", as: String.self),
            genericPart: try r.decode(column: "generic_part", as: String.self),
            pinyin: try r.decode(column: "pinyin", as: String.self),
            signPinyin: try r.decode(column: "sign_pinyin", as: String.self),
            meaning: try r.decode(column: "meaning", as: String?.self),
            history: try r.decode(column: "history", as: String?.self),
            latitude: try r.decode(column: "latitude", as: Double?.self),
            longitude: try r.decode(column: "longitude", as: Double?.self),
            red: try r.decode(column: "red", as: Bool.self),
            redStory: try r.decode(column: "red_story", as: String?.self),
            basis: try r.decode(column: "basis", as: String?.self),
            replacesId: try r.decode(column: "replaces_id", as: UUID?.self), status: status.rawValue,
            statusName: status.chinese, publicityEnds: try r.decode(column: "publicity_ends", as: String?.self),
            approvingBody: try r.decode(column: "approving_body", as: String?.self),
            approvedOn: try r.decode(column: "approved_on", as: String?.self),
            announcedOn: try r.decode(column: "announced_on", as: String?.self),
            decisionNote: try r.decode(column: "decision_note", as: String?.self),
            proposedBy: try r.decode(column: "proposed_by", as: String.self),
            createdAt: try r.decode(column: "created_at", as: Date.self))
    }
}
