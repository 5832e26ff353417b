import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The server on a loopback port with a throw-away city-wide account (deleted after the
/// run, so the calls see every region), for the benchmarks that time the API over real
/// HTTP one request at a time.
struct BenchServer {
    let app: Application

    /// Runs `body` with the server's base URL and the account's bearer token.
    func run<T>(_ body: (_ base: String, _ token: String) async throws -> T) async throws -> T {
        let (userID, token) = try await account()
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        let result: Result<T, any Error>
        do {
            guard let port = app.http.server.shared.localAddress?.port else {
                throw Refusal.invalid("port", "基准服务器未能启动")
            }
            result = .success(try await body("http://127.0.0.1:\(port)", token))
        } catch {
            result = .failure(error)
        }
        await app.server.shutdown()
        try await app.sql.delete(from: "api_tokens").where("user_id", .equal, userID).run()
        try await app.sql.delete(from: "users").where("id", .equal, userID).run()
        return try result.get()
    }

    /// Milliseconds of one request.
    static func time(_ request: () async throws -> Void) async throws -> Double {
        let started = ContinuousClock.now
        try await request()
        return (ContinuousClock.now - started).inSeconds * 1000
    }

    private func account() async throws -> (UUID, String) {
        let store = AccountStore(db: app.sql)
        let username = "bench-\(UUID().uuidString.prefix(8).lowercased())"
        let id = try await store.createUser(
            username: username, displayName: "基准测试", password: UUID().uuidString,
            role: .cityAdmin, region: RegionCode("3204")!, department: nil, hash: { [app] in try app.password.hash($0) }
        )
        return (id, try await store.issueToken(userID: id, name: "bench"))
    }
}
