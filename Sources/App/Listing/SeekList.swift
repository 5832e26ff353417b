import Foundation
import MinzhengCore
import SQLKit

/// One list's query as a page reader that never counts or skips the whole table:
/// - the count is held to `ListCount.cap` rows ("10 000+" past it);
/// - the next and previous pages seek from the row at the page's edge (`after`/`before`:
///   its id), reading the order's index from there, so page 5 000 costs what page 2 does;
/// - a page chosen by its number skips over the ids of the order's index (no row is read
///   for the rows skipped), and only the page's ids are returned: the caller reads their rows.
/// The region scope is a range on `region` inside the index lookup; when the order starts
/// with the region, a seek takes the range's far bound only, the near one being implied by
/// the cursor row (read within the scope), so that both databases start the index scan at
/// the cursor instead of at the start of the scope.
struct SeekList {
    let db: SQLDatabase
    /// The query's tables, e.g. `households h`.
    var from: SQLQueryString
    /// The unique id column, the order's last.
    var id: String
    /// The column the scope bounds.
    var region: String
    /// The scope; nil when the filters exclude each other (no rows).
    let scope: RegionScope?
    /// Further conditions (the scope excluded).
    var filter: SQLQueryString? = nil
    /// The order's columns, ending with `id`.
    var order: [String]
    var descending = false
    /// Where the key of a cursor row is read (table with `id` and `region` columns, and the
    /// key's columns but the id, all text); nil: the order is paged by number only.
    var cursor: (table: String, columns: [String])? = nil
    /// Rows counted at most (`ListCount.cap`).
    var cap = ListCount.cap
    /// The list's name in `region_counts` (`CountRegistryByRegion`) when its rows are counted
    /// per region there: without a filter its count is then exact and cheap, and a page of the
    /// region order chosen by its number starts in the region of its first row.
    var regionCounts: String? = nil

    /// The page's rows, read in the same statement as its ids: their columns, of the tables
    /// `join` brings in on `page.id` (e.g. `households h ON h.id = page.id`). nil: the ids only.
    var rows: (columns: SQLQueryString, join: SQLQueryString)? = nil

    /// The counts per region stand for the list: no filter narrows it.
    private var counted: String? { filter == nil ? regionCounts : nil }

    struct Result {
        var ids: [UUID]
        /// The ids' rows, in their order, when `rows` was given.
        var rows: [any SQLRow] = []
        var count: ListCount
        var page: Int
        /// The id to read the next page after, and the previous before.
        var next: UUID?
        var previous: UUID?
    }

    func read(_ request: PageRequest) async throws -> Result {
        guard let scope else { return Result(ids: [], count: ListCount(value: 0, exact: true), page: 1) }
        if let seekable = cursor, !descending, let edge = request.after ?? request.before,
            let key = try await key(of: edge, in: seekable, scope)
        {
            let forward = request.after != nil
            var found = try await seek(
                from: key.map { $0 as any Encodable & Sendable } + [edge], forward: forward, limit: request.perPage + 1,
                scope)
            let more = found.ids.count > request.perPage
            found = found.prefix(request.perPage)
            if !found.ids.isEmpty {
                if forward {
                    return Result(
                        ids: found.ids, rows: found.rows, count: found.count, page: max(request.page, 2),
                        next: more ? found.ids.last : nil, previous: found.ids.first)
                }
                found = found.reversed()
                return Result(
                    ids: found.ids, rows: found.rows, count: found.count, page: more ? max(request.page, 2) : 1,
                    next: found.ids.last, previous: more ? found.ids.first : nil)
            }
        }
        return try await byNumber(request, scope)
    }

    private func byNumber(_ request: PageRequest, _ scope: RegionScope) async throws -> Result {
        var page = request.page
        var found = try await numbered(page: page, perPage: request.perPage, scope)
        var count = found.count
        if found.ids.isEmpty, page > 1 {
            // Past the end: the last page, the list counted exactly (once, when it was held to the cap).
            let total = count.exact ? count.value : try await exactCount(scope)
            count = ListCount(value: total, exact: true)
            page = PageWindow.clamp(page, total: total, perPage: request.perPage)
            found = try await numbered(page: page, perPage: request.perPage, scope)
        }
        let more = found.ids.count > request.perPage
        found = found.prefix(request.perPage)
        let ids = found.ids
        let offset = (page - 1) * request.perPage
        let seeks = cursor != nil && !descending
        return Result(
            ids: ids, rows: found.rows, count: count.refined(offset: offset, onPage: ids.count, more: more), page: page,
            next: seeks && more ? ids.last : nil, previous: seeks && page > 1 ? ids.first : nil)
    }

    private var conditions: SQLQueryString { filter.map { " AND \($0)" } ?? "" }

