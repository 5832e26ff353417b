import MinzhengCore
import Testing

@Suite("尊老金: who is enrolled, from when, at what amount")
struct SeniorAllowanceEnrollmentRuleTests {
    static func d(_ text: String) -> CivilDate { CivilDate(text)! }
    static func m(_ text: String) -> YearMonth { YearMonth(text)! }

    /// The tiers of the Changzhou defaults of 2026.
    static func tiers(_ month: String = "2026-05") throws -> SeniorAllowanceTiers {
        SeniorAllowanceTiers(try PolicyFixtures.parameters(month, region: "320402"))
    }

    struct AmountCase: Sendable, CustomTestStringConvertible {
        let born: String
        let month: String
        let amount: Int64?
        var testDescription: String { "\(born) in \(month) → \(amount.map(String.init) ?? "none")" }
    }

    static let amounts: [AmountCase] = [
        // The cases: born 15 March is paid from April after turning 80, born 1 March from March.
        AmountCase(born: "1946-03-15", month: "2026-03", amount: nil),
        AmountCase(born: "1946-03-15", month: "2026-04", amount: 5000),
        AmountCase(born: "1946-03-01", month: "2026-02", amount: nil),
        AmountCase(born: "1946-03-01", month: "2026-03", amount: 5000),
        AmountCase(born: "1946-03-02", month: "2026-03", amount: nil),
        AmountCase(born: "1946-02-28", month: "2026-03", amount: 5000),
        // Born on 29 February: 80 on 1 March of the leap year 2024 and of a common year alike.
        AmountCase(born: "1944-02-29", month: "2024-02", amount: nil),
        AmountCase(born: "1944-02-29", month: "2024-03", amount: 5000),
        AmountCase(born: "1948-02-29", month: "2028-02", amount: nil),
        AmountCase(born: "1948-02-29", month: "2028-03", amount: 5000),
        AmountCase(born: "1936-02-29", month: "2026-02", amount: 5000),
        AmountCase(born: "1936-02-29", month: "2026-03", amount: 10000),
        // The tiers at 90 and 100.
        AmountCase(born: "1936-06-01", month: "2026-05", amount: 5000),
        AmountCase(born: "1936-06-01", month: "2026-06", amount: 10000),
        AmountCase(born: "1936-06-02", month: "2026-06", amount: 5000),
        AmountCase(born: "1926-06-01", month: "2026-06", amount: 50000),
        AmountCase(born: "1926-06-02", month: "2026-06", amount: 10000),
        AmountCase(born: "1910-01-01", month: "2026-06", amount: 50000),
        AmountCase(born: "1960-01-01", month: "2026-06", amount: nil),
        // January wraps the year: born 15 December 1945 is 80 from January 2026.
        AmountCase(born: "1945-12-15", month: "2025-12", amount: nil),
        AmountCase(born: "1945-12-15", month: "2026-01", amount: 5000),
    ]

    @Test("the amount follows the age on the 1st of the month", arguments: amounts)
    func amount(_ c: AmountCase) throws {
        let tiers = try Self.tiers(c.month)
        #expect(tiers.amount(born: Self.d(c.born), in: Self.m(c.month)) == c.amount.map { Fen($0) })
        // The birth-date bounds the SQL uses say the same.
        let bound = tiers.bornOnOrBefore(in: Self.m(c.month)).first { Self.d(c.born) <= $0.bound }
        #expect(bound?.amount == c.amount.map { Fen($0) })
    }

    @Test("the first month at 80")
    func firstMonth() throws {
        let cases = [
            ("1946-03-15", "2026-04"), ("1946-03-01", "2026-03"), ("1944-02-29", "2024-03"), ("1948-02-29", "2028-03"),
            ("1945-12-15", "2026-01"), ("1945-12-01", "2025-12"),
        ]
        let tiers = try Self.tiers()
        for (born, month) in cases {
            let first = SeniorAllowanceTiers.firstMonth(born: Self.d(born), age: 80)
            #expect(first == Self.m(month), "\(born)")
            #expect(tiers.amount(born: Self.d(born), in: first) != nil, "\(born)")
            #expect(tiers.amount(born: Self.d(born), in: first.adding(months: -1)) == nil, "\(born)")
        }
    }

    @Test("the amounts are the dated parameters of the month")
    func parameters() throws {
        let p = try PolicyFixtures.parameters(overriding: [.seniorAllowanceTier1: 6000, .seniorAllowanceTier2Age: 88])
        let tiers = SeniorAllowanceTiers(p)
        #expect(tiers.amount(born: Self.d("1938-01-01"), in: Self.m("2026-01")) == Fen(10000))
        #expect(tiers.amount(born: Self.d("1939-01-01"), in: Self.m("2026-01")) == Fen(6000))
        #expect(tiers.firstAge == 80)
    }

    typealias Rule = SeniorAllowanceEnrollmentRule

    struct DecisionCase: Sendable, CustomTestStringConvertible {
        let name: String
        let person: Rule.Person
        let enrollment: Rule.Enrollment?
        let month: String
        let decision: Rule.Decision
        var testDescription: String { name }
    }

