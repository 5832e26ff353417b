import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The demo's children in need: in three streets, a child director (community worker) and a
/// child supervisor (street officer) — accounts the city administrator resets to use — and
/// some of the registry's children known by category (the orphan and child-in-distress
/// enrollments first, a few turning 18 within three months), with a household adult or an
/// outsider as guardian; the month's visits; care homes (关爱之家) with activities and children.
enum DemoChildren {
    static let streets = 3
    static let childrenPerStreet = 12

    static func seedIfEmpty(_ app: Application) async throws {
        guard app.platform.config.demoHouseholds > 0 else { return }
        let existing =
            try await app.sql.raw("SELECT COUNT(*) AS n FROM child_categories").first()?
            .decode(column: "n", as: Int.self) ?? 0
        guard existing == 0 else { return }
        let (children, homes) = try await seed(app)
        app.logger.info("Demo children: \(children) children known by category, \(homes) care homes")
    }

    /// (children recorded, care homes).
    static func seed(_ app: Application) async throws -> (Int, Int) {
        let sql = app.sql
        let today = app.platform.clock.today
        let adultAge = try await PolicyStore(db: sql).history().parameters(
            for: RegionTable.changzhou.value, month: today.yearMonth
        ).adultAge
        // Children of the registry: under the adult age, alive, in a household; the ones
        // turning adult soon and those with a child benefit first.
        let bornAfter = today.adding(months: -12 * adultAge).description
        let soon = today.adding(months: 3 - 12 * adultAge).description
        let rows = try await sql.raw(
            """
            SELECT p.id, p.household_id, p.region, p.birth_date,
              (SELECT MIN(e.item_code) FROM enrollments e WHERE e.person_id = p.id
                AND e.item_code IN \(SQLBind.group(ChildRules.childPrograms))) AS benefit
            FROM persons p WHERE p.birth_date > \(bind: bornAfter) AND p.deceased_on IS NULL
              AND p.household_id IS NOT NULL AND LENGTH(p.region) = 12
            ORDER BY CASE WHEN p.birth_date <= \(bind: soon) THEN 0 ELSE 1 END,
              CASE WHEN EXISTS (SELECT 1 FROM enrollments e WHERE e.person_id = p.id
                AND e.item_code IN \(SQLBind.group(ChildRules.childPrograms))) THEN 0 ELSE 1 END, p.id
            LIMIT 2000
            """
        ).all()
        var byStreet: [String: [SQLRow]] = [:]
        var order: [String] = []
        for r in rows {
            let street = String(try r.decode(column: "region", as: String.self).prefix(9))
            if byStreet[street] == nil { order.append(street) }
            byStreet[street, default: []].append(r)
        }
        let chosen = order.sorted { (byStreet[$0]?.count ?? 0) > (byStreet[$1]?.count ?? 0) }.prefix(streets)
        guard !chosen.isEmpty else { return (0, 0) }
        let accounts = AccountStore(db: sql)
        let regions = app.platform.regions
        let password = FirstStart.oneTimePassword()
        let now = app.platform.clock.now
        var records: [ChildStore.NewRecord] = []
        var homes: [(street: String, children: [UUID])] = []
        let cycle: [ChildCategory] = [
            .unsupported, .inDistress, .leftBehind, .scatteredOrphan, .inDistress, .leftBehind,
        ]
        for (s, street) in chosen.enumerated() {
            guard let code = RegionCode(street) else { continue }
            let streetName = regions.name(of: code) ?? street
            let director = try await accounts.createUser(
                username: "demo-child-director-\(s + 1)", displayName: "儿童主任（\(streetName)）", password: password,
                role: .communityWorker, region: code, mustChangePassword: true, hash: { try app.password.hash($0) })
            let supervisor = try await accounts.createUser(
                username: "demo-child-supervisor-\(s + 1)", displayName: "儿童督导员（\(streetName)）",
                password: password, role: .streetOfficer, region: code, mustChangePassword: true,
                hash: { try app.password.hash($0) })
            var attending: [UUID] = []
            for (i, r) in (byStreet[street] ?? []).prefix(childrenPerStreet).enumerated() {
                let person = try r.decode(column: "id", as: UUID.self)
                let household = try r.decode(column: "household_id", as: UUID.self)
                guard let birth = CivilDate(try r.decode(column: "birth_date", as: String.self)) else { continue }
                let benefit = try r.decode(column: "benefit", as: String?.self)
                var category =
                    benefit == "orphan"
                    ? ChildCategory.scatteredOrphan
                    : benefit == "childInDistress" ? .inDistress : cycle[i % cycle.count]
                if category == .leftBehind && birth.age(on: today) >= 15 { category = .inDistress }
                let start = max(birth.adding(days: 1), today.adding(months: -(3 + (i * 5) % 20)))
                let guardian = try await sql.raw(
                    """
                    SELECT p.id, p.name FROM memberships m JOIN persons p ON p.id = m.person_id
                    WHERE m.household_id = \(bind: household) AND m.left_at IS NULL AND p.id <> \(bind: person)
                      AND p.birth_date <= \(bind: today.adding(months: -12 * adultAge).description) AND p.deceased_on IS NULL
                    ORDER BY p.birth_date DESC, p.id LIMIT 1
                    """
                ).first()
                let outsider = guardian == nil || category == .unsupported || category == .scatteredOrphan
                var registered: (id: UUID, name: String)?
                if !outsider, let guardian {
                    registered = (
                        try guardian.decode(column: "id", as: UUID.self),
                        try guardian.decode(column: "name", as: String.self)
                    )
                }
                let phone = "1390519\(String(format: "%04d", i))"
                let reasons: [ChildCategory: String] = [
                    .unsupported: "父亲服刑、母亲失联，由祖母照料", .inDistress: "家庭低保，本人患重病",
                    .leftBehind: "父母均在外省务工", .scatteredOrphan: "父母均已去世，由亲属抚养",
                ]
                records.append(
                    ChildStore.NewRecord(
                        person: person, household: household,
                        region: try r.decode(column: "region", as: String.self), category: category,
                        reason: category.needsReason ? reasons[category] : nil,
                        guardianPerson: registered?.id, guardianName: registered?.name ?? ["王秀兰", "李建国", "张桂芳"][i % 3],
                        guardianRelation: outsider ? ["祖母", "舅舅", "姑姑"][i % 3] : "父母",
                        guardianCipher: outsider ? app.platform.cipher.encrypt("|" + phone) : nil,
                        guardianIdMasked: nil,
                        guardianPhoneMasked: outsider ? RegistryValidation.maskPhone(phone) : nil,
                        startsOn: start, endsOn: nil, director: director, supervisor: supervisor))
                if i % 2 == 0 { attending.append(person) }
            }
            homes.append((street, attending))
        }
        let writer = app.writer(actor: .system("demo"))
        let (allRecords, allHomes) = (records, homes)
        let recorded = try await writer.transaction { tx, audit in
            let store = ChildStore(db: tx)
            var n = 0
            for record in allRecords {
                guard let id = try await store.insert(record, by: "demo", at: now) else { continue }
                try await audit.record(
                    "child.category.record", entity: "child_category", id: id.uuidString, region: record.region,
                    after: ["category": record.category.rawValue, "startsOn": record.startsOn.description])
                n += 1
            }
            let activities = ["亲子阅读", "作业辅导", "心理健康讲座", "手工课", "安全教育"]
            for (h, home) in allHomes.enumerated() {
                let name = (RegionCode(home.street).flatMap(regions.name) ?? "社区") + "关爱之家"
                let opened = today.adding(months: -(12 + h * 5))
                let id = try await store.insertHome(
                    name: name, region: home.street, address: "\(name)活动室", openedOn: opened, by: "demo", at: now)
                for (a, title) in activities.enumerated() {
                    _ = try await store.insertActivity(
                        home: id, heldOn: today.adding(days: -(7 * a + 3)), title: title, participants: 8 + a * 2,
                        note: nil, by: "demo", at: now)
                }
                for child in home.children {
                    _ = try await store.attend(home: id, person: child, on: opened.adding(months: 1))
                }
                try await audit.record(
                    "child.careHome.create", entity: "child_care_home", id: id.uuidString, region: home.street,
                    after: ["name": name, "children": "\(home.children.count)"])
            }
            return n
        }
        _ = try await ChildRound(writer: writer, clock: app.platform.clock).run()
        return (recorded, allHomes.count)
    }
}
