import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The demo's community division, deterministic: for the communities with households, two terms of
/// their committees (the 2021 and the 2026 re-election, the new term keeping some members, most
/// new members trained, some not yet); community workers over those communities with start dates,
/// qualifications, three years of evaluations and some awards (stars computed on read); a
/// social-work station in most streets; the admission list and a few months of tasks departments
/// sent to communities, some outside the list (未准入). One transaction, one audit event.
enum DemoCommunities {
    struct Counts: Sendable {
        var committees = 0
        var members = 0
        var workers = 0
        var stations = 0
        var assignments = 0
    }

    static func seedIfEmpty(_ app: Application) async throws {
        guard app.platform.config.demoHouseholds > 0 else { return }
        let existing =
            try await app.sql.raw("SELECT COUNT(*) AS n FROM community_committees").first()?
            .decode(column: "n", as: Int.self) ?? 0
        guard existing == 0 else { return }
        let c = try await seed(app)
        app.logger.info(
            "Demo communities: \(c.committees) committee terms, \(c.members) members, \(c.workers) workers, \(c.stations) social-work stations, \(c.assignments) tasks sent to communities"
        )
    }

    /// A small deterministic generator (SplitMix64).
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func chance(_ perMille: Int) -> Bool { below(1000) < perMille }
    }

    static let surnames = Array(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
    static let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力晓燕鹏宇浩凯婷雪琳晨欣悦佳慧")

    /// A synthetic person: a name and a valid ID number of the district, unique by `serial`.
    static func person(_ r: inout Random, serial: Int, district: String, today: CivilDate) -> (String, ResidentID) {
        let name =
            String(surnames[r.below(surnames.count)]) + String(given[r.below(given.count)])
            + (r.chance(600) ? String(given[r.below(given.count)]) : "")
        let birth = CivilDate(year: today.year - 25 - r.below(30), month: 1 + r.below(12), day: 1 + r.below(28))!
        let digits = String(format: "%04d%02d%02d", birth.year, birth.month, birth.day)
        let first17 = district + digits + String(format: "%03d", 100 + serial % 900)
        let id = first17 + String(UnicodeScalar(ResidentID.checkCharacter(for: Array(first17.utf8)[0..<17])))
        return (name, try! ResidentID(id, today: today))
    }

    static let admissionList: [(String, Department, String)] = [
        ("人口信息采集", .civilAffairs, "《城乡社区事务准入清单》第1项"),
        ("困难群众走访", .civilAffairs, "《城乡社区事务准入清单》第2项"),
        ("老年人信息核实", .civilAffairs, "《城乡社区事务准入清单》第3项"),
        ("城乡居民医保参保动员", .medicalInsurance, "《城乡社区事务准入清单》第7项"),
        ("就业失业登记协助", .humanResources, "《城乡社区事务准入清单》第9项"),
        ("计划生育特殊家庭联系", .health, "《城乡社区事务准入清单》第12项"),
        ("重点人群健康随访提醒", .health, "《城乡社区事务准入清单》第13项"),
        ("退役军人信息采集", .veterans, "《城乡社区事务准入清单》第15项"),
        ("残疾人基本状况调查", .disabledFederation, "《城乡社区事务准入清单》第18项"),
        ("防汛防台应急转移", .emergency, "《城乡社区事务准入清单》第21项"),
        ("社区矫正对象日常联系", .justice, "《城乡社区事务准入清单》第23项"),
        ("妇女儿童权益宣传", .womensFederation, "《城乡社区事务准入清单》第25项"),
    ]

    /// Tasks outside the list: (department, kind, title).
    static let outside: [(Department, String, String)] = [
        (.housing, "物业小区台账填报", "老旧小区物业情况统计表"), (.education, "学生家庭情况摸排", "辖区学龄儿童入户核对"),
        (.agriculture, "农业数据统计", "秋粮种植面积上报"), (.health, "创卫迎检材料", "迎检台账整理"),
        (.emergency, "安全生产检查", "沿街商铺消防检查"),
    ]

    static func seed(_ app: Application) async throws -> Counts {
        let regions = app.platform.regions
        let today = app.platform.clock.today
        let cipher = app.platform.cipher
        let communities = try await app.sql.raw(
            "SELECT DISTINCT region FROM households WHERE LENGTH(region) = 12 ORDER BY region LIMIT 80"
        ).all().compactMap { RegionCode(try $0.decode(column: "region", as: String.self)) }
            .filter { regions.isKnownOrCommunityOfKnownStreet($0) }
        let streets = regions.streets(under: RegionTable.changzhou)
        let writer = app.writer(actor: .system("demo"))
        let now = Date()
        return try await writer.transaction { tx, audit in
            var r = Random(state: 17)
            var serial = 0
            var counts = Counts()
            let store = CommunityStore(db: tx, regions: regions)
            let admission = AdmissionStore(db: tx)
            // Two terms per community: the 2021 re-election and the 2026 one.
            let previousStart = CivilDate(year: today.year - 5, month: 1, day: 10)!
            let currentStart = CivilDate(year: today.year, month: 1, day: 10)!
            for community in communities {
                let kind: CommitteeBody = r.chance(300) ? .villagers : .residents
                let district = String(community.value.prefix(6))
                var previousMembers: [(String, ResidentID)] = []
                for (n, start) in [previousStart, currentStart].enumerated() {
                    let committee = CommunityStore.NewCommittee(
                        id: UUID(), community: community.value, kind: kind, termStart: start,
                        termEnd: CivilDate(year: start.year + 5, month: 1, day: 9)!,
                        electedOn: start.adding(days: -20), createdBy: "演示数据")
                    try await store.insertCommittee(committee, at: now)
                    counts.committees += 1
                    var people: [(String, ResidentID)] = []
                    if n == 1 { people = Array(previousMembers.prefix(3 + r.below(2))) }
                    while people.count < 7 {
                        serial += 1
                        people.append(person(&r, serial: serial, district: district, today: today))
                    }
                    let posts: [(CommitteeBody, CommitteePost)] = [
                        (.party, .secretary), (kind, .director), (kind, .deputyDirector), (.party, .member),
                        (kind, .member), (kind, .member), (.party, .member),
                    ]
                    for (i, (name, id)) in people.enumerated() {
                        let memberID = UUID()
                        let (body, post) = posts[i % posts.count]
                        _ = try await store.insertMember(
                            CommunityStore.NewMember(
                                id: memberID, committee: committee.id, community: community.value, name: name,
                                body: body, post: post, personID: nil, cipher: cipher.encrypt(id.value),
                                index: cipher.blindIndex(id.value), masked: id.masked), at: now)
                        counts.members += 1
                        // Trained: every member of the earlier term; most new ones of this term.
                        let isNew = n == 0 || !previousMembers.contains { $0.1 == id }
                        if n == 0 || !isNew || r.chance(800) {
                            try await store.insertTraining(
                                id: UUID(), member: memberID, course: n == 0 ? "社区两委成员履职培训" : "2026年新任社区两委成员培训",
                                on: start.adding(days: 30 + r.below(60)), hours: 8 + r.below(3) * 4, at: now)
                        }
                    }
                    previousMembers = people
                }
            }
            // Workers: four to six per community.
            let qualifications: [SocialWorkQualification] = [
                .none, .none, .none, .assistant, .assistant, .assistant, .socialWorker, .socialWorker, .senior,
            ]
            let outcomes: [WorkerEvaluation] = [
                .excellent, .competent, .competent, .competent, .competent, .basicallyCompetent,
            ]
            for community in communities {
                let district = String(community.value.prefix(6))
                for _ in 0..<(4 + r.below(3)) {
                    serial += 1
                    let (name, id) = person(&r, serial: serial, district: district, today: today)
                    let started = CivilDate(
                        year: today.year - 1 - r.below(18), month: 1 + r.below(12), day: 1 + r.below(28))!
                    let worker = CommunityStore.NewWorker(
                        id: UUID(), region: community.value, name: name, personID: nil,
                        cipher: cipher.encrypt(id.value),
                        index: cipher.blindIndex(id.value), masked: id.masked, startedOn: started,
                        qualification: qualifications[r.below(qualifications.count)])
                    guard try await store.insertWorker(worker, at: now) else { continue }
                    counts.workers += 1
                    for year in max(started.year, today.year - 3)..<today.year {
                        let outcome = r.chance(15) ? WorkerEvaluation.incompetent : outcomes[r.below(outcomes.count)]
                        _ = try await store.insertEvaluation(worker: worker.id, year: year, outcome: outcome, at: now)
                    }
                    if r.chance(150) {
                        try await store.insertAward(
                            id: UUID(), worker: worker.id, level: .city, title: "常州市优秀社区工作者",
                            on: CivilDate(year: today.year - 1 - r.below(4), month: 12, day: 1)!, at: now)
                    }
                    if r.chance(40) {
                        try await store.insertAward(
                            id: UUID(), worker: worker.id, level: .provincial, title: "江苏省优秀社区工作者",
                            on: CivilDate(year: today.year - 1 - r.below(4), month: 11, day: 15)!, at: now)
                    }
                }
            }
            // A station in most streets.
            let services = ["困难群众帮扶", "老年人关爱", "儿童关爱保护", "社区治理", "心理疏导", "残疾人服务", "志愿服务"]
            for (i, street) in streets.enumerated() where i % 9 != 4 {
                let name = (regions.name(of: street) ?? street.value) + "社会工作服务站"
                let picked = (0..<3 + r.below(3)).map { services[($0 + i) % services.count] }
                if try await store.insertStation(
                    id: UUID(), street: street.value, name: name,
                    openedOn: CivilDate(year: today.year - 1 - r.below(3), month: 1 + r.below(12), day: 1)!,
                    staff: 2 + r.below(5), services: picked, at: now)
                {
                    counts.stations += 1
                }
            }
            // The admission list and three months of tasks.
            var items: [(UUID, String, Department)] = []
            for (kind, department, basis) in admissionList {
                let id = UUID()
                _ = try await admission.insertItem(
                    id: id, taskKind: kind, department: department.rawValue, basis: basis, at: now)
                items.append((id, kind, department))
            }
            let months = (0..<3).map { today.yearMonth.adding(months: -$0) }
            for month in months where !communities.isEmpty {
                for k in 0..<10 {
                    let targets = (0..<(1 + r.below(5))).map { _ in communities[r.below(communities.count)].value }
                    let unique = Array(Set(targets)).sorted()
                    var a: AdmissionStore.NewAssignment
                    if k % 4 == 3 {
                        let (department, kind, title) = outside[r.below(outside.count)]
                        a = AdmissionStore.NewAssignment(
                            id: UUID(), department: department.rawValue, sentBy: UUID(),
                            sentByName: "演示·\(department.shortChinese)", item: nil, taskKind: kind, title: title,
                            dueOn: nil, status: .notAdmitted, problem: .noItem, month: month, communities: unique)
                    } else {
                        let (id, kind, department) = items[r.below(items.count)]
                        // Now and then a department sends another department's item.
                        let sender = k % 7 == 5 ? Department.housing : department
                        let problem = AdmissionRules.problem(
                            department: sender.rawValue, namedItem: true,
                            item: AdmissionRules.Item(department: department.rawValue, active: true))
                        a = AdmissionStore.NewAssignment(
                            id: UUID(), department: sender.rawValue, sentBy: UUID(),
                            sentByName: "演示·\(sender.shortChinese)", item: id, taskKind: kind,
                            title: "\(month.month)月\(kind)", dueOn: nil,
                            status: problem == nil ? .admitted : .notAdmitted, problem: problem, month: month,
                            communities: unique)
                    }
                    try await admission.insertAssignment(a, at: now)
                    counts.assignments += 1
                }
            }
            try await audit.record(
                "community.seed", entity: "community", id: nil, region: RegionTable.changzhou.value,
                after: [
                    "committees": String(counts.committees), "members": String(counts.members),
                    "workers": String(counts.workers), "stations": String(counts.stations),
                    "assignments": String(counts.assignments),
                ])
            return counts
        }
    }
}
