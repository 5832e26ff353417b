import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The demo's adoptions: a few married couples of the registry (both 31 to 60, at most one
/// child at home) adopt a young child of another household of their district, through the
/// same service as the registrar's form, so that `/adoptions` shows certificates and the
/// children's new households on a fresh `serve`.
enum DemoAdoptions {
    static let couples = 3

    static func seedIfEmpty(_ app: Application) async throws {
        guard app.platform.config.demoHouseholds > 0 else { return }
        let existing =
            try await app.sql.raw("SELECT COUNT(*) AS n FROM adoption_records").first()?.decode(
                column: "n", as: Int.self) ?? 0
        guard existing == 0, let admin = try await AccountStore(db: app.sql).userRow(username: "admin")?.current
        else { return }
        let registered = try await seed(app, registrar: admin)
        app.logger.info("Demo adoptions: \(registered) registered")
    }

    /// Registers the couples' adoptions as `registrar` (who must hold `registerAdoptions` over
    /// the city); answers how many were registered.
    static func seed(_ app: Application, registrar: CurrentUser) async throws -> Int {
        let adoptions = try AdoptionService(
            db: app.sql,
            writer: app.writer(
                actor: AuditActor(id: registrar.id.uuidString, name: registrar.username, requestID: nil)),
            clock: app.platform.clock, cipher: app.platform.cipher, regions: app.platform.regions, user: registrar)
        let today = app.platform.clock.today
        let (oldest, youngest) = (today.adding(days: -60 * 366).description, today.adding(days: -31 * 366).description)
        let pairs = try await app.sql.raw(
            """
            SELECT pa.id_cipher AS a, pb.id_cipher AS b, h.id AS household, h.region FROM households h
            JOIN memberships ma ON ma.household_id = h.id AND ma.relation = 'head' AND ma.left_at IS NULL
            JOIN memberships mb ON mb.household_id = h.id AND mb.relation = 'spouse' AND mb.left_at IS NULL
            JOIN persons pa ON pa.id = ma.person_id JOIN persons pb ON pb.id = mb.person_id
            WHERE pa.birth_date BETWEEN \(bind: oldest) AND \(bind: youngest)
              AND pb.birth_date BETWEEN \(bind: oldest) AND \(bind: youngest)
              AND pa.deceased_on IS NULL AND pb.deceased_on IS NULL
              AND (SELECT COUNT(*) FROM memberships c WHERE c.household_id = h.id AND c.relation = 'child'
                   AND c.left_at IS NULL) <= 1
            ORDER BY h.id LIMIT \(bind: couples)
            """
        ).all()
        let cipher = app.platform.cipher
        var registered = 0
        for pair in pairs {
            let household = try pair.decode(column: "household", as: UUID.self)
            let district = String(try pair.decode(column: "region", as: String.self).prefix(6))
            guard
                let child = try await app.sql.raw(
                    """
                    SELECT p.id_cipher FROM persons p JOIN memberships m ON m.person_id = p.id AND m.left_at IS NULL
                    AND m.relation = 'child'
                    WHERE p.birth_date > \(bind: today.adding(days: -7 * 366).description) AND p.deceased_on IS NULL
                      AND p.region LIKE \(bind: district + "%") AND m.household_id <> \(bind: household)
                      AND NOT EXISTS (SELECT 1 FROM adoption_records r WHERE r.child_person_id = p.id)
                    ORDER BY p.id LIMIT 1
                    """
                ).first()
            else { continue }
            func number(_ row: SQLRow, _ column: String) throws -> String {
                try cipher.decrypt(try row.decode(column: column, as: String.self))
            }
            _ = try await adoptions.register(
                AdoptionService.Registration(
                    childIdNumber: try number(child, "id_cipher"),
                    adopterIdNumbers: [try number(pair, "a"), try number(pair, "b")], placingParty: "guardian",
                    placingPartyName: "孤儿的祖父母", assessmentPassed: true,
                    assessedOn: today.adding(days: -30).description, assessor: "常州市收养评估中心",
                    childConsents: false, note: nil))
            registered += 1
        }
        return registered
    }
}
