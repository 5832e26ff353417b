import MinzhengCore
import Vapor

/// The upload page for the household import: the same importer as the CLI, run in the
/// background (`BackgroundJobs`); the job's page (`JobPage`) follows its progress and shows
/// the result, with the refused rows listed and downloadable.
struct ImportPageController: RouteCollection {
    struct ImportPage: Encodable {
        let layout: LayoutContext
        let error: String?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get("import", use: show)
        routes.on(.POST, "import", body: .collect(maxSize: "200mb"), use: upload)
        Self.jobRoutes.register(on: routes)
    }

    func show(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.importRegistry)
        return try await req.view.render("import/upload", ImportPage(layout: LayoutContext(request: req, title: "导入家庭档案", user: user), error: nil))
    }

    func upload(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.importRegistry)
        struct Upload: Content { let file: File }
        guard let upload = try? req.content.decode(Upload.self), upload.file.data.readableBytes > 0 else {
            return try await req.view.render("import/upload", ImportPage(layout: LayoutContext(request: req, title: "导入家庭档案", user: user),
                                                                       error: "请选择要上传的 CSV 文件"))
                .encodeResponse(status: .badRequest, for: req)
        }
        let path = try UploadedFile.privateCopy(of: upload.file, named: "import")
        let importer = HouseholdImporter(app: req.application, actor: req.auditActor, today: Clock.today(), scope: user.region)
        let id = req.application.importJobs.start(for: user, title: upload.file.filename, file: path, logger: req.logger) { progress in
            try await importer.run(path: path, progress: progress)
        }
        return req.redirect(to: Self.jobRoutes.path(of: id))
    }

    static let jobRoutes = JobRoutes<HouseholdImporter.Summary>(
        base: "import", jobs: \.importJobs, authorize: { try $0.require(.importRegistry) }, template: "import/job",
        pageTitle: "导入家庭档案", progressNote: "先逐行核对整个文件，再分批写入。", jobName: "导入任务",
        errorsFileName: "import-errors.csv")
}
