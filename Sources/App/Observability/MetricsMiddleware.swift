import Atomics
import CoreMetrics
import Foundation
import Vapor

/// Counts every answer by method, route pattern and status, and times it by method and
/// route pattern. The route is the pattern it was registered with (`/households/:id`),
/// never the path asked for, so that no id becomes a label; a path no route matches (a
/// static file, a 404) is counted as `unrouted`. The outermost middleware, so that the time
/// includes rendering an error page.
///
/// The request's way takes no lock of the registry: each route's series are looked up in the
/// registry once, the first time they are needed, and kept in the route's `RouteInstruments`
/// (atomic references, read without a lock), found in a table built once at start-up. What
/// is left is swift-prometheus's own: an atomic add for the counters, a short lock inside
/// the latency histogram.
struct MetricsMiddleware: AsyncMiddleware {
    let metrics: AppMetrics
    let table: RouteInstruments.Table

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let started = DispatchTime.now().uptimeNanoseconds
        metrics.requestStarted()
        defer { metrics.requestEnded() }
        do {
            let response = try await next.respond(to: request)
            finish(request, status: response.status.code, started: started)
            return response
        } catch {
            finish(request, status: (error as? AbortError)?.status.code ?? 500, started: started)
            throw error
        }
    }

    private func finish(_ request: Request, status: UInt, started: UInt64) {
        let instruments = table.instruments(for: request, factory: metrics.factory)
        instruments.record(
            status: status, nanoseconds: DispatchTime.now().uptimeNanoseconds &- started, factory: metrics.factory)
    }
}

/// One route's request counter per status and its latency histogram, made on first use.
final class RouteInstruments: Sendable {
    let method: String
    let route: String
    private let duration = ManagedAtomicLazyReference<CoreMetrics.Timer>()
    private let counters: [ManagedAtomicLazyReference<CoreMetrics.Counter>]

    /// The statuses the app answers with, kept per route; another is looked up each time.
    static let keptStatuses: [UInt] = [200, 201, 204, 302, 303, 304, 400, 401, 403, 404, 409, 413, 422, 429, 500, 503]

    init(method: String, route: String) {
        self.method = method
        self.route = route
        counters = Self.keptStatuses.map { _ in ManagedAtomicLazyReference() }
    }

    func record(status: UInt, nanoseconds: UInt64, factory: any MetricsFactory) {
        let timer =
            duration.load()
            ?? duration.storeIfNilThenLoad(
                CoreMetrics.Timer(
                    label: AppMetrics.Name.duration, dimensions: [("method", method), ("route", route)],
                    factory: factory))
        timer.recordNanoseconds(Int64(clamping: nanoseconds))
        let counter: CoreMetrics.Counter
        if let index = Self.keptStatuses.firstIndex(of: status) {
            counter = counters[index].load() ?? counters[index].storeIfNilThenLoad(makeCounter(status, factory))
        } else {
            counter = makeCounter(status, factory)
        }
        counter.increment()
    }

    private func makeCounter(_ status: UInt, _ factory: any MetricsFactory) -> CoreMetrics.Counter {
        CoreMetrics.Counter(
            label: AppMetrics.Name.requests,
            dimensions: [("method", method), ("route", route), ("status", String(status))], factory: factory)
    }

    /// Every registered route's instruments, and the unrouted requests' per method: built
    /// once after the routes are registered, then only read.
    struct Table: Sendable {
        private let routes: [ObjectIdentifier: RouteInstruments]
        private let unrouted: [String: RouteInstruments]

        init(_ registered: [Vapor.Route]) {
            var routes: [ObjectIdentifier: RouteInstruments] = [:]
            for route in registered {
                routes[ObjectIdentifier(route)] = RouteInstruments(
                    method: Self.label(route.method), route: Self.pattern(route))
            }
            self.routes = routes
            unrouted = Dictionary(
                uniqueKeysWithValues: Self.methods.map { ($0, RouteInstruments(method: $0, route: "unrouted")) })
        }

        func instruments(for request: Request, factory: any MetricsFactory) -> RouteInstruments {
            guard let route = request.route else { return unrouted[Self.label(request.method)]! }
            // A route registered after start-up (none in the app) gets instruments each time.
            return routes[ObjectIdentifier(route)]
                ?? RouteInstruments(method: Self.label(route.method), route: Self.pattern(route))
        }

        static func pattern(_ route: Vapor.Route) -> String {
            "/" + route.path.map(\.description).joined(separator: "/")
        }

        static let methods = ["GET", "POST", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS", "OTHER"]

        /// The method as a label: the usual ones by name, anything else (a client may send
        /// any token) as `OTHER`, so that a client cannot add series.
        static func label(_ method: HTTPMethod) -> String {
            switch method {
            case .GET: "GET"
            case .POST: "POST"
            case .HEAD: "HEAD"
            case .PUT: "PUT"
            case .PATCH: "PATCH"
            case .DELETE: "DELETE"
            case .OPTIONS: "OPTIONS"
            default: "OTHER"
            }
        }
    }
}
