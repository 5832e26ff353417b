import Foundation
import MinzhengCore
import MinzhengExport
import Vapor

/// The rental's API: `GET /api/v1/rental/catalogue`; `GET|POST /api/v1/rental/points`
/// (`{name, region, operatorName, address}`); `GET /api/v1/rental/points/{id}` (stock and devices);
/// `POST /api/v1/rental/points/{id}/devices` (`{kind, serial}`); `GET|POST /api/v1/rental/devices/{id}`
/// (its history; `{action: disinfect|sendToRepair|repaired|writeOff, note?}`); `GET|POST /api/v1/rentals`
/// (`{idNumber, pointId, kind, months?, note?}`: 201 with a device reserved, 409 when none is
/// available); `GET|POST /api/v1/rentals/{id}` (`{action: deliver|return|cancel|markLost, version?}`);
/// `GET /api/v1/rental/settlement?month=` and `GET /api/v1/rental/year?year=` (with `managePayroll`).
struct RentalAPIController: RouteCollection {
    struct ListQuery: Content {
        var page: Int?
        var perPage: Int?
        var pointId: UUID?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.rentalCatalogue.pattern) { req async throws -> [RentalService.CatalogueItem] in
            try await req.rental().catalogue()
        }
        routes.get(Route.API.rentalPoints.pattern) { req async throws -> [RentalService.PointSummary] in
            try await req.rental().points()
        }
        routes.post(Route.API.rentalPoints.pattern) { req async throws -> Response in
            try await req.rental().addPoint(try req.content.decode(RentalService.NewPoint.self))
                .encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.rentalPoint.pattern) { req async throws -> RentalService.PointDetail in
            try await req.rental().point(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.rentalPointDevices.pattern) { req async throws -> Response in
            try await req.rental().addDevice(
                point: req.parameters.get("id", as: UUID.self), try req.content.decode(RentalService.NewDevice.self)
            ).encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.rentalDevice.pattern) { req async throws -> [RentalStore.Event] in
            try await req.rental().history(device: try req.parameters.require("id", as: UUID.self))
        }
        routes.post(Route.API.rentalDevice.pattern) { req async throws -> RentalService.DeviceRecord in
            try await req.rental().act(
                device: req.parameters.get("id", as: UUID.self), try req.content.decode(RentalService.DeviceAction.self)
            )
        }
        routes.get(Route.API.rentals.pattern) { req async throws -> Page<RentalService.RentalRecord> in
            let q = try req.query.decode(ListQuery.self)
            return try await req.rental().rentals(
                point: q.pointId, page: try PageRequest(page: q.page, perPage: q.perPage))
        }
        routes.post(Route.API.rentals.pattern) { req async throws -> Response in
            try await req.rental().request(try req.content.decode(RentalService.NewRental.self))
                .encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.rental.pattern) { req async throws -> RentalService.RentalRecord in
            try await req.rental().rental(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.rental.pattern) { req async throws -> RentalService.RentalRecord in
            try await req.rental().act(
                rental: req.parameters.get("id", as: UUID.self), try req.content.decode(RentalService.RentalAction.self)
            )
        }
        routes.get(Route.API.rentalSettlement.pattern) { req async throws -> RentalService.Settlement in
            try await req.rentalSettlement().settlement(month: try RentalRoutes.month(req))
        }
        routes.get(Route.API.rentalYear.pattern) { req async throws -> RentalService.YearCount in
            let rental = try req.rental()
            return try await rental.yearCount(try RentalRoutes.year(req))
        }
    }
}

/// 辅具租赁 (`/rental`): the points of one's region with their stock, the rentals (open first),
/// the request form and the year's count; `/rental/points/{id}`: the stock by serial number with
/// cleaning and disinfection, repairs and write-offs; `/rentals/{id}`: delivery, return,
/// cancellation; `/rental/settlement`: the operators' month, with its .xlsx.
struct RentalPageController: RouteCollection {
    struct HomePage: Encodable {
        let layout: LayoutContext
        let points: [RentalService.PointSummary]
        let rentals: [RentalService.RentalRecord]
        let total: Int
        let pager: Pager?
        let catalogue: [RentalService.CatalogueItem]
        let year: RentalService.YearCount
        let canSettle: Bool
        let regionChoices: [RegionChoice]
        let error: String?
        let errorField: String?
    }

    struct RegionChoice: Encodable {
        let value: String
        let label: String
    }

    struct PointPage: Encodable {
        let layout: LayoutContext
        let detail: RentalService.PointDetail
        let done: Bool
        let error: String?
        let errorField: String?
    }

