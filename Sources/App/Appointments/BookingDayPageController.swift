import Foundation
import MinzhengCore
import Vapor

/// The office's day (预约到场): a registry's, a funeral home's or a cemetery's bookings of a
/// day, slot by slot, with the code to check at the door and the arrival or no-show to mark.
struct BookingDayPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.bookingDay.pattern, use: day)
        routes.post(Route.bookingMark.pattern, use: mark)
    }

    struct DayPage: Encodable {
        let layout: LayoutContext
        let resources: [Choice]
        let resource: String
        let date: String
        let bookings: [Row]
    }

    struct Row: Encodable {
        let id: UUID
        let time: String
        let code: String
        let persons: String
        let state: String
        let active: Bool
        /// An arrived marriage booking: the registration is the next step.
        let registrable: Bool
    }

    func day(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.handleBookings)
        let dateText = req.query[String.self, at: "date"] ?? req.today.description
        guard let date = CivilDate(dateText) else { throw Refusal.invalid("date", "日期格式应为 YYYY-MM-DD") }
        let resourceText = req.query[String.self, at: "resource"] ?? ""
        let (resources, bookings) = try await req.bookings.day(
            resource: UUID(uuidString: resourceText), day: date, by: user)
        let chosen = resources.first { $0.id.uuidString == resourceText } ?? resources.first
        return try await req.view.render(
            "bookings/day",
            DayPage(
                layout: LayoutContext(request: req, title: "预约到场", user: user),
                resources: resources.map { Choice(value: $0.id.uuidString, label: "\($0.name)（\($0.kind.chinese)）") },
                resource: chosen?.id.uuidString ?? "", date: date.description,
                bookings: bookings.map { b in
                    Row(
                        id: b.id, time: String(b.slot.start.dropFirst(11).prefix(5)), code: b.code,
                        persons: b.idNumbers.joined(separator: "、"), state: b.stateName, active: b.state == .active,
                        registrable: b.state == .arrived && b.slot.service == .marriage)
                }))
    }

    /// `POST /bookings/:id/mark/arrival|noShow`, back to the day.
    func mark(req: Request) async throws -> Response {
        let user = try req.user
        guard let action = BookingState.Action(rawValue: req.parameters.get("action") ?? ""), action != .cancel else {
            throw Refusal.notFound("操作")
        }
        let booking = try await req.bookings.act(action, on: try req.parameters.require("id", as: UUID.self), by: user)
        return req.redirect(
            to: Route.bookingDay.path + "?resource=\(booking.slot.resourceId)&date=\(booking.slot.start.prefix(10))")
    }
}
