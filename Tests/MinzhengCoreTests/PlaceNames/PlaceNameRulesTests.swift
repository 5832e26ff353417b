import MinzhengCore
import Testing

@Suite("Place names: romanisation by the place-name rules, the checks before approval, the naming steps")
struct PlaceNameRulesTests {
    @Test(
        "Hanyu Pinyin: specific and generic apart and capitalised, a road's direction with its generic, an apostrophe before a, o, e",
        arguments: [
            ("太湖", PlaceNameCategory.water, "Tài Hú", "Tai Hu"),
            ("常州市", .administrativeUnit, "Chángzhōu Shì", "Changzhou Shi"),
            ("延陵西路", .road, "Yánlíng Xīlù", "Yanling Xilu"),
            ("中山北路", .road, "Zhōngshān Běilù", "Zhongshan Beilu"),
            ("中山路", .road, "Zhōngshān Lù", "Zhongshan Lu"),
            ("河北路", .road, "Héběi Lù", "Hebei Lu"),
            ("西辽河", .water, "Xīliáo Hé", "Xiliao He"),
            ("黑龙江省", .administrativeUnit, "Hēilóngjiāng Shěng", "Heilongjiang Sheng"),
            ("西安市", .administrativeUnit, "Xī'ān Shì", "Xi'an Shi"),
            ("二道沟", .water, "Èrdào Gōu", "Erdao Gou"),
            ("吕城镇", .administrativeUnit, "Lǚchéng Zhèn", "Lücheng Zhen"),
            ("红梅公园", .parkSquare, "Hóngméi Gōngyuán", "Hongmei Gongyuan"),
        ])
    func romanisation(_ name: String, _ category: PlaceNameCategory, _ register: String, _ sign: String) throws {
        let parts = try #require(PlaceNameRules.split(name, category: category))
        let spelling = try PlaceNameRomanisation.spell(
            specific: parts.specific, generic: parts.generic, category: category
        ).get()
        #expect(spelling.register == register)
        #expect(spelling.sign == sign)
    }

    @Test func splitTakesTheLongestGeneric() {
        #expect(PlaceNameRules.split("中吴大道", category: .road)! == ("中吴", "大道"))
        #expect(PlaceNameRules.split("常州火车站", category: .stationPort)! == ("常州", "火车站"))
        #expect(PlaceNameRules.split("路", category: .road) == nil)
    }

    static let neighbours = [
        PlaceNameRules.Neighbour(name: "延陵西路", soundKey: PlaceNameRomanisation.soundKey("延陵西路")!),
        PlaceNameRules.Neighbour(name: "红梅公园", soundKey: PlaceNameRomanisation.soundKey("红梅公园")!),
    ]

    @Test(
        "the checks, in order, each naming the field and the clashing name",
        arguments: [
            ("", PlaceNameCategory.road, nil, PlaceNameProblem.empty),
            ("延陵西1路", .road, nil, .notChinese("1")),
            ("延陵西路", .road, nil, .clash(existing: "延陵西路", sameName: true)),
            ("严陵西路", .road, nil, .clash(existing: "延陵西路", sameName: false)),
            ("路", .road, nil, .length(1, allowed: 2...10)),
            ("一二三四五六七八九十路", .road, nil, .length(11, allowed: 2...10)),
            ("延陵西河", .road, nil, .generic("河", .road)),
            ("国际大道", .road, nil, .forbiddenWord("国际")),
            ("世界花园", .residentialArea, "", .forbiddenWord("世界")),
        ] as [(String, PlaceNameCategory, String?, PlaceNameProblem)])
    func refused(_ name: String, _ category: PlaceNameCategory, _ basis: String?, _ problem: PlaceNameProblem) {
        let result = PlaceNameRules.check(name: name, category: category, basis: basis, neighbours: Self.neighbours)
        #expect(result.failure == problem)
    }

    @Test func acceptedWithItsParts() throws {
        let road = try PlaceNameRules.check(name: "龙城大道", category: .road, basis: nil, neighbours: Self.neighbours)
            .get()
        #expect(road == ("龙城", "大道"))
        // A guarded word with a stated basis, and the same sound in another category (not among
        // the neighbours given) pass.
        #expect(
            (try? PlaceNameRules.check(
                name: "国际大道", category: .road, basis: "市政府批复", neighbours: Self.neighbours
            ).get()) != nil)
        #expect(PlaceNameProblem.clash(existing: "延陵西路", sameName: false).message == "与本县（市、区）同类地名“延陵西路”同音")
    }

    static let today = CivilDate(year: 2026, month: 12, day: 3)!

    @Test(
        "the naming steps: publicity to a later day, approval only after it, then the announcement",
        arguments: [
            (
                PlaceNameStep.publicise, PlaceNameStatus.proposed, CivilDate(year: 2026, month: 12, day: 18),
                PlaceNameStatus.publicised
            ),
            (.publicise, .proposed, CivilDate(year: 2026, month: 12, day: 3), nil),
            (.publicise, .proposed, nil, nil),
            (.approve, .publicised, CivilDate(year: 2026, month: 12, day: 3), nil),
            (.approve, .publicised, CivilDate(year: 2026, month: 12, day: 2), .approved),
            (.approve, .proposed, CivilDate(year: 2026, month: 12, day: 2), nil),
            (.reject, .proposed, nil, .rejected),
            (.reject, .publicised, nil, .rejected),
            (.reject, .approved, nil, nil),
            (.announce, .approved, nil, .announced),
            (.announce, .publicised, nil, nil),
            (.retire, .announced, nil, .retired),
            (.retire, .renamed, nil, nil),
        ] as [(PlaceNameStep, PlaceNameStatus, CivilDate?, PlaceNameStatus?)])
    func steps(_ step: PlaceNameStep, _ from: PlaceNameStatus, _ ends: CivilDate?, _ to: PlaceNameStatus?) {
        let result = step.next(from: from, publicityEnds: ends, today: Self.today)
        if let to {
            #expect(result == .success(to))
        } else {
            #expect((try? result.get()) == nil)
        }
    }

    @Test(
        "a street-seat move takes a name's steps but is never retired; the new seat differs from the old",
        arguments: [
            (PlaceNameStep.announce, PlaceNameStatus.approved, PlaceNameStatus?.some(.announced)),
            (.reject, .publicised, .rejected),
            (.retire, .announced, nil),
            (.publicise, .announced, nil),
        ] as [(PlaceNameStep, PlaceNameStatus, PlaceNameStatus?)])
    func seatMoves(_ step: PlaceNameStep, _ from: PlaceNameStatus, _ to: PlaceNameStatus?) throws {
        let result = SeatMoveRules.next(step, from: from, publicityEnds: nil, today: Self.today)
        #expect((try? result.get()) == to)
        #expect(!SeatMoveRules.available(from: .announced).contains(.retire))
        #expect(SeatMoveRules.isOpen(.publicised) && !SeatMoveRules.isOpen(.announced))
        #expect(throws: FieldProblem.self) { try SeatMoveRules.checkedSeats(from: "青山路 6 号", to: "青山路6号") }
        try SeatMoveRules.checkedSeats(from: "北大街 25 号", to: "青山路 6 号")
    }
}

extension Result {
    fileprivate var failure: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
