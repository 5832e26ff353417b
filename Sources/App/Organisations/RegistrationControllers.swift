import Foundation
import MinzhengCore
import Vapor

/// `GET|POST /api/v1/organisation-applications`, `GET …/{id}`, `POST …/{id}/actions`,
/// `GET /api/v1/organisations/{id}/certificates`, `GET /api/v1/organisation-certificates/{id}`,
/// `POST /api/v1/organisations/{id}/revocation`, `POST|DELETE /api/v1/organisations/{id}/unreachable`.
struct RegistrationAPIController: RouteCollection {
    struct ListQuery: Content {
        var state: String?
        var type: String?
        var organisationId: UUID?
        var page: Int?
        var perPage: Int?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.organisationApplications.pattern) { req async throws -> Page<RegistrationRecord> in
            let q = try req.query.decode(ListQuery.self)
            return try await req.organisationRegistrations().list(
                state: q.state, type: q.type, organisation: q.organisationId,
                page: try PageRequest(page: q.page, perPage: q.perPage))
        }
        routes.post(Route.API.organisationApplications.pattern) { req async throws -> Response in
            let created = try await req.organisationRegistrations().submit(
                try req.content.decode(OrganisationRegistrations.NewRegistration.self))
            return try await created.encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.organisationApplication.pattern) { req async throws -> OrganisationRegistrations.Detail in
            try await req.organisationRegistrations().detail(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.organisationApplicationActions.pattern) { req async throws -> RegistrationRecord in
            try await req.organisationRegistrations().act(
                req.parameters.get("id", as: UUID.self),
                try req.content.decode(OrganisationRegistrations.StepInput.self))
        }
        routes.get(Route.API.organisationCertificates.pattern) { req async throws -> [CertificateRecord] in
            try await req.organisationRegistrations().certificates(req.parameters.get("id", as: UUID.self))
        }
        routes.get(Route.API.organisationCertificate.pattern) { req async throws -> CertificateRecord in
            try await req.organisationRegistrations().certificate(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.organisationRevocation.pattern) { req async throws -> OrganisationRecord in
            try await req.organisationRegistrations().revoke(
                req.parameters.get("id", as: UUID.self),
                try req.content.decode(OrganisationRegistrations.StatusInput.self))
        }
        routes.post(Route.API.organisationUnreachable.pattern) { req async throws -> OrganisationRecord in
            try await req.organisationRegistrations().markUnreachable(
                req.parameters.get("id", as: UUID.self),
                try req.content.decode(OrganisationRegistrations.StatusInput.self))
        }
        routes.delete(Route.API.organisationUnreachable.pattern) { req async throws -> OrganisationRecord in
            try await req.organisationRegistrations().clearUnreachable(req.parameters.get("id", as: UUID.self))
        }
    }
}

/// The pages of registrations: the list (the clerk's region, a resident's or an organisation's
/// own), the application form, an application with its steps and the buttons of the steps the
/// user may take, the printable certificate, and the clerk's forms on an organisation's page
/// (revocation, unreachable at the domicile).
struct RegistrationPageController: RouteCollection {
    typealias Choice = OrganisationPageController.Choice

    struct ListPage: Encodable {
        let layout: LayoutContext
        let applications: [RegistrationRecord]
        let total: Int
        let state: String?
        let type: String?
        let states: [Choice]
        let types: [Choice]
        let isClerk: Bool
        let isResident: Bool
        let pager: Pager?
        let error: String?
    }

    /// The form as typed: the capital in yuan.
    struct Form: Content {
        var type: String?
        var organisationId: String?
        var kind: String?
        var name: String?
        var region: String?
        var domicile: String?
        var businessScope: String?
        var supervisingUnit: String?
        var registeredCapital: String?
        var legalRepresentativeName: String?
        var legalRepresentativeIdNumber: String?
        var reason: String?

