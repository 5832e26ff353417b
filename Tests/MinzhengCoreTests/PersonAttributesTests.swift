import Testing
import MinzhengCore

@Suite("Person attribute codes")
struct PersonAttributesTests {
    @Test(
        "relations from English codes and Chinese words",
        arguments: [
            ("head", Relation.head), ("本人", .head), ("户主", .head), ("spouse", .spouse), ("配偶", .spouse),
            ("child", .child), ("子女", .child), ("parent", .parent), ("父母", .parent), ("grandchild", .grandchild),
            ("孙子女", .grandchild), ("grandparent", .grandparent), ("祖父母", .grandparent), ("sibling", .sibling),
            ("兄弟姐妹", .sibling), ("other", .other), ("其他", .other), (" spouse ", .spouse), ("配偶 ", .spouse),
        ])
    func relation(text: String, relation: Relation) {
        #expect(Relation(code: text) == relation)
    }

    @Test("unknown relations", arguments: ["", "boss", "Head", "儿子", "本 人", "husband"])
    func unknownRelation(text: String) {
        #expect(Relation(code: text) == nil)
    }

    @Test("every relation reads back from both its forms", arguments: Relation.allCases)
    func relationRoundTrip(relation: Relation) {
        #expect(Relation(code: relation.rawValue) == relation)
        #expect(Relation(code: relation.chinese) == relation)
    }

    @Test(
        "hukou from English codes and Chinese words",
        arguments: [
            ("urban", Hukou.urban), ("城镇", .urban), ("rural", .rural), ("农村", .rural), (" rural", .rural),
        ])
    func hukou(text: String, hukou: Hukou) {
        #expect(Hukou(code: text) == hukou)
    }

    @Test("unknown hukou", arguments: ["", "城市", "Urban", "farm", "非农业"])
    func unknownHukou(text: String) {
        #expect(Hukou(code: text) == nil)
    }

    @Test("Chinese names of the other codes")
    func chineseNames() {
        #expect(Sex.male.chinese == "男" && Sex.female.chinese == "女")
        #expect(SelfCare.none.chinese == "完全不能自理")
        #expect(LaborCapacity.partial.chinese == "部分丧失劳动能力")
        #expect(DisabilityKind.allCases.count == 7)
        #expect(Set(DisabilityKind.allCases.map(\.chinese)).count == 7)
    }
}
