import MinzhengCore
import MinzhengExport
import Vapor

/// The upload page for the household import: the same importer as the CLI, run in the
/// background (`ImportJobs`); the job's page follows its progress and shows the result,
/// with the refused rows listed and downloadable.
struct ImportPageController: RouteCollection {
    struct ImportPage: Encodable {
        let layout: LayoutContext
        let error: String?
    }

    struct JobPage: Encodable {
        let layout: LayoutContext
        let fileName: String
        let state: String
        let percent: Int
        let summary: HouseholdImporter.Summary?
        /// The first `errorsShown` refused rows; all of them are in the CSV.
        let errors: [HouseholdImporter.RowError]
        let moreErrors: Int
        let error: String?
        let errorsLink: String
    }

    static let errorsShown = 200

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
        let id = req.application.importJobs.start(app: req.application, user: user, actor: req.auditActor, path: path,
                                                  fileName: upload.file.filename)
        return req.redirect(to: "/import/jobs/\(id)")
    }

    func job(req: Request) async throws -> View {
        let (user, job) = try Self.job(req)
        var layout = LayoutContext(request: req, title: "导入家庭档案", user: user)
        if job.state == .running { layout.refreshSeconds = 2 }
        let errors = job.summary?.errors ?? []
        return try await req.view.render("import/job", JobPage(
            layout: layout, fileName: job.fileName, state: job.state.rawValue, percent: job.percent, summary: job.summary,
            errors: Array(errors.prefix(Self.errorsShown)), moreErrors: max(0, errors.count - Self.errorsShown), error: job.error,
            errorsLink: "/import/jobs/\(job.id)/errors.csv"))
    }

    /// Every refused row with its reason, for correcting the file in Excel.
    func errorsCSV(req: Request) async throws -> Response {
        let (_, job) = try Self.job(req)
        let lines = [CSVLine.make(["行号 row", "原因 reason"])] + (job.summary?.errors ?? []).map { CSVLine.make([String($0.row), $0.reason]) }
        let response = Response(status: .ok, body: .init(string: CSVLine.utf8BOM + lines.joined()))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"import-errors.csv\"")
        return response
    }

    /// The job of the path, if the signed-in user started it.
    private static func job(_ req: Request) throws -> (CurrentUser, ImportJobs.Job) {
        let user = try req.user
        try user.require(.importRegistry)
        guard let id = req.parameters.get("id", as: UUID.self), let job = req.application.importJobs.job(id, for: user) else {
            throw AppError.notFound("导入任务")
        }
        return (user, job)
    }
}
