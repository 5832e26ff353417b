/// How many rows a list holds, as far as counting them is cheap: exact up to `cap` rows,
/// and past it "at least" (`10 000+`), so that a city-wide list never counts a city.
public struct ListCount: Sendable, Equatable {
    /// Rows a list counts at most before it says "more than".
    public static let cap = 10_000

    /// The rows counted; when not `exact`, a lower bound.
    public let value: Int
    public let exact: Bool

    public init(value: Int, exact: Bool) {
        self.value = value
        self.exact = exact
    }

    /// From a count held to `cap + 1` rows: `cap + 1` means there are more than `cap`.
    public init(counted: Int, cap: Int = ListCount.cap) {
        self.init(value: min(counted, cap), exact: counted <= cap)
    }

    /// What reading a page by its number adds: the rows before it and on it are there, and
    /// a page that is the last one (`more` false) makes the count exact.
    public func refined(offset: Int, onPage: Int, more: Bool) -> ListCount {
        if exact { return self }
        if !more { return ListCount(value: offset + onPage, exact: true) }
        return ListCount(value: max(value, offset + onPage), exact: false)
    }

    /// `1 234` or `10 000+`: thousands set apart by a space, as the pages write numbers.
    public var label: String { Self.grouped(value) + (exact ? "" : "+") }

    /// The pages the rows fill, at least one; when not exact, a lower bound (see `pageLabel`).
    public func pageCount(perPage: Int) -> Int { PageWindow.pageCount(total: value, perPage: perPage) }

    public func pageLabel(perPage: Int) -> String { Self.grouped(pageCount(perPage: perPage)) + (exact ? "" : "+") }

    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(" ") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}

/// The name search's index keys: every two characters of a name that stand together
/// (王秀英 → 王秀, 秀英). A query of two or more characters is looked up by its first pair
/// (the longer ones then checked against the whole name); Chinese names are short, so a
/// trigram index would miss the commonest query, a two-character one.
public enum NameGrams {
    public static func pairs(_ name: String) -> [String] {
        let chars = Array(name)
        guard chars.count >= 2 else { return [] }
        var seen = Set<String>()
        return (0..<(chars.count - 1)).map { String(chars[$0...$0 + 1]) }.filter { seen.insert($0).inserted }
    }

    /// The pair a query is looked up by, or nil for a one-character query (read by scanning
    /// the scope's names in order, which stops at a page of matches).
    public static func lookupKey(_ query: String) -> String? { pairs(query).first }
}
