/// Where an application goes after the front door (一门受理、协同办理).
public enum ReviewRoute: Hashable, Sendable {
    /// The full 民政 review: 受理 → 入户调查与经济状况核对 → 审核 → 公示 → 审批.
    case civilAffairsReview
    /// The owning department's queue, where its users accept, approve or reject.
    case departmentQueue(Department)

    public var chinese: String {
        switch self {
        case .civilAffairsReview: return "民政部门全流程审核"
        case .departmentQueue(let department): return "转\(department.chinese)办理"
        }
    }
}
