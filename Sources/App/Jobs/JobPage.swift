import MinzhengCore
import Vapor

/// A job's outcome that lists the rows of its file it refused, with why.
protocol RefusingRows {
    var errors: [RowError] { get }
    /// The refused rows' own columns, when the job keeps them (the household import).
    var refusedRows: RefusedRows? { get }
}

extension RefusingRows {
    var refusedRows: RefusedRows? { nil }
}

/// What a background job's page shows: its progress while it runs (the page reloads
/// itself), then its summary and the rows it refused, the first `errorsShown` of them (all
/// of them are in the job's CSV).
struct JobPage<Summary: Codable & Sendable & RefusingRows>: Encodable {
    static var errorsShown: Int { 200 }

    var layout: LayoutContext
    let title: String
    let state: String
    let percent: Int
    /// What the job does, in a sentence before the page's note that it reloads itself.
    let progressNote: String
    let summary: Summary?
    let errors: [RowError]
    let moreErrors: Int
    let error: String?
    let errorsLink: String

    init(layout: LayoutContext, job: BackgroundJobs<Summary>.Job, progressNote: String, errorsLink: String) {
        let refused = job.outcome?.errors ?? []
        self.layout = layout
        if job.state == .running { self.layout.refreshSeconds = 2 }
        title = job.title
        state = job.state.rawValue
        percent = job.percent
        self.progressNote = progressNote
        summary = job.outcome
        errors = Array(refused.prefix(Self.errorsShown))
        moreErrors = max(0, refused.count - Self.errorsShown)
        error = job.error
        self.errorsLink = errorsLink
    }
}

extension HouseholdImporter.Summary: RefusingRows {}
extension FeedIngest.Summary: RefusingRows {}
