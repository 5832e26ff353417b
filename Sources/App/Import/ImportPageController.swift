import SQLKit
import MinzhengCore
import Vapor

/// The upload page for the household import: the same importer as the CLI.
struct ImportPageController: RouteCollection {
    struct ImportPage: Encodable {
        let layout: LayoutContext
        let summary: HouseholdImporter.Summary?
        let error: String?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get("import", use: show)
        routes.on(.POST, "import", body: .collect(maxSize: "200mb"), use: upload)
    }

    func show(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.importRegistry)
        return try await req.view.render("import/upload", ImportPage(layout: LayoutContext(request: req, title: "导入家庭档案", user: user),
                                                                   summary: nil, error: nil))
    }

    func upload(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.importRegistry)
        struct Upload: Content { let file: File }
        let layout = LayoutContext(request: req, title: "导入家庭档案", user: user)
        guard let upload = try? req.content.decode(Upload.self), upload.file.data.readableBytes > 0 else {
            return try await req.view.render("import/upload", ImportPage(layout: layout, summary: nil, error: "请选择要上传的 CSV 文件"))
                .encodeResponse(status: .badRequest, for: req)
        }
        let importer = HouseholdImporter(app: req.application, actor: req.auditActor, today: Clock.today(), scope: user.region)
        do {
            let summary = try await UploadedFile.withTemporaryCopy(of: upload.file, named: "import") { try await importer.run(path: $0) }
            return try await req.view.render("import/upload", ImportPage(layout: layout, summary: summary, error: nil)).encodeResponse(for: req)
        } catch let problem as FieldProblem {
            return try await req.view.render("import/upload", ImportPage(layout: layout, summary: nil, error: problem.message))
                .encodeResponse(status: .badRequest, for: req)
        } catch let error as CSVReader.ReadError {
            return try await req.view.render("import/upload", ImportPage(layout: layout, summary: nil, error: error.description))
                .encodeResponse(status: .badRequest, for: req)
        }
    }
}
