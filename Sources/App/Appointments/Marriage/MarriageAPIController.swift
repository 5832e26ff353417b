import Foundation
import MinzhengCore
import Vapor

/// The marriage registry's API for registrars: `/api/v1/marriages` and `/api/v1/divorces`.
struct MarriageAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.marriages.pattern, use: lookup)
        routes.post(Route.API.marriages.pattern, use: register)
        routes.get(Route.API.marriage.pattern, use: show)
        routes.post(Route.API.marriageReplacement.pattern, use: replace)
        routes.post(Route.API.divorces.pattern, use: applyDivorce)
        routes.get(Route.API.divorce.pattern, use: divorce)
        routes.post(Route.API.divorceWithdrawal.pattern, use: withdraw)
        routes.post(Route.API.divorceRegistration.pattern, use: registerDivorce)
    }

    /// `GET /api/v1/marriages?idNumber=`: the records of a party at the counter.
    func lookup(req: Request) async throws -> [MarriageRecordView] {
        guard let number = req.query[String.self, at: "idNumber"] else {
            throw Refusal.invalid("idNumber", "请填写当事人的身份证号")
        }
        return try await req.marriages.records(idNumber: number, by: try req.user)
    }

    /// `POST /api/v1/marriages` `{bookingId}`: 201 with the record and its two certificates.
    func register(req: Request) async throws -> Response {
        struct Body: Content { let bookingId: UUID }
        let user = try req.user
        try user.require(.handleBookings)
        let body = try req.content.decode(Body.self)
        return try await req.marriages.register(booking: body.bookingId, by: user)
            .encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> MarriageRecordView {
        try await req.marriages.record(try req.parameters.require("id", as: UUID.self), by: try req.user)
    }

    /// `POST /api/v1/marriages/{id}/replacement` `{idNumber}`: a new certificate for that party.
    func replace(req: Request) async throws -> Response {
        struct Body: Content { let idNumber: String }
        let user = try req.user
        try user.require(.handleBookings)
        let body = try req.content.decode(Body.self)
        return try await req.marriages.replaceCertificate(
            record: try req.parameters.require("id", as: UUID.self), idNumber: body.idNumber, by: user
        ).encodeResponse(status: .created, for: req)
    }

    /// `POST /api/v1/divorces` `{marriageId, idNumbers}`: both parties in person; 201 with the dates.
    func applyDivorce(req: Request) async throws -> Response {
        struct Body: Content {
            let marriageId: UUID
            let idNumbers: [String]
        }
        let user = try req.user
        try user.require(.handleBookings)
        let body = try req.content.decode(Body.self)
        return try await req.marriages.applyDivorce(marriage: body.marriageId, idNumbers: body.idNumbers, by: user)
            .encodeResponse(status: .created, for: req)
    }

    func divorce(req: Request) async throws -> DivorceView {
        try await req.marriages.divorce(try req.parameters.require("id", as: UUID.self), by: try req.user)
    }

    func withdraw(req: Request) async throws -> DivorceView {
        try await req.marriages.withdrawDivorce(try req.parameters.require("id", as: UUID.self), by: try req.user)
    }

    func registerDivorce(req: Request) async throws -> Response {
        try await req.marriages.registerDivorce(try req.parameters.require("id", as: UUID.self), by: try req.user)
            .encodeResponse(status: .created, for: req)
    }
}
