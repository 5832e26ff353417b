import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// Registrations of social organisations as one signed-in user works them. Establishment is
/// applied for by a resident (its sponsor) or entered by the registry clerk at the window; a
/// change or deregistration by the organisation's own account or the clerk. Every step is
/// `ApplicationWorkflow` on the `registry` flow; approval writes the registry and issues (or
/// withdraws) the certificate in the step's transaction. The clerk (`manageOrganisations`) sees
/// the applications of the region, a resident their own, an organisation's account its
/// organisation's; anything else answers 404.
struct OrganisationRegistrations {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock
    let cipher: FieldCipher
    let regions: RegionTable
    let user: CurrentUser

    private var store: RegistrationStore { RegistrationStore(db: db) }
    private var registry: OrganisationRegistry {
        OrganisationRegistry(db: db, writer: writer, clock: clock, cipher: cipher, regions: regions, user: user)
    }
    private var isClerk: Bool { user.role.may(.manageOrganisations) }

    /// Who the user is to the applications; 403 for a role that neither keeps the registry,
    /// nor applies (a resident), nor is an organisation.
    func viewer() async throws -> RegistrationStore.Viewer {
        if isClerk { return .clerk(user.scope) }
        if user.role.may(.fileOrganisationReport) {
            guard let own = try await OrganisationStore(db: db).organisation(ofAccount: user.id) else {
                throw Refusal.notFound("社会组织")
            }
            return .organisation(own)
        }
        if user.role.may(.selfService) { return .applicant(user.id) }
        throw Refusal(.forbidden, "您的角色（\(user.role.chinese)）无权办理社会组织登记")
    }

    /// The clerk acts as staff of the region; a resident and an organisation's account only on
    /// their own applications, as the applicant.
    var actor: WorkflowActor { isClerk ? .staff(role: user.role, region: user.region) : .applicant }

    func list(
        state: String?, type: String?, organisation: UUID? = nil, page: PageRequest
    ) async throws -> Page<RegistrationRecord> {
        let viewer = try await viewer()
        var status: WorkflowState?
        if let state, !state.isEmpty {
            guard let s = WorkflowState(rawValue: state) else {
                throw Refusal.invalid("state", "状态应为 " + WorkflowState.allCases.map(\.rawValue).joined(separator: "、"))
            }
            status = s
        }
        var kind: RegistrationKind?
        if let type, !type.isEmpty {
            guard let k = RegistrationKind(rawValue: type) else {
                throw Refusal.invalid("type", "登记类型应为 establishment、change 或 deregistration")
            }
            kind = k
        }
        return try await store.list(for: viewer, state: status, type: kind, organisation: organisation, page: page)
    }

    func find(_ id: UUID?) async throws -> RegistrationRecord {
        guard let id, let found = try await store.find(id, for: try await viewer()) else {
            throw Refusal.notFound("登记申请")
        }
        return found
    }

    struct Choice: Content {
        let code: String
        let name: String
    }

    /// The application with its steps, the steps the user may take now, and its certificate.
    struct Detail: Content {
        let application: RegistrationRecord
        let steps: [RegistrationStep]
        let actions: [Choice]
        let certificate: CertificateRecord?
    }

    func detail(_ id: UUID?) async throws -> Detail {
        let application = try await find(id)
        let actions = ApplicationWorkflow().availableActions(
            for: application.workflowState, by: actor, on: clock.today)
        var certificate: CertificateRecord?
        if application.state == WorkflowState.approved.rawValue {
            certificate = try await db.raw(
                "SELECT * FROM organisation_certificates WHERE application_id = \(bind: application.id)"
            ).first().map(RegistrationStore.certificate)
        }
        return Detail(
            application: application, steps: try await store.steps(application.id),
            actions: actions.map { Choice(code: $0.rawValue, name: $0.chinese) }, certificate: certificate)
    }

    // MARK: applying

