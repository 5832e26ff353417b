@testable import MinzhengCore
@testable import MinzhengDemo
import Testing

@Suite("Family search matching: Chinese names by sound, the fields, calibrated scores")
struct FamilySearchMatchingTests {
    static let today = CivilDate(year: 2026, month: 12, day: 1)!
    /// Counted once on the generator's labelled set (seed 2026); the checks below use other seeds.
    static let model = FamilySearchSynthetic.startingModel(today: today)

    @Test(
        "readings with tones, without tones and folded for dialects",
        arguments: [
            ("张", false, "zhang1", "zhang", "zan"),
            ("章", false, "zhang1", "zhang", "zan"),
            ("王", false, "wang2", "wang", "wan"),
            ("汪", false, "wang1", "wang", "wan"),
            ("刘", false, "liu2", "liu", "liu"),
            ("牛", false, "niu2", "niu", "liu"),
            ("陈", false, "chen2", "chen", "cen"),
            ("沈", true, "shen3", "shen", "sen"),
            ("黄", false, "huang2", "huang", "fan"),
            ("方", false, "fang1", "fang", "fan"),
            ("单", true, "shan4", "shan", "san"),
            ("单", false, "dan1", "dan", "dan"),
            ("曾", true, "zeng1", "zeng", "zen"),
            ("林", false, "lin2", "lin", "lin"),
            ("凌", false, "ling2", "ling", "lin"),
        ] as [(Character, Bool, String, String, String)])
    func readings(_ c: Character, _ surname: Bool, _ tones: String, _ toneless: String, _ fuzzy: String) {
        let r = Pinyin.reading(c, surname: surname)
        #expect(r == tones)
        #expect(r.map(Pinyin.toneless) == toneless)
        #expect(r.map(Pinyin.fuzzy) == fuzzy)
    }

    @Test(
        "names agree at the right level",
        arguments: [
            (["张伟"], ["张伟"], NameAgreement.exact),
            (["章伟"], ["张伟"], .sameTones),
            (["汪强"], ["王强"], .sameToneless),
            (["刘建华"], ["牛建华"], .nearSound),
            (["陈明"], ["岑明"], .nearSound),
            (["黄飞"], ["方飞"], .nearSound),
            (["肖红"], ["萧红"], .sameToneless),
            (["阿强"], ["王建强"], .nickname),
            (["小强"], ["王建强", "阿强"], .nickname),
            (["伟伟"], ["李伟"], .nickname),
            (["阿强"], ["李强", "阿强"], .nickname),
            (["王"], ["王建国"], .surnameOnly),
            (["王丽"], ["王建国"], .surnameOnly),
            (["欧阳明"], ["欧阳华"], .surnameOnly),
            (["李明"], ["王建国"], .disagree),
            (["阿三"], ["王建国"], .disagree),
        ] as [([String], [String], NameAgreement)])
    func names(_ found: [String], _ lost: [String], _ expected: NameAgreement) {
        #expect(NameAgreement.compare(found.compactMap(NameForms.init), lost.compactMap(NameForms.init)) == expected)
    }

    @Test("a missing name on either side is not compared")
    func missingName() {
        #expect(NameAgreement.compare([], NameForms("王建国").map { [$0] }!) == nil)
    }

