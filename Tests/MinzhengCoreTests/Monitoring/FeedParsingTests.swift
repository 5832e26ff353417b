import Foundation
import Testing
@testable import MinzhengCore

private typealias F = MonitoringFixtures

@Suite("Feed rows: JSON and CSV parse to the same typed record")
struct FeedParsingTests {
    @Test("a valid JSON row and the same CSV row give equal records", arguments: FeedKind.allCases)
    func csvEqualsJSON(kind: FeedKind) throws {
        let fromJSON = try FeedRecord(kind: kind, json: F.jsonRow(kind), today: F.today)
        let fromData = try FeedRecord(kind: kind, jsonData: F.jsonData(F.jsonRow(kind)), today: F.today)
        let fromCSV = try F.parseCSV(kind, F.csvRow(kind))
        #expect(fromJSON == fromCSV)
        #expect(fromData == fromCSV)
        #expect(fromJSON.kind == kind)
        #expect(fromJSON.sourceRecordId == "R-0001")
        #expect(fromJSON.idNumber.value == F.personID)
    }

    @Test("the typed payloads hold the values sent")
    func typedValues() throws {
        guard case .medicalExpense(let stay) = F.parsed(.medicalExpense).payload else { Issue.record("kind"); return }
        #expect(
            stay
                == MedicalStay(
                    admissionDate: F.date("2024-05-01"), dischargeDate: F.date("2024-05-20"),
                    totalFen: 3_500_000, outOfPocketFen: 1_200_000, seriousIllness: true))
        guard case .disability(let d) = F.parsed(.disability).payload else { Issue.record("kind"); return }
        #expect(d.grade == DisabilityGrade(2) && d.kind == .physical && d.validUntil == F.date("2029-06-02"))
        guard case .realEstate(let r) = F.parsed(.realEstate).payload else { Issue.record("kind"); return }
        #expect(r.properties == 2 && r.areaM2 == SquareMetres(hundredths: 8550) && r.areaM2.description == "85.50")
        guard case .pension(let p) = F.parsed(.pension).payload else { Issue.record("kind"); return }
        #expect(p.monthlyFen == 185_000 && p.fromMonth == YearMonth("2024-07"))
        guard case .hukouMove(let h) = F.parsed(.hukouMove).payload else { Issue.record("kind"); return }
        #expect(h.toRegion == RegionCode("320505"))
    }

    @Test(
        "coded values are accepted by code or by Chinese name",
        arguments: [
            (FeedKind.unemployment, "status", "reemployed", "已就业"),
            (.business, "status", "revoked", "吊销"),
            (.school, "level", "preschool", "学前"),
            (.disability, "kind", "intellectual", "智力"),
        ])
    func chineseNames(kind: FeedKind, field: String, code: String, chinese: String) throws {
        var byCode = F.jsonRow(kind)
        byCode[field] = code
        var byName = F.jsonRow(kind)
        byName[field] = chinese
        #expect(
            try FeedRecord(kind: kind, json: byCode, today: F.today)
                == FeedRecord(kind: kind, json: byName, today: F.today))
    }

    @Test("optional fields may be left out: seriousIllness is false, a running custody has no end")
    func optionalFields() throws {
        var stay = F.jsonRow(.medicalExpense)
        stay["seriousIllness"] = nil
        guard case .medicalExpense(let s) = try FeedRecord(kind: .medicalExpense, json: stay, today: F.today).payload
        else { Issue.record("kind"); return }
        #expect(!s.seriousIllness)

        let custody = F.csvRow(.custody).map { $0.0 == "endDate" ? ($0.0, "") : $0 }
        guard case .custody(let c) = try F.parseCSV(.custody, custody).payload else { Issue.record("kind"); return }
        #expect(c.endDate == nil)
        let noColumn = F.csvRow(.custody).filter { $0.0 != "endDate" }
        #expect(try F.parseCSV(.custody, noColumn) == F.parseCSV(.custody, custody))
        var nullEnd = F.jsonRow(.custody)
        nullEnd["endDate"] = NSNull()
        #expect(try FeedRecord(kind: .custody, json: nullEnd, today: F.today) == F.parseCSV(.custody, custody))

        let permanent = F.csvRow(.disability).filter { $0.0 != "validUntil" }
        guard case .disability(let d) = try F.parseCSV(.disability, permanent).payload else {
            Issue.record("kind"); return
        }
        #expect(d.validUntil == nil)
    }

    /// (kind, field, bad CSV text, the message after `field: `)
    @Test(
        "a bad value is refused with a message naming the field",
        arguments: [
            (FeedKind.death, "deathDate", "2024/06/10", "应为 YYYY-MM-DD"),
            (.death, "deathDate", "2024-02-30", "应为 YYYY-MM-DD"),
            (.death, "deathDate", "2024-06-16", "不能晚于今天（2024-06-15）"),
            (.death, "deathDate", "1979-12-31", "早于身份证号中的出生日期"),
            (.death, "deathDate", "", "缺少此字段"),
            (.death, "idNumber", "320402198001021234", "身份证号校验位错误（应为X）"),
            (.death, "idNumber", "12345", "身份证号应为18位（或15位旧号），实际5位"),
            (.death, "sourceRecordId", String(repeating: "9", count: 65), "应为 1–64 个字符的文本"),
            (.death, "sourceRecordId", "  ", "缺少此字段"),
            (.medicalExpense, "dischargeDate", "2024-04-30", "早于入院日期 admissionDate"),
            (.medicalExpense, "totalFen", "35000.00", "应为以分为单位的非负整数"),
            (.medicalExpense, "totalFen", "-1", "应为以分为单位的非负整数"),
            (.medicalExpense, "outOfPocketFen", "3500001", "不能大于总费用 totalFen"),
            (.medicalExpense, "seriousIllness", "maybe", "应为 true 或 false"),
            (.unemployment, "status", "fired", "应为 registered（登记失业）、reemployed（已就业） 之一"),
            (.pension, "fromMonth", "2024-13", "应为 YYYY-MM"),
            (.disability, "grade", "5", "应为 1–4 级"),
            (.disability, "grade", "0", "应为 1–4 级"),
            (.disability, "validUntil", "2024-06-02", "早于发证日期 certifiedDate"),
            (.disability, "validUntil", "2029-02-30", "应为 YYYY-MM-DD"),
            (.realEstate, "areaM2", "85.555", "应为非负数，最多两位小数"),
            (.business, "status", "open", "应为 active（存续）、revoked（吊销）、deregistered（注销） 之一"),
            (.school, "level", "university", "应为 preschool（学前）、primary（小学）、middle（初中）、high（高中）、college（大学） 之一"),
            (.custody, "endDate", "2024-05-04", "早于开始日期 startDate"),
            (.hukouMove, "toRegion", "32", "应为行政区划代码（6、9或12位数字）"),
        ])
    func badValues(kind: FeedKind, field: String, text: String, message: String) {
        let pairs = F.csvRow(kind).map { $0.0 == field ? ($0.0, text) : $0 }
        #expect(throws: FieldProblem(field, message)) { try F.parseCSV(kind, pairs) }
        #expect((try? F.parseCSV(kind, pairs)) == nil)
    }

    @Test("the error reads `field: message`")
    func errorText() {
        let pairs = F.csvRow(.death).map { $0.0 == "deathDate" ? ($0.0, "10/06/2024") : $0 }
        do {
            _ = try F.parseCSV(.death, pairs)
            Issue.record("accepted")
        } catch {
            #expect("\(error)" == "deathDate: 应为 YYYY-MM-DD")
        }
    }

    @Test(
        "JSON is held to its types: amounts are numbers, dates strings, flags booleans",
        arguments: [
            ("totalFen", "3500000" as any Sendable, "应为以分为单位的非负整数"),
            ("totalFen", 35000.5 as any Sendable, "应为以分为单位的非负整数"),
            ("seriousIllness", "true" as any Sendable, "应为 true 或 false"),
            ("seriousIllness", 1 as any Sendable, "应为 true 或 false"),
            ("admissionDate", 20240501 as any Sendable, "应为 YYYY-MM-DD"),
            ("outOfPocketFen", true as any Sendable, "应为以分为单位的非负整数"),
        ])
    func jsonTypes(field: String, value: any Sendable, message: String) {
        var row = F.jsonRow(.medicalExpense)
        row[field] = value
        #expect(throws: FieldProblem(field, message)) {
            try FeedRecord(kind: .medicalExpense, json: row, today: F.today)
        }
        // The same through the bytes, as the API receives it.
        #expect(throws: FieldProblem(field, message)) {
            try FeedRecord(kind: .medicalExpense, jsonData: F.jsonData(row), today: F.today)
        }
    }

    @Test("a JSON integer source record id is the same id as its digits in a CSV cell")
    func numericSourceId() throws {
        var row = F.jsonRow(.death)
        row["sourceRecordId"] = 12345
        let csv = F.csvRow(.death).map { $0.0 == "sourceRecordId" ? ($0.0, "12345") : $0 }
        let a = try FeedRecord(kind: .death, jsonData: F.jsonData(row), today: F.today)
        #expect(a == (try F.parseCSV(.death, csv)))
        #expect(a.dedupeKey == "death:12345")
    }

    @Test("unknown fields are refused, in JSON and in the CSV header")
    func unknownFields() {
        var row = F.jsonRow(.death)
        row["deathPlace"] = "常州"
        #expect(throws: FieldProblem("deathPlace", "未知字段（death 的字段为 sourceRecordId、idNumber、deathDate）")) {
            try FeedRecord(kind: .death, json: row, today: F.today)
        }
        #expect(throws: FieldProblem("header", "第3列“deathdate”不是 death 的字段（应为 sourceRecordId、idNumber、deathDate）")) {
            try FeedCSVColumns(kind: .death, header: ["sourceRecordId", "idNumber", "deathdate"])
        }
    }

    @Test("the CSV header must hold every required field once; a BOM and any order are fine")
    func csvHeader() throws {
        #expect(throws: FieldProblem("header", "缺少列 outOfPocketFen")) {
            try FeedCSVColumns(
                kind: .medicalExpense,
                header: ["sourceRecordId", "idNumber", "admissionDate", "dischargeDate", "totalFen"])
        }
        #expect(throws: FieldProblem("header", "第3列“idNumber”重复")) {
            try FeedCSVColumns(kind: .death, header: ["sourceRecordId", "idNumber", "idNumber", "deathDate"])
        }
        let columns = try FeedCSVColumns(kind: .death, header: ["\u{FEFF}deathDate", "idNumber", "sourceRecordId"])
        #expect(try columns.record(["2024-06-10", F.personID, "R-0001"], today: F.today) == F.parsed(.death))
        #expect(throws: FieldProblem("row", "有 4 列，表头只有 3 列")) {
            try columns.record(["2024-06-10", F.personID, "R-0001", "x"], today: F.today)
        }
        #expect(columns.sourceRecordId(["bad", "bad", " R-9 "]) == "R-9")
    }

    @Test("re-sending a row gives the same dedupe key; another id or feed does not")
    func dedupeKey() throws {
        let first = F.parsed(.death)
        let again = try F.parseCSV(.death, F.csvRow(.death))
        #expect(first.dedupeKey == "death:R-0001")
        #expect(again.dedupeKey == first.dedupeKey)
        var other = F.jsonRow(.death)
        other["sourceRecordId"] = "R-0002"
        #expect(try FeedRecord(kind: .death, json: other, today: F.today).dedupeKey != first.dedupeKey)
        #expect(F.parsed(.vehicle).dedupeKey == "vehicle:R-0001")
    }

    @Test("a batch keeps good rows and reports bad ones by row with the reason")
    func batch() throws {
        var bad = F.jsonRow(.death)
        bad["sourceRecordId"] = "R-0002"
        bad["deathDate"] = "2024-6-1"
        let body = F.jsonData(["items": [F.jsonRow(.death), bad, "not a row"] as [Any]])
        let batch = try FeedBatch(kind: .death, jsonData: body, today: F.today)
        #expect(batch.records.map(\.row) == [1])
        #expect(batch.records.first?.record == F.parsed(.death))
        #expect(
            batch.problems.map(\.description) == [
                "第2行（sourceRecordId R-0002）：deathDate: 应为 YYYY-MM-DD",
                "第3行：row: 应为 JSON 对象",
            ])
        let plainArray = try FeedBatch(kind: .death, jsonData: F.jsonData([F.jsonRow(.death)]), today: F.today)
        #expect(plainArray.records.count == 1 && plainArray.problems.isEmpty)
        #expect(throws: FieldProblem("body", "应为 JSON 数组，或含 items 数组的对象")) {
            try FeedBatch(kind: .death, jsonData: Data("{\"rows\": []}".utf8), today: F.today)
        }
    }

    @Test("a body that is not a JSON object is refused as a whole")
    func notAnObject() {
        #expect(throws: FieldProblem("body", "应为一个 JSON 对象")) {
            try FeedRecord(kind: .death, jsonData: Data("[1]".utf8), today: F.today)
        }
    }

    @Test(
        "areas are exact: the same area from JSON and CSV compares equal",
        arguments: [
            ("85.55", 8555 as Int64), ("0.1", 10), ("120", 12000), ("99.99", 9999),
        ])
    func areas(text: String, hundredths: Int64) throws {
        #expect(SquareMetres(decimal: text)?.hundredths == hundredths)
        var row = F.jsonRow(.realEstate)
        row["areaM2"] = Double(text)!
        let csv = F.csvRow(.realEstate).map { $0.0 == "areaM2" ? ($0.0, text) : $0 }
        #expect(
            try FeedRecord(kind: .realEstate, jsonData: F.jsonData(row), today: F.today) == F.parseCSV(.realEstate, csv)
        )
    }
}