    /// `{type, organisationId?, kind?, name?, region?, domicile?, businessScope?, supervisingUnit?,
    /// registeredCapitalFen?, legalRepresentativePersonId? | legalRepresentativeName +
    /// legalRepresentativeIdNumber, reason?}`.
    struct NewRegistration: Content {
        var type: String?
        var organisationId: UUID?
        var kind: String?
        var name: String?
        var region: String?
        var domicile: String?
        var businessScope: String?
        var supervisingUnit: String?
        var registeredCapitalFen: Int64?
        var legalRepresentativePersonId: String?
        var legalRepresentativeName: String?
        var legalRepresentativeIdNumber: String?
        var reason: String?

        var fields: OrganisationProposal.Fields {
            OrganisationProposal.Fields(
                name: name, region: region, domicile: domicile, businessScope: businessScope,
                supervisingUnit: supervisingUnit, registeredCapitalFen: registeredCapitalFen,
                legalRepresentativePersonId: legalRepresentativePersonId,
                legalRepresentativeName: legalRepresentativeName,
                legalRepresentativeIdNumber: legalRepresentativeIdNumber)
        }
    }

    func submit(_ input: NewRegistration) async throws -> RegistrationRecord {
        let viewer = try await viewer()
        guard let type = input.type.flatMap(RegistrationKind.init(rawValue:)) else {
            throw Refusal.invalid("type", "登记类型应为 establishment（成立登记）、change（变更登记）或 deregistration（注销登记）")
        }
        let today = clock.today
        var row = RegistrationStore.NewRow(
            id: UUID(), type: type, organisationID: nil, kind: .socialGroup, region: "", applicant: nil,
            submittedBy: user.displayName, submittedOn: today)
        if case .applicant(let userID) = viewer { row.applicant = userID }
        switch type {
        case .establishment:
            if case .organisation = viewer {
                throw Refusal(.forbidden, "成立登记由发起人或登记机关办理")
            }
            let p = try RegistryInput.check { () throws(FieldProblem) -> OrganisationProposal in
                let kind = try OrganisationDraft.kind(input.kind)
                return try OrganisationProposal.validated(input.fields, kind: kind, today: today)
            }
            guard regions.isKnownOrCommunityOfKnownStreet(p.region), RegionTable.changzhou.contains(p.region) else {
                throw Refusal.invalid("region", "住所所在区划 \(p.region.value) 不是常州市的街道或社区")
            }
            if isClerk, !user.region.contains(p.region) {
                throw Refusal.invalid("region", "住所所在区划 \(p.region.value) 不在您的管辖范围")
            }
            row.kind = p.kind
            row.region = p.region.value
            row.name = p.name
            row.domicile = p.domicile
            row.businessScope = p.businessScope
            row.supervisingUnit = p.supervisingUnit
            row.capital = p.registeredCapital.value
            row.representative = try await seal(p.representative)
        case .change, .deregistration:
            var organisationID = input.organisationId
            if organisationID == nil, case .organisation(let own) = viewer { organisationID = own }
            let organisation = try await registry.find(organisationID)
            guard OrganisationStatus(rawValue: organisation.status)?.isRegistered == true else {
                throw Refusal(.conflict, "该组织已\(organisation.statusName)", field: "organisationId")
            }
            row.organisationID = organisation.id
            row.region = organisation.region
            row.kind = OrganisationKind(rawValue: organisation.kind) ?? .socialGroup
            if type == .change {
                let c = try RegistryInput.check { () throws(FieldProblem) in
                    try RegistrationChange.validated(input.fields, today: today)
                }
                row.name = c.name
                row.domicile = c.domicile
                row.businessScope = c.businessScope
                row.capital = c.registeredCapital?.value
                if let rep = c.representative { row.representative = try await seal(rep) }
            } else {
                row.reason = try RegistryInput.check { () throws(FieldProblem) in
                    try InputRules.text(input.reason, field: "reason", label: "注销原因")
                }
                guard row.reason != nil else {
                    throw Refusal.invalid("reason", "请填写注销原因（如：清算完毕、自行解散、分立合并）")
                }
            }
            if let open = try await store.openApplication(of: organisation.id) {
                throw Refusal(.conflict, "该组织有一件登记申请尚未办结（\(open.uuidString)）", field: "organisationId")
            }
        }
        let (now, final) = (clock.now, row)
        try await writer.transaction { tx, audit in
            try await RegistrationStore(db: tx).insert(final, at: now)
            try await audit.record(
                "registration.submit", entity: "organisationApplication", id: final.id.uuidString,
                region: final.region,
                after: [
                    "type": type.rawValue, "organisationId": final.organisationID?.uuidString ?? "",
                    "name": final.name ?? "", "representative": final.representative?.masked ?? "",
                    "reason": final.reason ?? "",
                ])
        }
        return try await find(final.id)
    }

