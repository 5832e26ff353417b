import MinzhengCore
import Testing

@Suite("Adoption: who may adopt whom (Civil Code arts. 1093–1105)")
struct AdoptionRulesTests {
    static let husband = AdopterFacts(age: 41, isMale: true, children: 0, hasSpouse: true)
    static let wife = AdopterFacts(age: 39, isMale: false, children: 0, hasSpouse: true)
    static let single = AdopterFacts(age: 45, isMale: true, children: 0, hasSpouse: false)

    static func facts(
        _ adopters: [AdopterFacts] = [husband, wife], married: Bool = true, childAge: Int = 6, childIsMale: Bool = true,
        exempt: Bool = false, placing: AdoptionPlacingParty = .parents, assessed: Bool = true, consents: Bool = false
    ) -> AdoptionFacts {
        AdoptionFacts(
            adopters: adopters, adoptersMarried: married, childAge: childAge, childIsMale: childIsMale,
            childExempt: exempt, placingParty: placing, assessmentPassed: assessed, childConsents: consents)
    }

    struct Row: Sendable, CustomTestStringConvertible {
        let name: String
        let facts: AdoptionFacts
        /// The field refused, nil when the adoption may be registered.
        let field: String?
        var testDescription: String { name }
    }

    @Test(
        "each rule refuses naming its field; the exemptions apply",
        arguments: [
            Row(name: "a married couple adopting a 6-year-old", facts: facts(), field: nil),
            Row(name: "two people not married", facts: facts(married: false), field: "adopters"),
            Row(name: "one spouse alone", facts: facts([husband]), field: "adopters"),
            Row(
                name: "an adopter of 29",
                facts: facts([AdopterFacts(age: 29, isMale: true, children: 0, hasSpouse: true), wife]),
                field: "adopters"),
            Row(
                name: "an adopter with two children",
                facts: facts([AdopterFacts(age: 41, isMale: true, children: 2, hasSpouse: true), wife]),
                field: "adopters"),
            Row(
                name: "two children, but the child is an orphan or disabled",
                facts: facts([AdopterFacts(age: 41, isMale: true, children: 2, hasSpouse: true), wife], exempt: true),
                field: nil),
            Row(
                name: "one child already",
                facts: facts([AdopterFacts(age: 41, isMale: true, children: 1, hasSpouse: true), wife]), field: nil),
            Row(
                name: "a single man of 45 adopting a girl of 6 (39 years apart)",
                facts: facts([single], childIsMale: false), field: "adopters"),
            Row(
                name: "a single man of 45 adopting a girl of 5 (40 years apart)",
                facts: facts([single], childAge: 5, childIsMale: false), field: nil),
            Row(name: "a single man adopting a boy", facts: facts([single]), field: nil),
            Row(name: "an adult", facts: facts(childAge: 18), field: "child"),
            Row(name: "the assessment not passed", facts: facts(assessed: false), field: "assessment"),
            Row(name: "a child of 8 without consent", facts: facts(childAge: 8), field: "childConsents"),
            Row(name: "a child of 8 who consents", facts: facts(childAge: 8, consents: true), field: nil),
            Row(name: "a child of 7 without consent", facts: facts(childAge: 7), field: nil),
            Row(name: "three adopters", facts: facts([husband, wife, single]), field: "adopters"),
        ])
    func rules(_ row: Row) {
        #expect(AdoptionRules.check(row.facts)?.field == row.field)
    }

    @Test(
        "the child's relation to the head of the adopters' household",
        arguments: [(Relation.head, Relation.child), (.spouse, .child), (.child, .grandchild), (.sibling, .other)])
    func relation(adopter: Relation, expected: Relation) {
        #expect(AdoptionRules.relation(adopterIs: adopter) == expected)
    }
}
