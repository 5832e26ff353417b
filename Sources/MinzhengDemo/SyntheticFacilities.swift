import MinzhengCore

/// One demo facility: its filing as typed, and the grade it holds (residential kinds only).
public struct SyntheticFacility: Sendable {
    public let input: FacilityDraft.Input
    public let grade: Int?
    public let certifiedOn: CivilDate?
}

/// About 150 plausible elderly-care facilities over every district of Changzhou,
/// deterministic per seed: in each street or town (not the prisons) its comprehensive or
/// regional centre and a community station or rural mutual-aid point, and care homes —
/// public, private and publicly built privately run — up to `count`. Beds, nursing shares
/// and occupancy are in the ranges the bureau reports (about 70 % nursing beds in care
/// homes); coordinates fall in their district inside 31.6–31.9 N, 119.5–120.2 E; credit
/// codes are valid GB 32100 codes of the right registration authority.
public enum SyntheticFacilities {
    /// Rough district centres inside the demo's box (Liyang drawn at the box's south-west corner).
    static let centres: [String: (lat: Double, lon: Double)] = [
        "320402": (31.79, 120.00), "320404": (31.77, 119.92), "320411": (31.86, 119.98),
        "320412": (31.70, 119.97), "320413": (31.73, 119.60), "320481": (31.63, 119.55),
    ]
    static let words = ["康乐", "福寿", "颐和", "长青", "松鹤", "夕阳红", "金色年华", "安康", "乐龄", "悦心", "孝贤", "怡园"]

    public static func generate(seed: UInt64 = 1, count: Int = 150, today: CivilDate) -> [SyntheticFacility] {
        var random = SplitMix64(seed: seed &+ 0xFAC1)
        let table = RegionTable.shipped
        let streets = table.streets(under: RegionTable.changzhou).filter {
            !(table.name(of: $0) ?? "").hasSuffix("监狱")
        }
        var out: [SyntheticFacility] = []
        for street in streets where out.count < count {
            let name = table.name(of: street) ?? ""
            let town = name.hasSuffix("镇")
            let subdistrict = name.hasSuffix("街道")
            let centre: FacilityKind = town ? .ruralRegionalCentre : subdistrict ? .streetCentre : .communityCentre
            out.append(make(centre, street: street, streetName: name, table: table, today: today, random: &random))
            if out.count < count {
                out.append(
                    make(
                        town ? .ruralMutualAid : .communityStation, street: street, streetName: name, table: table,
                        today: today, random: &random))
            }
        }
        let homes: [FacilityKind] = [.careHomePublic, .careHomePrivate, .careHomePrivate, .careHomePublicPrivate]
        var i = 0
        while out.count < count {
            let street = streets[random.below(streets.count)]
            let home = make(
                homes[i % homes.count], street: street, streetName: table.name(of: street) ?? "", table: table,
                today: today, random: &random)
            // The report's "three reached level 5": the first three care homes, certified a year ago.
            out.append(
                i < 3 ? SyntheticFacility(input: home.input, grade: 5, certifiedOn: today.adding(days: -365)) : home)
            i += 1
        }
        return out
    }

