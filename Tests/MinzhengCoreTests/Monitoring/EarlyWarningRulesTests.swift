import Testing
import MinzhengCore

private typealias F = MonitoringFixtures

/// One row against one snapshot, and the rule expected to fire (nil: silent).
struct EarlyWarningRuleCase: Sendable, CustomTestStringConvertible {
    let name: String
    let payload: FeedPayload
    let context: EarlyWarningContext
    let fires: EarlyWarningRule?

    init(_ name: String, _ payload: FeedPayload, _ context: EarlyWarningContext, _ fires: EarlyWarningRule?) {
        self.name = name
        self.payload = payload
        self.context = context
        self.fires = fires
    }

    var testDescription: String { name }
}

private let d = F.date
private let death = FeedPayload.death(DeathNotice(deathDate: d("2024-06-10")))
private let car = FeedPayload.vehicle(VehicleRegistration(registeredDate: d("2024-04-18"), valueFen: 8_900_000))
private func flats(_ n: Int) -> FeedPayload {
    .realEstate(RealEstateHolding(properties: n, areaM2: SquareMetres(hundredths: 8550)))
}
private func firm(_ s: BusinessStatus) -> FeedPayload {
    .business(BusinessRegistration(registeredDate: d("2024-03-02"), capitalFen: 10_000_000, status: s))
}
private let pension = FeedPayload.pension(PensionAward(monthlyFen: 185_000, fromMonth: YearMonth("2024-07")!))
private func jobless(_ s: UnemploymentStatus) -> FeedPayload {
    .unemployment(UnemploymentRegistration(registeredDate: d("2024-06-01"), status: s))
}
private func certificate(_ grade: Int) -> FeedPayload {
    .disability(DisabilityCertificate(grade: DisabilityGrade(grade)!, kind: .physical, certifiedDate: d("2024-06-03")))
}
private func custody(end: String?) -> FeedPayload {
    .custody(CustodyPeriod(startDate: d("2024-05-05"), endDate: end.map(d)))
}
private let dibao = F.dibao
private let edge = F.edge
private let seniorAllowance = F.enrollment("seniorAllowance", .person(id: "P1"))
private let otherMembersTekun = F.enrollment("tekun", .person(id: "P2"))
private let otherMembersAllowance = F.enrollment("seniorAllowance", .person(id: "P2"))
private let endedDibao = F.enrollment("dibao", .household, .ended)

