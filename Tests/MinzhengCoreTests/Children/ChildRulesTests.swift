import MinzhengCore
import Testing

/// CHILDREN.md's rules, case by case: the age a category ends at, the last month a child
/// benefit pays, the visit due in a month by category, and who is turning adult soon.
@Suite("Children known by category: ageing out, visits, the turning-18 list")
struct ChildRulesTests {
    static let p = ChildParameters.defaults

    @Test(
        "a child benefit pays through the month of the 18th birthday and stops from the next",
        arguments: [
            ("2009-01-15", "2026-12", true), ("2009-01-15", "2027-01", true), ("2009-01-15", "2027-02", false),
            ("2009-01-01", "2027-01", true), ("2009-01-31", "2027-02", false), ("2008-02-29", "2026-02", true),
            ("2008-02-29", "2026-03", false), ("2012-05-01", "2027-01", true),
        ])
    func agesOut(_ birth: String, _ month: String, _ pays: Bool) {
        let b = CivilDate(birth)!
        #expect(ChildRules.paysByAge(in: YearMonth(month)!, birth: b, adultAge: 18) == pays)
    }

    @Test(
        "a category ends by itself at 18, a left-behind child's at 16",
        arguments: [
            (ChildCategory.institutionOrphan, "2009-01-15", "2027-01-15"),
            (.scatteredOrphan, "2009-01-15", "2027-01-15"), (.unsupported, "2010-07-01", "2028-07-01"),
            (.inDistress, "2008-02-29", "2026-02-28"), (.leftBehind, "2010-07-01", "2026-07-01"),
        ])
    func categoryEnds(_ category: ChildCategory, _ birth: String, _ end: String) {
        let limit = ChildRules.ageLimit(category, adultAge: 18, Self.p)
        #expect(ChildRules.birthday(CivilDate(birth)!, age: limit) == CivilDate(end)!)
    }

    @Test(
        "visits: monthly for unsupported, scattered orphans and children in distress; quarterly for left-behind; none in an institution",
        arguments: [
            (ChildCategory.unsupported, "2026-12", "2026-12-01", "2026-12-31"),
            (.scatteredOrphan, "2027-02", "2027-02-01", "2027-02-28"),
            (.inDistress, "2028-02", "2028-02-01", "2028-02-29"),
            (.leftBehind, "2026-11", "2026-10-01", "2026-12-31"),
            (.leftBehind, "2027-01", "2027-01-01", "2027-03-31"),
            (.leftBehind, "2027-06", "2027-04-01", "2027-06-30"),
        ])
    func visitSchedule(_ category: ChildCategory, _ month: String, _ from: String, _ due: String) throws {
        let period = try #require(ChildRules.visitPeriod(category, month: YearMonth(month)!, Self.p))
        #expect(period.first.firstDay == CivilDate(from)!)
        #expect(period.due == CivilDate(due)!)
    }

    @Test("an orphan in an institution has no director's visit; the shortest period of several categories wins")
    func visitChoices() throws {
        #expect(ChildRules.visitPeriod(.institutionOrphan, month: YearMonth("2026-12")!, Self.p) == nil)
        let both = try #require(ChildRules.visitDue([.leftBehind, .inDistress], month: YearMonth("2026-11")!, Self.p))
        #expect(both.due == CivilDate("2026-11-30")!)
        var twoMonthly = Self.p
        twoMonthly.visitMonths[.inDistress] = 2
        #expect(
            ChildRules.visitPeriod(.inDistress, month: YearMonth("2026-12")!, twoMonthly)?.due == CivilDate(
                "2026-12-31")!)
        #expect(
            ChildRules.visitPeriod(.inDistress, month: YearMonth("2026-11")!, twoMonthly)?.first
                == YearMonth("2026-11")!)
        var fiveMonthly = Self.p
        fiveMonthly.visitMonths[.inDistress] = 5
        #expect(
            ChildRules.visitPeriod(.inDistress, month: YearMonth("2026-12")!, fiveMonthly)?.due
                == CivilDate("2026-12-31")!)
    }

    @Test(
        "turning 18 within the next 3 months",
        arguments: [
            ("2009-01-15", "2027-01-15"), ("2009-03-07", "2027-03-07"), ("2009-03-08", nil), ("2008-12-07", nil),
            ("2008-12-08", "2026-12-08"), ("2012-05-01", nil),
        ])
    func turningAdult(_ birth: String, _ expected: String?) {
        let day = ChildRules.turningAdult(
            birth: CivilDate(birth)!, today: CivilDate("2026-12-07")!, adultAge: 18, Self.p)
        #expect(day == expected.flatMap(CivilDate.init))
    }

    @Test(
        "a category record is checked: reason, age on the start day, dates, guardian",
        arguments: [
            (ChildCategory.unsupported, "父母服刑", "2012-05-01", "2026-11-01", true, nil),
            (.unsupported, "", "2012-05-01", "2026-11-01", true, "reason"),
            (.scatteredOrphan, "", "2012-05-01", "2026-11-01", true, nil),
            (.leftBehind, "父母外出务工", "2010-07-01", "2026-07-02", true, "startsOn"),
            (.leftBehind, "父母外出务工", "2010-07-01", "2026-06-30", true, nil),
            (.inDistress, "低保家庭", "2012-05-01", "2026-12-08", true, "startsOn"),
            (.inDistress, "低保家庭", "2012-05-01", "2012-04-30", true, "startsOn"),
            (.inDistress, "低保家庭", "2012-05-01", "2026-11-01", false, "guardian"),
        ])
    func check(
        _ category: ChildCategory, _ reason: String, _ birth: String, _ start: String, _ guardian: Bool,
        _ field: String?
    ) {
        let refusal = ChildRules.check(
            .init(
                category: category, reason: reason, birth: CivilDate(birth)!, startsOn: CivilDate(start)!,
                endsOn: nil, hasGuardian: guardian), today: CivilDate("2026-12-07")!, adultAge: 18, Self.p)
        #expect(refusal?.field == field)
    }
}
