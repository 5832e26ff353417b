import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// A report of an illegal social organisation as its reader sees it. The reporter is masked
/// everywhere; the clerk's detail alone carries who reported (`reporter`), the evidence and the
/// timeline. A reporter reading its own report sees what it reported, the state and the outcome.
struct IllegalReportRecord: Content, Sendable {
    struct Reporter: Content, Sendable {
        let name: String
        let phone: String?
        let unit: String?
    }

    struct TimelineEntry: Content, Sendable {
        let kind: String
        let kindName: String
        let on: String
        let text: String
        let by: String
    }

    let id: UUID
    let version: Int
    let number: String
    let source: String
    let sourceName: String
    let reporterMasked: String
    let reporter: Reporter?
    let organisationName: String
    let region: String
    let regionName: String
    let location: String
    let activities: String
    let evidence: String?
    let state: String
    let stateName: String
    let assigneeName: String?
    let outcome: String?
    let outcomeName: String?
    let reportedOn: String
    let closedOn: String?
    let timeline: [TimelineEntry]?
    /// The steps the state allows (`assign`, `note`, `close`), for the clerk; empty for the reporter.
    let actions: [String]
}

/// What is sealed in `reporter_cipher`.
struct IllegalReporterSealed: Codable {
    var name: String
    var phone: String?
    var unit: String?
}

