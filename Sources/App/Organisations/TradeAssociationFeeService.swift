import Foundation
import MinzhengCore
import MinzhengExport
import SQLKit
import Vapor

/// Improper fees of trade associations (涉企违规收费) as the registry clerk works them
/// (`manageOrganisations`, within the region): a registered social group marked as a trade
/// association (行业协会商会), its fee items by year, the finding on each, the refunds (never past
/// what was charged improperly), and the totals by association and year with their .xlsx.
struct TradeAssociationFeeService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock
    let registry: OrganisationRegistry

    var user: CurrentUser { registry.user }
    private var store: TradeAssociationFeeStore { TradeAssociationFeeStore(db: db) }

    /// Marks a registered social group as a trade association (409 when it is not a social group,
    /// or marked already).
    func markTradeAssociation(_ id: UUID?) async throws -> OrganisationRecord {
        try user.require(.manageOrganisations)
        let organisation = try await registry.find(id)
        guard organisation.kind == OrganisationKind.socialGroup.rawValue else {
            throw Refusal(.conflict, "行业协会商会应为社会团体，该组织为\(organisation.kindName)", field: "kind")
        }
        let (now, by) = (clock.now, user.displayName)
        try await writer.transaction { tx, audit in
            let store = TradeAssociationFeeStore(db: tx)
            guard try await !store.isTradeAssociation(organisation.id) else {
                throw Refusal(.conflict, "该组织已标记为行业协会商会", field: "organisationId")
            }
            try await store.mark(organisation.id, by: by, at: now)
            try await audit.record(
                "organisation.markTradeAssociation", entity: "organisation", id: organisation.id.uuidString,
                region: organisation.region, after: ["name": organisation.name])
        }
        return organisation
    }

    func isTradeAssociation(_ id: UUID) async throws -> Bool { try await store.isTradeAssociation(id) }

    /// The trade associations of the clerk's region (id, name).
    func associations() async throws -> [(UUID, String)] {
        try user.require(.manageOrganisations)
        return try await store.associations(within: user.scope)
    }

    struct FeeInput: Content {
        var organisationId: UUID?
        var year: Int?
        var name: String?
        var basis: String?
        var amountFen: Int64?
        var payers: Int?
    }

    /// Records a fee item the association charged in a year: name, basis, the amount charged
    /// over the year in fen, the number of enterprises that paid.
    func create(_ input: FeeInput) async throws -> FeeItemRecord {
        try user.require(.manageOrganisations)
        guard let organisationID = input.organisationId else {
            throw Refusal.invalid("organisationId", "请选择行业协会商会")
        }
        let organisation: OrganisationRecord
        do { organisation = try await registry.find(organisationID) } catch let r as Refusal where r.kind == .notFound {
            throw Refusal.invalid("organisationId", "社会组织不存在或不在您的管辖范围")
        }
        guard try await store.isTradeAssociation(organisation.id) else {
            throw Refusal(.conflict, "\(organisation.name) 未标记为行业协会商会", field: "organisationId")
        }
        let today = clock.today
        let registeredYear = Int(organisation.registeredOn.prefix(4)) ?? 2000
        guard let year = input.year, year >= registeredYear, year <= today.year else {
            throw Refusal.invalid("year", "收费年度应在 \(registeredYear)–\(today.year) 之间")
        }
        let (name, basis, amount, payers) = try RegistryInput.check {
            () throws(FieldProblem) -> (String, String, Fen, Int) in
            let name = try InputRules.line(input.name, field: "name", label: "收费项目", maximumLength: 100)
            let basis = try InputRules.line(input.basis, field: "basis", label: "收费依据", maximumLength: 200)
            guard let fen = input.amountFen else { throw FieldProblem("amountFen", "请填写年度收费金额（分）") }
            let amount = try InputRules.amount(fen, field: "amountFen")
            guard let count = input.payers else { throw FieldProblem("payers", "请填写缴费企业数") }
            let payers = try InputRules.count(count, field: "payers")
            return (name ?? "", basis ?? "", amount, payers)
        }
        let fee = TradeAssociationFeeStore.NewFee(
            id: UUID(), organisation: organisation.id, region: organisation.region, year: year, name: name,
            basis: basis, amount: amount, payers: payers)
        let (now, by) = (clock.now, user.displayName)
        try await writer.transaction { tx, audit in
            try await TradeAssociationFeeStore(db: tx).insertFee(fee, by: by, at: now)
            try await audit.record(
                "tradeFee.create", entity: "tradeAssociationFee", id: fee.id.uuidString, region: fee.region,
                after: [
                    "organisationId": organisation.id.uuidString, "year": "\(year)", "name": name,
                    "amountFen": "\(amount.value)", "payers": "\(payers)",
                ])
        }
        return try await item(fee.id)
    }

    func item(_ id: UUID?) async throws -> FeeItemRecord {
        try user.require(.manageOrganisations)
        guard let id, let found = try await store.item(id, within: user.scope) else { throw Refusal.notFound("收费项目") }
        return found
    }

    struct Detail: Content {
        let item: FeeItemRecord
        let refunds: [FeeRefundRecord]
    }

    func detail(_ id: UUID?) async throws -> Detail {
        let item = try await item(id)
        return Detail(item: item, refunds: try await store.refunds(item.id))
    }

    struct ListQuery: Content {
        var organisationId: UUID?
        var year: Int?
        var finding: String?
        var page: Int?
        var perPage: Int?

        func query() throws -> TradeAssociationFeeStore.ListQuery {
            var q = TradeAssociationFeeStore.ListQuery(organisation: organisationId, year: year)
            if let f = finding, !f.isEmpty {
                if f == "none" {
                    q.unfound = true
                } else {
                    guard let finding = FeeFinding(rawValue: f) else {
                        throw Refusal.invalid("finding", "认定结果应为 compliant、improper 或 none（未认定）")
                    }
                    q.finding = finding
                }
            }
            return q
        }
    }

    func list(_ query: ListQuery) async throws -> Page<FeeItemRecord> {
        try user.require(.manageOrganisations)
        return try await store.list(
            within: user.scope, try query.query(), page: try PageRequest(page: query.page, perPage: query.perPage))
    }

    struct FindingInput: Content {
        var finding: String?
        var rule: String?
        var version: Int?
    }

    /// The finding on a fee item: compliant, or improper with the rule it broke. It may be
    /// changed until a refund is recorded on it (409 after).
    func find(_ id: UUID?, _ input: FindingInput) async throws -> Detail {
        let item = try await item(id)
        let (finding, rule) = try RegistryInput.check { () throws(FieldProblem) in
            try TradeAssociationFees.finding(input.finding, rule: input.rule)
        }
        guard let version = input.version else { throw Refusal.invalid("version", "缺少 version（当前版本号）") }
        guard version == item.version else { throw Refusal.staleVersion(current: item.version) }
        guard item.refundedFen == 0 else { throw Refusal(.conflict, "已有清退记录，不能更改认定", field: "finding") }
        let (today, now, by) = (clock.today, clock.now, user.displayName)
        try await writer.transaction { tx, audit in
            guard
                try await TradeAssociationFeeStore(db: tx).find(
                    item.id, version: version, finding: finding, rule: rule, on: today, by: by, at: now)
            else { throw Refusal.staleVersion(current: version + 1) }
            try await audit.record(
                "tradeFee.finding", entity: "tradeAssociationFee", id: item.id.uuidString, region: item.region,
                before: item.finding.map { ["finding": $0] },
                after: ["finding": finding.rawValue, "rule": rule ?? ""])
        }
        return try await detail(item.id)
    }

    struct RefundInput: Content {
        var refundedOn: String?
        var amountFen: Int64?
        var note: String?
    }

    /// Records a refund on an item found improper: dated, and never past the improper amount
    /// less what was refunded already (400 naming `amountFen`).
    func refund(_ id: UUID?, _ input: RefundInput) async throws -> Detail {
        let item = try await item(id)
        guard item.finding == FeeFinding.improper.rawValue else {
            throw Refusal(.conflict, "只有认定为违规的收费才能记录清退", field: "finding")
        }
        let today = clock.today
        guard let day = input.refundedOn.flatMap({ CivilDate($0.trimmedWhitespace) }), day <= today,
            day.year >= item.year
        else { throw Refusal.invalid("refundedOn", "清退日期应在收费年度 \(item.year) 起、不晚于今天（YYYY-MM-DD）") }
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.note, field: "note", label: "说明")
        }
        let (now, by, scope) = (clock.now, user.displayName, user.scope)
        try await writer.transaction { tx, audit in
            let store = TradeAssociationFeeStore(db: tx)
            // Read again inside the transaction: two refunds at once never pass the bound together.
            guard let current = try await store.item(item.id, within: scope) else { throw Refusal.notFound("收费项目") }
            let amount = try RegistryInput.check { () throws(FieldProblem) in
                try TradeAssociationFees.refund(
                    input.amountFen, improper: Fen(current.improperFen), refunded: Fen(current.refundedFen))
            }
            try await store.insertRefund(fee: item.id, on: day, amount: amount, note: note, by: by, at: now)
            try await audit.record(
                "tradeFee.refund", entity: "tradeAssociationFee", id: item.id.uuidString, region: item.region,
                after: [
                    "refundedOn": day.description, "amountFen": "\(amount.value)",
                    "refundedFen": "\(current.refundedFen + amount.value)",
                ])
        }
        return try await detail(item.id)
    }

    // MARK: totals

    struct AssociationYear: Content {
        let organisationId: UUID
        let organisationName: String
        let creditCode: String
        let year: Int
        let items: Int
        let improperItems: Int
        let chargedFen: Int64
        let improperFen: Int64
        let refundedFen: Int64
        let outstandingFen: Int64
    }

    struct YearTotal: Content {
        let year: Int
        let items: Int
        let improperItems: Int
        let chargedFen: Int64
        let improperFen: Int64
        let refundedFen: Int64
        let outstandingFen: Int64
    }

    struct Totals: Content {
        let region: String
        let year: Int?
        let byAssociation: [AssociationYear]
        let byYear: [YearTotal]
        let total: YearTotal
        /// The refunded total in 万元 ("1871.00 万元").
        let refunded: String
        let associations: Int
    }

    /// Totals of the clerk's region by association and year, by year and overall, from the records.
    func totals(year: Int?) async throws -> Totals {
        try user.require(.manageOrganisations)
        let items = try await store.all(within: user.scope, year: year)
        var names: [String: (UUID, String, String)] = [:]
        let rows = items.map { i -> TradeAssociationFees.Item in
            names[i.organisationId.uuidString] = (i.organisationId, i.organisationName, i.creditCode)
            return TradeAssociationFees.Item(
                association: i.organisationId.uuidString, year: i.year, charged: Fen(i.amountFen),
                finding: i.finding.flatMap(FeeFinding.init(rawValue:)), refunded: Fen(i.refundedFen))
        }
        let t = TradeAssociationFees.totals(rows)
        func yearTotal(_ year: Int, _ s: TradeAssociationFees.Total) -> YearTotal {
            YearTotal(
                year: year, items: s.items, improperItems: s.improperItems, chargedFen: s.chargedFen,
                improperFen: s.improperFen, refundedFen: s.refundedFen, outstandingFen: s.outstandingFen)
        }
        func name(_ key: TradeAssociationFees.Totals.Key) -> String { names[key.association]?.1 ?? "" }
        let byAssociation = t.byAssociationYear.sorted { a, b in
            a.key.year != b.key.year ? a.key.year > b.key.year : name(a.key) < name(b.key)
        }.map { key, s -> AssociationYear in
            let (id, organisationName, code) = names[key.association] ?? (UUID(), key.association, "")
            return AssociationYear(
                organisationId: id, organisationName: organisationName, creditCode: code, year: key.year,
                items: s.items,
                improperItems: s.improperItems, chargedFen: s.chargedFen, improperFen: s.improperFen,
                refundedFen: s.refundedFen, outstandingFen: s.outstandingFen)
        }
        return Totals(
            region: user.region.value, year: year, byAssociation: byAssociation,
            byYear: t.byYear.keys.sorted(by: >).map { yearTotal($0, t.byYear[$0]!) },
            total: yearTotal(year ?? 0, t.overall),
            refunded: TradeAssociationFees.tenThousandYuan(t.overall.refundedFen), associations: names.count)
    }

    /// The totals as .xlsx (one line per association and year, the years' totals below); an
    /// audit event says who took it.
    func totalsFile(year: Int?) async throws -> (path: String, rows: Int) {
        let t = try await totals(year: year)
        let header = ["年度", "行业协会商会", "统一社会信用代码", "收费项目数", "违规项目数", "收费金额（元）", "违规收费（元）", "已清退（元）", "未清退（元）"]
        var rest = t.byAssociation.map { a -> [Spreadsheet.Cell] in
            [
                .text("\(a.year)"), .text(a.organisationName), .text(a.creditCode), .text("\(a.items)"),
                .text("\(a.improperItems)"), .money(fen: a.chargedFen), .money(fen: a.improperFen),
                .money(fen: a.refundedFen), .money(fen: a.outstandingFen),
            ]
        }
        rest += (t.byYear + [t.total]).map { y -> [Spreadsheet.Cell] in
            [
                .text(y.year == 0 ? "合计" : "\(y.year) 年合计"), .text(""), .text(""), .text("\(y.items)"),
                .text("\(y.improperItems)"), .money(fen: y.chargedFen), .money(fen: y.improperFen),
                .money(fen: y.refundedFen), .money(fen: y.outstandingFen),
            ]
        }
        var remaining = rest[...]
        let file = try await XLSXExport.write(
            sheet: "涉企违规收费清退", columnWidths: [10, 30, 22, 10, 10, 16, 16, 16, 16], header: header
        ) { _, limit in
            let page = remaining.prefix(limit)
            remaining = remaining.dropFirst(page.count)
            return Array(page)
        }
        let (region, rows) = (user.region.value, t.byAssociation.count)
        try await writer.transaction { _, audit in
            try await audit.record(
                "tradeFee.export", entity: "tradeAssociationFee", id: nil, region: region,
                after: ["year": year.map { "\($0)" } ?? "all", "rows": "\(rows)"])
        }
        return file
    }
}

extension Request {
    func tradeFees() throws -> TradeAssociationFeeService {
        TradeAssociationFeeService(db: sql, writer: writer, clock: platform.clock, registry: try organisations())
    }
}
