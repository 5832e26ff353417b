import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The registry of social organisations as one signed-in user works it: the registry clerk
/// (`manageOrganisations`, within the region) registers, opens accounts, reviews reports and
/// runs the sweep; an organisation's own account (`fileOrganisationReport`) sees its own
/// organisation only (any other answers 404) and files its annual reports.
struct OrganisationRegistry {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock
    let cipher: FieldCipher
    let regions: RegionTable
    let user: CurrentUser

    private var store: OrganisationStore { OrganisationStore(db: db) }

    func parameters() async throws -> OrganisationParameters {
        try await PolicyStore(db: db).parameters(for: RegionTable.changzhou.value, month: clock.today.yearMonth)
            .organisations
    }

    // MARK: the clerk's registry

    func list(_ query: OrganisationStore.ListQuery, page: PageRequest) async throws -> Page<OrganisationRecord> {
        try user.require(.manageOrganisations)
        return try await store.list(within: user.scope, query, page: page)
    }

    /// The organisation, when the user may see it: the clerk's within the region, the
    /// organisation's account its own; otherwise 404.
    func find(_ id: UUID?) async throws -> OrganisationRecord {
        guard let id else { throw Refusal.notFound("社会组织") }
        if user.role.may(.fileOrganisationReport) {
            guard try await store.organisation(ofAccount: user.id) == id,
                let found = try await store.find(id, within: OrganisationStore.city)
            else { throw Refusal.notFound("社会组织") }
            return found
        }
        try user.require(.manageOrganisations)
        guard let found = try await store.find(id, within: user.scope) else { throw Refusal.notFound("社会组织") }
        return found
    }

    /// The organisation of the signed-in organisation's account.
    func own() async throws -> OrganisationRecord {
        try user.require(.fileOrganisationReport)
        return try await find(try await store.organisation(ofAccount: user.id))
    }

    func create(_ input: OrganisationDraft.Input) async throws -> OrganisationRecord {
        try user.require(.manageOrganisations)
        let today = clock.today
        let d = try RegistryInput.check { () throws(FieldProblem) in
            try OrganisationDraft.validated(input, today: today)
        }
        guard regions.isKnownOrCommunityOfKnownStreet(d.region), RegionTable.changzhou.contains(d.region) else {
            throw Refusal.invalid("region", "住所所在区划 \(d.region.value) 不是常州市的街道或社区")
        }
        guard user.region.contains(d.region) else {
            throw Refusal.invalid("region", "住所所在区划 \(d.region.value) 不在您的管辖范围")
        }
        let representative = try await seal(d.representative)
        let (id, now, name) = (UUID(), clock.now, user.displayName)
        try await writer.transaction { tx, audit in
            try await OrganisationStore(db: tx).insert(id: id, d, representative: representative, by: name, at: now)
            try await audit.record(
                "organisation.create", entity: "organisation", id: id.uuidString, region: d.region.value,
                after: [
                    "creditCode": d.creditCode.value, "name": d.name, "kind": d.kind.rawValue,
                    "representative": representative.masked, "registeredOn": d.registeredOn.description,
                ])
        }
        return try await find(id)
    }

    /// A registry person's sealed ID is copied (they are in the user's region); an outsider's is sealed here.
    func seal(_ r: OrganisationDraft.Representative) async throws -> OrganisationStore.SealedRepresentative {
        switch r {
        case .person(let text):
            guard let id = UUID(uuidString: text),
                let row = try await db.raw(
                    """
                    SELECT name, id_cipher, id_index, id_masked FROM persons
                    WHERE id = \(bind: id) AND \(user.scope.condition("region"))
                    """
                ).first()
            else {
                throw Refusal.invalid("legalRepresentativePersonId", "法定代表人不在您辖区的人员档案中")
            }
            return OrganisationStore.SealedRepresentative(
                personID: id, name: try row.decode(column: "name", as: String.self),
                cipher: try row.decode(column: "id_cipher", as: String.self),
                index: try row.decode(column: "id_index", as: String.self),
                masked: try row.decode(column: "id_masked", as: String.self))
        case .outsider(let name, let id):
            return OrganisationStore.SealedRepresentative(
                personID: nil, name: name, cipher: cipher.encrypt(id.value), index: cipher.blindIndex(id.value),
                masked: id.masked)
        }
    }

    struct AccountInput: Content {
        var username: String?
        var password: String?
    }

    struct OpenedAccount: Content {
        let userId: UUID
        let username: String
    }

