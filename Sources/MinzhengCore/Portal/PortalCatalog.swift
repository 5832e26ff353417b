import Foundation

/// 民政通: the resident portal's list of services (SERVICES.md), shipped as
/// `Resources/portal-services.json` and edited by the city as data. A category groups
/// services; a service carries its guide for Changzhou (who, conditions, documents, steps,
/// time limit, fee, where, when, phone), the words people search it by, and, when the
/// platform handles it, the name of the page that does (`online.route`, a typed route of the
/// app checked by its tests).
public struct PortalCategory: Codable, Sendable, Equatable {
    /// The category's path segment: `assistance`, `elderly` …
    public let code: String
    public let name: String
    public let summary: String
}

/// Where a service is handled online: the name of one of the app's routes and its query.
public struct PortalEntry: Codable, Sendable, Equatable {
    public let route: String
    public let query: String?

    public init(route: String, query: String? = nil) {
        self.route = route
        self.query = query
    }
}

/// One service and its guide (办事指南).
public struct PortalService: Codable, Sendable, Equatable {
    /// Its number in SERVICES.md (1–65), stable.
    public let id: Int
    public let category: String
    public var name: String
    public var summary: String
    /// 谁可以申请.
    public var who: String
    /// 申请条件.
    public var conditions: String
    /// 所需材料, one per entry.
    public var documents: [String]
    /// 办理流程, in order.
    public var steps: [String]
    /// 办理时限.
    public var timeLimit: String
    /// 收费标准.
    public var fee: String
    /// 办理地点.
    public var place: String
    /// 办公时间.
    public var hours: String
    /// 咨询电话.
    public var phone: String
    /// The words people use to find it (低保, 结婚预约 …).
    public var keywords: [String]
    /// Pinyin initials of the name and keywords (`zdshbz` …), for search.
    public var initials: [String]
    public let online: PortalEntry?
    /// Shown among the most used services on the portal's front page.
    public let popular: Bool

    /// The guide's fields a city edits, with the Chinese label each error names.
    public static let fieldLabels: [(field: String, label: String)] = [
        ("name", "事项名称"), ("summary", "事项简介"), ("who", "申请对象"), ("conditions", "申请条件"),
        ("documents", "所需材料"), ("steps", "办理流程"), ("timeLimit", "办理时限"), ("fee", "收费标准"),
        ("place", "办理地点"), ("hours", "办公时间"), ("phone", "咨询电话"), ("keywords", "搜索用词"),
        ("initials", "拼音首字母"),
    ]

    public static func label(of field: String) -> String {
        fieldLabels.first { $0.field == field }?.label ?? field
    }

    static let maximumText = 1_000
    static let maximumItem = 200
    static let maximumItems = 30

