import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// A home-care provider (居家养老服务组织) and the region it serves.
struct HomeCareProvider: Content, Sendable {
    let id: UUID
    let name: String
    let creditCode: String
    let region: String
    let phone: String?

    init(row: SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        name = try row.decode(column: "name", as: String.self)
        creditCode = try row.decode(column: "credit_code", as: String.self)
        region = try row.decode(column: "region", as: String.self)
        phone = try row.decode(column: "phone", as: String?.self)
    }
}

struct HomeCareWorker: Content, Sendable {
    let id: UUID
    let providerId: UUID
    let name: String

    init(row: SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        providerId = try row.decode(column: "provider_id", as: UUID.self)
        name = try row.decode(column: "name", as: String.self)
    }
}

/// An order as the lists, the pages and the API show it.
struct HomeCareOrderRecord: Content, Sendable {
    let id: UUID
    let personId: UUID
    let personName: String
    let region: String
    let service: String
    let units: Int
    let scheduledOn: String
    let note: String?
    let state: String
    let providerId: UUID?
    let providerName: String?
    let workerId: UUID?
    let workerName: String?
    let checkInAt: Date?
    let checkOutAt: Date?
    /// Where the phone was at the check-in, when it said.
    let checkInLatitude: Double?
    let checkInLongitude: Double?
    let month: String?
    let chargeFen: Int64?
    let flags: [String]
    let held: Bool
    let clearedBy: String?
    let clearedNote: String?
    let confirmedBy: String?
    let rating: Int?
    let version: Int

    var orderState: HomeCareOrderState { HomeCareOrderState(rawValue: state) ?? .cancelled }
    var serviceKind: HomeCareServiceKind? { HomeCareServiceKind(rawValue: service) }

    init(row: SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        personId = try row.decode(column: "person_id", as: UUID.self)
        personName = try row.decode(column: "person_name", as: String.self)
        region = try row.decode(column: "region", as: String.self)
        service = try row.decode(column: "service", as: String.self)
        units = try row.decode(column: "units", as: Int.self)
        scheduledOn = try row.decode(column: "scheduled_on", as: String.self)
        note = try row.decode(column: "note", as: String?.self)
        state = try row.decode(column: "state", as: String.self)
        providerId = try row.decode(column: "provider_id", as: UUID?.self)
        providerName = try row.decode(column: "provider_name", as: String?.self)
        workerId = try row.decode(column: "worker_id", as: UUID?.self)
        workerName = try row.decode(column: "worker_name", as: String?.self)
        checkInAt = try row.decode(column: "check_in_at", as: Int64?.self).map(Self.instant)
        checkOutAt = try row.decode(column: "check_out_at", as: Int64?.self).map(Self.instant)
        checkInLatitude = try row.decode(column: "check_in_latitude", as: Double?.self)
        checkInLongitude = try row.decode(column: "check_in_longitude", as: Double?.self)
        month = try row.decode(column: "month", as: String?.self)
        chargeFen = try row.decode(column: "charge_fen", as: Int64?.self)
        flags = HomeCareFlags.decode(try row.decode(column: "flags", as: String.self)).map(\.rawValue)
        held = try row.decode(column: "held", as: Bool.self)
        clearedBy = try row.decode(column: "cleared_by", as: String?.self)
        clearedNote = try row.decode(column: "cleared_note", as: String?.self)
        confirmedBy = try row.decode(column: "confirmed_by", as: String?.self)
        rating = try row.decode(column: "rating", as: Int?.self)
        version = try row.decode(column: "version", as: Int.self)
    }

    static func instant(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }
}

/// The stored form of an order's flags: their codes, comma-separated, in a fixed order.
enum HomeCareFlags {
    static func encode(_ flags: Set<HomeCareFlag>) -> String { flags.sorted().map(\.rawValue).joined(separator: ",") }

    static func decode(_ text: String) -> [HomeCareFlag] {
        text.split(separator: ",").compactMap { HomeCareFlag(rawValue: String($0)) }
    }

    /// Whether these flags keep a visit out of the settlement.
    static func hold(_ flags: Set<HomeCareFlag>) -> Bool { flags.contains(where: \.holdsSettlement) }
}
