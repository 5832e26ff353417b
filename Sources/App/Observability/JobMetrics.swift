import CoreMetrics
import Foundation
import NIOConcurrencyHelpers

/// What this server's background jobs (the import and feed-file uploads, `BackgroundJobs`)
/// show in `/metrics`, per kind of job: how many run, the progress of the least advanced
/// one, when a job last reported progress (a job that runs but stopped reporting is stuck),
/// and how many started and finished. Times are the real clock's (Prometheus compares them
/// with its own), not the platform's, which a demo may have moved. No job id is a label: the figures stay a handful of
/// series however many jobs run. The lock guards a dictionary of the running jobs, touched
/// about a hundred times per job, never by a request.
final class JobMetrics: Sendable {
    private let factory: any MetricsFactory
    private let running = NIOLockedValueBox<[JobStore.Kind: [UUID: Int]]>([:])

    init(factory: any MetricsFactory) { self.factory = factory }

    func started(_ id: UUID, kind: JobStore.Kind) {
        CoreMetrics.Counter(label: "minzheng_background_jobs_started_total", dimensions: labels(kind), factory: factory)
            .increment()
        update(kind) { $0[id] = 0 }
    }

    func progressed(_ id: UUID, kind: JobStore.Kind, percent: Int) {
        update(kind) { jobs in
            if jobs[id] != nil { jobs[id] = max(jobs[id] ?? 0, percent) }
        }
    }

    func finished(_ id: UUID, kind: JobStore.Kind, failed: Bool) {
        CoreMetrics.Counter(
            label: "minzheng_background_jobs_finished_total",
            dimensions: labels(kind) + [("outcome", failed ? "failed" : "done")], factory: factory
        ).increment()
        update(kind) { $0[id] = nil }
    }

    private func labels(_ kind: JobStore.Kind) -> [(String, String)] { [("kind", kind.rawValue)] }

    /// Changes the kind's running jobs and publishes its gauges, under the lock, so that two
    /// jobs' updates cannot publish out of order.
    private func update(_ kind: JobStore.Kind, _ change: (inout [UUID: Int]) -> Void) {
        running.withLockedValue { all in
            var jobs = all[kind] ?? [:]
            change(&jobs)
            all[kind] = jobs
            let dimensions = labels(kind)
            CoreMetrics.Gauge(label: "minzheng_background_jobs_running", dimensions: dimensions, factory: factory)
                .record(jobs.count)
            CoreMetrics.Gauge(
                label: "minzheng_background_job_progress_percent", dimensions: dimensions, factory: factory
            )
            .record(jobs.values.min() ?? 0)
            CoreMetrics.Gauge(
                label: "minzheng_background_job_last_progress_timestamp_seconds", dimensions: dimensions,
                factory: factory
            ).record(Date().timeIntervalSince1970)
        }
    }
}