    /// Opens the organisation's own account (its secretary changes the password on first sign-in).
    func openAccount(
        _ id: UUID?, _ input: AccountInput, hash: (String) async throws -> String
    ) async throws
        -> OpenedAccount
    {
        let organisation = try await find(id)
        try user.require(.manageOrganisations)
        guard let region = RegionCode(organisation.region) else { throw Refusal.notFound("社会组织") }
        let account = try await AccountStore.prepare(
            username: input.username ?? "", displayName: organisation.name, password: input.password ?? "",
            role: .organisation, region: region, mustChangePassword: true, hash: hash)
        let userID = try await writer.transaction { tx, audit in
            let userID = try await AccountStore(db: tx).insert(account)
            try await OrganisationStore(db: tx).linkAccount(user: userID, to: organisation.id)
            try await audit.record(
                "organisation.account", entity: "user", id: userID.uuidString, region: organisation.region,
                after: [
                    "role": Role.organisation.rawValue, "organisationId": organisation.id.uuidString,
                    "username": account.username,
                ])
            return userID
        }
        return OpenedAccount(userId: userID, username: account.username)
    }

    // MARK: annual reports

    func history(_ id: UUID?) async throws -> [OrganisationStatusEntry] {
        try await store.history(try await find(id).id)
    }

    func reports(_ id: UUID?) async throws -> [AnnualReportRecord] {
        try await store.reports(try await find(id).id)
    }

    func notices(_ id: UUID?) async throws -> [OrganisationNotice] {
        try await store.notices(try await find(id).id)
    }

    /// Files the report on a year (by default the last) for the organisation of the account.
    func file(_ id: UUID?, _ input: AnnualReportDraft.Input) async throws -> AnnualReportRecord {
        try user.require(.fileOrganisationReport)
        let organisation = try await find(id)
        guard let status = OrganisationStatus(rawValue: organisation.status), status.isRegistered,
            let registered = CivilDate(organisation.registeredOn)
        else { throw Refusal(.conflict, "本组织已\(organisation.statusName)，不再报送年度报告") }
        let today = clock.today
        let d = try RegistryInput.check { () throws(FieldProblem) in
            try AnnualReportDraft.validated(input, registeredOn: registered, today: today)
        }
        let deadline = try await parameters().deadline(forReportOn: d.year)
        let late = today > deadline
        let (now, name) = (clock.now, user.displayName)
        try await writer.transaction { tx, audit in
            guard
                try await OrganisationStore(db: tx).insertReport(
                    organisation.id, d, on: today, late: late, by: name, at: now)
            else { throw Refusal(.conflict, "\(d.year) 年度报告已报送", field: "year") }
            try await audit.record(
                "organisation.report.file", entity: "organisation", id: organisation.id.uuidString,
                region: organisation.region,
                after: [
                    "year": "\(d.year)", "activities": "\(d.activities)", "incomeFen": "\(d.income.value)",
                    "expenditureFen": "\(d.expenditure.value)", "late": late ? "true" : "false",
                ])
        }
        guard let filed = try await store.report(organisation.id, year: d.year) else { throw Refusal.notFound("年度报告") }
        return filed
    }

    struct Review: Content {
        var outcome: String?
        var note: String?
        var version: Int?
    }

    /// The clerk's conclusion on a filed report: 合格, 基本合格 or 不合格 (a reason required for the last two).
    func review(_ id: UUID?, year: Int?, _ input: Review) async throws -> AnnualReportRecord {
        try user.require(.manageOrganisations)
        let organisation = try await find(id)
        guard let year, let report = try await store.report(organisation.id, year: year) else {
            throw Refusal.notFound("年度报告")
        }
        guard let outcome = input.outcome.flatMap(AnnualReportOutcome.init(rawValue:)) else {
            throw Refusal.invalid("outcome", "年检结论应为 qualified（合格）、basicallyQualified（基本合格）或 unqualified（不合格）")
        }
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.note, field: "note", label: "说明")
        }
        if outcome != .qualified, note == nil { throw Refusal.invalid("note", "基本合格、不合格须说明理由") }
        guard report.outcome == nil else { throw Refusal(.conflict, "\(year) 年度报告已有年检结论", field: "outcome") }
        guard let version = input.version else { throw Refusal.invalid("version", "缺少 version（当前版本号）") }
        guard version == report.version else { throw Refusal.staleVersion(current: report.version) }
        let (now, name) = (clock.now, user.displayName)
        try await writer.transaction { tx, audit in
            guard
                try await OrganisationStore(db: tx).review(
                    organisation.id, year: year, version: version, outcome: outcome, note: note, by: name, at: now)
            else { throw Refusal.staleVersion(current: version + 1) }
            try await audit.record(
                "organisation.report.review", entity: "organisation", id: organisation.id.uuidString,
                region: organisation.region,
                after: ["year": "\(year)", "outcome": outcome.rawValue, "note": note ?? ""])
        }
        guard let reviewed = try await store.report(organisation.id, year: year) else { throw Refusal.notFound("年度报告") }
        return reviewed
    }

    /// The dormant sweep of the clerk's region, today.
    func dormant() async throws -> [OrganisationStore.DormantCandidate] {
        try user.require(.manageOrganisations)
        return try await store.dormant(within: user.scope, on: clock.today, try await parameters())
    }

    func publicNotices(page: PageRequest) async throws -> Page<OrganisationNotice> {
        try user.require(.manageOrganisations)
        return try await store.publicNotices(within: user.scope, page: page)
    }
}

