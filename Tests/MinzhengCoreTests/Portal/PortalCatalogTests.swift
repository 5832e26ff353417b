import Foundation
import MinzhengCore
import Testing

@Suite("民政通: the shipped list of services and the search")
struct PortalCatalogTests {
    @Test("the shipped list has SERVICES.md's 8 categories and 65 services, each guide filled")
    func bundled() throws {
        let catalog = PortalCatalog.bundled
        #expect(
            catalog.categories.map(\.code) == [
                "assistance", "elderly", "children", "disability", "marriage", "funeral", "organisations",
                "placenames",
            ])
        #expect(catalog.services.map(\.id) == Array(1...65))
        #expect(catalog.categories.map { catalog.services(in: $0.code).count } == [10, 10, 8, 5, 10, 9, 10, 3])
        for service in catalog.services {
            try service.validate()
            #expect(!service.initials.isEmpty, "\(service.id) \(service.name)")
            #expect(service.dialNumber != nil, "\(service.id) has a number to call")
        }
        #expect(catalog.popular.count >= 6)
    }

    @Test(
        "the words people use find the service, best match first",
        arguments: [
            ("低保", "最低生活保障申请"), ("最低生活保障", "最低生活保障申请"), ("我想申请低保", "最低生活保障申请"),
            ("结婚预约", "结婚登记预约"), ("领证", "结婚登记预约"), ("离婚预约", "离婚登记预约"),
            ("尊老金", "尊老金（高龄津贴）"), ("高龄津贴", "尊老金（高龄津贴）"), ("寻亲", "寻亲登记与寻亲公告查询"),
            ("殡葬", "遗体接运与火化预约"), ("火化", "遗体接运与火化预约"), ("养老院", "养老机构查询与入住指引"),
            ("清明 扫墓", "清明祭扫预约"), ("收养", "收养登记"), ("轮椅", "康复辅助器具社区租赁"),
            ("德康驿站", "精神障碍社区康复（德康驿站）"), ("地名查询", "标准地名证明与地名查询"),
            ("zdsh", "最低生活保障申请"), ("db", "最低生活保障申请"), ("ZLJ", "尊老金（高龄津贴）"),
        ])
    func search(query: String, first: String) {
        let results = PortalSearch.rank(query, in: PortalCatalog.bundled.services)
        #expect(results.first?.name == first, "\(query) → \(results.prefix(3).map(\.name))")
    }

    @Test("a query that matches nothing finds nothing; an empty one too", arguments: ["量子计算机", "", "   ", "xyzq"])
    func nothing(query: String) {
        #expect(PortalSearch.rank(query, in: PortalCatalog.bundled.services).isEmpty)
    }

    @Test(
        "an edited guide with an empty or bad field is refused, naming the field",
        arguments: [
            ("who", ""), ("documents", ""), ("phone", "  "), ("initials", "低保"),
            ("name", String(repeating: "长", count: 61)),
        ])
    func refused(field: String, value: String) {
        let service = PortalCatalog.bundled.service(1)!
        func list(_ key: String, _ current: [String]) -> [String] {
            field == key ? (value.trimmingCharacters(in: .whitespaces).isEmpty ? [] : [value]) : current
        }
        func text(_ key: String, _ current: String) -> String { field == key ? value : current }
        #expect(throws: Refusal.invalid(field, refusalMessage(field, value))) {
            _ = try service.editing(
                name: text("name", service.name), summary: service.summary, who: text("who", service.who),
                conditions: service.conditions, documents: list("documents", service.documents), steps: service.steps,
                timeLimit: service.timeLimit, fee: service.fee, place: service.place, hours: service.hours,
                phone: text("phone", service.phone), keywords: service.keywords,
                initials: list("initials", service.initials))
        }
    }

    private func refusalMessage(_ field: String, _ value: String) -> String {
        switch field {
        case "who": return "请填写申请对象"
        case "phone": return "请填写咨询电话"
        case "documents": return "请至少填写一项所需材料（每行一项）"
        case "name": return "事项名称太长（最多 60 字）"
        default: return "拼音首字母只能是小写字母，每行一项，如 dbsq；出错的：\(value)"
        }
    }
}
