import Foundation
import MinzhengCore
import Vapor

/// The public price lists (殡葬服务收费公示, no sign-in): every funeral home's services in
/// force today, a home's full history; and the city administrator's form for a new price.
struct FuneralPricePageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.funeralPrices.pattern, use: index)
        routes.get(Route.funeralHomePrices.pattern, use: home)
    }

    struct IndexPage: Encodable {
        let layout: LayoutContext
        let lists: [PriceListView]
    }

    func index(req: Request) async throws -> View {
        let store = FuneralStore(db: req.sql)
        var lists: [PriceListView] = []
        for home in try await store.homes() {
            lists.append(PriceListView(home: home, list: try await store.prices(home: home.id), today: req.today))
        }
        return try await req.view.render(
            "funeral/prices",
            IndexPage(
                layout: LayoutContext(request: req, title: "殡葬服务收费公示", user: req.auth.get(CurrentUser.self)),
                lists: lists))
    }

    struct HomePage: Encodable {
        let layout: LayoutContext
        let list: PriceListView
        let canEdit: Bool
    }

    func home(req: Request) async throws -> View {
        let home = try await req.funeral.home(try req.parameters.require("id", as: UUID.self))
        let user = req.auth.get(CurrentUser.self)
        return try await req.view.render(
            "funeral/home",
            HomePage(
                layout: LayoutContext(request: req, title: home.name, user: user),
                list: PriceListView(
                    home: home, list: try await FuneralStore(db: req.sql).prices(home: home.id), today: req.today),
                canEdit: user?.role.may(.managePolicy) ?? false))
    }
}

/// `/funeral-prices/:id/new`: a new dated price (a new service, or a change from a date).
struct FuneralPriceFormController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.funeralPriceNew.pattern, use: form)
        routes.post(Route.funeralPriceNew.pattern, use: add)
    }

    struct FormPage: Encodable {
        let layout: LayoutContext
        let list: PriceListView
        let categories: [Choice]
        let values: Values
        let error: String?
        let field: String?
    }

    struct Values: Content {
        var code: String?
        var name: String?
        var unit: String?
        var category: String?
        var price: String?
        var from: String?
    }

    func form(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.managePolicy)
        let code = req.query[String.self, at: "code"]
        let home = try await req.funeral.home(try req.parameters.require("id", as: UUID.self))
        let list = try await FuneralStore(db: req.sql).prices(home: home.id)
        let current = code.flatMap { list.inForce($0, on: req.today) }
        let values = Values(
            code: code, name: current?.name, unit: current?.unit, category: current?.category.rawValue,
            price: current?.price.yuanString, from: req.today.adding(days: 1).description)
        return try await render(req, user: user, home: home, values: values, refusal: nil)
    }

    private func render(
        _ req: Request, user: CurrentUser, home: FuneralHome, values: Values, refusal: Refusal?
    ) async throws -> View {
        try await req.view.render(
            "funeral/price-new",
            FormPage(
                layout: LayoutContext(request: req, title: "调整收费：\(home.name)", user: user),
                list: PriceListView(
                    home: home, list: try await FuneralStore(db: req.sql).prices(home: home.id), today: req.today),
                categories: FuneralServiceCategory.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) },
                values: values, error: refusal?.message, field: refusal?.field))
    }

    func add(req: Request) async throws -> Response {
        let user = try req.user
        let home = try await req.funeral.home(try req.parameters.require("id", as: UUID.self))
        let values = try req.content.decode(Values.self)
        do {
            guard let price = Fen(yuanText: values.price ?? "") else {
                throw Refusal.invalid("priceFen", "价格应为金额（元），如 350 或 350.50")
            }
            _ = try await req.funeral.addPrice(
                home: home.id,
                FuneralService.PriceInput(
                    code: values.code ?? "", name: values.name ?? "", unit: values.unit ?? "",
                    category: values.category ?? "", priceFen: price.value, from: values.from ?? ""),
                by: user)
            return req.redirect(to: Route.funeralHomePrices.path(home.id))
        } catch let refusal as Refusal where refusal.kind == .invalid {
            return try await render(req, user: user, home: home, values: values, refusal: refusal)
                .encodeResponse(status: refusal.status, for: req)
        }
    }
}

/// Where the funeral pages are registered (one line in `routes.swift` each).
enum FuneralRoutes {
    static func registerOpen(on app: Application) {
        FuneralAPIController.registerOpen(on: app)
        CemeteryControllers.registerOpen(on: app)
    }

    static func register(api: RoutesBuilder, pages: RoutesBuilder, signedIn: RoutesBuilder) throws {
        try api.register(collection: FuneralAPIController())
        try api.register(collection: GateAPIController())
        try api.register(collection: CemeteryControllers())
        try api.register(collection: FuneralSubsidyAPIController())
        pages.get(Route.cemeteries.pattern, use: CemeteryControllers.page)
        try pages.register(collection: FuneralPricePageController())
        try signedIn.register(collection: FuneralPriceFormController())
        try signedIn.register(collection: FuneralBillPageController())
        try signedIn.register(collection: AfterDeathPageController())
        try signedIn.register(collection: GatePageController())
        try signedIn.register(collection: FuneralSubsidyPageController())
        try signedIn.register(collection: CemeteryDeskPageController())
    }
}
