import NIOConcurrencyHelpers
import Vapor

/// The requests the benchmark's server is answering. wrk stops with requests still under way;
/// their handlers must finish before the run goes on (and before the app shuts its databases
/// down under them), so the benchmark waits for none to be left.
final class RequestsUnderWay: AsyncMiddleware, Sendable {
    private let counts = NIOLockedValueBox((underWay: 0, answered: 0))

    /// Requests answered since the middleware was installed.
    var answered: Int { counts.withLockedValue { $0.answered } }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        counts.withLockedValue { $0.underWay += 1 }
        defer { counts.withLockedValue { $0 = (underWay: $0.underWay - 1, answered: $0.answered + 1) } }
        return try await next.respond(to: request)
    }

    /// Returns once no request has been under way for 100 ms: a request read from a socket just
    /// before wrk closed it reaches this count a task's hop later.
    func drained() async throws {
        var quiet = 0
        while quiet < 10 {
            try await Task.sleep(for: .milliseconds(10))
            quiet = counts.withLockedValue({ $0.underWay }) == 0 ? quiet + 1 : 0
        }
    }
}
