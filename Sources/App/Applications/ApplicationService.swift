import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// What happens to applications: intake and each review step, deciding with Core (the
/// workflow, the economy check) and writing through the stores, one audited transaction per
/// change. Shared by the API and the pages, which build it with `Request.applications`.
struct ApplicationService {
    /// Reads; writes go through `writer`, whose actor is the signed-in user.
    let db: SQLDatabase
    let writer: AuditedWriter
    let cipher: FieldCipher
    let regions: RegionTable
    let clock: PlatformClock

    var catalog: AssistanceCatalog {
        get async throws { try await CatalogStore(db: db).catalog() }
    }

    private var registry: RegistryStore { RegistryStore(db: db, cipher: cipher, regions: regions, clock: clock) }

    /// Who the signed-in user is to the queries.
    func viewer(_ user: CurrentUser) async throws -> ApplicationStore.Viewer {
        switch user.role {
        case .resident:
            guard let person = try await AccountStore(db: db).residentPerson(userID: user.id) else {
                throw Refusal(.forbidden, "仅限居民本人使用")
            }
            return .resident(householdIDs: try await registry.currentHouseholdIDs(person: person), userID: user.id)
        case .department:
            return .department(code: user.department ?? "", user.scope)
        default:
            try user.require(.handleApplications)
            return .staff(user.scope)
        }
    }

    func actor(_ user: CurrentUser) -> WorkflowActor {
        user.role == .resident ? .applicant : .staff(role: user.role, region: user.region, department: user.department)
    }

    // MARK: intake

    struct NewApplication: Content {
        var itemCode: String?
        var householdId: UUID?
        var personId: UUID?
        var means: DeclaredMeans?
        /// For an item whose approving level depends on the amount (临时救助): the amount asked for.
        var requestedFen: Int64?
        var note: String?
    }

