import Foundation
import Testing
import MinzhengCore

/// Runs every file of `../shared/policy-examples/` (beside the repository root) through
/// request decoding, the engine and response encoding, and compares every expected field.
@Suite("Worked examples of POLICY.md section 5")
struct WorkedExamplesTests {
    static let directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent()  // …/Tests/MinzhengCoreTests/Policy
        .deletingLastPathComponent()  // …/Tests/MinzhengCoreTests
        .deletingLastPathComponent()  // …/Tests
        .deletingLastPathComponent()  // the repository root
        .deletingLastPathComponent()  // the folder holding it and `shared`
        .appendingPathComponent("shared/policy-examples")

    static var files: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { directory.appendingPathComponent($0) }
    }

    /// request → engine → response JSON, parsed back as a plain dictionary.
    static func run(
        _ file: URL
    ) throws -> (expected: [String: Any], actual: [String: Any], response: AssessmentResponse) {
        let example = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let requestData = try JSONSerialization.data(withJSONObject: try #require(example["request"]))
        let request = try AssessmentRequest(jsonData: requestData)
        let parameters = try PolicyFixtures.defaults.get().history.parameters(for: request.region, month: request.month)
        let response = AssessmentResponse(PolicyEngine.assess(request, parameters: parameters))
        let actual = try #require(try JSONSerialization.jsonObject(with: response.jsonData()) as? [String: Any])
        return (try #require(example["expected"] as? [String: Any]), actual, response)
    }

    @Test func allFiveExamplesArePresent() {
        #expect(Self.files.count >= 5, "looked in \(Self.directory.path)")
    }

    @Test(arguments: files)
    func example(file: URL) throws {
        let (expected, actual, _) = try Self.run(file)
        for key in ["standardFen", "householdSize", "countedIncomeFen", "perCapitaIncomeFen"] {
            let want = try #require(expected[key] as? Int, "\(key) in \(file.lastPathComponent)")
            #expect(actual[key] as? Int == want, "\(key) in \(file.lastPathComponent)")
        }
        let wantAssets = try #require(expected["assetTest"] as? [String: Any])
        let gotAssets = try #require(actual["assetTest"] as? [String: Any])
        #expect(gotAssets["passed"] as? Bool == wantAssets["passed"] as? Bool)

        func entries(_ programs: Any?) throws -> [String] {
            try #require(programs as? [[String: Any]]).map { entry in
                let member = entry["member"].flatMap { $0 is NSNull ? nil : $0 as? Int }.map(String.init) ?? "null"
                return
                    "\(entry["program"] as? String ?? "?") member=\(member) monthlyFen=\(entry["monthlyFen"] as? Int ?? -1)"
            }
        }
        #expect(try entries(actual["programs"]) == entries(expected["programs"]), "\(file.lastPathComponent)")
    }

    @Test func exampleOneTraceShowsPerCapitaAgainstTheStandard() throws {
        let file = try #require(Self.files.first { $0.lastPathComponent.hasPrefix("1-") })
        let trace = try #require(Self.run(file).response.programs.first).trace
        #expect(trace.contains { $0.contains("572.66") && $0.contains("940.00") })
        #expect(trace.contains("家庭月人均收入 572.66 元，低于低保标准 940.00 元"))
    }

    @Test func exampleFiveNamesTheFinancialAssets() throws {
        let file = try #require(Self.files.first { $0.lastPathComponent.hasPrefix("5-") })
        let response = try Self.run(file).response
        #expect(response.assetTest.reasons == ["家庭人均金融资产 23333.33 元，超过 24 个月低保标准 22560.00 元"])
    }
}
