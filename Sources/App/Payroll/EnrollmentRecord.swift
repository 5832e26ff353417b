import Foundation
import SQLKit
import Vapor

/// An enrollment as the API shows it.
struct EnrollmentRecord: Content {
    let id: UUID
    let itemCode: String
    let householdId: UUID
    let personId: UUID?
    let region: String
    let monthlyFen: Int64
    let startMonth: String
    let endMonth: String?
    let status: String
    let statusFrom: String?
    let statusReason: String?
    let version: Int

    init(row r: SQLRow) throws {
        id = try r.decode(column: "id", as: UUID.self)
        itemCode = try r.decode(column: "item_code", as: String.self)
        householdId = try r.decode(column: "household_id", as: UUID.self)
        personId = try r.decode(column: "person_id", as: UUID?.self)
        region = try r.decode(column: "region", as: String.self)
        monthlyFen = try r.decode(column: "monthly_fen", as: Int64.self)
        startMonth = try r.decode(column: "start_month", as: String.self)
        endMonth = try r.decode(column: "end_month", as: String?.self)
        status = try r.decode(column: "status", as: String.self)
        statusFrom = try r.decode(column: "status_from", as: String?.self)
        statusReason = try r.decode(column: "status_reason", as: String?.self)
        version = try r.decode(column: "version", as: Int.self)
    }
}
