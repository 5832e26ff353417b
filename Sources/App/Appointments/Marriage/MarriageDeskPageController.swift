import Foundation
import MinzhengCore
import Vapor

/// The registrar's desk (婚姻登记窗口): a party's records found by the ID number shown at the
/// counter (any registry of the city), the marriage registered for an arrived booking, a
/// replacement certificate, divorce applications through the cooling-off; and the resident's
/// own page of their marriage records and what follows them.
struct MarriageDeskPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.marriageDesk.pattern, use: desk)
        routes.post(Route.marriageDeskRegister.pattern, use: register)
        routes.post(Route.marriageDeskReplacement.pattern, use: replace)
        routes.post(Route.marriageDeskDivorce.pattern, use: applyDivorce)
        routes.post(Route.marriageDeskDivorceStep.pattern, use: divorceStep)
        routes.get(Route.myMarriage.pattern, use: mine)
    }

    struct DeskPage: Encodable {
        let layout: LayoutContext
        let idNumber: String
        let found: [MarriageRecordView]?
        let divorces: [DivorceView]
        let recent: [MarriageRecordView]
        let error: String?
    }

    func desk(req: Request) async throws -> Response {
        try await render(req, idNumber: req.query[String.self, at: "idNumber"] ?? "", error: nil)
    }

    private func render(_ req: Request, idNumber: String, error: Refusal?) async throws -> Response {
        let user = try req.user
        let (recent, divorces) = try await req.marriages.desk(by: user)
        var found: [MarriageRecordView]?
        var problem = error
        if !idNumber.isEmpty {
            do {
                found = try await req.marriages.records(idNumber: idNumber, by: user)
            } catch let refusal as Refusal {
                problem = problem ?? refusal
            }
        }
        let page = DeskPage(
            layout: LayoutContext(request: req, title: "婚姻登记", user: user), idNumber: idNumber, found: found,
            divorces: divorces, recent: recent, error: problem?.message)
        return try await req.view.render("marriage/desk", page).encodeResponse(
            status: problem?.status ?? .ok, for: req)
    }

    /// Runs a registrar's step; back to the desk on success, the desk with the refusal otherwise.
    private func step(
        _ req: Request, idNumber: String = "", _ body: () async throws -> Void
    ) async throws -> Response {
        do {
            try await body()
            return req.redirect(to: Route.marriageDesk.path + (idNumber.isEmpty ? "" : "?idNumber=\(idNumber)"))
        } catch let refusal as Refusal where refusal.status != .notFound && refusal.status != .forbidden {
            return try await render(req, idNumber: idNumber, error: refusal)
        }
    }

    func register(req: Request) async throws -> Response {
        let id = try req.parameters.require("id", as: UUID.self)
        return try await step(req) { _ = try await req.marriages.register(booking: id, by: try req.user) }
    }

    func replace(req: Request) async throws -> Response {
        struct Form: Content { var idNumber: String? }
        let id = try req.parameters.require("id", as: UUID.self)
        let number = try req.content.decode(Form.self).idNumber?.trimmedWhitespace ?? ""
        return try await step(req, idNumber: number) {
            _ = try await req.marriages.replaceCertificate(record: id, idNumber: number, by: try req.user)
        }
    }

    func applyDivorce(req: Request) async throws -> Response {
        struct Form: Content { var idNumbers: [String]? }
        let id = try req.parameters.require("id", as: UUID.self)
        let numbers = (try req.content.decode(Form.self).idNumbers ?? []).map(\.trimmedWhitespace).filter {
            !$0.isEmpty
        }
        return try await step(req, idNumber: numbers.first ?? "") {
            _ = try await req.marriages.applyDivorce(marriage: id, idNumbers: numbers, by: try req.user)
        }
    }

    func divorceStep(req: Request) async throws -> Response {
        let id = try req.parameters.require("id", as: UUID.self)
        switch req.parameters.get("action") {
        case "withdraw":
            return try await step(req) { _ = try await req.marriages.withdrawDivorce(id, by: try req.user) }
        case "register":
            return try await step(req) { _ = try await req.marriages.registerDivorce(id, by: try req.user) }
        default: throw Refusal.notFound("操作")
        }
    }

    struct MinePage: Encodable {
        let layout: LayoutContext
        let records: [MarriageRecordView]
        let married: Bool
    }

    /// `/marriage/mine`: the resident's records, certificates, a divorce's dates, and what follows.
    func mine(req: Request) async throws -> View {
        let user = try req.user
        let records = try await req.marriages.mine(user)
        return try await req.view.render(
            "marriage/mine",
            MinePage(
                layout: LayoutContext(request: req, title: "我的婚姻登记", user: user), records: records,
                married: records.contains { $0.kind == "marriage" && $0.state == "valid" }))
    }
}
