import MinzhengCore
import Vapor

/// The pages of one kind of background job: `/<base>/jobs/{id}` (progress, then the outcome)
/// and `/<base>/jobs/{id}/errors.csv` (every refused row), for the user who started the job.
struct JobRoutes<Outcome: Encodable & Sendable & RefusingRows>: Sendable {
    let base: String
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
        routes.get(PathComponent(stringLiteral: base), "jobs", ":id", use: page)
        routes.get(PathComponent(stringLiteral: base), "jobs", ":id", "errors.csv", use: errorsCSV)
    }

    func path(of id: UUID) -> String { "/\(base)/jobs/\(id)" }

    @Sendable func page(req: Request) async throws -> View {
        let (user, job) = try find(req)
        return try await req.view.render(template, JobPage(layout: LayoutContext(request: req, title: pageTitle, user: user), job: job,
                                                           progressNote: progressNote, errorsLink: path(of: job.id) + "/errors.csv"))
    }

    /// Every refused row with its reason (and its own columns when the job kept them), for
    /// correcting the file in Excel and uploading it again.
    @Sendable func errorsCSV(req: Request) async throws -> Response {
        let (_, job) = try find(req)
        return CSVDownload.refusedRows(job.outcome?.errors ?? [], original: job.outcome?.refusedRows, fileName: errorsFileName)
    }

    private func find(_ req: Request) throws -> (CurrentUser, BackgroundJobs<Outcome>.Job) {
        let user = try req.user
        try authorize(user)
        guard let id = req.parameters.get("id", as: UUID.self), let job = jobs(req.application).job(id, for: user) else {
            throw Refusal.notFound(jobName)
        }
        return (user, job)
    }
}
