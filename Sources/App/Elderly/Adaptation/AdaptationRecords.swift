import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// A household's adaptation case as the lists, the pages and the API show it.
struct AdaptationCase: Content, Sendable {
    struct Line: Content, Sendable {
        let item: String
        let quantity: Int
        let unitPriceFen: Int64
        var amountFen: Int64 { unitPriceFen * Int64(quantity) }
    }

    let id: UUID
    let householdId: UUID
    let address: String
    let headName: String?
    let region: String
    let year: Int
    let priority: Int
    let capFen: Int64
    let state: String
    let assessedOn: String?
    let assessor: String?
    let assessment: String?
    let totalFen: Int64?
    let contractor: String?
    let completedOn: String?
    let completionNote: String?
    let acceptedOn: String?
    let acceptedBy: String?
    let satisfaction: Int?
    let paidOn: String?
    let closedReason: String?
    let version: Int
    var lines: [Line] = []
    /// Completion photos, oldest first.
    var photos: [Photo] = []

    struct Photo: Content, Sendable {
        let id: UUID
        let fileName: String
        let contentType: String
        let size: Int
        let uploadedBy: String
        let createdAt: Date
    }

    var caseState: AdaptationState { AdaptationState(rawValue: state) ?? .closed }

    init(row: SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        householdId = try row.decode(column: "household_id", as: UUID.self)
        address = try row.decode(column: "address", as: String.self)
        headName = try row.decode(column: "head_name", as: String?.self)
        region = try row.decode(column: "region", as: String.self)
        year = try row.decode(column: "year", as: Int.self)
        priority = try row.decode(column: "priority", as: Int.self)
        capFen = try row.decode(column: "cap_fen", as: Int64.self)
        state = try row.decode(column: "state", as: String.self)
        assessedOn = try row.decode(column: "assessed_on", as: String?.self)
        assessor = try row.decode(column: "assessor", as: String?.self)
        assessment = try row.decode(column: "assessment", as: String?.self)
        totalFen = try row.decode(column: "total_fen", as: Int64?.self)
        contractor = try row.decode(column: "contractor", as: String?.self)
        completedOn = try row.decode(column: "completed_on", as: String?.self)
        completionNote = try row.decode(column: "completion_note", as: String?.self)
        acceptedOn = try row.decode(column: "accepted_on", as: String?.self)
        acceptedBy = try row.decode(column: "accepted_by", as: String?.self)
        satisfaction = try row.decode(column: "satisfaction", as: Int?.self)
        paidOn = try row.decode(column: "paid_on", as: String?.self)
        closedReason = try row.decode(column: "closed_reason", as: String?.self)
        version = try row.decode(column: "version", as: Int.self)
    }
}

/// A household screening found: its facts and the region it is in.
struct AdaptationCandidate: Sendable {
    let household: UUID
    let region: String
    let facts: AdaptationPriority.Facts
}