    /// The scope as a page query takes it. In another order than the region's, SQLite is kept
    /// from the region's index (`+column` is no index term), which would have it sort the
    /// whole scope: the order's index holds the region and checks the scope as it goes.
    /// (The count keeps the region's index: it reads only the scope.)
    private func pageScope(_ scope: RegionScope) -> SQLQueryString {
        guard db.dialect.name == "sqlite", order.first != region else { return scope.condition(region) }
        return scope.condition("+" + region)
    }

    /// The order's direction when reading forward or back.
    private func direction(forward: Bool) -> String { (forward != descending) ? "ASC" : "DESC" }

    private func orderBy(forward: Bool) -> SQLQueryString {
        "\(unsafeRaw: order.map { "\($0) \(direction(forward: forward))" }.joined(separator: ", "))"
    }

    /// The list's count as a column of a page's statement (a subquery of its own, evaluated
    /// once), so that the page's ids and its count come in one statement: exact from the region
    /// counts, otherwise held to `cap + 1` rows.
    private func countColumn(_ scope: RegionScope) -> SQLQueryString {
        if let counted {
            return """
                (SELECT CAST(SUM(n) AS BIGINT) FROM region_counts WHERE list = \(bind: counted) \
                AND \(scope.condition("region")))
                """
        }
        return """
            (SELECT COUNT(*) FROM (SELECT 1 AS x FROM \(from) WHERE \(scope.condition(region))\(conditions) \
            LIMIT \(literal: cap + 1)) c)
            """
    }

    /// A page's ids (with their rows when asked) and the list's count, as one statement read them.
    struct Found {
        var ids: [UUID]
        var rows: [any SQLRow]
        var count: ListCount

        func prefix(_ n: Int) -> Found { Found(ids: Array(ids.prefix(n)), rows: Array(rows.prefix(n)), count: count) }
        func reversed() -> Found { Found(ids: ids.reversed(), rows: rows.reversed(), count: count) }
    }

    /// The page statement's select list: the id, the order's keys when the rows are read too
    /// (the outer statement orders the page's rows by them), and the count (`countColumn` unless given).
    private func pageColumns(_ scope: RegionScope, count: SQLQueryString? = nil) -> SQLQueryString {
        let keys = rows == nil ? "" : order.enumerated().map { ", \($0.element) AS k\($0.offset)" }.joined()
        return "\(unsafeRaw: id) AS id\(unsafeRaw: keys), \(count ?? countColumn(scope)) AS list_count"
    }

    /// Runs a page statement (`pageColumns` … ORDER BY … LIMIT), joining the rows to its ids
    /// when asked (the outer sort is of the page's rows only); the count alone when no row came back.
    private func readPage(_ page: SQLQueryString, forward: Bool, _ scope: RegionScope) async throws -> Found {
        var query = page
        if let rows {
            let keys = order.indices.map { "page.k\($0) \(direction(forward: forward))" }.joined(separator: ", ")
            query = """
                SELECT page.id AS page_id, page.list_count AS list_count, \(rows.columns)
                FROM (\(page)) page JOIN \(rows.join) ORDER BY \(unsafeRaw: keys)
                """
        }
        let found = try await db.raw(query).all()
        guard let first = found.first else { return Found(ids: [], rows: [], count: try await count(scope)) }
        let idColumn = rows == nil ? "id" : "page_id"
        return Found(
            ids: try found.map { try $0.decode(column: idColumn, as: UUID.self) }, rows: rows == nil ? [] : found,
            count: listCount(try first.decode(column: "list_count", as: Int?.self)))
    }

    /// The count alone.
    private func count(_ scope: RegionScope) async throws -> ListCount {
        listCount(
            try await db.raw("SELECT \(countColumn(scope)) AS list_count").first()?.decode(
                column: "list_count", as: Int?.self))
    }

    private func listCount(_ counted: Int?) -> ListCount {
        self.counted == nil ? ListCount(counted: counted ?? 0, cap: cap) : ListCount(value: counted ?? 0, exact: true)
    }

    /// The whole count of a list held to the cap (a region-counted list's count is exact already).
    private func exactCount(_ scope: RegionScope) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM \(from) WHERE \(scope.condition(region))\(conditions)")
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    private func numbered(page: Int, perPage: Int, _ scope: RegionScope) async throws -> Found {
        let offset = (page - 1) * perPage
        if let counted, offset > 0, order.first == region, !descending {
            return try await readPage(
                regionStartPage(at: offset, perPage: perPage, in: counted, scope), forward: true, scope)
        }
        return try await readPage(
            """
            SELECT \(pageColumns(scope)) FROM \(from) WHERE \(pageScope(scope))\(conditions)
            ORDER BY \(orderBy(forward: true)) LIMIT \(literal: perPage + 1)\(skipping: offset)
            """, forward: true, scope)
    }

