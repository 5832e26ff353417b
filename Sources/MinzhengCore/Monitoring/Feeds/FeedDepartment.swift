/// A department that pushes data feeds (CATALOG.md, "Department data feeds").
///
/// Not the same set as `Department`, which lists the departments that own assistance items:
/// 公安, 自然资源 (不动产登记) and 市场监管 send data but own no item. Where a department is in
/// both sets the raw value is the same code, so one `department` user code serves both its
/// assistance queue and its feed token.
public enum FeedDepartment: String, CaseIterable, Codable, Sendable {
    case publicSecurity, health, medicalInsurance, humanResources, disabledFederation
    case naturalResources, marketRegulation, education, justice

    /// The feed kinds this department may push; a token of another department is refused.
    public var feedKinds: [FeedKind] {
        FeedKind.allCases.filter { $0.departments.contains(self) }
    }

    public func mayPush(_ kind: FeedKind) -> Bool { kind.departments.contains(self) }
}
