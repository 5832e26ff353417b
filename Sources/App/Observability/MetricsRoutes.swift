import Crypto
import Foundation
import Vapor

/// `/metrics`: the Prometheus text format, for a scraper that sends the bearer token of
/// `MINZHENG_METRICS_TOKEN`. Not for the public (the figures show how busy each service is
/// and which routes fail), and not "loopback only" either: behind a reverse proxy on the same
/// host every request comes from 127.0.0.1. Without a token configured the route answers 404
/// to everyone; a wrong or missing token gets 401. Each scrape also probes the database
/// (`Readiness`), so that `minzheng_database_up` is as fresh as the scrape.
enum MetricsRoutes {
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    static func register(on app: Application) {
        let token = app.platform.config.metricsToken.map { SHA256.hash(data: Data($0.utf8)) }
        app.get(Route.metrics.pattern) { req async throws -> Response in
            guard let token else { throw Abort(.notFound) }
            // Digests compared in constant time: the answer's timing tells nothing of the token.
            guard let given = req.headers.bearerAuthorization?.token, SHA256.hash(data: Data(given.utf8)) == token
            else {
                throw AppError(
                    .unauthorized, "需要 /metrics 的抓取令牌（Authorization: Bearer …）",
                    headers: ["WWW-Authenticate": "Bearer realm=\"metrics\""])
            }
            let app = req.application
            _ = await app.readiness.check(app)
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: MetricsRoutes.contentType)
            headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return Response(
                status: .ok, headers: headers,
                body: .init(buffer: ByteBuffer(bytes: app.metrics.exposition(now: Date()))))
        }
    }
}