extension Request {
    func organisations() throws -> OrganisationRegistry {
        OrganisationRegistry(
            db: sql, writer: writer, clock: platform.clock, cipher: platform.cipher, regions: platform.regions,
            user: try user)
    }
}

/// The month's credit run (ORGANISATIONS.md) over the registered organisations, in one audited
/// transaction: reminders in the last days of the window, a missed report onto the abnormal list
/// with a public notice, removal on correction, two years there onto the serious-violation list,
/// two missed years in a row proposing revocation. The hourly round runs it for the current month
/// and `minzheng organisations credit-run` by hand; running it again changes nothing.
struct OrganisationCreditRun {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock

    struct Change: Content, Equatable {
        let organisationId: UUID
        let change: String
        let year: Int?
    }

    struct Outcome: Content, Equatable {
        var month = ""
        var listedAbnormal = 0
        var removedAbnormal = 0
        var listedSerious = 0
        var revocationProposed = 0
        var reminded = 0
        var changes: [Change] = []
    }

    /// Evaluates on the first day of `month` (the reminders on `today` when it falls in the month).
    func run(month: YearMonth, within scope: RegionScope) async throws -> Outcome {
        let parameters = try await PolicyStore(db: db).parameters(for: RegionTable.changzhou.value, month: month)
            .organisations
        let day = month.firstDay
        let today = clock.today
        let remindOn = today.yearMonth == month ? today : day
        let now = clock.now
        return try await writer.transaction { tx, audit in
            let store = OrganisationStore(db: tx)
            var result = Outcome(month: month.description)
            for c in try await store.creditCandidates(within: scope) {
                if let year = OrganisationCredit.reminderYear(c.facts, on: remindOn, parameters) {
                    let deadline = parameters.deadline(forReportOn: year)
                    if try await store.insertNotice(
                        c.id, kind: "reminder", key: "\(year)",
                        text: "请于 \(deadline) 前报送 \(year) 年度工作报告，逾期将列入活动异常名录", isPublic: false, on: remindOn,
                        at: now)
                    {
                        try await audit.record(
                            "organisation.remind", entity: "organisation", id: c.id.uuidString, region: c.region,
                            after: ["year": "\(year)", "deadline": deadline.description])
                        result.reminded += 1
                    }
                }
                for change in OrganisationCredit.evaluate(c.facts, on: day, parameters) {
                    try await apply(change, to: c, on: day, store: store, audit: audit, at: now, into: &result)
                }
            }
            return result
        }
    }