/// Reports of illegal social organisations (非法社会组织) as one signed-in user works them: a
/// resident or a department reports and follows its own reports (another's is a 404); the
/// registry clerk (`manageOrganisations`, within the region) takes phone reports, assigns the
/// investigation, records notes and closes with an outcome; counts by outcome and year.
struct IllegalOrganisationService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock
    let cipher: FieldCipher
    let regions: RegionTable
    let user: CurrentUser

    private var store: IllegalOrganisationStore { IllegalOrganisationStore(db: db) }

    var isClerk: Bool { user.role.may(.manageOrganisations) }
    /// Residents and partner departments report, and follow their own reports.
    var isReporter: Bool { user.role == .resident || user.role == .department }

    struct ReportInput: Content {
        var organisationName: String?
        var region: String?
        var location: String?
        var activities: String?
        var evidence: String?
        /// The caller's name (phone reports; a department's contact); a resident is named by the account.
        var reporterName: String?
        var reporterPhone: String?
        var reportedOn: String?
    }

    /// Takes a report: from a resident or a department (the reporter is the account), or from a
    /// phone call entered by the clerk (the caller named, or anonymous).
    func report(_ input: ReportInput) async throws -> IllegalReportRecord {
        guard isClerk || isReporter else {
            throw Refusal(.forbidden, "您的角色（\(user.role.chinese)）无权受理非法社会组织举报")
        }
        let source: IllegalReportSource = isClerk ? .phone : (user.role == .resident ? .resident : .department)
        let (name, location, activities, evidence, callerName, phone) = try RegistryInput.check {
            () throws(FieldProblem) -> (String, String, String, String?, String?, String?) in
            let name = try InputRules.line(
                input.organisationName, field: "organisationName", label: "组织名称", maximumLength: 100)
            let location = try InputRules.line(input.location, field: "location", label: "活动地点", maximumLength: 200)
            let activities = try InputRules.text(input.activities, field: "activities", label: "活动情况")
            guard let activities else { throw FieldProblem("activities", "请填写该组织从事的活动") }
            let evidence = try InputRules.text(input.evidence, field: "evidence", label: "证据线索")
            let caller = try InputRules.line(
                input.reporterName, field: "reporterName", label: "举报人姓名", maximumLength: 50, required: false)
            var phone: String?
            if let typed = input.reporterPhone?.trimmedWhitespace, !typed.isEmpty {
                guard typed.count >= 7, typed.count <= 20,
                    typed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") })
                else { throw FieldProblem("reporterPhone", "联系电话应为 7–20 位数字") }
                phone = typed
            }
            return (name ?? "", location ?? "", activities, evidence, caller, phone)
        }
        guard let code = input.region.flatMap({ RegionCode($0.trimmedWhitespace) }),
            regions.isKnownOrCommunityOfKnownStreet(code), RegionTable.changzhou.contains(code)
        else { throw Refusal.invalid("region", "活动地所在区划应为常州市的区、街道或社区代码") }
        if isClerk && !user.region.contains(code) {
            throw Refusal.invalid("region", "活动地所在区划 \(code.value) 不在您的管辖范围")
        }
        let today = clock.today
        var reportedOn = today
        if isClerk, let typed = input.reportedOn?.trimmedWhitespace, !typed.isEmpty {
            guard let day = CivilDate(typed), day <= today else {
                throw Refusal.invalid("reportedOn", "举报日期应为不晚于今天的 YYYY-MM-DD")
            }
            reportedOn = day
        }
        let reporter: IllegalReporterSealed
        switch source {
        case .resident: reporter = IllegalReporterSealed(name: user.displayName, phone: phone, unit: nil)
        case .department:
            reporter = IllegalReporterSealed(
                name: callerName ?? user.displayName, phone: phone, unit: user.department ?? user.displayName)
        case .phone: reporter = IllegalReporterSealed(name: callerName ?? "匿名来电", phone: phone, unit: nil)
        }
        let sealed = cipher.encrypt(String(decoding: try JSONEncoder().encode(reporter), as: UTF8.self))
        let row = IllegalOrganisationStore.Row(
            id: UUID(), number: "", source: source, reporterUserID: isReporter ? user.id : nil,
            reporterCipher: sealed, reporterMasked: Self.masked(reporter), organisationName: name,
            region: code.value, location: location, activities: activities, evidence: evidence, state: .received,
            assigneeID: nil, assigneeName: nil, outcome: nil, reportedOn: reportedOn.description, closedOn: nil,
            version: 1)
        let (now, by) = (clock.now, user.displayName)
        let id = try await writer.transaction { tx, audit in
            try await Self.insert(row, db: tx, audit: audit, by: by, at: now)
        }
        return try await detail(id)
    }

    /// Inserts a report with its number and the timeline's first entry, audited (the reporter
    /// masked, never in clear).
    static func insert(
        _ r: IllegalOrganisationStore.Row, db: SQLDatabase, audit: AuditRecorder, by: String, at now: Date
    ) async throws -> UUID {
        var row = r
        row.number = try await SerialNumber.next(
            prefix: "FF\(row.reportedOn.prefix(4))-", in: "illegal_org_reports", db: db)
        let store = IllegalOrganisationStore(db: db)
        try await store.insert(row, by: by, at: now)
        try await store.addEntry(
            report: row.id, kind: "received", on: row.reportedOn,
            text: "\(row.source.chinese)：\(row.organisationName)（\(row.location)）", by: by, at: now)
        try await audit.record(
            "illegalOrganisation.report", entity: "illegalOrganisationReport", id: row.id.uuidString,
            region: row.region,
            after: [
                "number": row.number, "source": row.source.rawValue, "reporter": row.reporterMasked,
                "organisationName": row.organisationName, "reportedOn": row.reportedOn,
            ])
        return row.id
    }

    /// `王**` and the phone's first 3 and last 4 digits; a department's unit stays (it is not a person).
    static func masked(_ r: IllegalReporterSealed) -> String {
        var parts = [IllegalReportRules.maskedName(r.name)]
        if let phone = r.phone { parts.append(RegistryValidation.maskPhone(phone)) }
        if let unit = r.unit { parts.insert(unit, at: 0) }
        return parts.joined(separator: " ")
    }

    // MARK: reading

    /// The report when the user may see it: the clerk's within the region, the reporter's own;
    /// 404 otherwise, 403 for a role that neither reports nor keeps the registry.
    private func visible(_ id: UUID?) async throws -> IllegalOrganisationStore.Row {
        guard isClerk || isReporter else {
            throw Refusal(.forbidden, "您的角色（\(user.role.chinese)）无权查看非法社会组织举报")
        }
        guard let id, let row = try await store.find(id) else { throw Refusal.notFound("举报") }
        if isClerk {
            guard let region = RegionCode(row.region), user.region.contains(region) else {
                throw Refusal.notFound("举报")
            }
        } else {
            guard row.reporterUserID == user.id else { throw Refusal.notFound("举报") }
        }
        return row
    }

    func detail(_ id: UUID?) async throws -> IllegalReportRecord {
        let row = try await visible(id)
        guard isClerk else { return record(row, reporter: nil, timeline: nil) }
        let sealed = try JSONDecoder().decode(
            IllegalReporterSealed.self, from: Data(try cipher.decrypt(row.reporterCipher).utf8))
        let timeline = try await store.entries(row.id).map {
            IllegalReportRecord.TimelineEntry(
                kind: $0.kind, kindName: Self.entryName($0.kind), on: $0.onDay, text: $0.text, by: $0.byName)
        }
        return record(
            row, reporter: IllegalReportRecord.Reporter(name: sealed.name, phone: sealed.phone, unit: sealed.unit),
            timeline: timeline)
    }

    static func entryName(_ kind: String) -> String {
        ["received": "受理", "assigned": "指派调查", "note": "调查记录", "closed": "办结"][kind] ?? kind
    }

    private func record(
        _ r: IllegalOrganisationStore.Row, reporter: IllegalReportRecord.Reporter?,
        timeline: [IllegalReportRecord.TimelineEntry]?
    ) -> IllegalReportRecord {
        let clerk = isClerk
        return IllegalReportRecord(
            id: r.id, version: r.version, number: r.number, source: r.source.rawValue, sourceName: r.source.chinese,
            reporterMasked: r.reporterMasked, reporter: reporter, organisationName: r.organisationName,
            region: r.region, regionName: RegionCode(r.region).map { regions.fullName(of: $0) } ?? r.region,
            location: r.location, activities: r.activities, evidence: clerk ? r.evidence : nil,
            state: r.state.rawValue, stateName: r.state.chinese, assigneeName: clerk ? r.assigneeName : nil,
            outcome: r.outcome?.rawValue, outcomeName: r.outcome?.chinese, reportedOn: r.reportedOn,
            closedOn: r.closedOn, timeline: timeline,
            actions: clerk ? IllegalReportRules.allowed(r.state).map(\.rawValue) : [])
    }

    struct ListQuery: Content {
        var state: String?
        var outcome: String?
        var year: Int?
        var region: String?
        var page: Int?
        var perPage: Int?

        func query() throws -> IllegalOrganisationStore.ListQuery {
            var q = IllegalOrganisationStore.ListQuery()
            if let s = state, !s.isEmpty {
                guard let state = IllegalReportState(rawValue: s) else {
                    throw Refusal.invalid(
                        "state", "状态应为 " + IllegalReportState.allCases.map(\.rawValue).joined(separator: "、"))
                }
                q.state = state
            }
            if let o = outcome, !o.isEmpty {
                q.outcome = try RegistryInput.check { () throws(FieldProblem) in try IllegalReportRules.outcome(o) }
            }
            if let year {
                guard (2000...2100).contains(year) else { throw Refusal.invalid("year", "年份应为 2000–2100") }
                q.year = year
            }
            if let r = region?.trimmedWhitespace, !r.isEmpty {
                guard let code = RegionCode(r) else { throw Refusal.invalid("region", "区划代码无效") }
                q.region = RegionScope(code)
            }
            return q
        }
    }

    /// The clerk's region's reports (open first), or the reporter's own.
    func list(_ query: ListQuery) async throws -> Page<IllegalReportRecord> {
        guard isClerk || isReporter else {
            throw Refusal(.forbidden, "您的角色（\(user.role.chinese)）无权查看非法社会组织举报")
        }
        let page = try PageRequest(page: query.page, perPage: query.perPage)
        let viewer: IllegalOrganisationStore.Viewer = isClerk ? .region(user.scope) : .reporter(user.id)
        let found = try await store.list(viewer, try query.query(), page: page)
        return Page(
            items: found.rows.map { record($0, reporter: nil, timeline: nil) }, total: found.total, page: page.page,
            perPage: page.perPage)
    }

    struct Counts: Content {
        let region: String
        let regionName: String
        let years: [IllegalReportYearCount]
        let received: Int
        let open: Int
        let stopped: Int
    }

    /// Counts of the clerk's region by year: received, closed, by outcome, stopped.
    func counts() async throws -> Counts {
        try user.require(.manageOrganisations)
        let tallies = try await store.tallies(within: user.scope)
        let years = IllegalReportYearCount.tally(tallies).map { y -> IllegalReportYearCount in
            var filled = y
            for outcome in IllegalReportOutcome.allCases { filled.byOutcome[outcome.rawValue, default: 0] += 0 }
            return filled
        }
        return Counts(
            region: user.region.value, regionName: regions.fullName(of: user.region), years: years,
            received: tallies.count, open: tallies.filter { $0.closed == nil }.count,
            stopped: years.reduce(0) { $0 + $1.stopped })
    }

    // MARK: the clerk's steps

    struct StepInput: Content {
        var version: Int?
        /// assign: the clerk to investigate (absent: oneself).
        var assigneeId: UUID?
        /// note: the day of what is recorded (absent: today).
        var on: String?
        var note: String?
        /// close: the outcome.
        var outcome: String?
    }

    /// One step of the report's state machine (Core decides whether the state allows it).
    func act(_ id: UUID?, _ action: IllegalReportAction, _ input: StepInput) async throws -> IllegalReportRecord {
        try user.require(.manageOrganisations)
        var row = try await visible(id)
        let next = try IllegalReportRules.next(row.state, action)
        guard let version = input.version else { throw Refusal.invalid("version", "缺少 version（当前版本号）") }
        guard version == row.version else { throw Refusal.staleVersion(current: row.version) }
        let today = clock.today
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.note, field: "note", label: "调查情况")
        }
        let entry: (kind: String, on: String, text: String)
        var after: [String: String] = ["number": row.number, "state": next.rawValue]
        switch action {
        case .assign:
            let assignee = try await clerk(input.assigneeId ?? user.id, for: row.region)
            row.assigneeID = assignee.id
            row.assigneeName = assignee.name
            entry = ("assigned", today.description, "调查人：\(assignee.name)" + (note.map { "。\($0)" } ?? ""))
            after["assignee"] = assignee.name
        case .note:
            guard let note else { throw Refusal.invalid("note", "请填写调查情况") }
            var day = today
            if let typed = input.on?.trimmedWhitespace, !typed.isEmpty {
                guard let d = CivilDate(typed), d <= today, d.description >= row.reportedOn else {
                    throw Refusal.invalid("on", "调查日期应在举报日 \(row.reportedOn) 与今天之间（YYYY-MM-DD）")
                }
                day = d
            }
            entry = ("note", day.description, note)
            after["on"] = day.description
        case .close:
            let outcome = try RegistryInput.check { () throws(FieldProblem) in
                try IllegalReportRules.outcome(input.outcome)
            }
            guard let note else { throw Refusal.invalid("note", "请填写办结情况") }
            row.outcome = outcome
            row.closedOn = today.description
            entry = ("closed", today.description, "\(outcome.chinese)：\(note)")
            after["outcome"] = outcome.rawValue
        }
        row.state = next
        let (saved, now, by) = (row, clock.now, user.displayName)
        let kinds = ["assign": "illegalOrganisation.assign", "note": "illegalOrganisation.note"]
        let auditAction = kinds[action.rawValue] ?? "illegalOrganisation.close"
        let (done, state) = (entry, after)
        try await writer.transaction { tx, audit in
            let store = IllegalOrganisationStore(db: tx)
            guard try await store.update(saved, from: version, at: now) else {
                throw Refusal.staleVersion(current: version + 1)
            }
            try await store.addEntry(report: saved.id, kind: done.kind, on: done.on, text: done.text, by: by, at: now)
            try await audit.record(
                auditAction, entity: "illegalOrganisationReport", id: saved.id.uuidString, region: saved.region,
                after: state)
        }
        return try await detail(row.id)
    }

    /// A clerk who may investigate in the region: an enabled account keeping the registry over it.
    private func clerk(_ id: UUID, for region: String) async throws -> (id: UUID, name: String) {
        guard
            let row = try await db.raw(
                "SELECT display_name, role, region FROM users WHERE id = \(bind: id) AND disabled = \(bind: false)"
            ).first(),
            let role = Role(rawValue: try row.decode(column: "role", as: String.self)), role.may(.manageOrganisations),
            let theirs = RegionCode(try row.decode(column: "region", as: String.self)),
            let code = RegionCode(region), theirs.contains(code)
        else { throw Refusal.invalid("assigneeId", "调查人应为负责该区域社会组织登记管理的在用账户") }
        return (id, try row.decode(column: "display_name", as: String.self))
    }
}

extension Request {
    func illegalOrganisations() throws -> IllegalOrganisationService {
        IllegalOrganisationService(
            db: sql, writer: writer, clock: platform.clock, cipher: platform.cipher, regions: platform.regions,
            user: try user)
    }
}
