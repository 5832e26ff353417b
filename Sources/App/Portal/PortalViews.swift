import MinzhengCore
import Vapor

/// A category as a tile or heading.
struct PortalCategoryView: Encodable {
    let code: String
    let name: String
    let summary: String
    let href: String
    let count: Int

    init(_ category: PortalCategory, count: Int) {
        code = category.code
        name = category.name
        summary = category.summary
        href = Route.serviceCategory.path(category.code)
        self.count = count
    }
}

/// A service in a list: its name, one line, whether it is handled online.
struct PortalServiceLink: Encodable {
    let id: Int
    let name: String
    let summary: String
    let href: String
    let online: Bool
    let categoryName: String

    init(_ service: PortalService, categoryName: String) {
        id = service.id
        name = service.name
        summary = service.summary
        href = Route.service.path(service.category, String(service.id))
        online = service.online.flatMap(PortalEntryRoutes.link) != nil
        self.categoryName = categoryName
    }
}

/// The front page for visitors and residents.
struct PortalHomePage: Encodable {
    let layout: LayoutContext
    let categories: [PortalCategoryView]
    let popular: [PortalServiceLink]
    let signedIn: Bool
}

struct PortalCategoryPage: Encodable {
    let layout: LayoutContext
    let category: PortalCategoryView
    let services: [PortalServiceLink]
    let categories: [PortalCategoryView]
}

/// The way to do it online, after sign-in when the page needs it.
struct PortalEntryView: Encodable {
    let href: String
    let label: String
}

struct PortalServicePage: Encodable {
    let layout: LayoutContext
    let category: PortalCategoryView
    let service: PortalService
    let entry: PortalEntryView?
    let dial: String?
    let editHref: String?
    let saved: Bool
}

struct PortalSearchPage: Encodable {
    let layout: LayoutContext
    let query: String
    let results: [PortalServiceLink]
    let popular: [PortalServiceLink]
    let categories: [PortalCategoryView]
    /// Every category with its services, when nothing was asked (全部服务).
    let all: [PortalCategoryGroup]
}

struct PortalCategoryGroup: Encodable {
    let category: PortalCategoryView
    let services: [PortalServiceLink]
}

/// The city administrator's edit of a service's guide: lists one item per line.
struct PortalEditForm: Content {
    var version: Int?
    var name: String?
    var summary: String?
    var who: String?
    var conditions: String?
    var documents: String?
    var steps: String?
    var timeLimit: String?
    var fee: String?
    var place: String?
    var hours: String?
    var phone: String?
    var keywords: String?
    var initials: String?

    init(_ service: PortalService, version: Int) {
        self.version = version
        name = service.name
        summary = service.summary
        who = service.who
        conditions = service.conditions
        documents = service.documents.joined(separator: "\n")
        steps = service.steps.joined(separator: "\n")
        timeLimit = service.timeLimit
        fee = service.fee
        place = service.place
        hours = service.hours
        phone = service.phone
        keywords = service.keywords.joined(separator: "\n")
        initials = service.initials.joined(separator: "\n")
    }

    static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    func edited(_ service: PortalService) throws(Refusal) -> PortalService {
        try service.editing(
            name: name ?? "", summary: summary ?? "", who: who ?? "", conditions: conditions ?? "",
            documents: Self.lines(documents), steps: Self.lines(steps), timeLimit: timeLimit ?? "", fee: fee ?? "",
            place: place ?? "", hours: hours ?? "", phone: phone ?? "", keywords: Self.lines(keywords),
            initials: Self.lines(initials).map { $0.lowercased() })
    }
}

struct PortalEditPage: Encodable {
    let layout: LayoutContext
    let category: PortalCategoryView
    let serviceName: String
    let serviceHref: String
    let form: PortalEditForm
    let error: String?
    let errorField: String?
}

/// `GET /api/v1/services`: the categories and services with their guides and entries.
struct PortalServicesAnswer: Content {
    struct Service: Content {
        let id: Int
        let category: String
        let name: String
        let summary: String
        let who: String
        let conditions: String
        let documents: [String]
        let steps: [String]
        let timeLimit: String
        let fee: String
        let place: String
        let hours: String
        let phone: String
        let keywords: [String]
        /// The page that handles it online; nil when only the office does.
        let online: String?
        let needsSignIn: Bool
        let page: String
    }

    struct Category: Content {
        let code: String
        let name: String
        let summary: String
    }

    let categories: [Category]
    let services: [Service]
}

extension PortalServicesAnswer.Service {
    init(_ s: PortalService) {
        let link = s.online.flatMap(PortalEntryRoutes.link)
        self.init(
            id: s.id, category: s.category, name: s.name, summary: s.summary, who: s.who, conditions: s.conditions,
            documents: s.documents, steps: s.steps, timeLimit: s.timeLimit, fee: s.fee, place: s.place, hours: s.hours,
            phone: s.phone, keywords: s.keywords, online: link?.href, needsSignIn: link?.needsSignIn ?? false,
            page: Route.service.path(s.category, String(s.id)))
    }
}
