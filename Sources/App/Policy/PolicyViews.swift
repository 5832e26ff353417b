/// What `policy/index.leaf` shows: each parameter's value in force for the city this month.
struct PolicyIndexPage: Encodable {
    let layout: LayoutContext
    let month: String
    let rows: [PolicyIndexRow]
    let canSimulate: Bool
}

struct PolicyIndexRow: Encodable {
    let key: String
    let label: String
    let value: String
    let since: String
    /// Versions of the city that start after this month.
    let scheduled: [String]
    /// How many districts or streets have their own value.
    let overrides: Int
}

/// What `policy/parameter.leaf` shows: one parameter's versions, newest first, and the form.
struct PolicyParameterPage: Encodable {
    let layout: LayoutContext
    let key: String
    let label: String
    let hint: String
    let versions: [VersionRow]
    let canManage: Bool
    let regions: [Choice]
    let form: VersionForm
    let error: String?
    let errorField: String?
    let added: String?
}

struct VersionRow: Encodable {
    let region: String
    let regionCode: String
    let fromMonth: String
    let value: String
    let revision: Int
    let note: String
    let createdBy: String
    let createdAt: String
}