    static func make(
        _ kind: FacilityKind, street: RegionCode, streetName: String, table: RegionTable, today: CivilDate,
        random: inout SplitMix64
    ) -> SyntheticFacility {
        let district = street.parent!.value
        let districtName = table.name(of: street.parent!) ?? ""
        let short = String(streetName.dropLast(streetName.hasSuffix("街道") ? 2 : 1))
        let word = words[random.below(words.count)]
        let name: String
        let operatorName: String
        let authority: String
        switch kind {
        case .careHomePublic:
            name = "\(districtName)\(short)\(word)敬老院"
            operatorName = "常州市\(districtName)\(short)社会福利中心"
            authority = "12"
        case .careHomePrivate:
            name = "常州\(word)\(short)养老院"
            operatorName = random.chance(perMille: 500) ? "常州\(word)养老服务有限公司" : "常州市\(districtName)\(word)养老院"
            authority = operatorName.hasSuffix("公司") ? "91" : "52"
        case .careHomePublicPrivate:
            name = "\(districtName)\(short)颐养院"
            operatorName = "江苏\(word)健康养老产业有限公司"
            authority = "91"
        case .streetCentre:
            name = "\(streetName)综合养老服务中心"
            operatorName = "常州市\(districtName)\(word)居家养老服务中心"
            authority = "52"
        case .ruralRegionalCentre:
            name = "\(streetName)区域性养老服务中心"
            operatorName = "常州市\(districtName)\(short)敬老服务中心"
            authority = "12"
        case .communityCentre:
            name = "\(short)社区居家养老服务中心"
            operatorName = "常州市\(districtName)\(word)社会工作服务社"
            authority = "52"
        case .communityStation:
            name = "\(short)\(word)居家养老服务站"
            operatorName = "常州市\(districtName)\(word)居家养老服务中心"
            authority = "52"
        case .ruralMutualAid:
            name = "\(short)\(word)村互助养老点"
            operatorName = "\(streetName)\(word)村股份经济合作社"
            authority = "N2"
        }
        let beds: Int
        switch kind {
        case .careHomePublic, .careHomePrivate, .careHomePublicPrivate: beds = random.inRange(80...400)
        case .streetCentre: beds = random.inRange(30...120)
        case .ruralRegionalCentre: beds = random.inRange(40...160)
        case .communityCentre: beds = random.inRange(0...20)
        case .communityStation: beds = random.inRange(0...8)
        case .ruralMutualAid: beds = random.inRange(0...12)
        }
        let nursingPerMille = kind.isResidential ? random.inRange(550...880) : random.inRange(0...400)
        let residentsPerMille = random.inRange(500...950)
        let centre = centres[district] ?? (31.78, 119.95)
        let lat = clamp(centre.lat + Double(random.inRange(-400...400)) / 10_000, 31.6...31.9)
        let lon = clamp(centre.lon + Double(random.inRange(-500...500)) / 10_000, 119.5...120.2)
        let filed = today.adding(days: -random.inRange(400...3_600))
        var input = FacilityDraft.Input()
        input.name = name
        input.kind = kind.rawValue
        input.operatorName = operatorName
        input.creditCode = creditCode(authority: authority, district: district, random: &random)
        input.region =
            random.chance(perMille: 300) ? street.value + String(format: "%03d", random.inRange(1...8)) : street.value
        input.address = "常州市\(districtName)\(streetName)\(word)路\(random.inRange(1...300))号"
        input.latitude = lat
        input.longitude = lon
        input.filedOn = filed.description
        input.bedsTotal = beds
        input.nursingBeds = beds * nursingPerMille / 1000
        input.residents = beds * residentsPerMille / 1000
        input.phone = "0519-8\(random.inRange(100_0000...999_9999))"
        input.fireSafetyAccepted = random.chance(perMille: 950)
        let fire = random.below(10)
        input.fireStandard = (fire < 6 ? FireSafetyStatus.compliant : fire < 9 ? .inProgress : .notStarted).rawValue
        var grade: Int?
        var certified: CivilDate?
        if kind.isGradable, random.chance(perMille: 750) {
            // Mostly 2–3, some 4; grade 5 only for the three care homes above.
            let g = random.below(100)
            grade = g < 20 ? 4 : g < 60 ? 3 : g < 85 ? 2 : 1
            // Certified within the last three years (some expiring soon, a few already past).
            certified = today.adding(days: -random.inRange(30...1_120))
        }
        return SyntheticFacility(input: input, grade: grade, certifiedOn: certified)
    }

    static func clamp(_ v: Double, _ range: ClosedRange<Double>) -> Double {
        min(max(v, range.lowerBound), range.upperBound)
    }

    /// A valid code: authority and kind, the district, a 9-character organisation code, the check.
    static func creditCode(authority: String, district: String, random: inout SplitMix64) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        let org = String(
            (0..<9).map { i in i < 2 && authority == "91" ? alphabet[random.below(10)] : alphabet[random.below(31)] })
        let first17 = authority + district + org
        return first17 + String(CreditCode.checkCharacter(for: first17) ?? "0")
    }
}
