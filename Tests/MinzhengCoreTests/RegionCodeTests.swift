import Foundation
import Testing
import MinzhengCore

@Suite("RegionCode")
struct RegionCodeTests {
    @Test(
        "valid lengths give the level",
        arguments: [
            ("32", RegionCode.Level.province), ("3204", .city), ("320402", .district),
            ("320402001", .street), ("320402001001", .community),
        ])
    func levels(text: String, level: RegionCode.Level) throws {
        let code = try #require(RegionCode(text))
        #expect(code.level == level)
        #expect(code.value == text)
        #expect(code.description == text)
    }

    @Test(
        "only 2, 4, 6, 9 or 12 ASCII digits",
        arguments: [
            "", "3", "320", "32040", "3204020", "32040200", "3204020010", "32040200100", "3204020010010",
            "32a4", "32 4", "３２", "-32", "32040X", "3204.2",
        ])
    func invalid(text: String) {
        #expect(RegionCode(text) == nil)
    }

    @Test("the parent chain runs up to the province")
    func chain() {
        let code = RegionCode("320402001007")!
        #expect(code.chain.map(\.value) == ["320402001007", "320402001", "320402", "3204", "32"])
        #expect(code.parent == RegionCode("320402001"))
        #expect(RegionCode("3204")!.parent == RegionCode("32"))
        #expect(RegionCode("32")!.parent == nil)
        #expect(RegionCode("32")!.chain == [RegionCode("32")!])
    }

    @Test(
        "a region contains exactly the codes it prefixes",
        arguments: [
            ("3204", "320402001007", true), ("320402", "320402001", true), ("320402", "320402", true),
            ("32", "3204", true), ("320402", "320404001", false), ("320402001", "320402", false),
            ("3204", "3205", false), ("320402001", "320402002001", false),
        ])
    func contains(outer: String, inner: String, expected: Bool) {
        #expect(RegionCode(outer)!.contains(RegionCode(inner)!) == expected)
    }

    @Test("codes sort by their text")
    func ordering() {
        let codes = ["320404", "32", "320402001", "3204", "320402"].map { RegionCode($0)! }
        #expect(codes.sorted().map(\.value) == ["32", "3204", "320402", "320402001", "320404"])
    }

    @Test("levels are ordered and named in Chinese")
    func levelOrder() {
        #expect(RegionCode.Level.allCases.sorted() == [.province, .city, .district, .street, .community])
        #expect(RegionCode.Level.street.chinese == "街道/镇")
    }

    @Test("JSON is the plain code; an invalid code is a decoding error")
    func codable() throws {
        let data = try JSONEncoder().encode([RegionCode("320402001")!])
        #expect(String(decoding: data, as: UTF8.self) == #"["320402001"]"#)
        #expect(try JSONDecoder().decode([RegionCode].self, from: data) == [RegionCode("320402001")!])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([RegionCode].self, from: Data(#"["32040"]"#.utf8))
        }
    }
}
