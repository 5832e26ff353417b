import MinzhengCore
import Testing

@Suite("Community workers' stars: every number of ORGANISATIONS.md at its boundary")
struct CommunityWorkerStarsTests {
    static let p = try! PolicyFixtures.parameters("2026-01").stars
    static let asOf = CivilDate("2026-12-03")!

    @Test func theDefaultsAreTheDocuments() {
        #expect(Self.p == StarParameters.defaults)
        #expect(StarParameters(values: Self.p.values) == Self.p)
        #expect(StarParameters.keys.count == Self.p.values.count)
    }

    static func rate(
        started: String = "2026-12-03", _ q: SocialWorkQualification = .none,
        evaluations e: [Int: WorkerEvaluation] = [:],
        awards a: [(WorkerAwardLevel, String)] = []
    ) -> WorkerStars {
        CommunityWorkerStars.rate(
            startedOn: CivilDate(started)!, qualification: q, evaluations: e,
            awards: a.map { (level: $0.0, on: CivilDate($0.1)!) }, asOf: asOf, p)
    }

    struct ServiceRow: Sendable, CustomTestStringConvertible {
        let started: String
        let years: Int
        let points: Int
        var testDescription: String { "\(started): \(years) years, \(points) points" }
    }

    /// Service: 2 a full year, at most 30 (15 years); an anniversary completes the year.
    @Test(arguments: [
        ServiceRow(started: "2026-12-03", years: 0, points: 0), ServiceRow(started: "2025-12-04", years: 0, points: 0),
        ServiceRow(started: "2025-12-03", years: 1, points: 2),
        ServiceRow(started: "2016-12-03", years: 10, points: 20),
        ServiceRow(started: "2012-12-04", years: 13, points: 26),
        ServiceRow(started: "2011-12-04", years: 14, points: 28),
        ServiceRow(started: "2011-12-03", years: 15, points: 30),
        ServiceRow(started: "2001-01-01", years: 25, points: 30),
        ServiceRow(started: "2027-01-01", years: 0, points: 0), ServiceRow(started: "2024-02-29", years: 2, points: 4),
    ])
    func service(_ row: ServiceRow) {
        let r = Self.rate(started: row.started)
        #expect(r.serviceYears == row.years && r.servicePoints == row.points)
    }

    @Test(arguments: [
        (SocialWorkQualification.none, 0), (.assistant, 10), (.socialWorker, 20), (.senior, 30),
    ])
    func qualification(_ q: SocialWorkQualification, _ points: Int) {
        #expect(Self.rate(q).qualificationPoints == points)
    }

    /// Evaluations: 优秀 10, 称职 5, 基本称职 0, 不称职 0; only 2023, 2024, 2025 count on 2026-12-03.
    @Test(arguments: [
        ([2025: WorkerEvaluation.excellent, 2024: .excellent, 2023: .excellent], 30),
        ([2025: .competent, 2024: .competent, 2023: .competent], 15),
        ([2025: .basicallyCompetent, 2024: .excellent, 2023: .competent], 15),
        ([2026: .excellent, 2022: .excellent, 2025: .competent], 5),
        ([2024: .incompetent, 2025: .excellent], 10),
        ([:], 0),
    ])
    func evaluations(_ e: [Int: WorkerEvaluation], _ points: Int) {
        #expect(Self.rate(evaluations: e).evaluationPoints == points)
    }

    /// Awards: city 10, provincial 20, at most 30; an award after the day does not count yet.
    @Test(arguments: [
        ([(WorkerAwardLevel.city, "2020-05-01")], 10), ([(.provincial, "2020-05-01")], 20),
        ([(.city, "2020-05-01"), (.provincial, "2021-05-01")], 30),
        ([(.provincial, "2020-05-01"), (.provincial, "2021-05-01")], 30),
        ([(.city, "2019-01-01"), (.city, "2020-01-01"), (.city, "2021-01-01"), (.city, "2022-01-01")], 30),
        ([(.city, "2026-12-04")], 0), ([(.city, "2026-12-03")], 10),
    ])
    func awards(_ a: [(WorkerAwardLevel, String)], _ points: Int) {
        #expect(Self.rate(awards: a).awardPoints == points)
    }

