import Foundation
import Logging
import NIOPosix
import PostgresKit

/// A throw-away database for tests and benchmarks: a new SQLite file, or a new database
/// on the PostgreSQL server of a `postgres://` URL (dropped again by `drop()`).
public struct ScratchDatabase: Sendable {
    public let config: AppConfig
    private let postgresAdminURL: String?
    private let postgresName: String?
    private let folder: String

    public static func make(postgresURL: String?) async throws -> ScratchDatabase {
        let folder = NSTemporaryDirectory() + "minzheng-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var env = [
            "MINZHENG_DATA_DIR": folder, "MINZHENG_DATA_KEY": Data(repeating: 7, count: 32).base64EncodedString(),
            "MINZHENG_DEMO_HOUSEHOLDS": "0", "MINZHENG_PASSWORD_COST": "4",
        ]
        guard let postgresURL else {
            env["DATABASE_URL"] = "sqlite:\(folder)/test.sqlite"
            return ScratchDatabase(
                config: try AppConfig.fromEnvironment(env), postgresAdminURL: nil, postgresName: nil, folder: folder)
        }
        let name = "mz_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try await execute("CREATE DATABASE \(name)", url: postgresURL)
        var components = URLComponents(string: postgresURL)!
        components.path = "/" + name
        env["DATABASE_URL"] = components.string!
        return ScratchDatabase(
            config: try AppConfig.fromEnvironment(env), postgresAdminURL: postgresURL, postgresName: name,
            folder: folder)
    }

    public func drop() async {
        if let url = postgresAdminURL, let name = postgresName {
            try? await Self.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", url: url)
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    private static func execute(_ statement: String, url: String) async throws {
        let configuration = try SQLPostgresConfiguration(url: url)
        let connection = try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration.coreConfiguration, id: 1,
            logger: Logger(label: "minzheng.scratch"))
        defer { Task { try? await connection.close() } }
        _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: Logger(label: "minzheng.scratch"))
    }
}
