import Foundation
import MinzhengCore
import Vapor

/// 民政通: `/` for visitors and residents (staff keep their workbench), a category's services,
/// a service's guide with its way in, the search, the city administrator's edit of a guide
/// (audited), the large-text switch and the public `GET /api/v1/services`.
enum PortalRoutes {
    static func register(api: RoutesBuilder, pages: RoutesBuilder, signedIn: RoutesBuilder) {
        let controller = PortalPageController()
        api.get(Route.API.services.pattern, use: controller.api)
        pages.get(Route.home.pattern, use: controller.home)
        pages.get(Route.services.pattern, use: controller.search)
        pages.get(Route.serviceCategory.pattern, use: controller.category)
        pages.get(Route.service.pattern, use: controller.service)
        pages.get(Route.textSize.pattern, use: controller.textSize)
        signedIn.get(Route.serviceEdit.pattern, use: controller.editForm)
        signedIn.post(Route.serviceEdit.pattern, use: controller.edit)
    }
}

struct PortalPageController {
    /// The cookie of the large-text mode (适老化), read by every page's layout.
    static let textCookie = "minzheng_text"

    func home(req: Request) async throws -> Response {
        let user = req.auth.get(CurrentUser.self)
        if let user, user.role != .resident {
            if user.mustChangePassword { return req.redirect(to: Route.accountPassword.path + "?next=%2F") }
            return try await RegistryPageController().home(req: req)
        }
        let catalog = try await PortalStore(db: req.sql).catalog()
        return try await req.view.render(
            "portal/home",
            PortalHomePage(
                layout: LayoutContext(request: req, title: "民政通", user: user),
                categories: Self.categories(catalog), popular: Self.links(catalog.popular, catalog),
                signedIn: user != nil)
        ).encodeResponse(for: req)
    }

    func search(req: Request) async throws -> View {
        let catalog = try await PortalStore(db: req.sql).catalog()
        let query = (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let results = PortalSearch.rank(String(query.prefix(50)), in: catalog.services)
        return try await req.view.render(
            "portal/search",
            PortalSearchPage(
                layout: LayoutContext(
                    request: req, title: query.isEmpty ? "全部服务" : "搜索：\(query)",
                    user: req.auth.get(CurrentUser.self)),
                query: query, results: Self.links(results, catalog), popular: Self.links(catalog.popular, catalog),
                categories: Self.categories(catalog),
                all: query.isEmpty
                    ? catalog.categories.map {
                        PortalCategoryGroup(
                            category: PortalCategoryView($0, count: catalog.services(in: $0.code).count),
                            services: Self.links(catalog.services(in: $0.code), catalog))
                    } : []))
    }

    func category(req: Request) async throws -> View {
        let catalog = try await PortalStore(db: req.sql).catalog()
        guard let category = req.parameters.get("category").flatMap(catalog.category) else {
            throw Refusal.notFound("服务分类")
        }
        let services = catalog.services(in: category.code)
        return try await req.view.render(
            "portal/category",
            PortalCategoryPage(
                layout: LayoutContext(request: req, title: category.name, user: req.auth.get(CurrentUser.self)),
                category: PortalCategoryView(category, count: services.count), services: Self.links(services, catalog),
                categories: Self.categories(catalog)))
    }

    func service(req: Request) async throws -> View {
        let user = req.auth.get(CurrentUser.self)
        let (catalog, category, service) = try await Self.find(req)
        let entry = service.online.flatMap(PortalEntryRoutes.link).map { link in
            if link.needsSignIn, user == nil {
                let next = link.href.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                return PortalEntryView(href: Route.login.path + "?next=" + next, label: "登录后在线办理")
            }
            return PortalEntryView(href: link.href, label: "在线办理")
        }
        return try await req.view.render(
            "portal/service",
            PortalServicePage(
                layout: LayoutContext(request: req, title: service.name, user: user),
                category: PortalCategoryView(category, count: catalog.services(in: category.code).count),
                service: service, entry: entry, dial: service.dialNumber,
                editHref: user?.role.may(.managePolicy) == true
                    ? Route.serviceEdit.path(category.code, String(service.id)) : nil,
                saved: req.query[String.self, at: "saved"] != nil))
    }

    func editForm(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.managePolicy)
        let (_, category, service) = try await Self.find(req)
        guard let stored = try await PortalStore(db: req.sql).service(service.id) else {
            throw Refusal.notFound("服务事项")
        }
        return try await renderEdit(
            req, user: user, category: category, service: service,
            form: PortalEditForm(stored.service, version: stored.version), error: nil)
    }

