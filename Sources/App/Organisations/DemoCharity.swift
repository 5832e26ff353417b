import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The demo's charity division, written through the same services as the clerk's forms with the
/// clock set to the day each step happened: a dozen registered organisations recognised as
/// charitable (eight with the public-fundraising qualification, one application pending), their
/// fundraising filings (past ones with the amount raised, some in progress), a city charity award
/// in its publicity with an objection open, and 1798 needs of dibao households over several
/// streets in every state (open, matched to a project or a donor, given, closed unmet).
enum DemoCharity {
    static func seedIfEmpty(_ app: Application) async throws {
        guard app.platform.config.demoHouseholds > 0 else { return }
        let existing =
            try await app.sql.raw("SELECT COUNT(*) AS n FROM charitable_organisations").first()?.decode(
                column: "n", as: Int.self) ?? 0
        guard existing == 0, let admin = try await AccountStore(db: app.sql).userRow(username: "admin")?.current
        else { return }
        let (organisations, needs) = try await seed(app, by: admin, today: app.platform.clock.today)
        app.logger.info("Demo charity: \(organisations) charitable organisations, \(needs) 1798 needs")
    }

    static func services(
        _ app: Application, _ user: CurrentUser, on day: CivilDate
    ) -> (
        CharityService, CharityNeedService
    ) {
        let writer = app.writer(actor: AuditActor(id: user.id.uuidString, name: user.username, requestID: nil))
        let clock = PlatformClock.fixed(day)
        return (
            CharityService(db: app.sql, writer: writer, clock: clock, user: user),
            CharityNeedService(
                db: app.sql, writer: writer, clock: clock, cipher: app.platform.cipher, regions: app.platform.regions,
                user: user)
        )
    }

    static let purposes = ["困难家庭助学", "孤寡老人助餐", "大病患者医疗救助", "残疾人康复", "冬季送温暖", "儿童关爱", "社区应急救助"]
    static let platforms = ["腾讯公益", "支付宝公益", "轻松公益", "常州慈善网"]

    /// Seeds as `user` (city-wide `manageCharity`): (charitable organisations, needs).
    static func seed(_ app: Application, by user: CurrentUser, today: CivilDate) async throws -> (Int, Int) {
        let start = today.adding(days: -400)
        let candidates = try await app.sql.raw(
            """
            SELECT id FROM organisations WHERE status = 'normal' AND registered_on <= \(bind: start.adding(days: -400).description)
            ORDER BY registered_on, id LIMIT 12
            """
        ).all().map { try $0.decode(column: "id", as: UUID.self) }
        var organisations = 0
        var filings: [UUID] = []
        for (i, id) in candidates.enumerated() {
            let applied = start.adding(days: i * 7)
            let (charity, _) = services(app, user, on: applied)
            let record = try await charity.apply(.init(organisationId: id))
            organisations += 1
            if i == candidates.count - 1 { break }  // the last application is pending
            let decided = try await services(app, user, on: applied.adding(days: 14)).0.decide(
                id, .init(recognised: true, note: "符合慈善组织条件", version: record.version))
            guard i < 8 else { continue }
            let granted = applied.adding(days: 30)
            _ = try await services(app, user, on: granted).0.qualification(
                id, .init(action: "grant", on: granted.description, note: nil, version: decided.version))
            // Three plans each: two past (the amount raised reported), one in progress or to come.
            for k in 0..<3 {
                let filedOn = granted.adding(days: 20 + k * 120 + i * 3)
                guard filedOn <= today else { continue }
                let period = (filedOn.adding(days: 12), filedOn.adding(days: 12 + 60 + 30 * (i % 3)))
                let filing = try await services(app, user, on: filedOn).0.file(
                    id,
                    .init(
                        purpose: purposes[(i + k) % purposes.count], startsOn: period.0.description,
                        endsOn: period.1.description, targetFen: Int64(50_000 + 25_000 * ((i + k) % 5)) * 100,
                        channels: "网络募捐、义卖", platform: platforms[(i + k) % platforms.count]))
                filings.append(filing.id)
                let reported = min(period.1.adding(days: 5), today)
                if reported >= period.0 {
                    _ = try await services(app, user, on: reported).0.reportRaised(
                        filing.id, .init(raisedFen: filing.targetFen * Int64(60 + 7 * ((i + k) % 6)) / 100))
                }
            }
        }
        try await seedAward(app, by: user, today: today, organisations: candidates)
        let needs = try await seedNeeds(app, by: user, today: today)
        return (organisations, needs)
    }

