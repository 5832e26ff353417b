import MinzhengCore

/// The means of one generated household while they are drawn: member by member, then
/// the household's assets and rigid expenses, all from the same `HouseholdFortune`.
struct SyntheticMeansDraft {
    let fortune: HouseholdFortune
    let persons: [SyntheticPerson]
    let ages: [Int]
    private(set) var members: [AssessmentRequest.Member] = []
    private(set) var assets = AssessmentRequest.Assets()
    private(set) var expenses = AssessmentRequest.RigidExpenses()
    /// Members aged 16–22 still in school (education costs), by index.
    private var students: Set<Int> = []
    private var runsBusiness = false

    init(fortune: HouseholdFortune, persons: [SyntheticPerson], ages: [Int]) {
        self.fortune = fortune
        self.persons = persons
        self.ages = ages
    }

    /// Whether someone of working age who can work lives here: who supports the others.
    private var hasWorkingAdult: Bool {
        persons.indices.contains { (18...59).contains(ages[$0]) && persons[$0].laborCapacity != .none }
    }

    // MARK: Members

    /// Each member draws from its own stream (`stream(person)`), so that one member's
    /// birthday does not reshuffle the others.
    mutating func drawMembers(stream: (SyntheticPerson) -> SplitMix64) {
        let supportedAtHome = hasWorkingAdult
        for (i, person) in persons.enumerated() {
            let age = ages[i]
            var random = stream(person)
            var member = AssessmentRequest.Member(
                birthDate: person.birthDate, sex: person.sex, hukou: person.hukou,
                disabilityGrade: person.disabilityGrade, disabilityKind: person.disabilityKind,
                selfCare: person.selfCare, laborCapacity: person.laborCapacity)
            member.seriousIllness = random.chance(perMille: illnessPerMille(age: age))
            member.hasCapableSupporter = supportedAtHome || age < 18 || !random.chance(perMille: noSupporterPerMille)
            member.incomes = incomes(
                of: person, index: i, age: age, supportedAtHome: supportedAtHome,
                hasSupporter: member.hasCapableSupporter, &random)
            members.append(member)
        }
    }

    /// Illness is both cause and companion of poverty (因病致贫).
    private func illnessPerMille(age: Int) -> Int {
        let base = age < 18 ? 3 : age < 60 ? 10 : 30
        return fortune.isHardship ? base * 3 : base
    }

    /// Old people and disabled adults with nobody to support them: rarer the better off
    /// the household (relatives elsewhere step in).
    private var noSupporterPerMille: Int {
        switch fortune {
        case .destitute: return 300
        case .strained: return 80
        default: return 10
        }
    }

    private mutating func incomes(
        of person: SyntheticPerson, index: Int, age: Int, supportedAtHome: Bool,
        hasSupporter: Bool, _ random: inout SplitMix64
    ) -> [AssessmentRequest.Income] {
        var incomes: [AssessmentRequest.Income] = []
        if age < 16 { return incomes }
        if age <= 22, random.chance(perMille: age < 18 ? 920 : 550) {
            students.insert(index)
            return incomes
        }
        if isRetired(person, age: age, &random) {
            incomes.append(pension(person, &random))
            // Some of the younger retired still earn a little (farm work, odd jobs).
            if age < 70, person.laborCapacity != .none, random.chance(perMille: person.hukou == .rural ? 400 : 150) {
                incomes.append(income(.wage, person.hukou == .rural ? 800...2_000 : 1_500...4_000, &random))
            }
            if !supportedAtHome, hasSupporter, random.chance(perMille: 500) {
                incomes.append(income(.support, fortune.support, &random))
            }
            return incomes
        }
        guard person.laborCapacity != .none else { return incomes }
        let partial = person.laborCapacity == .partial
        if random.chance(perMille: partial ? fortune.employedPerMille / 2 : fortune.employedPerMille) {
            var amount = random.inRange(fortune.wage)
            if person.hukou == .rural { amount = amount * 85 / 100 }
            if partial { amount = amount * 60 / 100 }
            let business = random.chance(perMille: fortune.businessPerMille)
            runsBusiness = runsBusiness || business
            incomes.append(
                AssessmentRequest.Income(kind: business ? .business : .wage, monthlyFen: Fen(yuan: Int64(amount))))
        } else if fortune != .comfortable, fortune != .affluent, random.chance(perMille: 150) {
            incomes.append(income(.unemployment, 1_300...1_600, &random))
        }
        return incomes
    }

    /// Men retire at 60, urban women at 50 to 55; rural residents draw the residents'
    /// pension from 60.
    private func isRetired(_ person: SyntheticPerson, age: Int, _ random: inout SplitMix64) -> Bool {
        if age >= 60 { return true }
        guard person.sex == .female, person.hukou == .urban, age >= 50 else { return false }
        return age >= 55 || random.chance(perMille: 600)
    }

    private func pension(_ person: SyntheticPerson, _ random: inout SplitMix64) -> AssessmentRequest.Income {
        // Even poor urban households sometimes have an employee pension (a laid-off worker's).
        let employee = person.hukou == .urban && (fortune != .destitute || random.chance(perMille: 250))
        return income(.pension, employee ? fortune.employeePension : fortune.residentPension, &random)
    }

    // MARK: Household

    mutating func drawAssets(_ random: inout SplitMix64) {
        assets.financialFen = yuan(fortune.savings, &random)
        if random.chance(perMille: fortune.vehiclePerMille) {
            assets.vehicles = fortune == .affluent && random.chance(perMille: 400) ? 2 : 1
        }
        if !random.chance(perMille: fortune.noHomePerMille) {
            assets.residentialProperties = 1
            if random.chance(perMille: fortune.secondHomePerMille) {
                assets.residentialProperties = fortune == .affluent && random.chance(perMille: 300) ? 3 : 2
            }
        }
        assets.ownsBusiness = runsBusiness
        // Rent from a second home.
        if assets.residentialProperties >= 2, random.chance(perMille: 300),
            let owner = members.indices.first(where: { ages[$0] >= 18 })
        {
            members[owner].incomes.append(income(.property, 1_500...6_000, &random))
        }
    }

    mutating func drawExpenses(_ random: inout SplitMix64) {
        for (i, member) in members.enumerated() {
            if member.seriousIllness {
                expenses.medical = expenses.medical + yuan(20_000...120_000, &random)
            } else if ages[i] >= 60, random.chance(perMille: 300) {
                expenses.medical = expenses.medical + yuan(1_000...8_000, &random)
            }
            if member.disabilityGrade != nil, random.chance(perMille: 300) {
                expenses.rehabilitation = expenses.rehabilitation + yuan(2_000...20_000, &random)
            }
            if students.contains(i) {
                expenses.education = expenses.education + yuan(ages[i] < 18 ? 1_000...6_000 : 6_000...18_000, &random)
            } else if (3...5).contains(ages[i]) {
                expenses.education = expenses.education + yuan(3_000...12_000, &random)  // kindergarten
            }
        }
        if random.chance(perMille: 3) {
            expenses.disaster = yuan(5_000...50_000, &random)
        }
    }

    // MARK: Amounts

    private func income(
        _ kind: AssessmentRequest.IncomeKind, _ range: ClosedRange<Int>, _ random: inout SplitMix64
    ) -> AssessmentRequest.Income {
        AssessmentRequest.Income(kind: kind, monthlyFen: yuan(range, &random))
    }

    /// Whole yuan drawn uniformly from `range`, in fen: declared amounts carry no fen.
    private func yuan(_ range: ClosedRange<Int>, _ random: inout SplitMix64) -> Fen {
        Fen(yuan: Int64(random.inRange(range)))
    }
}
