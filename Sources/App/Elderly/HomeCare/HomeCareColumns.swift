import Foundation
import MinzhengCore

/// The columns of a finished visit as the demo and the benchmark write them in bulk
/// (`BulkInsert`); requests from staff go through `HomeCareStore.createOrder`.
enum HomeCareColumns {
    static let visits = [
        "id", "person_id", "region", "service", "units", "scheduled_on", "state", "provider_id", "worker_id",
        "check_in_at", "check_out_at", "month", "charge_fen", "flags", "held", "confirmed_by", "rating", "created_by",
        "created_at", "version",
    ]

    /// A visit at `state`: times, month and charge only once it was checked in and out.
    static func visit(
        person: UUID, region: String, service: HomeCareServiceKind, units: Int, day: CivilDate,
        state: HomeCareOrderState, provider: UUID?, worker: UUID?, checkIn: Int64?, checkOut: Int64?, charge: Fen?,
        flags: Set<HomeCareFlag>, createdBy: String, at now: Date
    ) -> [BulkValue] {
        let finished = checkOut != nil
        return [
            .uuid(.random()), .uuid(person), .text(region), .text(service.rawValue), .integer(Int64(units)),
            .text(day.description), .text(state.rawValue), provider.map(BulkValue.uuid) ?? .null,
            worker.map(BulkValue.uuid) ?? .null, checkIn.map(BulkValue.integer) ?? .null,
            checkOut.map(BulkValue.integer) ?? .null, BulkValue(finished ? day.yearMonth.description : nil),
            finished ? (charge.map { BulkValue.integer($0.value) } ?? .null) : .null,
            .text(HomeCareFlags.encode(flags)), .bool(HomeCareFlags.hold(flags)),
            BulkValue(state == .confirmed ? "电话回访" : nil), BulkValue(state == .confirmed ? 5 : nil), .text(createdBy),
            .date(now), .integer(1),
        ]
    }
}
