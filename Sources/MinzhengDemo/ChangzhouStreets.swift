import Foundation
import MinzhengCore

/// The 67 streets and towns of Changzhou as the generator uses them, read from the
/// shipped region table: how many households each gets, its communities, how urban
/// its hukou is, and the start of its addresses.
struct ChangzhouStreet: Sendable {
    enum Kind: Sendable {
        case subdistrict  // 街道: the city proper
        case town  // 镇: a town with its villages
        case zone  // 开发区, 高新区, 度假区: development zones run as streets
        case prison  // 监狱: a statistical unit with very few households

        init(name: String) {
            if name.hasSuffix("街道") {
                self = .subdistrict
            } else if name.hasSuffix("镇") {
                self = .town
            } else if name.hasSuffix("监狱") {
                self = .prison
            } else {
                self = .zone
            }
        }

        /// Households per unit, relative within a district.
        var weight: Int {
            switch self {
            case .subdistrict: return 20
            case .town: return 14
            case .zone: return 6
            case .prison: return 1
            }
        }
    }

    let code: RegionCode
    let district: String
    let kind: Kind
    let communities: [RegionCode]
    /// `常州市天宁区雕庄街道`, as UTF-8.
    let addressPrefix: [UInt8]
    /// Share of households with urban hukou, per mille.
    let urbanPerMille: Int
    /// The address codes its residents' ID numbers carry, by year of issue.
    let idCodes: IDCodeHistory
}

enum ChangzhouStreets {
    /// Share of the city's households per district, per mille (roughly the 2020 census).
    private static let districtShares: [(code: String, perMille: Int)] = [
        ("320402", 130), ("320404", 125), ("320411", 150), ("320412", 340), ("320413", 110), ("320481", 145),
    ]

    /// Every street of the shipped table, weighted by its expected share of households.
    static let weighted: WeightedChoice<ChangzhouStreet> = {
        let table = RegionTable.shipped
        let streets = table.streets(under: RegionTable.changzhou).map { code in
            street(code, name: table.name(of: code)!, districtName: table.name(of: code.parent!)!)
        }
        var weighted: [(ChangzhouStreet, Int)] = []
        for (district, perMille) in districtShares {
            let inDistrict = streets.filter { $0.district == district }
            let kindTotal = inDistrict.reduce(0) { $0 + $1.kind.weight }
            // Scaled by 1000 so that the smallest unit (a prison) keeps a weight above zero.
            weighted += inDistrict.map { ($0, perMille * 1000 * $0.kind.weight / kindTotal) }
        }
        precondition(weighted.count == streets.count, "a Changzhou street lies outside the six districts")
        return WeightedChoice(weighted)
    }()

    private static func street(_ code: RegionCode, name: String, districtName: String) -> ChangzhouStreet {
        let kind = ChangzhouStreet.Kind(name: name)
        let district = code.parent!.value
        // Community counts depend on the street code alone, so that every seed sees the
        // same communities.
        var random = SplitMix64(seed: UInt64(code.value)!)
        let communityCount: Int
        switch kind {
        case .subdistrict: communityCount = 8 + random.below(16)
        case .town: communityCount = 12 + random.below(16)
        case .zone: communityCount = 3 + random.below(6)
        case .prison: communityCount = 1
        }
        let communities = (1...communityCount).map { RegionCode(code.value + String(format: "%03d", $0))! }
        return ChangzhouStreet(
            code: code, district: district, kind: kind, communities: communities,
            addressPrefix: Array(("常州市" + districtName + name).utf8),
            urbanPerMille: urbanPerMille(kind: kind, district: district),
            idCodes: IDAddressCodes.history(street: code, district: district))
    }

    /// Towns are mostly rural hukou and the city proper mostly urban; Liyang and Jintan,
    /// the county-level parts, are the most rural.
    private static func urbanPerMille(kind: ChangzhouStreet.Kind, district: String) -> Int {
        let base: Int
        switch kind {
        case .subdistrict, .prison: base = 900
        case .zone: base = 700
        case .town: base = 450
        }
        switch district {
        case "320402", "320404": return min(base + 60, 980)
        case "320413", "320481": return base - 150
        default: return base
        }
    }
}
