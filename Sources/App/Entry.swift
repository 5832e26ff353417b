import Logging
import Vapor

/// How a crash reports itself: a short symbolicated backtrace of the crashed thread, no
/// register or memory dumps (they took 10–15 s, keeping a restart waiting, and may hold
/// personal data). The Swift runtime reads this when the process starts.
let crashReportSettings = "enable=yes,interactive=no,registers=none,images=none,sanitize=yes,threads=crashed,limit=40"

/// The `minzheng` executable: server and CLI in one binary.
public func runMinzheng() async throws {
    restartWithCrashReportSettings()
    var env = try Environment.detect()
    // Logs go to standard error, so that a command's JSON on standard output stays clean.
    try LoggingSystem.bootstrap(from: &env) { level in
        { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
    if env.arguments.count >= 2, env.arguments[1] == "ability" {
        // The ability scoring is the national standard's: no database, no application.
        exit(await AbilityCommand.run(arguments: Array(env.arguments.dropFirst(2))))
    }
    if env.arguments.count >= 2, env.arguments[1] == "assess", let config = try? AppConfig.fromEnvironment(),
        let history = await AssessFastPath.history(config: config)
    {
        exit(await AssessCommand.run(arguments: Array(env.arguments.dropFirst(2)), history: { history }))
    }
    let app = try await Application.make(env)
    do {
        let config = try AppConfig.fromEnvironment()
        try await configure(app, config: config)
        let arguments = env.arguments
        try await StartupLock.run(app) {
            try await prepareDatabase(app)
            if isServeCommand(arguments) { try await FirstStart.run(app) }
        }
        if arguments.count >= 2, arguments[1] == "assess" {
            // Outside ConsoleKit, which cannot take `-` (standard input) as an argument.
            let status = await AssessCommand.run(arguments: Array(arguments.dropFirst(2)), app: app)
            try await app.asyncShutdown()
            exit(status)
        }
        if isServeCommand(arguments) {
            // Made now, not at the first sign-in, so that every sign-in takes as long.
            _ = try app.platform.decoyPassword.hash
            app.lifecycle.use(MonitoringTimer())
            app.lifecycle.use(DataKeyWatcher())
            app.lifecycle.use(FamilySearchWarmUp())
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

/// Starts the binary again with `crashReportSettings` when the caller has not chosen its own
/// `SWIFT_BACKTRACE`: only the environment at start-up counts.
private func restartWithCrashReportSettings() {
    guard ProcessInfo.processInfo.environment["SWIFT_BACKTRACE"] == nil else { return }
    setenv("SWIFT_BACKTRACE", crashReportSettings, 1)
    let arguments = CommandLine.arguments.map { strdup($0) } + [nil]
    execv("/proc/self/exe", arguments)
    // Not on Linux (or /proc is missing): go on with the runtime's defaults.
}
