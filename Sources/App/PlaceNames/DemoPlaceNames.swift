import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The demo's register: Changzhou's red place names with their stories, some lakes and hills,
/// and a few hundred roads and estates over the six counties, checked by the same rules as a
/// proposal (a clash is left out) and spelt by the same romanisation; most announced, some in
/// publicity or just proposed, so that `/place-names` shows every step on a fresh `serve`.
enum DemoPlaceNames {
    struct Named {
        let name: String
        let category: PlaceNameCategory
        let county: String
        var pinyin: String? = nil
        var story: String? = nil
        var meaning: String? = nil
    }

    /// Places of the city itself; a pinyin is given where the place keeps a reading of its own
    /// (长荡湖 Cháng, not zhǎng) or a character has none in the table (滆).
    static let landmarks: [Named] = [
        Named(
            name: "瞿秋白故居", category: .memorialSite, county: "320402",
            story: "瞿秋白（1899—1935），常州人，中国共产党早期主要领导人之一，1935 年在福建长汀就义。故居在延陵西路旁的瞿氏宗祠。"),
        Named(
            name: "张太雷故居", category: .memorialSite, county: "320402",
            story: "张太雷（1898—1927），常州人，中国共产党早期领导人，广州起义主要领导者，起义中牺牲。"),
        Named(
            name: "恽代英纪念馆", category: .memorialSite, county: "320402",
            story: "恽代英（1895—1931），祖籍常州，中国共产党早期青年运动领导人，1931 年在南京就义。"),
        Named(
            name: "新四军江南指挥部纪念馆", category: .memorialSite, county: "320481",
            story: "1939 年新四军江南指挥部设于溧阳水西村，陈毅、粟裕在此指挥茅山抗日根据地的斗争。"),
        Named(name: "红梅公园", category: .parkSquare, county: "320402", meaning: "因园内红梅阁得名"),
        Named(name: "青果巷", category: .road, county: "320404", meaning: "明代此处为果品集散地，“青果”谐音“千果”"),
        Named(name: "天目湖", category: .water, county: "320481"),
        Named(name: "长荡湖", category: .water, county: "320413", pinyin: "Chángdàng Hú"),
        Named(name: "滆湖", category: .water, county: "320412", pinyin: "Gé Hú"),
        Named(name: "茅山", category: .mountain, county: "320413"),
        Named(name: "舜山", category: .mountain, county: "320412"),
        Named(name: "淹城遗址", category: .memorialSite, county: "320412", meaning: "春秋时期的三城三河地面城池遗址"),
    ]

    static let counties = ["320402", "320404", "320411", "320412", "320413", "320481"]
    static let stems = [
        "青龙", "延陵", "晋陵", "劳动", "关河", "广化", "兰陵", "龙城", "通江", "人民", "博爱", "清潭",
        "丽华", "竹林", "飞龙", "星港", "湖塘", "武宜", "鸣凰", "中吴", "怀德", "化龙", "东经", "天目",
        "昆仑", "燕山", "黄河", "衡山", "汉江", "华山", "泰山", "玉龙", "永宁", "采菱", "丁香", "紫荆",
        "白荡", "聚湖", "光华", "新丰", "河海", "鹤园", "勤业", "三堡", "五星", "荷花", "解放", "西林",
    ]
    static let roadGenerics = ["路", "街", "大道", "东路", "西路", "南路", "北路", "巷"]
    static let estateGenerics = ["花园", "新村", "苑", "家园", "公寓"]

    static func seedIfEmpty(_ app: Application) async throws {
        guard app.platform.config.demoHouseholds > 0, try await PlaceNameStore(db: app.sql).count() == 0 else {
            return
        }
        let (names, announced) = try await seed(app)
        try await DemoSeatMoves.seed(app)
        app.logger.info("Demo place names: \(names) names, \(announced) announced")
    }

