import Foundation
import MinzhengCore

/// Page links of a list that keep the list's filters, and the small form that jumps to a
/// page by its number (a GET with the same filters, so it works without JavaScript).
struct Pager: Encodable {
    struct Field: Encodable {
        let name: String
        let value: String
    }

    let page: Int
    let pageCount: Int
    /// `12` or, for a list too long to count, `500+` (then the jump form has no maximum).
    let pageCountLabel: String
    let pageCountExact: Bool
    let previous: String?
    let next: String?
    let path: String
    /// The filters, as hidden fields of the jump form.
    let fields: [Field]

    /// A list that seeks (`Page.next`/`previous`) links its neighbours by the rows at the
    /// page's edges, with the page number beside for the label.
    static func make<T>(path: String, filters: [String: String?], result: Page<T>) -> Pager {
        let count = result.count
        let pageCount = count.pageCount(perPage: result.perPage)
        let page = result.page
        let more = result.next != nil || page < pageCount
        return Pager(
            page: page, pageCount: pageCount, pageCountLabel: count.pageLabel(perPage: result.perPage),
            pageCountExact: count.exact,
            previous: page > 1
                ? link(
                    path: path, filters: filters, page: page - 1,
                    edge: result.previous.map { ("before", $0.uuidString) }) : nil,
            next: more
                ? link(path: path, filters: filters, page: page + 1, edge: result.next.map { ("after", $0.uuidString) })
                : nil,
            path: path, fields: queryItems(filters).map { Field(name: $0.name, value: $0.value ?? "") })
    }

    /// Pages of a list counted to `ListCount.cap`, by number, or from the page's edge rows
    /// when the list gives them (`edges`: the query items naming the rows before and after).
    static func make(
        path: String, filters: [String: String?], page: Int, count: ListCount, perPage: Int,
        edges: (previous: (String, String)?, next: (String, String)?) = (nil, nil)
    ) -> Pager {
        let pageCount = count.pageCount(perPage: perPage)
        return Pager(
            page: page, pageCount: pageCount, pageCountLabel: count.pageLabel(perPage: perPage),
            pageCountExact: count.exact,
            previous: page > 1 ? link(path: path, filters: filters, page: page - 1, edge: edges.previous) : nil,
            next: page < pageCount || !count.exact
                ? link(path: path, filters: filters, page: page + 1, edge: edges.next) : nil,
            path: path, fields: queryItems(filters).map { Field(name: $0.name, value: $0.value ?? "") })
    }

    static func make(path: String, filters: [String: String?], page: Int, pageCount: Int) -> Pager {
        Pager(
            page: page, pageCount: pageCount, pageCountLabel: String(pageCount), pageCountExact: true,
            previous: page > 1 ? link(path: path, filters: filters, page: page - 1) : nil,
            next: page < pageCount ? link(path: path, filters: filters, page: page + 1) : nil,
            path: path, fields: queryItems(filters).map { Field(name: $0.name, value: $0.value ?? "") })
    }

    /// `path?key=value…` with the non-empty filters in a stable order, then the page (and the
    /// row the page starts after or before).
    static func link(
        path: String, filters: [String: String?], page: Int? = nil, edge: (String, String)? = nil
    ) -> String {
        var items = queryItems(filters)
        if let page { items.append(URLQueryItem(name: "page", value: String(page))) }
        if let edge { items.append(URLQueryItem(name: edge.0, value: edge.1)) }
        var c = URLComponents()
        c.path = path
        c.queryItems = items.isEmpty ? nil : items
        return c.string ?? path
    }

    private static func queryItems(_ filters: [String: String?]) -> [URLQueryItem] {
        filters.compactMap { key, value in value.flatMap { $0.isEmpty ? nil : URLQueryItem(name: key, value: $0) } }
            .sorted { $0.name < $1.name }
    }
}
