import MinzhengCore

/// Who lives together: the relation, age and sex of each member of one household, and
/// whose surname each carries, drawn so that they fit (a child is 20–38 years younger
/// than its mother, a grandchild only in a household with an adult child, …).
///
/// The head's age follows the age of Changzhou's household heads, and the shape of the
/// household depends on it: young people live alone or as couples, the middle-aged with
/// children and sometimes a parent, the old as couples, alone, or with grandchildren.
/// Together this yields about 2.5 persons per household and a fifth aged 60 or more.
struct HouseholdPlan {
    struct Member {
        let relation: Relation
        let age: Int
        let sex: Sex
        let surname: Surname
    }

    /// Chinese surnames follow the father; wives keep their own.
    enum Surname {
        /// A surname of its own, drawn by frequency.
        case own
        /// The head's (the head, siblings, the head's father).
        case head
        /// The spouse's own.
        case spouse
        /// The family's (the father's among head and spouse) with this probability, per
        /// mille, else one of its own (a mother's, a son-in-law's).
        case family(keptPerMille: Int)
    }

    enum Shape {
        case alone, couple, coupleWithChildren, singleParent, withParents, withGrandchildren, grandparentsRaising,
            siblings
    }

    private(set) var members: [Member] = []

    /// Ages 18…104 in five-year bands from 18–24 (seven years) on: weights of heads.
    private static let headAges = WeightedChoice([
        (18...24, 250), (25...29, 550), (30...34, 850), (35...39, 900), (40...44, 800), (45...49, 900),
        (50...54, 1000), (55...59, 1000), (60...64, 800), (65...69, 650), (70...74, 500), (75...79, 330),
        (80...84, 230), (85...89, 120), (90...94, 35), (95...99, 8), (100...104, 2),
    ])

    private static func shapes(headAge: Int) -> WeightedChoice<Shape> {
        switch headAge {
        case ..<30: return youngShapes
        case ..<45: return adultShapes
        case ..<60: return middleAgedShapes
        case ..<75: return elderShapes
        default: return oldShapes
        }
    }
    private static let youngShapes = WeightedChoice<Shape>([
        (.alone, 50), (.couple, 25), (.coupleWithChildren, 17), (.singleParent, 4), (.siblings, 4),
    ])
    private static let adultShapes = WeightedChoice<Shape>([
        (.alone, 16), (.couple, 12), (.coupleWithChildren, 52), (.singleParent, 6), (.withParents, 12), (.siblings, 2),
    ])
    private static let middleAgedShapes = WeightedChoice<Shape>([
        (.alone, 14), (.couple, 30), (.coupleWithChildren, 34), (.singleParent, 5), (.withParents, 7),
        (.withGrandchildren, 8), (.siblings, 2),
    ])
    private static let elderShapes = WeightedChoice<Shape>([
        (.alone, 24), (.couple, 48), (.coupleWithChildren, 12), (.withGrandchildren, 10), (.grandparentsRaising, 6),
    ])
    private static let oldShapes = WeightedChoice<Shape>([
        (.alone, 48), (.couple, 35), (.coupleWithChildren, 13), (.withGrandchildren, 4),
    ])

    static let oldestAge = 104

