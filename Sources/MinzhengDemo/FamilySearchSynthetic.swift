import MinzhengCore

/// A labelled family-search set: families' reports of missing people and stations' notices of
/// found people, some of them the same person seen twice with the errors real notices have —
/// a homophone written for the name (章伟 for 张伟), a dialect's near sound, only the nickname a
/// child remembers (阿强), no name at all, an age guessed years off, a height measured
/// differently, a feature not noticed. The tests check the matcher's calibration on it and
/// `minzheng bench family-search` its recall and precision; the demo seeds from it.
public struct FamilySearchSynthetic: Sendable {
    public var reports: [FamilySearchProfile] = []
    public var notices: [FamilySearchProfile] = []
    /// For each notice, the index of the report of the same person, or nil.
    public var truth: [Int?] = []

    static let homes: [(String, Int)] = [
        ("320402", 12), ("320411", 10), ("320412", 10), ("320481", 6), ("320413", 6), ("320205", 5), ("320506", 5),
        ("320102", 4), ("321002", 4), ("320303", 5), ("321302", 3), ("340104", 4), ("341204", 3), ("410105", 5),
        ("411503", 3), ("510104", 3), ("500103", 2), ("330106", 3), ("310104", 3), ("430102", 2), ("360102", 2),
        ("370102", 2), ("230102", 1), ("140105", 1), ("440106", 1), ("350102", 1),
    ]
    static let featureWords = ["痣", "疤", "胎记", "跛", "缺指", "纹身", "斜视", "驼背", "口吃", "假牙"]
    static let places = ["左脸", "右脸", "额头", "左手", "右手", "左腿", "右腿", "背", "颈"]

    public init() {}

    /// `reports` families' reports and `notices` notices, of which about `matchedPerMille`
    /// per mille are a reported person found; reproducible from `seed`.
    public static func generate(
        reports reportCount: Int, notices noticeCount: Int, matchedPerMille: Int = 400, seed: UInt64 = 19,
        today: CivilDate
    ) -> FamilySearchSynthetic {
        var random = SplitMix64(seed: seed)
        var set = FamilySearchSynthetic()
        set.reports.reserveCapacity(reportCount)
        var text = UTF8Text()
        let homeChoice = WeightedChoice(homes)
        var people: [Person] = []
        people.reserveCapacity(reportCount)
        for _ in 0..<reportCount {
            let person = Person.make(&random, text: &text, homes: homeChoice, today: today)
            people.append(person)
            set.reports.append(person.report(&random))
        }
        var matched = Set<Int>()
        for _ in 0..<noticeCount {
            if reportCount > 0, random.chance(perMille: matchedPerMille) {
                var index = random.below(reportCount)
                var tries = 0
                while matched.contains(index) && tries < 5 {
                    index = random.below(reportCount)
                    tries += 1
                }
                if !matched.contains(index) {
                    matched.insert(index)
                    set.notices.append(people[index].notice(&random, today: today))
                    set.truth.append(index)
                    continue
                }
            }
            let stranger = Person.make(&random, text: &text, homes: homeChoice, today: today)
            set.notices.append(stranger.notice(&random, today: today))
            set.truth.append(nil)
        }
        return set
    }

    /// One missing person as they really are.
    struct Person {
        var name: String
        var sex: Sex
        var birthDate: CivilDate
        var home: String
        var lostOn: CivilDate
        var lostPlace: String
        var heightAtLoss: Int
        var adultHeight: Int
        var marks: [(String, String)]

        static func make(
            _ random: inout SplitMix64, text: inout UTF8Text, homes: WeightedChoice<String>, today: CivilDate
        ) -> Person {
            let sex: Sex = random.chance(perMille: 550) ? .male : .female
            // Who goes missing: the old with dementia, adults with an intellectual disability, children.
            let kind = random.below(10)
            let ageAtLoss =
                kind < 4 ? random.inRange(62...90) : kind < 8 ? random.inRange(18...55) : random.inRange(3...14)
            let yearsAgo = kind < 8 ? random.below(4) : random.inRange(1...25)
            let lostOn = today.adding(days: -(yearsAgo * 365 + random.below(365)))
            let birthDate = lostOn.adding(days: -(ageAtLoss * 365 + random.below(365)))
            let name = ChineseNames.make(
                surname: ChineseNames.surnames.pick(&random), sex: sex, birthYear: birthDate.year, buffer: &text,
                random: &random)
            let home = homes.pick(&random)
            let adult = sex == .male ? random.inRange(160...182) : random.inRange(150...168)
            let height = ageAtLoss < 16 ? min(adult, 75 + ageAtLoss * 6) : ageAtLoss > 75 ? adult - 4 : adult
            var marks: [(String, String)] = []
            for _ in 0..<random.below(3) {
                marks.append((featureWords[random.below(featureWords.count)], places[random.below(places.count)]))
            }
            let lostPlace = random.chance(perMille: 700) ? home : homes.pick(&random)
            return Person(
                name: name, sex: sex, birthDate: birthDate, home: home, lostOn: lostOn, lostPlace: lostPlace,
                heightAtLoss: height, adultHeight: adult, marks: marks)
        }

