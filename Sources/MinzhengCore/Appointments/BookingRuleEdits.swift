import Foundation

/// The city administrator's changes to the booking rules: an entry from a date on, never
/// for a day already begun, checked before it is stored.
extension BookingRuleBook {
    /// The shipped entries with `stored` ones on top: a stored entry of a kind and date
    /// replaces a shipped one of the same kind and date.
    public func merging(_ stored: [Entry]) -> BookingRuleBook {
        let replaced = Set(stored.map { "\($0.kind.rawValue)@\($0.from)" })
        return BookingRuleBook(
            entries: entries.filter { !replaced.contains("\($0.kind.rawValue)@\($0.from)") } + stored)
    }

    /// The rules of a new entry read from its JSON, or why they cannot be used from `from`
    /// when today is `today`; the refusal names the field.
    public static func entry(kind: BookingKind, from: CivilDate, json: String, today: CivilDate) throws -> Entry {
        guard from > today else {
            throw Refusal.invalid("from", "新规则只能从明天或以后的日期起施行（已开始的日子不改规则）")
        }
        let rules: BookingRules
        do {
            rules = try JSONDecoder().decode(BookingRules.self, from: Data(json.utf8))
        } catch let DecodingError.keyNotFound(key, _) {
            throw Refusal.invalid("rules", "缺少字段 \(key.stringValue)")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.dataCorrupted(context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw Refusal.invalid("rules", "字段 \(path.isEmpty ? "（整体）" : path) 格式不对：\(context.debugDescription)")
        } catch {
            throw Refusal.invalid("rules", "不是有效的 JSON：\(error)")
        }
        if let problem = rules.problem { throw Refusal.invalid("rules", problem) }
        return Entry(kind: kind, from: from, rules: rules)
    }
}

extension BookingRules {
    /// What makes the rules unusable; nil when they are sound.
    public var problem: String? {
        if sessions.isEmpty { return "sessions 至少要有一段" }
        for s in sessions where !(0 <= s.startMinute && s.startMinute < s.endMinute && s.endMinute <= 1_440) {
            return "sessions 的时段须在当天之内且开始早于结束（\(s.startMinute)–\(s.endMinute)）"
        }
        if sessions.contains(where: { $0.slotMinutes <= 0 }) { return "slotMinutes 须为正数" }
        if opensDaysAhead < 0 || opensDaysAhead > 366 { return "opensDaysAhead 须在 0–366 之间" }
        if let m = opensAtMinute, !(0..<1_440).contains(m) { return "opensAtMinute 须在 0–1439 之间" }
        if maxPersons < 1 || maxPersons > 20 { return "maxPersons 须在 1–20 之间" }
        if attemptsPerAccountMinute < 1 || attemptsPerAddressMinute < 1 { return "每分钟尝试次数须至少为 1" }
        if let limit = noShowLimit, limit < 1 { return "noShowLimit 须至少为 1" }
        if noShowWindowDays < 0 || banDays < 0 { return "noShowWindowDays、banDays 不能为负" }
        if let hours = confirmHours, hours < 1 { return "confirmHours 须至少为 1" }
        if let popular {
            if popular.capacityFactor < 1 { return "popular.capacityFactor 须至少为 1" }
            if popular.lotteryDays < 0 { return "popular.lotteryDays 不能为负" }
            if !(0...24).contains(popular.proofBits) { return "popular.proofBits 须在 0–24 之间" }
        }
        return nil
    }
}
