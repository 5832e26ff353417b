import Foundation

/// The facts about a person that both the registry keeps and the policy rules read.
/// Raw values are the English codes of the assessment contract and the import format.

public enum Hukou: String, Codable, Sendable, CaseIterable {
    case urban, rural

    public var chinese: String { self == .urban ? "城镇" : "农村" }
}

public enum DisabilityKind: String, Codable, Sendable, CaseIterable {
    case physical, visual, hearing, speech, intellectual, mental, multiple

    public var chinese: String {
        switch self {
        case .physical: return "肢体"
        case .visual: return "视力"
        case .hearing: return "听力"
        case .speech: return "言语"
        case .intellectual: return "智力"
        case .mental: return "精神"
        case .multiple: return "多重"
        }
    }
}

/// 生活自理能力.
public enum SelfCare: String, Codable, Sendable, CaseIterable {
    case full, partial, none

    public var chinese: String {
        switch self {
        case .full: return "完全自理"
        case .partial: return "部分自理"
        case .none: return "完全不能自理"
        }
    }
}

/// 劳动能力.
public enum LaborCapacity: String, Codable, Sendable, CaseIterable {
    case full, partial, none

    public var chinese: String {
        switch self {
        case .full: return "有劳动能力"
        case .partial: return "部分丧失劳动能力"
        case .none: return "无劳动能力"
        }
    }
}

/// A member's relation to the head of the household (与户主关系).
public enum Relation: String, Codable, Sendable, CaseIterable {
    case head, spouse, child, parent, grandchild, grandparent, sibling, other

    public var chinese: String {
        switch self {
        case .head: return "本人"
        case .spouse: return "配偶"
        case .child: return "子女"
        case .parent: return "父母"
        case .grandchild: return "孙子女"
        case .grandparent: return "祖父母"
        case .sibling: return "兄弟姐妹"
        case .other: return "其他"
        }
    }

    /// Accepts the English code or the Chinese word (户主 is taken as 本人).
    public init?(code text: String) {
        let t = text.trimmedWhitespace
        if let v = Relation(rawValue: t) { self = v; return }
        if t == "户主" { self = .head; return }
        guard let v = Relation.allCases.first(where: { $0.chinese == t }) else { return nil }
        self = v
    }
}

extension Hukou {
    /// Accepts `urban`/`rural` or 城镇/农村.
    public init?(code text: String) {
        let t = text.trimmedWhitespace
        if let v = Hukou(rawValue: t) { self = v; return }
        guard let v = Hukou.allCases.first(where: { $0.chinese == t }) else { return nil }
        self = v
    }
}
