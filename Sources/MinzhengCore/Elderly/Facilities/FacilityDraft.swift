/// A facility as filed, checked field by field: what the API, the edit form and the demo
/// generator all go through. Each problem names its JSON field (`creditCode` with the
/// reason of `CreditCode.Problem`).
public struct FacilityDraft: Sendable, Hashable {
    public var name: String
    public var kind: FacilityKind
    public var operatorName: String
    public var creditCode: CreditCode
    /// A street (9 digits) or community (12 digits) code.
    public var region: RegionCode
    public var address: String
    public var latitude: Double?
    public var longitude: Double?
    public var filedOn: CivilDate
    public var bedsTotal: Int
    public var nursingBeds: Int
    public var residents: Int
    public var phone: String?
    public var fireSafetyAccepted: Bool
    public var fireStandard: FireSafetyStatus
    public var lastSeriousIncidentOn: CivilDate?

    /// The largest number of beds one facility is filed with.
    public static let maximumBeds = 10_000
    /// Changzhou with a margin: coordinates outside are a typing error (a swapped pair, a
    /// missing digit).
    public static let latitudes = 31.0...32.5
    public static let longitudes = 119.0...120.8

    /// The fields as typed: the API's JSON body (`PUT` adds the `version` the edit is based on).
    public struct Input: Sendable, Codable {
        public var name: String?
        public var kind: String?
        public var operatorName: String?
        public var creditCode: String?
        public var region: String?
        public var address: String?
        public var latitude: Double?
        public var longitude: Double?
        public var filedOn: String?
        public var bedsTotal: Int?
        public var nursingBeds: Int?
        public var residents: Int?
        public var phone: String?
        public var fireSafetyAccepted: Bool?
        public var fireStandard: String?
        public var lastSeriousIncidentOn: String?
        public var version: Int?

        public init() {}
    }

    public static func validated(_ i: Input, today: CivilDate) throws(FieldProblem) -> FacilityDraft {
        let name = try InputRules.line(i.name, field: "name", label: "设施名称", maximumLength: 100) ?? ""
        guard let kindText = i.kind?.trimmedWhitespace, let kind = FacilityKind(rawValue: kindText) else {
            throw FieldProblem(
                "kind", "设施类型应为 " + FacilityKind.allCases.map { "\($0.rawValue)（\($0.chinese)）" }.joined(separator: "、")
            )
        }
        let operatorName =
            try InputRules.line(i.operatorName, field: "operatorName", label: "运营单位", maximumLength: 100) ?? ""
        let code: CreditCode
        do { code = try CreditCode(i.creditCode ?? "") } catch { throw FieldProblem("creditCode", error.chinese) }
        guard let regionText = i.region?.trimmedWhitespace, let region = RegionCode(regionText),
            region.level == .street || region.level == .community
        else {
            throw FieldProblem("region", "所属区划应为街道（9 位）或社区（12 位）代码")
        }
        let address = try InputRules.line(i.address, field: "address", label: "地址", maximumLength: 200) ?? ""
        if (i.latitude == nil) != (i.longitude == nil) {
            throw FieldProblem(i.latitude == nil ? "latitude" : "longitude", "经纬度须同时填写")
        }
        if let lat = i.latitude, !latitudes.contains(lat) {
            throw FieldProblem("latitude", "纬度应在常州范围内（\(latitudes.lowerBound)–\(latitudes.upperBound)）")
        }
        if let lon = i.longitude, !longitudes.contains(lon) {
            throw FieldProblem("longitude", "经度应在常州范围内（\(longitudes.lowerBound)–\(longitudes.upperBound)）")
        }
        guard let filed = i.filedOn.flatMap({ CivilDate($0.trimmedWhitespace) }) else {
            throw FieldProblem("filedOn", "备案日期应为 YYYY-MM-DD")
        }
        guard filed <= today else { throw FieldProblem("filedOn", "备案日期不能晚于今天") }
        func count(_ value: Int?, _ field: String, _ label: String) throws(FieldProblem) -> Int {
            let v = value ?? 0
            guard v >= 0, v <= maximumBeds else { throw FieldProblem(field, "\(label)应在 0–\(maximumBeds) 之间") }
            return v
        }
        let beds = try count(i.bedsTotal, "bedsTotal", "床位总数")
        let nursing = try count(i.nursingBeds, "nursingBeds", "护理型床位数")
        let residents = try count(i.residents, "residents", "在住人数")
        guard nursing <= beds else { throw FieldProblem("nursingBeds", "护理型床位数不能超过床位总数 \(beds)") }
        guard residents <= beds || !kind.isResidential else {
            throw FieldProblem("residents", "在住人数不能超过床位总数 \(beds)")
        }
        let phone = try InputRules.line(i.phone, field: "phone", label: "联系电话", maximumLength: 20, required: false)
        if let phone, !phone.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "-" }) {
            throw FieldProblem("phone", "联系电话只能包含数字和“-”")
        }
        let fire: FireSafetyStatus
        if let text = i.fireStandard?.trimmedWhitespace, !text.isEmpty {
            guard let f = FireSafetyStatus(rawValue: text) else {
                throw FieldProblem(
                    "fireStandard", "消防安全标准化状态应为 " + FireSafetyStatus.allCases.map(\.rawValue).joined(separator: "、"))
            }
            fire = f
        } else {
            fire = .notStarted
        }
        var incident: CivilDate?
        if let text = i.lastSeriousIncidentOn?.trimmedWhitespace, !text.isEmpty {
            guard let d = CivilDate(text), d <= today else {
                throw FieldProblem("lastSeriousIncidentOn", "最近重大安全事故日期应为不晚于今天的 YYYY-MM-DD")
            }
            incident = d
        }
        return FacilityDraft(
            name: name, kind: kind, operatorName: operatorName, creditCode: code, region: region, address: address,
            latitude: i.latitude, longitude: i.longitude, filedOn: filed, bedsTotal: beds, nursingBeds: nursing,
            residents: residents, phone: phone, fireSafetyAccepted: i.fireSafetyAccepted ?? false, fireStandard: fire,
            lastSeriousIncidentOn: incident)
    }
}

/// Beds of a set of facilities: the nursing-bed share and occupancy against the year's target.
public struct BedTotals: Sendable, Hashable, Codable {
    public var facilities: Int
    public var beds: Int
    public var nursingBeds: Int
    public var residents: Int

    public init(facilities: Int = 0, beds: Int = 0, nursingBeds: Int = 0, residents: Int = 0) {
        self.facilities = facilities
        self.beds = beds
        self.nursingBeds = nursingBeds
        self.residents = residents
    }

    /// Basis points, rounded down; 0 without beds.
    public var nursingShare: Rate { Rate(basisPoints: beds > 0 ? Int64(nursingBeds) * 10_000 / Int64(beds) : 0) }
    public var occupancy: Rate { Rate(basisPoints: beds > 0 ? Int64(residents) * 10_000 / Int64(beds) : 0) }
    public func meets(_ target: Rate) -> Bool { nursingShare >= target }

    public static func + (a: BedTotals, b: BedTotals) -> BedTotals {
        BedTotals(
            facilities: a.facilities + b.facilities, beds: a.beds + b.beds, nursingBeds: a.nursingBeds + b.nursingBeds,
            residents: a.residents + b.residents)
    }
}
