@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// 两项补贴, 免申即享: the federation's certificates through the feed, the monthly run proposing
/// to the street of the person's region once, the street's confirmation enrolling from the next
/// month, the refusal with a reason, and the yearly re-check stopping a downgraded certificate.
@Suite("Two disability subsidies found without application")
struct DisabilitySubsidyTests {
    struct Proposal: Decodable {
        let id: UUID
        let version: Int
        let personId: UUID
        let program: String
        let rule: String
        let amountFen: Int64
        let status: String
        let enrollmentId: UUID?
    }

    struct Queue: Decodable {
        let items: [Proposal]
        let total: Int
    }

    static func certificate(_ app: Application, _ federation: String, _ rows: [[String: Any]]) async throws {
        let response = try await send(app, .POST, "/api/v1/feeds/disability", token: federation, json: rows)
        #expect(response.status == .ok, "\(response.body.string)")
    }

    static func run(_ app: Application, _ month: String) async throws -> DisabilitySubsidyRun.Outcome {
        try await app.disabilitySubsidies(actor: .system("test")).run(
            month: YearMonth(month)!, within: DisabilitySubsidyStore.city)
    }

    @Test(
        "proposed once to the person's street with the rule; confirmed enrolls from the next month; refused stays refused; the re-check stops a downgrade",
        arguments: TestDatabase.available)
    func identifyConfirmRecheck(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await HouseholdChangeTests.family(app)
            let federation = try await MonitoringTests.departmentToken(app, "disabledFederation")
            // Someone outside any dibao household with a grade 3 certificate: nothing.
            let (_, other) = try await PayrollTests.household(app, region: "320402001", head: "32040219600101501")
            try await Self.certificate(
                app, federation,
                [
                    [
                        "sourceRecordId": "C-1", "idNumber": residentID(HouseholdChangeTests.headID), "grade": 2,
                        "kind": "physical", "certifiedDate": "2025-12-10",
                    ],
                    [
                        "sourceRecordId": "C-2", "idNumber": residentID("32040220120501403"), "grade": 4,
                        "kind": "hearing", "certifiedDate": "2024-03-01",
                    ],
                    [
                        "sourceRecordId": "C-3", "idNumber": residentID("32040219600101501"), "grade": 3,
                        "kind": "visual", "certifiedDate": "2024-05-01",
                    ],
                ])
            let first = try await Self.run(app, "2026-12")
            #expect(first.proposed == 3 && first.stopped == 0)
            let found = Set(
                first.proposals.map { "\($0.personId == f.head ? "head" : "son"):\($0.program):\($0.rule)" })
            #expect(
                found == [
                    "head:nursingSubsidy:severeDisability", "head:livingSubsidy:dibaoHousehold",
                    "son:livingSubsidy:dibaoHousehold",
                ])
            #expect(!first.proposals.contains { $0.personId == other })
            #expect(jsonLine(first).contains("\"proposed\":3"))
            // Once: the run again, then the unique index under it.
            #expect(try await Self.run(app, "2026-12") == DisabilitySubsidyRun.Outcome())
            await #expect(throws: (any Error).self) {
                try await app.sql.raw(
                    """
                    INSERT INTO disability_subsidy_proposals (id, person_id, household_id, region, program, rule, grade,
                      certified_on, amount_fen, month, status, version, created_at)
                    VALUES (\(bind: UUID()), \(bind: f.head), \(bind: f.household), '320402001', 'nursingSubsidy',
                      'severeDisability', 2, '2025-12-10', 1, '2026-12', 'open', 1, \(bind: Date()))
                    """
                ).run()
            }
            #expect(try await FuneralSubsidyTests.count(app, "disabilitySubsidy.propose") == 3)

            let street = try await app.token(role: .streetOfficer, region: "320402001")
            let queue = try await send(app, .GET, "/api/v1/disability-subsidy/proposals", token: street)
                .json(Queue.self)
            #expect(queue.total == 3)
            let elsewhere = try await app.token(role: .streetOfficer, region: "320402002")
            #expect(
                try await send(app, .GET, "/api/v1/disability-subsidy/proposals", token: elsewhere).json(Queue.self)
                    .total == 0)
            let nursing = try #require(queue.items.first { $0.program == "nursingSubsidy" })
            #expect(
                try await send(app, .GET, "/api/v1/disability-subsidy/proposals/\(nursing.id)", token: elsewhere)
                    .status == .notFound)
            let worker = try await app.token(role: .communityWorker, region: "320402001")
            #expect(
                try await send(app, .GET, "/api/v1/disability-subsidy/proposals", token: worker).status == .forbidden)
            let page = try await FormVisit.open(
                app, "/disability-subsidies",
                cookie: try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402001")
            ).page.body.string
            #expect(page.contains("持一、二级残疾人证") && page.contains("确认纳入"))

            // Confirmed: an enrollment paying the proposal's amount from the month after.
            let confirmed = try await send(
                app, .POST, "/api/v1/disability-subsidy/proposals/\(nursing.id)", token: street,
                json: ["action": "confirm", "version": nursing.version])
            #expect(confirmed.status == .ok, "\(confirmed.body.string)")
            let enrollment = try #require(try confirmed.json(Proposal.self).enrollmentId)
            let row = try #require(
                try await app.sql.raw(
                    "SELECT item_code, person_id, start_month, monthly_fen, status FROM enrollments WHERE id = \(bind: enrollment)"
                ).first())
            let next = app.platform.clock.today.yearMonth.adding(months: 1)
            #expect(try row.decode(column: "item_code", as: String.self) == "nursingSubsidy")
            #expect(try row.decode(column: "person_id", as: UUID.self) == f.head)
            #expect(try row.decode(column: "start_month", as: String.self) == next.description)
            #expect(try row.decode(column: "monthly_fen", as: Int64.self) == nursing.amountFen)
            let twice = try await send(
                app, .POST, "/api/v1/disability-subsidy/proposals/\(nursing.id)", token: street,
                json: ["action": "confirm", "version": nursing.version + 1])
            #expect(twice.status == .conflict)
            #expect(try await FuneralSubsidyTests.count(app, "disabilitySubsidy.confirm") == 1)

            // Refused: a reason is needed, and the same certificate is not proposed again.
            let son = try #require(queue.items.first { $0.personId == f.son })
            let noReason = try await send(
                app, .POST, "/api/v1/disability-subsidy/proposals/\(son.id)", token: street,
                json: ["action": "refuse", "version": son.version])
            #expect(noReason.status == .badRequest)
            #expect(try noReason.json(ErrorAnswer.self).field == "note")
            let refused = try await send(
                app, .POST, "/api/v1/disability-subsidy/proposals/\(son.id)", token: street,
                json: ["action": "refuse", "version": son.version, "note": "已在外地领取"])
            #expect(try refused.json(Proposal.self).status == "refused")
            #expect(try await Self.run(app, "2027-01") == DisabilitySubsidyRun.Outcome())

            // The federation downgrades the head to grade 3: the re-check in the anniversary
            // month (December) stops the nursing subsidy from the next month; not before.
            try await Self.certificate(
                app, federation,
                [
                    [
                        "sourceRecordId": "C-4", "idNumber": residentID(HouseholdChangeTests.headID), "grade": 3,
                        "kind": "physical", "certifiedDate": "2026-12-01",
                    ]
                ])
            #expect(try await Self.run(app, "2027-11").stopped == 0)
            let recheck = try await Self.run(app, "2027-12")
            #expect(recheck.stopped == 1 && recheck.proposed == 0)
            let stopped = try #require(
                try await app.sql.raw("SELECT status, end_month FROM enrollments WHERE id = \(bind: enrollment)")
                    .first())
            #expect(try stopped.decode(column: "status", as: String.self) == "ended")
            #expect(try stopped.decode(column: "end_month", as: String?.self) == "2027-12")
            #expect(try await FuneralSubsidyTests.count(app, "disabilitySubsidy.stop") == 1)
        }
    }

    @Test(
        "a certificate's end of validity from the feed: nothing proposed in the month it runs out; an enrollment stops from the month after it ran out, anniversary or not",
        arguments: TestDatabase.available)
    func expiry(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let f = try await HouseholdChangeTests.family(app)
            let federation = try await MonitoringTests.departmentToken(app, "disabledFederation")
            try await Self.certificate(
                app, federation,
                [
                    [
                        "sourceRecordId": "E-1", "idNumber": residentID(HouseholdChangeTests.headID), "grade": 1,
                        "kind": "physical", "certifiedDate": "2025-12-10", "validUntil": "2027-03-09",
                    ]
                ])
            #expect(try await Self.run(app, "2027-03") == DisabilitySubsidyRun.Outcome())
            let first = try await Self.run(app, "2026-12")
            #expect(first.proposed == 2 && first.proposals.allSatisfy { $0.personId == f.head })

            let street = try await app.token(role: .streetOfficer, region: "320402001")
            let queue = try await send(app, .GET, "/api/v1/disability-subsidy/proposals", token: street)
                .json(Queue.self)
            let nursing = try #require(queue.items.first { $0.program == "nursingSubsidy" })
            let confirmed = try await send(
                app, .POST, "/api/v1/disability-subsidy/proposals/\(nursing.id)", token: street,
                json: ["action": "confirm", "version": nursing.version])
            let enrollment = try #require(try confirmed.json(Proposal.self).enrollmentId)

            #expect(try await Self.run(app, "2027-02").stopped == 0)
            let ranOut = try await Self.run(app, "2027-03")
            #expect(ranOut.stopped == 1 && ranOut.proposed == 0)
            let stopped = try #require(
                try await app.sql.raw("SELECT status, end_month FROM enrollments WHERE id = \(bind: enrollment)")
                    .first())
            #expect(try stopped.decode(column: "status", as: String.self) == "ended")
            #expect(try stopped.decode(column: "end_month", as: String?.self) == "2027-03")
            let stop = try #require(
                try await app.sql.raw(
                    "SELECT after_json FROM audit_events WHERE action = 'disabilitySubsidy.stop'"
                ).first())
            #expect(try stop.decode(column: "after_json", as: String.self).contains("certificateExpired"))

            // A renewed certificate (a later certifiedDate, no end) makes the person eligible again.
            try await Self.certificate(
                app, federation,
                [
                    [
                        "sourceRecordId": "E-2", "idNumber": residentID(HouseholdChangeTests.headID), "grade": 1,
                        "kind": "physical", "certifiedDate": "2026-11-20",
                    ]
                ])
            #expect(try await Self.run(app, "2027-04").proposals.contains { $0.program == "nursingSubsidy" })
        }
    }
}
