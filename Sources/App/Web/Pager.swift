import Foundation

/// Page links of a list that keep the list's filters.
struct Pager: Encodable {
    let page: Int
    let pageCount: Int
    let previous: String?
    let next: String?

    static func make<T>(path: String, filters: [String: String?], result: Page<T>) -> Pager {
        make(path: path, filters: filters, page: result.page, pageCount: result.pageCount)
    }

    static func make(path: String, filters: [String: String?], page: Int, pageCount: Int) -> Pager {
        Pager(page: page, pageCount: pageCount,
              previous: page > 1 ? link(path: path, filters: filters, page: page - 1) : nil,
              next: page < pageCount ? link(path: path, filters: filters, page: page + 1) : nil)
    }

    /// `path?key=value…` with the non-empty filters in a stable order.
    static func link(path: String, filters: [String: String?], page: Int? = nil) -> String {
        var items = filters.compactMap { key, value in value.flatMap { $0.isEmpty ? nil : URLQueryItem(name: key, value: $0) } }
            .sorted { $0.name < $1.name }
        if let page { items.append(URLQueryItem(name: "page", value: String(page))) }
        var c = URLComponents()
        c.path = path
        c.queryItems = items.isEmpty ? nil : items
        return c.string ?? path
    }
}