    struct RentalPage: Encodable {
        let layout: LayoutContext
        let r: RentalService.RentalRecord
        let events: [EventLine]
        let done: Bool
        let error: String?
    }

    struct EventLine: Encodable {
        let action: String
        let byName: String
        let at: String
        let note: String?
    }

    struct SettlementPage: Encodable {
        let layout: LayoutContext
        let s: RentalService.Settlement
        let lines: [Line]
        let rent: String
        let subsidy: String
        let personPays: String
    }

    struct Line: Encodable {
        let operatorName: String
        let pointName: String
        let personName: String
        let kindName: String
        let serial: String
        let monthStarts: String
        let ruleName: String
        let rent: String
        let subsidy: String
        let personPays: String
    }

    struct RentalForm: Content {
        var idNumber: String?
        var pointId: String?
        var kind: String?
        var months: String?
        var note: String?

        var input: RentalService.NewRental {
            RentalService.NewRental(
                idNumber: idNumber, pointId: pointId.flatMap(UUID.init(uuidString:)), kind: kind,
                months: months.flatMap { Int($0.trimmedWhitespace) }, note: note)
        }
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.rental.pattern) { req async throws -> View in try await Self.home(req, error: nil) }
        routes.post(Route.rentalPoints.pattern) { req async throws -> Response in
            let form = try req.content.decode(RentalService.NewPoint.self)
            do {
                let point = try await req.rental().addPoint(form)
                return req.redirect(to: Route.rentalPoint.path(point.id) + "?done=1")
            } catch let error as Refusal where error.kind != .notFound {
                return try await Self.home(req, error: error).encodeResponse(status: error.status, for: req)
            }
        }
        routes.post(Route.rentals.pattern) { req async throws -> Response in
            let form = try req.content.decode(RentalForm.self)
            do {
                let rental = try await req.rental().request(form.input)
                return req.redirect(to: Route.rentalRecord.path(rental.id) + "?done=1")
            } catch let error as Refusal where error.kind != .notFound {
                return try await Self.home(req, error: error).encodeResponse(status: error.status, for: req)
            }
        }
        routes.get(Route.rentalPoint.pattern) { req async throws -> View in
            try await Self.point(req, id: req.parameters.get("id", as: UUID.self), error: nil)
        }
        routes.post(Route.rentalPointDevices.pattern) { req async throws -> Response in
            let form = try req.content.decode(RentalService.NewDevice.self)
            let id = try req.parameters.require("id", as: UUID.self)
            do {
                _ = try await req.rental().addDevice(point: id, form)
                return req.redirect(to: Route.rentalPoint.path(id) + "?done=1")
            } catch let error as Refusal where error.kind != .notFound {
                return try await Self.point(req, id: id, error: error).encodeResponse(status: error.status, for: req)
            }
        }
        routes.post(Route.rentalDevice.pattern) { req async throws -> Response in
            let form = try req.content.decode(RentalService.DeviceAction.self)
            let rental = try req.rental()
            let device = req.parameters.get("id", as: UUID.self)
            let point = try await rental.pointOf(device: device)
            do {
                _ = try await rental.act(device: device, form)
                return req.redirect(to: Route.rentalPoint.path(point) + "?done=1")
            } catch let error as Refusal where error.kind != .notFound {
                return try await Self.point(req, id: point, error: error).encodeResponse(status: error.status, for: req)
            }
        }
        routes.get(Route.rentalRecord.pattern) { req async throws -> View in try await Self.record(req, error: nil) }
        routes.post(Route.rentalRecord.pattern) { req async throws -> Response in
            let form = try req.content.decode(RentalService.RentalAction.self)
            do {
                let r = try await req.rental().act(rental: req.parameters.get("id", as: UUID.self), form)
                return req.redirect(to: Route.rentalRecord.path(r.id) + "?done=1")
            } catch let error as Refusal where error.kind != .notFound {
                return try await Self.record(req, error: error).encodeResponse(status: error.status, for: req)
            }
        }
        routes.get(Route.rentalSettlement.pattern) { req async throws -> View in
            let rental = try req.rentalSettlement()
            let s = try await rental.settlement(month: try RentalRoutes.month(req))
            return try await req.view.render(
                "rental/settlement",
                SettlementPage(
                    layout: LayoutContext(request: req, title: "辅具租赁结算", user: rental.user), s: s,
                    lines: s.lines.map {
                        Line(
                            operatorName: $0.operatorName, pointName: $0.pointName, personName: $0.personName,
                            kindName: $0.kindName, serial: $0.serial, monthStarts: $0.monthStarts,
                            ruleName: $0.ruleName, rent: Fen($0.rentFen).formatted,
                            subsidy: Fen($0.subsidyFen).formatted, personPays: Fen($0.personPaysFen).formatted)
                    }, rent: Fen(s.rentFen).formatted, subsidy: Fen(s.subsidyFen).formatted,
                    personPays: Fen(s.personPaysFen).formatted))
        }
        routes.get(Route.rentalSettlementExport.pattern) { req async throws -> Response in
            let month = try RentalRoutes.month(req)
            let file = try await req.rentalSettlement().settlementFile(month: month)
            return try await FileDownload.send(
                req, path: file.path, name: "rental-settlement-\(month).xlsx", type: XLSXWriter.mediaType)
        }
    }

