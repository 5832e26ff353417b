import Vapor

/// What a background job's page shows: its progress while it runs (the page reloads
/// itself), then its summary and the rows it refused, the first `errorsShown` of them (all
/// of them are in the job's CSV).
struct JobPage<Summary: Encodable & Sendable>: Encodable {
    struct RefusedRow: Encodable {
        let row: Int
        let reason: String
    }

    static var errorsShown: Int { 200 }

    var layout: LayoutContext
    let title: String
    let state: String
    let percent: Int
    /// What the job does, in a sentence before the page's note that it reloads itself.
    let progressNote: String
    let summary: Summary?
    let errors: [RefusedRow]
    let moreErrors: Int
    let error: String?
    let errorsLink: String

    init(layout: LayoutContext, job: BackgroundJobs<Summary>.Job, refused: [(row: Int, reason: String)], progressNote: String, errorsLink: String) {
        self.layout = layout
        if job.state == .running { self.layout.refreshSeconds = 2 }
        title = job.title
        state = job.state.rawValue
        percent = job.percent
        self.progressNote = progressNote
        summary = job.outcome
        errors = refused.prefix(Self.errorsShown).map { RefusedRow(row: $0.row, reason: $0.reason) }
        moreErrors = max(0, refused.count - Self.errorsShown)
        error = job.error
        self.errorsLink = errorsLink
    }
}
