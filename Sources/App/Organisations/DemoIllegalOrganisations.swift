import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The demo of issue 17 item 4: three dozen reports of illegal social organisations over the
/// registry's streets in every state (taken, investigating, closed with each outcome — twelve
/// stopped), and a dozen social groups marked as trade associations with their fee items of the
/// last three years, findings and refunds adding up to 1871.00 万元. Each part is one audited
/// transaction (`illegalOrganisation.seed`, `tradeFee.seed`).
enum DemoIllegalOrganisations {
    static let names = [
        "中华传统文化促进会常州分会", "常州市国学养生研究院", "常州慈善公益联合总会", "江南书画艺术交流协会", "常州市老年健康养生俱乐部",
        "中国民间收藏家联谊会常州站", "常州市亲子教育发展中心", "华夏易学研究会", "常州市退役人员互助会", "江苏新乡贤联谊会常州分会",
        "常州市投资理财爱好者协会", "世界华人企业家联合会常州代表处",
    ]
    static let activities = [
        "以研究会名义举办收费讲座并发展会员，收取会费", "向老年人推销保健品并组织旅游", "以慈善名义在商场门口募捐", "颁发所谓“艺术家”证书并收取评审费",
        "组织线下聚会并收取入会费", "以办班为名招收学员并收取学费",
    ]
    /// The closed reports' outcomes: 12 stopped (5 banned, 4 persuaded, 3 handed to the police).
    static let outcomes: [IllegalReportOutcome] =
        Array(repeating: .banned, count: 5) + Array(repeating: .persuadedToDisband, count: 4)
        + Array(repeating: .handedToPolice, count: 3) + Array(repeating: .orderedToRegister, count: 3)
        + Array(repeating: .unfounded, count: 3)
    static let investigating = 10
    static let received = 8

    static let fees: [(String, String)] = [
        ("会员费", "会员代表大会通过的会费标准"), ("评比表彰费", "协会年度评比办法"), ("培训费", "协会培训通知"),
        ("资质认定服务费", "协会内部文件"), ("年会赞助费", "年会通知"), ("行业信息刊物订阅费", "协会刊物征订函"),
    ]
    static let rules = [
        "强制入会并收取会费（国家发展改革委等《关于进一步加强行业协会商会收费管理的意见》）", "利用行政委托事项违规收费", "开展评比表彰违规收费",
        "强制企业参加培训并收费",
    ]
    /// The refunds of the city add up to this: 1871.00 万元.
    static let refundTotalFen: Int64 = 1_871_000_000

    static func seedIfEmpty(_ app: Application) async throws {
        guard app.platform.config.demoHouseholds > 0 else { return }
        let reports =
            try await app.sql.raw("SELECT COUNT(*) AS n FROM illegal_org_reports").first()?.decode(
                column: "n", as: Int.self) ?? 0
        if reports == 0 {
            let n = try await seedReports(app)
            app.logger.info("Demo illegal organisations: \(n) reports")
        }
        let marked =
            try await app.sql.raw("SELECT COUNT(*) AS n FROM trade_associations").first()?.decode(
                column: "n", as: Int.self) ?? 0
        if marked == 0 {
            let n = try await seedFees(app)
            app.logger.info("Demo trade associations: \(n.associations) associations, \(n.items) fee items")
        }
    }

