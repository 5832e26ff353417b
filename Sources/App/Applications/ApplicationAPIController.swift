import MinzhengCore
import Vapor

/// `/api/v1/applications`: intake, the review steps, documents and work queues.
struct ApplicationAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.applications.pattern, use: list)
        routes.post(Route.API.applications.pattern, use: create)
        routes.get(Route.API.application.pattern, use: show)
        routes.post(Route.API.applicationActions.pattern, use: act)
        routes.on(.POST, Route.API.applicationDocuments.pattern, body: .collect(maxSize: "11mb"), use: upload)
        routes.get(Route.API.applicationDocument.pattern, use: download)
    }

    struct ListQuery: Content {
        var state: String?
        var overdue: Bool?
        /// `submitted` (oldest first, the default), `deadline`, `region`, `state` or `latest`.
        var sort: String?
        var page: Int?
        var perPage: Int?
        /// The row a page starts after or before (the `next`/`previous` of the page beside it).
        var after: String?
        var before: String?
    }

    func list(req: Request) async throws -> Page<ApplicationSummary> {
        let user = try req.user
        let service = req.applications
        let q = try req.query.decode(ListQuery.self)
        var filter = ApplicationStore.QueueFilter()
        if let state = q.state {
            guard let s = WorkflowState(rawValue: state) else { throw Refusal.invalid("state", "未知状态：\(state)") }
            filter.states = [s]
        }
        if q.overdue == true { filter.overdueOn = req.today }
        filter.sort = ApplicationSort.parse(q.sort)
        return try await ApplicationStore(db: req.sql).queue(
            for: try await service.viewer(user), filter: filter,
            page: try PageRequest(page: q.page, perPage: q.perPage, after: q.after, before: q.before),
            catalog: try await service.catalog,
            regions: req.platform.regions, today: req.today)
    }

    func create(req: Request) async throws -> Response {
        let user = try req.user
        let service = req.applications
        let id = try await service.submit(try req.content.decode(ApplicationService.NewApplication.self), by: user)
        return try await record(req, id: id, user: user).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> ApplicationRecord {
        let user = try req.user
        return try await record(req, id: try Self.id(req), user: user)
    }

    func act(req: Request) async throws -> ApplicationRecord {
        let user = try req.user
        return try await req.applications.act(
            on: try Self.id(req), try req.content.decode(ApplicationService.ActionRequest.self), by: user)
    }

    /// Multipart: `requirement` (the document's kind) and `file`.
    func upload(req: Request) async throws -> Response {
        struct Upload: Content {
            var requirement: String
            var file: File
        }
        let user = try req.user
        let application = try await record(req, id: try Self.id(req), user: user)
        let body = try req.content.decode(Upload.self)
        let id = try await req.documents.add(
            to: application, requirement: body.requirement, fileName: body.file.filename,
            bytes: body.file.data, uploader: user.displayName)
        return try await ["id": id.uuidString].encodeResponse(status: .created, for: req)
    }

    func download(req: Request) async throws -> Response {
        let user = try req.user
        let application = try await record(req, id: try Self.id(req), user: user)
        guard let document = req.parameters.get("document", as: UUID.self) else { throw Refusal.notFound("材料") }
        return try req.documentDownload(of: application, document: document)
    }

    private func record(_ req: Request, id: UUID, user: CurrentUser) async throws -> ApplicationRecord {
        let service = req.applications
        guard
            let record = try await ApplicationStore(db: req.sql).application(
                id: id, for: try await service.viewer(user), catalog: try await service.catalog)
        else { throw Refusal.notFound("申请") }
        return record
    }

    static func id(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Refusal.notFound("申请") }
        return id
    }
}
