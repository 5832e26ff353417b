import Foundation
import MinzhengCore
import SQLKit

/// The writes of applications and their steps: intake, each review step, the demo's cases.
extension ApplicationStore {
    /// An application as it is first stored; intake fills the first block, the demo (which
    /// writes cases already part-way through the review) the rest too.
    struct NewApplication: Sendable {
        var id = UUID.random()
        let itemCode: String
        let household: UUID
        var person: UUID? = nil
        let region: String
        let flow: WorkflowFlow
        var state = WorkflowState.submitted
        let submittedOn: CivilDate
        var applicantUserID: UUID? = nil
        let submittedBy: String
        var meansCipher: String? = nil
        var conflictsJSON = "[]"

        var returnedFrom: WorkflowState? = nil
        var publicityStart: CivilDate? = nil
        var economyCheckEligible: Bool? = nil
        var assessmentJSON: String? = nil
        var monthlyFen: Int64? = nil
        var decisionNote: String? = nil
        /// One per step already taken.
        var version = 1
    }

    func insert(_ a: NewApplication, at now: Date) async throws {
        try await db.insert(into: "applications")
            .columns(
                "id", "item_code", "household_id", "person_id", "region", "flow", "approving_level", "department",
                "state",
                "returned_from", "publicity_start", "open_objections", "economy_check_eligible", "assessment_json",
                "means_cipher",
                "conflicts_json", "monthly_fen", "decision_note", "submitted_on", "deadline_on", "applicant_user_id",
                "submitted_by",
                "version", "created_at", "updated_at"
            )
            .values(
                SQLBind(a.id), SQLBind(a.itemCode), SQLBind(a.household), SQLBind(a.person), SQLBind(a.region),
                SQLBind(a.flow.kind.rawValue), SQLBind(a.flow.approvingLevel?.rawValue), SQLBind(a.flow.departmentCode),
                SQLBind(a.state.rawValue), SQLBind(a.returnedFrom?.rawValue), SQLBind(a.publicityStart?.description),
                SQLBind(0),
                SQLBind(a.economyCheckEligible), SQLBind(a.assessmentJSON), SQLBind(a.meansCipher),
                SQLBind(a.conflictsJSON),
                SQLBind(a.monthlyFen), SQLBind(a.decisionNote), SQLBind(a.submittedOn.description),
                SQLBind(WorkingDayCalendar.china.dueDate(submitted: a.submittedOn).description),
                SQLBind(a.applicantUserID),
                SQLBind(a.submittedBy), SQLBind(a.version), SQLBind(now), SQLBind(now)
            )
            .run()
        try await ReceiptStore(db: db).issue(
            .application, record: a.id, owner: a.applicantUserID, person: a.person, household: a.household,
            region: a.region, on: a.submittedOn, at: now)
    }

    /// One step of the review as the application's history shows it.
    func recordStep(
        application: UUID, action: String, from: String, to: String, actor: AuditActor, actorName: String,
        note: String?, at: Date
    ) async throws {
        try await db.insert(into: "application_steps")
            .columns("id", "application_id", "action", "from_state", "to_state", "actor_id", "actor_name", "note", "at")
            .values(
                SQLBind(UUID.random()), SQLBind(application), SQLBind(action), SQLBind(from), SQLBind(to),
                SQLBind(actor.id),
                SQLBind(actorName), SQLBind(note), SQLBind(at)
            )
            .run()
    }

    /// The application after a step, when `version` is still its own; false when someone
    /// else moved it between the read and this write.
    func saveStep(
        _ after: ApplicationState, of id: UUID, version: Int, assessmentJSON: String?, grantedFen: Int64?,
        decisionNote: String?, at now: Date
    ) async throws -> Bool {
        var update = db.update("applications")
            .set("state", to: after.status.rawValue).set("returned_from", to: after.returnedFrom?.rawValue)
            .set("publicity_start", to: after.publicityStart?.description).set(
                "open_objections", to: after.openObjections
            )
            .set("economy_check_eligible", to: after.economyCheckEligible)
            .set("version", to: version + 1).set("updated_at", to: now)
        if let assessmentJSON { update = update.set("assessment_json", to: assessmentJSON) }
        if let grantedFen { update = update.set("monthly_fen", to: grantedFen) }
        if let decisionNote { update = update.set("decision_note", to: decisionNote) }
        return try await !update.where("id", .equal, id).where("version", .equal, version).returning("id").all().isEmpty
    }

    /// The means the household declared with the application, still encrypted.
    func declaredMeansCipher(application id: UUID) async throws -> String? {
        try await db.select().column("means_cipher").from("applications").where("id", .equal, id).first()?
            .decode(column: "means_cipher", as: String?.self)
    }
}
