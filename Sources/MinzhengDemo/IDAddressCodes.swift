import MinzhengCore

/// The address code (first six digits) a generated resident ID number carries.
///
/// It is the county where the number was issued, under that year's code, and a number
/// never changes. So older residents keep codes merged away since (the README of the
/// region data: never reject them), and in-migrants keep the code of their home county.
enum IDAddressCodes {
    /// Every code the generator issues; numbers are counted per index of this list.
    static let all: [String] = changzhou + origins.map(\.code)

    /// Changzhou's six current county-level codes, then the former ones still carried.
    static let changzhou = [
        "320402", "320404", "320411", "320412", "320413", "320481",
        "320421",  // 武进县, until 1995
        "320483",  // 武进市, 1995–2002, then 武进区 320412
        "320405",  // 戚墅堰区, merged into 武进区 in 2015
        "320482",  // 金坛市, 金坛区 320413 since 2015
    ]

    /// Home counties of in-migrants, weighted: Anhui and northern Jiangsu first, then the
    /// other provinces that send most workers to southern Jiangsu.
    static let origins: [(code: String, weight: Int)] = [
        ("341221", 10), ("341222", 8), ("341226", 8), ("341225", 6), ("341322", 5), ("341323", 5),
        ("341522", 6), ("341623", 4), ("340123", 3), ("341125", 3),
        ("320923", 5), ("320924", 5), ("321322", 6), ("320324", 4), ("320723", 3), ("320826", 3),
        ("411525", 5), ("411524", 3), ("411628", 3), ("411625", 3), ("411723", 2), ("411527", 2),
        ("511324", 3), ("511322", 2), ("511923", 2), ("500235", 2), ("500154", 2),
        ("421127", 2), ("421126", 2), ("361128", 2), ("360731", 2),
        ("371324", 2), ("371322", 2), ("520526", 2), ("520527", 2), ("430524", 2),
    ]

    static let origin = WeightedChoice(origins.indices.map { (changzhou.count + $0, origins[$0].weight) })

    private static func index(_ code: String) -> Int { changzhou.firstIndex(of: code)! }

    /// Units that belonged to Wujin until the given year: to Xinbei since 2002, Benniu to
    /// Xinbei and Zouqu to Zhonglou since 2015.
    private static let leftWujin: [String: Int] = [
        "320411004": 2002, "320411101": 2002, "320411103": 2002, "320411104": 2002, "320411105": 2002,
        "320411122": 2015, "320404116": 2015,
    ]
    /// The three streets of the former 戚墅堰区.
    private static let formerQishuyan: Set<String> = ["320412001", "320412002", "320412003"]

    private static let wujin = [
        IDCodeHistory.Period(until: 1995, code: index("320421")),
        IDCodeHistory.Period(until: 2002, code: index("320483")),
        IDCodeHistory.Period(until: Int.max, code: index("320412")),
    ]

    /// The codes the residents of a street received over time.
    static func history(street: RegionCode, district: String) -> IDCodeHistory {
        let current = IDCodeHistory.Period(until: Int.max, code: index(district))
        if formerQishuyan.contains(street.value) {
            return IDCodeHistory(periods: [.init(until: 2015, code: index("320405")), current])
        }
        if let year = leftWujin[street.value] {
            let before = wujin.filter { $0.until < year }
            let last = wujin.first { $0.until >= year }!
            return IDCodeHistory(periods: before + [.init(until: year, code: last.code), current])
        }
        switch district {
        case "320412": return IDCodeHistory(periods: wujin)
        case "320413": return IDCodeHistory(periods: [.init(until: 2015, code: index("320482")), current])
        default: return IDCodeHistory(periods: [current])
        }
    }

    /// Numbers of people born before 1986 were issued with the first identity cards
    /// (1984–1991); younger people's at birth registration.
    static func issueYear(birthYear: Int) -> Int { max(birthYear, 1986) }
}

/// The address codes in force for one street, by the year a number was issued.
struct IDCodeHistory: Sendable {
    struct Period: Sendable {
        /// Numbers issued before this year got `code`.
        let until: Int
        /// An index into `IDAddressCodes.all`.
        let code: Int
    }

    /// Oldest first; the last one open-ended.
    let periods: [Period]

    func code(issuedIn year: Int) -> Int { periods.first { year < $0.until }!.code }
}
