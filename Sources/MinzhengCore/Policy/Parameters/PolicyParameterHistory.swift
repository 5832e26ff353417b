/// One stored parameter value: in force for `regionCode` (and every region inside it)
/// from `fromMonth` until a later row of the same region and key replaces it.
public struct PolicyParameterRow: Sendable, Hashable {
    public var regionCode: String
    public var key: PolicyParameterKey
    public var fromMonth: YearMonth
    public var value: Int64

    public init(regionCode: String, key: PolicyParameterKey, fromMonth: YearMonth, value: Int64) {
        self.regionCode = regionCode
        self.key = key
        self.fromMonth = fromMonth
        self.value = value
    }

    /// For rows read from storage, where the key is text.
    public init(regionCode: String, keyName: String, fromMonth: YearMonth, value: Int64) throws(PolicyParameterError) {
        guard let key = PolicyParameterKey(rawValue: keyName) else { throw .unknownKey(keyName) }
        self.init(regionCode: regionCode, key: key, fromMonth: fromMonth, value: value)
    }
}

/// Every dated parameter row of every region, answering which values are in force for a
/// region and month.
///
/// Resolution is per key: the region's own latest row with `fromMonth ≤ month`, else the
/// enclosing region's (12-digit community → 9-digit street → 6-digit district → 4-digit
/// city → 2-digit province). So a district may override only the standard and inherit
/// everything else from its city.
public struct PolicyParameterHistory: Sendable {
    private struct Series: Hashable {
        let regionCode: String
        let key: PolicyParameterKey
    }

    /// Each series sorted by `fromMonth`, one row per month.
    private let series: [Series: [PolicyParameterRow]]

    /// When two rows share region, key and month, the later one in `rows` wins.
    public init(rows: [PolicyParameterRow]) {
        var byMonth: [Series: [YearMonth: PolicyParameterRow]] = [:]
        for row in rows {
            byMonth[Series(regionCode: row.regionCode, key: row.key), default: [:]][row.fromMonth] = row
        }
        series = byMonth.mapValues { $0.values.sorted { $0.fromMonth < $1.fromMonth } }
    }

    /// The region itself, then each enclosing region, innermost first.
    public static func fallbackChain(of region: String) -> [String] {
        let enclosingLengths = [9, 6, 4, 2]
        return [region]
            + enclosingLengths
            .filter { $0 < region.utf8.count }
            .map { String(region.prefix($0)) }
    }

    /// The row that decides `key` for `region` in `month`, or nil when none applies.
    public func row(for key: PolicyParameterKey, region: String, month: YearMonth) -> PolicyParameterRow? {
        for code in Self.fallbackChain(of: region) {
            if let rows = series[Series(regionCode: code, key: key)],
                let inForce = rows.last(where: { $0.fromMonth <= month })
            {
                return inForce
            }
        }
        return nil
    }

    /// All parameters in force for `region` in `month`; an error names every key without a value.
    public func parameters(for region: String, month: YearMonth) throws(PolicyParameterError) -> PolicyParameters {
        var values: [PolicyParameterKey: Int64] = [:]
        var missing: [PolicyParameterKey] = []
        for key in PolicyParameterKey.allCases {
            if let row = row(for: key, region: region, month: month) {
                values[key] = row.value
            } else {
                missing.append(key)
            }
        }
        guard missing.isEmpty else { throw .noneInForce(keys: missing, region: region, month: month) }
        return try PolicyParameters(values: values)
    }
}
