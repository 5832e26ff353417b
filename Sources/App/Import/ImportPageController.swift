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
        routes.get("import", "jobs", ":id", use: job)
        routes.get("import", "jobs", ":id", "errors.csv", use: errorsCSV)
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
        return req.redirect(to: "/import/jobs/\(id)")
    }

    func job(req: Request) async throws -> View {
        let (user, job) = try Self.job(req)
        return try await req.view.render("import/job", JobPage(
            layout: LayoutContext(request: req, title: "导入家庭档案", user: user), job: job,
            progressNote: "先逐行核对整个文件，再分批写入。", errorsLink: "/import/jobs/\(job.id)/errors.csv"))
    }

    /// Every refused row with its reason, for correcting the file in Excel.
    func errorsCSV(req: Request) async throws -> Response {
        let (_, job) = try Self.job(req)
        return CSVDownload.refusedRows(job.outcome?.errors ?? [], fileName: "import-errors.csv")
    }

    /// The job of the path, if the signed-in user started it.
    private static func job(_ req: Request) throws -> (CurrentUser, BackgroundJobs<HouseholdImporter.Summary>.Job) {
        let user = try req.user
        try user.require(.importRegistry)
        guard let id = req.parameters.get("id", as: UUID.self), let job = req.application.importJobs.job(id, for: user) else {
            throw AppError.notFound("导入任务")
        }
        return (user, job)
    }
}
