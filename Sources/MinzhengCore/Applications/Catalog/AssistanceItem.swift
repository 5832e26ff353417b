/// One of the 32 assistance items a resident can apply for at the front door.
///
/// Built only through the validating initializer (also used by the JSON decoder), so an
/// item in hand is always consistent: a non-empty name, at least one document, no
/// document twice, and an engine program only where the engine can decide it.
public struct AssistanceItem: Hashable, Sendable, Identifiable {
    public let code: AssistanceItemCode
    /// The zh-CN name residents see, as in CATALOG.md.
    public let name: String
    public let department: Department
    public let subject: AssistanceSubject
    /// Who approves; editable by the city administrator.
    public let approval: ApprovalRule
    /// What the applicant uploads; editable by the city administrator.
    public let documents: [DocumentRequirement]
    /// The policy-engine program that decides eligibility and the monthly amount during
    /// the household-economy check; nil when people decide (the amount is requested and
    /// judged case by case, or the department has its own rules).
    public let engineProgram: PolicyProgram?

    public var id: AssistanceItemCode { code }

    /// True for the items of the civil-affairs bureau, which run the full review
    /// workflow; every other item is routed to its department's queue.
    public var isCivilAffairs: Bool { department == .civilAffairs }

    public var route: ReviewRoute { isCivilAffairs ? .civilAffairsReview : .departmentQueue(department) }

    public init(
        code: AssistanceItemCode, name: String, department: Department, subject: AssistanceSubject,
        approval: ApprovalRule, documents: [DocumentRequirement],
        engineProgram: PolicyProgram?
    ) throws(AssistanceCatalogError) {
        let trimmed = name.trimmedWhitespace
        guard !trimmed.isEmpty else { throw AssistanceCatalogError(field: "name", message: "事项名称不能为空") }
        guard trimmed.count <= 40 else { throw AssistanceCatalogError(field: "name", message: "事项名称不能超过 40 个字") }
        try Self.check(documents)
        if let engineProgram {
            // The engine computes 民政 programs from the registry; another department's
            // item cannot be decided by it without that department's own rules.
            guard department == .civilAffairs else {
                throw AssistanceCatalogError(
                    field: "engineProgram",
                    message: "\(department.chinese)的事项不由民政政策引擎认定，engineProgram 应为 null")
            }
            // A household program's decision has no member; a per-person one has one.
            let expected: AssistanceSubject = engineProgram.isHouseholdProgram ? .household : .person
            guard subject == expected else {
                throw AssistanceCatalogError(
                    field: "subject",
                    message: "政策引擎项目 \(engineProgram.rawValue) 按\(expected.chinese)认定，申请对象应为 \(expected.rawValue)")
            }
        }
        self.code = code
        self.name = trimmed
        self.department = department
        self.subject = subject
        self.approval = approval
        self.documents = documents
        self.engineProgram = engineProgram
    }

    /// The item after the city administrator's edit of the two things they may change;
    /// everything else is fixed by policy and code.
    public func editing(
        approval: ApprovalRule? = nil, documents: [DocumentRequirement]? = nil
    ) throws(AssistanceCatalogError) -> AssistanceItem {
        try AssistanceItem(
            code: code, name: name, department: department, subject: subject,
            approval: approval ?? self.approval, documents: documents ?? self.documents,
            engineProgram: engineProgram)
    }

    /// The level that approves an application for `requestedAmount` (temporary assistance
    /// depends on it; other items ignore it) under the dibao standard `standard`.
    public func approvingLevel(requestedAmount: Fen, standard: Fen) -> RegionCode.Level {
        approval.approvingLevel(requestedAmount: requestedAmount, standard: standard)
    }

    private static func check(_ documents: [DocumentRequirement]) throws(AssistanceCatalogError) {
        // Every item needs at least proof of who applies; an empty list is an editing slip.
        guard !documents.isEmpty else { throw AssistanceCatalogError(field: "documents", message: "至少需要一项申请材料") }
        var seen: [String: Int] = [:]
        for (index, document) in documents.enumerated() {
            if let first = seen[document.code] {
                throw AssistanceCatalogError(
                    field: "documents[\(index)].code",
                    message: "材料代码 \(document.code) 与 documents[\(first)] 重复")
            }
            seen[document.code] = index
        }
    }
}
