/// What approval grants: the enrollment's item (dibao may be granted as 单人保) and amount.
public struct Grant: Equatable, Sendable {
    public let itemCode: String
    public let monthlyFen: Int64

    public init(itemCode: String, monthlyFen: Int64) {
        self.itemCode = itemCode
        self.monthlyFen = monthlyFen
    }
}

/// The policy engine's answer on an application's household (家庭经济状况核对), and where
/// the applicant stands in it.
public struct EconomyCheck: Sendable {
    public let answer: AssessmentResponse
    /// Person ids in the answer's `member` order.
    public let memberOrder: [String]

    public init(answer: AssessmentResponse, memberOrder: [String]) {
        self.answer = answer
        self.memberOrder = memberOrder
    }

    /// What the engine grants for the item `itemCode`, nil when not eligible. A person item
    /// (`applicant` set) counts only the applicant's own entry; a dibao application may end
    /// in 单人保 (individual dibao) for one member, which is granted under that code.
    public func decision(itemCode: String, applicant: String?, catalog: AssistanceCatalog) -> Grant? {
        guard let code = AssistanceItemCode(itemCode), let program = catalog.item(code)?.engineProgram else {
            return nil
        }
        let applicantIndex = applicant.flatMap { memberOrder.firstIndex(of: $0) }
        func entries(_ p: PolicyProgram) -> [AssessmentResponse.Program] {
            answer.programs.filter {
                $0.program == p && $0.eligible && (applicant == nil || $0.member == applicantIndex)
            }
        }
        if !entries(program).isEmpty {
            return Grant(itemCode: code.rawValue, monthlyFen: entries(program).reduce(0) { $0 + $1.monthlyFen })
        }
        if program == .dibao, !entries(.individualDibao).isEmpty {
            return Grant(
                itemCode: PolicyProgram.individualDibao.rawValue,
                monthlyFen: entries(.individualDibao).reduce(0) { $0 + $1.monthlyFen })
        }
        return nil
    }
}