    static let decisions: [DecisionCase] = [
        DecisionCase(
            name: "turns 80 on the 15th: not yet", person: .init(born: d("1946-03-15")), enrollment: nil,
            month: "2026-03", decision: .nothing),
        DecisionCase(
            name: "80 since the 15th of last month: enrolled", person: .init(born: d("1946-03-15")), enrollment: nil,
            month: "2026-04", decision: .enroll(amount: 5000)),
        DecisionCase(
            name: "80 on the 1st: enrolled that month", person: .init(born: d("1946-03-01")), enrollment: nil,
            month: "2026-03", decision: .enroll(amount: 5000)),
        DecisionCase(
            name: "already enrolled at the right amount", person: .init(born: d("1946-03-01")),
            enrollment: .init(amountInForce: 5000), month: "2026-07", decision: .nothing),
        DecisionCase(
            name: "turns 90: raised", person: .init(born: d("1936-06-01")),
            enrollment: .init(amountInForce: 5000), month: "2026-06", decision: .changeAmount(from: 5000, to: 10000)),
        DecisionCase(
            name: "turns 100: raised", person: .init(born: d("1926-05-20")),
            enrollment: .init(amountInForce: 10000), month: "2026-06", decision: .changeAmount(from: 10000, to: 50000)),
        DecisionCase(
            name: "an application's enrollment at an old amount follows the tier",
            person: .init(born: d("1940-01-01")), enrollment: .init(amountInForce: 4000), month: "2026-06",
            decision: .changeAmount(from: 4000, to: 5000)),
        DecisionCase(
            name: "died in May: stopped from June", person: .init(born: d("1940-01-01"), diedOn: d("2026-05-20")),
            enrollment: .init(amountInForce: 5000), month: "2026-06", decision: .stop(from: m("2026-06"))),
        DecisionCase(
            name: "died on the last day of May: stopped from June",
            person: .init(born: d("1940-01-01"), diedOn: d("2026-05-31")), enrollment: .init(amountInForce: 5000),
            month: "2026-07", decision: .stop(from: m("2026-06"))),
        DecisionCase(
            name: "moved out in April, died in May: stopped from May",
            person: .init(born: d("1940-01-01"), diedOn: d("2026-05-02"), movedOutOn: d("2026-04-30")),
            enrollment: .init(amountInForce: 5000), month: "2026-06", decision: .stop(from: m("2026-05"))),
        DecisionCase(
            name: "moved out: stopped from the month after",
            person: .init(born: d("1940-01-01"), movedOutOn: d("2026-05-01")),
            enrollment: .init(amountInForce: nil), month: "2026-06", decision: .stop(from: m("2026-06"))),
        DecisionCase(
            name: "dead: never enrolled", person: .init(born: d("1940-01-01"), diedOn: d("2026-06-20")),
            enrollment: nil,
            month: "2026-06", decision: .nothing),
        DecisionCase(
            name: "moved out: never enrolled", person: .init(born: d("1940-01-01"), movedOutOn: d("2025-01-20")),
            enrollment: nil, month: "2026-06", decision: .nothing),
        DecisionCase(
            name: "79: nothing", person: .init(born: d("1946-07-02")), enrollment: nil, month: "2026-07",
            decision: .nothing),
        DecisionCase(
            name: "a later amount on record: a past month changes nothing", person: .init(born: d("1936-06-01")),
            enrollment: .init(amountInForce: nil), month: "2026-06", decision: .nothing),
        DecisionCase(
            name: "born on 29 February 1944: enrolled in March 2024", person: .init(born: d("1944-02-29")),
            enrollment: nil, month: "2024-03", decision: .enroll(amount: 5000)),
        DecisionCase(
            name: "born on 29 February 1936: raised in March 2026", person: .init(born: d("1936-02-29")),
            enrollment: .init(amountInForce: 5000), month: "2026-03", decision: .changeAmount(from: 5000, to: 10000)),
    ]

    @Test("the run's decision for one person", arguments: decisions)
    func decision(_ c: DecisionCase) throws {
        let month = Self.m(c.month)
        #expect(
            Rule.decide(c.person, enrollment: c.enrollment, month: month, tiers: try Self.tiers(c.month)) == c.decision)
    }

    @Test("a month is payable up to the month of the death or of the move")
    func payable() {
        let died = Rule.Person(born: Self.d("1940-01-01"), diedOn: Self.d("2026-05-20"))
        #expect(Rule.payable(died, in: Self.m("2026-05")))
        #expect(!Rule.payable(died, in: Self.m("2026-06")))
        let moved = Rule.Person(born: Self.d("1940-01-01"), movedOutOn: Self.d("2026-03-01"))
        #expect(Rule.payable(moved, in: Self.m("2026-03")))
        #expect(!Rule.payable(moved, in: Self.m("2026-04")))
        #expect(Rule.payable(Rule.Person(born: Self.d("1940-01-01")), in: Self.m("2030-01")))
    }
}
