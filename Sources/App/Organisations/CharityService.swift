import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The charity division (慈善) as one signed-in user works it. The charity clerk (`manageCharity`:
/// district officers and the city, within their region) recognises charitable organisations,
/// grants and withdraws the public-fundraising qualification, takes fundraising filings and runs
/// the city charity award; an organisation's own account applies for recognition of its own
/// organisation, files its fundraising plans and reports the amounts raised, and sees nothing
/// else (404). The 1798 needs are in `CharityNeedService`.
struct CharityService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock
    let user: CurrentUser

    var store: CharityStore { CharityStore(db: db) }

    func parameters() async throws -> CharityParameters {
        try await PolicyStore(db: db).parameters(for: RegionTable.changzhou.value, month: clock.today.yearMonth).charity
    }

    private var isOrganisation: Bool { user.role.may(.fileOrganisationReport) }

    /// The organisation of the signed-in organisation's account.
    private func ownOrganisation() async throws -> UUID {
        guard let id = try await OrganisationStore(db: db).organisation(ofAccount: user.id) else {
            throw Refusal.notFound("社会组织")
        }
        return id
    }

    /// The registry's organisation the user may act for: its own (an organisation's account), or
    /// one of the clerk's region.
    private func registered(_ id: UUID?) async throws -> OrganisationRecord {
        let organisations = OrganisationStore(db: db)
        if isOrganisation {
            let own = try await ownOrganisation()
            guard id == nil || id == own, let found = try await organisations.find(own, within: OrganisationStore.city)
            else { throw Refusal.notFound("社会组织") }
            return found
        }
        try user.require(.manageCharity)
        guard let id else { throw Refusal.invalid("organisationId", "请选择社会组织") }
        guard let found = try await organisations.find(id, within: user.scope) else { throw Refusal.notFound("社会组织") }
        return found
    }

    // MARK: charitable organisations

    func list(status: String?, page: PageRequest) async throws -> Page<CharitableOrganisationRecord> {
        try user.require(.manageCharity)
        if let status, !["applied", "recognised", "refused"].contains(status) {
            throw Refusal.invalid("status", "状态应为 applied、recognised 或 refused")
        }
        return try await store.charitableOrganisations(within: user.scope, status: status, page: page)
    }

    /// The charitable organisation when the user may see it (the clerk's region, the organisation its own).
    func find(_ id: UUID?) async throws -> CharitableOrganisationRecord {
        guard let id else { throw Refusal.notFound("慈善组织") }
        if isOrganisation {
            guard try await ownOrganisation() == id else { throw Refusal.notFound("慈善组织") }
        } else {
            try user.require(.manageCharity)
        }
        guard let found = try await store.charitableOrganisation(id), isOrganisation || within(found.region) else {
            throw Refusal.notFound("慈善组织")
        }
        return found
    }

    private func within(_ region: String) -> Bool { RegionCode(region).map { user.region.contains($0) } ?? false }

    struct Detail: Content {
        let organisation: CharitableOrganisationRecord
        let filings: [CharityFilingRecord]
        let raisedFen: Int64
    }

    func detail(_ id: UUID?) async throws -> Detail {
        let found = try await find(id)
        let filings = try await store.filings(organisation: found.id)
        return Detail(organisation: found, filings: filings, raisedFen: filings.reduce(0) { $0 + ($1.raisedFen ?? 0) })
    }

    struct ApplyInput: Content {
        var organisationId: UUID?
    }

    /// An application for recognition: by the organisation's account for itself, or entered by the
    /// clerk; refused (409) for an organisation not in normal standing.
    func apply(_ input: ApplyInput) async throws -> CharitableOrganisationRecord {
        let organisation = try await registered(input.organisationId)
        if let problem = CharityRules.recognitionProblem(
            status: OrganisationStatus(rawValue: organisation.status) ?? .revoked)
        {
            throw problem
        }
        let (today, now, by, byOrganisation) = (clock.today, clock.now, user.displayName, isOrganisation)
        try await writer.transaction { tx, audit in
            guard
                try await CharityStore(db: tx).apply(
                    organisation.id, region: organisation.region, by: by, byOrganisation: byOrganisation, on: today,
                    at: now)
            else { throw Refusal(.conflict, "该组织已申请或已认定为慈善组织", field: "organisationId") }
            try await audit.record(
                "charity.organisation.apply", entity: "charitableOrganisation", id: organisation.id.uuidString,
                region: organisation.region, after: ["name": organisation.name, "by": by])
        }
        return try await find(organisation.id)
    }

    struct DecisionInput: Content {
        var recognised: Bool?
        var note: String?
        var version: Int?
    }

    /// The clerk's decision on an application, dated today: recognised (only in normal standing)
    /// or refused with a reason.
    func decide(_ id: UUID?, _ input: DecisionInput) async throws -> CharitableOrganisationRecord {
        try user.require(.manageCharity)
        let found = try await find(id)
        guard found.status == "applied" else { throw Refusal(.conflict, "该申请已于 \(found.decidedOn ?? "") 作出决定") }
        let version = try RatingService.version(.init(version: input.version), current: found.version)
        guard let recognised = input.recognised else { throw Refusal.invalid("recognised", "请选择认定或不予认定") }
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.note, field: "note", label: "说明")
        }
        if recognised,
            let problem = CharityRules.recognitionProblem(
                status: OrganisationStatus(rawValue: found.organisationStatus) ?? .revoked)
        {
            throw problem
        }
        if !recognised, note == nil { throw Refusal.invalid("note", "不予认定须写明理由") }
        let (today, by) = (clock.today, user.displayName)
        try await writer.transaction { tx, audit in
            guard
                try await CharityStore(db: tx).decide(
                    found.id, version: version, recognised: recognised, note: note, on: today, by: by)
            else { throw Refusal.staleVersion(current: version + 1) }
            try await audit.record(
                "charity.organisation.decide", entity: "charitableOrganisation", id: found.id.uuidString,
                region: found.region,
                after: ["recognised": recognised ? "yes" : "no", "on": today.description, "note": note ?? ""])
        }
        return try await find(found.id)
    }

    struct QualificationInput: Content {
        /// `grant` or `withdraw`.
        var action: String?
        /// The day of the decision (today when absent; never in the future).
        var on: String?
        var note: String?
        var version: Int?
    }

    /// Grants the public-fundraising qualification (recognised, normal, registered long enough) or
    /// withdraws it (a reason needed), dated.
    func qualification(_ id: UUID?, _ input: QualificationInput) async throws -> CharitableOrganisationRecord {
        try user.require(.manageCharity)
        let found = try await find(id)
        let version = try RatingService.version(.init(version: input.version), current: found.version)
        guard let action = input.action, action == "grant" || action == "withdraw" else {
            throw Refusal.invalid("action", "应为 grant（授予）或 withdraw（撤销）")
        }
        let today = clock.today
        var day = today
        if let text = input.on?.trimmedWhitespace, !text.isEmpty {
            guard let parsed = CivilDate(text), parsed <= today else {
                throw Refusal.invalid("on", "日期应为不晚于今天的 YYYY-MM-DD")
            }
            day = parsed
        }
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.note, field: "note", label: "说明")
        }
        let grant = action == "grant"
        if grant {
            if let problem = CharityRules.qualificationProblem(
                recognised: found.status == "recognised",
                status: OrganisationStatus(rawValue: found.organisationStatus) ?? .revoked,
                registeredOn: CivilDate(found.registeredOn) ?? today, held: found.qualified, on: day,
                try await parameters())
            {
                throw problem
            }
        } else {
            guard found.qualified else { throw Refusal(.conflict, "该组织未持有公开募捐资格", field: "action") }
            guard note != nil else { throw Refusal.invalid("note", "撤销公开募捐资格须写明理由") }
        }
        let decidedOn = day
        try await writer.transaction { tx, audit in
            guard
                try await CharityStore(db: tx).qualification(
                    found.id, version: version, grant: grant, on: decidedOn, note: note)
            else { throw Refusal.staleVersion(current: version + 1) }
            try await audit.record(
                grant ? "charity.qualification.grant" : "charity.qualification.withdraw",
                entity: "charitableOrganisation", id: found.id.uuidString, region: found.region,
                after: ["on": decidedOn.description, "note": note ?? ""])
        }
        return try await find(found.id)
    }

    // MARK: fundraising filings

    struct FilingInput: Content {
        var purpose: String?
        var startsOn: String?
        var endsOn: String?
        var targetFen: Int64?
        var channels: String?
        var platform: String?
    }

    /// A fundraising plan filed by the organisation (or the clerk for it), checked by
    /// `CharityRules.filingProblem` against its qualification and its earlier plans.
    func file(_ id: UUID?, _ input: FilingInput) async throws -> CharityFilingRecord {
        let found = try await find(id)
        let (purpose, channels, platform) = try RegistryInput.check { () throws(FieldProblem) in
            (
                try InputRules.line(input.purpose, field: "purpose", label: "募捐目的", maximumLength: 100),
                try InputRules.line(input.channels, field: "channels", label: "募捐方式", maximumLength: 200),
                try InputRules.line(input.platform, field: "platform", label: "募捐平台", maximumLength: 100)
            )
        }
        guard let purpose, let channels, let platform else { throw Refusal.invalid("purpose", "请填写募捐目的") }
        guard let start = input.startsOn.flatMap(CivilDate.init) else {
            throw Refusal.invalid("startsOn", "开始日期应为 YYYY-MM-DD")
        }
        guard let end = input.endsOn.flatMap(CivilDate.init) else {
            throw Refusal.invalid("endsOn", "结束日期应为 YYYY-MM-DD")
        }
        guard let target = input.targetFen else { throw Refusal.invalid("targetFen", "请填写募捐目标金额（分）") }
        _ = try RegistryInput.check { () throws(FieldProblem) in try InputRules.amount(target, field: "targetFen") }
        let period = CharityPeriod(start: start, end: end)
        let today = clock.today
        let earlier = try await store.filings(organisation: found.id).compactMap { f -> CharityRules.Filed? in
            guard let s = CivilDate(f.startsOn), let e = CivilDate(f.endsOn) else { return nil }
            return CharityRules.Filed(
                id: f.id.uuidString, period: CharityPeriod(start: s, end: e), platform: f.platform, purpose: f.purpose)
        }
        let qualifiedSince = found.qualified ? found.qualifiedSince.flatMap(CivilDate.init) : nil
        if let problem = CharityRules.filingProblem(
            period: period, targetFen: target, platform: platform, purpose: purpose, qualifiedSince: qualifiedSince,
            on: today, earlier: earlier, try await parameters())
        {
            throw problem
        }
        let record = CharityFilingRecord(
            id: UUID(), organisationId: found.id, organisationName: found.name, region: found.region, purpose: purpose,
            startsOn: start.description, endsOn: end.description, targetFen: target, target: Fen(target).formatted,
            channels: channels, platform: platform, filedOn: today.description, filedBy: user.displayName,
            raisedFen: nil, raised: nil, raisedReportedOn: nil)
        let now = clock.now
        try await writer.transaction { tx, audit in
            try await CharityStore(db: tx).insertFiling(record, at: now)
            try await audit.record(
                "charity.filing.create", entity: "charityFiling", id: record.id.uuidString, region: record.region,
                after: [
                    "organisationId": found.id.uuidString, "purpose": purpose, "startsOn": record.startsOn,
                    "endsOn": record.endsOn, "targetFen": "\(target)", "platform": platform,
                ])
        }
        return record
    }

    /// The filing when the user may see it: the clerk's region, the organisation its own; the
    /// street's staff who match needs to projects see every filing (they are public).
    func filing(_ id: UUID?) async throws -> CharityFilingRecord {
        guard let id, let found = try await store.filing(id) else { throw Refusal.notFound("募捐方案") }
        if isOrganisation {
            guard try await ownOrganisation() == found.organisationId else { throw Refusal.notFound("募捐方案") }
            return found
        }
        guard user.role.may(.manageCharity) || user.role.may(.recordCharityNeeds) else {
            throw Refusal(.forbidden, "您的角色（\(user.role.chinese)）无权查看募捐方案")
        }
        return found
    }

    /// The filings: the clerk's region (all, or those in progress today with `current`), the
    /// organisation's own.
    func filings(current: Bool, page: PageRequest) async throws -> Page<CharityFilingRecord> {
        if isOrganisation {
            let own = try await store.filings(organisation: try await ownOrganisation())
            return Page(items: own, total: own.count, page: 1, perPage: max(own.count, 1))
        }
        guard user.role.may(.manageCharity) || user.role.may(.recordCharityNeeds) else {
            throw Refusal(.forbidden, "您的角色（\(user.role.chinese)）无权查看募捐方案")
        }
        // Charity projects serve the whole city: street staff see every filing to match needs.
        let scope = user.role.may(.manageCharity) && !current ? user.scope : nil
        return try await store.filings(within: scope, current: current ? clock.today : nil, page: page)
    }

    struct RaisedInput: Content {
        var raisedFen: Int64?
    }

    /// The amount raised, reported (or corrected) once the fundraising started.
    func reportRaised(_ id: UUID?, _ input: RaisedInput) async throws -> CharityFilingRecord {
        let found = try await filing(id)
        if !isOrganisation {
            try user.require(.manageCharity)
            guard within(found.region) else { throw Refusal.notFound("募捐方案") }
        }
        guard let start = CivilDate(found.startsOn), let end = CivilDate(found.endsOn) else {
            throw Refusal.notFound("募捐方案")
        }
        let today = clock.today
        if let problem = CharityRules.raisedProblem(
            period: CharityPeriod(start: start, end: end), raisedFen: input.raisedFen, on: today)
        {
            throw problem
        }
        let raised = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.amount(input.raisedFen ?? 0, field: "raisedFen")
        }.value
        try await writer.transaction { tx, audit in
            try await CharityStore(db: tx).reportRaised(found.id, fen: raised, on: today)
            try await audit.record(
                "charity.filing.raised", entity: "charityFiling", id: found.id.uuidString, region: found.region,
                before: ["raisedFen": found.raisedFen.map { "\($0)" } ?? ""], after: ["raisedFen": "\(raised)"])
        }
        return try await filing(found.id)
    }

    // MARK: the city charity award

    func rounds() async throws -> [CharityAwardRoundRecord] {
        try user.require(.manageCharity)
        return try await store.rounds(within: user.scope, try await parameters())
    }

    private func round(_ id: UUID?) async throws -> CharityAwardRoundRecord {
        try user.require(.manageCharity)
        guard let id, let found = try await store.round(id, try await parameters()), within(found.region) else {
            throw Refusal.notFound("慈善奖评选")
        }
        return found
    }

    struct RoundInput: Content {
        var name: String?
        var year: Int?
        var categories: [String]?
    }

    func createRound(_ input: RoundInput) async throws -> CharityAwardRoundRecord {
        try user.require(.manageCharity)
        let name = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.line(input.name, field: "name", label: "评选名称", maximumLength: 100)
        }
        guard let name else { throw Refusal.invalid("name", "请填写评选名称") }
        let today = clock.today
        guard let year = input.year, (today.year - 1...today.year + 1).contains(year) else {
            throw Refusal.invalid("year", "年度应为 \(today.year - 1)–\(today.year + 1)")
        }
        let categories = (input.categories ?? []).map(\.trimmedWhitespace).filter { !$0.isEmpty }
        guard !categories.isEmpty, categories.allSatisfy({ $0.count <= 50 }), Set(categories).count == categories.count
        else { throw Refusal.invalid("categories", "请填写至少一个奖项类别（每个不超过 50 字，不重复）") }
        let (id, now, by, region) = (UUID(), clock.now, user.displayName, user.region.value)
        try await writer.transaction { tx, audit in
            try await CharityStore(db: tx).insertRound(
                id: id, name: name, year: year, region: region, categories: categories, by: by, at: now)
            try await audit.record(
                "charity.award.create", entity: "charityAward", id: id.uuidString, region: region,
                after: ["name": name, "year": "\(year)", "categories": categories.joined(separator: "、")])
        }
        return try await round(id)
    }

    struct RoundDetail: Content {
        let round: CharityAwardRoundRecord
        let nominations: [CharityNominationRecord]
        let objections: [CharityObjectionRecord]
        let openObjections: Int
    }

    func roundDetail(_ id: UUID?) async throws -> RoundDetail {
        let found = try await round(id)
        let objections = try await store.objections(round: found.id)
        return RoundDetail(
            round: found, nominations: try await store.nominations(round: found.id), objections: objections,
            openObjections: objections.filter { $0.status == "open" }.count)
    }

    struct NominationInput: Content {
        var category: String?
        /// `organisation`, `person` or `project`.
        var nomineeKind: String?
        var nomineeName: String?
        /// For an organisation: the registry's organisation (its name then taken from the registry).
        var organisationId: UUID?
        var deeds: String?
    }

    func nominate(_ roundID: UUID?, _ input: NominationInput) async throws -> CharityNominationRecord {
        let found = try await round(roundID)
        guard found.stage == CharityAwardStage.nominating.rawValue else {
            throw Refusal(.conflict, "本届慈善奖\(found.stageName)，不再接受提名")
        }
        guard let category = input.category?.trimmedWhitespace, found.categories.contains(category) else {
            throw Refusal.invalid("category", "奖项类别应为：" + found.categories.joined(separator: "、"))
        }
        guard let kind = input.nomineeKind.flatMap(CharityNomineeKind.init(rawValue:)) else {
            throw Refusal.invalid("nomineeKind", "被提名对象应为 organisation（机构）、person（个人）或 project（项目）")
        }
        var name = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.line(
                input.nomineeName, field: "nomineeName", label: "被提名名称", maximumLength: 100, required: false)
        }
        var organisationID: UUID? = nil
        if let id = input.organisationId {
            guard let organisation = try await OrganisationStore(db: db).find(id, within: OrganisationStore.city) else {
                throw Refusal.invalid("organisationId", "没有该社会组织")
            }
            organisationID = organisation.id
            if kind == .organisation { name = organisation.name }
        }
        guard let name else { throw Refusal.invalid("nomineeName", "请填写被提名的机构、个人或项目名称") }
        let deeds = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.deeds, field: "deeds", label: "主要事迹")
        }
        guard let deeds else { throw Refusal.invalid("deeds", "请填写主要事迹") }
        let record = CharityNominationRecord(
            id: UUID(), roundId: found.id, category: category, nomineeKind: kind.rawValue,
            nomineeKindName: kind.chinese,
            nomineeName: name, organisationId: organisationID, deeds: deeds, region: found.region, status: "nominated",
            statusName: CharityNominationStatus.nominated.chinese, reviewNote: nil, reviewedBy: nil, reviewedOn: nil,
            nominatedOn: clock.today.description, openObjections: 0)
        let now = clock.now
        try await writer.transaction { tx, audit in
            try await CharityStore(db: tx).insertNomination(record, at: now)
            try await audit.record(
                "charity.award.nominate", entity: "charityNomination", id: record.id.uuidString, region: found.region,
                after: ["roundId": found.id.uuidString, "category": category, "kind": kind.rawValue, "name": name])
        }
        return record
    }

    private func nomination(_ id: UUID?) async throws -> (CharityNominationRecord, CharityAwardRoundRecord) {
        try user.require(.manageCharity)
        guard let id, let found = try await store.nomination(id) else { throw Refusal.notFound("慈善奖提名") }
        guard let owner = try? await round(found.roundId) else { throw Refusal.notFound("慈善奖提名") }
        return (found, owner)
    }

    struct ReviewInput: Content {
        var shortlisted: Bool?
        var note: String?
    }

    /// The clerk marks a nomination shortlisted or not, with a note (needed when not), while the
    /// round takes nominations; a review may be changed until the publicity.
    func review(_ id: UUID?, _ input: ReviewInput) async throws -> CharityNominationRecord {
        let (found, owner) = try await nomination(id)
        if let problem = CharityAwardRules.reviewProblem(stage: CharityAwardStage(rawValue: owner.stage) ?? .awarded) {
            throw problem
        }
        guard let shortlisted = input.shortlisted else { throw Refusal.invalid("shortlisted", "请选择入围或不入围") }
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.note, field: "note", label: "评审意见")
        }
        if !shortlisted, note == nil { throw Refusal.invalid("note", "不入围须写明评审意见") }
        let (by, today) = (user.displayName, clock.today)
        try await writer.transaction { tx, audit in
            try await CharityStore(db: tx).review(found.id, shortlisted: shortlisted, note: note, by: by, on: today)
            try await audit.record(
                "charity.award.review", entity: "charityNomination", id: found.id.uuidString, region: found.region,
                before: ["status": found.status],
                after: ["status": shortlisted ? "shortlisted" : "notShortlisted", "note": note ?? ""])
        }
        return try await nomination(found.id).0
    }

    /// Opens the publicity today (every nomination reviewed, one shortlisted at least).
    func publicise(_ id: UUID?, version: Int?) async throws -> RoundDetail {
        let found = try await round(id)
        let version = try RatingService.version(.init(version: version), current: found.version)
        let statuses = try await store.nominations(round: found.id).compactMap {
            CharityNominationStatus(rawValue: $0.status)
        }
        if let problem = CharityAwardRules.publicityProblem(
            stage: CharityAwardStage(rawValue: found.stage) ?? .awarded, statuses: statuses)
        {
            throw problem
        }
        let today = clock.today
        try await writer.transaction { tx, audit in
            guard
                try await CharityStore(db: tx).advance(
                    found.id, version: version, from: .nominating, to: .publicity, on: today)
            else { throw Refusal.staleVersion(current: version + 1) }
            try await audit.record(
                "charity.award.publicise", entity: "charityAward", id: found.id.uuidString, region: found.region,
                after: ["publicityStart": today.description])
        }
        return try await roundDetail(found.id)
    }

    struct ObjectionInput: Content {
        var objection: String?
    }

    /// An objection received during the publicity, recorded by the clerk against a shortlisted nomination.
    func object(_ id: UUID?, _ input: ObjectionInput) async throws -> CharityObjectionRecord {
        let (found, owner) = try await nomination(id)
        let today = clock.today
        if let problem = CharityAwardRules.objectionProblem(
            stage: CharityAwardStage(rawValue: owner.stage) ?? .awarded,
            nomination: CharityNominationStatus(rawValue: found.status) ?? .withdrawn,
            publicityStart: owner.publicityStart.flatMap(CivilDate.init), on: today, try await parameters())
        {
            throw problem
        }
        let text = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.objection, field: "objection", label: "异议内容")
        }
        guard let text else { throw Refusal.invalid("objection", "请填写异议内容") }
        let record = CharityObjectionRecord(
            id: UUID(), nominationId: found.id, roundId: owner.id, objection: text, raisedOn: today.description,
            recordedBy: user.displayName, status: "open", resolution: nil, resolvedOn: nil, resolvedBy: nil)
        let now = clock.now
        try await writer.transaction { tx, audit in
            try await CharityStore(db: tx).insertObjection(record, at: now)
            try await audit.record(
                "charity.award.object", entity: "charityNomination", id: found.id.uuidString, region: found.region,
                after: ["objectionId": record.id.uuidString])
        }
        return record
    }

    struct ResolutionInput: Content {
        var upheld: Bool?
        var resolution: String?
    }

    /// The clerk's finding on an objection: upheld (the nomination is withdrawn from the award) or
    /// dismissed, with the finding.
    func resolve(_ id: UUID?, _ input: ResolutionInput) async throws -> CharityObjectionRecord {
        try user.require(.manageCharity)
        guard let id, let found = try await store.objection(id), (try? await round(found.roundId)) != nil else {
            throw Refusal.notFound("异议")
        }
        guard found.status == "open" else { throw Refusal(.conflict, "该异议已处理") }
        guard let upheld = input.upheld else { throw Refusal.invalid("upheld", "请选择异议成立或不成立") }
        let resolution = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.resolution, field: "resolution", label: "核实情况")
        }
        guard let resolution else { throw Refusal.invalid("resolution", "请填写核实情况") }
        let (by, today) = (user.displayName, clock.today)
        let region = try await round(found.roundId).region
        try await writer.transaction { tx, audit in
            let store = CharityStore(db: tx)
            guard try await store.resolve(found.id, upheld: upheld, resolution: resolution, by: by, on: today) else {
                throw Refusal(.conflict, "该异议已处理")
            }
            if upheld { try await store.setNominationStatus(found.nominationId, .withdrawn) }
            try await audit.record(
                "charity.award.resolve", entity: "charityNomination", id: found.nominationId.uuidString,
                region: region, after: ["objectionId": found.id.uuidString, "upheld": upheld ? "yes" : "no"])
        }
        guard let resolved = try await store.objection(found.id) else { throw Refusal.notFound("异议") }
        return resolved
    }

    /// The award: after the publicity's last day and with no open objection (409 otherwise);
    /// every shortlisted nomination still standing is awarded.
    func award(_ id: UUID?, version: Int?) async throws -> RoundDetail {
        let found = try await round(id)
        let version = try RatingService.version(.init(version: version), current: found.version)
        let today = clock.today
        if let problem = CharityAwardRules.awardProblem(
            stage: CharityAwardStage(rawValue: found.stage) ?? .awarded,
            publicityStart: found.publicityStart.flatMap(CivilDate.init),
            openObjections: try await store.openObjections(round: found.id), on: today, try await parameters())
        {
            throw problem
        }
        try await writer.transaction { tx, audit in
            let store = CharityStore(db: tx)
            guard try await store.advance(found.id, version: version, from: .publicity, to: .awarded, on: today) else {
                throw Refusal.staleVersion(current: version + 1)
            }
            guard try await store.openObjections(round: found.id) == 0 else {
                throw Refusal(.conflict, "尚有异议未处理，不能颁奖", field: "objections")
            }
            try await store.awardShortlisted(round: found.id)
            try await audit.record(
                "charity.award.award", entity: "charityAward", id: found.id.uuidString, region: found.region,
                after: ["awardedOn": today.description])
        }
        return try await roundDetail(found.id)
    }
}

extension Request {
    func charity() throws -> CharityService {
        CharityService(db: sql, writer: writer, clock: platform.clock, user: try user)
    }
}
