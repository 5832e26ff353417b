import Foundation
import MinzhengCore
import Vapor

/// `GET|POST /api/v1/seat-moves` (`?status=&page=`; a proposal as `SeatMoveService.Draft`),
/// `GET /api/v1/seat-moves/{id}`, `POST /api/v1/seat-moves/{id}/steps` (`{action: publicise|
/// approve|reject|announce, version, publicityEnds?, approvingBody?, note?}`).
struct SeatMoveAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.seatMoves.pattern) { req async throws -> Page<SeatMoveRecord> in
            try await req.seatMoves().list(
                status: try SeatMovePageController.status(req.query[String.self, at: "status"]),
                page: try PageRequest(
                    page: req.query[Int.self, at: "page"], perPage: req.query[Int.self, at: "perPage"]))
        }
        routes.post(Route.API.seatMoves.pattern) { req async throws -> Response in
            try await req.seatMoves().propose(try req.content.decode(SeatMoveService.Draft.self))
                .encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.seatMove.pattern) { req async throws -> SeatMoveRecord in
            try await req.seatMoves().move(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.seatMoveSteps.pattern) { req async throws -> SeatMoveRecord in
            try await req.seatMoves().take(
                req.parameters.get("id", as: UUID.self), try req.content.decode(PlaceNameService.Step.self))
        }
    }
}

/// 驻地迁移 (`/seat-moves`): the moves of one's county with the form of a new one;
/// `/seat-moves/{id}`: one move, its street's earlier seats and the next step.
struct SeatMovePageController: RouteCollection {
    typealias Choice = PlaceNamePageController.Choice

    struct ListPage: Encodable {
        let layout: LayoutContext
        let moves: [SeatMoveRecord]
        let total: Int
        let pager: Pager?
        let statuses: [Choice]
        let status: String?
        let streets: [Choice]
        let form: DraftForm
        let error: String?
        let errorField: String?
    }

    struct MovePage: Encodable {
        let layout: LayoutContext
        let m: SeatMoveRecord
        let history: [SeatMoveRecord]
        let steps: [Choice]
        let today: String
        let done: Bool
        let error: String?
        let errorField: String?
    }

    /// The form as typed: coordinates as text.
    struct DraftForm: Content {
        var region: String?
        var fromAddress: String?
        var toAddress: String?
        var toLatitude: String?
        var toLongitude: String?
        var reason: String?

        func draft() throws -> SeatMoveService.Draft {
            let point = try RegistryInput.check { () throws(FieldProblem) in
                try GeoPoint.typed(latitude: toLatitude, longitude: toLongitude)
            }
            return SeatMoveService.Draft(
                region: region, fromAddress: fromAddress, toAddress: toAddress, toLatitude: point?.latitude,
                toLongitude: point?.longitude, reason: reason)
        }
    }

    static func status(_ text: String?) throws -> PlaceNameStatus? {
        guard let text, !text.isEmpty else { return nil }
        guard let status = PlaceNameStatus(rawValue: text), status != .renamed, status != .retired else {
            throw Refusal.invalid("status", "状态应为 proposed、publicised、approved、announced 或 rejected")
        }
        return status
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.seatMoves.pattern) { req async throws -> View in
            try await Self.renderList(req, form: DraftForm(), error: nil)
        }
        routes.post(Route.seatMoves.pattern) { req async throws -> Response in
            let form = try req.content.decode(DraftForm.self)
            do {
                let move = try await req.seatMoves().propose(try form.draft())
                return req.redirect(to: Route.seatMove.path(move.id) + "?done=1")
            } catch let error as Refusal where error.kind != .notFound {
                return try await Self.renderList(req, form: form, error: error).encodeResponse(
                    status: error.status, for: req)
            }
        }
        routes.get(Route.seatMove.pattern) { req async throws -> View in try await Self.renderMove(req, error: nil) }
        routes.post(Route.seatMoveSteps.pattern) { req async throws -> Response in
            do {
                let move = try await req.seatMoves().take(
                    req.parameters.get("id", as: UUID.self), try req.content.decode(PlaceNameService.Step.self))
                return req.redirect(to: Route.seatMove.path(move.id) + "?done=1")
            } catch let error as Refusal where error.kind != .notFound {
                return try await Self.renderMove(req, error: error).encodeResponse(status: error.status, for: req)
            }
        }
    }

    static func renderList(_ req: Request, form: DraftForm, error: Refusal?) async throws -> View {
        let service = try req.seatMoves()
        let status = try Self.status(req.query[String.self, at: "status"])
        let page = try await service.list(
            status: status, page: try PageRequest(page: req.query[Int.self, at: "page"], perPage: 50))
        let regions = req.platform.regions
        let streets = regions.streets(under: service.user.region).map {
            Choice(code: $0.value, name: regions.fullName(of: $0))
        }
        return try await req.view.render(
            "placenames/seat-moves",
            ListPage(
                layout: LayoutContext(request: req, title: "驻地迁移", user: service.user), moves: page.items,
                total: page.total,
                pager: page.total > page.perPage
                    ? Pager.make(path: Route.seatMoves.path, filters: ["status": status?.rawValue], result: page) : nil,
                statuses: [PlaceNameStatus.proposed, .publicised, .approved, .announced, .rejected].map {
                    Choice(code: $0.rawValue, name: $0.chinese)
                }, status: status?.rawValue, streets: streets, form: form, error: error?.message,
                errorField: error?.field))
    }

    static func renderMove(_ req: Request, error: Refusal?) async throws -> View {
        let service = try req.seatMoves()
        let move = try await service.move(req.parameters.get("id", as: UUID.self))
        let steps = SeatMoveRules.available(from: PlaceNameStatus(rawValue: move.status) ?? .proposed)
        return try await req.view.render(
            "placenames/seat-move",
            MovePage(
                layout: LayoutContext(request: req, title: "驻地迁移：\(move.regionName)", user: service.user), m: move,
                history: try await service.history(move),
                steps: steps.map { Choice(code: $0.rawValue, name: $0.chinese) },
                today: req.today.description, done: req.query[String.self, at: "done"] != nil, error: error?.message,
                errorField: error?.field))
    }
}
