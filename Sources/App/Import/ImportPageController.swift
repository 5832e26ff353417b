import MinzhengCore
import Vapor

/// The upload page for the household import: the same importer as the CLI, run in the
/// background (`BackgroundJobs`); the job's page (`JobPage`) follows its progress and shows
/// the result, with the refused rows listed and downloadable.
struct ImportPageController: RouteCollection {

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.importUpload.pattern, use: show)
        routes.on(.POST, Route.importUpload.pattern, body: .collect(maxSize: "200mb"), use: upload)
        Self.jobRoutes.register(on: routes)
    }

    /// The form; after a refused upload (`?refused=` a file kind, or `noFile`) with what was wrong.
    func show(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.importRegistry)
        let refused = req.query[String.self, at: "refused"]
        let error =
            refused == Self.noFile
            ? "请选择要上传的文件（Excel 工作簿 .xlsx 或 CSV）" : refused.flatMap(ImportFileKind.init(rawValue:))?.refusal
        return try await req.view.render(
            "import/upload", ImportPage(layout: LayoutContext(request: req, title: "导入家庭档案", user: user), error: error))
    }

    /// A refused upload goes back to the form by a redirect, never by answering the POST
    /// with the form: the address bar would keep the POST's address and its CSRF token.
    func upload(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.importRegistry)
        struct Upload: Content { let file: File }
        guard let upload = try? req.content.decode(Upload.self), upload.file.data.readableBytes > 0 else {
            return req.redirect(to: Route.importUpload.path + "?refused=\(Self.noFile)")
        }
        let kind = ImportFileKind.sniff(upload.file.data.readableBytesView)
        guard kind.refusal == nil else {
            return req.redirect(to: Route.importUpload.path + "?refused=\(kind.rawValue)")
        }
        let path = try UploadedFile.privateCopy(of: upload.file, named: "import")
        let importer = req.application.householdImporter(actor: req.auditActor, scope: user.region)
        let id = try await req.application.importJobs.start(
            for: user, title: upload.file.filename, file: path, logger: req.logger
        ) { progress in
            try await importer.run(path: path, progress: progress)
        }
        return req.redirect(to: Route.importJob.path(id))
    }

    private static let noFile = "noFile"

    static let jobRoutes = JobRoutes<HouseholdImporter.Summary>(
        page: Route.importJob, errors: Route.importJobErrors,
        jobs: \.importJobs, authorize: { try $0.require(.importRegistry) }, template: "import/job",
        pageTitle: "导入家庭档案", progressNote: "先逐行核对整个文件，再分批写入。", jobName: "导入任务",
        errorsFileName: "import-errors.csv")
}
