/// Finds services by the words people use: the name, the keywords (低保 finds 最低生活保障),
/// a sentence that contains a keyword (我想申请低保), pinyin initials (zdsh, db), then the guide's
/// text and, last, most of the query's characters in the name. Best match first; ties keep
/// the most used services, then the list's order.
public enum PortalSearch {
    public static func rank(_ query: String, in services: [PortalService]) -> [PortalService] {
        let q = normalized(query)
        guard !q.isEmpty else { return [] }
        return services.compactMap { service in score(q, service).map { (service, $0) } }
            .sorted { a, b in
                if a.1 != b.1 { return a.1 > b.1 }
                if a.0.popular != b.0.popular { return a.0.popular }
                return a.0.id < b.0.id
            }
            .map(\.0)
    }

    /// Lower case, without spaces and punctuation.
    static func normalized(_ text: String) -> String {
        String(text.lowercased().filter { !$0.isWhitespace && !$0.isPunctuation && !$0.isSymbol })
    }

    static func score(_ q: String, _ service: PortalService) -> Int? {
        let name = normalized(service.name)
        let keywords = service.keywords.map(normalized)
        var best = 0
        func take(_ value: Int) { best = max(best, value) }
        if name == q { take(1_000) }
        if keywords.contains(q) { take(900) }
        if name.contains(q) { take(700 + q.count * 10 / max(name.count, 1)) }
        if keywords.contains(where: { $0.contains(q) }) { take(600) }
        if let longest = keywords.filter({ $0.count >= 2 && q.contains($0) }).map(\.count).max() {
            take(500 + min(longest, 9) * 10)
        }
        if q.allSatisfy({ $0.isASCII && $0.isLetter }) {
            if service.initials.contains(q) { take(800) }
            if service.initials.contains(where: { $0.hasPrefix(q) }) { take(650) }
            if q.count >= 2, service.initials.contains(where: { $0.contains(q) }) { take(450) }
        }
        if best == 0 {
            let text = [service.summary, service.who, service.conditions].map(normalized)
            if text.contains(where: { $0.contains(q) }) { take(300) }
        }
        if best == 0 {
            let letters = Set(name + keywords.joined())
            let chinese = q.filter { !$0.isASCII }
            let matched = chinese.filter { letters.contains($0) }.count
            if matched >= 2, matched * 3 >= chinese.count * 2 { take(100 + matched * 10) }
        }
        return best > 0 ? best : nil
    }
}
