/// Why a set of policy parameters could not be built. Messages are zh-CN with English.
public enum PolicyParameterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `PolicyParameters(values:)` was given no value for these keys.
    case missing(keys: [PolicyParameterKey])
    /// No row of the region, nor of any enclosing region, is in force in that month.
    case noneInForce(keys: [PolicyParameterKey], region: String, month: YearMonth)
    case invalid(key: PolicyParameterKey, value: Int64, problem: Problem)
    /// A stored row names a key this version does not know.
    case unknownKey(String)
    /// `policy-defaults.json` is absent or malformed.
    case defaultsUnreadable(String)

    public enum Problem: Sendable, Hashable {
        case negative
        case tooLarge(maximum: Int64)
        case workingAgeMinAboveMax
        case seniorAllowanceTiersNotAscending
    }

    public var description: String {
        switch self {
        case .missing(let keys):
            return
                "缺少政策参数 \(Self.list(keys)) / missing policy parameters: \(keys.map(\.rawValue).joined(separator: ", "))"
        case .noneInForce(let keys, let region, let month):
            return "地区 \(region) 在 \(month) 没有生效的政策参数 \(Self.list(keys))（已依次查找本级及上级地区）"
                + " / no policy parameter in force for region \(region) in \(month): \(keys.map(\.rawValue).joined(separator: ", "))"
        case .invalid(let key, let value, let problem):
            let (zh, en): (String, String)
            switch problem {
            case .negative: (zh, en) = ("不能为负数", "must not be negative")
            case .tooLarge(let maximum): (zh, en) = ("超过上限 \(maximum)", "exceeds \(maximum)")
            case .workingAgeMinAboveMax: (zh, en) = ("劳动年龄下限大于上限", "workingAgeMin is above workingAgeMax")
            case .seniorAllowanceTiersNotAscending:
                (zh, en) = ("尊老金各档起始年龄必须递增", "senior allowance tier ages must ascend")
            }
            return
                "政策参数 \(key.rawValue)（\(key.label)）= \(value)：\(zh) / policy parameter \(key.rawValue) = \(value): \(en)"
        case .unknownKey(let key):
            return "未知的政策参数 \(key) / unknown policy parameter key \(key)"
        case .defaultsUnreadable(let detail):
            return "无法读取默认政策参数 policy-defaults.json：\(detail) / cannot read policy-defaults.json: \(detail)"
        }
    }

    private static func list(_ keys: [PolicyParameterKey]) -> String {
        keys.map { "\($0.rawValue)（\($0.label)）" }.joined(separator: "、")
    }
}
