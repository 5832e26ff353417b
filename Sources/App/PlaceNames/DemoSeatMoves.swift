import Foundation
import MinzhengCore
import Vapor

/// The demo's street-seat moves: a street that moved its seat two years ago and again this year,
/// one move in publicity, one just proposed and one not approved — each through the store's
/// steps in one audited transaction (`seatMove.seed`).
enum DemoSeatMoves {
    struct Move {
        let street: String
        let from: String
        let to: String
        let status: PlaceNameStatus
        /// How many days ago it was proposed.
        let daysAgo: Int
    }

    static let moves = [
        Move(street: "320402001", from: "天宁区延陵中路 88 号", to: "天宁区北大街 25 号", status: .announced, daysAgo: 760),
        Move(street: "320402001", from: "天宁区北大街 25 号", to: "天宁区青山路 6 号", status: .announced, daysAgo: 200),
        Move(street: "320404001", from: "钟楼区南大街 10 号", to: "钟楼区西横街 3 号", status: .publicised, daysAgo: 12),
        Move(street: "320411001", from: "新北区通江中路 500 号", to: "新北区太湖东路 9 号", status: .proposed, daysAgo: 3),
        Move(street: "320412001", from: "武进区延政中路 1 号", to: "武进区花园街 20 号", status: .rejected, daysAgo: 90),
    ]

    /// Writes the moves: the number written.
    @discardableResult
    static func seed(_ app: Application) async throws -> Int {
        let regions = app.platform.regions
        let chosen = moves.filter { RegionCode($0.street).map(regions.contains) ?? false }
        let today = app.platform.clock.today
        let now = app.platform.clock.now
        return try await app.writer(actor: .system("demo")).transaction { tx, audit in
            let store = SeatMoveStore(db: tx, regions: regions)
            var written = 0
            for m in chosen {
                let proposed = today.adding(days: -m.daysAgo)
                var fields = PlaceNameStore.StepFields()
                switch m.status {
                case .announced:
                    fields = .init(
                        publicityEnds: proposed.adding(days: 20), approvingBody: "江苏省人民政府",
                        approvedOn: proposed.adding(days: 60), announcedOn: proposed.adding(days: 75))
                case .publicised: fields.publicityEnds = today.adding(days: 10)
                case .rejected: fields.note = "新驻地距辖区中心过远，群众办事不便"
                default: break
                }
                let proposal = SeatMoveStore.Proposal(
                    id: UUID(), region: m.street, fromAddress: m.from, toAddress: m.to, to: nil,
                    reason: "原办公用房为危房，迁至便民服务中心合署办公", proposedBy: "演示数据")
                if try await store.insert(proposal, status: m.status, fields, at: now) { written += 1 }
            }
            try await audit.record(
                "seatMove.seed", entity: "seat_move", id: nil, region: RegionTable.changzhou.value,
                after: ["moves": "\(written)"])
            return written
        }
    }
}
