import MinzhengCore

/// Disability, self-care and labour capacity of a generated person, drawn so that they
/// fit together and with age: disability becomes commoner with age (about 6% overall,
/// the national survey's share), care needs grow after 80, and children and most people
/// over 70 have no labour capacity.
struct HealthProfile {
    let disabilityGrade: Int?
    let disabilityKind: DisabilityKind?
    let selfCare: SelfCare
    let laborCapacity: LaborCapacity

    private static let grades = WeightedChoice([(1, 12), (2, 22), (3, 30), (4, 36)])
    private static let childKinds = WeightedChoice<DisabilityKind>([
        (.intellectual, 35), (.physical, 25), (.hearing, 10), (.speech, 10), (.visual, 5), (.mental, 5),
        (.multiple, 10),
    ])
    private static let adultKinds = WeightedChoice<DisabilityKind>([
        (.physical, 45), (.mental, 14), (.intellectual, 10), (.visual, 10), (.hearing, 10), (.speech, 3),
        (.multiple, 8),
    ])
    private static let elderKinds = WeightedChoice<DisabilityKind>([
        (.physical, 45), (.hearing, 22), (.visual, 18), (.mental, 4), (.intellectual, 2), (.speech, 2), (.multiple, 7),
    ])

    static func draw(age: Int, random: inout SplitMix64) -> HealthProfile {
        let disabledPerMille: Int
        switch age {
        case ..<18: disabledPerMille = 14
        case ..<45: disabledPerMille = 34
        case ..<60: disabledPerMille = 62
        case ..<70: disabledPerMille = 100
        case ..<80: disabledPerMille = 145
        default: disabledPerMille = 220
        }
        var grade: Int?, kind: DisabilityKind?
        if random.chance(perMille: disabledPerMille) {
            grade = grades.pick(&random)
            kind = (age < 18 ? childKinds : age < 60 ? adultKinds : elderKinds).pick(&random)
        }
        let selfCare = worse(selfCareWithDisability(grade, &random), selfCareAtAge(age, &random))
        return HealthProfile(
            disabilityGrade: grade, disabilityKind: kind, selfCare: selfCare,
            laborCapacity: laborCapacity(age: age, grade: grade, kind: kind, selfCare: selfCare, &random))
    }

    private static func selfCareWithDisability(_ grade: Int?, _ random: inout SplitMix64) -> SelfCare {
        let r = random.below(100)
        switch grade {
        case 1: return r < 40 ? .none : r < 85 ? .partial : .full
        case 2: return r < 12 ? .none : r < 55 ? .partial : .full
        case 3: return r < 20 ? .partial : .full
        case 4: return r < 5 ? .partial : .full
        default: return .full
        }
    }

    private static func selfCareAtAge(_ age: Int, _ random: inout SplitMix64) -> SelfCare {
        let r = random.below(100)
        switch age {
        case 90...: return r < 20 ? .none : r < 60 ? .partial : .full
        case 80...: return r < 6 ? .none : r < 28 ? .partial : .full
        case 70...: return r < 2 ? .none : r < 10 ? .partial : .full
        default: return .full
        }
    }

    private static func worse(_ a: SelfCare, _ b: SelfCare) -> SelfCare {
        if a == .none || b == .none { return .none }
        if a == .partial || b == .partial { return .partial }
        return .full
    }

    private static func laborCapacity(
        age: Int, grade: Int?, kind: DisabilityKind?, selfCare: SelfCare,
        _ random: inout SplitMix64
    ) -> LaborCapacity {
        let r = random.below(100)
        if age < 16 || selfCare == .none { return .none }
        switch (grade, kind) {
        case (1, _), (2, _), (3, .intellectual), (3, .mental): return .none
        default: break
        }
        if age >= 70 { return r < 85 ? .none : .partial }
        if age >= 60 { return r < 25 ? .none : r < 85 ? .partial : .full }
        if grade == 3 || selfCare == .partial || (grade == 4 && r < 50) || r < 3 { return .partial }
        return .full
    }
}