    func edit(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.managePolicy)
        let (_, category, service) = try await Self.find(req)
        let form = try req.content.decode(PortalEditForm.self)
        do {
            let edited = try form.edited(service)
            guard let version = form.version else { throw Refusal.invalid("version", "缺少版本号，请刷新后重试") }
            let now = req.now
            let before = try PortalStore.json(service)
            let after = try PortalStore.json(edited)
            try await req.auditedTransaction { tx, audit in
                guard try await PortalStore(db: tx).update(edited, version: version, by: user.username, at: now) else {
                    let current = try await PortalStore(db: tx).service(service.id)?.version ?? version
                    throw Refusal.staleVersion(current: current)
                }
                try await audit.record(
                    "portal.service.update", entity: "portal_service", id: String(service.id),
                    region: user.region.value, beforeJSON: before, afterJSON: after)
            }
            return req.redirect(to: Route.service.path(category.code, String(service.id)) + "?saved=1")
        } catch let error as Refusal where error.kind == .invalid || error.kind == .conflict {
            return try await renderEdit(req, user: user, category: category, service: service, form: form, error: error)
                .encodeResponse(status: error.status, for: req)
        }
    }

    private func renderEdit(
        _ req: Request, user: CurrentUser, category: PortalCategory, service: PortalService, form: PortalEditForm,
        error: Refusal?
    ) async throws -> View {
        try await req.view.render(
            "portal/edit",
            PortalEditPage(
                layout: LayoutContext(request: req, title: "编辑办事指南：\(service.name)", user: user),
                category: PortalCategoryView(category, count: 0), serviceName: service.name,
                serviceHref: Route.service.path(category.code, String(service.id)), form: form,
                error: error.map { e in
                    guard let field = e.field, PortalService.fieldLabels.contains(where: { $0.field == field }) else {
                        return e.message
                    }
                    return "\(PortalService.label(of: field))：\(e.message)"
                },
                errorField: error?.field))
    }

    /// Sets or clears the large-text cookie and goes back to the page the link was on.
    func textSize(req: Request) async throws -> Response {
        let large = req.query[String.self, at: "large"] == "1"
        // Back to the page the link was on: only its path (never another host), only from this host.
        var back = "/"
        if let referer = req.headers.first(name: .referer), let url = URLComponents(string: referer) {
            let host = req.headers.first(name: .host)?.split(separator: ":").first.map(String.init)
            if url.host == nil || host == nil || url.host == host {
                back = SignInPageController.safeNext(
                    url.percentEncodedPath + (url.percentEncodedQuery.map { "?" + $0 } ?? ""))
            }
        }
        let response = req.redirect(to: back)
        response.cookies[Self.textCookie] = HTTPCookies.Value(
            string: large ? "large" : "", expires: large ? nil : Date(timeIntervalSince1970: 0),
            maxAge: large ? 365 * 24 * 3_600 : 0, path: "/", isSecure: req.platform.config.behindTLS, isHTTPOnly: true,
            sameSite: .lax)
        return response
    }

    func api(req: Request) async throws -> PortalServicesAnswer {
        let catalog = try await PortalStore(db: req.sql).catalog()
        let query = (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let services =
            query.isEmpty ? catalog.services : PortalSearch.rank(String(query.prefix(50)), in: catalog.services)
        return PortalServicesAnswer(
            categories: catalog.categories.map { .init(code: $0.code, name: $0.name, summary: $0.summary) },
            services: services.map(PortalServicesAnswer.Service.init))
    }

    // MARK: helpers

    private static func find(_ req: Request) async throws -> (PortalCatalog, PortalCategory, PortalService) {
        let catalog = try await PortalStore(db: req.sql).catalog()
        guard let category = req.parameters.get("category").flatMap(catalog.category),
            let service = req.parameters.get("service").flatMap(Int.init).flatMap(catalog.service),
            service.category == category.code
        else { throw Refusal.notFound("服务事项") }
        return (catalog, category, service)
    }

    private static func categories(_ catalog: PortalCatalog) -> [PortalCategoryView] {
        catalog.categories.map { PortalCategoryView($0, count: catalog.services(in: $0.code).count) }
    }

    private static func links(_ services: [PortalService], _ catalog: PortalCatalog) -> [PortalServiceLink] {
        services.map { PortalServiceLink($0, categoryName: catalog.category($0.category)?.name ?? "") }
    }
}
