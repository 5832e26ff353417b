@testable import App
import Foundation
import MinzhengCore
import Testing
import VaporTesting

/// Issue 14: the templates keep their literal hrefs, so a renamed route could leave a page
/// linking nowhere. A city administrator follows every link of every page reached from `/`.
@Suite("Every link of the pages leads somewhere")
struct LinkWalkTests {
    @Test(
        "from the home page, every same-origin link a city administrator can follow answers neither 404 nor 500",
        arguments: TestDatabase.available)
    func walk(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            try await Self.seedDemo(app)
            let cookie = try await PolicyPageTests.signedIn(app, role: .cityAdmin, region: "3204")
            let started = ContinuousClock.now
            var walk = LinkWalk()
            while let link = walk.next() {
                let response = try await AccountFixtures.get(app, link.url, cookie: cookie)
                walk.record(link.url, from: link.from, response: response)
            }
            let failures = walk.failures.joined(separator: "\n")
            #expect(walk.failures.isEmpty, "dead links (page → link: status):\n\(failures)")
            // The walk must reach the detail pages, or it proves little.
            for pattern in [
                "/households/{uuid}", "/persons/{uuid}", "/applications/{uuid}", "/payroll/{uuid}",
                "/payroll/{uuid}/bank.xlsx", "/tasks/{uuid}", "/users/{uuid}", "/policy/dibaoStandard",
                "/elderly/allowances",
                "/home-care/orders/{uuid}", "/home-care/settlement/{uuid}/statement.xlsx?month={n}-{n}",
                "/adaptations/{uuid}",
                "/ability-assessments/{uuid}", "/persons/{uuid}/ability-assessments/new",
                "/facilities/{uuid}", "/hazards/{uuid}", "/inspections/rounds/{uuid}",
                "/funeral-prices/{uuid}", "/funeral-prices/{uuid}/new", "/funeral-bills/{uuid}",
                "/disability-subsidies", "/disability-subsidies?status=confirmed",
                "/children", "/children/new", "/children/{uuid}", "/children/turning-adult", "/child-visits/{uuid}",
                "/child-care-homes", "/child-care-homes/{uuid}",
                "/organisations", "/organisations/new", "/organisations/{uuid}", "/organisation-sweep",
                "/organisation-notices", "/child-cases", "/adoptions", "/adoptions/{uuid}",
                "/place-names", "/place-names/{uuid}", "/seat-moves", "/seat-moves/{uuid}",
                "/place-name-signs", "/place-name-signs.xlsx?condition=repair", "/place-name-directory",
                "/place-name-directory/{uuid}",
                "/rehab-stations", "/rehab-stations/{uuid}?month={n}-{n}", "/rehab-stations?month={n}-{n}",
                "/ratings", "/ratings/{uuid}", "/rating-reviewers",
                "/funding-rounds", "/funding-rounds/{uuid}", "/funding-proposals/{uuid}",
                "/organisation-applications", "/organisation-applications/{uuid}",
                "/illegal-organisations", "/illegal-organisations/new", "/illegal-organisations/{uuid}",
                "/trade-association-fees", "/trade-association-fees/{uuid}", "/trade-association-fees.xlsx",
                "/rental", "/rental/points/{uuid}", "/rentals/{uuid}", "/rental/settlement",
                "/rental/settlement.xlsx?month={n}-{n}",
                "/community-committees", "/community-committees/{uuid}", "/committee-untrained", "/community-workers",
                "/community-workers/{uuid}", "/social-work-stations", "/admission-items", "/community-assignments",
                "/community-tasks",
                "/charity", "/charity/needs", "/charity/needs/{uuid}", "/charity/organisations",
                "/charity/organisations/{uuid}", "/charity/awards", "/charity/awards/{uuid}",
                "/station-cases", "/station-cases/new", "/station-cases/{uuid}",
                "/family-search/notices", "/family-search/notices/{uuid}", "/family-search/queue",
                "/api-docs", "/api/v{n}/openapi.json", "/account/api-calls",
                "/services", "/services/assistance", "/services/assistance/{n}", "/services/assistance/{n}/edit",
                "/services/placenames/{n}", "/text-size?large={n}",
                "/progress?number=CZ{n}",
                "/statistics", "/statistics?month={n}-{n}&region={n}", "/statistics.xlsx?month={n}-{n}&region={n}",
                "/dashboard", "/statistics?year={n}&region={n}",
            ] {
                #expect(walk.patterns.contains(pattern), "the walk did not reach \(pattern)")
            }
            let elapsed = ContinuousClock.now - started
            print("link walk (\(db.rawValue)): \(walk.visited) pages, \(walk.patterns.count) patterns, \(elapsed)")
        }
    }

    /// Demo households with their caseload (applications at every step, enrollments, paid
    /// rolls), and a household with a medical alert for a visit task.
    static func seedDemo(_ app: Application) async throws {
        let today = app.platform.clock.today
        _ = try await app.demoSeeder.seed(households: 300, seed: 1, today: today)
        let caseload = try await app.demoCaseload.seed(today: today)
        try #require(caseload.rolls > 0 && caseload.applications > 0)
        let elderly = try await DemoElderlyCare.seed(app, today: today)
        try #require(
            elderly.assessments > 0 && elderly.homeCareOrders > 0 && elderly.adaptations > 0
                && elderly.seniorAllowances > 0)
        try await GridWorkerPagesTests.alertedHousehold(app)
        _ = try await DemoFacilities.seed(
            db: app.sql, writer: app.writer(actor: .system("demo")), clock: app.platform.clock,
            cipher: app.platform.cipher, count: 40)
        try #require(try await DemoFuneral.seed(app) == 3)
        // The demo's subsidies for the street: the dibao member's funeral subsidy, a tree burial's.
        let kinds = try await app.sql.raw("SELECT kind FROM funeral_subsidies ORDER BY kind").all().map {
            try $0.decode(column: "kind", as: String.self)
        }
        #expect(kinds == ["ecoBurial", "funeral"])
        // The demo's disability certificates and the proposals of the month's run.
        let (certificates, proposed) = try await DemoDisability.seed(app)
        #expect(certificates > 0 && proposed > 0)
        // The demo's children in need, their visits and care homes.
        let (children, homes) = try await DemoChildren.seed(app)
        #expect(children > 0 && homes > 0)
        // Social organisations (a small registry) and the credit runs' lists.
        let credit = try await DemoOrganisations.seed(app, count: 200)
        #expect(credit.listedAbnormal > 0)
        // Their ratings: decided, in publicity, being scored.
        #expect(try await DemoRatings.seed(app).rated > 0)
        // A funding round awarded with its projects at every milestone, and one open.
        #expect(try await DemoFunding.seed(app).awarded > 0)
        // Reports of illegal organisations in every state; trade associations' fees and refunds.
        #expect(try await DemoIllegalOrganisations.seedReports(app) > 0)
        #expect(try await DemoIllegalOrganisations.seedFees(app).items > 0)
        let registrar = CurrentUser(
            id: UUID(), username: "demo", displayName: "演示登记员", role: .cityAdmin, region: RegionTable.changzhou,
            department: nil)
        // Registrations at every step and their certificates.
        #expect(try await DemoRegistrations.seed(app, registrar: registrar).1 > 0)
        // Couples of the registry adopting children of their district.
        #expect(try await DemoAdoptions.seed(app, registrar: registrar) > 0)
        // The register of place names.
        #expect(try await DemoPlaceNames.seed(app).1 > 0)
        #expect(try await DemoSeatMoves.seed(app) > 0)
        // 德康驿站 on the busiest streets, a few patients each.
        let rehab = try await DemoRehab.seed(app, patientsPerStation: 4)
        #expect(rehab.stations > 0 && rehab.patients > 0)
        // Rental points with their stock and rentals of the street's people.
        let (points, rentals) = try await DemoRental.seed(app, by: registrar)
        #expect(points > 0 && rentals > 0)
        // Committees, workers with stars, social-work stations, the admission list and tasks.
        #expect(try await DemoCommunities.seed(app).workers > 0)
        // Charitable organisations, their filings, the award in publicity, 1798 needs in every state.
        let (charitable, needs) = try await DemoCharity.seed(app, by: registrar, today: today)
        #expect(charitable > 0 && needs > 0)
        // Family search: notices and reports, the matches proposed by the rematch.
        #expect(try await DemoFamilySearch.seed(app, reports: 60, notices: 20, matchedPerMille: 500).matches > 0)
        // The assistance station's year of cases.
        #expect(try await DemoStation.seed(app) > 0)
        // The finished months with payroll rolls frozen.
        #expect(try await DemoStatistics.seed(app).count > 0)
    }

    @Test(
        "a family (a resident) follows every link of its family-search pages: its reports, a report, its photo, the notices",
        arguments: TestDatabase.available)
    func familyWalk(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(FamilySearchPagesTests.day)
            let staff = try await app.token(role: .districtOfficer, region: "320402")
            _ = try await FamilySearchPagesTests.publish(app, token: staff, FamilySearchPagesTests.notice())
            let family = try await PolicyPageTests.signedIn(app, role: .resident, region: "320402001")
            let visit = try await FormVisit.open(app, "/family-search/reports", cookie: family)
            let registered = try await visit.post(app, "/family-search/reports", FamilySearchPagesTests.form())
            let location = try #require(registered.headers.first(name: .location))
            let report = try #require(
                UUID(uuidString: String(location.dropFirst("/family-search/reports/".count).prefix(36))))
            let page = try await FormVisit.open(app, "/family-search/reports/\(report)", cookie: family)
            let uploaded = try await FamilySearchPagesTests.photoUpload(
                app, report: report, visit: page, name: "照片.png", type: "image/png",
                bytes: [UInt8](DemoAdaptations.photo))
            #expect(uploaded.status == .seeOther)
            var walk = LinkWalk(start: "/family-search/reports", only: "/family-search/")
            while let link = walk.next() {
                walk.record(
                    link.url, from: link.from, response: try await AccountFixtures.get(app, link.url, cookie: family))
            }
            #expect(
                walk.failures.isEmpty, "dead links (page → link: status):\n\(walk.failures.joined(separator: "\n"))")
            for pattern in [
                "/family-search/reports", "/family-search/reports/{uuid}",
                "/family-search/reports/{uuid}/photos/{uuid}",
                "/family-search/notices", "/family-search/notices/{uuid}",
            ] {
                #expect(walk.patterns.contains(pattern), "the walk did not reach \(pattern)")
            }
        }
    }
}

