import Foundation
import MinzhengCore

/// The demo's service map, deterministic: where each street's and community's office is,
/// each facility's price list, and questions residents sent the adviser.
public enum ServiceMapDemoPlan {
    /// A facility as the plan needs it.
    public struct Facility: Sendable {
        public let kind: FacilityKind
        public let region: String
        public let point: GeoPoint

        public init(kind: FacilityKind, region: String, point: GeoPoint) {
            self.kind = kind
            self.region = region
            self.point = point
        }
    }

    /// Every street with a neighbourhood facility sits at its first one (the street's centre);
    /// each community of such a street 150 m to 1.8 km from it in a random direction, so
    /// that some fall outside the default 1 km circle.
    public static func locations(facilities: [Facility], communities: [String], seed: UInt64 = 1) -> [String: GeoPoint]
    {
        var random = SplitMix64(seed: seed &+ 0x5E41)
        var out: [String: GeoPoint] = [:]
        for f in facilities where f.kind.servesNeighbourhood {
            let street = String(f.region.prefix(9))
            if out[street] == nil { out[street] = f.point }
        }
        for community in Set(communities).sorted() {
            guard community.utf8.count == 12, let street = out[String(community.prefix(9))] else { continue }
            let metres = Double(random.inRange(150...1_800))
            let angle = Double(random.below(360)) * .pi / 180
            let lat = street.latitude + metres * cos(angle) / 111_195
            let lon = street.longitude + metres * sin(angle) / (111_195 * street.longitudeScale)
            out[community] = GeoPoint(latitude: lat, longitude: lon)
        }
        return out
    }

    /// A plausible published price list: beds, care and meals a month for a residential
    /// facility; the home-care prices of the year and day care for a neighbourhood one.
    public static func prices(
        for kind: FacilityKind, index: Int, meal: Fen, bathing: Fen
    ) -> [FacilityPrice] {
        var random = SplitMix64(seed: UInt64(index) &+ 0x9121)
        func yuan(_ range: ClosedRange<Int>) -> Fen { Fen(Int64(random.inRange(range) / 10 * 10) * 100) }
        let lines: [(String, Fen, PriceUnit)] =
            kind.isResidential
            ? [
                ("床位费（双人间）", yuan(900...2_600), .month), ("护理费（一级护理）", yuan(1_200...3_000), .month),
                ("护理费（三级护理）", yuan(300...900), .month), ("伙食费", yuan(600...900), .month),
            ] : [("助餐", meal, .meal), ("助浴", bathing, .visit), ("日间照料", yuan(20...40), .day)]
        return lines.map { FacilityPrice(item: $0.0, amount: $0.1, unit: $0.2) }
    }

    /// Questions and care needs of the last weeks: hours ago, and whether already answered.
    public struct Question: Sendable {
        public let input: AdviceDraft.Input
        public let hoursAgo: Int
        public let answer: String?
    }

    public static func questions(streets: [String]) -> [Question] {
        guard !streets.isEmpty else { return [] }
        let texts: [(AdviceKind, String, String, Int, String?)] = [
            (.careNeed, "王阿姨", "母亲 86 岁独居，最近摔过一跤，想申请上门助浴和安装紧急呼叫器。", 3, nil),
            (.question, "李先生", "父亲 80 周岁了，尊老金需要去哪里申请？", 20, nil),
            (.careNeed, "陈女士", "老伴中风后卧床，想找一家有护理型床位、离家近的养老院。", 30, nil),
            (.question, "周师傅", "社区的助餐点每餐多少钱？低保老人有没有补贴？", 130, nil),
            (
                .question, "吴奶奶", "适老化改造要自己出钱吗？", 240,
                "您好，低保、特困家庭的适老化改造由政府补助，上限 3000 元（特困和重度残疾 5000 元），请到社区登记。"
            ),
            (
                .careNeed, "郑先生", "岳父失能，家里照顾不过来，想了解居家上门服务。", 400,
                "已安排社区工作人员上门做能力评估，评估后按等级享受居家上门服务。"
            ),
        ]
        return texts.enumerated().map { i, t in
            Question(
                input: AdviceDraft.Input(
                    kind: t.0.rawValue, street: streets[i % streets.count], name: t.1,
                    phone: "139" + String(format: "%08d", 12_345_678 + i * 1_111), message: t.2),
                hoursAgo: t.3, answer: t.4)
        }
    }
}
