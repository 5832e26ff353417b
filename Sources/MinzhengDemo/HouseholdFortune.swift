import MinzhengCore

/// How well off a generated household is: one draw per household, so that its members'
/// wages, pensions, savings, cars and homes agree with each other.
///
/// Amounts are 2021 Changzhou orders of magnitude, in yuan per month unless noted
/// (minimum wage 2280, median wage about 6000, employee pensions about 3000, the rural
/// residents' basic pension a few hundred). They are fixed here, not read from the
/// policy parameters: the what-if analysis must see how a change of the standard moves
/// the same households across it.
enum HouseholdFortune: CaseIterable {
    /// Odd jobs or nothing; tiny pensions. Most fall under the dibao standard.
    case destitute
    /// Low wages and pensions: around the standard, often low-income edge.
    case strained
    case modest
    case comfortable
    case affluent

    /// Facts of the household's composition that make hardship likelier.
    struct Risk {
        /// No member of working age (16–59) who can work.
        var noWorkingAdult = false
        /// A member with a grade 1–2 disability.
        var severeDisability = false
        var ruralHead = false
        /// Children and exactly one adult.
        var singleAdultWithChildren = false
    }

    static func draw(risk: Risk, _ random: inout SplitMix64) -> HouseholdFortune {
        // Per mille; illness, disability and the lack of an earner cause most poverty.
        var destitute = 20, strained = 85
        if risk.noWorkingAdult { destitute += 32; strained += 28 }
        if risk.severeDisability { destitute += 45; strained += 30 }
        if risk.ruralHead { destitute += 8; strained += 12 }
        if risk.singleAdultWithChildren { destitute += 40; strained += 40 }
        let r = random.below(1000)
        if r < destitute { return .destitute }
        if r < destitute + strained { return .strained }
        return others.pick(&random)
    }

    private static let others = WeightedChoice<HouseholdFortune>([(.modest, 40), (.comfortable, 45), (.affluent, 15)])

    /// A wage of a full-time worker, per month.
    var wage: ClosedRange<Int> {
        switch self {
        case .destitute: return 600...1_800
        case .strained: return 2_300...3_800
        case .modest: return 3_000...6_500
        case .comfortable: return 5_500...12_000
        case .affluent: return 10_000...30_000
        }
    }

    /// Chance that a working-age adult able to work has work, per mille.
    var employedPerMille: Int {
        switch self {
        case .destitute: return 380
        case .strained: return 780
        case .modest: return 930
        case .comfortable: return 960
        case .affluent: return 970
        }
    }

    /// The pension of a retired urban employee.
    var employeePension: ClosedRange<Int> {
        switch self {
        case .destitute: return 1_000...1_600
        case .strained: return 1_100...1_900
        case .modest: return 2_000...3_800
        case .comfortable: return 3_200...5_500
        case .affluent: return 4_500...9_000
        }
    }

    /// Residents' basic pension, with land-requisition pensions in the better-off tiers.
    var residentPension: ClosedRange<Int> {
        switch self {
        case .destitute: return 180...450
        case .strained: return 600...1_300
        case .modest: return 500...1_600
        case .comfortable: return 1_200...3_000
        case .affluent: return 2_000...5_000
        }
    }

    /// Support paid by children living elsewhere (赡养费), per elderly member.
    var support: ClosedRange<Int> {
        switch self {
        case .destitute: return 100...400
        case .strained: return 200...800
        case .modest: return 400...1_500
        case .comfortable: return 800...2_500
        case .affluent: return 1_000...3_000
        }
    }

    /// Bank deposits and other financial assets of the whole household, in yuan.
    var savings: ClosedRange<Int> {
        switch self {
        case .destitute: return 0...12_000
        case .strained: return 2_000...35_000
        case .modest: return 30_000...300_000
        case .comfortable: return 150_000...1_000_000
        case .affluent: return 600_000...5_000_000
        }
    }

    var vehiclePerMille: Int {
        switch self {
        case .destitute: return 20
        case .strained: return 100
        case .modest: return 450
        case .comfortable: return 700
        case .affluent: return 900
        }
    }

    /// Renting (or in public housing) rather than owning, per mille.
    var noHomePerMille: Int {
        switch self {
        case .destitute: return 300
        case .strained: return 150
        default: return 50
        }
    }

    /// Owning a second home (third for the affluent), per mille.
    var secondHomePerMille: Int {
        switch self {
        case .destitute: return 0
        case .strained: return 30
        case .modest: return 180
        case .comfortable: return 400
        case .affluent: return 750
        }
    }

    /// Self-employed rather than waged, among those with work, per mille.
    var businessPerMille: Int {
        switch self {
        case .destitute, .strained: return 0
        case .modest: return 60
        case .comfortable: return 90
        case .affluent: return 160
        }
    }

    var isHardship: Bool { self == .destitute || self == .strained }
}
