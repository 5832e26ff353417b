import Foundation
import MinzhengCore
import Vapor

/// 养老服务地图 and 养老顾问, open to anyone on a phone: the search with the map, a
/// facility's page, the adviser form and the page where its answer is read.
struct ServiceMapPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.careMap.pattern, use: map)
        routes.get(Route.careMapFacility.pattern, use: facility)
        routes.get(Route.careMapAdvice.pattern, use: adviceForm)
        routes.post(Route.careMapAdvice.pattern, use: submitAdvice)
        routes.get(Route.careMapReply.pattern, use: reply)
    }

    func map(req: Request) async throws -> Response {
        let query = try req.query.decode(ServiceMapService.Query.self)
        let regions = req.platform.regions
        var page = MapPage(
            layout: LayoutContext(request: req, title: "养老服务地图", user: req.auth.get(CurrentUser.self)),
            query: query, areas: regions.streetGroups(wholeDistricts: true), kinds: FacilityKind.choices,
            grades: (1...5).reversed().map { Choice(value: String($0), label: $0 == 5 ? "5 级" : "\($0) 级及以上") },
            starts: try await req.serviceMap.startingStreets())
        do {
            let result = try await req.serviceMap.search(query)
            page.rows = result.page.items.enumerated().map { MapRow(number: $0.offset + 1, facility: $0.element) }
            page.total = result.page.total
            page.svg = result.svg
            page.pager = Pager.make(path: Route.careMap.path, filters: query.links, result: result.page)
            if result.origin != nil {
                page.origin =
                    query.from.flatMap(RegionCode.init).flatMap { regions.name(of: $0) }.map { "从\($0)出发" } ?? "从您的位置出发"
            }
        } catch let error as Refusal {
            (page.error, page.errorField) = (error.message, error.field)
        }
        return try await req.view.render("map/index", page).encodeResponse(
            status: page.error == nil ? .ok : .badRequest, for: req)
    }

    func facility(req: Request) async throws -> View {
        let (listing, prices) = try await req.serviceMap.facility(try FacilityAPIController.id(req, "养老服务设施"))
        return try await req.view.render(
            "map/facility",
            FacilityPage(
                layout: LayoutContext(request: req, title: listing.name, user: req.auth.get(CurrentUser.self)),
                facility: listing, prices: prices,
                adviceLink: Route.careMapAdvice.path + "?street=\(listing.street)"))
    }

    private func advicePage(_ req: Request, form: AdviceForm, error: Refusal?) async throws -> View {
        try await req.view.render(
            "map/advice",
            AdvicePage(
                layout: LayoutContext(request: req, title: "养老顾问", user: req.auth.get(CurrentUser.self)), form: form,
                kinds: AdviceKind.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) },
                streets: req.platform.regions.streetGroups(wholeDistricts: false), error: error?.message,
                errorField: error?.field))
    }

    func adviceForm(req: Request) async throws -> View {
        var form = AdviceForm()
        form.kind = AdviceKind.question.rawValue
        form.street = try? req.query.get(String.self, at: "street")
        return try await advicePage(req, form: form, error: nil)
    }

    func submitAdvice(req: Request) async throws -> Response {
        let form = try req.content.decode(AdviceForm.self)
        do {
            try await req.admitAdviceRequest()
            let (_, code) = try await req.advice.submit(form.input)
            return req.redirect(to: Route.careMapReply.path(code) + "?new=1")
        } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
            return try await advicePage(req, form: form, error: error).encodeResponse(status: error.status, for: req)
        }
    }

    func reply(req: Request) async throws -> View {
        let code = req.parameters.get("code") ?? ""
        let row = try await req.advice.reply(code: code)
        let replyDays = try await req.advice.replyDays(region: row.region)
        return try await req.view.render(
            "map/reply",
            ReplyPage(
                layout: LayoutContext(request: req, title: "咨询答复", user: req.auth.get(CurrentUser.self)),
                code: code.uppercased(), link: Route.careMapReply.path(code.uppercased()),
                isNew: req.query[String.self, at: "new"] == "1", kind: row.kindName, regionName: row.regionName,
                name: String(row.name.prefix(1)) + String(repeating: "*", count: max(1, row.name.count - 1)),
                phone: row.phoneMasked, message: row.message, received: BeijingTime.timestamp(row.createdAt),
                answered: row.state == AdviceState.answered.rawValue, answer: row.answer,
                answeredOn: row.answeredAt.map(BeijingTime.timestamp), replyDays: replyDays))
    }
}