        func report(_ random: inout SplitMix64) -> FamilySearchProfile {
            let last = String(name.last!)
            var nicknames: [String] = []
            if random.chance(perMille: 600) {
                nicknames.append(
                    random.chance(perMille: 500) ? "阿" + last : random.chance(perMille: 500) ? "小" + last : last + last)
            }
            let useBirthDate = random.chance(perMille: 600)
            return FamilySearchProfile(
                side: .lost, name: name, nicknames: nicknames, sex: sex,
                birthDate: useBirthDate ? birthDate : nil,
                age: useBirthDate ? nil : birthDate.age(on: lostOn),
                heightCm: random.chance(perMille: 800) ? heightAtLoss + random.inRange(-2...2) : nil,
                dialect: random.chance(perMille: 700) ? DialectGroup.of(region: home)?.rawValue : nil,
                homeRegion: home, place: lostPlace, date: lostOn,
                features: marks.isEmpty ? nil : marks.map { "\($0.1)有\($0.0)" }.joined(separator: "，"))
        }

        func notice(_ random: inout SplitMix64, today: CivilDate) -> FamilySearchProfile {
            let span = max(1, min(today.daysSinceEpoch - lostOn.daysSinceEpoch, 365 * 20))
            let foundOn = lostOn.adding(days: random.below(span))
            let age = birthDate.age(on: foundOn)
            let sd = age < 20 ? 1 : age <= 50 ? 3 : 4
            let estimate = max(
                1, age + random.inRange(-sd...sd) + (random.chance(perMille: 100) ? random.inRange(-6...6) : 0))
            let ageAtLoss = birthDate.age(on: lostOn)
            let heightNow = age < 16 ? min(adultHeight, 75 + age * 6) : age > 75 ? adultHeight - 4 : adultHeight
            var said: String?
            let roll = random.below(1000)
            let chars = Array(name)
            let last = String(chars.last!)
            if ageAtLoss < 7 {
                said = roll < 500 ? nil : roll < 800 ? (random.chance(perMille: 500) ? "阿" + last : last + last) : name
            } else if roll < 400 {
                said = name
            } else if roll < 550 {
                let sameTone = random.chance(perMille: 600)
                said =
                    Self.replaceOne(
                        chars, &random, by: sameTone ? Pinyin.homophones(of:) : Pinyin.otherToneHomophones(of:)) ?? name
            } else if roll < 620 {
                said = Self.replaceOne(chars, &random, by: Pinyin.nearHomophones(of:)) ?? name
            } else if roll < 720 {
                said = random.chance(perMille: 500) ? "阿" + last : "小" + last
            } else if roll < 760 {
                said = String(chars[0])
            } else {
                said = nil
            }
            var features: [String] = []
            for mark in marks where random.chance(perMille: 700) {
                features.append(random.chance(perMille: 700) ? "\(mark.1)有\(mark.0)" : mark.0)
            }
            if random.chance(perMille: 150) {
                features.append(
                    "\(places[random.below(places.count)])有\(featureWords[random.below(featureWords.count)])")
            }
            let dialectRoll = random.below(1000)
            let group = DialectGroup.of(region: home)
            let dialect: String? =
                dialectRoll < 700
                ? group?.rawValue
                : dialectRoll < 800 ? DialectGroup.allCases[random.below(DialectGroup.allCases.count)].rawValue : nil
            let placeRoll = random.below(1000)
            let place =
                placeRoll < 450
                ? lostPlace
                : placeRoll < 650
                    ? String(lostPlace.prefix(4)) + "0" + String(random.inRange(1...9))
                    : placeRoll < 800 ? String(lostPlace.prefix(2)) + "0" + String(random.inRange(100...999)) : "320402"
            return FamilySearchProfile(
                side: .found, name: said, sex: random.chance(perMille: 30) ? nil : sex, age: estimate,
                heightCm: random.chance(perMille: 850) ? heightNow + random.inRange(-4...4) : nil,
                dialect: dialect, place: place, date: min(foundOn, today),
                features: features.isEmpty ? nil : features.joined(separator: "，"))
        }

        static func replaceOne(
            _ chars: [Character], _ random: inout SplitMix64, by alternatives: (Character) -> [Character]
        )
            -> String?
        {
            let at = random.below(chars.count)
            let options = alternatives(chars[at])
            guard !options.isEmpty else { return nil }
            var copy = chars
            copy[at] = options[random.below(min(options.count, 8))]
            return String(copy)
        }
    }
}

extension FamilySearchSynthetic {
    /// The model the platform starts with: m and u counted on the labelled candidate pairs of a
    /// generated set (the blocking makes candidates share a name's sound, so EM without labels
    /// mistakes namesakes for the same person there; `MatchModel.estimate` stays for data on file
    /// with wider blocks), the posterior's scale then fitted on the notices of other sets (each
    /// with its candidates, `calibrated(on:)`), a small and a large file, so that the fit is not
    /// flattered by the counts it starts from; reproducible.
    public static func startingModel(today: CivilDate) -> MatchModel {
        let counted = generate(reports: 3000, notices: 1500, matchedPerMille: 400, seed: 2026, today: today)
        // Two file sizes, so that the fit sees how the prior falls as the blocks grow.
        let labelled = [(6000, 3000, 2027 as UInt64), (30000, 1500, 2028)].flatMap { reports, notices, seed in
            generate(reports: reports, notices: notices, matchedPerMille: 400, seed: seed, today: today)
                .candidateQueries()
        }
        return MatchModel.counted(pairs: counted.candidateQueries().flatMap(\.pairs))
            .calibrated(on: labelled)
    }

    /// Each notice's candidates as the blocking finds them, with which is the reported person.
    public func candidateQueries() -> [MatchModel.LabelledQuery] {
        let index = FamilySearchIndex(reports)
        return notices.enumerated().map { n, notice in
            let pairs = index.pairs(for: PreparedProfile(notice))
            return .init(vectors: pairs.map(\.vector), truth: pairs.firstIndex { truth[n] == $0.index })
        }
    }
}
