import MinzhengCore
import Testing

/// Issue 13: the audit page names actions and objects in Chinese.
@Suite("Audit catalogue")
struct AuditCatalogTests {
    @Test(
        "actions are named in Chinese; an unknown code is shown as it is",
        arguments: [
            ("person.viewIdentity", "查看完整身份证号"),
            ("household.create", "登记家庭"),
            ("application.approve", "救助申请：审批通过"),
            ("application.withdraw", "救助申请：撤回申请"),
            ("enrollment.suspended", "暂停救助待遇"),
            ("payroll.approve", "审核通过发放名册"),
            ("user.password.reset", "重置密码"),
            ("something.new", "something.new"),
        ])
    func actionNames(code: String, name: String) {
        #expect(AuditCatalog.name(ofAction: code) == name)
        #expect(AuditCatalog.knows(action: code) == (code != name))
    }

    @Test(
        "objects are named in Chinese",
        arguments: [
            ("person", "人员"), ("household", "家庭"), ("payroll_roll", "发放名册"), ("visit_task", "走访任务"), ("other", "other"),
        ])
    func entityNames(entity: String, name: String) {
        #expect(AuditCatalog.name(ofEntity: entity) == name)
    }

    @Test("every code once, every name once, every application step named")
    func complete() {
        #expect(Set(AuditCatalog.actions.map(\.code)).count == AuditCatalog.actions.count)
        #expect(Set(AuditCatalog.actions.map(\.name)).count == AuditCatalog.actions.count)
        for step in WorkflowActionKind.allCases { #expect(AuditCatalog.knows(action: "application.\(step.rawValue)")) }
    }
}
