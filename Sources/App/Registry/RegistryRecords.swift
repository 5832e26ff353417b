import Foundation
import MinzhengCore
import Vapor

/// A person as lists and the API show them: the ID number and phone masked.
struct PersonSummary: Content, Sendable {
    let id: UUID
    let version: Int
    let name: String
    let idNumberMasked: String
    let phoneMasked: String?
    let sex: String
    let birthDate: String
    let region: String
    let regionName: String
    let householdId: UUID?
    let relation: String?
    let deceasedOn: String?
}

/// A person's whole record. `idNumber` is filled only for the person's own page, which is
/// audited; elsewhere it is nil.
struct PersonDetail: Content, Sendable {
    let id: UUID
    let version: Int
    let name: String
    let idNumberMasked: String
    var idNumber: String?
    let sex: String
    let birthDate: String
    let phoneMasked: String?
    let hukou: String
    let disabilityGrade: Int?
    let disabilityKind: String?
    let selfCare: String
    let laborCapacity: String
    let deceasedOn: String?
    let region: String
    let householdId: UUID?
    let relation: String?
    let history: [MembershipEntry]
}

/// One stay of a person in a household: moving keeps the earlier ones.
struct MembershipEntry: Content, Sendable {
    let householdId: UUID
    let address: String
    let region: String
    let relation: String
    let joinedAt: Date
    let leftAt: Date?
}

struct HouseholdMember: Content, Sendable {
    let personId: UUID
    let name: String
    let idNumberMasked: String
    let sex: String
    let birthDate: String
    let relation: String
    let deceasedOn: String?
}

struct HouseholdDetail: Content, Sendable {
    let id: UUID
    let version: Int
    let region: String
    let regionName: String
    let address: String
    let members: [HouseholdMember]
}

struct HouseholdSummary: Content, Sendable {
    let id: UUID
    let version: Int
    let region: String
    let regionName: String
    let address: String
    let headName: String?
    let memberCount: Int
}

/// The list answer of DESIGN.md: `items`, `total`, `page`, `perPage`.
/// A list too long to count cheaply says so: `totalExact` false and `total` a lower bound
/// (`ListCount`); a list that seeks gives the ids to read its neighbours from (`next`: pass
/// as `after=`, `previous`: as `before=`, with `page` one up or down).
struct Page<Item: Content & Sendable>: Content, Sendable {
    let items: [Item]
    let total: Int
    let page: Int
    let perPage: Int
    let totalExact: Bool
    /// `1 234` or `10 000+`.
    let totalLabel: String
    let next: UUID?
    let previous: UUID?

    init(
        items: [Item], total: Int, page: Int, perPage: Int, totalExact: Bool = true, next: UUID? = nil,
        previous: UUID? = nil
    ) {
        self.items = items
        self.total = total
        self.page = page
        self.perPage = perPage
        self.totalExact = totalExact
        self.totalLabel = ListCount(value: total, exact: totalExact).label
        self.next = next
        self.previous = previous
    }

    var count: ListCount { ListCount(value: total, exact: totalExact) }
    var pageCount: Int { PageWindow.pageCount(total: total, perPage: perPage) }
}

/// `?page=&perPage=`, parsed once for every list: `perPage` is held to 1…200 and a page
/// below 1 is the first; a page past `maximumPage` is refused naming the field, so that no
/// page number can make the offset overflow (or ask the database to skip a city twice over).
struct PageRequest: Sendable {
    static let maximumPerPage = 200
    static let maximumPage = 1_000_000

    let page: Int
    let perPage: Int
    /// A list that seeks (`SeekList`) starts the page after or before this row when it is
    /// still in the list; `page` is then the page's number as the links counted it.
    var after: UUID? = nil
    var before: UUID? = nil

    init(page: Int?, perPage: Int?, after: UUID? = nil, before: UUID? = nil) throws {
        let page = page ?? 1
        guard page <= Self.maximumPage else { throw Refusal.invalid("page", "页码不能超过 \(Self.maximumPage)") }
        self.page = max(1, page)
        self.perPage = min(Self.maximumPerPage, max(1, perPage ?? 20))
        self.after = after
        self.before = after == nil ? before : nil
    }

    /// With the edge rows as links carry them (an id that is not one is no edge).
    init(page: Int?, perPage: Int?, after: String?, before: String?) throws {
        try self.init(
            page: page, perPage: perPage, after: after.flatMap(UUID.init(uuidString:)),
            before: before.flatMap(UUID.init(uuidString:)))
    }

    private init(exactly page: Int, perPage: Int) {
        self.page = page
        self.perPage = perPage
    }

    /// The same request held to the pages that `total` rows fill (`PageWindow.clamp`).
    func clamped(total: Int) -> PageRequest {
        PageRequest(exactly: PageWindow.clamp(page, total: total, perPage: perPage), perPage: perPage)
    }

    var offset: Int { (page - 1) * perPage }
}