    @discardableResult
    static func seedReports(_ app: Application) async throws -> Int {
        let streets = try await app.sql.raw("SELECT DISTINCT region FROM organisations ORDER BY region LIMIT 60").all()
            .map { String(try $0.decode(column: "region", as: String.self).prefix(9)) }
        guard !streets.isEmpty else { return 0 }
        let cipher = app.platform.cipher
        let today = app.platform.clock.today
        let (now, by) = (app.platform.clock.now, "演示")
        let total = outcomes.count + investigating + received
        return try await app.writer(actor: .system("demo")).transaction { tx, audit in
            let store = IllegalOrganisationStore(db: tx)
            for i in 0..<total {
                let closedIndex = i < outcomes.count ? i : nil
                let stillInvestigating = closedIndex == nil && i < outcomes.count + investigating
                // Closed ones over the last three years; open ones in the last months.
                let reportedOn =
                    closedIndex != nil ? today.adding(days: -(60 + i * 55)) : today.adding(days: -(3 + (i % 12) * 9))
                let source: IllegalReportSource = i % 3 == 0 ? .department : .phone
                let reporter = IllegalReporterSealed(
                    name: ["王建华", "李秀英", "张伟", "刘洋", "陈静", "杨明"][i % 6],
                    phone: "139\(String(format: "%08d", 10_000_000 + i * 7919))",
                    unit: source == .department ? ["市场监管局", "公安局", "街道办事处"][i % 3] : nil)
                var row = IllegalOrganisationStore.Row(
                    id: UUID(), number: "", source: source, reporterUserID: nil,
                    reporterCipher: cipher.encrypt(String(decoding: try JSONEncoder().encode(reporter), as: UTF8.self)),
                    reporterMasked: IllegalOrganisationService.masked(reporter),
                    organisationName: names[i % names.count], region: streets[(i * 7) % streets.count],
                    location:
                        "\(["红梅", "湖塘", "新北", "西林", "天宁", "钟楼"][i % 6])\(["商务楼", "小区活动室", "酒店会议室", "沿街门面"][i % 4])",
                    activities: activities[i % activities.count],
                    evidence: i % 2 == 0 ? "举报人提供宣传单、收款截图" : nil, state: .received, assigneeID: nil,
                    assigneeName: nil, outcome: nil, reportedOn: reportedOn.description, closedOn: nil, version: 1)
                let id = try await IllegalOrganisationService.insert(row, db: tx, audit: audit, by: by, at: now)
                row.id = id
                guard closedIndex != nil || stillInvestigating else { continue }
                let assignee = ["周敏（社会组织管理处）", "吴刚（社会组织执法大队）"][i % 2]
                row.state = .investigating
                row.assigneeName = assignee
                try await store.addEntry(
                    report: id, kind: "assigned", on: reportedOn.adding(days: 1).description, text: "调查人：\(assignee)",
                    by: by, at: now)
                try await store.addEntry(
                    report: id, kind: "note", on: reportedOn.adding(days: 6).description,
                    text: "现场核查：该组织未在民政部门登记，以社会组织名义对外开展活动。", by: by, at: now)
                if let k = closedIndex {
                    let outcome = outcomes[k]
                    let closedOn = reportedOn.adding(days: 20 + k % 10)
                    row.state = .closed
                    row.outcome = outcome
                    row.closedOn = closedOn.description
                    try await store.addEntry(
                        report: id, kind: "closed", on: closedOn.description,
                        text: "\(outcome.chinese)：依据《取缔非法民间组织暂行办法》处理完毕。", by: by, at: now)
                }
                _ = try await store.update(row, from: 1, at: now)
            }
            try await audit.record(
                "illegalOrganisation.seed", entity: "illegalOrganisationReport", id: nil,
                region: RegionTable.changzhou.value,
                after: ["reports": "\(total)", "closed": "\(outcomes.count)", "stopped": "12"])
            return total
        }
    }

    @discardableResult
    static func seedFees(_ app: Application) async throws -> (associations: Int, items: Int) {
        let today = app.platform.clock.today
        let groups = try await app.sql.raw(
            """
            SELECT id, region, registered_on FROM organisations
            WHERE kind = \(bind: OrganisationKind.socialGroup.rawValue) AND status = 'normal'
              AND registered_on < \(bind: "\(today.year - 3)-01-01")
            ORDER BY credit_code LIMIT 12
            """
        ).all().map {
            (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "region", as: String.self))
        }
        guard !groups.isEmpty else { return (0, 0) }
        let (now, by) = (app.platform.clock.now, "演示")
        return try await app.writer(actor: .system("demo")).transaction { tx, audit in
            let store = TradeAssociationFeeStore(db: tx)
            var remaining = refundTotalFen
            var items = 0
            for (i, (organisation, region)) in groups.enumerated() {
                try await store.mark(organisation, by: by, at: now)
                for k in 0..<3 {
                    let year = today.year - 3 + k
                    let (name, basis) = fees[(i + k) % fees.count]
                    // 50–150 万元 a year; every third a compliant fee, the last year's second not found yet.
                    let amount = Fen(Int64(500_000 + ((i * 37 + k * 53) % 100) * 10_000) * 100)
                    let fee = TradeAssociationFeeStore.NewFee(
                        id: UUID(), organisation: organisation, region: region, year: year, name: name, basis: basis,
                        amount: amount, payers: 20 + (i * 13 + k * 7) % 300)
                    try await store.insertFee(fee, by: by, at: now)
                    items += 1
                    if k == 2 && i % 2 == 1 { continue }
                    let improper = (i + k) % 3 != 0
                    _ = try await store.find(
                        fee.id, version: 1, finding: improper ? .improper : .compliant,
                        rule: improper ? rules[(i + k) % rules.count] : nil,
                        on: min(today, CivilDate(year: year + 1, month: 3, day: 15)!), by: by, at: now)
                    guard improper, remaining > 0 else { continue }
                    let refund = min(amount.value, remaining)
                    let first = refund * 3 / 5
                    let refundOn = min(today, CivilDate(year: year + 1, month: 6, day: 20)!)
                    try await store.insertRefund(
                        fee: fee.id, on: refundOn, amount: Fen(first), note: "首批清退", by: by, at: now)
                    try await store.insertRefund(
                        fee: fee.id, on: min(today, refundOn.adding(days: 45)), amount: Fen(refund - first),
                        note: "清退完毕", by: by, at: now)
                    remaining -= refund
                }
            }
            try await audit.record(
                "tradeFee.seed", entity: "tradeAssociationFee", id: nil, region: RegionTable.changzhou.value,
                after: [
                    "associations": "\(groups.count)", "items": "\(items)",
                    "refundedFen": "\(refundTotalFen - remaining)",
                ])
            return (groups.count, items)
        }
    }
}
