@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// The household page's member forms, as a street officer uses them.
@Suite("Household page: new members and moving in")
struct HouseholdMembersPageTests {
    static let street = "320402001"

    /// A signed-in street officer, a household of its street (head only) and the page's visit.
    static func setUp(_ app: Application) async throws -> (household: UUID, visit: FormVisit) {
        _ = try await AccountStore(db: app.sql).createUser(
            username: "officer", displayName: "街道经办", password: "correct horse battery", role: .streetOfficer,
            region: RegionCode(street)!, hash: app.hashPassword)
        let (_, cookie) = try await PageTests.signIn(app)
        let household = try await PayrollTests.household(app, region: street, head: "32040219650312401").0
        return (household, try await FormVisit.open(app, "/households/\(household)", cookie: cookie))
    }

    static func members(_ app: Application, _ household: UUID) async throws -> [String] {
        try await app.sql.raw(
            """
            SELECT p.name FROM persons p JOIN memberships m ON m.person_id = p.id AND m.left_at IS NULL
            WHERE m.household_id = \(bind: household) ORDER BY p.name
            """
        ).all().map { try $0.decode(column: "name", as: String.self) }
    }

    @Test(
        "a new member: a refused form keeps what was typed and names the field; a good one registers and joins, audited",
        arguments: TestDatabase.available)
    func newMember(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (household, visit) = try await Self.setUp(app)
            #expect(visit.page.body.string.contains("新增成员") && visit.page.body.string.contains("迁入已登记人员"))
            let badChecksum = "320402201001014020"
            let refused = try await visit.post(
                app, "/households/\(household)/members",
                [("relation", "child"), ("name", "张小明"), ("idNumber", badChecksum), ("hukou", "urban")])
            #expect(refused.status == .badRequest)
            let page = refused.body.string
            #expect(page.contains("id=\"member-error\""))
            #expect(page.contains("value=\"张小明\"") && page.contains("value=\"\(badChecksum)\""))
            #expect(
                page.contains(
                    "id=\"m-id\" name=\"idNumber\" value=\"\(badChecksum)\" maxlength=\"18\" autocomplete=\"off\" spellcheck=\"false\" aria-required=\"true\" class=\"field-error\""
                ))
            let noRelation = try await visit.post(
                app, "/households/\(household)/members",
                [("relation", ""), ("name", "张小明"), ("idNumber", residentID("32040220100101402")), ("hukou", "urban")])
            #expect(noRelation.status == .badRequest)
            #expect(noRelation.body.string.contains("与户主关系应为"))
            let secondHead = try await visit.post(
                app, "/households/\(household)/members",
                [
                    ("relation", "head"), ("name", "张小明"), ("idNumber", residentID("32040220100101402")),
                    ("hukou", "urban"),
                ])
            #expect(secondHead.body.string.contains("该户已有户主"))
            #expect(try await Self.members(app, household) == ["张建国"])

            let added = try await visit.post(
                app, "/households/\(household)/members",
                [
                    ("relation", "child"), ("name", "张小明"), ("idNumber", residentID("32040220100101402")),
                    ("hukou", "urban"),
                ])
            #expect(added.status == .seeOther)
            #expect(added.headers.first(name: .location) == "/households/\(household)?added=1")
            #expect(try await Self.members(app, household) == ["张小明", "张建国"])
            let shown = try await FormVisit.open(app, "/households/\(household)?added=1", cookie: visit.cookie).page
                .body.string
            #expect(shown.contains("已添加成员") && shown.contains("张小明"))
            let actions = try await AuditTrailTests.events(app).map(\.action)
            #expect(actions.suffix(2) == ["person.create", "membership.create"])
            // The same ID number again is refused: it is registered now.
            let again = try await visit.post(
                app, "/households/\(household)/members",
                [
                    ("relation", "child"), ("name", "张小明"), ("idNumber", residentID("32040220100101402")),
                    ("hukou", "urban"),
                ])
            #expect(again.status == .conflict)
            #expect(again.body.string.contains("已登记"))
        }
    }

    @Test(
        "moving in by ID number: the person leaves the old household; unknown numbers and other streets' persons are refused",
        arguments: TestDatabase.available)
    func moveIn(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (household, visit) = try await Self.setUp(app)
            let spouse = residentID("32040219700101402")
            let other = try await PayrollTests.household(app, region: Self.street, head: "32040219700101402").0
            let elsewhere = residentID("32041119700101402")
            _ = try await PayrollTests.household(app, region: "320411002", head: "32041119700101402")

            let unknown = try await visit.post(
                app, "/households/\(household)/members/move-in",
                [("relation", "spouse"), ("idNumber", residentID("32040219990101402"))])
            #expect(unknown.status == .badRequest)
            #expect(unknown.body.string.contains("尚未登记") && unknown.body.string.contains("id=\"move-error\""))
            let outside = try await visit.post(
                app, "/households/\(household)/members/move-in", [("relation", "spouse"), ("idNumber", elsewhere)])
            #expect(outside.status == .badRequest)
            #expect(outside.body.string.contains("管辖范围以外"))
            #expect(outside.body.string.contains("value=\"\(elsewhere)\""))

            let moved = try await visit.post(
                app, "/households/\(household)/members/move-in", [("relation", "spouse"), ("idNumber", spouse)])
            #expect(moved.status == .seeOther)
            #expect(moved.headers.first(name: .location) == "/households/\(household)?moved=1")
            #expect(try await Self.members(app, household).count == 2)
            #expect(try await Self.members(app, other).isEmpty)
            let history = try await app.sql.raw(
                """
                SELECT COUNT(*) AS n FROM memberships WHERE household_id = \(bind: other) AND left_at IS NOT NULL
                """
            ).first()!.decode(column: "n", as: Int.self)
            #expect(history == 1)
        }
    }

    @Test("a refused household edit shows what was typed, not the stored values")
    func editKeepsTyped() async throws {
        try await withTestApp(.sqlite) { app in
            let (household, visit) = try await Self.setUp(app)
            let refused = try await visit.post(
                app, "/households/\(household)",
                [
                    ("version", "1"), ("region", "320402001"), ("community", "99"),
                    ("address", "新地址9号"),
                ])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("value=\"99\"") && refused.body.string.contains("value=\"新地址9号\""))
            #expect(refused.body.string.contains("<option value=\"320402001\" selected>"))
            #expect(refused.body.string.contains("id=\"edit-error\""))
        }
    }
}
