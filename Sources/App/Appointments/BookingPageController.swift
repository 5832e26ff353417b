import Foundation
import MinzhengCore
import Vapor

/// The resident's booking pages (预约办事), phone first and without scripts: pick a service,
/// a day and an office, see each slot's places left, book with the ID numbers of the people
/// who come, keep the code, cancel. The same engine as the API (`BookingService`).
struct BookingPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.bookingPage.pattern, use: index)
        routes.get(Route.newBooking.pattern, use: form)
        routes.post(Route.newBooking.pattern, use: book)
        routes.get(Route.bookingDetail.pattern, use: show)
        routes.post(Route.bookingCancel.pattern, use: cancel)
        routes.post(Route.bookingConfirm.pattern, use: confirm)
    }

    struct IndexPage: Encodable {
        let layout: LayoutContext
        let services: [Choice]
        let offices: [Choice]
        let service: String
        let date: String
        let office: String
        let slots: [SlotRow]
        let mine: [BookingView]
        /// Bookings naming the resident that wait for their confirmation.
        let toConfirm: [BookingView]
        let requests: [BookingService.LotteryRequestView]
        let error: String?
    }

    struct SlotRow: Encodable {
        let id: UUID
        let time: String
        let office: String
        let left: Int
    }

    private static func resident(_ req: Request) throws -> CurrentUser {
        let user = try req.user
        try user.require(.selfService)
        return user
    }

    /// `/bookings?service=&date=&resource=`: the slots of the day, and one's own bookings.
    func index(req: Request) async throws -> Response {
        let user = try Self.resident(req)
        let kind = req.query[String.self, at: "service"].flatMap(BookingKind.init(rawValue:)) ?? .marriage
        let dateText = req.query[String.self, at: "date"] ?? req.today.adding(days: 1).description
        let office = req.query[String.self, at: "resource"] ?? ""
        var error: String?
        var slots: [SlotRow] = []
        if let day = CivilDate(dateText) {
            slots = try await req.bookings.slots(kind: kind, day: day, resource: UUID(uuidString: office)).map { slot in
                SlotRow(
                    id: slot.id, time: "\(slot.start.dropFirst(11).prefix(5))–\(slot.end.dropFirst(11).prefix(5))",
                    office: slot.resource, left: slot.left)
            }
        } else {
            error = "日期格式应为 YYYY-MM-DD"
        }
        let offices = try await BookingStore(db: req.sql).resources(kind: kind).map {
            Choice(value: $0.id.uuidString, label: $0.name)
        }
        let page = IndexPage(
            layout: LayoutContext(request: req, title: "预约办事", user: user),
            services: BookingKind.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) }, offices: offices,
            service: kind.rawValue, date: dateText, office: office, slots: slots,
            mine: try await req.bookings.bookings(of: user),
            toConfirm: try await req.bookings.awaitingConfirmation(of: user),
            requests: try await req.bookings.lotteryRequests(of: user), error: error)
        return try await req.view.render("bookings/index", page).encodeResponse(
            status: error == nil ? .ok : .badRequest, for: req)
    }

    struct FormPage: Encodable {
        let layout: LayoutContext
        let slot: SlotView
        let fields: [Field]
        /// On a popular date: the proof of work the page's script answers.
        let proof: ProofOfWork.Challenge?
        /// The date takes lottery requests now, not bookings.
        let lottery: Bool
        let note: String?
        let error: String?
    }

    struct Field: Encodable {
        let name: String
        let label: String
        let value: String
        let invalid: Bool
    }

    /// `/bookings/new?slot=`: the ID numbers of the people who come (or of the deceased).
    func form(req: Request) async throws -> View {
        let user = try Self.resident(req)
        return try await renderForm(req, user: user, slotID: req.query[UUID.self, at: "slot"], values: [], refusal: nil)
    }

    private func renderForm(
        _ req: Request, user: CurrentUser, slotID: UUID?, values: [String], refusal: Refusal?
    ) async throws -> View {
        guard let slotID, let slot = try await BookingStore(db: req.sql).slot(slotID) else {
            throw Refusal.notFound("预约时段")
        }
        let rules = try req.bookings.rules(slot.kind, on: slot.day)
        let persons = rules.maxPersons
        let who = slot.kind.forDeceased ? "逝者身份证号" : "身份证号"
        let fields = (0..<persons).map { i in
            Field(
                name: "idNumbers[]", label: persons == 1 ? who : "第 \(i + 1) 人\(who)",
                value: i < values.count ? values[i] : "", invalid: refusal?.field == "idNumbers[\(i)]")
        }
        return try await req.view.render(
            "bookings/new",
            FormPage(
                layout: LayoutContext(request: req, title: "预约\(slot.kind.chinese)", user: user), slot: SlotView(slot),
                fields: fields,
                proof: try await req.bookings.challenge(slotID: slot.id),
                lottery: rules.lotteryWindow(of: slot.day).map {
                    BookingService.moment(req.platform.clock.now) >= $0.opens
                }
                    ?? false,
                note: rules.confirmHours.map { "请在第一栏填写本人身份证号；另一方须在 \($0) 小时内登录本人账户确认，否则预约失效。" },
                error: refusal?.message))
    }

    struct BookingForm: Content {
        var slotId: UUID?
        var idNumbers: [String]?
        var proofChallenge: String?
        var proofNonce: String?
        /// "lottery" for a popular date's request.
        var mode: String?
    }

    func book(req: Request) async throws -> Response {
        let user = try Self.resident(req)
        try await req.admitBookingAttempt(account: user.id)
        let form = try req.content.decode(BookingForm.self)
        // An empty field is a person not given (a visit for fewer than five).
        let ids = (form.idNumbers ?? []).map(\.trimmedWhitespace).filter { !$0.isEmpty }
        let proof = form.proofChallenge.map { ProofOfWork.Answer(challenge: $0, nonce: form.proofNonce ?? "") }
        do {
            if form.mode == "lottery" {
                _ = try await req.bookings.requestLottery(
                    slotID: form.slotId ?? UUID(), idNumbers: ids, proof: proof, by: user)
                return req.redirect(to: Route.bookingPage.path)
            }
            let booking = try await req.bookings.book(
                slotID: form.slotId ?? UUID(), idNumbers: ids, proof: proof, by: user)
            return req.redirect(to: Route.bookingDetail.path(booking.id))
        } catch let refusal as Refusal where refusal.status != .notFound {
            return try await renderForm(
                req, user: user, slotID: form.slotId, values: form.idNumbers ?? [], refusal: refusal
            )
            .encodeResponse(status: refusal.status, for: req)
        }
    }

    struct DetailPage: Encodable {
        let layout: LayoutContext
        let booking: BookingView
        let kind: String
        let canCancel: Bool
        let canConfirm: Bool
        /// The receipt's number (受理编号), for 办件查询.
        let receiptNumber: String?
    }

    func show(req: Request) async throws -> View {
        let user = try Self.resident(req)
        let booking = try await req.bookings.booking(try req.parameters.require("id", as: UUID.self), for: user)
        let own = try await BookingStore(db: req.sql).booking(booking.id)?.account == user.id
        let toConfirm = try await req.bookings.awaitingConfirmation(of: user).contains { $0.id == booking.id }
        return try await req.view.render(
            "bookings/show",
            DetailPage(
                layout: LayoutContext(request: req, title: "我的预约", user: user), booking: booking,
                kind: booking.slot.service.chinese, canCancel: own && booking.state == .active, canConfirm: toConfirm,
                receiptNumber: try await ReceiptStore(db: req.sql).number(.booking, record: booking.id)))
    }

    /// The partner's confirmation, from their own account.
    func confirm(req: Request) async throws -> Response {
        let user = try Self.resident(req)
        let id = try req.parameters.require("id", as: UUID.self)
        _ = try await req.bookings.confirm(id, by: user)
        return req.redirect(to: Route.bookingDetail.path(id))
    }

    func cancel(req: Request) async throws -> Response {
        let user = try Self.resident(req)
        let id = try req.parameters.require("id", as: UUID.self)
        _ = try await req.bookings.act(.cancel, on: id, by: user)
        return req.redirect(to: Route.bookingDetail.path(id))
    }
}