        func input() throws -> OrganisationRegistrations.NewRegistration {
            var i = OrganisationRegistrations.NewRegistration()
            (i.type, i.kind, i.name, i.region, i.domicile) = (type, kind, name, region, domicile)
            (i.businessScope, i.supervisingUnit, i.reason) = (businessScope, supervisingUnit, reason)
            (i.legalRepresentativeName, i.legalRepresentativeIdNumber) = (
                legalRepresentativeName, legalRepresentativeIdNumber
            )
            i.organisationId = organisationId.flatMap { UUID(uuidString: $0) }
            if let text = registeredCapital?.trimmedWhitespace, !text.isEmpty {
                guard let fen = Fen(yuanText: text) else {
                    throw Refusal.invalid("registeredCapital", "注册资金应为元，如 30000 或 30000.50")
                }
                i.registeredCapitalFen = fen.value
            }
            return i
        }
    }

    struct NewPage: Encodable {
        let layout: LayoutContext
        let form: Form
        let typeName: String
        let organisation: OrganisationRecord?
        let kinds: [Choice]
        let error: String?
        let errorField: String?
    }

    struct DetailPage: Encodable {
        let layout: LayoutContext
        let detail: OrganisationRegistrations.Detail
        let isClerk: Bool
        let needsCode: Bool
        let done: Bool
        let error: String?
        let errorField: String?
    }

    struct CertificatePage: Encodable {
        let layout: LayoutContext
        let certificate: CertificateRecord
        let registrar: String
    }

