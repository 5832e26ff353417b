import MinzhengCore
import Vapor

/// The order list's filters, as the page's form and the API's query string give them.
struct HomeCareOrderQuery: Content {
    var state: String?
    var month: String?
    var held: String?
    var page: Int?
    var perPage: Int?

    func filter() throws -> HomeCareStore.Filter {
        var filter = HomeCareStore.Filter()
        if let state, !state.isEmpty {
            guard let value = HomeCareOrderState(rawValue: state) else { throw Refusal.invalid("state", "工单状态无效") }
            filter.state = value
        }
        filter.month = try Self.month(month)
        filter.heldOnly = held == "1" || held == "true"
        return filter
    }

    /// A `YYYY-MM` month, nil when absent or empty.
    static func month(_ text: String?) throws -> YearMonth? {
        guard let text, !text.isEmpty else { return nil }
        guard let month = YearMonth(text) else { throw Refusal.invalid("month", "月份应为 YYYY-MM") }
        return month
    }

    /// The filters for links that keep them (the pager, the export).
    var links: [String: String?] { ["state": state, "month": month, "held": held] }
}
