import Foundation
@testable import MinzhengCore
@testable import MinzhengDemo
import Testing

@Suite("AssessmentRequest.jsonData")
struct AssessmentRequestEncodingTests {
    @Test("synthetic requests read back equal", arguments: [1, 2, 3] as [UInt64])
    func roundTrip(seed: UInt64) throws {
        for request in PolicyBenchmark.syntheticRequests(count: 300, seed: seed) {
            #expect(try AssessmentRequest(jsonData: request.jsonData()) == request)
        }
    }

    @Test("defaults are left out")
    func compact() throws {
        let request = AssessmentRequest(
            region: "320402", month: YearMonth("2021-06")!,
            members: [.init(birthDate: CivilDate("1950-03-07")!, sex: .male)])
        let text = String(decoding: request.jsonData(), as: UTF8.self)
        #expect(text == #"{"members":[{"birthDate":"1950-03-07","sex":"male"}],"month":"2021-06","region":"320402"}"#)
    }
}
