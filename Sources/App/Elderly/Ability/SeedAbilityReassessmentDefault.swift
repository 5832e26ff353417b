import Fluent

/// The default of the new dated parameter `abilityReassessmentMonths` (12) for a database
/// whose parameters were stored before it existed: `SeedMissingPolicyDefaults` once more,
/// under a name of its own (a landed migration runs only once).
struct SeedAbilityReassessmentDefault: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await SeedMissingPolicyDefaults().prepare(on: database)
    }

    func revert(on database: Database) async throws {}
}