@Suite("Early-warning rules: each fires on its case and stays silent just below")
struct EarlyWarningRulesTests {
    static let cases: [EarlyWarningRuleCase] = [
        // Death: an enrolled person dies → red.
        EarlyWarningRuleCase("death of a dibao member", death, F.context(enrollments: [dibao]), .death),
        EarlyWarningRuleCase(
            "death of a senior-allowance holder", death, F.context(enrollments: [seniorAllowance]), .death),
        EarlyWarningRuleCase(
            "death while dibao is suspended", death,
            F.context(enrollments: [F.enrollment("dibao", .household, .suspended)]), .death),
        EarlyWarningRuleCase("death of a person enrolled in nothing", death, F.context(), nil),
        EarlyWarningRuleCase("death after the dibao ended", death, F.context(enrollments: [endedDibao]), nil),
        EarlyWarningRuleCase(
            "death when only another member has a benefit", death, F.context(enrollments: [otherMembersAllowance]), nil),

        // Vehicle, real estate, business: a member of an enrolled household fails the asset test → orange.
        EarlyWarningRuleCase("car in a dibao household", car, F.context(enrollments: [dibao]), .vehicle),
        EarlyWarningRuleCase(
            "car in a household with a tekun member", car, F.context(enrollments: [otherMembersTekun]), .vehicle),
        EarlyWarningRuleCase("car in a non-enrolled household", car, F.context(), nil),
        EarlyWarningRuleCase(
            "car in a household with only a senior allowance", car, F.context(enrollments: [seniorAllowance]), nil),
        EarlyWarningRuleCase("car after the dibao ended", car, F.context(enrollments: [endedDibao]), nil),
        EarlyWarningRuleCase(
            "2 flats in a dibao household (limit 1)", flats(2), F.context(enrollments: [dibao]), .realEstate),
        EarlyWarningRuleCase("1 flat in a dibao household", flats(1), F.context(enrollments: [dibao]), nil),
        EarlyWarningRuleCase(
            "1 flat, another member has 1", flats(1), F.context(enrollments: [dibao], otherProperties: 1), .realEstate),
        EarlyWarningRuleCase("3 flats in a non-enrolled household", flats(3), F.context(), nil),
        EarlyWarningRuleCase(
            "active business in an edge household", firm(.active), F.context(enrollments: [edge]), .business),
        EarlyWarningRuleCase(
            "revoked business in an edge household", firm(.revoked), F.context(enrollments: [edge]), nil),
        EarlyWarningRuleCase(
            "deregistered business in a dibao household", firm(.deregistered), F.context(enrollments: [dibao]), nil),
        EarlyWarningRuleCase("active business in a non-enrolled household", firm(.active), F.context(), nil),

        // Income rise: per-capita reaches S (100 000 fen) in a dibao household → yellow.
        EarlyWarningRuleCase(
            "pension lifts per-capita to S", pension, F.context(enrollments: [dibao], perCapita: 100_000), .incomeRise),
        EarlyWarningRuleCase(
            "pension lifts per-capita above S", pension, F.context(enrollments: [dibao], perCapita: 130_000),
            .incomeRise),
        EarlyWarningRuleCase(
            "per-capita 1 fen below S", pension, F.context(enrollments: [dibao], perCapita: 99_999), nil),
        EarlyWarningRuleCase("per-capita ≥ S in a non-enrolled household", pension, F.context(perCapita: 130_000), nil),
        EarlyWarningRuleCase(
            "per-capita ≥ S in an edge household", pension, F.context(enrollments: [edge], perCapita: 130_000), nil),

        // Medical burden: ≥ 10 000 yuan one stay or ≥ 20 000 in 12 months, person not enrolled → orange.
        EarlyWarningRuleCase(
            "10 000 yuan in one stay", F.stay(oneStay: 1_000_000), F.context(outOfPocket12: 1_000_000), .medicalBurden),
        EarlyWarningRuleCase(
            "9 999.99 yuan in one stay", F.stay(oneStay: 999_999), F.context(outOfPocket12: 999_999), nil),
        EarlyWarningRuleCase(
            "20 000 yuan in 12 months", F.stay(oneStay: 300_000), F.context(outOfPocket12: 2_000_000), .medicalBurden),
        EarlyWarningRuleCase(
            "19 999.99 yuan in 12 months", F.stay(oneStay: 999_999), F.context(outOfPocket12: 1_999_999), nil),
        EarlyWarningRuleCase(
            "10 000 yuan in one stay, person on dibao", F.stay(oneStay: 1_000_000),
            F.context(enrollments: [dibao], outOfPocket12: 1_000_000), nil),
        EarlyWarningRuleCase(
            "20 000 yuan in 12 months, person tekun", F.stay(oneStay: 300_000),
            F.context(enrollments: [F.enrollment("tekun", .person(id: "P1"))], outOfPocket12: 2_000_000), nil),
        EarlyWarningRuleCase(
            "10 000 yuan in one stay, only a senior allowance", F.stay(oneStay: 1_000_000),
            F.context(enrollments: [seniorAllowance], outOfPocket12: 1_000_000), .medicalBurden),
        EarlyWarningRuleCase(
            "10 000 yuan in one stay, another member tekun", F.stay(oneStay: 1_000_000),
            F.context(enrollments: [otherMembersTekun], outOfPocket12: 1_000_000), .medicalBurden),

        // Job loss: the only earner of an edge household registers unemployed → yellow.
        EarlyWarningRuleCase(
            "only earner of an edge household registers", jobless(.registered),
            F.context(enrollments: [edge], onlyEarner: true), .jobLoss),
        EarlyWarningRuleCase(
            "only earner of an edge household reemployed", jobless(.reemployed),
            F.context(enrollments: [edge], onlyEarner: true), nil),
        EarlyWarningRuleCase(
            "one of two earners of an edge household", jobless(.registered),
            F.context(enrollments: [edge], onlyEarner: false), nil),
        EarlyWarningRuleCase(
            "only earner of a dibao household", jobless(.registered), F.context(enrollments: [dibao], onlyEarner: true),
            nil),
        EarlyWarningRuleCase(
            "only earner of a non-enrolled household", jobless(.registered), F.context(onlyEarner: true), nil),

        // New severe disability: grade 1–2 certified → yellow.
        EarlyWarningRuleCase("grade 1 certified", certificate(1), F.context(), .severeDisability),
        EarlyWarningRuleCase("grade 2 certified", certificate(2), F.context(enrollments: [dibao]), .severeDisability),
        EarlyWarningRuleCase("grade 3 certified", certificate(3), F.context(), nil),
        EarlyWarningRuleCase("grade 4 certified", certificate(4), F.context(enrollments: [dibao]), nil),

        // Custody: a member of an enrolled household is taken into custody → yellow.
        EarlyWarningRuleCase(
            "custody running, no end date", custody(end: nil), F.context(enrollments: [dibao]), .custody),
        EarlyWarningRuleCase(
            "custody ending next year", custody(end: "2025-05-04"), F.context(enrollments: [dibao]), .custody),
        EarlyWarningRuleCase(
            "custody ending today", custody(end: "2024-06-15"), F.context(enrollments: [dibao]), .custody),
        EarlyWarningRuleCase("custody already over", custody(end: "2024-06-14"), F.context(enrollments: [dibao]), nil),
        EarlyWarningRuleCase("custody in a non-enrolled household", custody(end: nil), F.context(), nil),

        // Feeds no rule listens to; rows about someone already recorded dead.
        EarlyWarningRuleCase("school row", F.parsed(.school).payload, F.context(enrollments: [dibao]), nil),
        EarlyWarningRuleCase("hukou move row", F.parsed(.hukouMove).payload, F.context(enrollments: [dibao]), nil),
        EarlyWarningRuleCase(
            "car of a person recorded deceased", car, F.context(enrollments: [dibao], deceased: true), nil),
        EarlyWarningRuleCase(
            "death row for a person recorded deceased, benefits still in force", death,
            F.context(enrollments: [dibao], deceased: true), .death),
    ]

