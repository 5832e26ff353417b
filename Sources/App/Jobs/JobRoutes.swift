import MinzhengCore
import Vapor

/// The pages of one kind of background job: `page` (progress, then the outcome) and `errors`
/// (every refused row, as CSV), for the user who started the job.
struct JobRoutes<Outcome: Codable & Sendable & RefusingRows>: Sendable {
    let page: Route.Template<UUID>
    let errors: Route.Template<UUID>
    let jobs: @Sendable (Application) -> BackgroundJobs<Outcome>
    /// Throws unless the user may run this kind of job at all.
    let authorize: @Sendable (CurrentUser) throws -> Void
    let template: String
    let pageTitle: String
    /// What the job does, for the progress panel.
    let progressNote: String
    /// The job as "not found" messages name it.
    let jobName: String
    /// The download name of the refused rows.
    let errorsFileName: String

    func register(on routes: RoutesBuilder) {
        routes.get(page.pattern, use: show)
        routes.get(errors.pattern, use: errorsCSV)
    }

    @Sendable func show(req: Request) async throws -> View {
        let (user, job) = try await find(req)
        return try await req.view.render(
            template,
            JobPage(
                layout: LayoutContext(request: req, title: pageTitle, user: user), job: job,
                progressNote: progressNote, errorsLink: errors.path(job.id)))
    }

    /// Every refused row with its reason (and its own columns when the job kept them), for
    /// correcting the file in Excel and uploading it again.
    @Sendable func errorsCSV(req: Request) async throws -> Response {
        let (_, job) = try await find(req)
        return CSVDownload.refusedRows(
            job.outcome?.errors ?? [], original: job.refusedRows, fileName: errorsFileName)
    }

    private func find(_ req: Request) async throws -> (CurrentUser, BackgroundJobs<Outcome>.Job) {
        let user = try req.user
        try authorize(user)
        guard let id = req.parameters.get("id", as: UUID.self),
            let job = try await jobs(req.application).job(id, for: user)
        else {
            throw Refusal.notFound(jobName)
        }
        return (user, job)
    }
}