    static func seedAward(
        _ app: Application, by user: CurrentUser, today: CivilDate, organisations: [UUID]
    ) async throws {
        let opened = today.adding(days: -30)
        let charity = services(app, user, on: opened).0
        let round = try await charity.createRound(
            .init(name: "常州市首届慈善奖", year: today.year, categories: ["慈善楷模", "慈善项目", "爱心捐赠单位"]))
        let nominees: [(String, CharityNomineeKind, String, UUID?, String)] = [
            ("慈善楷模", .person, "王秀英", nil, "退休教师，十年资助困难学生 46 名。"),
            ("慈善楷模", .person, "陈建国", nil, "社区志愿服务队队长，组织助老服务 3 000 余小时。"),
            ("慈善项目", .project, "“一起救吧”暖冬行动", nil, "为低保、特困家庭送去冬衣、棉被和上门服务。"),
            ("慈善项目", .project, "助餐进社区", nil, "在 12 个社区开设长者助餐点。"),
            ("爱心捐赠单位", .organisation, "常州市爱心助学基金会", organisations.first, "连续五年定向捐赠助学资金。"),
            ("爱心捐赠单位", .organisation, "常州某某科技有限公司", nil, "捐赠防疫物资。"),
        ]
        var ids: [UUID] = []
        for (n, (category, kind, name, organisation, deeds)) in nominees.enumerated() {
            let nomination = try await services(app, user, on: opened.adding(days: 1 + n)).0.nominate(
                round.id,
                .init(
                    category: category, nomineeKind: kind.rawValue, nomineeName: name,
                    organisationId: organisation, deeds: deeds))
            ids.append(nomination.id)
        }
        let reviewed = today.adding(days: -8)
        for (n, id) in ids.enumerated() {
            _ = try await services(app, user, on: reviewed).0.review(
                id, .init(shortlisted: n != 5, note: n == 5 ? "事迹材料不足，未入围" : "事迹突出"))
        }
        let publicised = today.adding(days: -3)
        let current = try await services(app, user, on: publicised).0.roundDetail(round.id).round
        _ = try await services(app, user, on: publicised).0.publicise(round.id, version: current.version)
        _ = try await services(app, user, on: today.adding(days: -1)).0.object(
            ids[1], .init(objection: "群众来信反映服务时长统计有重复，请核实。"))
    }

    /// Needs of dibao households over several streets: two to three per street, in every state.
    static func seedNeeds(_ app: Application, by user: CurrentUser, today: CivilDate) async throws -> Int {
        let rows = try await app.sql.raw(
            """
            SELECT h.id, h.region FROM households h
            WHERE EXISTS (SELECT 1 FROM enrollments e WHERE e.household_id = h.id) AND LENGTH(h.region) >= 9
            ORDER BY h.region, h.id
            """
        ).all()
        var byStreet: [String: [UUID]] = [:]
        for r in rows {
            let street = String(try r.decode(column: "region", as: String.self).prefix(9))
            if byStreet[street, default: []].count < 3 {
                byStreet[street, default: []].append(try r.decode(column: "id", as: UUID.self))
            }
        }
        let filings = try await app.sql.raw("SELECT id, ends_on FROM charity_filings ORDER BY ends_on DESC").all()
        let projects = try filings.filter { (try $0.decode(column: "ends_on", as: String.self)) >= today.description }
            .map { try $0.decode(column: "id", as: UUID.self) }
        let wants: [(CharityAidKind, String, Int64)] = [
            (.material, "冬季棉被两床、棉衣一件", 60_000), (.service, "独居老人每周上门助浴", 120_000),
            (.material, "孩子上学用的书桌和台灯", 45_000), (.service, "家电维修和线路检查", 30_000),
            (.material, "轮椅一辆", 80_000), (.material, "米面油等生活物资", 40_000),
        ]
        var count = 0
        for (s, street) in byStreet.keys.sorted().prefix(8).enumerated() {
            for (h, household) in (byStreet[street] ?? []).enumerated() {
                let n = s * 3 + h
                let want = wants[n % wants.count]
                let created = today.adding(days: -(10 + 17 * (n % 10)))
                let needs = services(app, user, on: created).1
                let need = try await needs.create(
                    .init(
                        householdId: household, kind: want.0.rawValue, description: want.1, estimatedFen: want.2))
                count += 1
                let state = n % 5  // 0 open, 1 matched to a project, 2 matched to a donor, 3 given, 4 closed
                if state == 0 { continue }
                let matchedOn = created.adding(days: 3)
                let matcher = services(app, user, on: matchedOn).1
                if state == 4 {
                    _ = try await matcher.act(
                        need.id, .close, .init(version: need.version, reason: "家庭已纳入政府救助，需求已解决"))
                    continue
                }
                let project = projects.isEmpty || state == 2 ? nil : projects[n % projects.count]
                let matched = try await matcher.act(
                    need.id, .match,
                    .init(
                        version: need.version, filingId: project,
                        donorName: project == nil ? ["张明华", "李爱心", "常州市某商会"][n % 3] : nil))
                guard state == 3 else { continue }
                let givenOn = min(matchedOn.adding(days: 7), today)
                _ = try await services(app, user, on: givenOn).1.act(
                    need.id, .give,
                    .init(
                        version: matched.version, kind: want.0.rawValue, description: "已送达：" + want.1,
                        valueFen: want.2 - 5_000, givenOn: givenOn.description))
            }
        }
        return count
    }
}