    /// Takes an application in: by a resident for their own household, or by staff of the
    /// household's region on its behalf.
    func submit(_ body: NewApplication, by user: CurrentUser) async throws -> UUID {
        let catalog = try await catalog
        guard let code = body.itemCode.flatMap(AssistanceItemCode.init), let item = catalog.item(code) else {
            throw Refusal.invalid("itemCode", "救助事项代码无效：\(body.itemCode ?? "（空）")")
        }
        let householdID = try await applyingHousehold(named: body.householdId, by: user)
        let scope = user.role == .resident ? RegionScope(RegionTable.changzhou) : user.scope
        guard let household = try await registry.household(id: householdID, within: scope),
            let region = RegionCode(household.region)
        else { throw Refusal.notFound("家庭") }
        var personID: UUID?
        if item.subject == .person {
            guard let id = body.personId else { throw Refusal.invalid("personId", "\(item.name)按人申请，请选择申请人（personId）") }
            guard household.members.contains(where: { $0.personId == id }) else {
                throw Refusal.invalid("personId", "申请人不是该家庭的现有成员")
            }
            personID = id
        }
        let declared = try body.means.map { try Self.ownMembersOnly($0, of: household) }
        let requested = try body.requestedFen.map { amount in
            try RegistryInput.check { () throws(FieldProblem) in try InputRules.amount(amount, field: "requestedFen") }
        }
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(body.note, field: "note", label: "备注")
        }
        let beneficiary: AssistanceBeneficiary =
            personID.map { .person(id: $0.uuidString, household: householdID.uuidString) }
            ?? .household(id: householdID.uuidString, members: Set(household.members.map(\.personId.uuidString)))
        let conflicts = AssistanceExclusions.conflicts(
            newItem: code, subject: beneficiary,
            existing: try await ApplicationStore(db: db).activeEnrollments(household: householdID)
        )
        .map { $0.chinese(in: catalog) }
        let today = clock.today
        let flow: WorkflowFlow
        if item.isCivilAffairs {
            let standard = try await standard(region: region, on: today)
            let level = item.approval.approvingLevel(requestedAmount: requested ?? .zero, standard: standard)
            flow = .civilAffairs(approvingLevel: ApprovingLevel(level) ?? .district)
        } else {
            flow = .department(code: item.department.rawValue)
        }
        let application = ApplicationStore.NewApplication(
            itemCode: code.rawValue, household: householdID, person: personID, region: region.value, flow: flow,
            submittedOn: today,
            applicantUserID: user.role == .resident ? user.id : nil, submittedBy: user.displayName,
            meansCipher: try declared.map { cipher.encrypt(try HouseholdMeansStore.json($0)) },
            conflictsJSON: String(decoding: try JSONEncoder().encode(conflicts), as: UTF8.self))
        let now = clock.now
        try await writer.transaction { [writer] tx, audit in
            let store = ApplicationStore(db: tx)
            try await store.insert(application, at: now)
            try await store.recordStep(
                application: application.id, action: "submit", from: "new", to: WorkflowState.submitted.rawValue,
                actor: writer.actor, actorName: application.submittedBy, note: note, at: now)
            try await audit.record(
                "application.submit", entity: "application", id: application.id.uuidString, region: region.value,
                after: [
                    "item": code.rawValue, "household": householdID.uuidString,
                    "conflicts": conflicts.joined(separator: "；"),
                ])
        }
        return application.id
    }

    /// The household an application is for: a resident's own (naming another is refused,
    /// not ignored), or the one staff who keep its registry name (not a partner department,
    /// which decides its own items, nor an auditor).
    private func applyingHousehold(named: UUID?, by user: CurrentUser) async throws -> UUID {
        guard user.role == .resident else {
            try user.require(.handleApplications)
            try user.require(.editRegistry)
            guard let named else { throw Refusal.invalid("householdId", "缺少 householdId（申请家庭）") }
            return named
        }
        guard case .resident(let households, _) = try await viewer(user), let own = households.first else {
            throw Refusal.invalid("householdId", "您尚未登记在任何家庭中，请到社区办理")
        }
        if let named, named != own {
            throw Refusal.invalid("householdId", "居民只能为本人所在家庭申请；如需为他人申请，请到社区代办")
        }
        return own
    }

    /// A declaration speaks of the household's own members, never of someone else's record;
    /// their ids are kept in the registry's form, which the economy check matches.
    private static func ownMembersOnly(_ means: DeclaredMeans, of household: HouseholdDetail) throws -> DeclaredMeans {
        try RegistryInput.check { () throws(FieldProblem) in try means.validate() }
        let members = Set(household.members.map(\.personId))
        var declared = means
        for (i, member) in means.members.enumerated() {
            guard let id = UUID(uuidString: member.personId), members.contains(id) else {
                throw Refusal.invalid("means.members[\(i)].personId", "申报的成员不是该家庭的现有成员")
            }
            declared.members[i].personId = id.uuidString
        }
        return declared
    }

    /// The dibao standard in force for the region this month (the temporary-assistance
    /// threshold is a multiple of it).
    private func standard(region: RegionCode, on day: CivilDate) async throws -> Fen {
        try await PolicyStore(db: db).parameters(for: region.value, month: day.yearMonth).dibaoStandard
    }

    // MARK: steps

    struct ActionRequest: Content {
        var action: String?
        var version: Int?
        var note: String?
        /// For `investigate`: the home visit (入户调查).
        var visitedOn: String?
        var findings: String?
        /// For `approve` of an item the policy engine does not decide: the amount granted.
        var amountFen: Int64?
    }

    /// One step of the review. Refusals: not found outside the viewer's reach, conflict for
    /// a step the state does not allow or a stale version, forbidden for the wrong role,
    /// invalid for a missing note.
    func act(on id: UUID, _ body: ActionRequest, by user: CurrentUser) async throws -> ApplicationRecord {
        let catalog = try await catalog
        let viewer = try await viewer(user)
        let store = ApplicationStore(db: db)
        guard let current = try await store.application(id: id, for: viewer, catalog: catalog) else {
            throw Refusal.notFound("申请")
        }
        guard let kind = body.action.flatMap(WorkflowActionKind.init) else {
            throw Refusal.invalid(
                "action",
                "未知操作：\(body.action ?? "（空）")，可用：" + WorkflowActionKind.allCases.map(\.rawValue).joined(separator: "、"))
        }
        guard let version = body.version else { throw Refusal.invalid("version", "缺少 version（当前版本号）") }
        guard version == current.version else { throw Refusal.staleVersion(current: current.version) }
        let today = clock.today
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(body.note, field: "note", label: "意见")
        }
        let findings = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(body.findings, field: "findings", label: "调查情况")
        }
        let amount = try body.amountFen.map { value in
            try RegistryInput.check { () throws(FieldProblem) in try InputRules.amount(value, field: "amountFen") }
        }
        var action = WorkflowAction(kind: kind, note: note)
        // The declaration is read once: the economy check assesses it, approval files it.
        let declared =
            kind == .investigate || kind == .approve ? try await declaredMeans(current.id) ?? DeclaredMeans() : nil
        var check: EconomyCheck?
        if let declared, let item = AssistanceItemCode(current.itemCode).flatMap(catalog.item),
            item.engineProgram != nil
        {
            check = try await economyCheck(current, means: declared, month: today.yearMonth)
        }
        let applicant = current.personId?.uuidString
        if kind == .investigate {
            guard let visited = body.visitedOn.flatMap({ CivilDate($0.trimmedWhitespace) }) else {
                throw Refusal.invalid("visitedOn", "请填写入户调查日期（YYYY-MM-DD）")
            }
            let eligible =
                check.map { $0.decision(itemCode: current.itemCode, applicant: applicant, catalog: catalog) != nil }
                ?? true
            action.investigation = InvestigationRecord(
                visitedOn: visited, findings: findings ?? "", economyCheckEligible: eligible)
        }
        let transition: Transition
        switch ApplicationWorkflow().apply(action, to: current.workflowState, by: actor(user), on: today) {
        case .success(let t): transition = t
        case .failure(let refusal): throw refusal.refusal
        }
        var grant: Grant?
        if kind == .approve {
            if let check {
                guard let decided = check.decision(itemCode: current.itemCode, applicant: applicant, catalog: catalog)
                else {
                    throw Refusal(
                        .conflict, "家庭经济状况核对结果不符合\(current.itemName)条件，不能批准；如确需办理请说明理由后作出不予批准决定",
                        field: "action")
                }
                grant = decided
            } else {
                grant = Grant(itemCode: current.itemCode, monthlyFen: amount?.value ?? 0)
            }
        }
        // An approved household's declaration becomes its means on file, which the
        // standard-change recalculation and the what-if reassess.
        let meansOnFile = kind == .approve ? declared : nil
        try await save(
            transition, of: current, assessment: check?.answer, grant: grant, meansOnFile: meansOnFile, user: user)
        guard let updated = try await store.application(id: id, for: viewer, catalog: catalog) else {
            throw Refusal.notFound("申请")
        }
        return updated
    }

    private func save(
        _ t: Transition, of current: ApplicationRecord, assessment: AssessmentResponse?, grant: Grant?,
        meansOnFile: DeclaredMeans?, user: CurrentUser
    ) async throws {
        let cipher = cipher
        let assessmentJSON = try assessment.map {
            String(decoding: try $0.jsonData(prettyPrinted: false), as: UTF8.self)
        }
        let decision = t.action == .approve || t.action == .reject ? t.note : nil
        let name = user.displayName
        let startMonth = clock.nextMonth
        let now = clock.now
        try await writer.transaction { [writer] tx, audit in
            let store = ApplicationStore(db: tx)
            guard
                try await store.saveStep(
                    t.after, of: current.id, version: current.version, assessmentJSON: assessmentJSON,
                    grantedFen: grant?.monthlyFen, decisionNote: decision, at: now)
            else {
                throw Refusal.staleVersion(current: current.version + 1)
            }
            var note = t.note
            if let record = t.investigation {
                note =
                    "入户调查 \(record.visitedOn)：\(record.findings)"
                    + (record.economyCheckEligible ? "（核对结果：符合条件）" : "（核对结果：不符合条件）")
            }
            try await store.recordStep(
                application: current.id, action: t.action.rawValue, from: t.from.rawValue, to: t.to.rawValue,
                actor: writer.actor, actorName: name, note: note, at: now)
            try await audit.record(
                "application.\(t.action.rawValue)", entity: "application", id: current.id.uuidString,
                region: current.region, before: ["state": t.from.rawValue],
                after: ["state": t.to.rawValue, "note": note ?? ""])
            guard t.to == .approved else { return }
            if let meansOnFile {
                try await HouseholdMeansStore(db: tx, cipher: cipher).save(
                    householdID: current.householdId, means: meansOnFile,
                    month: startMonth, at: now)
            }
            if let grant {
                let enrollment = try await EnrollmentStore(db: tx).create(
                    item: grant.itemCode, household: current.householdId, person: current.personId,
                    region: current.region,
                    monthlyFen: grant.monthlyFen, start: startMonth, application: current.id, reason: "审批决定", at: now)
                try await audit.record(
                    "enrollment.create", entity: "enrollment", id: enrollment.uuidString, region: current.region,
                    after: [
                        "item": grant.itemCode, "monthlyFen": String(grant.monthlyFen),
                        "startMonth": startMonth.description, "application": current.id.uuidString,
                    ])
            }
        }
    }

    /// 家庭经济状况核对: the policy engine on the household as the registry knows it and as
    /// it declared, with the parameters in force for its region this month.
    private func economyCheck(
        _ application: ApplicationRecord, means: DeclaredMeans, month: YearMonth
    ) async throws -> EconomyCheck {
        let facts = try await ApplicationStore(db: db).memberFacts(household: application.householdId)
        let request = HouseholdEconomyCheck.request(
            region: application.region, month: month, members: facts, means: means)
        let service = AssessmentService(history: try await PolicyStore(db: db).history())
        do {
            return EconomyCheck(
                answer: try service.assess(request),
                memberOrder: HouseholdEconomyCheck.memberOrder(month: month, members: facts))
        } catch {
            throw Refusal(.conflict, "无法核对家庭经济状况：\(error.message)", field: error.field)
        }
    }

    func declaredMeans(_ id: UUID) async throws -> DeclaredMeans? {
        guard let stored = try await ApplicationStore(db: db).declaredMeansCipher(application: id) else { return nil }
        return try JSONDecoder().decode(DeclaredMeans.self, from: Data(try cipher.decrypt(stored).utf8))
    }
}

extension Request {
    /// The application service of the signed-in user.
    var applications: ApplicationService {
        ApplicationService(
            db: sql, writer: writer, cipher: platform.cipher, regions: platform.regions, clock: platform.clock)
    }
}
