import Foundation
import MinzhengCore
import Vapor

/// The funeral API: the price lists are public (`registerOpen`); a new price needs the city
/// administrator, a bill and the price-order check the funeral home's staff of the region, a
/// death certificate a signed-in resident (or the staff).
struct FuneralAPIController: RouteCollection {
    static func registerOpen(on routes: RoutesBuilder) {
        routes.get(Route.API.funeralHomes.pattern) { req async throws -> [FuneralHome] in
            try await FuneralStore(db: req.sql).homes()
        }
        routes.get(Route.API.funeralHomePrices.pattern) { req async throws -> PriceListView in
            let home = try await req.funeral.home(try req.parameters.require("id", as: UUID.self))
            return PriceListView(
                home: home, list: try await FuneralStore(db: req.sql).prices(home: home.id), today: req.today)
        }
    }

    func boot(routes: RoutesBuilder) throws {
        routes.post(Route.API.funeralHomePrices.pattern, use: addPrice)
        routes.post(Route.API.funeralBills.pattern, use: createBill)
        routes.get(Route.API.funeralBills.pattern, use: bills)
        routes.get(Route.API.funeralBill.pattern, use: bill)
        routes.get(Route.API.funeralPriceCheck.pattern, use: check)
        routes.post(Route.API.deathCertificates.pattern, use: certificate)
    }

    /// `POST /api/v1/funeral-homes/:id/prices` `{code, name, unit, category, priceFen, from}` → 201.
    func addPrice(req: Request) async throws -> Response {
        let input = try req.content.decode(FuneralService.PriceInput.self)
        let row = try await req.funeral.addPrice(
            home: try req.parameters.require("id", as: UUID.self), input, by: try req.user)
        return try await PriceListView.Row(row).encodeResponse(status: .created, for: req)
    }

    /// `POST /api/v1/funeral-bills` → 201 with the bill; 422 naming `lines[i]` for a line off the list.
    func createBill(req: Request) async throws -> Response {
        let input = try req.content.decode(FuneralService.BillInput.self)
        return try await FuneralBillView(try await req.funeral.createBill(input, by: try req.user))
            .encodeResponse(status: .created, for: req)
    }

    func bills(req: Request) async throws -> [FuneralBillView] {
        try await req.funeral.bills(by: try req.user).map(FuneralBillView.init)
    }

    func bill(req: Request) async throws -> FuneralBillView {
        FuneralBillView(try await req.funeral.bill(try req.parameters.require("id", as: UUID.self), by: try req.user))
    }

    func check(req: Request) async throws -> [FuneralService.Finding] {
        try await req.funeral.priceCheck(by: try req.user)
    }

    struct CertificateInput: Content {
        var idNumber: String
        var certificateNumber: String
    }

    struct CertificateAnswer: Content {
        let deceased: String
    }

    /// `POST /api/v1/death-certificates` `{idNumber, certificateNumber}` → 201.
    func certificate(req: Request) async throws -> Response {
        let input = try req.content.decode(CertificateInput.self)
        let masked = try await req.funeral.recordCertificate(
            idNumber: input.idNumber, number: input.certificateNumber, by: try req.user)
        return try await CertificateAnswer(deceased: masked).encodeResponse(status: .created, for: req)
    }
}
