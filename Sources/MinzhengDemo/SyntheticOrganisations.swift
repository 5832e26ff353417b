import MinzhengCore

/// One demo social organisation: its registration as typed, the annual reports it filed (year →
/// what it reported) and, for a few, the day the registry could no longer reach it.
public struct SyntheticOrganisation: Sendable {
    public let input: OrganisationDraft.Input
    public let reports: [Int: ReportActivity]
    public let unreachableSince: CivilDate?
}

/// Social organisations over every street of Changzhou, deterministic per seed: social groups
/// (协会, 商会), social-service organisations (服务中心, 社工服务社) and a few foundations, registered
/// over the last `years` years with valid GB 32100 codes of authority 5, and the annual reports
/// of each year due. Most report every year with activity; some stopped a year or two or three
/// ago (the abnormal list, revocation, the serious-violation list), some report nothing done,
/// some are unreachable at their domicile — what the credit rules and the dormant sweep find.
public enum SyntheticOrganisations {
    static let subjects = [
        "志愿者", "书法家", "围棋", "养老服务", "社区服务", "青少年发展", "慈善", "义工", "摄影家", "音乐家", "老年体育", "残疾人康复",
        "家庭教育", "心理咨询", "环保", "科普", "邻里互助", "非遗传承", "读书", "社会工作",
    ]
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘")
    static let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红")
    static let codeAlphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    /// `fullHistory`: every organisation registered about `years` years ago, so each has a report
    /// due for each of those years (the benchmark's shape); otherwise registered over the period.
    /// `firstNumber`: the codes of a run are numbered from it, so that runs of one seed adding to
    /// the same registry never repeat a code.
    public static func generate(
        seed: UInt64 = 1, count: Int = 3_000, years: Int = 12, today: CivilDate, fullHistory: Bool = false,
        firstNumber: Int = 0
    ) -> [SyntheticOrganisation] {
        var random = SplitMix64(seed: seed &+ 0x0A6_0517)
        let table = RegionTable.shipped
        let streets = table.streets(under: RegionTable.changzhou).filter {
            !(table.name(of: $0) ?? "").hasSuffix("监狱")
        }
        let p = OrganisationParameters.defaults
        var out: [SyntheticOrganisation] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            let street = streets[random.below(streets.count)]
            let district = String(street.value.prefix(6))
            let roll = random.below(100)
            let kind: OrganisationKind = roll < 45 ? .socialGroup : roll < 95 ? .socialServiceOrganisation : .foundation
            let authority = kind == .foundation ? "320400" : district
            let subject = subjects[random.below(subjects.count)]
            let place = (table.name(of: RegionCode(district)!) ?? "常州市")
            let suffix: String
            switch kind {
            case .socialGroup: suffix = ["协会", "联合会", "商会", "研究会"][random.below(4)]
            case .socialServiceOrganisation: suffix = ["服务中心", "社工服务社", "发展中心", "服务站"][random.below(4)]
            case .foundation: suffix = "基金会"
            }
            let name = (kind == .foundation ? "常州市" : "常州市" + place) + subject + suffix
            let registered = today.adding(days: -random.inRange((fullHistory ? years * 365 - 60 : 200)...(years * 365)))
            var body = "MJ"
            var n = firstNumber + i + Int(seed % 1_000) * 1_000_000
            for _ in 0..<6 {
                body.append(codeAlphabet[n % 31])
                n /= 31
            }
            var input = OrganisationDraft.Input()
            input.creditCode = UnifiedSocialCreditCode.make(kind: kind, region: authority, body: body)
            input.name = name
            input.kind = kind.rawValue
            input.region = street.value
            input.domicile = (table.name(of: street) ?? "") + "\(random.inRange(1...300))号"
            input.businessScope = "开展\(subject)相关的交流、培训、咨询和公益服务活动"
            input.supervisingUnit = kind == .socialServiceOrganisation ? nil : "常州市\(subject.prefix(2))主管部门"
            input.registeredCapitalFen = Int64(
                kind == .foundation ? random.inRange(200...800) * 1_000_000 : random.inRange(3...50) * 100_000)
            input.registeredOn = registered.description
            input.legalRepresentativeName =
                String(surnames[random.below(surnames.count)]) + String(given[random.below(given.count)])
                + (random.chance(perMille: 600) ? String(given[random.below(given.count)]) : "")
            input.legalRepresentativeIdNumber = idNumber(district: district, index: i, random: &random, today: today)
            // How the organisation keeps up with its reports.
            let due = OrganisationCredit.dueYears(registeredOn: registered, on: today, p)
            let habit = random.below(100)
            var reports: [Int: ReportActivity] = [:]
            for (k, year) in due.enumerated() {
                let fromEnd = due.count - k
                let files: Bool
                switch habit {
                case 0..<5: files = fromEnd > 1  // stopped last year: the abnormal list
                case 5..<8: files = fromEnd > 2  // stopped two years ago: revocation proposed
                case 8..<10: files = fromEnd > 3  // three years: the serious-violation list
                case 10..<12: files = random.chance(perMille: 500)
                default: files = true
                }
                guard files else { continue }
                let idle = habit >= 12 && habit < 15 && fromEnd <= 2
                reports[year] =
                    idle
                    ? ReportActivity(activities: 0, incomeFen: 0, expenditureFen: 0)
                    : ReportActivity(
                        activities: random.inRange(2...40), incomeFen: Int64(random.inRange(5...500)) * 100_000,
                        expenditureFen: Int64(random.inRange(5...480)) * 100_000)
            }
            let unreachable = habit >= 15 && habit < 17 ? today.adding(days: -random.inRange(30...700)) : nil
            out.append(SyntheticOrganisation(input: input, reports: reports, unreachableSince: unreachable))
        }
        return out
    }

    /// A valid resident ID number of an adult born in `district` (the check character computed).
    static func idNumber(district: String, index: Int, random: inout SplitMix64, today: CivilDate) -> String {
        let born = CivilDate(
            year: today.year - random.inRange(28...70), month: random.inRange(1...12), day: random.inRange(1...28))!
        let sequence = String(100 + index % 900)
        let first17 = district + String(born.description.filter(\.isNumber)) + sequence
        return first17 + String(UnicodeScalar(ResidentID.checkCharacter(for: Array(first17.utf8)[0..<17])))
    }
}