    static let states = WorkflowTable.transitions[.registry, default: [:]].keys
        .sorted { WorkflowState.allCases.firstIndex(of: $0)! < WorkflowState.allCases.firstIndex(of: $1)! }
        .map { Choice(value: $0.rawValue, label: $0.chinese) }
    static let types = RegistrationKind.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.organisationApplications.pattern, use: Self.list)
        routes.get(Route.newOrganisationApplication.pattern) { req async throws -> View in
            let service = try req.organisationRegistrations()
            _ = try await service.viewer()
            var form = Form()
            form.type = req.query[String.self, at: "type"] ?? RegistrationKind.establishment.rawValue
            form.organisationId = req.query[String.self, at: "organisation"]
            return try await Self.renderNew(req, service, form: form, error: nil)
        }
        routes.post(Route.newOrganisationApplication.pattern) { req async throws -> Response in
            let service = try req.organisationRegistrations()
            let form = try req.content.decode(Form.self)
            do {
                let created = try await service.submit(try form.input())
                return req.redirect(to: Route.organisationApplication.path(created.id) + "?done=1")
            } catch let error as Refusal where error.status != .forbidden && error.status != .notFound {
                return try await Self.renderNew(req, service, form: form, error: error).encodeResponse(
                    status: error.status, for: req)
            }
        }
        routes.get(Route.organisationApplication.pattern) { req async throws -> View in
            try await Self.renderDetail(req, try req.organisationRegistrations(), error: nil)
        }
        routes.post(Route.organisationApplicationAction.pattern) { req async throws -> Response in
            let service = try req.organisationRegistrations()
            let id = req.parameters.get("id", as: UUID.self)
            do {
                _ = try await service.act(id, try req.content.decode(OrganisationRegistrations.StepInput.self))
                return req.redirect(to: Route.organisationApplication.path(id ?? UUID()) + "?done=1")
            } catch let error as Refusal where error.status != .forbidden && error.status != .notFound {
                return try await Self.renderDetail(req, service, error: error).encodeResponse(
                    status: error.status, for: req)
            }
        }
        routes.get(Route.organisationCertificate.pattern) { req async throws -> View in
            let service = try req.organisationRegistrations()
            let certificate = try await service.certificate(req.parameters.get("id", as: UUID.self))
            return try await req.view.render(
                "organisations/certificate",
                CertificatePage(
                    layout: LayoutContext(request: req, title: certificate.title, user: service.user),
                    certificate: certificate, registrar: "常州市民政局"))
        }
        routes.post(Route.organisationRevocation.pattern) { req async throws -> Response in
            try await Self.onOrganisation(req, done: "revoked") { service, id in
                _ = try await service.revoke(id, try req.content.decode(OrganisationRegistrations.StatusInput.self))
            }
        }
        routes.post(Route.organisationUnreachable.pattern) { req async throws -> Response in
            try await Self.onOrganisation(req, done: "unreachable") { service, id in
                _ = try await service.markUnreachable(
                    id, try req.content.decode(OrganisationRegistrations.StatusInput.self))
            }
        }
        routes.post(Route.organisationReachable.pattern) { req async throws -> Response in
            try await Self.onOrganisation(req, done: "reachable") { service, id in
                _ = try await service.clearUnreachable(id)
            }
        }
    }

    /// One of the clerk's forms on the organisation's page: back to it, or the page with the error.
    static func onOrganisation(
        _ req: Request, done: String,
        _ step: (OrganisationRegistrations, UUID?) async throws -> Void
    ) async throws -> Response {
        let service = try req.organisationRegistrations()
        let id = req.parameters.get("id", as: UUID.self)
        do {
            try await step(service, id)
            return req.redirect(to: Route.organisation.path(id ?? UUID()) + "?done=\(done)")
        } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
            return try await OrganisationPageController.renderDetail(req, try req.organisations(), error: error)
                .encodeResponse(status: error.status, for: req)
        }
    }

    static func list(req: Request) async throws -> View {
        let service = try req.organisationRegistrations()
        let state = req.query[String.self, at: "state"]
        let type = req.query[String.self, at: "type"]
        var error: String?
        var page = Page<RegistrationRecord>(items: [], total: 0, page: 1, perPage: 20)
        do {
            page = try await service.list(
                state: state, type: type, page: try PageRequest(page: req.query[Int.self, at: "page"], perPage: 20))
        } catch let refusal as Refusal where refusal.status == .badRequest {
            error = refusal.message
        }
        return try await req.view.render(
            "organisations/applications",
            ListPage(
                layout: LayoutContext(request: req, title: "社会组织登记申请", user: service.user),
                applications: page.items, total: page.total, state: state, type: type, states: states, types: types,
                isClerk: service.user.role.may(.manageOrganisations),
                isResident: service.user.role.may(.selfService),
                pager: page.total > page.perPage
                    ? Pager.make(
                        path: Route.organisationApplications.path, filters: ["state": state, "type": type],
                        result: page) : nil,
                error: error))
    }

    static func renderNew(
        _ req: Request, _ service: OrganisationRegistrations, form: Form, error: Refusal?
    ) async throws -> View {
        let type = form.type.flatMap(RegistrationKind.init(rawValue:)) ?? .establishment
        var organisation: OrganisationRecord?
        if type != .establishment {
            let registry = try req.organisations()
            if let id = form.organisationId.flatMap(UUID.init(uuidString:)) {
                organisation = try await registry.find(id)
            } else if service.user.role.may(.fileOrganisationReport) {
                organisation = try await registry.own()
            }
        }
        var shown = form
        shown.type = type.rawValue
        if let organisation { shown.organisationId = organisation.id.uuidString }
        return try await req.view.render(
            "organisations/application-new",
            NewPage(
                layout: LayoutContext(request: req, title: "社会组织\(type.chinese)申请", user: service.user), form: shown,
                typeName: type.chinese, organisation: organisation, kinds: OrganisationPageController.kinds,
                error: error?.message, errorField: error?.field))
    }

    static func renderDetail(
        _ req: Request, _ service: OrganisationRegistrations, error: Refusal?
    ) async throws -> View {
        let detail = try await service.detail(req.parameters.get("id", as: UUID.self))
        return try await req.view.render(
            "organisations/application",
            DetailPage(
                layout: LayoutContext(
                    request: req,
                    title:
                        "\(detail.application.typeName)：\(detail.application.name ?? detail.application.organisationName ?? "")",
                    user: service.user),
                detail: detail, isClerk: service.user.role.may(.manageOrganisations),
                needsCode: detail.application.type == RegistrationKind.establishment.rawValue
                    && detail.actions.contains { $0.code == WorkflowActionKind.approve.rawValue },
                done: req.query[String.self, at: "done"] != nil, error: error?.message, errorField: error?.field))
    }
}
