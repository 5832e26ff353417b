import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The household and person lists as `SeekList` reads them: the page's ids from an index
/// in the list's order, then only their rows.
extension RegistryStore {
    func seekHouseholds(
        within scope: RegionScope, matching query: HouseholdQuery, page request: PageRequest
    ) async throws -> Page<HouseholdSummary> {
        var list = SeekList(
            db: db, from: "households h", id: "h.id", region: "h.region",
            scope: SeekList.narrowest(scope, query.region.map(RegionScope.init)),
            order: ["h.region", "h.address", "h.id"],
            cursor: ("households", ["region", "address"]), regionCounts: "households",
            rows: (Self.householdColumns, "households h ON h.id = page.id"))
        if let address = query.address, !address.isEmpty {
            list.filter = "h.address LIKE \(bind: Self.likeContains(address)) ESCAPE '\\'"
        }
        switch query.sort {
        case .region, .head: break
        case .address: (list.order, list.cursor) = (["h.address", "h.id"], ("households", ["address"]))
        case .updated: (list.order, list.descending, list.cursor) = (["h.updated_at", "h.id"], true, nil)
        }
        let result = try await list.read(request)
        return result.page(items: try result.rows.map(householdSummary), perPage: request.perPage)
    }

    func seekPersons(
        within scope: RegionScope, matching query: PersonQuery, page request: PageRequest
    ) async throws -> Page<PersonSummary> {
        var list = SeekList(
            db: db, from: "persons p", id: "p.id", region: "p.region",
            scope: SeekList.narrowest(scope, query.region.map(RegionScope.init)),
            order: ["p.region", "p.name", "p.id"],
            cursor: ("persons", ["region", "name"]), regionCounts: "persons",
            rows: (Self.personFields, "persons p ON p.id = page.id \(Self.personMembership)"))
        var conditions: [SQLQueryString] = []
        let terms = query.terms
        // Each blind index under every data key: during a key rotation a row may still hold the old one.
        if let id = terms.residentID {
            conditions.append("p.id_index IN \(SQLBind.group(cipher.blindIndexes(id.value)))")
        }
        if let last6 = terms.idLast6 {
            conditions.append(
                "p.id_last6_index IN \(SQLBind.group(PersonSearchIndex.idLast6Lookups(last6, cipher: cipher)))")
        }
        if let phone = terms.phone {
            conditions.append(
                "p.phone_index IN \(SQLBind.group(PersonSearchIndex.phoneLookups(phone, cipher: cipher)))")
        }
        var byPairs = false
        if let name = terms.name {
            if let pair = NameGrams.lookupKey(name) {
                // The name index, scoped by its region column, in the region order.
                byPairs = true
                // The persons' table only when another term or the order reads its columns: otherwise
                // the count and the page's ids come from the name index alone, not a row of persons
                // for each match (845 for "王秀" among 5 M persons).
                let readsPersons =
                    terms.residentID != nil || terms.idLast6 != nil || terms.phone != nil
                    || query.sort == .birth || query.sort == .updated
                (list.from, list.id, list.region) = (
                    readsPersons ? "person_name_grams g JOIN persons p ON p.id = g.person_id" : "person_name_grams g",
                    "g.person_id", "g.region"
                )
                list.order = ["g.region", "g.name", "g.person_id"]
                conditions.append("g.gram = \(bind: pair)")
                if name.count > 2 { conditions.append("g.name LIKE \(bind: Self.likeContains(name)) ESCAPE '\\'") }
            } else {
                conditions.append("p.name LIKE \(bind: Self.likeContains(name)) ESCAPE '\\'")
            }
        }
        switch query.sort {
        case .region: break
        case .name: (list.order, list.cursor) = ([byPairs ? "g.name" : "p.name", list.id], ("persons", ["name"]))
        case .birth: (list.order, list.cursor) = (["p.birth_date", "p.id"], ("persons", ["birth_date"]))
        case .updated: (list.order, list.descending, list.cursor) = (["p.updated_at", "p.id"], true, nil)
        }
        if list.order.last != list.id { list.id = list.order.last! }
        if !conditions.isEmpty { list.filter = conditions.joined(separator: " AND ") }
        let result = try await list.read(request)
        return result.page(items: try result.rows.map(personSummary), perPage: request.perPage)
    }

}

extension SeekList.Result {
    /// The page of items already in the order of the page's ids (read with them: `SeekList.rows`).
    func page<Item: Content & Sendable>(items: [Item], perPage: Int) -> Page<Item> {
        Page(
            items: items, total: count.value, page: page, perPage: perPage, totalExact: count.exact, next: next,
            previous: previous)
    }

    /// The page of rows read apart, put in the order of the page's ids.
    func page<Item: Content & Sendable>(rows: [Item], id: KeyPath<Item, UUID>, perPage: Int) -> Page<Item> {
        let byID = Dictionary(rows.map { ($0[keyPath: id], $0) }, uniquingKeysWith: { first, _ in first })
        return page(items: ids.compactMap { byID[$0] }, perPage: perPage)
    }
}