    /// A registry person (the clerk's, within the region) or an outsider, sealed.
    private func seal(_ r: OrganisationDraft.Representative) async throws -> OrganisationStore.SealedRepresentative {
        if case .person = r, !isClerk {
            throw Refusal.invalid("legalRepresentativePersonId", "请填写法定代表人的姓名和身份证号")
        }
        return try await registry.seal(r)
    }

    // MARK: the steps

    /// `{action, version, note?, creditCode?}`: `creditCode` is the code the clerk gives on
    /// approving an establishment (GB 32100, the kind's type digit).
    struct StepInput: Content {
        var action: String?
        var version: Int?
        var note: String?
        var creditCode: String?
    }

    func act(_ id: UUID?, _ input: StepInput) async throws -> RegistrationRecord {
        let current = try await find(id)
        guard let kind = input.action.flatMap(WorkflowActionKind.init(rawValue:)) else {
            throw Refusal.invalid(
                "action",
                "未知操作：\(input.action ?? "（空）")，可用：" + WorkflowActionKind.allCases.map(\.rawValue).joined(separator: "、")
            )
        }
        guard let version = input.version else { throw Refusal.invalid("version", "缺少 version（当前版本号）") }
        guard version == current.version else { throw Refusal.staleVersion(current: current.version) }
        let today = clock.today
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.note, field: "note", label: "意见")
        }
        let transition: Transition
        switch ApplicationWorkflow().apply(
            WorkflowAction(kind: kind, note: note), to: current.workflowState, by: actor, on: today)
        {
        case .success(let t): transition = t
        case .failure(let refusal): throw refusal.refusal
        }
        var code: UnifiedSocialCreditCode?
        var organisation: OrganisationRecord?
        if kind == .approve {
            switch current.registration {
            case .establishment:
                code = try RegistryInput.check { () throws(FieldProblem) in
                    try OrganisationDraft.creditCode(input.creditCode, kind: current.organisationKind)
                }
            case .change, .deregistration:
                guard let id = current.organisationId,
                    let found = try await OrganisationStore(db: db).find(id, within: OrganisationStore.city)
                else { throw Refusal.notFound("社会组织") }
                guard OrganisationStatus(rawValue: found.status)?.isRegistered == true else {
                    throw Refusal(.conflict, "该组织已\(found.statusName)，不能再\(current.typeName)", field: "action")
                }
                organisation = found
            }
        }
        let validity = try await registry.parameters().certificateValidityYears
        let representative = try await representativeOnFile(current)
        let (approvedCode, target) = (code, organisation)
        let (now, name, cipher) = (clock.now, user.displayName, cipher)
        let decision = kind == .approve || kind == .reject ? transition.note : nil
        try await writer.transaction { tx, audit in
            let store = RegistrationStore(db: tx)
            guard
                try await store.saveStep(
                    transition.after, of: current.id, version: version, decisionNote: decision, at: now)
            else { throw Refusal.staleVersion(current: version + 1) }
            try await store.recordStep(transition, of: current.id, actorName: name, note: transition.note, at: now)
            try await audit.record(
                "registration.\(kind.rawValue)", entity: "organisationApplication", id: current.id.uuidString,
                region: current.region, before: ["state": transition.from.rawValue],
                after: ["state": transition.to.rawValue, "note": transition.note ?? ""])
            guard transition.to == .approved else { return }
            let effects = RegistrationEffects(
                db: tx, audit: audit, cipher: cipher, today: today, now: now, by: name, validityYears: validity)
            switch current.registration {
            case .establishment:
                guard let approvedCode, let representative else {
                    throw Refusal.invalid("creditCode", "缺少统一社会信用代码")
                }
                try await effects.establish(current, code: approvedCode, representative: representative)
            case .change:
                guard let target else { throw Refusal.notFound("社会组织") }
                try await effects.change(target, current, representative: representative)
            case .deregistration:
                guard let target else { throw Refusal.notFound("社会组织") }
                try await effects.deregister(target, current)
            }
        }
        return try await find(current.id)
    }

    /// The representative the application proposes, as the registry stores it (the blind index
    /// computed from the sealed number).
    private func representativeOnFile(_ a: RegistrationRecord) async throws -> OrganisationStore.SealedRepresentative? {
        guard let name = a.legalRepresentativeName, let masked = a.legalRepresentativeIdMasked,
            let sealed = try await store.sealedRepresentative(a.id)
        else { return nil }
        let number = try cipher.decrypt(sealed)
        return OrganisationStore.SealedRepresentative(
            personID: a.legalRepresentativePersonId, name: name, cipher: sealed, index: cipher.blindIndex(number),
            masked: masked)
    }

    // MARK: revocation and unreachability (the clerk)

    /// `{reason?, since?}`: the reason of a revocation (required) or the note of an unreachability,
    /// and since when the organisation could not be reached (default today).
    struct StatusInput: Content {
        var reason: String?
        var since: String?
    }

    /// Revokes the registration (撤销登记) of a registered organisation of the region.
    func revoke(_ id: UUID?, _ input: StatusInput) async throws -> OrganisationRecord {
        try user.require(.manageOrganisations)
        let o = try await registry.find(id)
        let reason = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.reason, field: "reason", label: "撤销理由")
        }
        guard let reason else { throw Refusal.invalid("reason", "请填写撤销登记的理由（违法事实与依据）") }
        guard OrganisationStatus(rawValue: o.status)?.isRegistered == true else {
            throw Refusal(.conflict, "该组织已\(o.statusName)，不能撤销登记", field: "status")
        }
        let validity = try await registry.parameters().certificateValidityYears
        let (today, now, name, cipher) = (clock.today, clock.now, user.displayName, cipher)
        try await writer.transaction { tx, audit in
            try await RegistrationEffects(
                db: tx, audit: audit, cipher: cipher, today: today, now: now, by: name, validityYears: validity
            ).revoke(o, reason: reason)
        }
        return try await registry.find(o.id)
    }

    /// Marks the organisation unreachable at its registered domicile since a day; a normal
    /// organisation goes onto the abnormal list for it, with the public notice.
    func markUnreachable(_ id: UUID?, _ input: StatusInput) async throws -> OrganisationRecord {
        try user.require(.manageOrganisations)
        let o = try await registry.find(id)
        let today = clock.today
        var since = today
        if let text = input.since?.trimmedWhitespace, !text.isEmpty {
            guard let day = CivilDate(text), day <= today else {
                throw Refusal.invalid("since", "无法联系的起始日期应为 YYYY-MM-DD，且不晚于今天")
            }
            since = day
        }
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.reason, field: "reason", label: "核查情况")
        }
        guard OrganisationStatus(rawValue: o.status)?.isRegistered == true else {
            throw Refusal(.conflict, "该组织已\(o.statusName)", field: "status")
        }
        guard o.unreachableSince == nil else {
            throw Refusal(.conflict, "该组织自 \(o.unreachableSince ?? "") 起已标记为无法联系", field: "since")
        }
        let (now, name, day) = (clock.now, user.displayName, since)
        try await writer.transaction { tx, audit in
            let organisations = OrganisationStore(db: tx)
            try await RegistrationStore(db: tx).setUnreachable(o.id, since: day, at: now)
            try await audit.record(
                "organisation.unreachable", entity: "organisation", id: o.id.uuidString, region: o.region,
                after: ["since": day.description, "note": note ?? ""])
            guard o.status == OrganisationStatus.normal.rawValue else { return }
            let reason = "通过登记的住所无法联系"
            try await organisations.setStatus(
                o.id, .abnormal, since: today, missedReport: false, reason: reason + (note.map { "：\($0)" } ?? ""),
                by: name, at: now)
            _ = try await organisations.insertNotice(
                o.id, kind: "abnormal", key: today.description, text: "\(o.name) 因\(reason)，自 \(today) 起列入活动异常名录",
                isPublic: true, on: today, at: now)
            try await audit.record(
                "organisation.listAbnormal", entity: "organisation", id: o.id.uuidString, region: o.region,
                after: ["cause": "unreachable", "since": today.description])
        }
        return try await registry.find(o.id)
    }

    /// Clears the mark; an organisation on the abnormal list for it alone comes off the list.
    func clearUnreachable(_ id: UUID?) async throws -> OrganisationRecord {
        try user.require(.manageOrganisations)
        let o = try await registry.find(id)
        guard let since = o.unreachableSince else {
            throw Refusal(.conflict, "该组织未标记为无法联系", field: "since")
        }
        let listedForReport = try await store.listedForMissedReport(o.id)
        let (today, now, name) = (clock.today, clock.now, user.displayName)
        try await writer.transaction { tx, audit in
            let organisations = OrganisationStore(db: tx)
            try await RegistrationStore(db: tx).setUnreachable(o.id, since: nil, at: now)
            try await audit.record(
                "organisation.reachable", entity: "organisation", id: o.id.uuidString, region: o.region,
                before: ["since": since], after: ["since": ""])
            guard o.status == OrganisationStatus.abnormal.rawValue, !listedForReport else { return }
            try await organisations.setStatus(
                o.id, .normal, since: today, missedReport: false, reason: "已恢复联系，移出活动异常名录", by: name, at: now)
            _ = try await organisations.insertNotice(
                o.id, kind: "removal", key: today.description, text: "\(o.name) 已恢复联系，自 \(today) 起移出活动异常名录",
                isPublic: true, on: today, at: now)
            try await audit.record(
                "organisation.removeAbnormal", entity: "organisation", id: o.id.uuidString, region: o.region,
                after: ["cause": "reachable", "since": today.description])
        }
        return try await registry.find(o.id)
    }

    // MARK: the certificates

    func certificates(_ organisation: UUID?) async throws -> [CertificateRecord] {
        try await store.certificates(try await registry.find(organisation).id)
    }

    /// A certificate, when the user may see its organisation (404 otherwise).
    func certificate(_ id: UUID?) async throws -> CertificateRecord {
        guard let id, let found = try await store.certificate(id) else { throw Refusal.notFound("登记证书") }
        _ = try await registry.find(found.organisationId)
        return found
    }
}

