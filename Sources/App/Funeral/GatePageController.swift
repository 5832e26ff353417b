import Foundation
import MinzhengCore
import Vapor

/// The Qingming gate code: the resident's page with the code (the text a QR code carries),
/// the gate's page where the staff paste or scan it, and the API of both.
struct GatePageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.gateCode.pattern, use: code)
        routes.get(Route.cemeteryGate.pattern, use: gate)
        routes.post(Route.cemeteryGate.pattern, use: check)
    }

    struct CodePage: Encodable {
        let layout: LayoutContext
        let bookingId: UUID
        let code: String
    }

    func code(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.selfService)
        let id = try req.parameters.require("id", as: UUID.self)
        return try await req.view.render(
            "funeral/gate-code",
            CodePage(
                layout: LayoutContext(request: req, title: "入园码", user: user), bookingId: id,
                code: try await req.gate.code(of: id, for: user)))
    }

    struct GatePage: Encodable {
        let layout: LayoutContext
        let result: GateService.Check?
        let error: String?
    }

    func gate(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.handleBookings)
        return try await req.view.render(
            "funeral/gate",
            GatePage(layout: LayoutContext(request: req, title: "入园核验", user: user), result: nil, error: nil))
    }

    /// Checks a code (a POST: a valid code marks the arrival).
    func check(req: Request) async throws -> Response {
        let user = try req.user
        struct Form: Content { var code: String? }
        let form = try req.content.decode(Form.self)
        let layout = LayoutContext(request: req, title: "入园核验", user: user)
        do {
            let result = try await req.gate.check(form.code ?? "", by: user)
            return try await req.view.render("funeral/gate", GatePage(layout: layout, result: result, error: nil))
                .encodeResponse(for: req)
        } catch let refusal as Refusal where refusal.kind == .invalid || refusal.kind == .notFound {
            return try await req.view.render(
                "funeral/gate", GatePage(layout: layout, result: nil, error: refusal.message)
            )
            .encodeResponse(status: refusal.status, for: req)
        }
    }
}

/// `GET /api/v1/bookings/:id/gate-code` (the resident) and `POST /api/v1/gate-checks {code}` (the gate).
struct GateAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.gateCode.pattern) { req async throws -> [String: String] in
            let user = try req.user
            try user.require(.selfService)
            return ["gateCode": try await req.gate.code(of: try req.parameters.require("id", as: UUID.self), for: user)]
        }
        routes.post(Route.API.gateChecks.pattern) { req async throws -> GateService.Check in
            struct Body: Content { var code: String }
            return try await req.gate.check(try req.content.decode(Body.self).code, by: try req.user)
        }
    }
}
