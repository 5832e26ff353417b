import MinzhengCore

/// A generated household of Changzhou for demos, load tests and benchmarks: made-up
/// people whose records still pass every check the real registry applies.
public struct SyntheticHousehold: Sendable, Equatable {
    /// The street or town (9 digits), one of Changzhou's 67.
    public let street: RegionCode
    /// The community or village (12 digits): the street code and a number 001–0NN.
    public let community: RegionCode
    /// A postal address such as `常州市天宁区雕庄街道青龙路123号4幢502室`.
    public let address: String
    /// One to six persons; the head (`relation == .head`) comes first, and only once.
    public let members: [SyntheticPerson]

    public var head: SyntheticPerson { members[0] }
}

public struct SyntheticPerson: Sendable, Equatable {
    public let name: String
    /// Valid and consistent with `birthDate` and `sex`; unique within one generator run.
    public let residentID: ResidentID
    public let sex: Sex
    public let birthDate: CivilDate
    public let relation: Relation
    /// A mobile number; children under 16 carry the number of the head, who answers for them.
    public let phone: String
    public let hukou: Hukou
    /// 1 (most severe) … 4, or nil without a disability certificate.
    public let disabilityGrade: Int?
    public let disabilityKind: DisabilityKind?
    public let selfCare: SelfCare
    public let laborCapacity: LaborCapacity
}
