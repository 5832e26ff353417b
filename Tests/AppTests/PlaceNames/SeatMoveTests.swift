@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// 驻地迁移: a district proposes to move a street's seat (the first move types the old seat, a
/// later one takes it from the record); one move under way per street; publicity, approval
/// after it, announcement; never retired; other districts and roles neither see nor touch it.
@Suite("Street-seat moves")
struct SeatMoveTests {
    struct Move: Decodable {
        let id: UUID
        let version: Int
        let region: String
        let fromAddress: String
        let toAddress: String
        let status: String
        let approvingBody: String?
        let announcedOn: String?
    }

    static func step(
        _ app: Application, _ token: String, _ m: Move, _ body: [String: Any]
    ) async throws
        -> TestingHTTPResponse
    {
        var json = body
        json["version"] = m.version
        return try await send(app, .POST, "/api/v1/seat-moves/\(m.id)/steps", token: token, json: json)
    }

    @Test(
        "a move: the old seat, one at a time, publicity, approval after it, announcement",
        arguments: TestDatabase.available)
    func move(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let tianning = try await app.token(role: .districtOfficer, region: "320402")
            let today = app.platform.clock.today
            func propose(_ body: [String: Any]) async throws -> TestingHTTPResponse {
                try await send(app, .POST, "/api/v1/seat-moves", token: tianning, json: body)
            }
            let base: [String: Any] = ["region": "320402001", "toAddress": "天宁区青山路 6 号", "reason": "原址为危房"]
            // Refusals naming the field: no seat on record, a district code, another district's street,
            // the same address, coordinates off the globe.
            for (body, field) in [
                (base, "fromAddress"),
                (base.merging(["region": "320402", "fromAddress": "北大街 25 号"]) { $1 }, "region"),
                (base.merging(["region": "320404001", "fromAddress": "北大街 25 号"]) { $1 }, "region"),
                (base.merging(["fromAddress": "天宁区青山路6号"]) { $1 }, "toAddress"),
                (
                    base.merging(["fromAddress": "北大街 25 号", "toLatitude": 95.0, "toLongitude": 119.9]) { $1 },
                    "latitude"
                ),
            ] {
                let refused = try await propose(body)
                #expect(refused.status == .badRequest, "\(field): \(refused.body.string)")
                #expect(try refused.json(ErrorAnswer.self).field == field)
            }
            let first = try await propose(base.merging(["fromAddress": "天宁区北大街 25 号"]) { $1 })
            #expect(first.status == .created, "\(first.body.string)")
            var move = try first.json(Move.self)
            #expect(move.fromAddress == "天宁区北大街 25 号" && move.status == "proposed")
            let twice = try await propose(base.merging(["fromAddress": "天宁区北大街 25 号"]) { $1 })
            #expect(twice.status == .conflict)
            #expect(try twice.json(ErrorAnswer.self).field == "region")

            #expect(try await Self.step(app, tianning, move, ["action": "announce"]).status == .conflict)
            move = try await Self.step(
                app, tianning, move, ["action": "publicise", "publicityEnds": today.adding(days: 15).description]
            ).json(Move.self)
            #expect(move.status == "publicised")
            let tooSoon = try await Self.step(app, tianning, move, ["action": "approve", "approvingBody": "江苏省人民政府"])
            #expect(tooSoon.status == .badRequest)
            try await app.sql.raw(
                "UPDATE seat_moves SET publicity_ends = \(bind: today.adding(days: -1).description) WHERE id = \(bind: move.id)"
            ).run()
            let noBody = try await Self.step(app, tianning, move, ["action": "approve"])
            #expect(try noBody.json(ErrorAnswer.self).field == "approvingBody")
            move = try await Self.step(app, tianning, move, ["action": "approve", "approvingBody": "江苏省人民政府"])
                .json(Move.self)
            #expect(move.status == "approved" && move.approvingBody == "江苏省人民政府")
            move = try await Self.step(app, tianning, move, ["action": "announce"]).json(Move.self)
            #expect(move.status == "announced" && move.announcedOn == today.description)
            // An announced move is history: it is not retired.
            #expect(
                try await Self.step(app, tianning, move, ["action": "retire", "note": "撤回"]).status == .conflict)

            // The next move starts from the seat on record, whatever is typed.
            let next = try await propose(base.merging(["toAddress": "天宁区红梅路 1 号"]) { $1 })
            #expect(next.status == .created, "\(next.body.string)")
            #expect(try next.json(Move.self).fromAddress == "天宁区青山路 6 号")

            // Who sees it: another district 404, a street officer 403.
            let zhonglou = try await app.token(role: .districtOfficer, region: "320404")
            #expect(try await send(app, .GET, "/api/v1/seat-moves/\(move.id)", token: zhonglou).status == .notFound)
            let street = try await app.token(role: .streetOfficer, region: "320402001")
            #expect(try await send(app, .GET, "/api/v1/seat-moves", token: street).status == .forbidden)
            let list = try await send(app, .GET, "/api/v1/seat-moves?status=announced", token: tianning)
            #expect(try list.value("total", as: Int.self) == 1)

            let actions = try await app.sql.raw(
                "SELECT action FROM audit_events WHERE entity = 'seat_move' ORDER BY sequence"
            ).all().map { try $0.decode(column: "action", as: String.self) }
            #expect(
                actions == [
                    "seatMove.propose", "seatMove.publicise", "seatMove.approve", "seatMove.announce",
                    "seatMove.propose",
                ])

            // The pages: the list with the form, the move with its street's other moves.
            let cookie = try await PolicyPageTests.signedIn(app, role: .districtOfficer, region: "320402")
            let page = try await FormVisit.open(app, "/seat-moves", cookie: cookie)
            #expect(page.page.status == .ok && page.page.body.string.contains("天宁区红梅路 1 号"))
            let detail = try await FormVisit.open(app, "/seat-moves/\(move.id)", cookie: cookie).page
            #expect(detail.status == .ok && detail.body.string.contains("江苏省人民政府"))
            let posted = try await page.post(
                app, "/seat-moves", [("region", "320402002"), ("toAddress", "天宁区兰陵路 2 号"), ("reason", "合署办公")])
            #expect(posted.status == .badRequest && posted.body.string.contains("请填写现驻地"))
        }
    }
}
