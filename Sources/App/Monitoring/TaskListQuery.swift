import MinzhengCore
import Vapor

/// `?region=&level=&overdue=1&page=&perPage=`: the open visit tasks a list, its page and its
/// export show, always inside the user's own region.
struct TaskListQuery: Content {
    var region: String?
    var level: String?
    var overdue: String?
    var page: Int?
    var perPage: Int?

    func filter(user: CurrentUser, today: CivilDate, regions: RegionTable) throws -> VisitTasks.Filter {
        var filter = VisitTasks.Filter()
        if let code = try RegistryInput.regionFilter(region, table: regions) {
            guard user.region.contains(code) else { throw Refusal.invalid("region", "区划 \(code.value) 不在您的管辖范围") }
            filter.region = RegionScope(code)
        }
        if let text = level?.trimmedWhitespace, !text.isEmpty {
            guard let level = AlertLevel(rawValue: text) else {
                throw Refusal.invalid("level", "级别应为 " + AlertLevel.allCases.map(\.rawValue).joined(separator: "、"))
            }
            filter.level = level
        }
        if ["1", "true", "on"].contains(overdue ?? "") { filter.overdueOn = today }
        return filter
    }

    /// The filters, for the pager's and the export's links.
    var links: [String: String?] { ["region": region, "level": level, "overdue": overdue] }
}