    @Test(
        "homophones of the table read the same",
        arguments: ["张", "王", "李", "伟", "强", "丽"] as [Character])
    func homophones(_ c: Character) {
        let others = Pinyin.homophones(of: c)
        #expect(!others.isEmpty)
        for o in others { #expect(Pinyin.reading(o) == Pinyin.reading(c)) }
        for o in Pinyin.nearHomophones(of: c) {
            #expect(Pinyin.reading(o).map(Pinyin.fuzzy) == Pinyin.reading(c).map(Pinyin.fuzzy))
            #expect(Pinyin.reading(o).map(Pinyin.toneless) != Pinyin.reading(c).map(Pinyin.toneless))
        }
    }

    @Test(
        "dialects name their region",
        arguments: [
            ("常州口音", DialectGroup.wu, "320402", true),
            ("说河南话", .zhongyuan, "410105", true),
            ("苏北口音", .zhongyuan, "320303", true),
            ("四川话", .southwest, "510104", true),
            ("常州话", .wu, "410105", false),
        ] as [(String, DialectGroup, String, Bool)])
    func dialects(_ accent: String, _ group: DialectGroup, _ region: String, _ spoken: Bool) {
        #expect(DialectGroup(accent: accent) == group)
        #expect(group.spoken(in: region) == spoken)
    }

    @Test("普通话 says nothing of home; 徐州 is 中原官话 though in Jiangsu")
    func dialectEdges() {
        #expect(DialectGroup(accent: "普通话") == nil)
        #expect(DialectGroup.of(region: "320303") == .zhongyuan)
        #expect(DialectGroup.of(region: "320402") == .wu)
    }

    @Test("features as words with their body place")
    func features() {
        let a = FeatureWords("左脸有痣，右腿跛")
        #expect(a.marks.contains(.init(word: "痣", place: "左脸")))
        #expect(a.marks.contains(.init(word: "跛", place: "右腿")))
        #expect(FeatureWords("走路瘸，有刺青").marks.map(\.word).sorted() == ["纹身", "跛"])
    }

    static let featureCases: [(text: String?, marks: Set<FeatureWords.Mark>)] = [
        (nil, []),
        ("", []),
        ("无明显特征", []),
        ("聋哑", [.init(word: "聋哑", place: nil)]),  // the two-character word, not 聋
        ("秃顶，秃", [.init(word: "秃顶", place: nil), .init(word: "秃", place: nil)]),
        ("脸上左脸有痣", [.init(word: "痣", place: "左脸")]),  // 左脸 is listed before 脸
        ("右手有疤又有痣", [.init(word: "疤", place: "右手"), .init(word: "痣", place: nil)]),
        ("左眼斜视瞎", [.init(word: "斜视", place: "左眼"), .init(word: "瞎", place: nil)]),
        ("脖子上有胎记；下巴有痣", [.init(word: "胎记", place: "脖子"), .init(word: "痣", place: "下巴")]),
        ("左手六指 头上有疤", [.init(word: "六指", place: "左手"), .init(word: "疤", place: "头")]),
        ("豁嘴、结巴,烧伤", [.init(word: "兔唇", place: nil), .init(word: "口吃", place: nil), .init(word: "烫伤", place: nil)]),
    ]

    @Test("features: words, synonyms and places", arguments: featureCases)
    func featureWords(text: String?, marks: Set<FeatureWords.Mark>) {
        #expect(FeatureWords(text).marks == marks)
    }

    /// The first reading of features (every word searched with `range(of:)`), kept as the
    /// definition the faster table reading must agree with.
    static func referenceMarks(_ text: String) -> Set<FeatureWords.Mark> {
        var marks = Set<FeatureWords.Mark>()
        for clause in text.split(whereSeparator: { "，,、；;。 \n".contains($0) }) {
            var rest = Substring(clause)
            while true {
                var best: (String, Range<Substring.Index>)?
                for w in FeatureWords.words {
                    if let r = rest.range(of: w), best == nil || r.lowerBound < best!.1.lowerBound { best = (w, r) }
                }
                guard let (word, range) = best else { break }
                let before = rest[..<range.lowerBound]
                let place = FeatureWords.places.first { before.contains($0) }
                marks.insert(.init(word: FeatureWords.synonyms[word] ?? word, place: place))
                rest = rest[range.upperBound...]
            }
        }
        return marks
    }

    @Test("features: the table reading agrees with searching every word, on random texts")
    func featureWordsAgreeWithSearch() {
        var random = SplitMix64(seed: 7)
        let pieces = FeatureWords.words + FeatureWords.places + ["有", "上", "一块", "，", "、", " ", "左", "指"]
        for _ in 0..<3000 {
            let text = (0..<random.below(9)).map { _ in pieces[random.below(pieces.count)] }.joined()
            #expect(FeatureWords(text).marks == Self.referenceMarks(text), "\(text)")
        }
    }

    @Test("fields: age window from the estimate, height, found before lost, place")
    func fields() {
        let lost = PreparedProfile(
            FamilySearchProfile(
                side: .lost, name: "王建国", sex: .male, birthDate: CivilDate(year: 1950, month: 3, day: 1),
                heightCm: 168, homeRegion: "410105", place: "320402", date: CivilDate(year: 2026, month: 5, day: 1),
                features: "左脸有痣"))
        func found(age: Int, height: Int, on date: CivilDate, place: String = "320402") -> ComparisonVector {
            .compare(
                found: PreparedProfile(
                    FamilySearchProfile(
                        side: .found, sex: .male, age: age, heightCm: height, dialect: "河南口音", place: place,
                        date: date, features: "左脸有黑痣")), lost: lost)
        }
        let june = CivilDate(year: 2026, month: 6, day: 1)!
        let v = found(age: 78, height: 166, on: june)
        #expect(v[.age] == 0)
        #expect(v[.height] == 0)
        #expect(v[.origin] == 1)
        #expect(v[.whereWhen] == 0)
        #expect(v[.features] == 0)
        #expect(v[.name] == nil)
        #expect(found(age: 70, height: 176, on: june)[.age] == 1)
        #expect(found(age: 60, height: 190, on: june)[.age] == 2)
        #expect(found(age: 60, height: 190, on: june)[.height] == 2)
        #expect(found(age: 76, height: 166, on: CivilDate(year: 2026, month: 1, day: 1)!)[.whereWhen] == 4)
        #expect(found(age: 76, height: 166, on: june, place: "320205")[.whereWhen] == 2)
    }

    @Test("a nameless notice compares the same with its candidates' names left unromanised")
    func namelessSkipsNames() {
        let notice = PreparedProfile(
            FamilySearchProfile(
                side: .found, sex: .male, age: 76, heightCm: 166, dialect: "河南口音", place: "320402",
                date: CivilDate(year: 2026, month: 6, day: 1), features: "左脸有黑痣"))
        #expect(!notice.comparesNames)
        let reports = [
            FamilySearchProfile(
                side: .lost, name: "王建国", nicknames: ["国国"], sex: .male,
                birthDate: CivilDate(year: 1950, month: 3, day: 1), heightCm: 168, homeRegion: "410105",
                place: "320402", date: CivilDate(year: 2026, month: 5, day: 1), features: "左脸有痣"),
            FamilySearchProfile(side: .lost, name: "李秀英", sex: .female, heightCm: 150, features: "右腿跛"),
        ]
        for report in reports {
            let full = FamilySearchIndex.compare(notice, PreparedProfile(report))
            #expect(full == FamilySearchIndex.compare(notice, PreparedProfile(report, names: false)))
            #expect(full[.name] == nil)
            #expect(PreparedProfile(report).comparesNames && !PreparedProfile(report, names: false).comparesNames)
        }
    }

    @Test("a child lost young has grown since: a taller notice still fits")
    func childGrowth() {
        let lost = PreparedProfile(
            FamilySearchProfile(
                side: .lost, name: "李强", sex: .male, age: 5, heightCm: 105,
                date: CivilDate(year: 2016, month: 1, day: 1)))
        let found = PreparedProfile(
            FamilySearchProfile(
                side: .found, sex: .male, age: 15, heightCm: 165, date: CivilDate(year: 2026, month: 1, day: 1)))
        #expect(ComparisonVector.compare(found: found, lost: lost)[.height] == 1)
    }

    /// The model was fitted on 3 000 reports; the larger file checks that a score keeps its
    /// meaning when every query meets about eight times as many candidates.
    @Test(
        "calibration: on a generated labelled set, each score band's predicted rate is near the observed",
        arguments: [(4000, 1500, 7 as UInt64), (24000, 800, 11)])
    func calibration(reports: Int, notices: Int, seed: UInt64) {
        let model = Self.model
        // A fresh set from another seed: the model never saw it.
        let set = FamilySearchSynthetic.generate(reports: reports, notices: notices, seed: seed, today: Self.today)
        let scored = set.candidateQueries().flatMap { q in
            zip(model.scores(q.vectors), q.pairs).map { (score: $0, same: $1.1) }
        }
        let bands = CalibrationBand.bands(scored)
        for band in bands where band.pairs >= 40 {
            #expect(abs(band.predicted - band.observed) < 0.15, "\(band)")
        }
        // The top band is mostly true matches and the bottom band nearly none.
        #expect(bands.last!.observed > 0.85)
        #expect(bands.first!.observed < 0.02)
    }

    @Test("EM recovers m, u and the prior from unlabelled pairs drawn from a known model")
    func expectationMaximisation() {
        // Three fields of three levels, conditionally independent: what Fellegi–Sunter assumes.
        let m: [[Double]] = [[0.8, 0.15, 0.05], [0.7, 0.2, 0.1], [0.75, 0.2, 0.05]]
        let u: [[Double]] = [[0.05, 0.15, 0.8], [0.1, 0.3, 0.6], [0.2, 0.3, 0.5]]
        var state: UInt64 = 19
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        func draw(_ p: [Double]) -> Int {
            var x = uniform()
            for (i, q) in p.enumerated() {
                if x < q { return i }
                x -= q
            }
            return p.count - 1
        }
        var pairs: [ComparisonVector] = []
        for _ in 0..<40_000 {
            let same = uniform() < 0.1
            var levels: [Int?] = Array(repeating: nil, count: MatchField.allCases.count)
            levels[MatchField.name.rawValue] = draw(same ? m[0] : u[0])
            levels[MatchField.age.rawValue] = draw(same ? m[1] : u[1])
            levels[MatchField.height.rawValue] = draw(same ? m[2] : u[2])
            pairs.append(ComparisonVector(levels: levels))
        }
        let model = MatchModel.estimate(pairs: pairs, iterations: 200, initialPrior: 0.05, updateU: true)
        #expect(abs(model.prior - 0.1) < 0.02, "\(model.prior)")
        #expect(abs(model.m[MatchField.name.rawValue][0] - 0.8) < 0.05)
        #expect(abs(model.u[MatchField.age.rawValue][2] - 0.6) < 0.05)
    }

    @Test(
        "candidates alike share the chance: a query's scores add up to at most 1, and the top 10 carry the same scores")
    func rivals() throws {
        let model = Self.model
        let set = FamilySearchSynthetic.generate(reports: 3000, notices: 200, seed: 13, today: Self.today)
        let index = FamilySearchIndex(set.reports)
        for notice in set.notices {
            let query = PreparedProfile(notice)
            let vectors = index.pairs(for: query).map(\.vector)
            let scores = model.scores(vectors)
            #expect(scores.reduce(0, +) <= 1 + 1e-9)
            // The ranked top 10 carry the scores of all the candidates, the best ten of them.
            let top = index.top(10, for: query, model: model).map(\.score)
            #expect(zip(top, scores.sorted(by: >)).allSatisfy { abs($0 - $1) < 1e-12 }, "\(top)")
            // Scored by shares on the cores: the same ten, the same scores.
            let candidates = index.candidates(for: query).map {
                RankingCandidate(id: $0, profile: index.profiles[$0], tie: TieKey($0))
            }
            let shared = model.top(10, for: query, among: candidates, parallelFrom: 1)
            let alone = model.top(10, for: query, among: candidates, parallelFrom: .max)
            #expect(shared.map(\.id) == alone.map(\.id))
            #expect(zip(shared, alone).allSatisfy { abs($0.score - $1.score) < 1e-12 })
        }
        // A strong candidate alone, then beside its double: each of the two has less than half.
        let strong = try #require(
            set.notices.lazy.compactMap { n -> ComparisonVector? in
                let pairs = index.pairs(for: PreparedProfile(n))
                return pairs.map(\.vector).first { model.scores([$0])[0] > 0.9 }
            }.first)
        #expect(model.scores([strong])[0] > 0.9)
        #expect(model.scores([strong, strong]).allSatisfy { $0 < 0.5 })
    }

    @Test("recall: the true report is among the top 10 for most found people")
    func recall() {
        let model = Self.model
        let set = FamilySearchSynthetic.generate(reports: 3000, notices: 600, seed: 11, today: Self.today)
        let index = FamilySearchIndex(set.reports)
        var found = 0
        var total = 0
        for (n, notice) in set.notices.enumerated() {
            guard let truth = set.truth[n] else { continue }
            total += 1
            if index.top(10, for: PreparedProfile(notice), model: model).contains(where: { $0.id == truth }) {
                found += 1
            }
        }
        #expect(total > 100)
        #expect(Double(found) / Double(total) > 0.8, "recall@10 \(found)/\(total)")
    }
}
