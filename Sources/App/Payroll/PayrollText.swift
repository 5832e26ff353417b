/// Chinese names of payroll states, for pages and messages.
enum PayrollText {
    static func state(_ state: String) -> String {
        switch state {
        case "draft": return "草稿"
        case "approved": return "已审核"
        case "closed": return "已结清"
        default: return state
        }
    }

    static func line(_ status: String) -> String {
        switch status {
        case "pending": return "待发放"
        case "paid": return "已到账"
        case "failed": return "发放失败"
        case "carried": return "已转下月重发"
        default: return status
        }
    }
}