    @Test(arguments: cases)
    func rule(_ c: EarlyWarningRuleCase) {
        let record = F.record(c.payload)
        let alerts = EarlyWarningRules.evaluate(record: record, context: c.context)
        #expect(alerts.map(\.rule) == (c.fires.map { [$0] } ?? []))
        for alert in alerts {
            #expect(alert.personId == "P1")
            #expect(alert.householdId == "H1")
            #expect(alert.raisedOn == F.today)
            #expect(alert.feedRecordKey == record.dedupeKey)
            #expect(alert.level == alert.rule.level)
            #expect(!alert.evidence.isEmpty)
        }
    }

    @Test("levels follow CATALOG.md: death red; assets and medical orange; the rest yellow")
    func levels() {
        #expect(EarlyWarningRule.death.level == .red)
        #expect([EarlyWarningRule.vehicle, .realEstate, .business, .medicalBurden].allSatisfy { $0.level == .orange })
        #expect(
            [EarlyWarningRule.incomeRise, .jobLoss, .severeDisability, .aloneUnvisited, .custody].allSatisfy {
                $0.level == .yellow
            })
    }

    @Test("a death alert names the benefits and the month they stop from")
    func deathEvidence() throws {
        let alerts = EarlyWarningRules.evaluate(
            record: F.record(death), context: F.context(enrollments: [dibao, seniorAllowance]))
        let alert = try #require(alerts.first)
        #expect(
            alert.facts
                == .death(
                    deathDate: d("2024-06-10"), stopsFrom: YearMonth("2024-07")!,
                    benefits: ["dibao", "seniorAllowance"]))
        #expect(alert.evidence == "2024-06-10 死亡；本人待遇（最低生活保障、尊老金）自2024-07起停发，家庭需重新核定。")
        #expect(alert.level.chinese == "红色预警")
    }

    @Test("evidence sentences carry the numbers")
    func evidenceNumbers() throws {
        let medical = try #require(
            EarlyWarningRules.evaluate(
                record: F.record(F.stay(oneStay: 1_000_000)),
                context: F.context(outOfPocket12: 1_250_000)
            ).first)
        #expect(
            medical.evidence
                == "2024-05-01 至 2024-05-20 住院个人自付 10000.00 元（单次标准 10000.00 元），近12个月个人自付合计 12500.00 元（标准 20000.00 元）。")
        let income = try #require(
            EarlyWarningRules.evaluate(
                record: F.record(pension),
                context: F.context(enrollments: [dibao], perCapita: 100_500)
            ).first)
        #expect(income.evidence == "新增养老金每月 1850.00 元，家庭月人均收入 1005.00 元，已达到 1000.00 元。")
        let property = try #require(
            EarlyWarningRules.evaluate(
                record: F.record(flats(1)),
                context: F.context(enrollments: [dibao], otherProperties: 1)
            ).first)
        #expect(property.evidence == "家庭成员名下住房 1 套（面积 85.50 平方米），全家共 2 套，超过上限 1 套。")
        let disability = try #require(
            EarlyWarningRules.evaluate(record: F.record(certificate(1)), context: F.context()).first)
        #expect(disability.evidence == "2024-06-03 认定为肢体一级残疾（重度）。")
    }

    @Test("the 12-month total never reads below the stay itself")
    func laggingTotal() {
        let alerts = EarlyWarningRules.evaluate(
            record: F.record(F.stay(oneStay: 1_000_000)), context: F.context(outOfPocket12: 0))
        #expect(alerts.map(\.rule) == [.medicalBurden])
    }

    @Test("thresholds come from the context, not from literals in the rules")
    func customThresholds() {
        var t = EarlyWarningThresholds.defaults
        t.medicalOneStayOutOfPocket = Fen(yuan: 5_000)
        t.severeDisabilityGrade = DisabilityGrade(3)!
        t.incomeRiseShareOfStandard = Rate(decimal: "0.9")!
        #expect(
            EarlyWarningRules.evaluate(record: F.record(F.stay(oneStay: 500_000)), context: F.context(thresholds: t))
                .count == 1)
        #expect(
            EarlyWarningRules.evaluate(record: F.record(F.stay(oneStay: 499_999)), context: F.context(thresholds: t))
                .isEmpty)
        #expect(
            EarlyWarningRules.evaluate(record: F.record(certificate(3)), context: F.context(thresholds: t)).count == 1)
        #expect(
            EarlyWarningRules.evaluate(
                record: F.record(pension),
                context: F.context(enrollments: [dibao], perCapita: 90_000, thresholds: t)
            ).count == 1)
        #expect(
            EarlyWarningRules.evaluate(
                record: F.record(pension),
                context: F.context(enrollments: [dibao], perCapita: 89_999, thresholds: t)
            ).isEmpty)
    }

    @Test("the asset limit comes from the context")
    func assetLimit() {
        var c = F.context(enrollments: [dibao])
        c.assetLimits = AssetTestLimits(maxResidentialProperties: 2)
        #expect(EarlyWarningRules.evaluate(record: F.record(flats(2)), context: c).isEmpty)
        #expect(EarlyWarningRules.evaluate(record: F.record(flats(3)), context: c).map(\.rule) == [.realEstate])
    }
}
