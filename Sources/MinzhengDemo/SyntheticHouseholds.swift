import MinzhengCore

/// Deterministic synthetic households of Changzhou, generated one at a time.
///
/// The same seed and `today` always give the same households, on every platform. The
/// sequence never ends: take what you need, e.g. `SyntheticHouseholds(seed: 7, today: d)
/// .prefix(400_000)` (about a million persons). Memory stays bounded — about 4 MB for
/// the ID register — however many households are drawn, and every resident ID number
/// is unique within one generator.
///
/// Streets are drawn by population (all 67 of the shipped table appear), ages follow an
/// ageing city (about a fifth aged 60 or more), ID numbers carry the address code valid
/// when they were issued (older residents of Jintan carry 320482 金坛市, in-migrants
/// their home county's), and about 6% of persons have a disability.
public struct SyntheticHouseholds: Sequence, IteratorProtocol, Sendable {
    public let today: CivilDate
    private var random: SplitMix64
    private var ids: ResidentIDIssuer
    private var text = UTF8Text()

    /// Share of households that moved in from another county, keeping their ID numbers.
    private static let inMigrantPerMille = 100

    public init(seed: UInt64, today: CivilDate) {
        self.today = today
        random = SplitMix64(seed: seed)
        ids = ResidentIDIssuer(today: today, oldestAge: HouseholdPlan.oldestAge, addressCodes: IDAddressCodes.all)
    }

    public mutating func next() -> SyntheticHousehold? {
        let street = ChangzhouStreets.weighted.pick(&random)
        let community = street.communities[random.below(street.communities.count)]
        let address = ChangzhouAddresses.make(in: street, buffer: &text, random: &random)
        let plan = HouseholdPlan(random: &random)
        var household = HouseholdFacts(
            street: street,
            origin: random.chance(perMille: Self.inMigrantPerMille) ? IDAddressCodes.origin.pick(&random) : nil,
            hukou: random.chance(perMille: street.urbanPerMille) ? .urban : .rural,
            headSurname: ChineseNames.surnames.pick(&random),
            spouseSurname: ChineseNames.surnames.pick(&random),
            fatherIsHead: plan.members[0].sex == .male || !plan.members.contains { $0.relation == .spouse })
        var members: [SyntheticPerson] = []
        members.reserveCapacity(plan.members.count)
        for planned in plan.members {
            members.append(person(planned, of: &household))
        }
        return SyntheticHousehold(street: street.code, community: community, address: address, members: members)
    }

    /// What the members of one household share.
    private struct HouseholdFacts {
        let street: ChangzhouStreet
        /// The home county (index into `IDAddressCodes.all`) of an in-migrant household.
        let origin: Int?
        let hukou: Hukou
        let headSurname: [UInt8]
        let spouseSurname: [UInt8]
        /// Whether children take the head's surname (else the spouse's, the father).
        let fatherIsHead: Bool
        /// Set with the head, who comes first: the contact number of the children.
        var headPhone = ""
    }

    private mutating func person(_ planned: HouseholdPlan.Member, of household: inout HouseholdFacts) -> SyntheticPerson
    {
        let surname: [UInt8]
        switch planned.surname {
        case .own: surname = ChineseNames.surnames.pick(&random)
        case .head: surname = household.headSurname
        case .spouse: surname = household.spouseSurname
        case .family(let kept):
            surname =
                !random.chance(perMille: kept)
                ? ChineseNames.surnames.pick(&random)
                : household.fatherIsHead ? household.headSurname : household.spouseSurname
        }

        let drawnBirthDate = birthDate(age: planned.age)
        // Adults of an in-migrant household keep their home county's numbers; half of
        // their children were registered here.
        let code: Int
        if let origin = household.origin, planned.age >= 18 || random.chance(perMille: 500) {
            code = origin
        } else {
            code = household.street.idCodes.code(issuedIn: IDAddressCodes.issueYear(birthYear: drawnBirthDate.year))
        }
        let (id, birthDate) = ids.issue(code: code, birthDate: drawnBirthDate, sex: planned.sex)

        let phone: String
        if planned.age < 16 && planned.relation != .head {
            phone = household.headPhone
        } else {
            phone = MobileNumbers.make(buffer: &text, random: &random)
        }
        if planned.relation == .head { household.headPhone = phone }

        // A few adults married or moved in with the other kind of hukou.
        let hukou =
            planned.age >= 18 && random.chance(perMille: 40)
            ? (household.hukou == .urban ? .rural : .urban) : household.hukou
        let health = HealthProfile.draw(age: planned.age, random: &random)
        return SyntheticPerson(
            name: ChineseNames.make(
                surname: surname, sex: planned.sex, birthYear: birthDate.year, buffer: &text, random: &random),
            residentID: id, sex: planned.sex, birthDate: birthDate, relation: planned.relation, phone: phone,
            hukou: hukou,
            disabilityGrade: health.disabilityGrade, disabilityKind: health.disabilityKind,
            selfCare: health.selfCare, laborCapacity: health.laborCapacity)
    }

    /// A uniformly drawn birth date at which a person is `age` today.
    private mutating func birthDate(age: Int) -> CivilDate {
        let latest = sameDay(yearsBefore: age).daysSinceEpoch
        let earliest = sameDay(yearsBefore: age + 1).daysSinceEpoch + 1
        return CivilDate(daysSinceEpoch: earliest + random.below(latest - earliest + 1))
    }

    /// Today's month and day `years` earlier; 29 February becomes the 28th in common years.
    private func sameDay(yearsBefore years: Int) -> CivilDate {
        let year = today.year - years
        return CivilDate(
            year: year, month: today.month, day: Swift.min(today.day, CivilDate.daysIn(year: year, month: today.month)))!
    }
}
