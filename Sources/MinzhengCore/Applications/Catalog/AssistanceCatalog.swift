import Foundation

/// The assistance items the front door offers, in display order (department by
/// department, as CATALOG.md lists them).
///
/// The app seeds its table from `AssistanceCatalog.standard` and reads it back through
/// `decode(json:)`, so an edited table passes the same checks as the seed.
public struct AssistanceCatalog: Hashable, Sendable {
    public let items: [AssistanceItem]

    /// Refuses two items with one code, and two items decided by one engine program (the
    /// engine's decision must lead back to exactly one item).
    public init(items: [AssistanceItem]) throws(AssistanceCatalogError) {
        var codes: [AssistanceItemCode: Int] = [:]
        var programs: [PolicyProgram: Int] = [:]
        for (index, item) in items.enumerated() {
            if let first = codes[item.code] {
                throw AssistanceCatalogError(
                    field: "items[\(index)].code", message: "事项代码 \(item.code) 与 items[\(first)] 重复")
            }
            codes[item.code] = index
            if let program = item.engineProgram {
                if let first = programs[program] {
                    throw AssistanceCatalogError(
                        field: "items[\(index)].engineProgram",
                        message: "政策引擎项目 \(program.rawValue) 已由 items[\(first)] 使用")
                }
                programs[program] = index
            }
        }
        self.items = items
    }

    public func item(_ code: AssistanceItemCode) -> AssistanceItem? {
        items.first { $0.code == code }
    }

    /// The item whose eligibility and amount `program` decides.
    public func item(decidedBy program: PolicyProgram) -> AssistanceItem? {
        items.first { $0.engineProgram == program }
    }

    public func items(of department: Department) -> [AssistanceItem] {
        items.filter { $0.department == department }
    }

    /// The departments that own at least one item, in `Department` order.
    public var departments: [Department] {
        Department.allCases.filter { department in items.contains { $0.department == department } }
    }

    /// The catalogue with one item replaced by its edited version (same code).
    public func replacing(_ edited: AssistanceItem) throws(AssistanceCatalogError) -> AssistanceCatalog {
        guard let index = items.firstIndex(where: { $0.code == edited.code }) else {
            throw AssistanceCatalogError(field: "code", message: "没有代码为 \(edited.code) 的事项")
        }
        var changed = items
        changed[index] = edited
        return try AssistanceCatalog(items: changed)
    }

    /// Reads `{"items": […]}`; any refusal names the field, e.g. `items[4].approval.level`.
    public static func decode(json: Data) throws(AssistanceCatalogError) -> AssistanceCatalog {
        try AssistanceCatalogError.decoding(AssistanceCatalog.self, from: json)
    }

    /// `{"items": […]}`, pretty-printed with sorted keys so that a seed file diffs cleanly.
    public func encodedJSON() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, arrays and objects cannot fail.
        return try! encoder.encode(self)
    }
}

extension AssistanceCatalog: Codable {
    private enum CodingKeys: String, CodingKey { case items }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let items = try c.decode([AssistanceItem].self, forKey: .items)
        self = try AssistanceCatalogError.within(decoder.codingPath) { () throws(AssistanceCatalogError) in
            try AssistanceCatalog(items: items)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(items, forKey: .items)
    }
}

extension AssistanceCatalog {
    /// The Chinese name of an item or enrollment code, for messages: the item's name,
    /// 单人保 for the enrollment-only `individualDibao`, else the code itself.
    public func displayName(of code: AssistanceItemCode) -> String {
        if let item = item(code) { return item.name }
        if code == .individualDibao { return "单人保（个人低保）" }
        return code.rawValue
    }
}
