import Vapor

/// The `minzheng` executable: server and CLI in one binary.
public func runMinzheng() async throws {
    var env = try Environment.detect()
    try LoggingSystem.bootstrap(from: &env)
    let app = try await Application.make(env)
    do {
        let config = try AppConfig.fromEnvironment()
        try await configure(app, config: config)
        try await prepareDatabase(app)
        if isServeCommand(env.arguments) {
            try await FirstStart.run(app)
        }
        try await app.execute()
    } catch {
        app.logger.report(error: error)
        try? await app.asyncShutdown()
        FileHandle.standardError.write(Data("minzheng: \(error)\n".utf8))
        exit(1)
    }
    try await app.asyncShutdown()
}

private func isServeCommand(_ arguments: [String]) -> Bool {
    arguments.count < 2 || arguments[1] == "serve" || arguments[1].hasPrefix("-")
}