    /// A page of the region order chosen by its number, read from the region its first row lies
    /// in: only that region's rows before it are skipped, not every row of the scope before the
    /// page. The region comes from a running sum over the scope's counts in `region_counts`' key
    /// order (about 1 ms for a city's thousand communities on SQLite), in the same statement as
    /// the page, which also takes the list's count from it: one statement, whose text does not
    /// change with the page (PostgreSQL plans it once). The regions are not sorted (the first
    /// whose rows end past the offset is the least of those). Past the last row it finds no
    /// region and returns no row.
    private func regionStartPage(
        at offset: Int, perPage: Int, in list: String, _ scope: RegionScope
    ) -> SQLQueryString {
        var range: SQLQueryString = "\(unsafeRaw: region) >= (SELECT region FROM start)"
        if let upper = scope.upperBound { range = "\(range) AND \(unsafeRaw: region) < \(bind: upper)" }
        return """
            WITH start AS (
              SELECT MIN(CASE WHEN before + n > \(bind: offset) THEN region END) AS region,
                MIN(CASE WHEN before + n > \(bind: offset) THEN before END) AS before, MAX(before + n) AS total
              FROM (
                SELECT region, n, CAST(SUM(n) OVER (ORDER BY region ROWS UNBOUNDED PRECEDING) AS BIGINT) - n AS before
                FROM region_counts WHERE list = \(bind: list) AND \(scope.condition("region"))
              ) c
            )
            SELECT \(pageColumns(scope, count: "(SELECT total FROM start)")) FROM \(from) WHERE \(range)\(conditions)
            ORDER BY \(orderBy(forward: true)) LIMIT \(literal: perPage + 1)
            OFFSET COALESCE((SELECT \(bind: offset) - before FROM start), 0)
            """
    }

    /// The cursor row's key, if it is (still) within the scope.
    private func key(
        of edge: UUID, in cursor: (table: String, columns: [String]), _ scope: RegionScope
    ) async throws -> [String]? {
        let columns = cursor.columns.enumerated().map { "\($0.element) AS k\($0.offset)" }.joined(separator: ", ")
        guard
            let row = try await db.raw(
                """
                SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: cursor.table)
                WHERE id = \(bind: edge) AND \(scope.condition("region"))
                """
            ).first()
        else { return nil }
        return try cursor.columns.indices.map { try row.decode(column: "k\($0)", as: String.self) }
    }

    private func seek(
        from key: [any Encodable & Sendable], forward: Bool, limit: Int, _ scope: RegionScope
    ) async throws -> Found {
        // The scope's bound on the side the seek moves towards; the other is the cursor's.
        var bound = pageScope(scope)
        if order.first == region {
            if forward {
                bound = scope.upperBound.map { "\(unsafeRaw: region) < \(bind: $0)" } ?? "1 = 1"
            } else {
                bound = "\(unsafeRaw: region) >= \(bind: scope.prefix)"
            }
        }
        let binds = SQLList(key.map { SQLBind($0) })
        return try await readPage(
            """
            SELECT \(pageColumns(scope)) FROM \(from) WHERE \(bound)\(conditions)
            AND (\(unsafeRaw: order.joined(separator: ", "))) \(unsafeRaw: forward ? ">" : "<") (\(binds))
            ORDER BY \(orderBy(forward: forward)) LIMIT \(literal: limit)
            """, forward: forward, scope)
    }

    /// The narrower of two scopes when one holds the other, nil when they do not overlap.
    static func narrowest(_ scope: RegionScope, _ filter: RegionScope?) -> RegionScope? {
        guard let filter else { return scope }
        if filter.prefix.hasPrefix(scope.prefix) { return filter }
        if scope.prefix.hasPrefix(filter.prefix) { return scope }
        return nil
    }
}

/// A page statement's row counts as PostgreSQL's planner wants them (`PostgresReadPool`):
/// the LIMIT written into the text, and no OFFSET for a first page, so that a plan made for
/// any values is costed as this one and PostgreSQL keeps it instead of planning every page
/// again (with a LIMIT or OFFSET bound it costs the plan for an unknown, larger count). The
/// page sizes are few, so the texts are too; a deep page's OFFSET stays a value.
extension SQLQueryString.StringInterpolation {
    fileprivate mutating func appendInterpolation(literal count: Int) {
        appendInterpolation(unsafeRaw: String(count))
    }

    fileprivate mutating func appendInterpolation(skipping offset: Int) {
        if offset > 0 { appendInterpolation(" OFFSET \(bind: offset)" as SQLQueryString) }
    }
}
