import Testing
import MinzhengCore
@testable import MinzhengDemo

private let today = CivilDate(year: 2021, month: 6, day: 1)!
private let june = YearMonth(year: 2021, month: 6)!
private let households = Array(SyntheticHouseholds(seed: 2021, today: today).prefix(5_000))

/// Share of `count` in the sample, per mille.
private func perMille(_ count: Int) -> Int { count * 1000 / households.count }

@Suite("SyntheticMeans")
struct SyntheticMeansTests {
    @Test("the same seed gives the same means, in any order; another seed others")
    func determinism() {
        let sample = Array(households.prefix(500))
        let forward = sample.map { SyntheticMeans(seed: 9).request(for: $0, month: june) }
        let backward = sample.reversed().map { SyntheticMeans(seed: 9).request(for: $0, month: june) }
        let other = sample.map { SyntheticMeans(seed: 10).request(for: $0, month: june) }
        #expect(forward == Array(backward.reversed()))
        #expect(zip(forward, other).count { $0 == $1 } < 50)
    }

    @Test("the month sets ages only: the same ages give the same means")
    func sameMeansForTheSameAges() {
        let means = SyntheticMeans(seed: 3)
        let (before, after) = (YearMonth(year: 2022, month: 6)!, YearMonth(year: 2022, month: 7)!)
        var sameAges = 0
        for household in households.prefix(1_000) {
            let ages = { (month: YearMonth) in household.members.map { $0.birthDate.age(on: month.firstDay) } }
            guard ages(before) == ages(after) else { continue }
            sameAges += 1
            var june = means.request(for: household, month: before)
            june.month = after
            #expect(june == means.request(for: household, month: after))
        }
        #expect(sameAges > 700)
    }

    @Test("requests are valid, in the household's community, and mirror its members")
    func validRequests() throws {
        let means = SyntheticMeans(seed: 1)
        for household in households.prefix(2_000) {
            let request = means.request(for: household, month: june)
            try request.validate()
            #expect(request.region == household.community.value)
            #expect(request.members.count == household.members.count)
            for (member, person) in zip(request.members, household.members) {
                #expect(member.birthDate == person.birthDate)
                #expect(member.sex == person.sex)
                #expect(member.hukou == person.hukou)
                #expect(member.disabilityGrade == person.disabilityGrade)
                #expect(member.laborCapacity == person.laborCapacity)
                // Children have no income of their own.
                if person.birthDate.age(on: june.firstDay) < 16 { #expect(member.incomes.isEmpty) }
            }
        }
    }

    @Test("members born after the month are left out")
    func unbornMembersAreLeftOut() throws {
        let later = Array(SyntheticHouseholds(seed: 5, today: CivilDate(year: 2024, month: 6, day: 1)!).prefix(2_000))
        let means = SyntheticMeans(seed: 5)
        var leftOut = 0
        for household in later {
            let request = means.request(for: household, month: june)
            try request.validate()
            leftOut += household.members.count - request.members.count
            #expect(request.members.allSatisfy { $0.birthDate <= june.lastDay })
        }
        #expect(leftOut > 0)
    }

    /// The 2021-06 Changzhou defaults over 5 000 households: enough poverty for the
    /// what-if analysis to move something, not so much that it looks like a famine.
    @Test("dibao, low-income edge and tekun shares under the 2021 defaults")
    func programShares() throws {
        let history = try PolicyDefaults.load().history
        let means = SyntheticMeans(seed: 2021)
        var counts: [PolicyProgram: Int] = [:]
        for household in households {
            let request = means.request(for: household, month: june)
            let assessment = PolicyEngine.assess(
                request, parameters: try history.parameters(for: request.region, month: june))
            for program in Set(assessment.programs.map(\.program)) { counts[program, default: 0] += 1 }
        }
        let dibao = perMille(counts[.dibao, default: 0])
        let edge = perMille(counts[.lowIncomeEdge, default: 0])
        let tekun = perMille(counts[.tekun, default: 0])
        #expect((10...100).contains(dibao), "dibao \(dibao)‰")
        #expect((5...60).contains(edge), "low-income edge \(edge)‰")
        #expect(counts[.tekun, default: 0] > 0)
        #expect(tekun <= 15, "tekun \(tekun)‰")
    }
}
