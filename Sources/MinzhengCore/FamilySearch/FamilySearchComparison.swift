/// The fields the matcher compares, each with its agreement levels (best first).
public enum MatchField: Int, CaseIterable, Sendable, Codable {
    case name, age, sex, height, origin, whereWhen, features

    public var levels: Int {
        switch self {
        case .name: NameAgreement.allCases.count
        case .age: 3
        case .sex: 2
        case .height: 3
        case .origin: 3
        case .whereWhen: 5
        case .features: 3
        }
    }

    public var key: String {
        switch self {
        case .name: "name"
        case .age: "age"
        case .sex: "sex"
        case .height: "height"
        case .origin: "origin"
        case .whereWhen: "whereWhen"
        case .features: "features"
        }
    }

    /// The level's meaning in words, for the "why" of a candidate.
    public func describe(_ level: Int) -> String {
        switch self {
        case .name: NameAgreement(rawValue: level)?.chinese ?? ""
        case .age: ["年龄相近", "年龄在估计范围内", "年龄不符"][level]
        case .sex: ["性别相同", "性别不同"][level]
        case .height: ["身高相近", "身高在范围内", "身高不符"][level]
        case .origin: ["方言相同", "口音与籍贯相符", "口音与籍贯不符"][level]
        case .whereWhen: ["走失与发现在同一区县", "走失与发现在同一城市", "走失与发现在同一省", "走失与发现地相距较远", "发现早于走失"][level]
        case .features: ["特征及部位相同", "特征相同", "特征不同"][level]
        }
    }
}

/// Tolerances of the comparison (FAMILY-SEARCH.md): the age window grows with the estimate
/// (± 3 years under 20, ± 5 to 50, ± 8 above), heights within ± 8 cm (close within 3).
public struct MatchTolerances: Sendable, Hashable, Codable {
    public var ageWindows: [(below: Int, years: Int)] { [(20, youngWindow), (51, middleWindow), (Int.max, oldWindow)] }
    public var youngWindow = 3
    public var middleWindow = 5
    public var oldWindow = 8
    public var heightWithin = 8
    public var heightClose = 3
    /// Growth a child lost young may have had per year since, at most.
    public var childGrowthPerYear = 7

    public static let standard = MatchTolerances()

    public func ageWindow(estimate: Int) -> Int { ageWindows.first { estimate < $0.below }!.years }
}

/// One side's profile prepared once for many comparisons.
public struct PreparedProfile: Sendable {
    public let profile: FamilySearchProfile
    let names: [NameForms]
    /// Whether a candidate's names matter to this query (it has one to compare).
    public var comparesNames: Bool { !names.isEmpty }
    let features: FeatureWords
    /// The dialect stated.
    let dialect: DialectGroup?
    /// The dialect stated, else the one of the home region (for blocking).
    let origin: DialectGroup?

    /// `names: false` leaves the names unromanised: a candidate of a query without a name is
    /// compared on everything but the name (`NameAgreement.compare` needs both sides), and its
    /// pinyin forms were most of the cost of a nameless query's few thousand candidates.
    public init(_ profile: FamilySearchProfile, names withNames: Bool = true) {
        self.profile = profile
        names = withNames ? ([profile.name].compactMap { $0 } + profile.nicknames).compactMap(NameForms.init) : []
        features = FeatureWords(profile.features)
        dialect = profile.dialect.flatMap(DialectGroup.init(accent:))
        origin = dialect ?? profile.homeRegion.flatMap(DialectGroup.of(region:))
    }

