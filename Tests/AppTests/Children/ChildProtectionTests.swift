@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// Children known by category on both databases: recorded by the community's child director
/// (who gets this period's visit at once), seen only within the region (another street's
/// officer gets 404), changed with the history kept, ended by age on the birthday with every
/// child benefit stopping from the month after (by the hourly round, and by the roll itself),
/// the street's list of children turning 18, the visit recorded from the phone, and the care homes.
@Suite("Children known by category, their visits and care homes")
struct ChildProtectionTests {
    struct Record: Decodable {
        let id: UUID
        let version: Int
        let personId: UUID
        let category: String
        let startsOn: String
        let endsOn: String?
        let endReason: String?
        let guardianName: String
        let guardianIdMasked: String?
        let guardianPhoneMasked: String?
        let directorName: String
        let supervisorName: String
    }

    struct Child: Decodable {
        let records: [Record]
        let visits: [Visit]
    }

    struct Visit: Decodable {
        let id: UUID
        let dueOn: String
        let status: String
        let escalated: Bool
        let region: String
        let needs: String?
        let referral: String?
    }

    struct Items<T: Decodable>: Decodable { let items: [T] }

    struct Turning: Decodable {
        let personId: UUID
        let adultOn: String
        let benefits: [String]
    }

    static let now = BeijingTime.instant("2026-12-07T10:00")!
    /// Turns 18 on 2027-01-15, within three months of 2026-12-07.
    static let olderID = "32040220090115403"
    /// Turns 18 on 2027-04-20: not yet on the list.
    static let laterID = "32040220090420404"

