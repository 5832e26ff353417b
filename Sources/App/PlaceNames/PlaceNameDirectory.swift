import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// A standard name as anyone may read it (地名查询): what the announcement made public, never
/// who proposed it, the office's notes or a proposal still in the workflow.
struct PlaceNameEntry: Content, Sendable {
    let id: UUID
    let name: String
    let pinyin: String
    let signPinyin: String
    let category: String
    let categoryName: String
    let county: String
    let region: String
    let regionName: String
    let specificPart: String
    let genericPart: String
    let meaning: String?
    let history: String?
    let latitude: Double?
    let longitude: Double?
    let red: Bool
    let redStory: String?
    let status: String
    let statusName: String
    let approvingBody: String?
    let approvedOn: String?
    let announcedOn: String?
    /// The name this one renamed, when it is a renaming.
    let formerName: String?
    let formerId: UUID?
    /// The name that replaced this one, once the renaming is announced.
    let successorName: String?
    let successorId: UUID?
}

/// The public register of standard names: a search by words or pinyin, category, county and
/// red names, over the names in use (and, when asked, the renamed and retired ones with what
/// replaced them). Open to anyone: no user, no region scope, only what was announced.
struct PlaceNameDirectory {
    let db: SQLDatabase
    let regions: RegionTable

    /// The statuses of names that were once announced.
    static let inUse: [PlaceNameStatus] = [.announced]
    static let onRecord: [PlaceNameStatus] = [.announced, .renamed, .retired]

    struct Query: Content {
        var q: String?
        var category: String?
        var county: String?
        var red: String?
        /// `1` to include renamed and retired names.
        var former: String?
        var page: Int?
        var perPage: Int?

        var links: [String: String?] {
            ["q": q, "category": category, "county": county, "red": red, "former": former]
        }
    }

    func search(_ query: Query) async throws -> Page<PlaceNameEntry> {
        let page = try PageRequest(page: query.page, perPage: query.perPage ?? 30)
        let statuses = Self.flag(query.former) ? Self.onRecord : Self.inUse
        var condition: SQLQueryString =
            "p.status IN (\(unsafeRaw: statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ")))"
        if let c = query.category?.trimmedWhitespace, !c.isEmpty {
            guard let category = PlaceNameCategory(rawValue: c) else {
                throw Refusal.invalid("category", "未知的地名类别 \(c)")
            }
            condition = "\(condition) AND p.category = \(bind: category.rawValue)"
        }
        if let text = query.county?.trimmedWhitespace, !text.isEmpty {
            guard let county = RegionCode(text), county.level == .district, RegionTable.changzhou.contains(county),
                regions.contains(county)
            else {
                throw Refusal.invalid("county", "县（市、区）代码应为本市的 6 位代码")
            }
            condition = "\(condition) AND p.county = \(bind: county.value)"
        }
        if let words = query.q?.trimmedWhitespace, !words.isEmpty {
            guard words.count <= 40 else { throw Refusal.invalid("q", "查询词不能超过 40 个字") }
            condition = "\(condition) AND \(Self.matching(words))"
        }
        if Self.flag(query.red) { condition = "\(condition) AND p.red = \(bind: true)" }
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM place_names p WHERE \(condition)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw(
            """
            \(Self.select) WHERE \(condition)
            ORDER BY p.sign_pinyin, p.name, p.id LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        return Page(items: try rows.map(entry), total: total, page: page.page, perPage: page.perPage)
    }

    /// A name once announced; not found for a proposal, a rejected one or no such id.
    func entry(_ id: UUID?) async throws -> PlaceNameEntry {
        let statuses = Self.onRecord.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        guard let id,
            let row = try await db.raw(
                "\(Self.select) WHERE p.id = \(bind: id) AND p.status IN (\(unsafeRaw: statuses))"
            ).first()
        else { throw Refusal.notFound("地名") }
        return try entry(row)
    }

    /// Words match the name; letters (with or without spaces, any case) match the pinyin of the
    /// sign, so `zhongshan` and `Zhongshan Lu` both find 中山路.
    private static func matching(_ words: String) -> SQLQueryString {
        let letters = words.lowercased().filter { !$0.isWhitespace && $0 != "'" }
        if !letters.isEmpty, letters.allSatisfy({ $0.isASCII && $0.isLetter }) {
            return "REPLACE(REPLACE(LOWER(p.sign_pinyin), ' ', ''), '''', '') LIKE \(bind: "%" + letters + "%")"
        }
        return "p.name LIKE \(bind: RegistryStore.likeContains(words)) ESCAPE '\\'"
    }

    private static func flag(_ value: String?) -> Bool { value == "1" || value == "true" || value == "on" }

    private static let select: SQLQueryString = """
        SELECT p.*, f.name AS former_name, s.id AS successor_id, s.name AS successor_name
        FROM place_names p
        LEFT JOIN place_names f ON f.id = p.replaces_id
        LEFT JOIN place_names s ON s.replaces_id = p.id AND s.status = 'announced'
        """

    private func entry(_ r: SQLRow) throws -> PlaceNameEntry {
        let n = try PlaceNameStore.record(r)
        return PlaceNameEntry(
            id: n.id, name: n.name, pinyin: n.pinyin, signPinyin: n.signPinyin, category: n.category,
            categoryName: n.categoryName, county: n.county, region: n.region,
            regionName: regions.nameInCity(n.region),
            specificPart: n.specificPart, genericPart: n.genericPart, meaning: n.meaning, history: n.history,
            latitude: n.latitude, longitude: n.longitude, red: n.red, redStory: n.redStory, status: n.status,
            statusName: n.statusName, approvingBody: n.approvingBody, approvedOn: n.approvedOn,
            announcedOn: n.announcedOn,
            formerName: n.replacesId == nil ? nil : try r.decode(column: "former_name", as: String?.self),
            formerId: n.replacesId, successorName: try r.decode(column: "successor_name", as: String?.self),
            successorId: try r.decode(column: "successor_id", as: UUID?.self))
    }
}

extension Request {
    var placeNameDirectory: PlaceNameDirectory { PlaceNameDirectory(db: sql, regions: platform.regions) }
}