    /// Stars: 1 below 30, 2 at 30–49, 3 at 50–69, 4 at 70–89, 5 from 90.
    @Test(arguments: [(0, 1), (29, 1), (30, 2), (49, 2), (50, 3), (69, 3), (70, 4), (89, 4), (90, 5), (150, 5)])
    func thresholds(_ total: Int, _ stars: Int) {
        #expect(CommunityWorkerStars.stars(total: total, Self.p) == stars)
    }

    /// Worked cases: the sum of the four parts; 不称职 last year caps at 1 star, earlier ones do not.
    @Test func workedCases() {
        // 15 years (30) + 社工师 (20) + 优秀, 称职, 称职 (20) + a provincial award (20) = 90: 5 stars.
        let five = Self.rate(
            started: "2010-03-01", .socialWorker, evaluations: [2025: .excellent, 2024: .competent, 2023: .competent],
            awards: [(.provincial, "2022-10-01")])
        #expect(five.total == 90 && five.stars == 5 && !five.cappedByIncompetent)
        // The same worker with 不称职 in 2025 (0 instead of 10): 80 points, but capped at 1 star.
        let capped = Self.rate(
            started: "2010-03-01", .socialWorker,
            evaluations: [2025: .incompetent, 2024: .competent, 2023: .competent],
            awards: [(.provincial, "2022-10-01")])
        #expect(capped.total == 80 && capped.stars == 1 && capped.cappedByIncompetent)
        // 不称职 two years ago: no cap.
        let earlier = Self.rate(
            started: "2010-03-01", .socialWorker,
            evaluations: [2025: .excellent, 2024: .incompetent, 2023: .competent],
            awards: [(.provincial, "2022-10-01")])
        #expect(earlier.total == 85 && earlier.stars == 4 && !earlier.cappedByIncompetent)
        // A 1-star worker with 不称职 is not marked capped: nothing was held down.
        let low = Self.rate(started: "2025-01-01", .none, evaluations: [2025: .incompetent])
        #expect(low.stars == 1 && !low.cappedByIncompetent)
        // 14 years (28) + 助理社工师 (10) + 称职 ×2 (10) + city (10) = 58: 3 stars; a day later, 15 years: 60.
        let three = Self.rate(
            started: "2011-12-04", .assistant, evaluations: [2025: .competent, 2024: .competent],
            awards: [(.city, "2020-01-01")])
        #expect(three.total == 58 && three.stars == 3)
    }

    /// A changed parameter changes the outcome: the numbers are not literals.
    @Test func theNumbersAreParameters() {
        var q = Self.p
        q.fiveStars = 100
        q.incompetentCap = 2
        let r = CommunityWorkerStars.rate(
            startedOn: CivilDate("2010-03-01")!, qualification: .socialWorker,
            evaluations: [2025: .incompetent, 2024: .excellent, 2023: .excellent], awards: [], asOf: Self.asOf, q)
        #expect(r.total == 70 && r.stars == 2 && r.cappedByIncompetent)
        #expect(CommunityWorkerStars.stars(total: 99, q) == 4)
    }

    struct AdmissionRow: Sendable, CustomTestStringConvertible {
        let department: String
        let named: Bool
        let item: AdmissionRules.Item?
        let problem: AdmissionProblem?
        var testDescription: String {
            "\(department) \(named) \(String(describing: item)) → \(String(describing: problem))"
        }
    }

    /// An item of one's department on the list is admitted; no item, an item off the list (or
    /// withdrawn), or another department's item is 未准入, each with its reason.
    @Test(arguments: [
        AdmissionRow(
            department: "health", named: true, item: .init(department: "health", active: true), problem: nil),
        AdmissionRow(department: "health", named: false, item: nil, problem: .noItem),
        AdmissionRow(department: "health", named: true, item: nil, problem: .notOnList),
        AdmissionRow(
            department: "health", named: true, item: .init(department: "health", active: false), problem: .notOnList),
        AdmissionRow(
            department: "education", named: true, item: .init(department: "health", active: true),
            problem: .otherDepartment),
    ])
    func admission(_ row: AdmissionRow) {
        #expect(AdmissionRules.problem(department: row.department, namedItem: row.named, item: row.item) == row.problem)
    }
}