    init(random: inout SplitMix64) {
        let headAge = random.inRange(Self.headAges.pick(&random))
        let shape = Self.shapes(headAge: headAge).pick(&random)
        let headSex: Sex
        switch shape {
        // Widows outlive widowers; single parents are mostly mothers.
        case .alone: headSex = random.chance(perMille: headAge >= 65 ? 350 : 550) ? .male : .female
        case .singleParent: headSex = random.chance(perMille: 250) ? .male : .female
        case .siblings: headSex = random.chance(perMille: 500) ? .male : .female
        default: headSex = random.chance(perMille: 800) ? .male : .female
        }
        members.append(Member(relation: .head, age: headAge, sex: headSex, surname: .head))

        switch shape {
        case .alone:
            break
        case .couple:
            addSpouse(&random)
        case .coupleWithChildren:
            addSpouse(&random)
            addChildren(
                count: random.chance(perMille: headAge < 60 ? 620 : 850) ? 1 : random.chance(perMille: 880) ? 2 : 3,
                &random)
        case .singleParent:
            addChildren(count: random.chance(perMille: 700) ? 1 : 2, &random)
        case .withParents:
            addSpouse(&random)
            addChildren(count: random.chance(perMille: 600) ? 1 : 2, &random)
            addParents(&random)
        case .withGrandchildren:
            if random.chance(perMille: 850) { addSpouse(&random) }
            addThirdGeneration(&random)
        case .grandparentsRaising:
            if random.chance(perMille: 700) { addSpouse(&random) }
            // Children working elsewhere leave theirs with the grandparents (留守儿童).
            for _ in 0..<(random.chance(perMille: 700) ? 1 : 2) {
                append(
                    .grandchild, age: random.inRange(0...min(17, headAge - 44)), sex: random.childSex(),
                    surname: .family(keptPerMille: 750))
            }
        case .siblings:
            append(.sibling, age: max(16, headAge + random.inRange(-8...8)), sex: random.childSex(), surname: .head)
        }
    }

    private var head: Member { members[0] }

    private var mother: Member? {
        members.first { ($0.relation == .head || $0.relation == .spouse) && $0.sex == .female }
    }

    private mutating func append(_ relation: Relation, age: Int, sex: Sex, surname: Surname) {
        members.append(Member(relation: relation, age: min(age, Self.oldestAge), sex: sex, surname: surname))
    }

    /// Husbands are on average two years older than their wives.
    private mutating func addSpouse(_ random: inout SplitMix64) {
        let gap = random.inRange(-1...5)
        let age = head.sex == .male ? head.age - gap : head.age + gap
        append(.spouse, age: max(18, age), sex: head.sex == .male ? .female : .male, surname: .spouse)
    }

    /// Children born when their mother (or a single father) was 20 to 38; none when the
    /// parent is too young.
    private mutating func addChildren(count: Int, _ random: inout SplitMix64) {
        let parentAge = (mother ?? head).age
        guard parentAge >= 20 else { return }
        for _ in 0..<count {
            let age = parentAge - random.inRange(20...min(38, parentAge))
            append(.child, age: age, sex: random.childSex(), surname: .family(keptPerMille: 920))
        }
    }

    /// Both parents, or the one still alive: more often the mother, who lives longer.
    private mutating func addParents(_ random: inout SplitMix64) {
        let motherAge = head.age + random.inRange(22...34)
        let fatherAge = motherAge + random.inRange(0...4)
        // r < 17: the father alone (17%); 17 ≤ r < 62: both (45%); r ≥ 62: the mother alone (38%).
        let r = random.below(100)
        if r < 62 { append(.parent, age: fatherAge, sex: .male, surname: .head) }
        if r >= 17 { append(.parent, age: motherAge, sex: .female, surname: .own) }
    }

    /// An adult child, often with a spouse (recorded as 其他: the relation list has no
    /// 儿媳/女婿), and their children.
    private mutating func addThirdGeneration(_ random: inout SplitMix64) {
        let parentAge = (mother ?? head).age
        // Old enough to have children of their own whenever the parent's age allows.
        let childAge = parentAge - random.inRange(22...min(36, max(22, parentAge - 22)))
        let childSex = random.childSex()
        append(.child, age: childAge, sex: childSex, surname: .family(keptPerMille: 920))
        if random.chance(perMille: 600) {
            append(
                .other, age: max(18, childAge + random.inRange(-3...3)), sex: childSex == .male ? .female : .male,
                surname: .own)
        }
        guard childAge >= 22 else { return }
        for _ in 0..<(random.chance(perMille: 650) ? 1 : 2) {
            append(
                .grandchild, age: childAge - random.inRange(22...min(34, childAge)), sex: random.childSex(),
                surname: .family(keptPerMille: childSex == .male ? 950 : 150))
        }
    }
}

extension SplitMix64 {
    /// About 106 boys are born for every 100 girls.
    mutating func childSex() -> Sex { chance(perMille: 515) ? .male : .female }
}
