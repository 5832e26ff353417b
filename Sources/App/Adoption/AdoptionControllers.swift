import Foundation
import MinzhengCore
import Vapor

/// `GET|POST /api/v1/adoptions` (the registry's registrations of one's region, newest first; a
/// registration as `AdoptionService.Registration`), `GET /api/v1/adoptions/{id}`,
/// `POST /api/v1/adoptions/{id}/dissolution` (`{note, childConsents?, returnToPreviousHousehold?}`).
struct AdoptionAPIController: RouteCollection {
    struct ListQuery: Content {
        var page: Int?
        var perPage: Int?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.adoptions.pattern) { req async throws -> Page<AdoptionRecord> in
            let q = try req.query.decode(ListQuery.self)
            return try await req.adoptions().list(page: try PageRequest(page: q.page, perPage: q.perPage))
        }
        routes.post(Route.API.adoptions.pattern) { req async throws -> Response in
            let record = try await req.adoptions().register(try req.content.decode(AdoptionService.Registration.self))
            return try await record.encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.adoption.pattern) { req async throws -> AdoptionRecord in
            try await req.adoptions().record(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.adoptionDissolution.pattern) { req async throws -> Response in
            let record = try await req.adoptions().dissolve(
                req.parameters.get("id", as: UUID.self), try req.content.decode(AdoptionService.Dissolution.self))
            return try await record.encodeResponse(status: .created, for: req)
        }
    }
}

/// 收养登记 (`/adoptions`): the registrations of the district and the form of a new one;
/// `/adoptions/{id}`: one, with the dissolution form while it is in force.
struct AdoptionPageController: RouteCollection {
    struct ListPage: Encodable {
        let layout: LayoutContext
        let records: [AdoptionRecord]
        let total: Int
        let pager: Pager?
        let placingParties: [ChildCaseDetail.Choice]
        let today: String
        let error: String?
        let errorField: String?
    }

    struct RecordPage: Encodable {
        let layout: LayoutContext
        let r: AdoptionRecord
        let done: Bool
        let error: String?
        let errorField: String?
    }

    /// The form's fields: the adopters as two inputs, checkboxes as "on".
    struct RegistrationForm: Content {
        var childIdNumber: String?
        var adopter1: String?
        var adopter2: String?
        var placingParty: String?
        var placingPartyName: String?
        var assessmentPassed: String?
        var assessedOn: String?
        var assessor: String?
        var childConsents: String?
        var note: String?

        var registration: AdoptionService.Registration {
            AdoptionService.Registration(
                childIdNumber: childIdNumber,
                adopterIdNumbers: [adopter1, adopter2].compactMap { $0?.trimmedWhitespace }.filter { !$0.isEmpty },
                placingParty: placingParty, placingPartyName: placingPartyName,
                assessmentPassed: assessmentPassed == "on", assessedOn: assessedOn, assessor: assessor,
                childConsents: childConsents == "on", note: note)
        }
    }

    struct DissolutionForm: Content {
        var note: String?
        var childConsents: String?
        var returnToPreviousHousehold: String?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.adoptions.pattern) { req async throws -> View in try await Self.renderList(req, error: nil) }
        routes.post(Route.adoptions.pattern) { req async throws -> Response in
            let form = try req.content.decode(RegistrationForm.self)
            do {
                let record = try await req.adoptions().register(form.registration)
                return req.redirect(to: Route.adoption.path(record.id) + "?done=1")
            } catch let error as Refusal where error.kind != .notFound {
                return try await Self.renderList(req, error: error).encodeResponse(status: error.status, for: req)
            }
        }
        routes.get(Route.adoption.pattern) { req async throws -> View in
            try await Self.renderRecord(req, error: nil)
        }
        routes.post(Route.adoptionDissolution.pattern) { req async throws -> Response in
            let form = try req.content.decode(DissolutionForm.self)
            do {
                let record = try await req.adoptions().dissolve(
                    req.parameters.get("id", as: UUID.self),
                    AdoptionService.Dissolution(
                        note: form.note, childConsents: form.childConsents == "on",
                        returnToPreviousHousehold: form.returnToPreviousHousehold == "on"))
                return req.redirect(to: Route.adoption.path(record.id) + "?done=1")
            } catch let error as Refusal where error.kind != .notFound {
                return try await Self.renderRecord(req, error: error).encodeResponse(status: error.status, for: req)
            }
        }
    }

    static func renderList(_ req: Request, error: Refusal?) async throws -> View {
        let adoptions = try req.adoptions()
        let page = try await adoptions.list(page: try PageRequest(page: req.query[Int.self, at: "page"], perPage: 20))
        return try await req.view.render(
            "adoption/list",
            ListPage(
                layout: LayoutContext(request: req, title: "收养登记", user: adoptions.user), records: page.items,
                total: page.total,
                pager: page.total > page.perPage
                    ? Pager.make(path: Route.adoptions.path, filters: [:], result: page) : nil,
                placingParties: AdoptionPlacingParty.allCases.map {
                    ChildCaseDetail.Choice(code: $0.rawValue, name: $0.chinese)
                }, today: req.today.description, error: error?.message, errorField: error?.field))
    }

    static func renderRecord(_ req: Request, error: Refusal?) async throws -> View {
        let adoptions = try req.adoptions()
        let record = try await adoptions.record(req.parameters.get("id", as: UUID.self))
        return try await req.view.render(
            "adoption/record",
            RecordPage(
                layout: LayoutContext(request: req, title: "收养登记 \(record.number)", user: adoptions.user), r: record,
                done: req.query[String.self, at: "done"] != nil, error: error?.message, errorField: error?.field))
    }
}

enum AdoptionRoutes {
    static func register(api: RoutesBuilder, signedIn: RoutesBuilder) throws {
        try api.register(collection: AdoptionAPIController())
        try signedIn.register(collection: AdoptionPageController())
    }
}
