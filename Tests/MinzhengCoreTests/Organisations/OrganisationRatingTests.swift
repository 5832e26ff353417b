import MinzhengCore
import Testing

@Suite("Social organisations' rating: the sheet, the total, the grade, exclusions, conflicts (ORGANISATIONS.md)")
struct OrganisationRatingTests {
    static let p = try! PolicyFixtures.parameters("2026-01").rating
    static let day = CivilDate("2026-03-10")!

    @Test func theDefaultsAreTheDocumentsSheet() {
        #expect(Self.p == RatingParameters.defaults)
        #expect(Self.p.maximum == 1000)
        #expect(RatingParameters(values: Self.p.values) == Self.p)
    }

    struct GradeRow: Sendable, CustomTestStringConvertible {
        let tenths: Int
        let grade: Int?
        var testDescription: String { "\(OrganisationRating.points(tenths)) → \(OrganisationRating.gradeName(grade))" }
    }

    @Test(arguments: [
        GradeRow(tenths: 0, grade: nil), GradeRow(tenths: 7499, grade: nil), GradeRow(tenths: 7500, grade: 1),
        GradeRow(tenths: 7999, grade: 1), GradeRow(tenths: 8000, grade: 2), GradeRow(tenths: 8499, grade: 2),
        GradeRow(tenths: 8500, grade: 3), GradeRow(tenths: 8999, grade: 3), GradeRow(tenths: 9000, grade: 4),
        GradeRow(tenths: 9499, grade: 4), GradeRow(tenths: 9500, grade: 5), GradeRow(tenths: 10000, grade: 5),
    ])
    func gradeBoundaries(_ row: GradeRow) {
        #expect(OrganisationRating.grade(totalTenths: row.tenths, Self.p) == row.grade)
    }

    static func sheet(_ total: Int) -> RatingSheet {
        // Sections filled in order up to their maxima.
        var left = total
        func take(_ max: Int) -> Int {
            let t = min(left, max)
            left -= t
            return t
        }
        return RatingSheet(basic: take(60), governance: take(340), performance: take(420), social: take(180))
    }

    struct MeanRow: Sendable, CustomTestStringConvertible {
        let totals: [Int]
        let tenths: Int
        let grade: Int?
        var testDescription: String { "\(totals.count) sheets summing \(totals.reduce(0, +)) → \(tenths)" }
    }

    @Test(arguments: [
        MeanRow(totals: [750, 749, 750], tenths: 7497, grade: nil),
        MeanRow(totals: [750, 750, 750], tenths: 7500, grade: 1),
        MeanRow(totals: [800, 800, 799], tenths: 7997, grade: 1),
        MeanRow(totals: [950, 949, 950, 950], tenths: 9498, grade: 4),
        MeanRow(totals: [950, 950, 951], tenths: 9503, grade: 5),
        // 749.95 rounds half up to 750.0: 1A.
        MeanRow(totals: [749] + Array(repeating: 750, count: 19), tenths: 7500, grade: 1),
        // 749.94 (…/50) rounds down.
        MeanRow(totals: [747] + Array(repeating: 750, count: 49), tenths: 7499, grade: nil),
        MeanRow(totals: [1000, 1000, 1000], tenths: 10000, grade: 5),
    ])
    func totalIsTheMeanRoundedToOneDecimal(_ row: MeanRow) {
        let tenths = OrganisationRating.totalTenths(row.totals.map(Self.sheet))
        #expect(tenths == row.tenths)
        #expect(OrganisationRating.grade(totalTenths: tenths ?? 0, Self.p) == row.grade)
    }

    @Test func noSheetsNoTotal() {
        #expect(OrganisationRating.totalTenths([]) == nil)
        #expect(OrganisationRating.points(9495) == "949.5")
        #expect(OrganisationRating.points(7500) == "750.0")
    }

    struct SheetRow: Sendable, CustomTestStringConvertible {
        let input: RatingSheet.Input
        let field: String?
        var testDescription: String { field.map { "bad \($0)" } ?? "valid" }
    }

