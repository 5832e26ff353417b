import Foundation
import MinzhengCore
import Vapor

/// An organisation with its status history, annual reports and notices.
struct OrganisationDetail: Content {
    let organisation: OrganisationRecord
    let history: [OrganisationStatusEntry]
    let reports: [AnnualReportRecord]
    let notices: [OrganisationNotice]
    /// The grade on record (等级评估), current or past its expiry today.
    let grade: OrganisationGrade?
    /// Its rating applications, newest first.
    let ratings: [RatingApplicationRecord]
    /// Its registration certificates (the current one and those superseded or withdrawn), newest first.
    let certificates: [CertificateRecord]
    /// The old and new values of every field a change altered, newest first.
    let changes: [OrganisationChangeEntry]
    /// Its change and deregistration applications (and the establishment that registered it), newest first.
    let registrations: [RegistrationRecord]

    static func load(_ registry: OrganisationRegistry, _ id: UUID?) async throws -> OrganisationDetail {
        let organisation = try await registry.find(id)
        let ratings = RatingStore(db: registry.db)
        let registrations = RegistrationStore(db: registry.db)
        return OrganisationDetail(
            organisation: organisation, history: try await registry.history(organisation.id),
            reports: try await registry.reports(organisation.id), notices: try await registry.notices(organisation.id),
            grade: try await ratings.grade(organisation.id, on: registry.clock.today),
            ratings: try await ratings.applications(ofOrganisation: organisation.id),
            certificates: try await registrations.certificates(organisation.id),
            changes: try await registrations.changes(organisation.id),
            registrations: try await registrations.list(
                for: .organisation(organisation.id), state: nil, type: nil, organisation: nil,
                page: try PageRequest(page: 1, perPage: 20)
            ).items)
    }
}

/// The list's filters, as the API and the page take them.
struct OrganisationListQuery: Content {
    var status: String?
    var kind: String?
    var name: String?
    var region: String?
    var page: Int?
    var perPage: Int?

    func query() throws -> OrganisationStore.ListQuery {
        var q = OrganisationStore.ListQuery()
        if let s = status, !s.isEmpty {
            guard let status = OrganisationStatus(rawValue: s) else {
                throw Refusal.invalid(
                    "status", "状态应为 " + OrganisationStatus.allCases.map(\.rawValue).joined(separator: "、"))
            }
            q.status = status
        }
        if let k = kind, !k.isEmpty {
            guard let kind = OrganisationKind(rawValue: k) else {
                throw Refusal.invalid(
                    "kind", "类型应为 " + OrganisationKind.allCases.map(\.rawValue).joined(separator: "、"))
            }
            q.kind = kind
        }
        if let r = region, !r.isEmpty {
            guard let code = RegionCode(r) else { throw Refusal.invalid("region", "区划代码无效") }
            q.region = RegionScope(code)
        }
        q.name = name?.trimmedWhitespace
        return q
    }
}

/// `GET|POST /api/v1/organisations`, `GET /api/v1/organisations/{id}`, `POST …/{id}/account`,
/// `GET|POST …/{id}/reports`, `POST …/{id}/reports/{year}/review`, `GET /api/v1/organisation-sweep`,
/// `GET /api/v1/organisation-notices`, `GET /api/v1/my-organisation`.
struct OrganisationAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.organisations.pattern) { req async throws -> Page<OrganisationRecord> in
            let q = try req.query.decode(OrganisationListQuery.self)
            return try await req.organisations().list(
                try q.query(), page: try PageRequest(page: q.page, perPage: q.perPage))
        }
        routes.post(Route.API.organisations.pattern) { req async throws -> Response in
            let created = try await req.organisations().create(try req.content.decode(OrganisationDraft.Input.self))
            return try await created.encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.organisation.pattern) { req async throws -> OrganisationDetail in
            try await OrganisationDetail.load(try req.organisations(), req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.organisationAccount.pattern) { req async throws -> Response in
            let hasher = req.password.async
            let opened = try await req.organisations().openAccount(
                req.parameters.get("id", as: UUID.self), try req.content.decode(OrganisationRegistry.AccountInput.self),
                hash: { try await hasher.hash($0) })
            return try await opened.encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.organisationReports.pattern) { req async throws -> [AnnualReportRecord] in
            try await req.organisations().reports(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.organisationReports.pattern) { req async throws -> Response in
            let filed = try await req.organisations().file(
                req.parameters.get("id", as: UUID.self), try req.content.decode(AnnualReportDraft.Input.self))
            return try await filed.encodeResponse(status: .created, for: req)
        }
        routes.post(Route.API.organisationReview.pattern) { req async throws -> AnnualReportRecord in
            try await req.organisations().review(
                req.parameters.get("id", as: UUID.self), year: req.parameters.get("year", as: Int.self),
                try req.content.decode(OrganisationRegistry.Review.self))
        }
        routes.get(Route.API.dormantOrganisations.pattern) { req async throws -> OrganisationCommands.DormantList in
            let registry = try req.organisations()
            let found = try await registry.dormant()
            return OrganisationCommands.DormantList(on: req.today.description, count: found.count, candidates: found)
        }
        routes.get(Route.API.organisationNotices.pattern) { req async throws -> Page<OrganisationNotice> in
            try await req.organisations().publicNotices(
                page: try PageRequest(
                    page: req.query[Int.self, at: "page"], perPage: req.query[Int.self, at: "perPage"]))
        }
        routes.get(Route.API.myOrganisation.pattern) { req async throws -> OrganisationDetail in
            let registry = try req.organisations()
            return try await OrganisationDetail.load(registry, try await registry.own().id)
        }
    }
}

/// Where the organisation pages are registered (one line in `routes.swift`).
enum OrganisationRoutes {
    static func register(api: RoutesBuilder, signedIn: RoutesBuilder) throws {
        try api.register(collection: OrganisationAPIController())
        try signedIn.register(collection: OrganisationPageController())
        try signedIn.register(collection: MyOrganisationPageController())
        try api.register(collection: RatingAPIController())
        try api.register(collection: FundingAPIController())
        try api.register(collection: CharityAPIController())
        try signedIn.register(collection: CharityPageController())
        try api.register(collection: RegistrationAPIController())
        try signedIn.register(collection: RegistrationPageController())
        try signedIn.register(collection: RatingPageController())
        try signedIn.register(collection: FundingPageController())
        try api.register(collection: IllegalOrganisationAPIController())
        try signedIn.register(collection: IllegalOrganisationPageController())
        try signedIn.register(collection: TradeFeePageController())
    }
}
