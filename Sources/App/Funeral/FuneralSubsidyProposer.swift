import Foundation
import MinzhengCore
import SQLKit

/// Proposes the subsidies of a death to the street (`funeral_subsidies`), inside the
/// transaction of what showed them, like `HouseholdChangeFollower` after a death: the funeral
/// subsidy when the deceased was a dibao or tekun beneficiary in the month of the death (a
/// department's death notice, or a death entered on the person's page), the eco-burial subsidy
/// when a bill holds an eco-burial line or a cemetery allocates an eco-burial place. The amount
/// is the dated parameter of the person's region; a second proposal of a kind is never made.
struct FuneralSubsidyProposer {
    let db: SQLDatabase
    let clock: PlatformClock
    let audit: AuditRecorder

    /// After deaths recorded in the registry; answers how many were proposed.
    @discardableResult
    func afterDeaths(_ deaths: [(person: UUID, on: CivilDate)]) async throws -> Int {
        let store = FuneralStore(db: db)
        var proposed = 0
        for death in deaths {
            guard let facts = try await store.deceased(person: death.person) else { continue }
            let programmes = try await store.assistance(of: facts, in: death.on.yearMonth)
            guard !programmes.isEmpty else { continue }
            let parameters = try await FuneralService.parameters(db: db, region: facts.region, on: death.on)
            guard let proposal = FuneralSubsidyRules.funeral(programmes: programmes, parameters: parameters)
            else { continue }
            if try await propose(proposal, for: facts, source: "death") { proposed += 1 }
        }
        return proposed
    }

    /// After an eco-burial of a Changzhou deceased (`how`: the bill's line or the place).
    @discardableResult
    func afterEcoBurial(_ facts: DeceasedFacts, how: String, on day: CivilDate, source: String) async throws -> Bool {
        let parameters = try await FuneralService.parameters(db: db, region: facts.region, on: day)
        guard let proposal = FuneralSubsidyRules.ecoBurial(how: how, parameters: parameters) else { return false }
        return try await propose(proposal, for: facts, source: source)
    }

    private func propose(
        _ proposal: FuneralSubsidyProposal, for facts: DeceasedFacts, source: String
    ) async throws
        -> Bool
    {
        guard
            let id = try await FuneralSubsidyStore(db: db).insert(proposal, for: facts, source: source, at: clock.now)
        else { return false }
        try await audit.record(
            "funeral.subsidy.propose", entity: "funeral_subsidy", id: id.uuidString, region: facts.region,
            after: [
                "kind": proposal.kind.rawValue, "person": facts.person.uuidString, "deceased": facts.idMasked,
                "amountFen": "\(proposal.amount.value)", "basis": proposal.basis, "source": source,
            ])
        return true
    }
}