    @Test(arguments: [
        SheetRow(input: .init(basic: 60, governance: 340, performance: 420, social: 180), field: nil),
        SheetRow(input: .init(basic: 0, governance: 0, performance: 0, social: 0), field: nil),
        SheetRow(input: .init(basic: 61, governance: 340, performance: 420, social: 180), field: "basic"),
        SheetRow(input: .init(basic: 60, governance: 341, performance: 420, social: 180), field: "governance"),
        SheetRow(input: .init(basic: 60, governance: 340, performance: 421, social: 180), field: "performance"),
        SheetRow(input: .init(basic: 60, governance: 340, performance: 420, social: 181), field: "social"),
        SheetRow(input: .init(basic: -1, governance: 340, performance: 420, social: 180), field: "basic"),
        SheetRow(input: .init(basic: 60, governance: 340, performance: nil, social: 180), field: "performance"),
        // The first section at fault is named, even when a later one is also wrong.
        SheetRow(input: .init(basic: 60, governance: 400, performance: 500, social: 180), field: "governance"),
    ])
    func sheetValidatedPerSection(_ row: SheetRow) {
        do {
            let sheet = try RatingSheet.validated(row.input, Self.p)
            #expect(row.field == nil)
            #expect(
                sheet.total == (row.input.basic ?? 0) + (row.input.governance ?? 0) + (row.input.performance ?? 0)
                    + (row.input.social ?? 0))
        } catch let error as FieldProblem {
            #expect(error.field == row.field, "\(error)")
        } catch {
            Issue.record(error)
        }
    }

    struct ExclusionRow: Sendable, CustomTestStringConvertible {
        let name: String
        let standing: OrganisationRating.Standing
        let exclusions: [RatingExclusion]
        var testDescription: String { name }
    }

    @Test(arguments: [
        ExclusionRow(
            name: "normal, inspected 合格",
            standing: .init(status: .normal, inspections: [2024: .qualified, 2025: .qualified]), exclusions: []),
        ExclusionRow(name: "abnormal list", standing: .init(status: .abnormal), exclusions: [.listed(.abnormal)]),
        ExclusionRow(
            name: "serious-violation list", standing: .init(status: .seriousViolation),
            exclusions: [.listed(.seriousViolation)]),
        ExclusionRow(name: "revoked", standing: .init(status: .revoked), exclusions: [.notRegistered(.revoked)]),
        ExclusionRow(
            name: "penalised a day inside 2 years",
            standing: .init(status: .normal, penalisedOn: [CivilDate("2024-03-11")!]),
            exclusions: [.penalised(on: CivilDate("2024-03-11")!)]),
        ExclusionRow(
            name: "penalised exactly 2 years ago",
            standing: .init(status: .normal, penalisedOn: [CivilDate("2024-03-10")!]), exclusions: []),
        ExclusionRow(
            name: "基本合格 last year", standing: .init(status: .normal, inspections: [2025: .basicallyQualified]),
            exclusions: [.inspection(year: 2025, outcome: .basicallyQualified)]),
        ExclusionRow(
            name: "不合格 two years ago", standing: .init(status: .normal, inspections: [2024: .unqualified]),
            exclusions: [.inspection(year: 2024, outcome: .unqualified)]),
        ExclusionRow(
            name: "不合格 three years ago", standing: .init(status: .normal, inspections: [2023: .unqualified]),
            exclusions: []),
    ])
    func exclusions(_ row: ExclusionRow) {
        let found = OrganisationRating.exclusions(row.standing, on: Self.day, Self.p)
        #expect(found == row.exclusions)
        let refusal = OrganisationRating.refusal(found)
        #expect((refusal == nil) == row.exclusions.isEmpty)
        if let refusal, let first = row.exclusions.first {
            #expect(refusal.message.contains(first.chinese), "\(refusal.message)")
            #expect(refusal.kind == .conflict)
        }
    }

    struct ConflictRow: Sendable, CustomTestStringConvertible {
        let endedOn: String?
        let conflicts: Bool
        var testDescription: String { "ended \(endedOn ?? "never") → \(conflicts)" }
    }

    @Test(arguments: [
        ConflictRow(endedOn: nil, conflicts: true), ConflictRow(endedOn: "2026-03-01", conflicts: true),
        ConflictRow(endedOn: "2023-03-11", conflicts: true), ConflictRow(endedOn: "2023-03-10", conflicts: false),
        ConflictRow(endedOn: "2020-01-01", conflicts: false),
    ])
    func conflictWindowIsThreeYears(_ row: ConflictRow) {
        #expect(
            OrganisationRating.conflicts(endedOn: row.endedOn.flatMap(CivilDate.init), on: Self.day, Self.p)
                == row.conflicts)
    }

    @Test func expiryIsFiveYearsAndPublicitySevenDays() {
        let expires = OrganisationRating.expiry(decidedOn: Self.day, Self.p)
        #expect(expires == CivilDate("2031-03-10")!)
        #expect(OrganisationRating.isCurrent(expiresOn: expires, on: CivilDate("2031-03-09")!))
        #expect(!OrganisationRating.isCurrent(expiresOn: expires, on: expires))
        #expect(OrganisationRating.publicityEnds(startedOn: Self.day, Self.p) == CivilDate("2026-03-17")!)
    }
}
