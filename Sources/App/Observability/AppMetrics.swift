import Foundation
import CoreMetrics
import Prometheus
import Vapor

/// The server's figures for Prometheus (`/metrics`, `MetricsRoutes`): requests by route
/// pattern and status, latency per route, requests in flight, background jobs, the
/// database's pool and its last answer, uptime and the build.
///
/// Each `Application` owns its registry, and everything here records through the
/// swift-metrics API with that registry's factory passed explicitly, never through the
/// global `MetricsSystem`: the tests start hundreds of applications in one process (two at a
/// time in `SeveralServersTests`), and each must count its own requests. The global system
/// is bootstrapped once per process as well (`ProcessMetrics`), to a registry `/metrics`
/// also prints, so that a library that reports through swift-metrics is not lost.
/// Vapor's own request metrics are switched off (`reportMetrics = false`): ours carry the
/// same names per route, and Vapor's go through the global factory's lock on every request.
final class AppMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    let factory: PrometheusMetricsFactory
    let jobs: JobMetrics
    /// When the application started (`process_start_time_seconds`).
    let startedAt: Date
    private let inFlight: CoreMetrics.Meter
    private let uptime: CoreMetrics.Gauge

    enum Name {
        static let requests = "http_requests_total"
        static let duration = "http_request_duration_seconds"
        static let inFlight = "http_requests_in_flight"
        static let databaseUp = "minzheng_database_up"
        static let databaseProbe = "minzheng_database_probe_seconds"
        static let databasePool = "minzheng_database_pool_connections"
        static let writeQueue = "minzheng_sqlite_writers_waiting"
    }

    /// Request latency buckets, from a cached page (about 1 ms) to a slow export.
    static let latencyBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
        .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30),
    ]

    init(buildVersion: String, startedAt: Date) {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = Self.latencyBuckets
        self.registry = registry
        self.factory = factory
        self.startedAt = startedAt
        jobs = JobMetrics(factory: factory)
        inFlight = CoreMetrics.Meter(label: Name.inFlight, factory: factory)
        uptime = CoreMetrics.Gauge(label: "minzheng_uptime_seconds", factory: factory)
        CoreMetrics.Gauge(label: "process_start_time_seconds", factory: factory).record(startedAt.timeIntervalSince1970)
        CoreMetrics.Gauge(label: "minzheng_build_info", dimensions: [("version", buildVersion)], factory: factory)
            .record(1)
    }

    // MARK: Requests (MetricsMiddleware, RouteInstruments)

    func requestStarted() { inFlight.increment() }
    func requestEnded() { inFlight.decrement() }

    // MARK: The database

    /// The configured size of one connection pool (all event loops together).
    func databasePool(kind: String, pool: String, connections: Int) {
        CoreMetrics.Gauge(label: Name.databasePool, dimensions: [("kind", kind), ("pool", pool)], factory: factory)
            .record(connections)
    }

    /// The last readiness probe (`/readyz`, and each scrape): 1 when the database answered.
    func databaseProbed(kind: String, answered: Bool, seconds: Double) {
        CoreMetrics.Gauge(label: Name.databaseUp, dimensions: [("kind", kind)], factory: factory).record(
            answered ? 1 : 0)
        CoreMetrics.Gauge(label: Name.databaseProbe, dimensions: [("kind", kind)], factory: factory).record(seconds)
    }

    /// Writers waiting for SQLite's one write turn (`WriteSerializer`).
    var writeQueue: CoreMetrics.Meter { CoreMetrics.Meter(label: Name.writeQueue, factory: factory) }

    // MARK: The scrape

    /// The text Prometheus reads: this application's registry, then the process's.
    func exposition(now: Date) -> [UInt8] {
        uptime.record(max(0, now.timeIntervalSince(startedAt)))
        var buffer: [UInt8] = []
        buffer.reserveCapacity(64 * 1024)
        registry.emit(into: &buffer)
        ProcessMetrics.registry.emit(into: &buffer)
        return buffer
    }
}

/// The process-wide swift-metrics backend, bootstrapped once however many applications the
/// process starts (`MetricsSystem.bootstrap` may run only once: a second call is a crash).
/// Swift runs a static's initialiser exactly once, whichever thread asks first.
enum ProcessMetrics {
    static let registry = PrometheusCollectorRegistry()

    private static let bootstrapped: Void = {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    }()

    static func bootstrapOnce() { _ = bootstrapped }

    /// The process's resident memory in bytes (Linux's `/proc/self/statm`, in pages); 0 where
    /// it cannot be read. For the benchmarks' reports.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

extension Application {
    private struct AppMetricsKey: StorageKey { typealias Value = AppMetrics }

    var metrics: AppMetrics {
        get { configured(AppMetricsKey.self) }
        set { storage[AppMetricsKey.self] = newValue }
    }

    /// Records the pools' configured sizes: Fluent keeps one pool per event loop.
    func recordDatabasePools() {
        let loops = Array(eventLoopGroup.makeIterator()).count
        switch platform.config.database {
        case .postgres:
            metrics.databasePool(
                kind: "postgres", pool: "default", connections: loops * platform.config.postgresConnectionsPerLoop)
            if let reads = ReadDatabase.pool(self) {
                metrics.databasePool(kind: "postgres", pool: "reads", connections: reads.size)
            }
        case .sqlite:
            // FluentSQLiteDriver opens one connection per loop; the reads have their own.
            metrics.databasePool(kind: "sqlite", pool: "default", connections: loops)
            if let reads = ReadDatabase.pool(self) {
                metrics.databasePool(kind: "sqlite", pool: "reads", connections: reads.size)
            }
        }
    }
}

extension AppConfig.DatabaseLocation {
    /// `sqlite` or `postgres`, as the metrics' `kind` label.
    var kind: String {
        switch self {
        case .sqlite: "sqlite"
        case .postgres: "postgres"
        }
    }
}
