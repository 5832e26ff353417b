/// The orders a list can be sorted in: a whitelist of cases, each with its fixed SQL
/// `ORDER BY` text, so nothing the user sends ever reaches the SQL. The first case is the
/// list's usual order; an unknown `sort` value falls back to it.
protocol ListSort: RawRepresentable<String>, CaseIterable, Sendable {
    /// The option's words in the list's sort menu.
    var label: String { get }
    /// Columns of the list's query, ending with a unique one so that pages never overlap.
    var orderBy: String { get }
}

extension ListSort {
    static func parse(_ text: String?) -> Self {
        text.flatMap(Self.init(rawValue:)) ?? allCases.first!
    }

    static var choices: [Choice] { allCases.map { Choice(value: $0.rawValue, label: $0.label) } }
}

/// A list order `SeekList` reads: its columns, ending with the id, one direction.
protocol SeekSort: ListSort {
    var order: [String] { get }
    var descending: Bool { get }
}

extension SeekSort {
    var orderBy: String { order.map { $0 + (descending ? " DESC" : "") }.joined(separator: ", ") }
}
