import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// Funeral homes' public price lists and their history, the bills a cashier may issue (only
/// listed services at listed prices, the exemptions applied from the registry and the benefit
/// records), the price-order check, and the death certificates families record.
struct FuneralService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock
    let cipher: FieldCipher

    private var store: FuneralStore { FuneralStore(db: db) }

    static func parameters(db: SQLDatabase, region: String, on day: CivilDate) async throws -> FuneralParameters {
        try await PolicyStore(db: db).parameters(for: region, month: day.yearMonth).funeral
    }

    // MARK: Price lists

    func home(_ id: UUID) async throws -> FuneralHome {
        guard let home = try await store.home(id) else { throw Refusal.notFound("殡仪馆") }
        return home
    }

    struct PriceInput: Content {
        var code: String
        var name: String
        var unit: String
        var category: String
        var priceFen: Int64
        var from: String
    }

    /// Adds a dated row to the home's list (the city administrator): a change is a new row.
    func addPrice(home id: UUID, _ input: PriceInput, by user: CurrentUser) async throws -> FuneralPrice {
        try user.require(.managePolicy)
        let home = try await home(id)
        guard let category = FuneralServiceCategory(rawValue: input.category) else {
            throw Refusal.invalid(
                "category", "类别应为 " + FuneralServiceCategory.allCases.map(\.rawValue).joined(separator: "、"))
        }
        guard let from = CivilDate(input.from) else { throw Refusal.invalid("from", "生效日期格式应为 YYYY-MM-DD") }
        let row = FuneralPrice(
            code: input.code.trimmedWhitespace, name: input.name.trimmedWhitespace, unit: input.unit.trimmedWhitespace,
            category: category, price: Fen(input.priceFen), from: from)
        let (now, today, name) = (clock.now, clock.today, user.displayName)
        try await writer.transaction { tx, audit in
            let store = FuneralStore(db: tx)
            if let refusal = try await store.prices(home: id).refusalToAdd(row, today: today) { throw refusal }
            try await store.insertPrice(row, home: id, by: name, at: now)
            try await audit.record(
                "funeral.price.add", entity: "funeral_price", id: "\(id)/\(row.code)/\(row.from)", region: home.region,
                after: [
                    "home": home.name, "code": row.code, "name": row.name, "unit": row.unit,
                    "category": row.category.rawValue, "priceFen": "\(row.price.value)", "from": "\(row.from)",
                ])
        }
        return row
    }

    // MARK: Death certificates

    /// Records the certificate number of a death the registry does not yet hold (the family
    /// or the funeral home's staff); returns the masked ID number.
    func recordCertificate(idNumber: String, number: String, by user: CurrentUser) async throws -> String {
        guard user.role.may(.selfService) || user.role.may(.handleBookings) else {
            throw Refusal(.forbidden, "无权登记死亡证明")
        }
        let id: ResidentID
        do { id = try ResidentID(idNumber.trimmedWhitespace, today: clock.today) } catch {
            throw Refusal.invalid("idNumber", "逝者身份证号无效：\(error)")
        }
        guard let certificate = DeathCertificateNumber(number) else {
            throw Refusal.invalid("certificateNumber", "死亡证明编号应为 8–20 位大写字母和数字（至少 6 位数字）")
        }
        let (now, cipher, account, region) = (clock.now, cipher, user.id, user.region.value)
        try await writer.transaction { tx, audit in
            let store = FuneralStore(db: tx)
            if try await store.certificate(indexes: cipher.blindIndexes(id.value)) != nil { return }
            guard
                try await store.insertCertificate(
                    index: cipher.blindIndex(id.value), cipher: cipher.encrypt(id.value), masked: id.masked,
                    number: certificate.value, by: account, at: now)
            else { return }
            try await audit.record(
                "death.certificate.record", entity: "death_certificate", id: id.masked, region: region,
                after: ["deceased": id.masked, "certificate": certificate.value])
        }
        return id.masked
    }

    // MARK: Bills

    /// Who the deceased was, from the registry and the benefit records: the basic services
    /// are free for a Changzhou person (in the registry) without a pension funeral grant; the
    /// extras for a dibao or tekun beneficiary in the month of the death.
    func eligibility(
        _ deceased: ResidentID, pensionGrant: Bool, on day: CivilDate
    ) async throws -> (FuneralEligibility, String, DeceasedFacts?) {
        let store = FuneralStore(db: db)
        guard let facts = try await store.deceased(indexes: cipher.blindIndexes(deceased.value)),
            RegionTable.changzhou.contains(RegionCode(facts.region) ?? RegionTable.changzhou)
        else {
            return (FuneralEligibility(basicFree: false, extras: false), "非本市户籍（不在一人一档）", nil)
        }
        let month = (facts.deceasedOn ?? day).yearMonth
        let programmes = try await store.assistance(of: facts, in: month)
        let extras = !programmes.isEmpty
        var reasons = ["本市户籍"]
        if pensionGrant { reasons.append("已领取养老保险丧葬补助金") }
        if extras { reasons.append(programmes.map { $0 == "dibao" ? "低保" : "特困" }.joined(separator: "、") + "对象") }
        return (FuneralEligibility(basicFree: !pensionGrant, extras: extras), reasons.joined(separator: "，"), facts)
    }

    struct BillInput: Content {
        struct Line: Content {
            var code: String
            var day: String
            var quantity: Int
            var unitFen: Int64?
        }
        var homeId: UUID
        var deceasedIdNumber: String
        /// The family declares whether the pension insurance paid a funeral grant.
        var pensionFuneralGrant: Bool?
        var lines: [Line]
    }

    /// Issues a bill (the funeral home's cashier, staff of the home's region): every line a
    /// listed service at the price of its day, the exemptions applied from the records.
    func createBill(_ input: BillInput, by user: CurrentUser) async throws -> FuneralBillRecord {
        try user.require(.handleBookings)
        let home = try await home(input.homeId)
        guard user.region.contains(RegionCode(home.region) ?? RegionTable.changzhou) else {
            throw Refusal.notFound("殡仪馆")
        }
        let deceased: ResidentID
        do { deceased = try ResidentID(input.deceasedIdNumber.trimmedWhitespace, today: clock.today) } catch {
            throw Refusal.invalid("deceasedIdNumber", "逝者身份证号无效：\(error)")
        }
        do { try await DeathCheck(db: db, cipher: cipher).require(deceased) } catch let refusal as Refusal {
            throw Refusal(refusal.kind, refusal.message, field: "deceasedIdNumber")
        }
        var inputs: [FuneralBillLineInput] = []
        for (i, line) in input.lines.enumerated() {
            guard let day = CivilDate(line.day) else {
                throw Refusal.invalid("lines[\(i)]", "第 \(i + 1) 行：日期格式应为 YYYY-MM-DD")
            }
            if day > clock.today { throw Refusal.invalid("lines[\(i)]", "第 \(i + 1) 行：服务日期不能晚于今天") }
            inputs.append(
                FuneralBillLineInput(
                    code: line.code, day: day, quantity: line.quantity, unitPrice: line.unitFen.map { Fen($0) }))
        }
        let firstDay = inputs.map(\.day).min() ?? clock.today
        let (eligibility, reason, facts) = try await eligibility(
            deceased, pensionGrant: input.pensionFuneralGrant ?? false, on: firstDay)
        let parameters = try await Self.parameters(db: db, region: home.region, on: firstDay)
        let list = try await store.prices(home: home.id)
        let lines = try FuneralBilling.price(inputs, list: list, eligibility: eligibility, parameters: parameters)
        let (id, now, cipher, name, clock) = (UUID(), clock.now, cipher, user.displayName, clock)
        try await writer.transaction { tx, audit in
            try await FuneralStore(db: tx).insertBill(
                id: id, home: home,
                deceased: (cipher.blindIndex(deceased.value), cipher.encrypt(deceased.value), deceased.masked),
                person: facts?.person, eligibility: eligibility, reason: reason, source: "cashier", lines: lines,
                by: name, at: now)
            try await audit.record(
                "funeral.bill.create", entity: "funeral_bill", id: id.uuidString, region: home.region,
                after: [
                    "home": home.name, "deceased": deceased.masked, "eligibility": reason,
                    "payableFen": "\(lines.reduce(Fen.zero) { $0 + $1.payable }.value)", "lines": "\(lines.count)",
                ])
            // A tree, sea or scattering burial of a Changzhou deceased: the eco-burial subsidy to the street.
            if let facts, let eco = lines.first(where: { $0.category == .ecoBurial }) {
                try await FuneralSubsidyProposer(db: tx, clock: clock, audit: audit).afterEcoBurial(
                    facts, how: "\(home.name) \(eco.name)", on: eco.day, source: "bill")
            }
        }
        return try await bill(id, by: user)
    }

    func bill(_ id: UUID, by user: CurrentUser) async throws -> FuneralBillRecord {
        try user.require(.handleBookings)
        guard let bill = try await store.bill(id), bill.region.hasPrefix(user.region.value) else {
            throw Refusal.notFound("殡葬服务账单")
        }
        return bill
    }

    func bills(by user: CurrentUser) async throws -> [FuneralBillRecord] {
        try user.require(.handleBookings)
        return try await store.bills(within: user.scope)
    }

    /// One bill the price-order check found wrong, with every finding.
    struct Finding: Content {
        let billId: UUID
        let home: String
        let deceased: String
        let createdAt: Date
        let payableFen: Int64
        let problems: [String]
    }

    /// The price-order check (殡葬服务收费专项检查): every bill of the user's region that
    /// charged above the list of its day or charged for what was free.
    func priceCheck(by user: CurrentUser) async throws -> [Finding] {
        let bills = try await bills(by: user)
        var lists: [UUID: FuneralPriceList] = [:]
        var homes: [UUID: String] = [:]
        var findings: [Finding] = []
        for bill in bills {
            if lists[bill.home] == nil {
                lists[bill.home] = try await store.prices(home: bill.home)
                homes[bill.home] = try await store.home(bill.home)?.name ?? ""
            }
            let firstDay = bill.lines.map(\.day).min() ?? clock.today
            let parameters = try await Self.parameters(db: db, region: bill.region, on: firstDay)
            let found = FuneralBilling.check(
                bill.lines, list: lists[bill.home] ?? FuneralPriceList(rows: []), eligibility: bill.eligibility,
                parameters: parameters)
            guard !found.isEmpty else { continue }
            findings.append(
                Finding(
                    billId: bill.id, home: homes[bill.home] ?? "", deceased: bill.deceasedMasked,
                    createdAt: bill.createdAt, payableFen: bill.payable.value, problems: found.map(\.explanation)))
        }
        return findings
    }
}

extension Request {
    var funeral: FuneralService {
        FuneralService(db: sql, writer: writer, clock: platform.clock, cipher: platform.cipher)
    }
}

extension Application {
    func funeralService(actor: AuditActor) -> FuneralService {
        FuneralService(db: sql, writer: writer(actor: actor), clock: platform.clock, cipher: platform.cipher)
    }
}
