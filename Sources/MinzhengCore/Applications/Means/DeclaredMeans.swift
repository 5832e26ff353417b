import Foundation

/// What an applicant declares beyond the registry (申报的家庭经济状况): each member's
/// incomes and circumstances, the household's assets and rigid expenses. The registry
/// holds who the members are (birth date, sex, hukou, disability, self-care, labour
/// capacity); together they make the policy engine's request.
public struct DeclaredMeans: Codable, Hashable, Sendable {
    public struct Member: Codable, Hashable, Sendable {
        /// The registry person this is about.
        public var personId: String
        public var incomes: [Income]
        public var seriousIllness: Bool
        public var hasCapableSupporter: Bool
        public var orphan: Bool
        public var careSetting: AssessmentRequest.CareSetting?
        public var childCategory: AssessmentRequest.ChildCategory?

        public init(
            personId: String, incomes: [Income] = [], seriousIllness: Bool = false, hasCapableSupporter: Bool = true,
            orphan: Bool = false, careSetting: AssessmentRequest.CareSetting? = nil,
            childCategory: AssessmentRequest.ChildCategory? = nil
        ) {
            self.personId = personId
            self.incomes = incomes
            self.seriousIllness = seriousIllness
            self.hasCapableSupporter = hasCapableSupporter
            self.orphan = orphan
            self.careSetting = careSetting
            self.childCategory = childCategory
        }
    }

    public struct Income: Codable, Hashable, Sendable {
        public var kind: AssessmentRequest.IncomeKind
        public var monthlyFen: Int64

        public init(kind: AssessmentRequest.IncomeKind, monthlyFen: Int64) {
            self.kind = kind
            self.monthlyFen = monthlyFen
        }
    }

    public var members: [Member]
    public var financialFen: Int64
    public var vehicles: Int
    public var residentialProperties: Int
    public var ownsBusiness: Bool
    public var annualMedicalFen: Int64
    public var annualEducationFen: Int64
    public var annualRehabilitationFen: Int64
    public var annualDisasterFen: Int64

    public init(
        members: [Member] = [], financialFen: Int64 = 0, vehicles: Int = 0, residentialProperties: Int = 0,
        ownsBusiness: Bool = false, annualMedicalFen: Int64 = 0, annualEducationFen: Int64 = 0,
        annualRehabilitationFen: Int64 = 0, annualDisasterFen: Int64 = 0
    ) {
        self.members = members
        self.financialFen = financialFen
        self.vehicles = vehicles
        self.residentialProperties = residentialProperties
        self.ownsBusiness = ownsBusiness
        self.annualMedicalFen = annualMedicalFen
        self.annualEducationFen = annualEducationFen
        self.annualRehabilitationFen = annualRehabilitationFen
        self.annualDisasterFen = annualDisasterFen
    }

    /// Throws the first amount or count out of bounds (`InputRules`), or a list longer than
    /// the assessment contract allows, named as a field (`means.members[1].incomes[0].monthlyFen`).
    public func validate() throws(FieldProblem) {
        guard members.count <= AssessmentRequest.maximumMembers else {
            throw FieldProblem("means.members", "家庭成员至多 \(AssessmentRequest.maximumMembers) 人")
        }
        for (i, m) in members.enumerated() {
            guard m.incomes.count <= AssessmentRequest.maximumIncomesPerMember else {
                throw FieldProblem(
                    "means.members[\(i)].incomes", "每人至多 \(AssessmentRequest.maximumIncomesPerMember) 项收入")
            }
            for (j, income) in m.incomes.enumerated() {
                _ = try InputRules.amount(income.monthlyFen, field: "means.members[\(i)].incomes[\(j)].monthlyFen")
            }
        }
        let amounts: [(String, Int64)] = [
            ("financialFen", financialFen), ("annualMedicalFen", annualMedicalFen),
            ("annualEducationFen", annualEducationFen), ("annualRehabilitationFen", annualRehabilitationFen),
            ("annualDisasterFen", annualDisasterFen),
        ]
        for (field, value) in amounts { _ = try InputRules.amount(value, field: "means.\(field)") }
        _ = try InputRules.count(vehicles, field: "means.vehicles")
        _ = try InputRules.count(residentialProperties, field: "means.residentialProperties")
    }
}

