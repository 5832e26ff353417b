import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// Home adaptations (适老化改造) from screening to payment: screening puts the region's
/// eligible households in the year's queue by priority; each case is then assessed at home,
/// planned from the priced catalogue within its cap, contracted, completed, accepted by a
/// third party with the household's satisfaction, and only then paid.
struct AdaptationService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock
    /// Where completion photos are kept: `adaptations` under the data folder.
    let folder: String
    /// Seals the photos at rest and opens them.
    let cipher: FieldCipher

    private func parameterHistory() async throws -> PolicyParameterHistory { try await PolicyStore(db: db).history() }

    /// Screens the user's region for `year`: every household with an older member that is in
    /// the programme and not yet screened gets a case. Returns how many were added.
    func screen(year: Int, by user: CurrentUser) async throws -> Int {
        let today = clock.today
        let history = try await parameterHistory()
        let month = today.yearMonth
        let bornBy = CivilDate(year: today.year - 60, month: today.month, day: min(today.day, 28))!
        let store = AdaptationStore(db: db)
        var found: [(household: UUID, region: String, priority: AdaptationPriority, cap: Fen)] = []
        for c in try await store.candidates(within: user.scope, bornBy: bornBy, year: year) {
            guard let born = CivilDate(c.oldestBorn) else { continue }
            let parameters = try history.parameters(for: c.region, month: month)
            let facts = AdaptationPriority.Facts(
                oldestAge: born.age(on: today), tekunMember: c.tekun, dibaoOrEdge: c.dibao, disabledMember: c.disabled,
                severelyDisabledMember: c.severe, livingMembers: c.living)
            guard let priority = AdaptationPriority.of(facts, parameters: parameters) else { continue }
            found.append((c.household, c.region, priority, AdaptationPriority.cap(facts, parameters: parameters)))
        }
        let now = clock.now
        let (cases, scope) = (found, user.region.value)
        return try await writer.transaction { tx, audit in
            let store = AdaptationStore(db: tx)
            for c in cases {
                try await store.insertCase(
                    household: c.household, region: c.region, year: year, priority: c.priority, cap: c.cap, at: now)
            }
            if !cases.isEmpty {
                try await audit.record(
                    "adaptation.screen", entity: "adaptation_case", id: nil, region: scope,
                    after: ["year": "\(year)", "count": "\(cases.count)"])
            }
            return cases.count
        }
    }

    func adaptationCase(_ id: UUID, for user: CurrentUser) async throws -> AdaptationCase {
        guard let found = try await AdaptationStore(db: db).adaptationCase(id: id, within: user.scope) else {
            throw Refusal.notFound("改造对象")
        }
        return found
    }

    struct Step: Content {
        var version: Int?
        var assessedOn: String?
        var assessor: String?
        var assessment: String?
        /// The plan: item code → quantity.
        var items: [String: Int]?
        var contractor: String?
        var completedOn: String?
        var note: String?
        var acceptedOn: String?
        var acceptedBy: String?
        var satisfaction: Int?
        var paidOn: String?
    }

    func act(
        _ action: AdaptationState.Action, on id: UUID, _ step: Step, by user: CurrentUser
    ) async throws
        -> AdaptationCase
    {
        if action == .pay { try user.require(.managePayroll) }
        let current = try await adaptationCase(id, for: user)
        guard let version = step.version else { throw Refusal.invalid("version", "缺少 version") }
        guard version == current.version else { throw Refusal.staleVersion(current: current.version) }
        let next = try { () throws(Refusal) in try current.caseState.after(action) }()
        let today = clock.today
        func day(_ text: String?, _ field: String) throws -> String {
            guard let day = text.flatMap(CivilDate.init), day <= today else {
                throw Refusal.invalid(field, "日期应为 YYYY-MM-DD，且不晚于今天")
            }
            return day.description
        }
        func line(_ text: String?, _ field: String, _ label: String) throws -> String {
            try RegistryInput.check { () throws(FieldProblem) in
                try InputRules.line(text, field: field, label: label, maximumLength: 100)!
            }
        }
        func note(_ text: String?, _ field: String, _ label: String) throws -> String? {
            try RegistryInput.check { () throws(FieldProblem) in try InputRules.text(text, field: field, label: label) }
        }
        var details: [String: String] = [:]
        var fields: @Sendable (SQLUpdateBuilder) -> SQLUpdateBuilder = { $0 }
        var plan: AdaptationPlan?
        switch action {
        case .assess:
            let (on, by) = (try day(step.assessedOn, "assessedOn"), try line(step.assessor, "assessor", "评估人"))
            let finding = try note(step.assessment, "assessment", "评估情况")
            details = ["assessedOn": on, "assessor": by]
            fields = { $0.set("assessed_on", to: on).set("assessor", to: by).set("assessment", to: finding) }
        case .plan:
            let parameters = try await parameterHistory().parameters(for: current.region, month: today.yearMonth)
            let items = (step.items ?? [:]).sorted { $0.key < $1.key }.map { (code: $0.key, quantity: $0.value) }
            let checked = try RegistryInput.check { () throws(FieldProblem) in
                try AdaptationPlan(items: items, cap: Fen(current.capFen), parameters: parameters)
            }
            plan = checked
            details = [
                "totalFen": "\(checked.total.value)",
                "items": items.map { "\($0.code)×\($0.quantity)" }.joined(separator: ","),
            ]
            fields = { $0.set("total_fen", to: checked.total.value) }
        case .contract:
            let contractor = try line(step.contractor, "contractor", "施工单位")
            details = ["contractor": contractor]
            fields = { $0.set("contractor", to: contractor) }
        case .complete:
            // The work is shown before it is called done: the third party accepts from the photos too.
            guard !current.photos.isEmpty else {
                throw Refusal(.conflict, "请先上传至少一张完工照片，再登记施工完成", field: "file")
            }
            let on = try day(step.completedOn, "completedOn")
            let remark = try note(step.note, "note", "完工说明")
            details = ["completedOn": on]
            fields = { $0.set("completed_on", to: on).set("completion_note", to: remark) }
        case .accept:
            let on = try day(step.acceptedOn, "acceptedOn")
            let by = try line(step.acceptedBy, "acceptedBy", "验收单位")
            guard let score = step.satisfaction, (1...5).contains(score) else {
                throw Refusal.invalid("satisfaction", "满意度应为 1–5 分")
            }
            details = ["acceptedOn": on, "acceptedBy": by, "satisfaction": "\(score)"]
            fields = { $0.set("accepted_on", to: on).set("accepted_by", to: by).set("satisfaction", to: score) }
        case .pay:
            let on = try day(step.paidOn, "paidOn")
            details = ["paidOn": on, "totalFen": "\(current.totalFen ?? 0)"]
            fields = { $0.set("paid_on", to: on) }
        case .close:
            guard let reason = try note(step.note, "note", "终止原因") else {
                throw Refusal.invalid("note", "请填写终止原因")
            }
            details = ["reason": reason]
            fields = { $0.set("closed_reason", to: reason) }
        }
        let (setFields, recorded, newPlan, now) = (fields, details, plan, clock.now)
        try await writer.transaction { tx, audit in
            let store = AdaptationStore(db: tx)
            guard try await store.advance(case: id, version: version, to: next, at: now, fields: setFields) else {
                throw Refusal.staleVersion(current: version + 1)
            }
            if let newPlan { try await store.replacePlan(case: id, with: newPlan) }
            try await audit.record(
                "adaptation.\(action.rawValue)", entity: "adaptation_case", id: id.uuidString, region: current.region,
                before: ["state": current.state], after: recorded.merging(["state": next.rawValue]) { a, _ in a })
        }
        return try await adaptationCase(id, for: user)
    }

    struct DistrictProgress: Content {
        let district: String
        let districtName: String
        let screened: Int
        let planned: Int
        let completed: Int
        let accepted: Int
        let paid: Int
        /// The district's own target of the year, when one is set (`adaptationYearTarget`).
        let target: Int?
    }

    struct Progress: Content {
        let year: Int
        let districts: [DistrictProgress]
        let accepted: Int
        /// The target set for the viewer's own region (the city's by default; a district's
        /// when the city administrator set one for it).
        let target: Int?
    }

    /// A region's own target of the year: a district does not inherit the city's figure.
    private func ownTarget(_ history: PolicyParameterHistory, region: String, month: YearMonth) -> Int? {
        guard let row = history.row(for: .adaptationYearTarget, region: region, month: month), row.regionCode == region
        else { return nil }
        return Int(row.value)
    }

    /// The year's cases by district against the targets: a case counts as planned from its
    /// plan on, completed from the contractor's completion on, and so on.
    func progress(year: Int, by user: CurrentUser, regions: RegionTable) async throws -> Progress {
        let rows = try await AdaptationStore(db: db).progress(within: user.scope, year: year)
        let history = try await parameterHistory()
        let month = YearMonth(year: year, month: 12)!
        let order: [AdaptationState] = [.screened, .assessed, .planned, .contracted, .completed, .accepted, .paid]
        func reached(_ state: AdaptationState, _ counts: [String: Int]) -> Int {
            guard let from = order.firstIndex(of: state) else { return 0 }
            return order[from...].reduce(0) { $0 + (counts[$1.rawValue] ?? 0) }
        }
        let byDistrict = Dictionary(grouping: rows, by: \.district)
        let districts = byDistrict.keys.sorted().map { district in
            let counts = Dictionary(byDistrict[district]!.map { ($0.state, $0.count) }, uniquingKeysWith: +)
            return DistrictProgress(
                district: district, districtName: RegionCode(district).flatMap(regions.name) ?? district,
                screened: counts.values.reduce(0, +) - (counts[AdaptationState.closed.rawValue] ?? 0),
                planned: reached(.planned, counts), completed: reached(.completed, counts),
                accepted: reached(.accepted, counts), paid: counts[AdaptationState.paid.rawValue] ?? 0,
                target: ownTarget(history, region: district, month: month))
        }
        return Progress(
            year: year, districts: districts, accepted: districts.reduce(0) { $0 + $1.accepted },
            target: ownTarget(history, region: user.region.value, month: month))
    }
}

extension Request {
    var adaptations: AdaptationService {
        AdaptationService(
            db: sql, writer: writer, clock: platform.clock, folder: UploadFolder.adaptations.path(platform.config),
            cipher: platform.cipher)
    }
}
