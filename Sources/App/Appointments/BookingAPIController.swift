import Foundation
import MinzhengCore
import Vapor

/// The appointment API (`/api/v1/slots`, `/api/v1/bookings`): slots are open to anyone, a
/// booking needs a signed-in resident, arrival and no-show the office's staff.
struct BookingAPIController: RouteCollection {
    /// The slot list is public: what is free is no secret, and a couple looks before signing in.
    static func registerOpen(on routes: RoutesBuilder) {
        routes.get(Route.API.slots.pattern, use: slots)
        routes.get(Route.API.bookingResources.pattern, use: resources)
        routes.get(Route.API.bookingDraws.pattern, use: draw)
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.bookings.pattern, use: mine)
        routes.post(Route.API.bookings.pattern, use: book)
        routes.get(Route.API.booking.pattern, use: show)
        routes.delete(Route.API.booking.pattern, use: cancel)
        routes.post(Route.API.bookingArrival.pattern, use: arrival)
        routes.post(Route.API.bookingNoShow.pattern, use: noShow)
        routes.post(Route.API.bookingConfirmation.pattern, use: confirm)
        routes.get(Route.API.bookingChallenge.pattern, use: challenge)
        routes.get(Route.API.bookingRequests.pattern, use: lotteryRequests)
        routes.post(Route.API.bookingRequests.pattern, use: requestLottery)
    }

    /// `GET /api/v1/slots?service=&date=&resource=`.
    @Sendable static func slots(req: Request) async throws -> [SlotView] {
        struct Query: Content {
            var service: String?
            var date: String?
            var resource: String?
        }
        let query = try req.query.decode(Query.self)
        guard let kind = query.service.flatMap(BookingKind.init(rawValue:)) else {
            throw Refusal.invalid(
                "service", "请指定预约事项：" + BookingKind.allCases.map(\.rawValue).joined(separator: "、"))
        }
        guard let day = query.date.flatMap(CivilDate.init) else {
            throw Refusal.invalid("date", "日期格式应为 YYYY-MM-DD")
        }
        let resource: UUID?
        if let text = query.resource, !text.isEmpty {
            guard let id = UUID(uuidString: text) else { throw Refusal.invalid("resource", "办理地点编号无效") }
            resource = id
        } else {
            resource = nil
        }
        return try await req.bookings.slots(kind: kind, day: day, resource: resource)
    }

    /// `GET /api/v1/booking-resources?service=`: the offices, furnaces, halls and gates.
    @Sendable static func resources(req: Request) async throws -> [BookingResource] {
        let service = req.query[String.self, at: "service"]
        let kind = try service.map { text in
            guard let kind = BookingKind(rawValue: text) else { throw Refusal.invalid("service", "预约事项无效") }
            return kind
        }
        return try await BookingStore(db: req.sql).resources(kind: kind)
    }

    struct BookingRequest: Content {
        let slotId: UUID
        let idNumbers: [String]
        /// The answer to a challenge of `GET /api/v1/booking-challenge`, on popular dates.
        let proof: ProofOfWork.Answer?
    }

    /// `POST /api/v1/bookings`: 201 with the booking; 409 naming `slotId` or `idNumbers[i]`;
    /// 429 with `Retry-After` past the account's or the address's attempts of the minute.
    func book(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.selfService)
        try await req.admitBookingAttempt(account: user.id)
        let body = try req.content.decode(BookingRequest.self)
        return try await req.bookings.book(slotID: body.slotId, idNumbers: body.idNumbers, proof: body.proof, by: user)
            .encodeResponse(status: .created, for: req)
    }

    /// `POST /api/v1/booking-requests`: a lottery request for a popular date, in its window.
    func requestLottery(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.selfService)
        try await req.admitBookingAttempt(account: user.id)
        let body = try req.content.decode(BookingRequest.self)
        return try await req.bookings.requestLottery(
            slotID: body.slotId, idNumbers: body.idNumbers, proof: body.proof, by: user
        ).encodeResponse(status: .created, for: req)
    }

    func lotteryRequests(req: Request) async throws -> [BookingService.LotteryRequestView] {
        try await req.bookings.lotteryRequests(of: try req.user)
    }

    /// `GET /api/v1/booking-challenge?slotId=`: the proof of work a popular date asks for
    /// (`{"challenge", "bits", "expiresAt"}`); 204 when the slot's day asks for none.
    func challenge(req: Request) async throws -> Response {
        try (try req.user).require(.selfService)
        guard let text = req.query[String.self, at: "slotId"], let slot = UUID(uuidString: text) else {
            throw Refusal.invalid("slotId", "请指定预约时段")
        }
        guard let challenge = try await req.bookings.challenge(slotID: slot) else {
            return Response(status: .noContent)
        }
        return try await challenge.encodeResponse(for: req)
    }

    func confirm(req: Request) async throws -> BookingView {
        try await req.bookings.confirm(try req.parameters.require("id", as: UUID.self), by: try req.user)
    }

    /// `GET /api/v1/booking-draws?service=&date=`: a popular date's draw, published: the seed
    /// and the requests in draw order (ids only); 404 before the draw.
    @Sendable static func draw(req: Request) async throws -> BookingService.DrawView {
        guard let kind = req.query[String.self, at: "service"].flatMap(BookingKind.init(rawValue:)) else {
            throw Refusal.invalid("service", "请指定预约事项")
        }
        guard let day = req.query[String.self, at: "date"].flatMap(CivilDate.init) else {
            throw Refusal.invalid("date", "日期格式应为 YYYY-MM-DD")
        }
        guard let draw = try await req.bookings.publishedDraw(kind: kind, day: day) else {
            throw Refusal.notFound("抽签结果")
        }
        return draw
    }

    func mine(req: Request) async throws -> [BookingView] {
        let user = try req.user
        try user.require(.selfService)
        return try await req.bookings.bookings(of: user)
    }

    func show(req: Request) async throws -> BookingView {
        let user = try req.user
        try user.require(.selfService)
        return try await req.bookings.booking(try req.parameters.require("id", as: UUID.self), for: user)
    }

    func cancel(req: Request) async throws -> BookingView {
        try await act(.cancel, req)
    }

    func arrival(req: Request) async throws -> BookingView {
        try await act(.arrival, req)
    }

    func noShow(req: Request) async throws -> BookingView {
        try await act(.noShow, req)
    }

    private func act(_ action: BookingState.Action, _ req: Request) async throws -> BookingView {
        try await req.bookings.act(action, on: try req.parameters.require("id", as: UUID.self), by: try req.user)
    }
}

extension BookingRuleBook {
    /// The anti-abuse limits in force on `day`: the strictest of the kinds.
    func attemptLimits(on day: CivilDate) -> (account: Int, address: Int) {
        let inForce = BookingKind.allCases.compactMap { rules($0, on: day) }
        return (
            inForce.map(\.attemptsPerAccountMinute).min() ?? 10, inForce.map(\.attemptsPerAddressMinute).min() ?? 60
        )
    }
}

extension Request {
    /// Refuses with 429 past the booking attempts of the minute, per account and per address.
    func admitBookingAttempt(account: UUID) async throws {
        let limits = application.bookingRules.current.attemptLimits(on: today)
        let byAccount = RateLimiter(bucket: "booking.account", limit: limits.account)
        let byAddress = RateLimiter(bucket: "booking.address", limit: limits.address)
        var wait = try await admit(byAccount, client: account.uuidString)
        if wait == nil { wait = try await admit(byAddress, client: clientAddress) }
        if let wait {
            throw AppError(.tooManyRequests, "预约请求过于频繁，请 \(wait) 秒后再试", headers: ["Retry-After": "\(wait)"])
        }
    }
}
