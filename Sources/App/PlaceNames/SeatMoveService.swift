import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// Street-seat moves (驻地迁移) as the place-name office handles them: a street of one's county
/// proposes to move its seat (the old seat is the one on record, or typed for the first move),
/// and the move is publicised, approved and announced as a name is (`SeatMoveRules`), each step
/// one audited transaction. Built on `PlaceNameService` for its user, region and clock.
struct SeatMoveService {
    let names: PlaceNameService

    var user: CurrentUser { names.user }
    private var store: SeatMoveStore { SeatMoveStore(db: names.db, regions: names.regions) }

    struct Draft: Content {
        /// The street or town (9 digits).
        var region: String?
        /// The seat now: only for a street with no move on record.
        var fromAddress: String?
        var toAddress: String?
        var toLatitude: Double?
        var toLongitude: Double?
        var reason: String?
    }

    func list(status: PlaceNameStatus?, page: PageRequest) async throws -> Page<SeatMoveRecord> {
        try await store.list(within: user.scope, status: status, page: page)
    }

    func move(_ id: UUID?) async throws -> SeatMoveRecord {
        guard let id, let found = try await store.move(id: id, within: user.scope) else {
            throw Refusal.notFound("驻地迁移")
        }
        return found
    }

    func history(_ move: SeatMoveRecord) async throws -> [SeatMoveRecord] {
        try await store.history(of: move.region).filter { $0.id != move.id }
    }

    func propose(_ draft: Draft) async throws -> SeatMoveRecord {
        guard let region = draft.region.flatMap(RegionCode.init), region.level == .street,
            names.regions.name(of: region) != nil
        else {
            throw Refusal.invalid("region", "应为本市街道（镇）的 9 位代码")
        }
        guard user.region.contains(region) else { throw Refusal.invalid("region", "不在您的辖区内") }
        let (typedFrom, to, reason) = try RegistryInput.check { () throws(FieldProblem) in
            (
                try InputRules.line(
                    draft.fromAddress, field: "fromAddress", label: "现驻地", maximumLength: 200, required: false),
                try InputRules.line(draft.toAddress, field: "toAddress", label: "新驻地", maximumLength: 200),
                try InputRules.text(draft.reason, field: "reason", label: "迁移理由")
            )
        }
        guard let to else { throw Refusal.invalid("toAddress", "请填写新驻地") }
        guard let reason else { throw Refusal.invalid("reason", "请写明迁移理由") }
        let point = try RegistryInput.check { () throws(FieldProblem) in
            try GeoPoint.optional(latitude: draft.toLatitude, longitude: draft.toLongitude)
        }
        // The old seat is the one on record; only a street with none on record types it.
        guard let from = try await store.currentSeat(of: region.value) ?? typedFrom else {
            throw Refusal.invalid("fromAddress", "本街道尚无驻地记录，请填写现驻地")
        }
        try RegistryInput.check { () throws(FieldProblem) in try SeatMoveRules.checkedSeats(from: from, to: to) }
        let proposal = SeatMoveStore.Proposal(
            id: UUID(), region: region.value, fromAddress: from, toAddress: to, to: point, reason: reason,
            proposedBy: user.displayName)
        let now = names.clock.now
        let regions = names.regions
        try await names.writer.transaction { tx, audit in
            guard try await SeatMoveStore(db: tx, regions: regions).insert(proposal, at: now) else {
                throw Refusal(.conflict, "该街道（镇）已有办理中的驻地迁移", field: "region")
            }
            try await audit.record(
                "seatMove.propose", entity: "seat_move", id: proposal.id.uuidString, region: region.value,
                after: ["from": from, "to": to])
        }
        return try await move(proposal.id)
    }

    func take(_ id: UUID?, _ input: PlaceNameService.Step) async throws -> SeatMoveRecord {
        let current = try await move(id)
        guard let step = input.action.flatMap(PlaceNameStep.init(rawValue:)) else {
            throw Refusal.invalid("action", "操作应为 publicise、approve、reject 或 announce")
        }
        guard let version = input.version else { throw Refusal.invalid("version", "缺少 version（当前版本号）") }
        guard version == current.version else { throw Refusal.staleVersion(current: current.version) }
        let today = names.clock.today
        let fields = try PlaceNameService.stepFields(step, input, today: today)
        let status = try SeatMoveRules.next(
            step, from: PlaceNameStatus(rawValue: current.status) ?? .proposed,
            publicityEnds: fields.publicityEnds ?? current.publicityEnds.flatMap(CivilDate.init), today: today
        ).get()
        let (now, regions) = (names.clock.now, names.regions)
        try await names.writer.transaction { tx, audit in
            guard
                try await SeatMoveStore(db: tx, regions: regions).step(
                    id: current.id, version: version, to: status, fields, at: now)
            else { throw Refusal.staleVersion(current: version + 1) }
            try await audit.record(
                "seatMove.\(step.rawValue)", entity: "seat_move", id: current.id.uuidString, region: current.region,
                before: ["status": current.status],
                after: [
                    "status": status.rawValue, "to": current.toAddress, "note": fields.note ?? "",
                    "approvingBody": fields.approvingBody ?? "",
                ])
        }
        return try await move(current.id)
    }
}

extension Request {
    func seatMoves() throws -> SeatMoveService { SeatMoveService(names: try placeNames()) }
}