/// A registry member's facts, as the household-economy check reads them.
public struct RegistryMemberFacts: Hashable, Sendable {
    public var personId: String
    public var birthDate: CivilDate
    public var sex: Sex
    public var hukou: Hukou
    public var disabilityGrade: Int?
    public var disabilityKind: DisabilityKind?
    public var selfCare: SelfCare
    public var laborCapacity: LaborCapacity
    public var deceased: Bool

    public init(
        personId: String, birthDate: CivilDate, sex: Sex, hukou: Hukou, disabilityGrade: Int?,
        disabilityKind: DisabilityKind?,
        selfCare: SelfCare, laborCapacity: LaborCapacity, deceased: Bool
    ) {
        self.personId = personId
        self.birthDate = birthDate
        self.sex = sex
        self.hukou = hukou
        self.disabilityGrade = disabilityGrade
        self.disabilityKind = disabilityKind
        self.selfCare = selfCare
        self.laborCapacity = laborCapacity
        self.deceased = deceased
    }
}

/// 家庭经济状况核对: the household as the registry knows it, with what it declared, as the
/// policy engine's request. Deceased members and members born after the month are not
/// part of the household; members without a declaration declare nothing.
public enum HouseholdEconomyCheck {
    public static func request(
        region: String, month: YearMonth, members: [RegistryMemberFacts], means: DeclaredMeans
    ) -> AssessmentRequest {
        let declared = Dictionary(means.members.map { ($0.personId, $0) }, uniquingKeysWith: { first, _ in first })
        let living = members.filter { !$0.deceased && $0.birthDate <= month.lastDay }
        return AssessmentRequest(
            region: region, month: month,
            members: living.map { facts in
                let d = declared[facts.personId]
                return AssessmentRequest.Member(
                    birthDate: facts.birthDate, sex: facts.sex, hukou: facts.hukou,
                    disabilityGrade: facts.disabilityGrade, disabilityKind: facts.disabilityKind,
                    seriousIllness: d?.seriousIllness ?? false, selfCare: facts.selfCare,
                    laborCapacity: facts.laborCapacity,
                    hasCapableSupporter: d?.hasCapableSupporter ?? true, orphan: d?.orphan ?? false,
                    careSetting: d?.careSetting, childCategory: d?.childCategory,
                    incomes: (d?.incomes ?? []).map { .init(kind: $0.kind, monthlyFen: Fen($0.monthlyFen)) })
            },
            assets: .init(
                financialFen: Fen(means.financialFen), vehicles: means.vehicles,
                residentialProperties: means.residentialProperties, ownsBusiness: means.ownsBusiness),
            annualRigidExpensesFen: .init(
                medical: Fen(means.annualMedicalFen), education: Fen(means.annualEducationFen),
                rehabilitation: Fen(means.annualRehabilitationFen), disaster: Fen(means.annualDisasterFen)))
    }

    /// The living members' ids in request order: `member` indexes of the answer refer to these.
    public static func memberOrder(month: YearMonth, members: [RegistryMemberFacts]) -> [String] {
        members.filter { !$0.deceased && $0.birthDate <= month.lastDay }.map(\.personId)
    }
}

extension DeclaredMeans {
    /// The declaration a full assessment request makes, its members being the persons
    /// `personIDs` in the same order (the demo generator's requests).
    public init(request: AssessmentRequest, personIDs: [String]) {
        self.init(
            members: zip(request.members, personIDs).map { member, id in
                Member(
                    personId: id,
                    incomes: member.incomes.map { Income(kind: $0.kind, monthlyFen: $0.monthlyFen.value) },
                    seriousIllness: member.seriousIllness, hasCapableSupporter: member.hasCapableSupporter,
                    orphan: member.orphan,
                    careSetting: member.careSetting, childCategory: member.childCategory)
            },
            financialFen: request.assets.financialFen.value, vehicles: request.assets.vehicles,
            residentialProperties: request.assets.residentialProperties, ownsBusiness: request.assets.ownsBusiness,
            annualMedicalFen: request.annualRigidExpensesFen.medical.value,
            annualEducationFen: request.annualRigidExpensesFen.education.value,
            annualRehabilitationFen: request.annualRigidExpensesFen.rehabilitation.value,
            annualDisasterFen: request.annualRigidExpensesFen.disaster.value)
    }
}
