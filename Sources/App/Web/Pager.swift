import Foundation

/// Page links of a list that keep the list's filters, and the small form that jumps to a
/// page by its number (a GET with the same filters, so it works without JavaScript).
struct Pager: Encodable {
    struct Field: Encodable {
        let name: String
        let value: String
    }

    let page: Int
    let pageCount: Int
    let previous: String?
    let next: String?
    let path: String
    /// The filters, as hidden fields of the jump form.
    let fields: [Field]

    static func make<T>(path: String, filters: [String: String?], result: Page<T>) -> Pager {
        make(path: path, filters: filters, page: result.page, pageCount: result.pageCount)
    }

    static func make(path: String, filters: [String: String?], page: Int, pageCount: Int) -> Pager {
        Pager(
            page: page, pageCount: pageCount,
            previous: page > 1 ? link(path: path, filters: filters, page: page - 1) : nil,
            next: page < pageCount ? link(path: path, filters: filters, page: page + 1) : nil,
            path: path, fields: queryItems(filters).map { Field(name: $0.name, value: $0.value ?? "") })
    }

    /// `path?key=value…` with the non-empty filters in a stable order.
    static func link(path: String, filters: [String: String?], page: Int? = nil) -> String {
        var items = queryItems(filters)
        if let page { items.append(URLQueryItem(name: "page", value: String(page))) }
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