    /// A household in 320402001 with the head and two children: (household, older, later).
    static func family(_ app: Application) async throws -> (UUID, UUID, UUID) {
        let admin = try await app.token(role: .cityAdmin, region: "3204")
        var body = RegistryAPITests.household(headID: residentID(HouseholdChangeTests.headID))
        body["members"] = [
            ["relation": "head", "name": "张建国", "idNumber": residentID(HouseholdChangeTests.headID)],
            ["relation": "child", "name": "张小燕", "idNumber": residentID(olderID)],
            ["relation": "child", "name": "张小明", "idNumber": residentID(laterID)],
        ]
        let created = try await send(app, .POST, "/api/v1/households", token: admin, json: body)
        #expect(created.status == .created, "\(created.body.string)")
        let h = try created.json(HouseholdDetail.self)
        func member(_ name: String) throws -> UUID { try #require(h.members.first { $0.name == name }?.personId) }
        return (h.id, try member("张小燕"), try member("张小明"))
    }

    @Test(
        "recorded by the child director, visited from the phone, changed with history, scoped to the region",
        arguments: TestDatabase.available)
    func recordVisitChange(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.now)
            let (_, older, _) = try await Self.family(app)
            let supervisor = try await app.token(role: .streetOfficer, region: "320402001", username: "dudao")
            let director = try await app.token(role: .communityWorker, region: "320402001", username: "zhuren")
            // An outsider guardian: the numbers sealed, masked in every answer.
            let recorded = try await send(
                app, .POST, "/api/v1/children", token: director,
                json: [
                    "idNumber": residentID(Self.olderID), "category": "unsupported", "reason": "父亲服刑、母亲失联",
                    "startsOn": "2026-11-01", "guardianName": "王秀兰", "guardianRelation": "祖母",
                    "guardianIdNumber": residentID("32040219550101208"), "guardianPhone": "13905190001",
                ])
            #expect(recorded.status == .created, "\(recorded.body.string)")
            let record = try recorded.json(Record.self)
            #expect(record.directorName == "zhuren" && record.supervisorName == "dudao")
            #expect(
                record.guardianIdMasked?.hasPrefix("320402") == true && record.guardianIdMasked?.contains("*") == true)
            #expect(record.guardianPhoneMasked == "139****0001")
            #expect(!recorded.body.string.contains("13905190001"))
            let sealed = try #require(
                try await app.sql.raw("SELECT guardian_cipher FROM child_categories").first()?
                    .decode(column: "guardian_cipher", as: String?.self))
            #expect(!sealed.contains("13905190001"))
            #expect(try await FuneralSubsidyTests.count(app, "child.category.record") == 1)
            // Twice the same category is a conflict; a reason is required.
            let twice = try await send(
                app, .POST, "/api/v1/children", token: director,
                json: [
                    "idNumber": residentID(Self.olderID), "category": "unsupported", "reason": "重复",
                    "guardianName": "王秀兰", "guardianRelation": "祖母",
                ])
            #expect(twice.status == .conflict)
            let noReason = try await send(
                app, .POST, "/api/v1/children", token: director,
                json: [
                    "idNumber": residentID(Self.laterID), "category": "inDistress", "guardianName": "王秀兰",
                    "guardianRelation": "祖母",
                ])
            #expect(try noReason.json(ErrorAnswer.self).field == "reason")

            // This month's visit exists at once, due on the last day; recorded from the phone.
            let visits = try await send(app, .GET, "/api/v1/child-visits", token: director).json(Items<Visit>.self)
            let visit = try #require(visits.items.first)
            #expect(visits.items.count == 1 && visit.dueOn == "2026-12-31")
            let badReferral = try await send(
                app, .POST, "/api/v1/child-visits/\(visit.id)", token: director,
                json: ["visitedOn": "2026-12-06", "findings": "祖母年迈", "referral": "nowhere"])
            #expect(try badReferral.json(ErrorAnswer.self).field == "referral")
            let done = try await send(
                app, .POST, "/api/v1/child-visits/\(visit.id)", token: director,
                json: [
                    "visitedOn": "2026-12-06", "findings": "祖母年迈，孩子上学正常", "needs": "冬衣、课外辅导",
                    "referral": "education",
                ])
            #expect(done.status == .ok, "\(done.body.string)")
            let recordedVisit = try done.json(Visit.self)
            #expect(recordedVisit.status == "done" && recordedVisit.referral == "education")
            #expect(recordedVisit.needs == "冬衣、课外辅导")
            #expect(try await FuneralSubsidyTests.count(app, "child.visit.record") == 1)

            // Another street's officer: 404 for the child and the record; an auditor: 403.
            let elsewhere = try await app.token(role: .streetOfficer, region: "320402002")
            #expect(try await send(app, .GET, "/api/v1/children/\(older)", token: elsewhere).status == .notFound)
            #expect(
                try await send(
                    app, .POST, "/api/v1/children/categories/\(record.id)/change", token: elsewhere,
                    json: ["category": "inDistress", "reason": "x", "startsOn": "2026-12-01", "version": 1]
                ).status == .notFound)
            #expect(
                try await send(app, .POST, "/api/v1/child-visits/\(visit.id)", token: elsewhere, json: [:]).status
                    == .notFound)
            #expect(
                try await send(app, .GET, "/api/v1/children", token: elsewhere).json(Total.self)
                    .total == 0)
            let auditor = try await app.token(role: .auditor, region: "320402")
            #expect(try await send(app, .GET, "/api/v1/children", token: auditor).status == .forbidden)

            // A change: the old record ends the day before, the new one starts; both kept.
            let changed = try await send(
                app, .POST, "/api/v1/children/categories/\(record.id)/change", token: supervisor,
                json: ["category": "inDistress", "reason": "母亲已找到，家庭低保", "startsOn": "2026-12-05", "version": 1])
            #expect(changed.status == .ok, "\(changed.body.string)")
            let stale = try await send(
                app, .POST, "/api/v1/children/categories/\(record.id)/change", token: supervisor,
                json: ["category": "leftBehind", "reason": "x", "startsOn": "2026-12-06", "version": 1])
            #expect(stale.status == .conflict)
            let child = try await send(app, .GET, "/api/v1/children/\(older)", token: supervisor).json(Child.self)
            #expect(child.records.map(\.category) == ["inDistress", "unsupported"])
            #expect(child.records[1].endsOn == "2026-12-04" && child.records[1].endReason == "changed")
            #expect(child.records[0].guardianName == "王秀兰" && child.records[0].endsOn == nil)
            #expect(try await FuneralSubsidyTests.count(app, "child.category.change") == 1)
            // The month's visit was done: the change adds none.
            #expect(child.visits.count == 1)

            // The pages: list, the child (history), the phone form's answer.
            let cookie = try await PolicyPageTests.signedIn(app, role: .communityWorker, region: "320402001")
            let list = try await FormVisit.open(app, "/children", cookie: cookie).page.body.string
            #expect(list.contains("张小燕") && list.contains("困境儿童"))
            let page = try await FormVisit.open(app, "/children/\(older)", cookie: cookie).page.body.string
            #expect(page.contains("事实无人抚养儿童") && page.contains("变更为其他类别") && page.contains("课外辅导"))
        }
    }

    @Test(
        "ageing out: the category ends on the 18th birthday and the child benefit from the month after, by itself",
        arguments: TestDatabase.available)
    func agesOut(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.now)
            let (household, older, later) = try await Self.family(app)
            _ = try await app.token(role: .streetOfficer, region: "320402001", username: "dudao")
            let director = try await app.token(role: .communityWorker, region: "320402001", username: "zhuren")
            for (id, category) in [(Self.olderID, "scatteredOrphan"), (Self.laterID, "leftBehind")] {
                let r = try await send(
                    app, .POST, "/api/v1/children", token: director,
                    json: [
                        "idNumber": residentID(id), "category": category, "reason": "父母外出务工", "startsOn": "2026-10-01",
                        "guardianName": "王秀兰", "guardianRelation": "祖母",
                    ])
                #expect(r.status == .created || category == "leftBehind", "\(r.body.string)")
            }
            let orphan = try await PayrollTests.enroll(
                app, household: household, person: older, item: "orphan", region: "320402001", fen: 201_800,
                start: YearMonth("2026-01")!)
            let dibao = try await PayrollTests.enroll(
                app, household: household, person: nil, item: "dibao", region: "320402001", fen: 100_000,
                start: YearMonth("2026-01")!)
            _ = dibao

            // The street's list: the older child (18 on 2027-01-15) with the benefit to stop.
            let street = try await app.token(role: .streetOfficer, region: "320402001")
            let turning = try await send(app, .GET, "/api/v1/children/turning-adult", token: street)
                .json(Items<Turning>.self)
            #expect(turning.items.map(\.personId) == [older])
            #expect(turning.items.first?.adultOn == "2027-01-15")
            #expect(turning.items.first?.benefits == ["孤儿基本生活费"])
            let elsewhere = try await app.token(role: .streetOfficer, region: "320402002")
            #expect(
                try await send(app, .GET, "/api/v1/children/turning-adult", token: elsewhere)
                    .json(Items<Turning>.self).items.isEmpty)
            let cookie = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402001")
            let page = try await FormVisit.open(app, "/children/turning-adult", cookie: cookie).page.body.string
            #expect(page.contains("张小燕") && page.contains("2027-01-15") && !page.contains("张小明"))

            // Before the birthday month ends nothing stops.
            let round = ChildRound(writer: app.writer(actor: .system("test")), clock: app.platform.clock)
            #expect(try await round.run().benefitsEnded == 0)
            // The roll of February 2027, made before anyone acted: the orphan allowance is not in it.
            let roll = try await PayrollTests.service(app, "maker").generate(
                month: YearMonth("2027-02")!, region: RegionCode("320402")!, replace: false)
            let lines = try await PayrollTests.lines(app, roll: roll.id)
            #expect(!lines.contains { $0.enrollment == orphan })
            #expect(lines.contains { $0.enrollment == dibao })
            let ended = try #require(
                try await app.sql.raw("SELECT status, end_month FROM enrollments WHERE id = \(bind: orphan)").first())
            #expect(try ended.decode(column: "status", as: String.self) == "ended")
            #expect(try ended.decode(column: "end_month", as: String?.self) == "2027-01")
            #expect(try await FuneralSubsidyTests.count(app, "child.benefitEnd") == 1)

            // On the day after the birthday the round ends the category on the birthday.
            let after = ChildRound(
                writer: app.writer(actor: .system("test")), clock: .fixed(BeijingTime.instant("2027-01-16T08:00")!))
            let outcome = try await after.run()
            #expect(outcome.agedOut == 1 && outcome.benefitsEnded == 0)
            #expect(try await after.run() == ChildRound.Outcome())
            let child = try await send(app, .GET, "/api/v1/children/\(older)", token: street).json(Child.self)
            #expect(child.records.first?.endsOn == "2027-01-15" && child.records.first?.endReason == "agedOut")
            // The left-behind child (16 on 2025-04-20) could not be recorded as such.
            #expect(try await send(app, .GET, "/api/v1/children/\(later)", token: street).status == .notFound)
        }
    }

    @Test(
        "visits by category frequency, generated once per period; overdue ones escalate to the street",
        arguments: TestDatabase.available)
    func visitSchedule(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.now)
            let (_, older, later) = try await Self.family(app)
            _ = try await app.token(role: .streetOfficer, region: "320402001", username: "dudao")
            let director = try await app.token(role: .communityWorker, region: "320402001", username: "zhuren")
            for (id, category) in [(Self.olderID, "inDistress"), (Self.laterID, "inDistress")] {
                let r = try await send(
                    app, .POST, "/api/v1/children", token: director,
                    json: [
                        "idNumber": residentID(id), "category": category, "reason": "家庭低保", "startsOn": "2026-10-01",
                        "guardianName": "王秀兰", "guardianRelation": "祖母",
                    ])
                #expect(r.status == .created, "\(r.body.string)")
            }
            func due(_ person: UUID) async throws -> [String] {
                try await app.sql.raw(
                    "SELECT due_on FROM visit_tasks WHERE person_id = \(bind: person) AND kind = 'child' ORDER BY due_on"
                ).all().map { try $0.decode(column: "due_on", as: String.self) }
            }
            #expect(try await due(older) == ["2026-12-31"])
            // January: the hourly round escalates December's overdue visits and makes January's, once.
            let january = PlatformClock.fixed(BeijingTime.instant("2027-01-03T08:00")!)
            let writer = app.writer(actor: .system("test"))
            #expect(try await VisitTasks.escalateOverdue(today: january.today, writer: writer) == 2)
            #expect(try await ChildRound(writer: writer, clock: january).run().visits == 2)
            #expect(try await ChildRound(writer: writer, clock: january).run().visits == 0)
            #expect(try await due(later) == ["2026-12-31", "2027-01-31"])
            let escalated = try await send(app, .GET, "/api/v1/child-visits", token: director).json(Items<Visit>.self)
            // The community worker sees January's; December's went up to the street (still within 320402001).
            #expect(escalated.items.filter(\.escalated).count == 2)
        }
    }

    @Test(
        "care homes: registered, activities and children attending, within the region",
        arguments: TestDatabase.available)
    func careHomes(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            app.platform.clock = .fixed(Self.now)
            _ = try await Self.family(app)
            let street = try await app.token(role: .streetOfficer, region: "320402001")
            let created = try await send(
                app, .POST, "/api/v1/child-care-homes", token: street,
                json: ["name": "雕庄关爱之家", "address": "雕庄街道测试路8号", "openedOn": "2026-06-01"])
            #expect(created.status == .created, "\(created.body.string)")
            let home = try created.json(ChildStore.CareHome.self)
            let activity = try await send(
                app, .POST, "/api/v1/child-care-homes/\(home.id)/activities", token: street,
                json: ["title": "亲子阅读", "heldOn": "2026-12-05", "participants": 12])
            #expect(activity.status == .created, "\(activity.body.string)")
            let joined = try await send(
                app, .POST, "/api/v1/child-care-homes/\(home.id)/children", token: street,
                json: ["idNumber": residentID(Self.laterID)])
            #expect(joined.status == .created, "\(joined.body.string)")
            let again = try await send(
                app, .POST, "/api/v1/child-care-homes/\(home.id)/children", token: street,
                json: ["idNumber": residentID(Self.laterID)])
            #expect(again.status == .conflict)
            let adult = try await send(
                app, .POST, "/api/v1/child-care-homes/\(home.id)/children", token: street,
                json: ["idNumber": residentID(HouseholdChangeTests.headID)])
            #expect(try adult.json(ErrorAnswer.self).field == "idNumber")
            let detail = try await send(app, .GET, "/api/v1/child-care-homes/\(home.id)", token: street)
            #expect(detail.body.string.contains("亲子阅读") && detail.body.string.contains("张小明"))
            let elsewhere = try await app.token(role: .streetOfficer, region: "320402002")
            #expect(
                try await send(app, .GET, "/api/v1/child-care-homes/\(home.id)", token: elsewhere).status == .notFound)
            #expect(try await FuneralSubsidyTests.count(app, "child.careHome.attend") == 1)
            let cookie = try await PolicyPageTests.signedIn(app, role: .streetOfficer, region: "320402001")
            let page = try await FormVisit.open(app, "/child-care-homes/\(home.id)", cookie: cookie).page.body.string
            #expect(page.contains("雕庄关爱之家") && page.contains("亲子阅读"))
        }
    }
}

/// A list's count.
private struct Total: Decodable {
    let total: Int
}