/// What an approval writes, inside the step's transaction.
struct RegistrationEffects {
    let db: SQLDatabase
    let audit: AuditRecorder
    let cipher: FieldCipher
    let today: CivilDate
    let now: Date
    let by: String
    let validityYears: Int

    private var registrations: RegistrationStore { RegistrationStore(db: db) }
    private var organisations: OrganisationStore { OrganisationStore(db: db) }

    /// Enters the organisation in the registry with the clerk's code, and issues its certificate.
    func establish(
        _ a: RegistrationRecord, code: UnifiedSocialCreditCode, representative: OrganisationStore.SealedRepresentative
    ) async throws {
        guard let region = RegionCode(a.region), let name = a.name, let domicile = a.domicile,
            let scope = a.businessScope, let capital = a.registeredCapitalFen
        else { throw Refusal(.conflict, "申请缺少登记事项") }
        let rep: OrganisationDraft.Representative
        if let person = representative.personID {
            rep = .person(person.uuidString)
        } else {
            rep = .outsider(
                name: representative.name, id: try ResidentID(try cipher.decrypt(representative.cipher), today: today))
        }
        let draft = OrganisationDraft(
            approved: code, name: name, kind: a.organisationKind, region: region, domicile: domicile,
            businessScope: scope, supervisingUnit: a.supervisingUnit, registeredCapital: Fen(capital),
            registeredOn: today, representative: rep)
        let id = UUID()
        try await organisations.insert(id: id, draft, representative: representative, by: by, at: now)
        try await registrations.linkOrganisation(a.id, organisation: id, creditCode: code.value)
        try await audit.record(
            "organisation.create", entity: "organisation", id: id.uuidString, region: a.region,
            after: [
                "creditCode": code.value, "name": name, "kind": a.kind, "representative": representative.masked,
                "registeredOn": today.description, "applicationId": a.id.uuidString,
            ])
        try await issue(id, application: a.id)
    }

