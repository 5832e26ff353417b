import MinzhengCore
import Testing

@Suite("Funeral and eco-burial subsidies, the spouse of a reservation")
struct FuneralSubsidyTests {
    static let parameters = FuneralParameters(
        coldStorageFreeDays: 3, ashStorageFreeYears: 3, urnAllowance: 20000, extraAllowance: 40000,
        cemeteryTermYears: 20, funeralSubsidy: 100_000, ecoBurialSubsidy: 150_000)

    @Test(
        "the funeral subsidy only for a dibao or tekun beneficiary in the month of death, at the dated amount",
        arguments: [
            ([], nil), (["dibao"], "去世当月为低保对象"), (["tekun"], "去世当月为特困对象"),
            (["dibao", "tekun"], "去世当月为低保、特困对象"), (["lowIncomeEdge"], nil),
        ] as [([String], String?)])
    func funeral(_ programmes: [String], _ basis: String?) {
        let proposal = FuneralSubsidyRules.funeral(programmes: programmes, parameters: Self.parameters)
        #expect(proposal?.basis == basis)
        #expect(proposal.map(\.amount) == (basis == nil ? nil : Fen(100_000)))
        #expect(proposal.map(\.kind) == (basis == nil ? nil : .funeral))
    }

    @Test func aZeroAmountProposesNothing() {
        var p = Self.parameters
        p.funeralSubsidy = .zero
        p.ecoBurialSubsidy = .zero
        #expect(FuneralSubsidyRules.funeral(programmes: ["dibao"], parameters: p) == nil)
        #expect(FuneralSubsidyRules.ecoBurial(how: "海葬", parameters: p) == nil)
        let eco = FuneralSubsidyRules.ecoBurial(how: "树葬", parameters: Self.parameters)
        #expect(eco == FuneralSubsidyProposal(kind: .ecoBurial, amount: 150_000, basis: "生态安葬：树葬"))
    }

    @Test(
        "the street approves, or refuses with a reason, an open proposal only",
        arguments: [
            (FuneralSubsidyStatus.open, "approve", nil, FuneralSubsidyStatus.approved, nil),
            (.open, "refuse", "已领取丧葬补助金", .refused, nil),
            (.open, "refuse", nil, nil, "note"),
            (.open, "pay", nil, nil, "action"),
            (.approved, "refuse", "x", nil, "status"),
        ] as [(FuneralSubsidyStatus, String, String?, FuneralSubsidyStatus?, String?)])
    func decide(
        _ from: FuneralSubsidyStatus, _ action: String, _ note: String?, _ to: FuneralSubsidyStatus?, _ field: String?
    ) {
        switch FuneralSubsidyRules.decide(from, action: action, note: note) {
        case .success(let status): #expect(status == to)
        case .failure(let refusal): #expect(refusal.field == field && to == nil)
        }
    }

    @Test(
        "a reservation's spouse: a marriage record or head and spouse of one household; refused where the registry says otherwise",
        arguments: [
            (SpouseFacts(marriedToEachOther: true, marriedToAnother: false, household: nil), "婚姻登记记录"),
            (
                SpouseFacts(marriedToEachOther: false, marriedToAnother: false, household: (.head, .spouse)),
                "一人一档：同户户主与配偶"
            ),
            (
                SpouseFacts(marriedToEachOther: false, marriedToAnother: false, household: (.spouse, .head)),
                "一人一档：同户户主与配偶"
            ),
            (SpouseFacts(marriedToEachOther: false, marriedToAnother: false, household: nil), "一人一档未载二人关系，按家属申报"),
            (SpouseFacts(marriedToEachOther: false, marriedToAnother: false, household: (.head, .child)), nil),
            (SpouseFacts(marriedToEachOther: false, marriedToAnother: true, household: nil), nil),
            (SpouseFacts(marriedToEachOther: true, marriedToAnother: false, household: (.head, .child)), "婚姻登记记录"),
        ] as [(SpouseFacts, String?)])
    func spouse(_ facts: SpouseFacts, _ basis: String?) {
        switch CemeteryRules.spouse(facts) {
        case .success(let found): #expect(found == basis)
        case .failure(let refusal): #expect(basis == nil && refusal.field == "idNumber")
        }
    }

    @Test func anEcoBurialPlaceHasOnePlace() {
        #expect(CemeteryUnitKind.eco.places == 1)
        #expect(CemeteryUnitKind.eco.chinese.contains("树葬"))
    }
}
