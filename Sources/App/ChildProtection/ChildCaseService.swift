import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// 未成年人救助保护热线 and 强制报告: the office takes a report (triaged on the spot), assigns a
/// worker and the street's supervisor; they record contact, visits and the plan, refer to
/// partners and close with the supervisor's approval. Only the office, the worker and the
/// supervisor learn that a case exists (anyone else: 404); every opening of a case is an
/// audit event; who reported is shown to the member of staff who took the report and nobody else.
struct ChildCaseService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock
    let cipher: FieldCipher
    let regions: RegionTable
    let user: CurrentUser

    init(
        db: SQLDatabase, writer: AuditedWriter, clock: PlatformClock, cipher: FieldCipher, regions: RegionTable,
        user: CurrentUser
    ) throws {
        guard user.role.may(.protectChildren) || user.role.may(.workChildCases) else {
            throw Refusal(.forbidden, "您的角色（\(user.role.chinese)）无权查看未成年人保护个案")
        }
        (self.db, self.writer, self.clock, self.cipher, self.regions, self.user) =
            (db, writer, clock, cipher, regions, user)
    }

    private var store: ChildCaseStore { ChildCaseStore(db: db) }

    // MARK: Reading

    /// The office's cases of its region, or the cases one is assigned to.
    var reach: ChildCaseStore.Reach {
        user.role.may(.protectChildren) ? .office(user.scope) : .assignedTo(user.id)
    }

    func list(closed: Bool, page: PageRequest) async throws -> Page<ChildCaseSummary> {
        let (rows, total) = try await store.list(reach, open: !closed, page: page)
        let now = clock.now
        return Page(
            items: rows.map { ChildCaseSummary($0, regions: regions, now: now) }, total: total, page: page.page,
            perPage: page.perPage)
    }

    func viewer(of row: ChildCaseStore.Row) -> ChildCaseViewer {
        ChildCaseViewer(
            isOffice: user.role.may(.protectChildren) && user.scope.region.contains(RegionCode(row.region)!),
            isWorker: row.workerId == user.id && user.role.may(.workChildCases),
            isSupervisor: row.supervisorId == user.id && user.role.may(.workChildCases),
            tookReport: row.intakeUserId == user.id)
    }

    /// The case if the user is on it or its office; 404 otherwise, as for a case that does not exist.
    func row(_ id: UUID?) async throws -> (ChildCaseStore.Row, ChildCaseViewer) {
        guard let id, let row = try await store.find(id) else { throw Refusal.notFound("个案") }
        let viewer = viewer(of: row)
        guard viewer.sees else { throw Refusal.notFound("个案") }
        return (row, viewer)
    }

    /// Opens a case: the whole record as the user may read it, the opening audited.
    func open(_ id: UUID?) async throws -> ChildCaseDetail {
        let (row, viewer) = try await row(id)
        try await writer.transaction { _, audit in
            try await audit.record(
                "childCase.view", entity: "child_case", id: row.id.uuidString, region: row.region,
                after: ["number": row.number])
        }
        return try await detail(row, viewer: viewer)
    }

    func detail(_ row: ChildCaseStore.Row, viewer: ChildCaseViewer) async throws -> ChildCaseDetail {
        let sealed = try JSONDecoder().decode(ChildCaseSealed.self, from: Data(try cipher.decrypt(row.caseCipher).utf8))
        let entries = try await store.entries(case: row.id).map { entry in
            ChildCaseDetail.Entry(
                kind: entry.kind, kindName: ChildCaseEntryKind(rawValue: entry.kind)?.chinese ?? entry.kind,
                text: try cipher.decrypt(entry.textCipher), contactOn: entry.contactOn, byName: entry.byName,
                at: BeijingTime.timestamp(entry.createdAt))
        }
        let today = clock.today
        let referrals = try await store.referrals(case: row.id).map { referral in
            let text = try JSONDecoder().decode(
                ChildReferralSealed.self, from: Data(try cipher.decrypt(referral.textCipher).utf8))
            return ChildCaseDetail.Referral(
                id: referral.id, partner: referral.partner,
                partnerName: ChildCasePartner(rawValue: referral.partner)?.chinese ?? referral.partner,
                request: text.request, answer: text.answer, sentOn: referral.sentOn, answerDueOn: referral.answerDueOn,
                answeredOn: referral.answeredOn,
                overdue: referral.answeredOn == nil && (CivilDate(referral.answerDueOn).map { $0 < today } ?? false),
                chasedAt: referral.chasedAt.map(BeijingTime.timestamp))
        }
        let parameters = try await PolicyStore(db: db).parameters(for: row.region, month: today.yearMonth)
            .childProtection
        return ChildCaseDetail(
            row, sealed: sealed, viewer: viewer, regions: regions, now: clock.now, today: today,
            parameters: parameters, entries: entries, referrals: referrals)
    }

    // MARK: Intake

    struct Intake: Content {
        var channel: String?
        var reporterKind: String?
        var reporterName: String?
        var reporterPhone: String?
        var reporterOrganisation: String?
        var concerns: [String]?
        var account: String?
        /// A child on the registry, by ID number; otherwise name, age and region.
        var childIdNumber: String?
        var childName: String?
        var childAgeYears: Int?
        var childDescription: String?
        var region: String?
    }

    func report(_ input: Intake) async throws -> ChildCaseDetail {
        try user.require(.protectChildren)
        guard let channel = input.channel.flatMap(ChildCaseChannel.init(rawValue:)) else {
            throw Refusal.invalid("channel", "来源应为 hotline（热线）或 mandatedReport（强制报告）")
        }
        guard let reporterKind = input.reporterKind.flatMap(ChildCaseReporterKind.init(rawValue:)) else {
            throw Refusal.invalid(
                "reporterKind", "报告人类别应为 " + ChildCaseReporterKind.allCases.map(\.rawValue).joined(separator: "、"))
        }
        if channel == .mandatedReport, !reporterKind.isMandated {
            throw Refusal.invalid("reporterKind", "强制报告须由负有报告义务的单位或个人提出")
        }
        var concerns = Set<ChildCaseConcern>()
        for code in input.concerns ?? [] {
            guard let concern = ChildCaseConcern(rawValue: code) else {
                throw Refusal.invalid("concerns", "未知的情形 \(code)")
            }
            concerns.insert(concern)
        }
        guard !concerns.isEmpty else { throw Refusal.invalid("concerns", "请至少选择一项反映的情形") }
        let (account, reporter, childName, description) = try RegistryInput.check {
            () throws(FieldProblem) in
            (
                try InputRules.text(input.account, field: "account", label: "反映内容") ?? "",
                ChildCaseSealed.Reporter(
                    name: try InputRules.line(
                        input.reporterName, field: "reporterName", label: "报告人姓名", maximumLength: 50,
                        required: false),
                    phone: try RegistryValidation.phone(input.reporterPhone, field: "reporterPhone"),
                    organisation: try InputRules.line(
                        input.reporterOrganisation, field: "reporterOrganisation", label: "报告单位",
                        maximumLength: 100, required: channel == .mandatedReport)),
                try InputRules.line(
                    input.childName, field: "childName", label: "儿童姓名", maximumLength: 50, required: false),
                try InputRules.text(input.childDescription, field: "childDescription", label: "儿童情况")
            )
        }
        guard !account.isEmpty else { throw Refusal.invalid("account", "反映内容不能为空") }
        let child = try await self.child(input, name: childName, description: description)
        let now = clock.now
        let day = BeijingTime.day(of: now)
        let urgency = ChildCaseRules.urgency(of: concerns)
        let parameters = try await PolicyStore(db: db).parameters(for: child.region, month: day.yearMonth)
            .childProtection
        let due: Date
        switch ChildCaseRules.responseDeadline(urgency, reportedOn: day, parameters: parameters, calendar: .china) {
        case .hoursAfterReport(let hours): due = now.addingTimeInterval(TimeInterval(hours * 3600))
        case .endOfDay(let last): due = BeijingTime.startOfDay(last.adding(days: 1))
        }
        let sealed = ChildCaseSealed(
            reporter: reporter.isEmpty ? nil : reporter, account: account, child: child.sealed, plan: nil)
        let (cipher, user) = (cipher, user)
        let concernCodes = ChildCaseConcern.allCases.filter(concerns.contains).map(\.rawValue).joined(separator: ",")
        let id = UUID()
        try await writer.transaction { tx, audit in
            let store = ChildCaseStore(db: tx)
            let number = try await store.nextNumber(year: day.year)
            try await store.insert(
                ChildCaseStore.Row(
                    id: id, number: number, channel: channel.rawValue, reporterKind: reporterKind.rawValue,
                    concerns: concernCodes,
                    urgency: urgency.rawValue, status: ChildCaseStatus.reported.rawValue,
                    caseCipher: cipher.encrypt(try sealed.json()), childPersonId: child.person,
                    childMasked: ChildCaseRules.maskedName(child.sealed.name), region: child.region, reportedAt: now,
                    responseDueAt: due, intakeUserId: user.id, intakeName: user.displayName, version: 1),
                at: now)
            try await audit.record(
                "childCase.report", entity: "child_case", id: id.uuidString, region: child.region,
                after: [
                    "number": number, "channel": channel.rawValue, "reporterKind": reporterKind.rawValue,
                    "urgency": urgency.rawValue,
                ])
        }
        return try await open(id)
    }

    private struct Child {
        let person: UUID?
        let region: String
        let sealed: ChildCaseSealed.Child
    }

    /// The child on the registry (by ID number, within the office's region), or as described.
    private func child(_ input: Intake, name: String?, description: String?) async throws -> Child {
        if let number = input.childIdNumber, !number.isEmpty {
            guard let id = try? ResidentID(number, today: clock.today) else {
                throw Refusal.invalid("childIdNumber", "身份证号码无效")
            }
            let registry = RegistryStore(db: db, cipher: cipher, regions: regions, clock: clock)
            guard let personID = try await registry.personID(blindIndexes: cipher.blindIndexes(id.value)),
                let person = try await registry.person(id: personID, within: user.scope)
            else { throw Refusal.invalid("childIdNumber", "登记信息中没有这名儿童，请改填姓名、年龄和所在街道") }
            let age = CivilDate(person.birthDate).map { $0.age(on: clock.today) }
            guard let age, age < 18 else { throw Refusal.invalid("childIdNumber", "此人已年满 18 周岁，不属未成年人保护个案") }
            return Child(
                person: person.id, region: person.region,
                sealed: ChildCaseSealed.Child(name: person.name, ageYears: age, description: description))
        }
        guard let name else { throw Refusal.invalid("childName", "请填写儿童身份证号码，或姓名（不详可填“不详”）") }
        guard let age = input.childAgeYears, (0..<18).contains(age) else {
            throw Refusal.invalid("childAgeYears", "儿童年龄应为 0 至 17 岁")
        }
        guard let region = input.region.flatMap(RegionCode.init), region.level >= .street,
            user.scope.region.contains(region), regions.contains(region)
        else { throw Refusal.invalid("region", "请选择儿童所在的街道或社区") }
        return Child(
            person: nil, region: region.value,
            sealed: ChildCaseSealed.Child(name: name, ageYears: age, description: description))
    }

    // MARK: Steps

    struct Assignment: Content {
        var workerId: UUID?
        var supervisorId: UUID?
        var version: Int?
    }

    /// The staff who may take a case of `region`: its street's community workers and street
    /// officers (workers), and its street officers (supervisors).
    func assignable(region: String) async throws -> (workers: [UserSummary], supervisors: [UserSummary]) {
        let street = RegionCode(String(region.prefix(9))) ?? RegionCode(region)!
        let staff = try await UserStore(db: db).active(
            roles: [.communityWorker, .streetOfficer], within: RegionScope(street))
        return (staff, staff.filter { $0.role == Role.streetOfficer.rawValue })
    }

    func assign(_ id: UUID?, _ input: Assignment) async throws -> ChildCaseDetail {
        var (row, viewer) = try await row(id)
        let next = try ChildCaseRules.next(ChildCaseStatus(rawValue: row.status) ?? .reported, .assign, by: viewer)
            .get()
        let (workers, supervisors) = try await assignable(region: row.region)
        guard let worker = workers.first(where: { $0.id == input.workerId }) else {
            throw Refusal.invalid("workerId", "承办人应为儿童所在街道的社区工作者或街道经办人")
        }
        guard let supervisor = supervisors.first(where: { $0.id == input.supervisorId }) else {
            throw Refusal.invalid("supervisorId", "督导员应为儿童所在街道的街道经办人（儿童督导员）")
        }
        guard worker.id != supervisor.id else { throw Refusal.invalid("supervisorId", "督导员不能与承办人为同一人") }
        try check(version: input.version, of: row)
        let before = ["worker": row.workerName ?? "", "supervisor": row.supervisorName ?? "", "status": row.status]
        row.status = next.rawValue
        (row.workerId, row.workerName) = (worker.id, worker.displayName)
        (row.supervisorId, row.supervisorName) = (supervisor.id, supervisor.displayName)
        row.assignedAt = clock.now
        return try await save(
            row, action: "childCase.assign", before: before,
            after: ["worker": worker.displayName, "supervisor": supervisor.displayName, "status": next.rawValue])
    }

    struct Record: Content {
        var kind: String?
        var text: String?
        /// The day of the contact (a visit recorded afterwards); today by default.
        var contactOn: String?
        /// With `kind: plan`: visit the child every so many days (never more than the parameter).
        var visitEveryDays: Int?
        var version: Int?
    }

    func record(_ id: UUID?, _ input: Record) async throws -> ChildCaseDetail {
        var (row, viewer) = try await row(id)
        guard let kind = input.kind.flatMap(ChildCaseEntryKind.init(rawValue:)) else {
            throw Refusal.invalid("kind", "记录类别应为 response、visit、note 或 plan")
        }
        let next = try ChildCaseRules.next(
            ChildCaseStatus(rawValue: row.status) ?? .reported, .record, by: viewer,
            entry: kind
        ).get()
        let text = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.text, field: "text", label: "记录内容")
        }
        guard let text else { throw Refusal.invalid("text", "记录内容不能为空") }
        let today = clock.today
        let contactOn =
            try input.contactOn.map {
                guard let day = CivilDate($0), day <= today,
                    row.reportedAt <= BeijingTime.startOfDay(day.adding(days: 1))
                else { throw Refusal.invalid("contactOn", "日期应在报告之后、今天之前（YYYY-MM-DD）") }
                return day
            } ?? today
        try check(version: input.version, of: row)
        if kind == .plan {
            guard let days = input.visitEveryDays, (1...366).contains(days) else {
                throw Refusal.invalid("visitEveryDays", "请填写计划的走访间隔（1 至 366 天）")
            }
            var sealed = try opened(row)
            sealed.plan = text
            row.caseCipher = cipher.encrypt(try sealed.json())
            row.planIntervalDays = days
        }
        if kind == .response || kind == .visit {
            if row.respondedAt == nil { row.respondedAt = clock.now }
            if row.lastContactOn.flatMap(CivilDate.init).map({ $0 < contactOn }) ?? true {
                row.lastContactOn = contactOn.description
            }
        }
        let before = ["status": row.status]
        row.status = next.rawValue
        let (user, now, caseID) = (user, clock.now, row.id)
        let entry = cipher.encrypt(text)
        return try await save(
            row, action: "childCase.record", before: before,
            after: ["kind": kind.rawValue, "contactOn": contactOn.description, "status": next.rawValue]
        ) { tx in
            try await ChildCaseStore(db: tx).insertEntry(
                case: caseID, kind: kind, textCipher: entry, contactOn: contactOn, by: user, at: now)
        }
    }

    struct Refer: Content {
        var partner: String?
        var request: String?
    }

    func refer(_ id: UUID?, _ input: Refer) async throws -> ChildCaseDetail {
        let (row, viewer) = try await row(id)
        _ = try ChildCaseRules.next(ChildCaseStatus(rawValue: row.status) ?? .reported, .refer, by: viewer).get()
        guard let partner = input.partner.flatMap(ChildCasePartner.init(rawValue:)) else {
            throw Refusal.invalid("partner", "转介部门应为 police、education、health 或 court")
        }
        let request = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.request, field: "request", label: "转介事项")
        }
        guard let request else { throw Refusal.invalid("request", "转介事项不能为空") }
        let today = clock.today
        let parameters = try await PolicyStore(db: db).parameters(for: row.region, month: today.yearMonth)
            .childProtection
        let due = ChildCaseRules.referralAnswerDue(sentOn: today, parameters: parameters, calendar: .china)
        let sealed = cipher.encrypt(try ChildReferralSealed(request: request, answer: nil).json())
        let (name, now) = (user.displayName, clock.now)
        try await writer.transaction { tx, audit in
            let referral = try await ChildCaseStore(db: tx).insertReferral(
                case: row.id, partner: partner, textCipher: sealed, sentOn: today, dueOn: due, by: name, at: now)
            try await audit.record(
                "childCase.refer", entity: "child_case", id: row.id.uuidString, region: row.region,
                after: ["referral": referral.uuidString, "partner": partner.rawValue, "answerDueOn": due.description])
        }
        return try await detail(row, viewer: viewer)
    }

    struct Answer: Content {
        var answer: String?
        /// `chase` marks the referral chased instead of recording an answer.
        var action: String?
    }

    func answer(_ id: UUID?, referral: UUID?, _ input: Answer) async throws -> ChildCaseDetail {
        let (row, viewer) = try await row(id)
        _ = try ChildCaseRules.next(ChildCaseStatus(rawValue: row.status) ?? .reported, .answerReferral, by: viewer)
            .get()
        guard let referral, let found = try await store.referrals(case: row.id).first(where: { $0.id == referral })
        else { throw Refusal.notFound("转介") }
        guard found.answeredOn == nil else { throw Refusal(.conflict, "该转介已有回复") }
        let now = clock.now
        if input.action == "chase" {
            try await writer.transaction { tx, audit in
                _ = try await ChildCaseStore(db: tx).chaseReferral(referral, case: row.id, at: now)
                try await audit.record(
                    "childCase.chaseReferral", entity: "child_case", id: row.id.uuidString, region: row.region,
                    after: ["referral": referral.uuidString, "partner": found.partner])
            }
            return try await detail(row, viewer: viewer)
        }
        let answer = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.answer, field: "answer", label: "部门回复")
        }
        guard let answer else { throw Refusal.invalid("answer", "部门回复不能为空") }
        var text = try JSONDecoder().decode(
            ChildReferralSealed.self, from: Data(try cipher.decrypt(found.textCipher).utf8))
        text.answer = answer
        let sealed = cipher.encrypt(try text.json())
        let today = clock.today
        try await writer.transaction { tx, audit in
            guard
                try await ChildCaseStore(db: tx).answerReferral(referral, case: row.id, textCipher: sealed, on: today)
            else { throw Refusal(.conflict, "该转介已有回复") }
            try await audit.record(
                "childCase.answerReferral", entity: "child_case", id: row.id.uuidString, region: row.region,
                after: ["referral": referral.uuidString, "partner": found.partner])
        }
        return try await detail(row, viewer: viewer)
    }

    struct Closure: Content {
        /// propose (the worker, with `reason` and `note`), approve or reject (the supervisor).
        var action: String?
        var reason: String?
        var note: String?
        var version: Int?
    }

    func close(_ id: UUID?, _ input: Closure) async throws -> ChildCaseDetail {
        var (row, viewer) = try await row(id)
        let action: ChildCaseAction
        switch input.action {
        case "propose": action = .proposeClosure
        case "approve": action = .approveClosure
        case "reject": action = .rejectClosure
        default: throw Refusal.invalid("action", "操作应为 propose、approve 或 reject")
        }
        let next = try ChildCaseRules.next(ChildCaseStatus(rawValue: row.status) ?? .reported, action, by: viewer)
            .get()
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.note, field: "note", label: "说明")
        }
        try check(version: input.version, of: row)
        let before = ["status": row.status]
        switch action {
        case .proposeClosure:
            guard let reason = input.reason.flatMap(ChildCaseClosureReason.init(rawValue:)) else {
                throw Refusal.invalid(
                    "reason", "结案原因应为 " + ChildCaseClosureReason.allCases.map(\.rawValue).joined(separator: "、"))
            }
            guard let note else { throw Refusal.invalid("note", "请写明结案理由") }
            (row.closureReason, row.closureNote) = (reason.rawValue, note)
        case .rejectClosure:
            guard note != nil else { throw Refusal.invalid("note", "退回结案须写明理由") }
            (row.closureReason, row.closureNote) = (nil, nil)
        default:
            row.closedAt = clock.now
        }
        row.status = next.rawValue
        let entryText = note.map { "\(ChildCaseRules.closureStep(action))：\($0)" } ?? ChildCaseRules.closureStep(action)
        let (user, now, today, caseID) = (user, clock.now, clock.today, row.id)
        let sealedNote = cipher.encrypt(entryText)
        return try await save(
            row, action: "childCase.\(action.rawValue)", before: before,
            after: ["status": next.rawValue, "reason": row.closureReason ?? ""]
        ) { tx in
            try await ChildCaseStore(db: tx).insertEntry(
                case: caseID, kind: .note, textCipher: sealedNote, contactOn: today, by: user, at: now)
        }
    }

    // MARK: Helpers

    private func check(version: Int?, of row: ChildCaseStore.Row) throws {
        guard let version else { throw Refusal.invalid("version", "缺少 version（当前版本号）") }
        guard version == row.version else { throw Refusal.staleVersion(current: row.version) }
    }

    private func opened(_ row: ChildCaseStore.Row) throws -> ChildCaseSealed {
        try JSONDecoder().decode(ChildCaseSealed.self, from: Data(try cipher.decrypt(row.caseCipher).utf8))
    }

    /// Saves the case's step with its audit event (and `also`, in the same transaction).
    private func save(
        _ row: ChildCaseStore.Row, action: String, before: [String: String], after: [String: String],
        also: (@Sendable (SQLDatabase) async throws -> Void)? = nil
    ) async throws -> ChildCaseDetail {
        let now = clock.now
        try await writer.transaction { tx, audit in
            guard try await ChildCaseStore(db: tx).save(row, at: now) else {
                throw Refusal.staleVersion(current: row.version + 1)
            }
            try await also?(tx)
            try await audit.record(
                action, entity: "child_case", id: row.id.uuidString, region: row.region, before: before, after: after)
        }
        let (saved, viewer) = try await self.row(row.id)
        return try await detail(saved, viewer: viewer)
    }
}

/// What is sealed in `case_cipher`.
struct ChildCaseSealed: Codable, Sendable {
    struct Reporter: Codable, Sendable {
        var name: String?
        var phone: String?
        var organisation: String?

        var isEmpty: Bool { name == nil && phone == nil && organisation == nil }
    }

    struct Child: Codable, Sendable {
        var name: String
        var ageYears: Int?
        var description: String?
    }

    var reporter: Reporter?
    var account: String
    var child: Child
    var plan: String?

    func json() throws -> String { String(decoding: try JSONEncoder().encode(self), as: UTF8.self) }
}

/// What is sealed in a referral's `text_cipher`.
struct ChildReferralSealed: Codable, Sendable {
    var request: String
    var answer: String?

    func json() throws -> String { String(decoding: try JSONEncoder().encode(self), as: UTF8.self) }
}

extension Request {
    /// The signed-in user's child-protection cases; refused without either permission.
    func childCases() throws -> ChildCaseService {
        try ChildCaseService(
            db: sql, writer: writer, clock: platform.clock, cipher: platform.cipher, regions: platform.regions,
            user: try user)
    }
}