    /// Writes the changed fields (the old values kept), and replaces the certificate.
    func change(
        _ o: OrganisationRecord, _ a: RegistrationRecord, representative: OrganisationStore.SealedRepresentative?
    ) async throws {
        let entries = try await registrations.applyChange(
            o, a, representative: representative.map { ($0.cipher, $0.index, $0.masked) }, on: today, by: by, at: now)
        try await organisations.addHistory(
            o.id, status: OrganisationStatus(rawValue: o.status) ?? .normal, since: today,
            reason: "变更登记：" + (entries.isEmpty ? "登记事项未变" : entries.map(\.fieldName).joined(separator: "、")), by: by,
            at: now)
        try await audit.record(
            "organisation.change", entity: "organisation", id: o.id.uuidString, region: o.region,
            before: Dictionary(uniqueKeysWithValues: entries.map { ($0.field, $0.oldValue) }),
            after: Dictionary(uniqueKeysWithValues: entries.map { ($0.field, $0.newValue) }))
        try await end(o, as: "superseded", reason: "变更登记，换发新证")
        try await issue(o.id, application: a.id)
    }

    /// Deregisters the organisation and withdraws its certificate.
    func deregister(_ o: OrganisationRecord, _ a: RegistrationRecord) async throws {
        let reason = "注销登记：\(a.reason ?? "")"
        try await organisations.setStatus(
            o.id, .deregistered, since: today, missedReport: false, reason: reason, by: by, at: now)
        try await audit.record(
            "organisation.deregister", entity: "organisation", id: o.id.uuidString, region: o.region,
            before: ["status": o.status], after: ["status": "deregistered", "reason": a.reason ?? ""])
        try await end(o, as: "withdrawn", reason: reason)
    }

