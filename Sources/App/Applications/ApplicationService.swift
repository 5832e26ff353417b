import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// What happens to applications: intake, each review step, and the enrollment approval
/// creates. Shared by the API and the pages; every write is one audited transaction.
struct ApplicationService {
    let req: Request

    var catalog: AssistanceCatalog {
        get async throws { try await CatalogStore(db: req.sql).catalog() }
    }

    /// Who the signed-in user is to the queries.
    func viewer(_ user: CurrentUser) async throws -> ApplicationStore.Viewer {
        switch user.role {
        case .resident:
            let person = try await ResidentAccounts.personID(of: user, on: req)
            let households = try await req.sql.raw("SELECT household_id FROM memberships WHERE person_id = \(bind: person) AND left_at IS NULL")
                .all().map { try $0.decode(column: "household_id", as: UUID.self) }
            return .resident(householdIDs: households, userID: user.id)
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
            throw AppError.invalid("itemCode", "救助事项代码无效：\(body.itemCode ?? "（空）")")
        }
        let householdID: UUID
        if user.role == .resident {
            guard case .resident(let households, _) = try await viewer(user), let own = households.first else {
                throw AppError.invalid("householdId", "您尚未登记在任何家庭中，请到社区办理")
            }
            // A resident applies for their own household only; naming another is refused, not ignored.
            if let named = body.householdId, named != own {
                throw AppError.invalid("householdId", "居民只能为本人所在家庭申请；如需为他人申请，请到社区代办")
            }
            householdID = own
        } else {
            // On a household's behalf: staff who keep its registry, not a partner department
            // (which decides its own items) nor an auditor.
            try user.require(.handleApplications)
            try user.require(.editRegistry)
            guard let id = body.householdId else { throw AppError.invalid("householdId", "缺少 householdId（申请家庭）") }
            householdID = id
        }
        guard let household = try await req.registry.household(id: householdID, within: user.role == .resident ? RegionScope(RegionTable.changzhou) : user.scope),
              let region = RegionCode(household.region) else { throw AppError.notFound("家庭") }
        var personID: UUID?
        if item.subject == .person {
            guard let id = body.personId else { throw AppError.invalid("personId", "\(item.name)按人申请，请选择申请人（personId）") }
            guard household.members.contains(where: { $0.personId == id }) else {
                throw AppError.invalid("personId", "申请人不是该家庭的现有成员")
            }
            personID = id
        }
        var declared = body.means
        if let means = declared {
            try RegistryInput.check { () throws(FieldProblem) in try means.validate() }
            // A declaration speaks of the household's own members, never of someone else's
            // record; their ids are kept in the registry's form, which the economy check matches.
            let members = Set(household.members.map(\.personId))
            for (i, member) in means.members.enumerated() {
                guard let id = UUID(uuidString: member.personId), members.contains(id) else {
                    throw AppError.invalid("means.members[\(i)].personId", "申报的成员不是该家庭的现有成员")
                }
                declared?.members[i].personId = id.uuidString
            }
        }
        let requested = try body.requestedFen.map { amount in try RegistryInput.check { () throws(FieldProblem) in try InputRules.amount(amount, field: "requestedFen") } }
        let note = try RegistryInput.check { () throws(FieldProblem) in try InputRules.text(body.note, field: "note", label: "备注") }
        let store = ApplicationStore(db: req.sql)
        let beneficiary: AssistanceBeneficiary = personID.map { .person(id: $0.uuidString, household: householdID.uuidString) }
            ?? .household(id: householdID.uuidString, members: Set(household.members.map(\.personId.uuidString)))
        let conflicts = AssistanceExclusions.conflicts(newItem: code, subject: beneficiary,
                                                       existing: try await store.activeEnrollments(household: householdID))
            .map { $0.chinese(in: catalog) }
        let today = Clock.today()
        let flow: WorkflowFlow
        if item.isCivilAffairs {
            let standard = try await standard(region: region, on: today)
            let level = item.approval.approvingLevel(requestedAmount: requested ?? .zero, standard: standard)
            flow = .civilAffairs(approvingLevel: ApprovingLevel(level) ?? .district)
        } else {
            flow = .department(code: item.department.rawValue)
        }
        let means = try declared.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }.map(req.platform.cipher.encrypt)
        let conflictsJSON = String(decoding: try JSONEncoder().encode(conflicts), as: UTF8.self)
        let id = UUID.random()
        let actorName = user.displayName
        let person = personID
        try await req.auditedTransaction { tx, audit in
            let now = Date()
            try await tx.insert(into: "applications")
                .columns("id", "item_code", "household_id", "person_id", "region", "flow", "approving_level", "department", "state",
                         "open_objections", "means_cipher", "conflicts_json", "submitted_on", "deadline_on", "applicant_user_id", "submitted_by",
                         "version", "created_at", "updated_at")
                .values(SQLBind(id), SQLBind(code.rawValue), SQLBind(householdID), SQLBind(person), SQLBind(region.value),
                        SQLBind(flow.kind.rawValue), SQLBind(flow.approvingLevel?.rawValue), SQLBind(flow.departmentCode),
                        SQLBind(WorkflowState.submitted.rawValue), SQLBind(0), SQLBind(means), SQLBind(conflictsJSON),
                        SQLBind(today.description), SQLBind(WorkingDayCalendar.china.dueDate(submitted: today).description),
                        SQLBind(user.role == .resident ? user.id : nil), SQLBind(actorName), SQLBind(1), SQLBind(now), SQLBind(now))
                .run()
            try await Self.step(tx, application: id, action: "submit", from: "new", to: WorkflowState.submitted.rawValue,
                                actor: req.auditActor, actorName: actorName, note: note)
            try await audit.record("application.submit", entity: "application", id: id.uuidString, region: region.value,
                                   after: ["item": code.rawValue, "household": householdID.uuidString, "conflicts": conflicts.joined(separator: "；")])
        }
        return id
    }

    /// The dibao standard in force for the region this month (the temporary-assistance
    /// threshold is a multiple of it).
    private func standard(region: RegionCode, on day: CivilDate) async throws -> Fen {
        do {
            return try await req.policy.history().parameters(for: region.value, month: YearMonth(year: day.year, month: day.month)!).dibaoStandard
        } catch let error as PolicyParameterError {
            throw AppError(.internalServerError, error.description)
        }
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

    /// One step of the review. Refusals: 404 outside the viewer's reach, 409 for a step the
    /// state does not allow or a stale version, 403 for the wrong role, 400 for a missing note.
    func act(on id: UUID, _ body: ActionRequest, by user: CurrentUser) async throws -> ApplicationRecord {
        let catalog = try await catalog
        let viewer = try await viewer(user)
        let store = ApplicationStore(db: req.sql)
        guard let current = try await store.application(id: id, for: viewer, catalog: catalog) else { throw AppError.notFound("申请") }
        guard let kind = body.action.flatMap(WorkflowActionKind.init) else {
            throw AppError.invalid("action", "未知操作：\(body.action ?? "（空）")，可用：" + WorkflowActionKind.allCases.map(\.rawValue).joined(separator: "、"))
        }
        guard let version = body.version else { throw AppError.invalid("version", "缺少 version（当前版本号）") }
        guard version == current.version else { throw AppError.staleVersion(current: current.version) }
        let today = Clock.today()
        let note = try RegistryInput.check { () throws(FieldProblem) in try InputRules.text(body.note, field: "note", label: "意见") }
        let findings = try RegistryInput.check { () throws(FieldProblem) in try InputRules.text(body.findings, field: "findings", label: "调查情况") }
        let amount = try body.amountFen.map { value in try RegistryInput.check { () throws(FieldProblem) in try InputRules.amount(value, field: "amountFen") } }
        var action = WorkflowAction(kind: kind, note: note)
        var check: EconomyCheck?
        if kind == .investigate || kind == .approve, let item = AssistanceItemCode(current.itemCode).flatMap(catalog.item), item.engineProgram != nil {
            check = try await economyCheck(current, month: YearMonth(year: today.year, month: today.month)!)
        }
        if kind == .investigate {
            guard let visited = body.visitedOn.flatMap({ CivilDate($0.trimmedWhitespace) }) else {
                throw AppError.invalid("visitedOn", "请填写入户调查日期（YYYY-MM-DD）")
            }
            let eligible = check.map { $0.decision(for: current, catalog: catalog) != nil } ?? true
            action.investigation = InvestigationRecord(visitedOn: visited, findings: findings ?? "", economyCheckEligible: eligible)
        }
        let transition: Transition
        switch ApplicationWorkflow().apply(action, to: current.workflowState, by: actor(user), on: today) {
        case .success(let t): transition = t
        case .failure(let refusal):
            throw AppError(HTTPResponseStatus(statusCode: refusal.httpStatus), refusal.message, field: refusal.field)
        }
        var grant: Grant?
        if kind == .approve {
            if let check {
                guard let decided = check.decision(for: current, catalog: catalog) else {
                    throw AppError(.conflict, "家庭经济状况核对结果不符合\(current.itemName)条件，不能批准；如确需办理请说明理由后作出不予批准决定", field: "action")
                }
                grant = decided
            } else {
                grant = Grant(itemCode: current.itemCode, monthlyFen: amount?.value ?? 0)
            }
        }
        // An approved household's declaration becomes its means on file, which the
        // standard-change recalculation and the what-if reassess.
        let meansOnFile = kind == .approve ? (try await declaredMeans(current.id) ?? DeclaredMeans()) : nil
        try await save(transition, of: current, assessment: check?.answer, grant: grant, meansOnFile: meansOnFile, user: user)
        guard let updated = try await store.application(id: id, for: viewer, catalog: catalog) else { throw AppError.notFound("申请") }
        return updated
    }

    private func save(_ t: Transition, of current: ApplicationRecord, assessment: AssessmentResponse?, grant: Grant?,
                      meansOnFile: DeclaredMeans?, user: CurrentUser) async throws {
        let cipher = req.platform.cipher
        let after = t.after
        let assessmentJSON = try assessment.map { String(decoding: try $0.jsonData(prettyPrinted: false), as: UTF8.self) }
        let decision = t.action == .approve || t.action == .reject ? t.note : nil
        let actor = req.auditActor
        let name = user.displayName
        let startMonth = YearMonth(year: Clock.today().year, month: Clock.today().month)!.adding(months: 1)
        try await req.auditedTransaction { tx, audit in
            let now = Date()
            var update = tx.update("applications")
                .set("state", to: after.status.rawValue).set("returned_from", to: after.returnedFrom?.rawValue)
                .set("publicity_start", to: after.publicityStart?.description).set("open_objections", to: after.openObjections)
                .set("economy_check_eligible", to: after.economyCheckEligible)
                .set("version", to: current.version + 1).set("updated_at", to: now)
            if let assessmentJSON { update = update.set("assessment_json", to: assessmentJSON) }
            if let grant { update = update.set("monthly_fen", to: grant.monthlyFen) }
            if let decision { update = update.set("decision_note", to: decision) }
            let changed = try await update.where("id", .equal, current.id).where("version", .equal, current.version)
                .returning("id").all()
            // Someone else moved it between our read and this write.
            guard !changed.isEmpty else { throw AppError.staleVersion(current: current.version + 1) }
            var note = t.note
            if let record = t.investigation {
                note = "入户调查 \(record.visitedOn)：\(record.findings)" + (record.economyCheckEligible ? "（核对结果：符合条件）" : "（核对结果：不符合条件）")
            }
            try await Self.step(tx, application: current.id, action: t.action.rawValue, from: t.from.rawValue, to: t.to.rawValue,
                                actor: actor, actorName: name, note: note)
            try await audit.record("application.\(t.action.rawValue)", entity: "application", id: current.id.uuidString, region: current.region,
                                   before: ["state": t.from.rawValue], after: ["state": t.to.rawValue, "note": note ?? ""])
            if t.to == .approved, let meansOnFile {
                try await HouseholdMeansStore(db: tx, cipher: cipher).save(householdID: current.householdId, means: meansOnFile, month: startMonth)
            }
            if t.to == .approved, let grant {
                let enrollment = try await EnrollmentStore(db: tx).create(
                    item: grant.itemCode, household: current.householdId, person: current.personId, region: current.region,
                    monthlyFen: grant.monthlyFen, start: startMonth, application: current.id, reason: "审批决定")
                try await audit.record("enrollment.create", entity: "enrollment", id: enrollment.uuidString, region: current.region,
                                       after: ["item": grant.itemCode, "monthlyFen": String(grant.monthlyFen), "startMonth": startMonth.description,
                                               "application": current.id.uuidString])
            }
        }
    }

    /// What approval grants: the enrollment's item (dibao may be granted as 单人保) and amount.
    struct Grant: Sendable {
        let itemCode: String
        let monthlyFen: Int64
    }

    /// The engine's answer, and where the applicant stands in it.
    struct EconomyCheck: Sendable {
        let answer: AssessmentResponse
        /// Person ids in the answer's `member` order.
        let memberOrder: [String]

        /// What the engine grants for the application's item, nil when not eligible. A
        /// person item counts only the applicant's own entry; a dibao application may end
        /// in 单人保 (individual dibao) for one member, which is granted under that code.
        func decision(for application: ApplicationRecord, catalog: AssistanceCatalog) -> Grant? {
            guard let code = AssistanceItemCode(application.itemCode), let program = catalog.item(code)?.engineProgram else { return nil }
            let applicantIndex = application.personId.flatMap { memberOrder.firstIndex(of: $0.uuidString) }
            func entries(_ p: PolicyProgram) -> [AssessmentResponse.Program] {
                answer.programs.filter { $0.program == p && $0.eligible && (application.personId == nil || $0.member == applicantIndex) }
            }
            if !entries(program).isEmpty { return Grant(itemCode: code.rawValue, monthlyFen: entries(program).reduce(0) { $0 + $1.monthlyFen }) }
            if program == .dibao, !entries(.individualDibao).isEmpty {
                return Grant(itemCode: PolicyProgram.individualDibao.rawValue, monthlyFen: entries(.individualDibao).reduce(0) { $0 + $1.monthlyFen })
            }
            return nil
        }
    }

    /// 家庭经济状况核对: the policy engine on the household as the registry knows it and as
    /// it declared, with the parameters in force for its region this month.
    func economyCheck(_ application: ApplicationRecord, month: YearMonth) async throws -> EconomyCheck {
        let facts = try await ApplicationStore(db: req.sql).memberFacts(household: application.householdId)
        let means = try await declaredMeans(application.id) ?? DeclaredMeans()
        let request = HouseholdEconomyCheck.request(region: application.region, month: month, members: facts, means: means)
        let service = AssessmentService(history: try await req.policy.history())
        do {
            return EconomyCheck(answer: try service.assess(request), memberOrder: HouseholdEconomyCheck.memberOrder(month: month, members: facts))
        } catch {
            throw AppError(.conflict, "无法核对家庭经济状况：\(error.message)", field: error.field)
        }
    }

    func declaredMeans(_ id: UUID) async throws -> DeclaredMeans? {
        guard let stored = try await req.sql.select().column("means_cipher").from("applications").where("id", .equal, id).first()?
            .decode(column: "means_cipher", as: String?.self) else { return nil }
        return try JSONDecoder().decode(DeclaredMeans.self, from: Data(try req.platform.cipher.decrypt(stored).utf8))
    }

    static func step(_ tx: SQLDatabase, application: UUID, action: String, from: String, to: String, actor: AuditActor,
                     actorName: String, note: String?, at: Date = Date()) async throws {
        try await tx.insert(into: "application_steps")
            .columns("id", "application_id", "action", "from_state", "to_state", "actor_id", "actor_name", "note", "at")
            .values(SQLBind(UUID.random()), SQLBind(application), SQLBind(action), SQLBind(from), SQLBind(to), SQLBind(actor.id),
                    SQLBind(actorName), SQLBind(note), SQLBind(at))
            .run()
    }
}
