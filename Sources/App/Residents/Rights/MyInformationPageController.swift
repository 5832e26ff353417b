import Foundation
import MinzhengCore
import Vapor

/// 我的信息 for a signed-in resident: what is on file (masked as on every page), benefits and
/// payments, who of the staff opened the file and when, corrections asked for and their
/// answers, a form to ask for one, and the whole file as a JSON copy.
struct MyInformationPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.me.pattern, use: show)
        routes.get(Route.meExport.pattern, use: export)
        routes.post(Route.meCorrections.pattern, use: requestCorrection)
    }

    struct MyPage: Encodable {
        struct ViewLine: Encodable {
            let viewer: String
            let unit: String
            let channel: String
            let at: String
        }
        let layout: LayoutContext
        let person: PersonDetail
        let regionName: String
        let file: PersonFile
        let views: [ViewLine]
        let corrections: [CorrectionRow]
        let fields: [Choice]
        let form: [String: String]
        let notice: String?
        let error: String?
        let errorField: String?
    }

    private func render(_ req: Request, form: [String: String] = [:], error: Refusal? = nil) async throws -> View {
        let user = try req.user
        let service = req.personalInformation
        let person = try await service.ownPerson(of: user)
        let regions = req.platform.regions
        let unit = { (code: String) in RegionCode(code).map(regions.fullName) ?? code }
        return try await req.view.render(
            "residents/me",
            MyPage(
                layout: LayoutContext(request: req, title: "我的信息", user: user), person: person,
                regionName: unit(person.region), file: try await PersonFile.gather(req, person: person, user: user),
                views: try await service.views(of: person.id).map {
                    .init(
                        viewer: $0.viewerName, unit: "\(unit($0.region)) \($0.role)", channel: $0.channel,
                        at: BeijingTime.timestamp($0.at))
                },
                corrections: try await service.corrections(of: person.id),
                fields: CorrectionField.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) }, form: form,
                notice: req.query[String.self, at: "sent"] == "1" ? "更正申请已提交，社区会核实后处理" : nil,
                error: error?.message, errorField: error?.field))
    }

    func show(req: Request) async throws -> View {
        try await render(req)
    }

    /// The copy (查阅复制): everything on file about the resident, full ID and phone included
    /// (it is theirs), as a JSON download; audited.
    func export(req: Request) async throws -> Response {
        let user = try req.user
        let person = try await req.personalInformation.ownPerson(of: user)
        let copy = try await req.personalInformation.export(
            for: user, file: try await PersonFile.gather(req, person: person, user: user))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let response = Response(status: .ok, body: .init(data: try encoder.encode(copy)))
        response.headers.contentType = .json
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"my-data.json\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    func requestCorrection(req: Request) async throws -> Response {
        let user = try req.user
        let form = try req.content.decode([String: String].self)
        do {
            try await req.personalInformation.requestCorrection(
                field: form["field"], correct: form["correct"], reason: form["reason"], by: user)
            return req.redirect(to: Route.me.path + "?sent=1")
        } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
            return try await render(req, form: form, error: error).encodeResponse(status: error.status, for: req)
        }
    }
}
