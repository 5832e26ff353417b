import Foundation
import MinzhengCore
import MinzhengDemo
import SQLKit
import Vapor

/// The registrations' demo (issue 17 item 1): establishment applications at every step (just
/// submitted, accepted, reviewed, returned for documents, refused, and two approved with their
/// certificates), two changes (one approved, its certificate issued and the old values kept;
/// one waiting) and two deregistrations (one approved, one accepted), all through the service
/// the clerk's pages use, as the city administrator at the window.
enum DemoRegistrations {
    static func seedIfEmpty(_ app: Application) async throws {
        guard app.platform.config.demoHouseholds > 0 else { return }
        let existing =
            try await app.sql.raw("SELECT COUNT(*) AS n FROM organisation_applications").first()?.decode(
                column: "n", as: Int.self) ?? 0
        guard existing == 0, let admin = try await AccountStore(db: app.sql).userRow(username: "admin")?.current
        else { return }
        let (applications, certificates) = try await seed(app, registrar: admin)
        app.logger.info("Demo registrations: \(applications) applications, \(certificates) certificates issued")
    }

    /// The steps each demo establishment is taken through, and where it ends.
    static let establishments: [[WorkflowActionKind]] = [
        [], [.accept], [.accept, .review], [.accept, .returnForDocuments], [.accept, .review, .reject],
        [.accept, .review, .approve], [.accept, .review, .approve],
    ]

    /// Runs the demo as `registrar` (who must keep the registry over the city); answers how many
    /// applications and certificates there are.
    @discardableResult
    static func seed(_ app: Application, registrar: CurrentUser) async throws -> (Int, Int) {
        let service = OrganisationRegistrations(
            db: app.sql,
            writer: app.writer(
                actor: AuditActor(id: registrar.id.uuidString, name: registrar.username, requestID: nil)),
            clock: app.platform.clock, cipher: app.platform.cipher, regions: app.platform.regions, user: registrar)
        let today = app.platform.clock.today
        let proposals = SyntheticOrganisations.generate(
            seed: 17, count: establishments.count, years: 1, today: today, firstNumber: 900_000)
        for (steps, proposal) in zip(establishments, proposals) {
            let i = proposal.input
            var input = OrganisationRegistrations.NewRegistration()
            input.type = RegistrationKind.establishment.rawValue
            (input.kind, input.name, input.region, input.domicile) = (i.kind, i.name, i.region, i.domicile)
            (input.businessScope, input.supervisingUnit, input.registeredCapitalFen) = (
                i.businessScope, i.supervisingUnit, i.registeredCapitalFen
            )
            (input.legalRepresentativeName, input.legalRepresentativeIdNumber) = (
                i.legalRepresentativeName, i.legalRepresentativeIdNumber
            )
            let created = try await service.submit(input)
            try await take(steps, on: created.id, service, creditCode: i.creditCode)
        }
        let registered = try await app.sql.raw(
            """
            SELECT id FROM organisations WHERE status = 'normal' AND unreachable_since IS NULL
            ORDER BY registered_on, credit_code LIMIT 4
            """
        ).all().map { try $0.decode(column: "id", as: UUID.self) }
        let organisations = try await OrganisationStore(db: app.sql).records(registered)
        let plan: [(RegistrationKind, [WorkflowActionKind])] = [
            (.change, [.accept, .review, .approve]), (.change, []), (.deregistration, [.accept, .review, .approve]),
            (.deregistration, [.accept]),
        ]
        for (o, (type, steps)) in zip(organisations, plan) {
            var input = OrganisationRegistrations.NewRegistration()
            input.type = type.rawValue
            input.organisationId = o.id
            if type == .change {
                input.domicile = o.domicile + "（新址）"
                input.registeredCapitalFen = o.registeredCapitalFen + 1_000_000
            } else {
                input.reason = "理事会决议自行解散，清算完毕"
            }
            let created = try await service.submit(input)
            try await take(steps, on: created.id, service, creditCode: nil)
        }
        let applications =
            try await app.sql.raw("SELECT COUNT(*) AS n FROM organisation_applications").first()?.decode(
                column: "n", as: Int.self) ?? 0
        let certificates =
            try await app.sql.raw("SELECT COUNT(*) AS n FROM organisation_certificates").first()?.decode(
                column: "n", as: Int.self) ?? 0
        return (applications, certificates)
    }

    private static func take(
        _ steps: [WorkflowActionKind], on id: UUID, _ service: OrganisationRegistrations, creditCode: String?
    ) async throws {
        for step in steps {
            let current = try await service.find(id)
            var input = OrganisationRegistrations.StepInput()
            (input.action, input.version) = (step.rawValue, current.version)
            switch step {
            case .returnForDocuments: input.note = "请补充会员大会（理事会）决议和住所使用证明"
            case .reject: input.note = "拟任法定代表人不符合任职条件"
            case .approve: (input.note, input.creditCode) = ("准予登记", creditCode)
            default: input.note = nil
            }
            _ = try await service.act(id, input)
        }
    }
}
