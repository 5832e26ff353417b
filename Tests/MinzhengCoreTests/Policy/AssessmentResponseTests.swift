import Foundation
import Testing
import MinzhengCore
@testable import MinzhengDemo

@Suite("The JSON answer")
struct AssessmentResponseTests {
    static func json(_ a: Assessment) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: AssessmentResponse(a).jsonData()) as? [String: Any])
    }

    static func exampleFour() throws -> Assessment {
        try PolicyFixtures.assess([
            PolicyFixtures.member(age: 50) {
                $0.hukou = .rural
                $0.incomes = [PolicyFixtures.income(.wage, 250_000)]
            },
            PolicyFixtures.member(age: 20) {
                $0.hukou = .rural
                $0.disabilityGrade = 1
                $0.disabilityKind = .physical
            },
        ])
    }

    @Test func keysAndExplicitNullMember() throws {
        let object = try Self.json(try Self.exampleFour())
        #expect(
            Set(object.keys) == [
                "region", "month", "standardFen", "householdSize", "countedIncomeFen",
                "perCapitaIncomeFen", "assetTest", "programs",
            ])
        #expect(object["region"] as? String == "320402")
        #expect(object["month"] as? String == "2021-06")
        let assetTest = try #require(object["assetTest"] as? [String: Any])
        #expect(Set(assetTest.keys) == ["passed", "reasons"])
        #expect((assetTest["reasons"] as? [Any])?.isEmpty == true)
        let programs = try #require(object["programs"] as? [[String: Any]])
        #expect(
            programs.map { $0["program"] as? String } == [
                "individualDibao", "lowIncomeEdge", "nursingSubsidy", "livingSubsidy",
            ])
        for entry in programs {
            #expect(Set(entry.keys) == ["program", "member", "eligible", "monthlyFen", "trace"])
            #expect(entry["eligible"] as? Bool == true)
            #expect((entry["trace"] as? [String])?.isEmpty == false)
        }
        #expect(programs[1]["member"] is NSNull, "household programs carry an explicit null member")
        #expect(programs[0]["member"] as? Int == 1)
    }

    @Test func encodingIsDeterministicAndReadable() throws {
        let response = AssessmentResponse(try Self.exampleFour())
        let data = try response.jsonData()
        #expect(try response.jsonData() == data)
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.contains("单人保"), "Chinese is written as UTF-8, not escaped")
        #expect(try JSONDecoder().decode(AssessmentResponse.self, from: data) == response)
        #expect(
            try JSONDecoder().decode(AssessmentResponse.self, from: response.jsonData(prettyPrinted: false)) == response
        )
    }

    @Test func everyTraceStepOfManyHouseholdsRenders() throws {
        let history = try PolicyFixtures.defaults.get().history
        var seen = Set<PolicyProgram>()
        for request in PolicyBenchmark.syntheticRequests(count: 3000, seed: 42) {
            try request.validate()
            let a = PolicyEngine.assess(
                request, parameters: try history.parameters(for: request.region, month: request.month))
            for decision in a.programs {
                seen.insert(decision.program)
                #expect(!decision.renderedTrace.contains { $0.isEmpty })
            }
            _ = try AssessmentResponse(a).jsonData()
        }
        #expect(seen == Set(PolicyProgram.allCases), "the synthetic households reach every program")
    }

    @Test func programsAreInRuleOrderThenMemberOrder() throws {
        let elder = TekunRuleTests.candidate(age: 92)
        let members = [
            PolicyFixtures.member(age: 81), elder,
            PolicyFixtures.member(age: 8) { $0.orphan = true },
            PolicyFixtures.member(age: 30) {
                $0.disabilityGrade = 2
                $0.disabilityKind = .visual
            },
        ]
        let a = try PolicyFixtures.assess(members)
        #expect(
            a.entries.map(\.program) == [
                .tekun, .dibao, .orphan, .nursingSubsidy, .livingSubsidy,
                .seniorAllowance, .seniorAllowance,
            ])
        #expect(a.entries(.seniorAllowance).map(\.member) == [0, 1])
    }
}