    static func home(_ req: Request, error: Refusal?) async throws -> View {
        let rental = try req.rental()
        let page = try await rental.rentals(page: try PageRequest(page: req.query[Int.self, at: "page"], perPage: 20))
        let regions = req.platform.regions
        let user = rental.user
        return try await req.view.render(
            "rental/home",
            HomePage(
                layout: LayoutContext(request: req, title: "辅具租赁", user: user), points: try await rental.points(),
                rentals: page.items, total: page.total,
                pager: page.total > page.perPage
                    ? Pager.make(path: Route.rental.path, filters: [:], result: page) : nil,
                catalogue: try await rental.catalogue(), year: try await rental.yearCount(req.today.year),
                canSettle: user.role.may(.managePayroll),
                regionChoices: ([user.region] + regions.children(of: user.region)).map {
                    RegionChoice(value: $0.value, label: regions.fullName(of: $0))
                }, error: error?.message, errorField: error?.field))
    }

    static func point(_ req: Request, id: UUID?, error: Refusal?) async throws -> View {
        let rental = try req.rental()
        let detail = try await rental.point(id)
        return try await req.view.render(
            "rental/point",
            PointPage(
                layout: LayoutContext(request: req, title: detail.point.name, user: rental.user), detail: detail,
                done: req.query[String.self, at: "done"] != nil, error: error?.message, errorField: error?.field))
    }

    static func record(_ req: Request, error: Refusal?) async throws -> View {
        let rental = try req.rental()
        let r = try await rental.rental(req.parameters.get("id", as: UUID.self))
        let events = try await rental.events(rental: r.id).map {
            EventLine(
                action: RentalDeviceState.Action(rawValue: $0.action)?.chinese ?? $0.action, byName: $0.byName,
                at: BeijingTime.timestamp($0.at), note: $0.note)
        }
        return try await req.view.render(
            "rental/rental",
            RentalPage(
                layout: LayoutContext(request: req, title: "辅具租赁 \(r.personName)", user: rental.user), r: r,
                events: events, done: req.query[String.self, at: "done"] != nil, error: error?.message))
    }
}

enum RentalRoutes {
    static func register(api: RoutesBuilder, signedIn: RoutesBuilder) throws {
        try api.register(collection: RentalAPIController())
        try signedIn.register(collection: RentalPageController())
    }

    /// `?month=YYYY-MM` (this month when absent), from 2021-01 to a year ahead.
    static func month(_ req: Request) throws -> YearMonth {
        let today = req.today.yearMonth
        guard let text = req.query[String.self, at: "month"], !text.isEmpty else { return today }
        guard let month = YearMonth(text), month >= YearMonth(year: 2021, month: 1)!, month <= today.adding(months: 12)
        else { throw Refusal.invalid("month", "月份应为 YYYY-MM（2021-01 起）") }
        return month
    }

    /// `?year=YYYY` (this year when absent), from 2021.
    static func year(_ req: Request) throws -> Int {
        let today = req.today
        guard let text = req.query[String.self, at: "year"], !text.isEmpty else { return today.year }
        guard let year = Int(text), (2021...today.year).contains(year) else {
            throw Refusal.invalid("year", "年份应为 2021 至 \(today.year)")
        }
        return year
    }
}

extension Request {
    /// The rental's service for the money: the settlement needs `managePayroll` as well.
    func rentalSettlement() throws -> RentalService {
        let rental = try rental()
        try rental.user.require(.managePayroll)
        return rental
    }
}

extension RentalService {
    /// The point a device of one's region stands at.
    func pointOf(device id: UUID?) async throws -> UUID {
        guard let id, let device = try await RentalStore(db: db).device(id, within: user.scope) else {
            throw Refusal.notFound("设备")
        }
        return device.pointId
    }
}
