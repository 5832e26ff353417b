import Vapor

func registerCommands(_ app: Application) {
    app.asyncCommands.use(SeedCommand(), as: "seed")
    app.asyncCommands.use(UserCommand(), as: "user")
    app.asyncCommands.use(ImportCommand(), as: "import")
}