    /// Writes the register in one audited transaction: (names, announced).
    static func seed(_ app: Application) async throws -> (Int, Int) {
        let today = app.platform.clock.today
        var wanted = landmarks
        for (c, county) in counties.enumerated() {
            for (i, stem) in stems.enumerated() where (i + c) % 2 == 0 {
                wanted.append(
                    Named(name: stem + roadGenerics[(i + c) % roadGenerics.count], category: .road, county: county))
                if (i + c) % 6 == 0 {
                    wanted.append(
                        Named(
                            name: stem + estateGenerics[(i / 6 + c) % estateGenerics.count], category: .residentialArea,
                            county: county))
                }
            }
        }
        var held: [String: [PlaceNameRules.Neighbour]] = [:]
        var proposals: [(PlaceNameStore.Proposal, PlaceNameStatus, PlaceNameStore.StepFields)] = []
        for (i, n) in wanted.enumerated() {
            let key = "\(n.county)/\(n.category.rawValue)"
            guard
                let sound = PlaceNameRomanisation.soundKey(n.name)
                    ?? n.pinyin.map(PlaceNameRomanisation.soundKey(ofSpelling:)),
                case .success(let parts) = PlaceNameRules.check(
                    name: n.name, category: n.category, basis: nil, soundKey: sound, neighbours: held[key, default: []])
            else { continue }
            let spelling: PlaceNameRomanisation.Spelling
            if let typed = n.pinyin {
                spelling = .init(register: typed, sign: PlaceNameRomanisation.withoutMarks(typed))
            } else if case .success(let generated) = PlaceNameRomanisation.spell(
                specific: parts.specific, generic: parts.generic, category: n.category)
            {
                spelling = generated
            } else {
                continue
            }
            held[key, default: []].append(.init(name: n.name, soundKey: sound))
            // Every 25th is a fresh proposal, every 20th in publicity; the rest are announced.
            let (status, fields): (PlaceNameStatus, PlaceNameStore.StepFields) =
                i % 25 == 24
                ? (.proposed, .init())
                : i % 20 == 19
                    ? (.publicised, .init(publicityEnds: today.adding(days: 10)))
                    : (
                        .announced,
                        .init(
                            publicityEnds: today.adding(days: -400 - i), approvingBody: "常州市人民政府",
                            approvedOn: today.adding(days: -380 - i), announcedOn: today.adding(days: -370 - i))
                    )
            proposals.append(
                (
                    PlaceNameStore.Proposal(
                        id: UUID(), county: n.county, region: n.county, category: n.category, name: n.name,
                        parts: parts,
                        spelling: spelling, soundKey: sound, meaning: n.meaning, history: nil, latitude: nil,
                        longitude: nil, red: n.story != nil, redStory: n.story, basis: nil, replaces: nil,
                        proposedBy: "演示数据"), status, fields
                ))
        }
        let now = app.platform.clock.now
        let rows = proposals
        let announced = try await app.writer(actor: .system("demo")).transaction { tx, audit in
            let store = PlaceNameStore(db: tx)
            var announced = 0
            let signs = PlaceNameSignStore(db: tx)
            for (proposal, status, fields) in rows
            where try await store.insert(proposal, status: status, fields, at: now) {
                guard status == .announced, let announcedOn = fields.announcedOn else { continue }
                announced += 1
                // A sign at the start of every third announced road, one in five of them found faded.
                guard proposal.category == .road, announced % 3 == 0 else { continue }
                let sign = UUID()
                try await signs.insert(
                    id: sign, placeName: proposal.id, region: proposal.region, kind: .roadSign,
                    location: "\(proposal.name)起点", installedOn: announcedOn.adding(days: 30), at: now)
                if announced % 15 == 0 {
                    try await signs.inspect(
                        sign: sign, on: today.adding(days: -7), condition: .faded, note: "字面褪色，需更换",
                        by: "演示数据", at: now)
                }
            }
            try await audit.record(
                "placeName.seed", entity: "place_name", id: nil, region: RegionTable.changzhou.value,
                after: ["names": "\(rows.count)", "announced": "\(announced)"])
            return announced
        }
        return (proposals.count, announced)
    }
}
