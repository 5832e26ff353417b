import MinzhengCore

/// Who may send which feed: a user of a partner department, for the kinds their department
/// sends. One check for the API and the upload page. A role, not a permission: sending a
/// department's data is what being that department means, and no administrator holds it
/// (the permissions are what creators may pass on).
enum FeedSender {
    static func sends(_ user: CurrentUser) -> Bool {
        user.role == .department && user.department.flatMap(FeedDepartment.init(rawValue:)) != nil
    }

    static func department(of user: CurrentUser) throws -> FeedDepartment {
        guard user.role == .department, let department = user.department.flatMap(FeedDepartment.init(rawValue:)) else {
            throw Refusal(.forbidden, "只有协同部门的账户可以报送数据")
        }
        return department
    }

    static func check(_ user: CurrentUser, kind code: String?) throws -> (FeedDepartment, FeedKind) {
        let department = try department(of: user)
        guard let kind = code.flatMap(FeedKind.init(rawValue:)) else { throw Refusal.notFound("数据类别") }
        guard department.mayPush(kind) else {
            throw Refusal(.forbidden, "\(department.chinese)无权报送“\(kind.chinese)”数据", field: "kind")
        }
        return (department, kind)
    }
}
