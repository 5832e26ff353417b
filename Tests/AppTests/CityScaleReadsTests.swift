@testable import App
import Foundation
import MinzhengCore
import NIOConcurrencyHelpers
import NIOCore
import SQLKit
import Testing
import VaporTesting

/// Issue 22: lists that seek instead of counting and skipping, the name search's pair
/// index kept in step with persons, the query plans of both databases, the read connections
/// and static files' ETags.
@Suite("City-scale reads")
struct CityScaleReadsTests {
    struct Listed: Decodable {
        struct Item: Decodable {
            let id: UUID
            let name: String?
        }
        let items: [Item]
        let total: Int
        let page: Int
        let totalExact: Bool
        let totalLabel: String
        let next: UUID?
        let previous: UUID?

        var ids: [UUID] { items.map(\.id) }
    }

    static func list(_ app: Application, _ path: String, token: String) async throws -> Listed {
        let res = try await send(app, .GET, path, token: token)
        #expect(res.status == .ok, "\(path): \(res.body.string)")
        return try res.json(Listed.self)
    }

    @Test(
        "next and previous pages seek from the page's edge rows, the same rows as numbered pages",
        arguments: TestDatabase.available)
    func seekingMatchesNumbers(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await RegistryListTests.twentyFive(app)
            let token = try await app.token(role: .cityAdmin, region: "3204")
            for (path, sort) in [
                ("households", "region"), ("households", "address"), ("persons", "region"),
                ("persons", "name"), ("persons", "birth"),
            ] {
                let base = "/api/v1/\(path)?sort=\(sort)&perPage=10"
                let all = try await Self.list(app, "/api/v1/\(path)?sort=\(sort)&perPage=25", token: token).ids
                #expect(all.count == 25)
                let first = try await Self.list(app, base, token: token)
                #expect(first.ids == Array(all[0..<10]) && first.total == 25 && first.totalExact)
                #expect(first.previous == nil && first.next == all[9])
                let second = try await Self.list(app, base + "&page=2&after=\(first.next!)", token: token)
                #expect(second.ids == Array(all[10..<20]) && second.page == 2, "\(path) \(sort)")
                let third = try await Self.list(app, base + "&page=3&after=\(second.next!)", token: token)
                #expect(third.ids == Array(all[20..<25]) && third.next == nil && third.page == 3)
                let back = try await Self.list(app, base + "&page=1&before=\(second.previous!)", token: token)
                #expect(back.ids == first.ids && back.page == 1 && back.previous == nil)
                let numbered = try await Self.list(app, base + "&page=3", token: token)
                #expect(numbered.ids == third.ids && numbered.previous == all[20])
                // An id that is no row of the list: the page by its number.
                let stray = try await Self.list(app, base + "&page=2&after=\(UUID())", token: token)
                #expect(stray.ids == second.ids)
            }
            // The HTML pager links the next page by its edge row.
            let officer = try await AccountFixtures.create(app, .streetOfficer, "320402001")
            let cookie = try await AccountFixtures.pageSignIn(app, officer.username).1
            let page = try await AccountFixtures.get(app, "/households", cookie: cookie).body.string
            #expect(page.contains("共 25 户") && page.contains("第 1 / 2 页"))
            #expect(page.contains("rel=\"next\"") && page.contains("page=2&amp;after="))
        }
    }

    @Test(
        "a count stops at the cap (10 000+) and a page by its number makes it exact at the end",
        arguments: TestDatabase.available)
    func cappedCounts(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await RegistryListTests.twentyFive(app)
            let list = SeekList(
                db: app.sql, from: "households h", id: "h.id", region: "h.region",
                scope: RegionScope(RegionCode("3204")!), order: ["h.region", "h.address", "h.id"],
                cursor: ("households", ["region", "address"]), cap: 10)
            let first = try await list.read(try PageRequest(page: 1, perPage: 10))
            #expect(first.count == ListCount(value: 10, exact: false) && first.count.label == "10+")
            let second = try await list.read(try PageRequest(page: 2, perPage: 10))
            #expect(second.count == ListCount(value: 20, exact: false))
            let last = try await list.read(try PageRequest(page: 3, perPage: 10))
            #expect(last.count == ListCount(value: 25, exact: true) && last.ids.count == 5)
            let past = try await list.read(try PageRequest(page: 9, perPage: 10))
            #expect(past.page == 3 && past.ids == last.ids && past.count.exact)
            // Disjoint filters: nothing, without a query.
            #expect(SeekList.narrowest(RegionScope(RegionCode("320402")!), RegionScope(RegionCode("320411")!)) == nil)
        }
    }

    /// A household of 320402001 with 王秀英 (head), 王秀兰, 李秀英, 张三; one of 320402002 with 王秀芳.
    static func names(_ app: Application, token: String) async throws -> [String: UUID] {
        var members: [[String: Any]] = []
        for (i, (name, relation)) in [("王秀英", "head"), ("王秀兰", "配偶"), ("李秀英", "子女"), ("张三", "子女")].enumerated() {
            members.append(["relation": relation, "name": name, "idNumber": residentID("3204021980010110\(i)")])
        }
        for (region, people) in [
            ("320402001", members),
            ("320402002", [["relation": "head", "name": "王秀芳", "idNumber": residentID("32040219800101109")]]),
        ] {
            let created = try await send(
                app, .POST, "/api/v1/households", token: token,
                json: ["region": region, "address": "常州市天宁区测试路1号", "members": people])
            #expect(created.status == .created, "\(created.body.string)")
        }
        let all = try await Self.list(app, "/api/v1/persons?perPage=50", token: token)
        return Dictionary(uniqueKeysWithValues: all.items.map { ($0.name!, $0.id) })
    }

    static func found(
        _ app: Application, _ name: String, token: String, sort: String = "region"
    ) async throws -> [String] {
        let q = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        return try await Self.list(app, "/api/v1/persons?name=\(q)&sort=\(sort)", token: token).items.map { $0.name! }
    }

    @Test(
        "name contains: the pair index finds two characters anywhere, within the region, and follows renames and moves",
        arguments: TestDatabase.available)
    func nameSearch(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let token = try await app.token(role: .cityAdmin, region: "3204")
            let ids = try await Self.names(app, token: token)
            #expect(try await Self.found(app, "王秀", token: token) == ["王秀兰", "王秀英", "王秀芳"])
            #expect(try await Self.found(app, "秀英", token: token).sorted() == ["李秀英", "王秀英"])
            #expect(try await Self.found(app, "王秀英", token: token) == ["王秀英"])
            #expect(try await Self.found(app, "秀", token: token).count == 4)
            #expect(try await Self.found(app, "秀", token: token, sort: "name").count == 4)
            #expect(try await Self.found(app, "王秀", token: token, sort: "name") == ["王秀兰", "王秀芳", "王秀英"])
            #expect(try await Self.found(app, "王秀", token: token, sort: "birth").count == 3)
            let street = try await app.token(role: .streetOfficer, region: "320402001")
            #expect(try await Self.found(app, "王秀", token: street) == ["王秀兰", "王秀英"])
            let region = try await Self.list(
                app, "/api/v1/persons?name=%E7%8E%8B%E7%A7%80&region=320402002", token: token)
            #expect(region.items.map { $0.name! } == ["王秀芳"])

            // A rename reaches the index.
            let zhang = ids["张三"]!
            let version = try await send(app, .GET, "/api/v1/persons/\(zhang)", token: token).value(
                "version", as: Int.self)
            let renamed = try await send(
                app, .PATCH, "/api/v1/persons/\(zhang)", token: token, json: ["version": version, "name": "王秀明"])
            #expect(renamed.status == .ok, "\(renamed.body.string)")
            #expect(try await Self.found(app, "王秀", token: token).count == 4)
            #expect(try await Self.found(app, "张三", token: token).isEmpty)
            // A move to another street takes the index rows along.
            let households = try await Self.list(app, "/api/v1/households?region=320402002", token: token)
            let moved = try await send(
                app, .POST, "/api/v1/households/\(households.ids[0])/members", token: token,
                json: ["personId": zhang.uuidString, "relation": "其他"])
            #expect(moved.status == .ok, "\(moved.body.string)")
            #expect(try await Self.found(app, "王秀", token: street) == ["王秀兰", "王秀英"])
            let rows = try await app.sql.raw(
                "SELECT gram, region FROM person_name_grams WHERE person_id = \(bind: zhang) ORDER BY gram"
            ).all().map {
                "\(try $0.decode(column: "gram", as: String.self))@\(try $0.decode(column: "region", as: String.self))"
            }
            #expect(rows == ["王秀@320402002", "秀明@320402002"])
        }
    }

    @Test(
        "ID number, its last six and phone find through blind indexes within the region",
        arguments: TestDatabase.available)
    func blindSearches(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let token = try await app.token(role: .cityAdmin, region: "3204")
            _ = try await Self.names(app, token: token)
            let number = residentID("32040219800101101")
            for body: [String: Any] in [["idNumber": number], ["idLast6": String(number.suffix(6))]] {
                let res = try await send(app, .POST, "/api/v1/persons/search", token: token, json: body)
                #expect(try res.json(Listed.self).items.map { $0.name! } == ["王秀兰"], "\(body)")
            }
            let other = try await app.token(role: .streetOfficer, region: "320402002")
            let res = try await send(app, .POST, "/api/v1/persons/search", token: other, json: ["idNumber": number])
            #expect(try res.json(Listed.self).items.isEmpty)
        }
    }

    // MARK: query plans

    /// Runs each statement after asking its plan (EXPLAIN QUERY PLAN / EXPLAIN), keeping the plans.
    struct Explaining: SQLDatabase {
        let base: any SQLDatabase
        let plans: NIOLockedValueBox<[(sql: String, plan: [String])]>

        var logger: Logger { base.logger }
        var eventLoop: any EventLoop { base.eventLoop }
        var version: (any SQLDatabaseReportedVersion)? { base.version }
        var dialect: any SQLDialect { base.dialect }
        var queryLogLevel: Logger.Level? { base.queryLogLevel }

        func execute(
            sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void
        )
            -> EventLoopFuture<Void>
        {
            let postgres = dialect.name == "postgresql"
            let lines = NIOLockedValueBox<[String]>([])
            let text = base.serialize(query).sql
            let explain: SQLQueryString = "\(unsafeRaw: postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ")\(query)"
            return base.execute(sql: explain) { row in
                let line = (try? row.decode(column: postgres ? "QUERY PLAN" : "detail", as: String.self)) ?? "?"
                lines.withLockedValue { $0.append(line) }
            }.flatMap { [plans] in
                plans.withLockedValue { $0.append((text, lines.withLockedValue { $0 })) }
                return base.execute(sql: query, onRow)
            }
        }
    }

    /// The plans of a store's reads: on PostgreSQL with sequential scans and sorts priced
    /// out (a few test rows would otherwise be scanned, rightly), so that a plan that still
    /// scans or sorts has no index to do without.
    static func plans(
        _ app: Application, _ db: TestDatabase, _ body: @escaping @Sendable (RegistryStore) async throws -> Void
    ) async throws -> [(sql: String, plan: [String])] {
        try await plans(app, db) { sql, app in
            try await body(
                RegistryStore(
                    db: sql, cipher: app.platform.cipher, regions: app.platform.regions, clock: app.platform.clock))
        }
    }

    /// The plans of the reads `body` makes on the database it is given.
    static func plans(
        _ app: Application, _ db: TestDatabase,
        _ body: @escaping @Sendable (any SQLDatabase, Application) async throws -> Void
    ) async throws -> [(sql: String, plan: [String])] {
        let box = NIOLockedValueBox<[(sql: String, plan: [String])]>([])
        try await app.db.transaction { tx in
            if db == .postgres {
                try await tx.sql.raw("SET LOCAL enable_seqscan = off").run()
                try await tx.sql.raw("SET LOCAL enable_sort = off").run()
            }
            try await body(Explaining(base: tx.sql, plans: box), app)
        }
        return box.withLockedValue { $0 }
    }

    /// What a plan must not do: scan a table, or sort (on PostgreSQL, with both priced out,
    /// a plan still doing either had no index to do without). An ordered walk of an index that
    /// stops at the page (`SCAN … USING COVERING INDEX`) is what a list in another order than
    /// the region's does on SQLite. A blind-index lookup (`_index IN`) finds a handful of rows,
    /// which may be sorted. A page read with its rows (`page_id`) sorts the page's rows, at most
    /// a page and one, by the keys its ids came in (`page.k0`…): that one sort (on PostgreSQL the
    /// plan's top node), and the scan of
    /// the page, are allowed; a second sort (of the ids inside) is not.
    static func problems(_ plans: [(sql: String, plan: [String])], _ db: TestDatabase) -> [String] {
        plans.flatMap { entry in
            let withRows = entry.sql.contains("page_id")
            let sorts = entry.plan.filter { $0.contains(db == .postgres ? "Sort Key" : "TEMP B-TREE") }
            return entry.plan.enumerated().filter { index, line in
                if db == .postgres {
                    if line.contains("Seq Scan") { return true }
                    guard line.contains("Sort"), !entry.sql.contains("_index IN") else { return false }
                    // The outer sort: the plan's top node and its key (named by the inner columns).
                    let pageSort = withRows && index <= 1
                    return !pageSort || sorts.count > 1
                }
                let step = line.trimmingCharacters(in: .whitespaces)
                if step.contains("TEMP B-TREE") {
                    return !entry.sql.contains("_index IN") && (!withRows || sorts.count > 1)
                }
                // `SCAN c`: the count's derived table of at most cap + 1 rows; `SCAN (subquery-…)`:
                // a subquery's rows as its own plan lines read them; `SCAN CONSTANT ROW`: a count
                // asked alone (`SELECT (…) AS list_count`), its subquery's lines beside; `SCAN page`:
                // the page's ids; `SCAN start`: the one row of a numbered page's starting region.
                return step.hasPrefix("SCAN") && !step.hasPrefix("SCAN c") && !step.hasPrefix("SCAN (subquery-")
                    && !step.hasPrefix("SCAN start")
                    && !step.hasPrefix("SCAN CONSTANT ROW") && !(withRows && step.hasPrefix("SCAN page"))
                    && !step.contains("INDEX")
            }.map { "\($0.element)  ←  \(entry.sql)" }
        }
    }

    @Test(
        "every list order and search reads an index in order: no full scan, no sort", arguments: TestDatabase.available)
    func queryPlans(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let token = try await app.token(role: .cityAdmin, region: "3204")
            _ = try await RegistryListTests.twentyFive(app)
            _ = try await Self.names(app, token: token)
            let city = RegionScope(RegionCode("3204")!)
            let street = RegionScope(RegionCode("320402001")!)
            let edge = try await app.sql.raw("SELECT id FROM persons WHERE name = '王秀英'").first()!.decode(
                column: "id", as: UUID.self)
            let household = try await app.sql.raw("SELECT id FROM households LIMIT 1").first()!.decode(
                column: "id", as: UUID.self)
            let plans = try await Self.plans(app, db) { store in
                for scope in [city, street] {
                    for sort in [HouseholdSort.region, .address] {
                        var query = RegistryStore.HouseholdQuery()
                        query.sort = sort
                        _ = try await store.households(
                            within: scope, matching: query, page: try PageRequest(page: 1, perPage: 10))
                        _ = try await store.households(
                            within: scope, matching: query,
                            page: try PageRequest(page: 2, perPage: 10, after: household))
                        _ = try await store.households(
                            within: scope, matching: query,
                            page: try PageRequest(page: 2, perPage: 10, before: household))
                        _ = try await store.households(
                            within: scope, matching: query, page: try PageRequest(page: 3, perPage: 10))
                        _ = try await store.households(
                            within: scope, matching: query, page: try PageRequest(page: 2, perPage: 3))
                    }
                    for sort in [PersonSort.region, .name, .birth] {
                        var query = RegistryStore.PersonQuery()
                        query.sort = sort
                        _ = try await store.persons(
                            within: scope, matching: query, page: try PageRequest(page: 1, perPage: 10))
                        _ = try await store.persons(
                            within: scope, matching: query, page: try PageRequest(page: 2, perPage: 10, after: edge))
                    }
                    // A person's record and its membership history.
                    _ = try await store.person(id: edge, within: scope)
                    var named = RegistryStore.PersonQuery()
                    named.terms.name = "王秀"
                    _ = try await store.persons(
                        within: scope, matching: named, page: try PageRequest(page: 1, perPage: 10))
                    _ = try await store.persons(
                        within: scope, matching: named, page: try PageRequest(page: 2, perPage: 10, after: edge))
                    var byNumber = RegistryStore.PersonQuery()
                    byNumber.terms.residentID = try ResidentID(
                        residentID("32040219800101101"), today: CivilDate(year: 2026, month: 1, day: 1)!)
                    _ = try await store.persons(
                        within: scope, matching: byNumber, page: try PageRequest(page: 1, perPage: 10))
                    var byLast6 = RegistryStore.PersonQuery()
                    byLast6.terms.idLast6 = "011012"
                    _ = try await store.persons(
                        within: scope, matching: byLast6, page: try PageRequest(page: 1, perPage: 10))
                    var byPhone = RegistryStore.PersonQuery()
                    byPhone.terms.phone = "13912345678"
                    _ = try await store.persons(
                        within: scope, matching: byPhone, page: try PageRequest(page: 1, perPage: 10))
                }
            }
            #expect(plans.count > 50)
            let problems = Self.problems(plans, db)
            #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        }
    }

    // MARK: connections and pages

    @Test("on SQLite a list reads on its own connections, beside a write's open transaction")
    func readsBesideWrites() async throws {
        try await withTestApp(.sqlite) { app in
            #expect(ReadDatabase.pool(app) != nil)
            let token = try await app.token(role: .cityAdmin, region: "3204")
            _ = try await Self.names(app, token: token)
            try await app.db.transaction { tx in
                try await tx.sql.raw("UPDATE persons SET name = '未提交' WHERE name = '张三'").run()
                let store = RegistryStore(
                    db: app.reads, cipher: app.platform.cipher, regions: app.platform.regions, clock: app.platform.clock
                )
                let page = try await store.persons(
                    within: RegionScope(RegionCode("3204")!), matching: .init(),
                    page: try PageRequest(page: 1, perPage: 50))
                #expect(page.items.contains { $0.name == "张三" } && !page.items.contains { $0.name == "未提交" })
                // A request's token is read there too.
                let listed = try await Self.list(app, "/api/v1/persons?perPage=50", token: token)
                #expect(!listed.items.contains { $0.name == "未提交" })
            }
        }
    }

    @Test("static files carry an ETag and answer 304 to If-None-Match")
    func staticETags() async throws {
        try await withTestApp(.sqlite) { app in
            let first = try await send(app, .GET, "/css/app.css")
            #expect(first.status == .ok)
            let tag = try #require(first.headers.first(name: .eTag))
            let again = try await send(app, .GET, "/css/app.css", headers: ["If-None-Match": tag])
            #expect(again.status == .notModified && again.body.readableBytes == 0)
        }
    }
}
