import Foundation
import Testing
import MinzhengCore

/// The Changzhou street list as published: the shared data folder when present, else the
/// copy the package ships (so the test also runs on a machine without /work/shared).
private let publishedStreets: [(code: String, name: String, county: String)] = {
    let shared = URL(fileURLWithPath: "/work/shared/data/regions/changzhou-streets.csv")
    let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/MinzhengCore/Resources/regions/changzhou-streets.csv").standardized
    let url = FileManager.default.fileExists(atPath: shared.path) ? shared : shipped
    let text = try! String(contentsOf: url, encoding: .utf8)
    return text.split(whereSeparator: \.isNewline).dropFirst().map { line in
        let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        return (fields[0], fields[1], fields[2])
    }
}()

@Suite("RegionTable.shipped")
struct RegionTableTests {
    let table = RegionTable.shipped

    @Test(
        "Changzhou's six county-level units",
        arguments: [
            ("320402", "天宁区"), ("320404", "钟楼区"), ("320411", "新北区"),
            ("320412", "武进区"), ("320413", "金坛区"), ("320481", "溧阳市"),
        ])
    func counties(code: String, name: String) {
        #expect(table.name(of: RegionCode(code)!) == name)
    }

    @Test("the province and the city")
    func provinceAndCity() {
        #expect(table.name(of: RegionCode("32")!) == "江苏省")
        #expect(table.name(of: RegionTable.changzhou) == "常州市")
        #expect(RegionTable.changzhou.value == "3204")
        #expect(
            table.children(of: RegionTable.changzhou).map(\.value) == [
                "320402", "320404", "320411", "320412", "320413", "320481",
            ])
        #expect(table.children(of: RegionCode("32")!).count == 13)
        #expect(table.children(of: RegionCode("86")!).isEmpty)
    }

    @Test("all 67 published streets and towns resolve to their names")
    func everyStreet() {
        #expect(publishedStreets.count == 67)
        for street in publishedStreets {
            let code = RegionCode(street.code)!
            #expect(code.level == .street)
            #expect(table.name(of: code) == street.name, "\(street.code)")
            #expect(code.parent?.value == street.county)
        }
    }

    @Test("streets(under:) lists the 67 in code order")
    func streetsUnderChangzhou() {
        let streets = table.streets(under: RegionTable.changzhou)
        #expect(streets.count == 67)
        #expect(streets.map(\.value) == publishedStreets.map(\.code).sorted())
        #expect(table.streets(under: RegionCode("320402")!).count == 7)
        #expect(table.streets(under: RegionCode("320481")!).count == 14)
        #expect(table.streets(under: RegionCode("3201")!).isEmpty)
    }

    @Test(
        "full names, outermost first",
        arguments: [
            ("320402001", "江苏省 常州市 天宁区 雕庄街道"),
            ("320481116", "江苏省 常州市 溧阳市 社渚镇"),
            ("320402", "江苏省 常州市 天宁区"),
            ("32", "江苏省"),
            ("320402001007", "江苏省 常州市 天宁区 雕庄街道 社区007"),
        ])
    func fullName(code: String, name: String) {
        #expect(table.fullName(of: RegionCode(code)!) == name)
    }

    @Test(
        "a stored code named below the city, anything else as stored",
        arguments: [
            ("320402", "天宁区"), ("320402001", "天宁区 雕庄街道"), ("3204", "常州市"), ("not a code", "not a code"),
        ])
    func nameInCity(code: String, name: String) {
        #expect(table.nameInCity(code) == name)
    }

    @Test("former and unknown codes are not in the table")
    func unknownCodes() {
        #expect(!table.contains(RegionCode("320405")!))
        #expect(!table.contains(RegionCode("320482")!))
        #expect(table.name(of: RegionCode("320499001")!) == nil)
        #expect(table.isKnownOrCommunityOfKnownStreet(RegionCode("320402001999")!))
        #expect(!table.isKnownOrCommunityOfKnownStreet(RegionCode("320405001001")!))
        #expect(table.isKnownOrCommunityOfKnownStreet(RegionCode("320413")!))
    }

    @Test("the national tables are complete")
    func nationalCounts() {
        let provinces = (11...91).compactMap { RegionCode(String($0)) }.filter(table.contains)
        #expect(provinces.count == 31)
        #expect(table.name(of: RegionCode("110101")!) == "东城区")
    }
}
