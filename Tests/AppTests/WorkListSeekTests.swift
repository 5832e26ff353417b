@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// Issue 22 for the application queue and the account list: a region's list seeks from its
/// edge rows in every order, counts to the cap, and reads an index in order on both databases.
@Suite("The application queue and the account list at city scale")
struct WorkListSeekTests {
    /// 25 applications over two streets, five submitting days and three states; returns
    /// the city administrator's token.
    static func twentyFive(_ app: Application) async throws -> String {
        let token = try await app.token(role: .cityAdmin, region: "3204")
        _ = try await RegistryListTests.twentyFive(app)
        let households = try await app.sql.raw("SELECT id FROM households ORDER BY address").all().map {
            try $0.decode(column: "id", as: UUID.self)
        }
        let store = ApplicationStore(db: app.sql)
        let states: [WorkflowState] = [.submitted, .investigated, .approved]
        for (i, household) in households.enumerated() {
            try await store.insert(
                ApplicationStore.NewApplication(
                    itemCode: "dibao", household: household, region: i % 2 == 0 ? "320402001" : "320402002",
                    flow: .civilAffairs(approvingLevel: .district), state: states[i % 3],
                    submittedOn: CivilDate(year: 2026, month: 11, day: 2 + i % 5)!, submittedBy: "测试"),
                at: app.platform.clock.now)
        }
        return token
    }

