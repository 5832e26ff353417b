import Vapor

func registerCommands(_ app: Application) {
    app.asyncCommands.use(SeedCommand(), as: "seed")
    app.asyncCommands.use(UserCommand(), as: "user")
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(BenchCommand(), as: "bench")
    app.asyncCommands.use(PolicyCommand(), as: "policy")
    app.asyncCommands.use(AuditCommand(), as: "audit")
    app.asyncCommands.use(PayrollCommands(), as: "payroll")
    app.asyncCommands.use(FeedCommands(), as: "feed")
    app.asyncCommands.use(MonitoringCommands(), as: "monitoring")
    app.asyncCommands.use(FacilityCommands(), as: "facilities")
    app.asyncCommands.use(ElderlyCommands(), as: "elderly")
    app.asyncCommands.use(DisabilityCommands(), as: "disability")
    app.asyncCommands.use(FamilySearchCommands(), as: "family-search")
    app.asyncCommands.use(OrganisationCommands(), as: "organisations")
    app.asyncCommands.use(StatisticsCommands(), as: "statistics")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")
    app.asyncCommands.use(KeyCommands(), as: "keys")
}
