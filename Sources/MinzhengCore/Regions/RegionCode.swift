/// A region as its statistical division code: 2 (province), 4 (prefecture), 6 (county /
/// district, GB/T 2260), 9 (street / town) or 12 (community / village) digits.
///
/// Scoping is a prefix test: a user of `320402001` sees every record whose code starts
/// with `320402001`.
public struct RegionCode: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let value: String

    public enum Level: Int, Sendable, Comparable, CaseIterable {
        case province = 2, city = 4, district = 6, street = 9, community = 12

        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }

        public var chinese: String {
            switch self {
            case .province: return "省"
            case .city: return "市"
            case .district: return "区县"
            case .street: return "街道/镇"
            case .community: return "社区/村"
            }
        }
    }

    public init?(_ text: String) {
        guard Level(rawValue: text.utf8.count) != nil, text.utf8.allSatisfy(isDigit) else { return nil }
        value = text
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let v = RegionCode(text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a region code: \(text)")
        }
        self = v
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }

    public var level: Level { Level(rawValue: value.utf8.count)! }

    /// The enclosing region one level up, or nil for a province.
    public var parent: RegionCode? {
        let levels = Level.allCases.filter { $0 < level }
        guard let up = levels.last else { return nil }
        return RegionCode(String(value.prefix(up.rawValue)))
    }

    /// Self and every enclosing region, innermost first.
    public var chain: [RegionCode] {
        var result = [self]
        while let p = result.last!.parent { result.append(p) }
        return result
    }

    /// True when `other` lies within this region (or is this region).
    public func contains(_ other: RegionCode) -> Bool { other.value.hasPrefix(value) }

    public static func < (a: RegionCode, b: RegionCode) -> Bool { a.value < b.value }

    public var description: String { value }
}
