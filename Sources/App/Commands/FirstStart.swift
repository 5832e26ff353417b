import SQLKit
import Fluent
import Foundation
import MinzhengCore
import Vapor

/// What `serve` does on an empty database: a first city administrator with a one-time
/// password, and demo households so that a newcomer sees a working system.
enum FirstStart {
    static func run(_ app: Application) async throws {
        let accounts = AccountStore(db: app.sql)
        if try await accounts.countUsers() == 0 {
            try await firstAccount(app, username: "admin", displayName: "市级管理员", role: .cityAdmin)
        }
        // No administrator may make the child-protection office's accounts (`Role.childWelfare`
        // holds what no administrator holds): the office's first account is made here.
        if try await accounts.countUsers(role: .childWelfare) == 0 {
            try await firstAccount(app, username: "childwelfare", displayName: "未成年人保护中心", role: .childWelfare)
        }
        let registry = RegistryStore(
            db: app.sql, cipher: app.platform.cipher, regions: app.platform.regions, clock: app.platform.clock)
        let households = try await registry.householdCount(within: RegionScope(RegionTable.changzhou))
        let demo = app.platform.config.demoHouseholds
        if households == 0, demo > 0 {
            app.logger.info("Seeding \(demo) demo households into the empty database")
            _ = try await app.demoSeeder
                .seed(households: demo, seed: 1, today: app.platform.clock.today, progress: nil)
            let caseload = try await app.demoCaseload.seed(today: app.platform.clock.today)
            app.logger.info(
                "Demo caseload: \(caseload.enrolled) enrollments, \(caseload.applications) applications, \(caseload.rolls) paid rolls"
            )
            let elderly = try await DemoElderlyCare.seed(app, today: app.platform.clock.today)
            app.logger.info(
                "Demo elderly care: \(elderly.assessments) ability assessments, \(elderly.homeCareOrders) home-care orders, \(elderly.adaptations) households screened for adaptation, \(elderly.seniorAllowances) senior allowances"
            )
        }
        try await DemoFacilities.seedIfEmpty(app)
        try await DemoAppointments.seedIfEmpty(app)
        try await DemoMarriages.seedIfEmpty(app)
        try await DemoFuneral.seedIfEmpty(app)
        try await DemoDisability.seedIfEmpty(app)
        try await DemoChildCases.seedIfEmpty(app)
        try await DemoFamilySearch.seedIfEmpty(app)
        try await DemoStation.seedIfEmpty(app)
        try await DemoChildren.seedIfEmpty(app)
        try await DemoOrganisations.seedIfEmpty(app)
        try await DemoRatings.seedIfEmpty(app)
        try await DemoFunding.seedIfEmpty(app)
        try await DemoRegistrations.seedIfEmpty(app)
        try await DemoIllegalOrganisations.seedIfEmpty(app)
        try await DemoAdoptions.seedIfEmpty(app)
        try await DemoPlaceNames.seedIfEmpty(app)
        try await DemoRehab.seedIfEmpty(app)
        try await DemoRental.seedIfEmpty(app)
        try await DemoCommunities.seedIfEmpty(app)
        try await DemoCharity.seedIfEmpty(app)
        try await DemoStatistics.seedIfEmpty(app)
    }

    /// A city-level account with a one-time password, printed for whoever started the server.
    static func firstAccount(
        _ app: Application, username: String, displayName: String, role: Role,
        region: RegionCode = RegionTable.changzhou
    ) async throws {
        let password = oneTimePassword()
        let account = try await AccountStore.prepare(
            username: username, displayName: displayName, password: password, role: role,
            region: region, mustChangePassword: true, hash: { try app.password.hash($0) })
        try await app.auditedTransaction(actor: .system("first-start")) { tx, audit in
            let id = try await AccountStore(db: tx).insert(account)
            try await audit.record(
                "user.create", entity: "user", id: id.uuidString, region: region.value,
                after: ["username": username, "role": role.rawValue])
        }
        // Written straight to the file descriptor: seen at once even when standard
        // output is a file or a pipe, where `print` would sit in a buffer.
        FileHandle.standardOutput.write(
            Data(
                """

                ==> 首次启动：已创建\(displayName)账户 First start: an account of role \(role.rawValue) was created
                    用户名 username: \(username)
                    一次性密码 one-time password: \(password)
                    请在 http://\(app.platform.config.hostname):\(app.platform.config.port)/login 登录并修改密码。


                """.utf8))
    }

    /// 16 characters without look-alikes (0/O, 1/l/I).
    static func oneTimePassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return String((0..<16).map { _ in alphabet.randomElement()! })
    }
}
