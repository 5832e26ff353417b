import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// 审计记录: auditors (and the city administrator) browse and filter the trail of their
/// region and export it as CSV. The trail is only ever read here.
struct AuditPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.audit.pattern, use: list)
        routes.get(Route.auditExport.pattern, use: export)
    }

    struct Query: Content {
        var from: String?
        var until: String?
        var actor: String?
        var action: String?
        var entityId: String?
        var page: Int?
        /// The edge sequence of the page beside: events older than `before`, newer than `after`.
        /// Read as text, so that a number that is not one is refused naming its field.
        var before: String?
        var after: String?

        /// `before` and `after` as sequence numbers; a value that is not one is refused.
        func edges() throws -> (before: Int64?, after: Int64?) {
            func sequence(_ text: String?, field: String) throws -> Int64? {
                guard let text, !text.isEmpty else { return nil }
                guard let value = Int64(text), value >= 0 else { throw Refusal.invalid(field, "应为审计记录的序号") }
                return value
            }
            return (try sequence(before, field: "before"), try sequence(after, field: "after"))
        }
    }

    func list(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.viewAudit)
        let query = try req.query.decode(Query.self)
        let store = AuditStore(db: req.sql)
        var page = AuditPage(
            layout: LayoutContext(request: req, title: "审计记录", user: user), query: query,
            regionName: req.platform.regions.fullName(of: user.region), rows: [], total: 0, pager: nil, error: nil,
            errorField: nil,
            exportLink: "", actions: AuditCatalog.actions.map { Choice(value: $0.code, label: $0.name) })
        do {
            let filter = try Self.filter(query)
            let request = try PageRequest(page: query.page, perPage: 50)
            var count = try await store.cappedCount(within: user.scope, matching: filter)
            var events: [AuditEvent] = []
            let edges = try query.edges()
            var seeking = edges.before != nil || edges.after != nil
            if seeking {
                events = try await store.events(
                    within: user.scope, matching: filter, limit: request.perPage + 1, before: edges.before,
                    after: edges.after)
                // Newer than `after`: the extra row is the newest, beyond the page's top.
                if edges.after != nil, events.count > request.perPage { events.removeFirst() }
                seeking = !events.isEmpty
            }
            if !seeking {
                events = try await store.events(
                    within: user.scope, matching: filter, limit: request.perPage + 1, offset: request.offset)
            }
            let more = edges.after != nil ? true : events.count > request.perPage
            if !seeking && (!events.isEmpty || request.offset == 0) {
                count = count.refined(
                    offset: request.offset, onPage: min(events.count, request.perPage), more: more)
            }
            let shown = events.prefix(request.perPage)
            page.rows = shown.map { AuditRow($0, regions: req.platform.regions) }
            page.total = count.value
            page.totalLabel = count.label
            let filters = Self.filters(query)
            page.pager = Pager.make(
                path: Route.audit.path, filters: filters, page: request.page, count: count, perPage: request.perPage,
                edges: (
                    shown.first.map { ("after", String($0.sequence)) },
                    more ? shown.last.map { ("before", String($0.sequence)) } : nil
                ))
            page.exportLink = Pager.link(path: Route.auditExport.path, filters: filters)
        } catch let error as Refusal {
            page.error = error.message
            page.errorField = error.field
        }
        // A refused filter shows the form with the field marked, as a 400.
        return try await req.view.render("audit/list", page).encodeResponse(
            status: page.error == nil ? .ok : .badRequest, for: req)
    }

    /// The filtered trail, newest first, streamed (`CSVDownload.streamed`).
    func export(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.viewAudit)
        let filter = try Self.filter(try req.query.decode(Query.self))
        let store = AuditStore(db: req.sql)
        let regions = req.platform.regions
        let scope = user.scope
        return CSVDownload.streamed(header: AuditRow.csvHeader, fileName: "audit-\(user.region.value)-\(req.today).csv")
        { offset, limit in
            try await store.events(within: scope, matching: filter, limit: limit, offset: offset).map {
                AuditRow($0, regions: regions).csvFields
            }
        }
    }

    /// Dates are whole days in Beijing time; `until` includes its day.
    static func filter(_ q: Query) throws -> AuditStore.Filter {
        func day(_ text: String?, field: String) throws -> Date? {
            guard let text = text?.trimmedWhitespace, !text.isEmpty else { return nil }
            guard let date = CivilDate(text) else { throw Refusal.invalid(field, "日期应为 YYYY-MM-DD") }
            return BeijingTime.startOfDay(date)
        }
        let until = try day(q.until, field: "until").map { $0.addingTimeInterval(86_400) }
        func text(_ value: String?) -> String? { value.map(\.trimmedWhitespace).flatMap { $0.isEmpty ? nil : $0 } }
        if let action = text(q.action), !AuditCatalog.knows(action: action) {
            throw Refusal.invalid("action", "请从列表中选择操作")
        }
        return AuditStore.Filter(
            from: try day(q.from, field: "from"), until: until, actor: text(q.actor), action: text(q.action),
            entityID: text(q.entityId))
    }

    static func filters(_ q: Query) -> [String: String?] {
        ["from": q.from, "until": q.until, "actor": q.actor, "action": q.action, "entityId": q.entityId]
    }
}
