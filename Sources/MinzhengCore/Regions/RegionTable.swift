import Foundation

/// The official names of regions, read from the shipped GB/T 2260 tables and the
/// Changzhou street list (Resources/regions).
public struct RegionTable: Sendable {
    public struct Entry: Sendable, Hashable {
        public let code: RegionCode
        public let name: String
    }

    private let names: [String: String]
    private let childrenByParent: [String: [RegionCode]]

    public init(entries: [(code: String, name: String)]) {
        var names: [String: String] = [:]
        var children: [String: [RegionCode]] = [:]
        for (code, name) in entries {
            guard let region = RegionCode(code) else { continue }
            names[code] = name
            if let parent = region.parent { children[parent.value, default: []].append(region) }
        }
        self.names = names
        self.childrenByParent = children.mapValues { $0.sorted() }
    }

    /// The table shipped with the package: provinces, prefectures, counties of China and
    /// the streets and towns of Changzhou.
    public static let shipped: RegionTable = {
        var entries: [(code: String, name: String)] = []
        for file in ["provinces", "cities", "counties", "changzhou-streets"] {
            guard let url = Bundle.module.url(forResource: file, withExtension: "csv", subdirectory: "regions"),
                let text = try? String(contentsOf: url, encoding: .utf8)
            else {
                preconditionFailure("region table \(file).csv missing from the bundle")
            }
            for line in text.split(whereSeparator: \.isNewline).dropFirst() {
                let fields = line.split(separator: ",", maxSplits: 2)
                guard fields.count >= 2 else { continue }
                let name = fields[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                entries.append((String(fields[0]), name))
            }
        }
        return RegionTable(entries: entries)
    }()

    /// Changzhou 常州市.
    public static let changzhou = RegionCode("3204")!

    public func name(of code: RegionCode) -> String? { names[code.value] }

    public func contains(_ code: RegionCode) -> Bool { names[code.value] != nil }

    /// A community code is known when its street is: community lists are not shipped.
    public func isKnownOrCommunityOfKnownStreet(_ code: RegionCode) -> Bool {
        if code.level == .community, let street = code.parent { return contains(street) }
        return contains(code)
    }

    /// The full name, outermost first, e.g. `江苏省 常州市 天宁区 雕庄街道`.
    public func fullName(of code: RegionCode) -> String {
        code.chain.reversed().map(label).joined(separator: " ")
    }

    /// The region's own name; a community (not listed) as `社区001`, an unknown code as itself.
    public func label(of code: RegionCode) -> String {
        names[code.value] ?? (code.level == .community ? "社区\(code.value.suffix(3))" : code.value)
    }

    /// Direct children listed in the table, in code order.
    public func children(of code: RegionCode) -> [RegionCode] { childrenByParent[code.value] ?? [] }

    /// Every street or town of the table under `code`.
    public func streets(under code: RegionCode) -> [RegionCode] {
        names.keys.compactMap(RegionCode.init).filter { $0.level == .street && code.contains($0) }.sorted()
    }
}
