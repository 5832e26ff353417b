/// What is known of a person on one side of a family search: a found person's notice (寻亲公告:
/// what the person said their name was, the estimated age on the day found) or a family's report
/// (寻亲登记: the name, the nicknames, the birth date or the age when lost). Every field may be
/// missing; the matcher compares what both sides have.
public struct FamilySearchProfile: Sendable, Hashable, Codable {
    public enum Side: String, Sendable, Hashable, Codable {
        /// A person found and taken in (the station's notice).
        case found
        /// A person lost (the family's report).
        case lost
    }

    public var side: Side
    public var name: String?
    public var nicknames: [String]
    public var sex: Sex?
    public var birthDate: CivilDate?
    /// The age on `date`: estimated by the station for a found person, told by the family for a lost one.
    public var age: Int?
    public var heightCm: Int?
    public var dialect: String?
    /// The home region (region code, any length) a family gives.
    public var homeRegion: String?
    /// Where found or lost (region code, any length).
    public var place: String?
    /// The day found or lost.
    public var date: CivilDate?
    public var features: String?

    public init(
        side: Side, name: String? = nil, nicknames: [String] = [], sex: Sex? = nil, birthDate: CivilDate? = nil,
        age: Int? = nil, heightCm: Int? = nil, dialect: String? = nil, homeRegion: String? = nil,
        place: String? = nil, date: CivilDate? = nil, features: String? = nil
    ) {
        self.side = side
        self.name = name
        self.nicknames = nicknames
        self.sex = sex
        self.birthDate = birthDate
        self.age = age
        self.heightCm = heightCm
        self.dialect = dialect
        self.homeRegion = homeRegion
        self.place = place
        self.date = date
        self.features = features
    }

    /// The birth year: from the birth date, else from the age on the day (nil without either).
    public var birthYear: Int? {
        if let birthDate { return birthDate.year }
        if let age, let date { return date.year - age }
        return nil
    }

    /// Checks a profile entered by staff or a family: ages and heights in human ranges, found or
    /// lost not in the future, names of Chinese characters (or a nickname) up to 12 characters.
    public func validated(today: CivilDate) throws -> FamilySearchProfile {
        if let age, !(0...120).contains(age) { throw Refusal.invalid("estimatedAge", "年龄应在 0–120 岁之间") }
        if let heightCm, !(40...230).contains(heightCm) { throw Refusal.invalid("heightCm", "身高应在 40–230 厘米之间") }
        if let date, date > today { throw Refusal.invalid(side == .found ? "foundOn" : "lostOn", "日期不能晚于今天") }
        if let birthDate, birthDate > today { throw Refusal.invalid("birthDate", "出生日期不能晚于今天") }
        for text in [name].compactMap({ $0 }) + nicknames where text.count > 12 {
            throw Refusal.invalid("name", "姓名过长（最多 12 字）")
        }
        if let features, features.count > 500 { throw Refusal.invalid("features", "特征描述过长（最多 500 字）") }
        return self
    }
}
