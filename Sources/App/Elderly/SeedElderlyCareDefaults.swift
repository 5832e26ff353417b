import Fluent

/// Stores the shipped defaults of the elderly-care parameters (home-care entitlements,
/// prices and norms; home-adaptation caps, prices and target) in databases made before they
/// existed; a stored value is never touched.
struct SeedElderlyCareDefaults: AsyncMigration {
    func prepare(on database: Database) async throws { try await SeedMissingPolicyDefaults().prepare(on: database) }

    func revert(on database: Database) async throws {}
}
