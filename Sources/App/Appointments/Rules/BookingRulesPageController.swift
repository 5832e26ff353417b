import Foundation
import MinzhengCore
import Vapor

/// `/booking-rules` (预约规则): each bookable service's rules with the dates they hold from,
/// and, for the city administrator, a new entry from a later date (APPOINTMENTS.md: every
/// default is a dated parameter the city may change). A change never reaches a day already begun.
struct BookingRulesPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.bookingRules.pattern, use: index)
        routes.post(Route.bookingRules.pattern, use: add)
    }

    struct Page: Encodable {
        let layout: LayoutContext
        let kinds: [Choice]
        let kind: String
        let entries: [Row]
        let canManage: Bool
        let from: String
        let rules: String
        let error: String?
        let errorField: String?
    }

    struct Row: Encodable {
        let from: String
        let summary: String
    }

    func index(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.viewPolicy)
        let kind = req.query[String.self, at: "kind"].flatMap(BookingKind.init(rawValue:)) ?? .marriage
        return try await render(req, user: user, kind: kind, from: nil, rules: nil, refusal: nil)
    }

    private func render(
        _ req: Request, user: CurrentUser, kind: BookingKind, from: String?, rules: String?, refusal: Refusal?
    ) async throws -> View {
        let book = req.application.bookingRules.current
        let tomorrow = req.today.adding(days: 1)
        let inForce = book.rules(kind, on: tomorrow)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try await req.view.render(
            "bookings/rules",
            Page(
                layout: LayoutContext(request: req, title: "预约规则", user: user),
                kinds: BookingKind.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) }, kind: kind.rawValue,
                entries: book.entries.filter { $0.kind == kind }.reversed().map {
                    Row(from: $0.from.description, summary: Self.summary($0.rules))
                },
                canManage: user.role.may(.managePolicy), from: from ?? tomorrow.description,
                rules: rules ?? inForce.flatMap { try? String(decoding: encoder.encode($0), as: UTF8.self) } ?? "",
                error: refusal?.message, errorField: refusal?.field))
    }

    static func summary(_ r: BookingRules) -> String {
        let opens = r.opensAtMinute.map { " \(BookingMoment(day: CivilDate(daysSinceEpoch: 0), minute: $0))".suffix(6) }
        return "提前 \(r.opensDaysAhead) 天\(opens.map(String.init) ?? "")开放；每次最多 \(r.maxPersons) 人"
            + (r.confirmHours.map { "；另一方 \($0) 小时内确认" } ?? "")
            + (r.noShowLimit.map { "；\(r.noShowWindowDays) 天内爽约 \($0) 次停约 \(r.banDays) 天" } ?? "")
            + (r.popular.map { "；热门日期 \($0.dates.count) 个（容量×\($0.capacityFactor)，摇号 \($0.lotteryDays) 天）" } ?? "")
    }

    struct Form: Content {
        var kind: String?
        var from: String?
        var rules: String?
    }

    func add(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.managePolicy)
        let form = try req.content.decode(Form.self)
        let kind = form.kind.flatMap(BookingKind.init(rawValue:)) ?? .marriage
        do {
            guard let from = form.from.flatMap(CivilDate.init) else {
                throw Refusal.invalid("from", "施行日期格式应为 YYYY-MM-DD")
            }
            let entry = try BookingRuleBook.entry(kind: kind, from: from, json: form.rules ?? "", today: req.today)
            let now = req.platform.clock.now
            try await req.writer.transaction { tx, audit in
                try await BookingRuleStore(db: tx).save(entry, by: user.id, at: now)
                try await audit.record(
                    "booking.rules", entity: "booking_rule_entry", id: "\(kind.rawValue)@\(from)",
                    region: RegionTable.changzhou.value, after: entry.rules)
            }
            try await req.application.bookingRules.reload(from: req.sql)
            return req.redirect(to: Route.bookingRules.path + "?kind=\(kind.rawValue)")
        } catch let refusal as Refusal {
            return try await render(req, user: user, kind: kind, from: form.from, rules: form.rules, refusal: refusal)
                .encodeResponse(status: refusal.status, for: req)
        }
    }
}