    /// Revokes the organisation's registration (撤销登记): the status, its certificate withdrawn, the
    /// public notice, and the serious-violation listing the credit rules attach to revocation.
    func revoke(_ o: OrganisationRecord, reason: String) async throws {
        let text = "撤销登记：\(reason)"
        try await organisations.setStatus(
            o.id, .revoked, since: today, missedReport: false, reason: text, by: by, at: now)
        _ = try await organisations.insertNotice(
            o.id, kind: "revoked", key: today.description, text: "\(o.name) 因\(reason)，自 \(today) 起撤销登记",
            isPublic: true,
            on: today, at: now)
        _ = try await organisations.insertNotice(
            o.id, kind: "serious", key: today.description, text: "\(o.name) 被撤销登记，自 \(today) 起列入严重违法失信名单",
            isPublic: true, on: today, at: now)
        try await audit.record(
            "organisation.revoke", entity: "organisation", id: o.id.uuidString, region: o.region,
            before: ["status": o.status], after: ["status": "revoked", "reason": reason])
        try await audit.record(
            "organisation.listSerious", entity: "organisation", id: o.id.uuidString, region: o.region,
            after: ["cause": "revoked", "since": today.description])
        try await end(o, as: "withdrawn", reason: text)
    }

    private func issue(_ organisation: UUID, application: UUID?) async throws {
        guard let o = try await organisations.find(organisation, within: OrganisationStore.city) else {
            throw Refusal.notFound("社会组织")
        }
        let (id, number) = try await registrations.issueCertificate(
            o, application: application, on: today, validityYears: validityYears, at: now)
        try await audit.record(
            "organisation.certificate.issue", entity: "organisationCertificate", id: id.uuidString, region: o.region,
            after: ["number": number, "organisationId": o.id.uuidString, "name": o.name])
    }

    private func end(_ o: OrganisationRecord, as status: String, reason: String) async throws {
        guard let number = try await registrations.endCertificate(of: o.id, as: status, on: today, reason: reason)
        else {
            return
        }
        try await audit.record(
            "organisation.certificate.end", entity: "organisation", id: o.id.uuidString, region: o.region,
            after: ["number": number, "status": status, "reason": reason])
    }
}

extension Request {
    func organisationRegistrations() throws -> OrganisationRegistrations {
        OrganisationRegistrations(
            db: sql, writer: writer, clock: platform.clock, cipher: platform.cipher, regions: platform.regions,
            user: try user)
    }
}
