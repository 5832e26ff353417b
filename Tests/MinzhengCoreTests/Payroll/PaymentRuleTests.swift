import MinzhengCore
import Testing

/// Who a month's roll pays: the rule `PayrollStore.generate` applies in SQL.
@Suite("Who is paid in a month")
struct PaymentRuleTests {
    static let december = YearMonth("2026-12")!

    @Test(
        "start and end months, stopping statuses from their month, the payee's death",
        arguments: [
            // start, end, status, status from, payee died on, paid in 2026-12
            ("2026-12", nil, EnrollmentStatus.active, nil, nil, true),
            ("2027-01", nil, .active, nil, nil, false),
            ("2026-01", "2026-11", .active, nil, nil, false),
            ("2026-01", "2026-12", .gradualExit, "2026-10", nil, true),
            ("2026-01", nil, .suspended, "2027-01", nil, true),
            ("2026-01", nil, .suspended, "2026-12", nil, false),
            ("2026-01", nil, .suspended, nil, nil, false),
            ("2026-01", "2026-11", .ended, "2026-12", nil, false),
            ("2026-01", nil, .active, nil, "2026-12-31", true),
            ("2026-01", nil, .active, nil, "2026-12-01", true),
            ("2026-01", nil, .active, nil, "2026-11-30", false),
        ] as [(String, String?, EnrollmentStatus, String?, String?, Bool)])
    func pays(start: String, end: String?, status: EnrollmentStatus, statusFrom: String?, died: String?, paid: Bool) {
        #expect(
            PaymentRule.pays(
                in: Self.december, start: YearMonth(start)!, end: end.flatMap(YearMonth.init), status: status,
                statusFrom: statusFrom.flatMap(YearMonth.init), payeeDiedOn: died.flatMap(CivilDate.init)) == paid)
    }

    @Test("only a failed payment of an earlier roll is carried")
    func carries() {
        let november = YearMonth("2026-11")!
        #expect(PaymentRule.carries(.failed, of: november, into: Self.december))
        #expect(!PaymentRule.carries(.failed, of: Self.december, into: Self.december))
        for status in [PayrollLineStatus.pending, .paid, .carried] {
            #expect(!PaymentRule.carries(status, of: november, into: Self.december))
        }
    }
}