    /// Blocking keys: sex, a five-year birth band, and a name or origin key. A record is stored
    /// under all its keys (`n:` surname and last given character by their folded pinyin, `s:` the
    /// surname, `g:` the last given character, `o:` the dialect group); a found person looks up
    /// only the narrowest it has — the full name's `n:` (and a nickname's `g:`), a single
    /// character's `s:` and `g:`, no name the dialect's `o:` — so that a notice meets a few
    /// thousand of a million reports. A lost person (a family's report) looks up every key: the
    /// notices are far fewer.
    public func blockingKeys(query: Bool = false, tolerances: MatchTolerances = .standard) -> [String] {
        let sexes = profile.sex.map { [$0.rawValue] } ?? ["male", "female"]
        let bands: [Int]
        if let birthYear = profile.birthYear {
            let window =
                query && profile.side == .found && profile.birthDate == nil
                ? tolerances.ageWindow(estimate: profile.age ?? 0) + 1 : 1
            bands = Array(Set((birthYear - window...birthYear + window).map { Self.band($0) })).sorted()
        } else if query {
            // No age on the query: every band of the living.
            bands = Array(Self.band(1900)...Self.band(2100))
        } else {
            bands = [-1]
        }
        var parts = Set<String>()
        let narrow = query && profile.side == .found
        for n in names {
            let given = n.lastGivenKey.map { "g:" + $0 }
            if let s = n.surnameKey {
                parts.insert("n:\(s)/\(n.lastGivenKey ?? "")")
                if !narrow { parts.insert("s:" + s) }
            } else if narrow && n.text.count == 1 {
                parts.insert("s:" + (n.lastGivenKey ?? ""))
            }
            if let given, !narrow || n.surname == nil { parts.insert(given) }
        }
        if let origin, !narrow || names.isEmpty { parts.insert("o:" + origin.rawValue) }
        if parts.isEmpty { parts.insert("*") }
        var keys: [String] = []
        for sex in sexes { for band in bands { for part in parts.sorted() { keys.append("\(sex)|\(band)|\(part)") } } }
        return keys
    }

    static func band(_ year: Int) -> Int { year >= 0 ? year / 5 : -1 }
}

/// The agreement levels of a (found, lost) pair, field by field; nil where a side is missing.
public struct ComparisonVector: Sendable, Hashable, Codable {
    public var levels: [Int?]

    public subscript(field: MatchField) -> Int? {
        get { levels[field.rawValue] }
        set { levels[field.rawValue] = newValue }
    }

    public init(levels: [Int?]) { self.levels = levels }

    public static func compare(
        found f: PreparedProfile, lost l: PreparedProfile, tolerances t: MatchTolerances = .standard
    ) -> ComparisonVector {
        var v = ComparisonVector(levels: Array(repeating: nil, count: MatchField.allCases.count))
        v[.name] = NameAgreement.compare(f.names, l.names)?.rawValue
        let fp = f.profile
        let lp = l.profile
        if let fs = fp.sex, let ls = lp.sex { v[.sex] = fs == ls ? 0 : 1 }
        // Age on the day found: the found person's estimate (or birth date) against the lost one's.
        let day = fp.date ?? lp.date
        if let day, let lostBirth = lp.birthYear {
            let lostAge = lp.birthDate.map { $0.age(on: day) } ?? (day.year - lostBirth)
            let foundAge = fp.birthDate.map { $0.age(on: day) } ?? fp.age
            if let foundAge {
                let window = fp.birthDate != nil ? 1 : t.ageWindow(estimate: foundAge)
                let diff = abs(foundAge - lostAge)
                v[.age] = diff * 2 <= window ? 0 : diff <= window ? 1 : 2
            }
        }
        if let fh = fp.heightCm, let lh = lp.heightCm {
            let lostAge = lp.age ?? lp.birthDate.flatMap { b in lp.date.map { b.age(on: $0) } }
            let years = (fp.date?.year ?? 0) - (lp.date?.year ?? 0)
            if let lostAge, lostAge < 18, years >= 1 {
                let growth = min(years * t.childGrowthPerYear, 80)
                v[.height] = fh >= lh - t.heightWithin && fh <= lh + growth + t.heightWithin ? 1 : 2
            } else {
                let d = abs(fh - lh)
                v[.height] = d <= t.heightClose ? 0 : d <= t.heightWithin ? 1 : 2
            }
        }
        if let fd = f.dialect {
            if let ld = l.dialect, ld == fd {
                v[.origin] = 0
            } else if let home = lp.homeRegion, fd.spoken(in: home) {
                v[.origin] = 1
            } else if l.dialect != nil || lp.homeRegion != nil {
                v[.origin] = 2
            }
        }
        if let fdate = fp.date, let ldate = lp.date, fdate < ldate {
            v[.whereWhen] = 4
        } else if let fplace = fp.place, let lplace = lp.place {
            let common = zip(fplace, lplace).prefix { $0 == $1 }.count
            v[.whereWhen] = common >= 6 ? 0 : common >= 4 ? 1 : common >= 2 ? 2 : 3
        }
        if !f.features.marks.isEmpty && !l.features.marks.isEmpty {
            let shared = f.features.marks.intersection(l.features.marks)
            let sharedWords = Set(f.features.marks.map(\.word)).intersection(l.features.marks.map(\.word))
            v[.features] = shared.contains { $0.place != nil } ? 0 : !sharedWords.isEmpty ? 1 : 2
        }
        return v
    }
}
