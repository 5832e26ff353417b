import Foundation
import MinzhengCore
import SQLKit

/// A household-level enrollment follows its household's members (issue 13): after a death,
/// a member moving out or a new member, the remaining members are reassessed with the means
/// on file for the month after the change, that amount is paid from then on (or the
/// enrollment ends when nobody is left or they no longer qualify), and the change goes to the
/// street's queue (`enrollment_reviews`) with its trace, a new head proposed when the head
/// died. Runs inside the transaction of the change itself, so both are saved or neither.
struct HouseholdChangeFollower {
    let db: SQLDatabase
    let cipher: FieldCipher
    let clock: PlatformClock
    let audit: AuditRecorder

    struct Change: Sendable {
        let household: UUID
        let kind: HouseholdChangeKind
        let person: UUID
        /// The first month the household is paid as it is after the change.
        let from: YearMonth
    }

    /// How many enrollments followed.
    @discardableResult
    func follow(_ changes: [Change]) async throws -> Int {
        let enrollments = try await EnrollmentStore(db: db).activeHouseholdEnrollments(
            of: Array(Set(changes.map(\.household))))
        guard !enrollments.isEmpty else { return 0 }
        let households = Array(Set(enrollments.map(\.household)))
        let facts = try await RegistryMemberFactsQuery(db: db).members(of: households)
        let means = try await HouseholdMeansStore(db: db, cipher: cipher).means(of: households)
        let service = AssessmentService(history: try await PolicyStore(db: db).history())
        var followed = 0
        for change in changes {
            let followers = enrollments.filter { $0.household == change.household }
            guard let first = followers.first else { continue }
            // The household as it is after the change, once for all of its enrollments.
            let members = facts[change.household] ?? []
            let living = HouseholdEconomyCheck.memberOrder(month: change.from, members: members).count
            // nil without means on file, or when they cannot be assessed: the street decides.
            let assessment =
                living == 0
                ? nil
                : means[change.household].flatMap { declared in
                    try? service.assessment(
                        HouseholdEconomyCheck.request(
                            region: first.region, month: change.from, members: members, means: declared))
                }
            let head =
                change.kind == .death && living > 0
                ? HouseholdChangeRules.proposedHead(
                    try await RegistryMemberFactsQuery(db: db).standings(of: change.household),
                    adultOn: change.from.firstDay
                )
                .flatMap(UUID.init(uuidString:))
                : nil
            let trace = try assessment.map {
                String(decoding: try AssessmentResponse($0).jsonData(prettyPrinted: false), as: UTF8.self)
            }
            for e in followers {
                let outcome = HouseholdChangeRules.outcome(
                    program: PolicyProgram(rawValue: e.item), current: e.amount, livingMembers: living,
                    assessment: assessment)
                try await apply(outcome, to: e, change: change)
                let review = try await EnrollmentReviewStore(db: db).insert(
                    .init(
                        enrollment: e.id, household: e.household, region: e.region, change: change.kind,
                        person: change.person, effective: change.from,
                        outcome: outcome, traceJSON: trace, proposedHead: head), at: clock.now)
                try await audit.record(
                    "enrollment.memberChange", entity: "enrollment", id: e.id.uuidString, region: e.region,
                    before: ["monthlyFen": String(e.amount.value)],
                    after: [
                        "change": change.kind.rawValue, "person": change.person.uuidString,
                        "from": change.from.description,
                        "outcome": outcome.code, "monthlyFen": outcome.newAmount.map { String($0.value) } ?? "",
                        "review": review.uuidString,
                    ])
                followed += 1
            }
        }
        return followed
    }

    private func apply(
        _ outcome: HouseholdChangeOutcome, to e: EnrollmentStore.HouseholdEnrollment, change: Change
    ) async throws {
        let store = EnrollmentStore(db: db)
        switch outcome {
        case .newAmount(_, let new):
            try await store.setAmount(
                enrollment: e.id, monthlyFen: new.value, from: change.from, reason: "成员变化：\(change.kind.chinese)",
                at: clock.now)
        case .ends:
            try await store.setStatus(
                enrollment: e.id, status: .ended, from: change.from,
                reason: "成员变化：\(change.kind.chinese)，\(outcome.chinese)")
        case .unchanged, .needsDecision:
            break
        }
    }
}
