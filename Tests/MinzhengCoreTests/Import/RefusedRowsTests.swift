import MinzhengCore
import Testing

/// Issue 13: the refused rows go back to the clerk as a file to correct and import again.
@Suite("Refused import rows")
struct RefusedRowsTests {
    @Test("the file keeps the original header and values, in file order, each row with its reasons or its household's")
    func table() {
        var refused = RefusedRows(header: ["户编号", "姓名", "身份证号"])
        refused.add(line: 5, fields: ["B", "李四", "bad"])
        refused.add(line: 3, fields: ["B", "王五", "320402196503124011"])
        refused.add(line: 9, fields: ["", "赵六", "x"])
        let (header, rows) = refused.table(reasons: [5: ["身份证号：校验位不对", "联系电话：应为 11 位"], 9: ["缺少户编号"]])
        #expect(header == ["原文件行号", "未导入原因", "户编号", "姓名", "身份证号"])
        #expect(
            rows == [
                ["3", RefusedRows.householdReason, "B", "王五", "320402196503124011"],
                ["5", "身份证号：校验位不对；联系电话：应为 11 位", "B", "李四", "bad"],
                ["9", "缺少户编号", "", "赵六", "x"],
            ])
    }

    @Test("the importer reads the corrected file again: the two added columns are skipped, the others mapped as before")
    func reimport() throws {
        let columns = try HouseholdImportColumns(header: ["原文件行号", "未导入原因", "户编号", "与户主关系", "姓名", "身份证号", "所属区划", "地址"])
        #expect(columns.householdRefValue(["7", "原因", "H1", "本人", "张三", "x", "320402001", "路"]) == "H1")
        #expect(throws: FieldProblem.self) { try HouseholdImportColumns(header: ["错误原因", "户编号"]) }
    }
}