/// A breadth-first walk over the links of the pages: each link once, at most `samplesPerPattern`
/// links per pattern (links differing only by an id or a number), at most `maximumPages` pages.
struct LinkWalk {
    /// 700 since 民政通 (its categories, guides and edit pages are three samples each, early in the walk).
    var maximumPages = 700
    var samplesPerPattern = 3
    private(set) var visited = 0
    private(set) var failures: [String] = []
    private(set) var patterns: Set<String> = []
    private var queue: [(url: String, from: String)]
    private var queued: Set<String>
    private var samples: [String: Int] = [:]
    /// Only links starting with this are followed (a walk of one feature's pages); nil for all.
    private let only: String?

    init(start: String = "/", only: String? = nil) {
        queue = [(start, "(start)")]
        queued = [start]
        self.only = only
    }

    /// The next link to follow, and the page that linked to it.
    mutating func next() -> (url: String, from: String)? {
        guard visited < maximumPages, !queue.isEmpty else { return nil }
        visited += 1
        return queue.removeFirst()
    }

    /// Notes a dead link; queues a redirect's target and the links of an HTML page.
    mutating func record(_ url: String, from: String, response: TestingHTTPResponse) {
        patterns.insert(Self.pattern(of: url))
        if response.status == .notFound || response.status.code >= 500 {
            failures.append("\(from) → \(url): \(response.status.code)")
        }
        if let location = response.headers.first(name: .location) {
            enqueue(location, on: url)
        }
        guard response.headers.contentType?.subType == "html" else { return }  // a download: its status is enough
        for match in response.body.string.matches(of: /href="([^"]*)"/) {
            enqueue(Self.unescaped(String(match.1)), on: url)
        }
    }

    private mutating func enqueue(_ href: String, on page: String) {
        guard let url = Self.sameOrigin(href, on: page), !queued.contains(url), url != "/logout",
            only.map({ url.hasPrefix($0) }) ?? true
        else { return }
        let pattern = Self.pattern(of: url)
        guard samples[pattern, default: 0] < samplesPerPattern else { return }
        samples[pattern, default: 0] += 1
        queued.insert(url)
        queue.append((url, page))
    }

    /// The link's path and query when it stays on this site and is a page to GET; nil for
    /// in-page anchors, `data:`/`tel:`/`mailto:` links and other hosts.
    static func sameOrigin(_ href: String, on page: String) -> String? {
        let origin = "http://minzheng.test"
        guard !href.hasPrefix("#"), let base = URL(string: origin + page),
            let url = URL(string: href, relativeTo: base)?.absoluteURL,
            url.scheme == "http", url.host == "minzheng.test",
            var parts = URLComponents(url: url, resolvingAgainstBaseURL: false)
        else { return nil }
        parts.scheme = nil
        parts.host = nil
        parts.fragment = nil
        return parts.string
    }

    /// Links that differ only by an id or a number (a page, a region, a month) share a pattern.
    static func pattern(of url: String) -> String {
        url.replacing(/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/, with: "{uuid}")
            .replacing(/\d+/, with: "{n}")
    }

    /// An attribute's text as Leaf escapes it, back to the URL.
    static func unescaped(_ text: String) -> String {
        [("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")]
            .reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
}