    private func apply(
        _ change: CreditChange, to c: OrganisationStore.CreditCandidate, on day: CivilDate, store: OrganisationStore,
        audit: AuditRecorder, at now: Date, into result: inout Outcome
    ) async throws {
        let by = "每月信用规则"
        switch change {
        case .listAbnormal(let year):
            let reason = "未按规定报送 \(year) 年度工作报告"
            try await store.setStatus(c.id, .abnormal, since: day, missedReport: true, reason: reason, by: by, at: now)
            _ = try await store.insertNotice(
                c.id, kind: "abnormal", key: day.description, text: "\(c.name) 因\(reason)，自 \(day) 起列入活动异常名录",
                isPublic: true, on: day, at: now)
            try await audit.record(
                "organisation.listAbnormal", entity: "organisation", id: c.id.uuidString, region: c.region,
                after: ["year": "\(year)", "since": day.description])
            result.listedAbnormal += 1
            result.changes.append(Change(organisationId: c.id, change: "listAbnormal", year: year))
        case .removeAbnormal:
            try await store.setStatus(
                c.id, .normal, since: day, missedReport: false, reason: "已补报年度工作报告，移出活动异常名录", by: by, at: now)
            _ = try await store.insertNotice(
                c.id, kind: "removal", key: day.description, text: "\(c.name) 已补报年度工作报告，自 \(day) 起移出活动异常名录",
                isPublic: true, on: day, at: now)
            try await audit.record(
                "organisation.removeAbnormal", entity: "organisation", id: c.id.uuidString, region: c.region,
                after: ["since": day.description])
            result.removedAbnormal += 1
            result.changes.append(Change(organisationId: c.id, change: "removeAbnormal", year: nil))
        case .listSerious(let since):
            let reason = "自 \(since) 列入活动异常名录满期未移出"
            try await store.setStatus(
                c.id, .seriousViolation, since: day, missedReport: c.facts.listedForMissedReport, reason: reason,
                by: by,
                at: now)
            _ = try await store.insertNotice(
                c.id, kind: "serious", key: day.description, text: "\(c.name) \(reason)，自 \(day) 起列入严重违法失信名单",
                isPublic: true, on: day, at: now)
            try await audit.record(
                "organisation.listSerious", entity: "organisation", id: c.id.uuidString, region: c.region,
                after: ["abnormalSince": since.description, "since": day.description])
            result.listedSerious += 1
            result.changes.append(Change(organisationId: c.id, change: "listSerious", year: nil))
        case .proposeRevocation(let years):
            try await store.proposeRevocation(c.id, on: day, at: now)
            let text = "连续 \(years.count) 年未参加年检（\(years.map(String.init).joined(separator: "、"))），提请撤销登记"
            _ = try await store.insertNotice(
                c.id, kind: "revocationProposed", key: day.description, text: text, isPublic: false, on: day, at: now)
            try await audit.record(
                "organisation.proposeRevocation", entity: "organisation", id: c.id.uuidString, region: c.region,
                after: ["years": years.map(String.init).joined(separator: ","), "on": day.description])
            result.revocationProposed += 1
            result.changes.append(Change(organisationId: c.id, change: "proposeRevocation", year: years.last))
        }
    }

    /// The hourly round's step: this month, the whole city (idempotent).
    static func hourly(_ app: Application) async {
        let month = app.platform.clock.today.yearMonth
        do {
            let r = try await app.organisationCredit(actor: .system("monitoring-timer")).run(
                month: month, within: OrganisationStore.city)
            if !r.changes.isEmpty || r.reminded > 0 {
                app.logger.info(
                    "organisations \(month): \(r.listedAbnormal) abnormal, \(r.removedAbnormal) removed, \(r.listedSerious) serious, \(r.revocationProposed) revocations proposed, \(r.reminded) reminded"
                )
            }
        } catch {
            app.logger.report(error: error)
        }
    }
}

extension Application {
    func organisationCredit(actor: AuditActor) -> OrganisationCreditRun {
        OrganisationCreditRun(db: sql, writer: writer(actor: actor), clock: platform.clock)
    }
}

/// `minzheng organisations credit-run [--month YYYY-MM]` and `minzheng organisations dormant`.
struct OrganisationCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["credit-run": CreditRunCommand(), "dormant": DormantCommand()] }
    var help: String { "社会组织：organisations credit-run（年报提醒与信用规则月度运行）| organisations dormant（僵尸型排查）" }

    struct CreditRunCommand: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "month", help: "the month, YYYY-MM (default this month)")
            var month: String?
        }
        var help: String { "年报提醒；未报列入活动异常名录，满期列入严重违法失信名单，连续未年检提请撤销登记" }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            let month = try commandMonth(signature.month, today: app.platform.clock.today)
            let result = try await app.organisationCredit(actor: .system("cli:organisations")).run(
                month: month, within: OrganisationStore.city)
            context.console.output("\(jsonLine(result))")
        }
    }

    struct DormantCommand: AsyncCommand {
        struct Signature: CommandSignature {}
        var help: String { "僵尸型社会组织排查：每个疑似对象及其依据（JSON）" }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            let today = app.platform.clock.today
            let p = try await PolicyStore(db: app.sql).parameters(
                for: RegionTable.changzhou.value, month: today.yearMonth
            )
            .organisations
            let found = try await OrganisationStore(db: app.sql).dormant(within: OrganisationStore.city, on: today, p)
            context.console.output(
                "\(jsonLine(DormantList(on: today.description, count: found.count, candidates: found)))")
        }
    }

    struct DormantList: Content {
        let on: String
        let count: Int
        let candidates: [OrganisationStore.DormantCandidate]
    }
}
