import Foundation
import MinzhengCore
import Vapor

/// A slot as the API and the pages show it: when, where, and how many places are left.
struct SlotView: Content, Sendable {
    let id: UUID
    let service: BookingKind
    let resourceId: UUID
    let resource: String
    /// Beijing time, ISO 8601 with its offset: `2026-12-10T09:00:00+08:00`.
    let start: String
    let end: String
    let capacity: Int
    let left: Int

    init(_ slot: BookingSlot) {
        id = slot.id
        service = slot.kind
        resourceId = slot.resourceID
        resource = slot.resourceName
        start = Self.iso(slot.day, slot.startMinute)
        end = Self.iso(slot.day, slot.endMinute)
        capacity = slot.capacity
        left = max(0, slot.capacity - slot.booked)
    }

    static func iso(_ day: CivilDate, _ minute: Int) -> String {
        let moment = BookingMoment(day: day, minute: minute)
        let (h, m) = (moment.minute / 60, moment.minute % 60)
        return "\(moment.day)T\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m):00+08:00"
    }
}

/// A booking: its code (shown at the door), state, slot and people (ID numbers masked).
struct BookingView: Content, Sendable {
    let id: UUID
    let code: String
    let state: BookingState
    let stateName: String
    let slot: SlotView
    let idNumbers: [String]
    /// The people (masked) who still have to confirm from their own accounts, and by when.
    let awaitingConfirmation: [String]
    let confirmBy: Date?
    let createdAt: Date

    init(row: BookingRow, idNumbers: [String], unconfirmed: (positions: [Int], due: Date?) = ([], nil)) {
        awaitingConfirmation = unconfirmed.positions.compactMap { idNumbers.indices.contains($0) ? idNumbers[$0] : nil }
        confirmBy = unconfirmed.due
        id = row.id
        code = row.code
        state = row.state
        stateName = row.state.chinese
        slot = SlotView(row.slot)
        self.idNumbers = idNumbers
        createdAt = row.createdAt
    }
}

/// A booking's code: 8 characters without look-alikes, read out or typed at the door.
enum BookingCode {
    static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<8).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
