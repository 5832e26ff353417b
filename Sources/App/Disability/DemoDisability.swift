import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The demo's disability certificates: the federation's feed as if it had sent a certificate
/// for some of the registry's disabled people (those of dibao households first), then the
/// month's run, so that the streets' queues (`/disability-subsidies`) hold proposals.
enum DemoDisability {
    static let certificates = 60

    static func seedIfEmpty(_ app: Application) async throws {
        guard app.platform.config.demoHouseholds > 0 else { return }
        let existing =
            try await app.sql.raw("SELECT COUNT(*) AS n FROM disability_certificates").first()?
            .decode(column: "n", as: Int.self) ?? 0
        guard existing == 0 else { return }
        let (certificates, proposed) = try await seed(app)
        app.logger.info("Demo disability: \(certificates) certificates, \(proposed) subsidies proposed to the streets")
    }

    /// The certificates and the month's run: (certificates, proposals).
    static func seed(_ app: Application) async throws -> (Int, Int) {
        let sql = app.sql
        let today = app.platform.clock.today
        let rows = try await sql.raw(
            """
            SELECT p.id, p.disability_grade, p.disability_kind FROM persons p
            WHERE p.disability_grade IS NOT NULL AND p.disability_kind IS NOT NULL AND p.deceased_on IS NULL
              AND p.household_id IS NOT NULL
            ORDER BY CASE WHEN EXISTS (SELECT 1 FROM enrollments e WHERE e.household_id = p.household_id
              AND e.item_code = \(bind: AssistanceItemCode.dibao.rawValue)) THEN 0 ELSE 1 END, p.id
            LIMIT \(unsafeRaw: String(certificates))
            """
        ).all()
        var found: [(person: UUID, certificate: DisabilityCertificate, source: String)] = []
        for (i, r) in rows.enumerated() {
            guard let grade = DisabilityGrade(try r.decode(column: "disability_grade", as: Int.self)),
                let kind = DisabilityKind(rawValue: try r.decode(column: "disability_kind", as: String.self))
            else { continue }
            // Certified over the last two years, so some anniversaries fall this month.
            let certified = today.adding(days: -(30 + (i * 97) % 700))
            found.append(
                (
                    try r.decode(column: "id", as: UUID.self),
                    DisabilityCertificate(grade: grade, kind: kind, certifiedDate: certified), "DEMO-CJR-\(i + 1)"
                ))
        }
        guard !found.isEmpty else { return (0, 0) }
        try await DisabilitySubsidyStore(db: sql).recordCertificates(found, at: app.platform.clock.now)
        let run = try await app.disabilitySubsidies(actor: .system("demo")).run(
            month: today.yearMonth, within: DisabilitySubsidyStore.city)
        return (found.count, run.proposed)
    }
}
