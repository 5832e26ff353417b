import Testing
import MinzhengCore

@Suite("RegionTable.choiceGroups: a region picker by district")
struct RegionChoiceGroupTests {
    let table = RegionTable.shipped

    struct Case: Sendable, CustomTestStringConvertible {
        let region: String
        let levels: Set<RegionCode.Level>
        /// Group labels in order, each with its first options.
        let groups: [String]
        let firstOptions: [[String]]
        let optionCount: Int
        var testDescription: String { "\(region) \(levels.map(\.chinese).sorted())" }
    }

    @Test(
        "who sees which choices",
        arguments: [
            // The city: six districts, each with the whole district first, then its streets.
            Case(
                region: "3204", levels: [.district, .street], groups: ["天宁区", "钟楼区", "新北区", "武进区", "金坛区", "溧阳市"],
                firstOptions: [["天宁区（全部）", "雕庄街道"]], optionCount: 67 + 6),
            // A household's street: no district to pick.
            Case(
                region: "3204", levels: [.street], groups: ["天宁区", "钟楼区", "新北区", "武进区", "金坛区", "溧阳市"],
                firstOptions: [["雕庄街道", "青龙街道"]], optionCount: 67),
            // An account form of the city administrator offers the city itself first.
            Case(
                region: "3204", levels: [.city, .district, .street],
                groups: ["常州市", "天宁区", "钟楼区", "新北区", "武进区", "金坛区", "溧阳市"],
                firstOptions: [["常州市（全部）"], ["天宁区（全部）", "雕庄街道"]], optionCount: 1 + 6 + 67),
            Case(
                region: "320411", levels: [.district, .street], groups: ["新北区"], firstOptions: [["新北区（全部）"]],
                optionCount: 1 + 10),
            // A street officer: just the street.
            Case(
                region: "320411002", levels: [.district, .street], groups: ["新北区"], firstOptions: [["三井街道"]],
                optionCount: 1),
            // A community worker: the community where communities are offered, nothing otherwise.
            Case(
                region: "320411002003", levels: [.street, .community], groups: ["新北区"], firstOptions: [["三井街道 社区003"]],
                optionCount: 1),
            Case(region: "320411002003", levels: [.district, .street], groups: [], firstOptions: [], optionCount: 0),
        ])
    func groups(_ c: Case) {
        let groups = table.choiceGroups(within: RegionCode(c.region)!, levels: c.levels)
        #expect(groups.map(\.label) == c.groups)
        for (group, first) in zip(groups, c.firstOptions) {
            #expect(Array(group.options.map(\.label).prefix(first.count)) == first)
        }
        #expect(groups.map(\.options.count).reduce(0, +) == c.optionCount)
        // Every option lies within the chooser's region.
        #expect(groups.flatMap(\.options).allSatisfy { RegionCode(c.region)!.contains(RegionCode($0.code)!) })
    }
}
