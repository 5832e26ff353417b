import Foundation
import Testing
import MinzhengCore

@Suite("Assistance catalogue JSON: seed, round trip, and errors that name the field")
struct AssistanceCatalogJSONTests {
    @Test func theSeedRoundTrips() throws {
        let json = AssistanceCatalog.standard.encodedJSON()
        #expect(try AssistanceCatalog.decode(json: json) == AssistanceCatalog.standard)
    }

    @Test func anItemReadsAsTheAdministratorSeesIt() throws {
        let root = try #require(
            try JSONSerialization.jsonObject(with: AssistanceCatalog.standard.encodedJSON()) as? [String: Any])
        let items = try #require(root["items"] as? [[String: Any]])
        let temporary = try #require(items.first { $0["code"] as? String == "temporaryAssistance" })
        #expect(temporary["name"] as? String == "临时救助")
        #expect(temporary["department"] as? String == "civilAffairs")
        #expect(temporary["subject"] as? String == "household")
        #expect(temporary["engineProgram"] is NSNull)
        let approval = try #require(temporary["approval"] as? [String: Any])
        #expect(approval["level"] as? String == "street")
        let escalation = try #require(approval["escalation"] as? [String: Any])
        #expect(escalation["aboveMultipleOfStandard"] as? String == "2")
        #expect(escalation["level"] as? String == "district")
        let dibao = try #require(items.first { $0["code"] as? String == "dibao" })
        #expect(dibao["engineProgram"] as? String == "dibao")
        #expect((dibao["approval"] as? [String: Any])?["escalation"] == nil)
    }

    /// One edit of the seed JSON at a path, and the field and message fragment expected.
    @Test(arguments: [
        ("items[0].code", JSONEdit.string("Dibao"), "items[0].code", "代码“Dibao”无效"),
        ("items[0].code", .string("dibao-2"), "items[0].code", "无效"),
        ("items[5].code", .string("dibao"), "items[5].code", "与 items[0] 重复"),
        ("items[1].name", .remove, "items[1].name", "缺少此字段"),
        ("items[1].name", .string("  "), "items[1].name", "事项名称不能为空"),
        ("items[3].department", .string("police"), "items[3].department", "未知的取值“police”"),
        ("items[3].subject", .string("family"), "items[3].subject", "可选：household、person"),
        ("items[1].subject", .string("household"), "items[1].subject", "按个人认定"),
        ("items[10].engineProgram", .string("dibao"), "items[10].engineProgram", "不由民政政策引擎认定"),
        ("items[4].engineProgram", .string("dibao"), "items[4].engineProgram", "已由 items[0] 使用"),
        ("items[4].engineProgram", .string("pension"), "items[4].engineProgram", "未知的取值“pension”"),
        ("items[4].approval.level", .string("community"), "items[4].approval.level", "社区/村不能作为审批层级"),
        ("items[4].approval.level", .string("county"), "items[4].approval.level", "未知的层级“county”"),
        ("items[4].approval.escalation.level", .string("street"), "items[4].approval.escalation.level", "必须高于基本审批层级"),
        (
            "items[4].approval.escalation.aboveMultipleOfStandard", .string("two"),
            "items[4].approval.escalation.aboveMultipleOfStandard", "不是倍数"
        ),
        (
            "items[4].approval.escalation.aboveMultipleOfStandard", .string("0"),
            "items[4].approval.escalation.aboveMultipleOfStandard", "必须大于 0"
        ),
        ("items[2].documents", .emptyArray, "items[2].documents", "至少需要一项申请材料"),
        ("items[2].documents", .string("identity"), "items[2].documents", "类型不符"),
        ("items[2].documents[1].code", .string("identity"), "items[2].documents[1].code", "与 documents[0] 重复"),
        ("items[2].documents[1].code", .string("户口簿"), "items[2].documents[1].code", "无效"),
        ("items[2].documents[0].name", .string(" "), "items[2].documents[0].name", "材料名称不能为空"),
    ])
    func aBadFieldIsNamed(path: String, edit: JSONEdit, field: String, fragment: String) throws {
        let json = try Self.seed(editing: path, edit)
        #expect {
            _ = try AssistanceCatalog.decode(json: json)
        } throws: { error in
            guard let error = error as? AssistanceCatalogError else { return false }
            return error.field == field && error.message.contains(fragment)
        }
    }

    @Test func notJSONAtAll() {
        #expect {
            _ = try AssistanceCatalog.decode(json: Data("items: 32".utf8))
        } throws: { error in
            (error as? AssistanceCatalogError)?.message == "不是有效的 JSON"
        }
    }

    @Test func aSingleItemDecodesWithFieldsRelativeToIt() throws {
        let json = Data(
            #"{"code":"x1","name":"试点救助","department":"justice","subject":"person","approval":{"level":"province"},"documents":[{"code":"identity","name":"身份证明"}],"engineProgram":null}"#
                .utf8)
        #expect(throws: AssistanceCatalogError.self) {
            try AssistanceCatalogError.decoding(AssistanceItem.self, from: json)
        }
        do {
            _ = try AssistanceCatalogError.decoding(AssistanceItem.self, from: json)
        } catch {
            #expect(error.field == "approval.level")
            #expect(error.message.hasPrefix("省不能作为审批层级"))
        }
        let fixed = Data(String(decoding: json, as: UTF8.self).replacingOccurrences(of: "province", with: "city").utf8)
        let item = try AssistanceCatalogError.decoding(AssistanceItem.self, from: fixed)
        #expect(item.approval.level == .city)
        #expect(item.route == .departmentQueue(.justice))
    }

    // MARK: - editing the seed JSON

    static func seed(editing path: String, _ edit: JSONEdit) throws -> Data {
        let root = try JSONSerialization.jsonObject(with: AssistanceCatalog.standard.encodedJSON())
        let edited = apply(edit, at: steps(path)[...], in: root)
        return try JSONSerialization.data(withJSONObject: edited)
    }

    private enum Step { case key(String), index(Int) }

    /// `items[2].documents[1].code` → key items, index 2, key documents, index 1, key code.
    private static func steps(_ path: String) -> [Step] {
        path.split(separator: ".").flatMap { part -> [Step] in
            let pieces = part.split(separator: "[")
            return [.key(String(pieces[0]))] + pieces.dropFirst().map { .index(Int($0.dropLast())!) }
        }
    }

    private static func apply(_ edit: JSONEdit, at path: ArraySlice<Step>, in node: Any) -> Any {
        guard let step = path.first else { return edit.value }
        switch step {
        case .key(let key):
            var object = node as! [String: Any]
            if path.count == 1, case .remove = edit {
                object.removeValue(forKey: key)
            } else {
                object[key] = apply(edit, at: path.dropFirst(), in: object[key] ?? NSNull())
            }
            return object
        case .index(let index):
            var array = node as! [Any]
            array[index] = apply(edit, at: path.dropFirst(), in: array[index])
            return array
        }
    }
}

enum JSONEdit: Sendable {
    case string(String), emptyArray, remove

    var value: Any {
        switch self {
        case .string(let text): return text
        case .emptyArray: return [Any]()
        case .remove: return NSNull()
        }
    }
}
