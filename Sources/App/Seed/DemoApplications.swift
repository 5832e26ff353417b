import Foundation
import MinzhengCore
import MinzhengDemo
import SQLKit

/// Writes the demo's applications, with their steps dated as the review would have taken
/// them, and the enrollments that approved ones created (`DemoCaseload`).
struct DemoApplications {
    let cipher: FieldCipher
    let today: CivilDate
    /// The month the enrolled households are paid from.
    let start: YearMonth
    /// When the records are written.
    let now: Date

    struct Household: Sendable {
        let id: UUID
        let region: String
        /// What it applies for: what it qualifies for, or dibao when it does not.
        let item: String
        let means: DeclaredMeans
        let assessment: Assessment
        /// Person ids in the assessment's member order.
        let members: [String]
        let plan: DemoCaseloadPlan.Case
    }

    static let actor = AuditActor.system("demo")
    static let officers: [WorkflowState: String] = [
        .submitted: "社区代办（演示）", .accepted: "社区受理（演示）", .investigated: "网格员（演示）",
        .reviewed: "街道审核（演示）", .publicized: "街道公示（演示）", .approved: "区民政局（演示）",
        .returned: "社区受理（演示）", .rejected: "区民政局（演示）", .withdrawn: "申请人（演示）",
    ]

    /// The item a household that qualifies applies for: dibao (which may end in 单人保) or
    /// tekun; nil when neither pays (allowances paid without application do not count).
    static func item(for assessment: Assessment) -> String? {
        let paid = Set(assessment.programs.filter { $0.monthly > .zero }.map(\.program))
        if !paid.isDisjoint(with: [.dibao, .individualDibao]) { return "dibao" }
        return paid.contains(.tekun) ? "tekun" : nil
    }

    func write(_ households: [Household], on tx: SQLDatabase) async throws -> (enrolled: Int, applications: Int) {
        var counts = (enrolled: 0, applications: 0)
        for (i, h) in households.enumerated() {
            switch h.plan {
            case .enrolled:
                let paid = h.assessment.programs.filter { $0.monthly > .zero }
                let submitted = start.firstDay.adding(days: -28)
                let application = try await self.application(
                    h, item: h.item, state: .approved, submitted: submitted,
                    publicity: submitted.adding(days: 12), monthly: paid.reduce(.zero) { $0 + $1.monthly }, on: tx)
                for entry in paid {
                    try await enroll(h, entry, application: application, on: tx)
                    counts.enrolled += 1
                }
                counts.applications += 1
            case .application(let state, let ready):
                let submitted = today.adding(days: -(14 + i % 7))
                let publicity = ready ? today.adding(days: -10) : today.adding(days: -2)
                _ = try await application(
                    h, item: h.item, state: state, submitted: submitted, publicity: publicity, monthly: nil, on: tx)
                counts.applications += 1
            }
        }
        return counts
    }

    private func application(
        _ h: Household, item: String, state: WorkflowState, submitted: CivilDate, publicity: CivilDate,
        monthly: Fen?, on tx: SQLDatabase
    ) async throws -> UUID {
        let id = UUID.random()
        let steps = DemoCaseloadPlan.steps(to: state)
        let investigated = steps.contains { $0.to == .investigated }
        let assessment =
            investigated
            ? String(decoding: try AssessmentResponse(h.assessment).jsonData(prettyPrinted: false), as: UTF8.self) : nil
        let means = cipher.encrypt(try HouseholdMeansStore.json(h.means))
        let decision = state == .approved ? "经审核符合条件，予以批准" : state == .rejected ? "家庭人均收入高于低保标准，不予批准" : nil
        let store = ApplicationStore(db: tx)
        try await store.insert(
            ApplicationStore.NewApplication(
                id: id, itemCode: item, household: h.id, region: h.region,
                flow: .civilAffairs(approvingLevel: .district), state: state,
                submittedOn: submitted, submittedBy: Self.officers[.submitted]!, meansCipher: means,
                returnedFrom: state == .returned ? .investigated : nil,
                publicityStart: steps.contains { $0.to == .publicized } ? publicity : nil,
                economyCheckEligible: investigated ? !h.assessment.programs.isEmpty : nil, assessmentJSON: assessment,
                monthlyFen: monthly?.value, decisionNote: decision, version: steps.count), at: now)
        for (n, step) in steps.enumerated() {
            // Two days a step, the publicity on its own day and the decision after it.
            let day =
                step.to == .publicized
                ? publicity : step.from == .publicized ? publicity.adding(days: 8) : submitted.adding(days: 2 * n)
            try await store.recordStep(
                application: id, action: step.action, from: step.from?.rawValue ?? "new", to: step.to.rawValue,
                actor: Self.actor, actorName: Self.officers[step.to] ?? "演示",
                note: step.to == .approved ? decision : nil,
                at: BeijingTime.startOfDay(day).addingTimeInterval(10 * 3600))
        }
        return id
    }

    private func enroll(_ h: Household, _ entry: ProgramDecision, application: UUID?, on tx: SQLDatabase) async throws {
        let person = entry.member.flatMap { $0 < h.members.count ? UUID(uuidString: h.members[$0]) : nil }
        _ = try await EnrollmentStore(db: tx).create(
            item: entry.program.rawValue, household: h.id, person: person, region: h.region,
            monthlyFen: entry.monthly.value, start: start, application: application, reason: "审批决定",
            at: now)
    }
}