    /// Refuses a guide with an empty or overlong field, naming the field (`who`, `documents` …).
    public func validate() throws(Refusal) {
        let texts: [(String, String)] = [
            ("name", name), ("summary", summary), ("who", who), ("conditions", conditions), ("timeLimit", timeLimit),
            ("fee", fee), ("place", place), ("hours", hours), ("phone", phone),
        ]
        for (field, value) in texts {
            let label = Self.label(of: field)
            if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw .invalid(field, "请填写\(label)")
            }
            if value.count > (field == "name" ? 60 : Self.maximumText) {
                throw .invalid(field, "\(label)太长（最多 \(field == "name" ? 60 : Self.maximumText) 字）")
            }
        }
        let lists: [(String, [String])] = [("documents", documents), ("steps", steps), ("keywords", keywords)]
        for (field, items) in lists {
            let label = Self.label(of: field)
            if items.isEmpty { throw .invalid(field, "请至少填写一项\(label)（每行一项）") }
            if items.count > Self.maximumItems { throw .invalid(field, "\(label)最多 \(Self.maximumItems) 项") }
            for item in items {
                if item.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    throw .invalid(field, "\(label)有空行")
                }
                if item.count > Self.maximumItem {
                    throw .invalid(field, "\(label)每项最多 \(Self.maximumItem) 字：\(item.prefix(20))…")
                }
            }
        }
        if initials.count > Self.maximumItems { throw .invalid("initials", "拼音首字母最多 \(Self.maximumItems) 项") }
        for item in initials where item.isEmpty || !item.allSatisfy({ $0.isASCII && $0.isLowercase && $0.isLetter }) {
            throw .invalid("initials", "拼音首字母只能是小写字母，每行一项，如 dbsq；出错的：\(item)")
        }
    }

    /// The service with its guide replaced by the edited one (same id, category, entry).
    public func editing(
        name: String, summary: String, who: String, conditions: String, documents: [String], steps: [String],
        timeLimit: String, fee: String, place: String, hours: String, phone: String, keywords: [String],
        initials: [String]
    ) throws(Refusal) -> PortalService {
        var edited = self
        edited.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        edited.summary = summary.trimmingCharacters(in: .whitespacesAndNewlines)
        edited.who = who.trimmingCharacters(in: .whitespacesAndNewlines)
        edited.conditions = conditions.trimmingCharacters(in: .whitespacesAndNewlines)
        edited.documents = documents
        edited.steps = steps
        edited.timeLimit = timeLimit.trimmingCharacters(in: .whitespacesAndNewlines)
        edited.fee = fee.trimmingCharacters(in: .whitespacesAndNewlines)
        edited.place = place.trimmingCharacters(in: .whitespacesAndNewlines)
        edited.hours = hours.trimmingCharacters(in: .whitespacesAndNewlines)
        edited.phone = phone.trimmingCharacters(in: .whitespacesAndNewlines)
        edited.keywords = keywords
        edited.initials = initials
        try edited.validate()
        return edited
    }

    /// The number to dial from the phone field: its leading digits and hyphens (`12345`).
    public var dialNumber: String? {
        let digits = phone.prefix { $0.isASCII && ($0.isNumber || $0 == "-") }
        return digits.count >= 3 ? String(digits) : nil
    }
}

/// The categories and their services.
public struct PortalCatalog: Codable, Sendable, Equatable {
    public let categories: [PortalCategory]
    public let services: [PortalService]

    public init(categories: [PortalCategory], services: [PortalService]) {
        self.categories = categories
        self.services = services
    }

    /// The shipped list (SERVICES.md: 8 categories, 65 services).
    public static let bundled: PortalCatalog = {
        guard let url = Bundle.module.url(forResource: "portal-services", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else { fatalError("portal-services.json is missing") }
        do {
            return try decode(json: data)
        } catch {
            fatalError("portal-services.json is invalid: \(error)")
        }
    }()

    /// Decodes and checks a list: known categories, unique ids, every guide filled.
    public static func decode(json: Data) throws -> PortalCatalog {
        let catalog = try JSONDecoder().decode(PortalCatalog.self, from: json)
        let codes = Set(catalog.categories.map(\.code))
        var seen: Set<Int> = []
        for service in catalog.services {
            guard codes.contains(service.category) else {
                throw Refusal.invalid("services[\(service.id)].category", "未知的分类 \(service.category)")
            }
            guard seen.insert(service.id).inserted else {
                throw Refusal.invalid("services[\(service.id)].id", "事项编号 \(service.id) 重复")
            }
            do { try service.validate() } catch {
                throw Refusal.invalid("services[\(service.id)].\(error.field ?? "")", error.message)
            }
        }
        return catalog
    }

    public func category(_ code: String) -> PortalCategory? { categories.first { $0.code == code } }

    public func services(in category: String) -> [PortalService] {
        services.filter { $0.category == category }
    }

    public func service(_ id: Int) -> PortalService? { services.first { $0.id == id } }

    public var popular: [PortalService] { services.filter(\.popular) }
}
