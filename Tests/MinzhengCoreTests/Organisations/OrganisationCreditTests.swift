import MinzhengCore
import Testing

@Suite("Social organisations' credit: the abnormal and serious-violation lists month by month, the dormant sweep")
struct OrganisationCreditTests {
    typealias Facts = OrganisationCredit.Facts
    static let p = OrganisationParameters.defaults
    static func day(_ text: String) -> CivilDate { CivilDate(text)! }

    /// Runs the monthly evaluation on the first of each month from `from` to `to`, applying the
    /// changes; the status, and the changes, month by month.
    static func timeline(
        _ start: Facts, from: String, to: String, filing: [String: Int] = [:]
    ) -> [(month: String, status: OrganisationStatus, changes: [CreditChange])] {
        var facts = start
        var month = YearMonth(from)!
        var rows: [(String, OrganisationStatus, [CreditChange])] = []
        while month <= YearMonth(to)! {
            if let year = filing[month.description] { facts.filedYears.insert(year) }
            let changes = OrganisationCredit.evaluate(facts, on: month.firstDay, p)
            for c in changes { facts = facts.applying(c, on: month.firstDay) }
            rows.append((month.description, facts.status, changes))
            month = month.adding(months: 1)
        }
        return rows
    }

    @Test("the report on a year is due by 31 May of the next: the years due on a day")
    func dueYears() {
        let registered = Self.day("2020-03-01")
        #expect(
            OrganisationCredit.dueYears(registeredOn: registered, on: Self.day("2024-05-31"), Self.p) == [
                2020, 2021, 2022,
            ])
        #expect(
            OrganisationCredit.dueYears(registeredOn: registered, on: Self.day("2024-06-01"), Self.p) == [
                2020, 2021, 2022, 2023,
            ])
        #expect(
            OrganisationCredit.dueYears(registeredOn: Self.day("2024-02-01"), on: Self.day("2024-12-01"), Self.p)
                .isEmpty)
        var later = Self.p
        later.reportDeadlineMonth = 6
        later.reportDeadlineDay = 31  // June has 30 days: the 30th.
        #expect(later.deadline(forReportOn: 2023) == Self.day("2024-06-30"))
    }

    @Test("a missed report: abnormal list in June, revocation proposed a year on, serious-violation list after 2 years")
    func missedReportsTimeline() {
        let start = Facts(registeredOn: Self.day("2020-03-01"), filedYears: [2020, 2021, 2022])
        let rows = Self.timeline(start, from: "2024-01", to: "2026-12")
        func status(_ m: String) -> OrganisationStatus? { rows.first { $0.month == m }?.status }
        func changes(_ m: String) -> [CreditChange] { rows.first { $0.month == m }?.changes ?? [] }
        // January to May 2024: the window is open, nothing changes.
        for m in ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05"] {
            #expect(status(m) == .normal, "\(m)")
            #expect(changes(m).isEmpty, "\(m)")
        }
        // June 2024: the 2023 report was not filed by 31 May.
        #expect(changes("2024-06") == [.listAbnormal(year: 2023)])
        for m in ["2024-06", "2024-12", "2025-05", "2025-06", "2026-05"] { #expect(status(m) == .abnormal, "\(m)") }
        // June 2025: no report on 2023 nor 2024: two years in a row.
        #expect(changes("2025-06") == [.proposeRevocation(years: [2023, 2024])])
        // Every other month of 2025 to May 2026: nothing more.
        let quiet = rows.filter { $0.month > "2024-06" && $0.month < "2026-06" && $0.month != "2025-06" }
        #expect(quiet.allSatisfy { $0.changes.isEmpty })
        // June 2026: two full years on the abnormal list (since 2024-06-01).
        #expect(changes("2026-06") == [.listSerious(since: Self.day("2024-06-01"))])
        for m in ["2026-06", "2026-07", "2026-12"] { #expect(status(m) == .seriousViolation, "\(m)") }
        #expect(rows.filter { $0.month > "2026-06" }.allSatisfy { $0.changes.isEmpty })
    }

    @Test("a late report removes the organisation from the abnormal list the next month (correction)")
    func correction() {
        let start = Facts(registeredOn: Self.day("2020-03-01"), filedYears: [2020, 2021, 2022])
        let rows = Self.timeline(start, from: "2024-05", to: "2025-07", filing: ["2024-09": 2023, "2025-04": 2024])
        let byMonth = Dictionary(uniqueKeysWithValues: rows.map { ($0.month, $0) })
        #expect(byMonth["2024-06"]?.status == .abnormal)
        #expect(byMonth["2024-08"]?.status == .abnormal)
        #expect(byMonth["2024-09"]?.changes == [.removeAbnormal])
        #expect(byMonth["2024-09"]?.status == .normal)
        // 2024's report filed in the window: no listing, no revocation in 2025.
        #expect(rows.filter { $0.month > "2024-09" }.allSatisfy { $0.changes.isEmpty && $0.status == .normal })
    }

    @Test("listed for another cause (unreachable) is not removed by filing; revoked and deregistered are left alone")
    func otherCauses() {
        let unreachable = Facts(
            status: .abnormal, registeredOn: Self.day("2020-03-01"), listedOn: Self.day("2025-03-10"),
            listedForMissedReport: false, filedYears: [2020, 2021, 2022, 2023, 2024])
        #expect(OrganisationCredit.evaluate(unreachable, on: Self.day("2025-07-01"), Self.p).isEmpty)
        #expect(
            OrganisationCredit.evaluate(unreachable, on: Self.day("2027-04-01"), Self.p) == [
                .listSerious(since: Self.day("2025-03-10"))
            ])
        for status in [OrganisationStatus.revoked, .deregistered] {
            let gone = Facts(status: status, registeredOn: Self.day("2010-01-01"))
            #expect(OrganisationCredit.evaluate(gone, on: Self.day("2026-07-01"), Self.p).isEmpty)
        }
    }

    @Test(
        "reminders: from 30 days before the deadline to the deadline, only when not filed",
        arguments: [
            ("2025-04-30", nil), ("2025-05-01", 2024), ("2025-05-31", 2024), ("2025-06-01", nil),
        ] as [(String, Int?)])
    func reminders(_ day: String, _ year: Int?) {
        let facts = Facts(registeredOn: Self.day("2020-03-01"), filedYears: [2020, 2021, 2022, 2023])
        #expect(OrganisationCredit.reminderYear(facts, on: Self.day(day), Self.p) == year)
        var filed = facts
        filed.filedYears.insert(2024)
        #expect(OrganisationCredit.reminderYear(filed, on: Self.day(day), Self.p) == nil)
    }

    @Test("filing: the year must be over and the organisation registered in it")
    func filing() {
        let registered = Self.day("2022-07-01")
        #expect(
            OrganisationCredit.filingProblem(year: 2025, registeredOn: registered, on: Self.day("2026-01-01")) == nil)
        #expect(
            OrganisationCredit.filingProblem(year: 2023, registeredOn: registered, on: Self.day("2026-01-01")) == nil)
        #expect(
            OrganisationCredit.filingProblem(year: 2026, registeredOn: registered, on: Self.day("2026-03-01"))?.field
                == "year")
        #expect(
            OrganisationCredit.filingProblem(year: 2021, registeredOn: registered, on: Self.day("2026-03-01"))?.field
                == "year")
    }

    @Test("the dormant sweep: two years without report, without activity, unreachable — each with its evidence")
    func dormant() {
        let registered = Self.day("2019-05-01")
        let active = ReportActivity(activities: 4, incomeFen: 1_200_000, expenditureFen: 900_000)
        let empty = ReportActivity(activities: 0, incomeFen: 0, expenditureFen: 0)
        let on = Self.day("2026-07-01")
        func sweep(_ reports: [Int: ReportActivity], unreachable: CivilDate? = nil) -> [DormantEvidence] {
            DormantSweep.evidence(
                registeredOn: registered, reports: reports, unreachableSince: unreachable, on: on, Self.p)
        }
        #expect(sweep([2023: active, 2024: active, 2025: active]).isEmpty)
        #expect(sweep([2023: active]) == [.noReports([2024, 2025])])
        #expect(sweep([2023: active, 2024: empty, 2025: empty]) == [.noActivity([2024, 2025])])
        #expect(sweep([2024: empty]) == [.noActivity([2024, 2025])])
        #expect(sweep([2024: active]).isEmpty)
        let since = Self.day("2026-02-01")
        #expect(sweep([2024: active, 2025: active], unreachable: since) == [.unreachable(since: since)])
        #expect(sweep([:], unreachable: since) == [.noReports([2024, 2025]), .unreachable(since: since)])
        #expect(sweep([:])[0].text == "连续 2 年未报送年度工作报告（2024、2025）")
        // Registered last year: one year due only, no candidate.
        #expect(
            DormantSweep.evidence(
                registeredOn: Self.day("2025-02-01"), reports: [:], unreachableSince: nil, on: on, Self.p
            ).isEmpty)
    }
}
