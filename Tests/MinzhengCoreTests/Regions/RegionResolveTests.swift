import Testing
import MinzhengCore

@Suite("RegionTable.resolve: codes or names to codes")
struct RegionResolveTests {
    let table = RegionTable.shipped

    @Test(
        "a code stays itself; a district, street or town is found by its name or the start of it",
        arguments: [
            ("320402001", "320402001"), ("320402001007", "320402001007"), ("3204", "3204"),
            ("新北区", "320411"), ("三井街道", "320411002"), (" 三井街道 ", "320411002"), ("湖塘", "320412100"),
            ("天宁区", "320402"), ("天宁街道", "320402005"), ("常州市", "3204"), ("溧阳市", "320481"),
        ])
    func resolves(text: String, code: String) throws {
        #expect(try table.resolve(text)?.value == code)
    }

    @Test("nothing typed is no region")
    func empty() throws {
        #expect(try table.resolve(nil) == nil)
        #expect(try table.resolve("  ") == nil)
    }

    @Test(
        "a wrong code, an unknown name and an ambiguous one are problems of the field",
        arguments: [
            ("32040", "2、4、6、9或12位数字"), ("3204020011", "2、4、6、9或12位数字"),
            ("火星区", "没有名为“火星区”"), ("南京", "没有名为“南京”"),
            ("天宁", "对应多个区划"),
        ])
    func refuses(text: String, message: String) {
        #expect {
            _ = try table.resolve(text, field: "region")
        } throws: { error in
            let problem = error as? FieldProblem
            return problem?.field == "region" && problem?.message.contains(message) == true
        }
    }

    @Test("an ambiguous name lists every candidate with its code")
    func ambiguousListsCandidates() {
        let twin = RegionTable(entries: [
            ("3204", "常州市"), ("320402", "天宁区"), ("320404", "钟楼区"),
            ("320402009", "城东街道"), ("320404009", "城东街道"),
        ])
        do {
            _ = try twin.resolve("城东街道")
            Issue.record("an ambiguous name was resolved")
        } catch {
            #expect(error.message.contains("天宁区 城东街道（320402009）"))
            #expect(error.message.contains("钟楼区 城东街道（320404009）"))
        }
    }

    @Test(
        "a street and its community typed beside it",
        arguments: [
            ("320402001", "", "320402001"), ("320402001", "007", "320402001007"),
            ("320402001", "320402001007", "320402001007"),
            ("", "320411002003", "320411002003"), ("三井街道", "012", "320411002012"),
        ])
    func community(choice: String, community: String, code: String) throws {
        #expect(try table.resolve(choice, community: community)?.value == code)
    }

    @Test(
        "a community that does not fit the street is the community field's problem",
        arguments: [
            ("320402001", "320411002003", "不在所选"), ("320402", "007", "先选择所在街道"), ("", "007", "先选择所在街道"),
            ("320402001", "07", "12位社区代码"), ("320402001", "社区一", "12位社区代码"),
        ])
    func communityRefused(choice: String, community: String, message: String) {
        #expect {
            _ = try table.resolve(choice, community: community)
        } throws: { error in
            let problem = error as? FieldProblem
            return problem?.field == "community" && problem?.message.contains(message) == true
        }
    }
}
