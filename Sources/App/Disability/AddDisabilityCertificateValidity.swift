import Fluent

/// A certificate's last valid day (`valid_until`, empty for a permanent certificate), from the
/// federation feed's optional `validUntil`: an expired certificate stops the two subsidies.
struct AddDisabilityCertificateValidity: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("disability_certificates").field("valid_until", .string).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema("disability_certificates").deleteField("valid_until").update()
    }
}
