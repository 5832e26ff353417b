import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// One application as the API answers it and the pages show it.
struct ApplicationRecord: Content, Sendable {
    struct Step: Content, Sendable {
        let action: String
        let actionName: String
        let fromState: String
        let toState: String
        let actorName: String
        let note: String?
        let at: Date
        /// `at` in Beijing time, for pages.
        let time: String
    }

    struct Document: Content, Sendable {
        let id: UUID
        let requirement: String
        let fileName: String
        let contentType: String
        let size: Int
        let uploadedBy: String
        let uploadedAt: Date
    }

    let id: UUID
    let itemCode: String
    let itemName: String
    let householdId: UUID
    let personId: UUID?
    let region: String
    let flow: String
    let approvingLevel: String?
    let department: String?
    var state: String
    var stateName: String
    let returnedFrom: String?
    let publicityStart: String?
    let openObjections: Int
    let economyCheckEligible: Bool?
    /// The household-economy check's answer (the assessment contract's JSON), once run.
    let assessment: AssessmentResponse?
    /// Enrollments the household already has that this item excludes, flagged at intake.
    let conflicts: [String]
    let monthlyFen: Int64?
    let decisionNote: String?
    let submittedOn: String
    let deadlineOn: String
    let submittedBy: String
    let applicantUserId: UUID?
    let version: Int
    var steps: [Step] = []
    var documents: [Document] = []
    /// The receipt's number (受理编号), for 办件查询.
    var receiptNumber: String? = nil

    /// What the workflow needs, rebuilt from the row.
    var workflowState: ApplicationState {
        let flowValue: WorkflowFlow =
            flow == WorkflowFlow.Kind.department.rawValue
            ? .department(code: department ?? "")
            : .civilAffairs(approvingLevel: ApprovingLevel(rawValue: approvingLevel ?? "") ?? .district)
        return ApplicationState(
            status: WorkflowState(rawValue: state) ?? .submitted, flow: flowValue,
            region: RegionCode(region) ?? RegionTable.changzhou, openObjections: openObjections,
            publicityStart: publicityStart.flatMap(CivilDate.init),
            returnedFrom: returnedFrom.flatMap(WorkflowState.init),
            economyCheckEligible: economyCheckEligible)
    }

    init(row: SQLRow, catalog: AssistanceCatalog) throws {
        id = try row.decode(column: "id", as: UUID.self)
        itemCode = try row.decode(column: "item_code", as: String.self)
        itemName = AssistanceItemCode(itemCode).map { catalog.displayName(of: $0) } ?? itemCode
        householdId = try row.decode(column: "household_id", as: UUID.self)
        personId = try row.decode(column: "person_id", as: UUID?.self)
        region = try row.decode(column: "region", as: String.self)
        flow = try row.decode(column: "flow", as: String.self)
        approvingLevel = try row.decode(column: "approving_level", as: String?.self)
        department = try row.decode(column: "department", as: String?.self)
        state = try row.decode(column: "state", as: String.self)
        stateName = WorkflowState(rawValue: state)?.chinese ?? state
        returnedFrom = try row.decode(column: "returned_from", as: String?.self)
        publicityStart = try row.decode(column: "publicity_start", as: String?.self)
        openObjections = try row.decode(column: "open_objections", as: Int.self)
        economyCheckEligible = try row.decode(column: "economy_check_eligible", as: Bool?.self)
        assessment = try row.decode(column: "assessment_json", as: String?.self)
            .flatMap { try? JSONDecoder().decode(AssessmentResponse.self, from: Data($0.utf8)) }
        conflicts =
            try row.decode(column: "conflicts_json", as: String?.self)
            .flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
        monthlyFen = try row.decode(column: "monthly_fen", as: Int64?.self)
        decisionNote = try row.decode(column: "decision_note", as: String?.self)
        submittedOn = try row.decode(column: "submitted_on", as: String.self)
        deadlineOn = try row.decode(column: "deadline_on", as: String.self)
        submittedBy = try row.decode(column: "submitted_by", as: String.self)
        applicantUserId = try row.decode(column: "applicant_user_id", as: UUID?.self)
        version = try row.decode(column: "version", as: Int.self)
    }
}

/// A line of a work queue.
struct ApplicationSummary: Content, Sendable {
    let id: UUID
    let itemName: String
    let region: String
    let regionName: String
    let state: String
    let stateName: String
    let submittedOn: String
    let deadlineOn: String
    let deadline: String
    let overdue: Bool
    let version: Int
}