    @Test("every order's next and previous pages are the numbered pages' rows", arguments: TestDatabase.available)
    func seekingMatchesNumbers(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let token = try await Self.twentyFive(app)
            for sort in ["submitted", "deadline", "region", "state"] {
                let base = "/api/v1/applications?sort=\(sort)&perPage=10"
                let all = try await CityScaleReadsTests.list(
                    app, "/api/v1/applications?sort=\(sort)&perPage=25", token: token
                ).ids
                #expect(all.count == 25)
                let first = try await CityScaleReadsTests.list(app, base, token: token)
                #expect(first.ids == Array(all[0..<10]) && first.total == 25 && first.next == all[9], "\(sort)")
                let second = try await CityScaleReadsTests.list(
                    app, base + "&page=2&after=\(first.next!)", token: token)
                #expect(second.ids == Array(all[10..<20]) && second.page == 2, "\(sort)")
                let third = try await CityScaleReadsTests.list(
                    app, base + "&page=3&after=\(second.next!)", token: token)
                #expect(third.ids == Array(all[20..<25]) && third.next == nil, "\(sort)")
                let back = try await CityScaleReadsTests.list(
                    app, base + "&page=1&before=\(second.previous!)", token: token)
                #expect(back.ids == first.ids && back.previous == nil, "\(sort)")
                let numbered = try await CityScaleReadsTests.list(app, base + "&page=2", token: token)
                #expect(numbered.ids == second.ids, "\(sort)")
            }
            // Oldest first, latest first the same rows backwards.
            let oldest = try await CityScaleReadsTests.list(app, "/api/v1/applications?perPage=25", token: token).ids
            let latest = try await CityScaleReadsTests.list(
                app, "/api/v1/applications?sort=latest&perPage=25", token: token
            ).ids
            #expect(latest == oldest.reversed())
            // A street officer's queue holds their street only, and seeks within it.
            let officer = try await app.token(role: .streetOfficer, region: "320402002")
            let street = try await CityScaleReadsTests.list(app, "/api/v1/applications?perPage=5", token: officer)
            #expect(street.total == 12 && street.items.count == 5)
            let next = try await CityScaleReadsTests.list(
                app, "/api/v1/applications?perPage=5&page=2&after=\(street.next!)", token: officer)
            #expect(Set(next.ids).isDisjoint(with: street.ids) && next.items.count == 5)
            // The state filter holds across a seek.
            let open = try await CityScaleReadsTests.list(
                app, "/api/v1/applications?state=submitted&perPage=5", token: token)
            #expect(open.total == 9)
            let rest = try await CityScaleReadsTests.list(
                app, "/api/v1/applications?state=submitted&perPage=5&page=2&after=\(open.next!)", token: token)
            #expect(rest.items.count == 4 && rest.next == nil)
            // The page links its next page by the edge row and shows the count.
            let cookie = try await AccountFixtures.pageSignIn(
                app, try await AccountFixtures.create(app, .cityAdmin, "3204").username
            ).1
            let page = try await AccountFixtures.get(app, "/applications", cookie: cookie).body.string
            #expect(page.contains("共 25 件") && page.contains("page=2&amp;after="))
        }
    }

    @Test("every order of a city's and a street's queue reads an index in order", arguments: TestDatabase.available)
    func queryPlans(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await Self.twentyFive(app)
            let edge = try await app.sql.raw("SELECT id FROM applications LIMIT 1").first()!.decode(
                column: "id", as: UUID.self)
            let catalog = try await CatalogStore(db: app.sql).catalog()
            let plans = try await CityScaleReadsTests.plans(app, db) { sql, _ in
                let store = ApplicationStore(db: sql)
                for scope in [RegionScope(RegionCode("3204")!), RegionScope(RegionCode("320402001")!)] {
                    for sort in ApplicationSort.allCases {
                        let filter = ApplicationStore.QueueFilter(sort: sort)
                        for page in [
                            try PageRequest(page: 1, perPage: 10), try PageRequest(page: 2, perPage: 10, after: edge),
                            try PageRequest(page: 2, perPage: 10, before: edge), try PageRequest(page: 3, perPage: 10),
                        ] {
                            _ = try await store.queue(
                                for: .staff(scope), filter: filter, page: page, catalog: catalog,
                                regions: app.platform.regions, today: CivilDate(year: 2026, month: 11, day: 20)!)
                        }
                    }
                }
            }
            #expect(plans.count > 40)
            let problems = CityScaleReadsTests.problems(plans, db)
            #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
            // A person's page: their applications and their household's, found by either index
            // (the few found may be sorted), never a walk of the queue.
            let person = try await app.sql.raw(
                "SELECT m.person_id, m.household_id FROM memberships m JOIN applications a ON a.household_id = m.household_id LIMIT 1"
            ).first()!
            let own = try await CityScaleReadsTests.plans(app, db) { sql, _ in
                _ = try await ApplicationStore(db: sql).queue(
                    for: .staff(RegionScope(RegionCode("3204")!)),
                    filter: ApplicationStore.QueueFilter(
                        person: (
                            try person.decode(column: "person_id", as: UUID.self),
                            try person.decode(column: "household_id", as: UUID.self)
                        ), sort: .latest),
                    page: try PageRequest(page: 1, perPage: 50), catalog: catalog, regions: app.platform.regions,
                    today: CivilDate(year: 2026, month: 11, day: 20)!)
            }
            let scans = own.flatMap(\.plan).filter {
                db == .postgres ? $0.contains("Seq Scan") : ($0.contains("SCAN") && !$0.contains("INDEX"))
            }
            #expect(scans.isEmpty, "\(scans)")
        }
    }

    @Test("the account list seeks in every order, within the administrator's region", arguments: TestDatabase.available)
    func accounts(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let admin = try await app.token(role: .cityAdmin, region: "3204", username: "a-admin")
            let roles: [Role] = [.streetOfficer, .communityWorker, .auditor]
            for i in 0..<24 {
                _ = try await app.token(
                    role: roles[i % 3], region: i % 2 == 0 ? "320402001" : "320411001",
                    username: "u\(String(format: "%02d", 24 - i))")
            }
            for sort in ["region", "username", "role"] {
                let base = "/api/v1/users?sort=\(sort)&perPage=10"
                let all = try await CityScaleReadsTests.list(app, "/api/v1/users?sort=\(sort)&perPage=50", token: admin)
                    .ids
                #expect(all.count == 25)
                let first = try await CityScaleReadsTests.list(app, base, token: admin)
                #expect(first.ids == Array(all[0..<10]) && first.next == all[9], "\(sort)")
                let second = try await CityScaleReadsTests.list(
                    app, base + "&page=2&after=\(first.next!)", token: admin)
                #expect(second.ids == Array(all[10..<20]), "\(sort)")
                let back = try await CityScaleReadsTests.list(
                    app, base + "&page=1&before=\(second.previous!)", token: admin)
                #expect(back.ids == first.ids, "\(sort)")
                #expect(
                    try await CityScaleReadsTests.list(app, base + "&page=3", token: admin).ids == Array(all[20...]))
            }
            // A district administrator's list: their district's twelve and themselves.
            let district = try await app.token(role: .districtOfficer, region: "320411", username: "d-admin")
            let theirs = try await CityScaleReadsTests.list(app, "/api/v1/users?perPage=10", token: district)
            #expect(theirs.total == 13)
            let rest = try await CityScaleReadsTests.list(
                app, "/api/v1/users?perPage=10&page=2&after=\(theirs.next!)", token: district)
            #expect(rest.items.count == 3 && Set(rest.ids).isDisjoint(with: theirs.ids))
            let plans = try await CityScaleReadsTests.plans(app, db) { sql, _ in
                let store = UserStore(db: sql)
                let edge = try await sql.raw("SELECT id FROM users WHERE username = 'u07'").first()!.decode(
                    column: "id", as: UUID.self)
                for scope in [RegionScope(RegionCode("3204")!), RegionScope(RegionCode("320402001")!)] {
                    for sort in UserSort.allCases {
                        for page in [
                            try PageRequest(page: 1, perPage: 10), try PageRequest(page: 2, perPage: 10, after: edge),
                            try PageRequest(page: 2, perPage: 10, before: edge),
                        ] {
                            _ = try await store.users(
                                within: scope, matching: UserStore.Query(sort: sort), page: page)
                        }
                    }
                }
            }
            let problems = CityScaleReadsTests.problems(plans, db)
            #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        }
    }
}
