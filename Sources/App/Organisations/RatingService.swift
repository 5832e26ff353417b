import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The rating of social organisations (等级评估, ORGANISATIONS.md "Rating") as one signed-in user
/// works it. The registry clerk (`manageOrganisations`, within the region) keeps the reviewer
/// pool and their declarations, records penalties, applies for an organisation, assigns
/// reviewers, enters an outside expert's sheet, opens the publicity and decides. An
/// organisation's account applies for its own organisation and sees only its own applications
/// (404 otherwise). A staff account recorded as a reviewer sees and scores the applications it
/// is assigned to, and nothing else.
struct RatingService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock
    let registry: OrganisationRegistry

    var user: CurrentUser { registry.user }
    private var store: RatingStore { RatingStore(db: db) }

    func parameters() async throws -> RatingParameters {
        try await PolicyStore(db: db).parameters(for: RegionTable.changzhou.value, month: clock.today.yearMonth).rating
    }

    /// Roles whose accounts may sit on the reviewer pool: staff, not residents, organisations or
    /// the child-protection office.
    static func mayReview(_ role: Role) -> Bool { ![.resident, .organisation, .childWelfare].contains(role) }

    // MARK: the reviewer pool

    struct ReviewerInput: Content {
        var userId: UUID?
        /// The staff account by its username (the pool page's form), instead of `userId`.
        var username: String?
        var name: String?
        var affiliation: String?
    }

    func reviewers() async throws -> [RatingReviewerRecord] {
        try user.require(.manageOrganisations)
        return try await store.reviewers()
    }

    /// Records a reviewer: a staff account (its name taken from the account) or an outside expert.
    func addReviewer(_ input: ReviewerInput) async throws -> RatingReviewerRecord {
        try user.require(.manageOrganisations)
        let affiliation = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.affiliation, field: "affiliation", label: "工作单位")
        }
        guard let affiliation else { throw Refusal.invalid("affiliation", "请填写评估专家的工作单位") }
        let name: String
        var userID = input.userId
        if userID == nil, let username = input.username?.trimmedWhitespace, !username.isEmpty {
            guard
                let found = try await db.raw("SELECT id FROM users WHERE username = \(bind: username)").first()?
                    .decode(column: "id", as: UUID.self)
            else { throw Refusal.invalid("username", "没有用户名为 \(username) 的账户") }
            userID = found
        }
        if let account = userID {
            guard
                let row = try await db.raw(
                    "SELECT display_name, role FROM users WHERE id = \(bind: account) AND disabled = \(bind: false)"
                ).first(),
                let role = Role(rawValue: try row.decode(column: "role", as: String.self)), Self.mayReview(role)
            else { throw Refusal.invalid("userId", "评估专家账户应为在用的工作人员账户") }
            if try await store.reviewer(ofUser: account) != nil {
                throw Refusal(.conflict, "该账户已在评估专家库中", field: "userId")
            }
            name = try row.decode(column: "display_name", as: String.self)
        } else {
            let typed = try RegistryInput.check { () throws(FieldProblem) in
                try InputRules.text(input.name, field: "name", label: "姓名")
            }
            guard let typed else { throw Refusal.invalid("name", "请填写评估专家姓名") }
            name = typed
        }
        let record = RatingReviewerRecord(id: UUID(), userId: userID, name: name, affiliation: affiliation)
        let (now, by) = (clock.now, user.displayName)
        try await writer.transaction { tx, audit in
            try await RatingStore(db: tx).insertReviewer(record, by: by, at: now)
            try await audit.record(
                "rating.reviewer.add", entity: "ratingReviewer", id: record.id.uuidString,
                region: RegionTable.changzhou.value,
                after: ["name": record.name, "affiliation": affiliation, "userId": record.userId?.uuidString ?? ""])
        }
        return record
    }

    struct DeclarationInput: Content {
        var organisationId: UUID?
        var relation: String?
        /// The last day the relationship held; absent: it goes on.
        var endedOn: String?
        var note: String?
    }

    /// Records a reviewer's declared relationship with an organisation: by the clerk, or by the
    /// reviewer for themselves.
    func declare(_ reviewerID: UUID?, _ input: DeclarationInput) async throws -> [RatingDeclarationRecord] {
        guard let reviewerID, let reviewer = try await store.reviewer(reviewerID) else {
            throw Refusal.notFound("评估专家")
        }
        let own = reviewer.userId == user.id
        if !own { try user.require(.manageOrganisations) }
        guard let relation = input.relation.flatMap(ConflictRelation.init(rawValue:)) else {
            throw Refusal.invalid("relation", "关系应为 employed（任职）或 paid（领取报酬）")
        }
        var ended: CivilDate?
        if let text = input.endedOn?.trimmedWhitespace, !text.isEmpty {
            guard let day = CivilDate(text), day <= clock.today else {
                throw Refusal.invalid("endedOn", "结束日期应为不晚于今天的 YYYY-MM-DD")
            }
            ended = day
        }
        let endedOn = ended
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.note, field: "note", label: "说明")
        }
        guard let organisationID = input.organisationId,
            let organisation = try await OrganisationStore(db: db).find(organisationID, within: OrganisationStore.city)
        else { throw Refusal.invalid("organisationId", "社会组织不存在") }
        let (now, by) = (clock.now, user.displayName)
        try await writer.transaction { tx, audit in
            try await RatingStore(db: tx).insertDeclaration(
                reviewer: reviewer.id, organisation: organisation.id, relation: relation, endedOn: endedOn, note: note,
                by: by, at: now)
            try await audit.record(
                "rating.declare", entity: "ratingReviewer", id: reviewer.id.uuidString, region: organisation.region,
                after: [
                    "organisationId": organisation.id.uuidString, "relation": relation.rawValue,
                    "endedOn": endedOn?.description ?? "",
                ])
        }
        return try await store.declarations(reviewer: reviewer.id)
    }

    func declarations(_ reviewerID: UUID?) async throws -> [RatingDeclarationRecord] {
        guard let reviewerID, let reviewer = try await store.reviewer(reviewerID) else {
            throw Refusal.notFound("评估专家")
        }
        if reviewer.userId != user.id { try user.require(.manageOrganisations) }
        return try await store.declarations(reviewer: reviewer.id)
    }

    // MARK: penalties

    struct PenaltyInput: Content {
        var decidedOn: String?
        var reason: String?
    }

    /// Records an administrative penalty (行政处罚) on the organisation: it excludes the rating
    /// for `ratingExclusionYears`.
    func penalise(_ organisationID: UUID?, _ input: PenaltyInput) async throws {
        try user.require(.manageOrganisations)
        let organisation = try await registry.find(organisationID)
        guard let day = input.decidedOn.flatMap({ CivilDate($0.trimmedWhitespace) }), day <= clock.today else {
            throw Refusal.invalid("decidedOn", "处罚决定日期应为不晚于今天的 YYYY-MM-DD")
        }
        let reason = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.reason, field: "reason", label: "处罚事由")
        }
        guard let reason else { throw Refusal.invalid("reason", "请填写处罚事由") }
        let (now, by) = (clock.now, user.displayName)
        try await writer.transaction { tx, audit in
            try await RatingStore(db: tx).insertPenalty(organisation.id, on: day, reason: reason, by: by, at: now)
            try await audit.record(
                "organisation.penalty", entity: "organisation", id: organisation.id.uuidString,
                region: organisation.region, after: ["decidedOn": day.description, "reason": reason])
        }
    }

    // MARK: applications

    /// Applies for the rating of the organisation (the account's own, or one of the clerk's
    /// region); refused, naming why, when the organisation is excluded or has one open.
    func apply(_ organisationID: UUID?) async throws -> RatingApplicationRecord {
        let organisation: OrganisationRecord
        if user.role.may(.fileOrganisationReport) {
            organisation = try await registry.own()
        } else {
            try user.require(.manageOrganisations)
            organisation = try await registry.find(organisationID)
        }
        let status = OrganisationStatus(rawValue: organisation.status) ?? .normal
        let p = try await parameters()
        let today = clock.today
        if let refusal = OrganisationRating.refusal(
            OrganisationRating.exclusions(try await store.standing(organisation.id, status: status), on: today, p))
        {
            throw refusal
        }
        let (id, now, by) = (UUID(), clock.now, user.displayName)
        try await writer.transaction { tx, audit in
            let store = RatingStore(db: tx)
            guard try await store.open(organisation.id) == nil else {
                throw Refusal(.conflict, "本组织已有进行中的等级评估申请", field: "organisation")
            }
            try await store.insertApplication(
                id: id, organisation: organisation.id, region: organisation.region, on: today, by: by, at: now)
            try await audit.record(
                "rating.apply", entity: "ratingApplication", id: id.uuidString, region: organisation.region,
                after: ["organisationId": organisation.id.uuidString, "appliedOn": today.description])
        }
        return try await find(id)
    }

    /// The application when the user may see it: the clerk's within the region, the
    /// organisation's own, or one the reviewer is assigned to; otherwise 404.
    func find(_ id: UUID?) async throws -> RatingApplicationRecord {
        guard user.role.may(.fileOrganisationReport) || user.role.may(.manageOrganisations) || Self.mayReview(user.role)
        else {
            throw Refusal(.forbidden, "您的角色（\(user.role.chinese)）无权查看等级评估")
        }
        guard let id, let found = try await store.application(id) else { throw Refusal.notFound("等级评估申请") }
        if user.role.may(.fileOrganisationReport) {
            guard try await OrganisationStore(db: db).organisation(ofAccount: user.id) == found.organisationId else {
                throw Refusal.notFound("等级评估申请")
            }
            return found
        }
        if user.role.may(.manageOrganisations), let region = RegionCode(found.region), user.region.contains(region) {
            return found
        }
        if let reviewer = try await store.reviewer(ofUser: user.id),
            try await store.assignments(id).contains(where: { $0.reviewerId == reviewer.id })
        {
            return found
        }
        throw Refusal.notFound("等级评估申请")
    }

    /// What the user's list shows: the clerk's region's applications, the organisation's own,
    /// or the reviewer's assignments.
    func list(status: RatingStatus?, page: PageRequest) async throws -> Page<RatingApplicationRecord> {
        func whole(_ items: [RatingApplicationRecord]) -> Page<RatingApplicationRecord> {
            Page(items: items, total: items.count, page: 1, perPage: max(items.count, 1))
        }
        if user.role.may(.fileOrganisationReport) {
            return whole(try await store.applications(ofOrganisation: try await registry.own().id))
        }
        if user.role.may(.manageOrganisations) {
            return try await store.applications(within: user.scope, status: status, page: page)
        }
        guard Self.mayReview(user.role) else { try user.require(.manageOrganisations); return whole([]) }
        guard let reviewer = try await store.reviewer(ofUser: user.id) else { return whole([]) }
        return whole(try await store.applications(ofReviewer: reviewer.id))
    }

    /// An application with its reviewers' sheets: the clerk sees every sheet, a reviewer their
    /// own, the organisation none (only the total once published).
    struct Detail: Content {
        let application: RatingApplicationRecord
        let assignments: [RatingAssignmentRecord]
        /// The signed-in reviewer's own assignment, when they are on the application.
        let mine: RatingAssignmentRecord?
        let minReviewers: Int
        let sectionMaxima: [String: Int]
    }

    func detail(_ id: UUID?) async throws -> Detail {
        let application = try await find(id)
        let all = try await store.assignments(application.id)
        let reviewer = try await store.reviewer(ofUser: user.id)
        let mine = reviewer.flatMap { r in all.first { $0.reviewerId == r.id } }
        let clerk = user.role.may(.manageOrganisations) && !user.role.may(.fileOrganisationReport)
        let p = try await parameters()
        return Detail(
            application: application, assignments: clerk ? all : (mine.map { [$0] } ?? []), mine: mine,
            minReviewers: p.minReviewers,
            sectionMaxima: Dictionary(uniqueKeysWithValues: p.sectionMaxima.map { ($0.key.rawValue, $0.value) }))
    }

    /// The clerk's application within the region (404 otherwise).
    private func clerks(_ id: UUID?) async throws -> RatingApplicationRecord {
        try user.require(.manageOrganisations)
        guard let id, let found = try await store.application(id), let region = RegionCode(found.region),
            user.region.contains(region)
        else { throw Refusal.notFound("等级评估申请") }
        return found
    }

    struct AssignInput: Content {
        var reviewerId: UUID?
    }

    /// Assigns a reviewer of the pool; refused, naming the declaration, when the reviewer worked
    /// for or was paid by the organisation within `ratingConflictYears`.
    func assign(_ id: UUID?, _ input: AssignInput) async throws -> Detail {
        let application = try await clerks(id)
        guard application.status == RatingStatus.scoring.rawValue else {
            throw Refusal(.conflict, "评分已结束，不能再指派专家")
        }
        let reviewer = try await checkedReviewer(input.reviewerId, for: application.organisationId)
        let (now, by) = (clock.now, user.displayName)
        try await writer.transaction { tx, audit in
            guard try await RatingStore(db: tx).assign(application.id, reviewer: reviewer.id, by: by, at: now) else {
                throw Refusal(.conflict, "\(reviewer.name) 已是本申请的评估专家", field: "reviewerId")
            }
            try await audit.record(
                "rating.assign", entity: "ratingApplication", id: application.id.uuidString,
                region: application.region, after: ["reviewerId": reviewer.id.uuidString, "name": reviewer.name])
        }
        return try await detail(application.id)
    }

    /// A reviewer of the pool who may review the organisation's file: refused, naming the
    /// declaration, when they worked for or were paid by it within `ratingConflictYears` (the
    /// rating and the funding rounds alike).
    func checkedReviewer(_ id: UUID?, for organisation: UUID) async throws -> RatingReviewerRecord {
        guard let id, let reviewer = try await store.reviewer(id) else {
            throw Refusal.invalid("reviewerId", "评估专家不在专家库中")
        }
        let p = try await parameters()
        let today = clock.today
        for d in try await store.declarations(reviewer: reviewer.id, organisation: organisation)
        where OrganisationRating.conflicts(endedOn: d.endedOn.flatMap(CivilDate.init), on: today, p) {
            throw Refusal(
                .conflict,
                "\(reviewer.name) 申报\(d.relationName)（\(d.endedOn.map { "至 \($0)" } ?? "至今")），近 \(p.conflictYears) 年内存在利益冲突，应当回避",
                field: "reviewerId")
        }
        return reviewer
    }

    struct ScoreInput: Content {
        /// The outside expert whose sheet the clerk enters; absent: the signed-in reviewer's own.
        var reviewerId: UUID?
        var basic: Int?
        var governance: Int?
        var performance: Int?
        var social: Int?
    }

    /// Records a reviewer's sheet (each section within its maximum, the bad one named) while the
    /// application is scoring: the signed-in reviewer's own, or an outside expert's by the clerk.
    func score(_ id: UUID?, _ input: ScoreInput) async throws -> Detail {
        let application = try await find(id)
        let assignments = try await store.assignments(application.id)
        let assignment: RatingAssignmentRecord
        if let expert = input.reviewerId, user.role.may(.manageOrganisations) {
            _ = try await clerks(application.id)
            guard let found = assignments.first(where: { $0.reviewerId == expert }) else {
                throw Refusal.invalid("reviewerId", "该专家未被指派到本申请")
            }
            guard found.userId == nil || found.userId == user.id else {
                throw Refusal(.forbidden, "有账户的评估专家须本人评分")
            }
            assignment = found
        } else {
            guard let reviewer = try await store.reviewer(ofUser: user.id),
                let found = assignments.first(where: { $0.reviewerId == reviewer.id })
            else { throw Refusal(.forbidden, "您不是本申请的评估专家") }
            assignment = found
        }
        guard application.status == RatingStatus.scoring.rawValue else { throw Refusal(.conflict, "评分已结束") }
        let p = try await parameters()
        let sheet = try RegistryInput.check { () throws(FieldProblem) in
            try RatingSheet.validated(
                RatingSheet.Input(
                    basic: input.basic, governance: input.governance, performance: input.performance,
                    social: input.social), p)
        }
        let (today, now, by) = (clock.today, clock.now, user.displayName)
        try await writer.transaction { tx, audit in
            guard
                try await RatingStore(db: tx).score(
                    application.id, reviewer: assignment.reviewerId, sheet, on: today, by: by, at: now)
            else { throw Refusal(.conflict, "评分已结束") }
            try await audit.record(
                "rating.score", entity: "ratingApplication", id: application.id.uuidString,
                region: application.region,
                before: assignment.total.map { ["total": "\($0)"] },
                after: [
                    "reviewerId": assignment.reviewerId.uuidString, "basic": "\(sheet.basic)",
                    "governance": "\(sheet.governance)", "performance": "\(sheet.performance)",
                    "social": "\(sheet.social)", "total": "\(sheet.total)",
                ])
        }
        return try await detail(application.id)
    }

    struct VersionInput: Content {
        var version: Int?
    }

    /// Closes the scoring once every assigned reviewer (at least `ratingMinReviewers`) has
    /// scored: the total (the mean, to one decimal) and the proposed grade are published for
    /// `ratingPublicityDays`.
    func publicise(_ id: UUID?, _ input: VersionInput) async throws -> RatingApplicationRecord {
        let application = try await clerks(id)
        guard application.status == RatingStatus.scoring.rawValue else { throw Refusal(.conflict, "评分已结束") }
        let p = try await parameters()
        let assignments = try await store.assignments(application.id)
        let sheets = assignments.compactMap { a -> RatingSheet? in
            guard let b = a.basic, let g = a.governance, let w = a.performance, let s = a.social else { return nil }
            return RatingSheet(basic: b, governance: g, performance: w, social: s)
        }
        guard sheets.count >= p.minReviewers else {
            throw Refusal(.conflict, "至少 \(p.minReviewers) 名评估专家评分后方可公示（已评分 \(sheets.count) 名）")
        }
        guard sheets.count == assignments.count else {
            throw Refusal(.conflict, "还有 \(assignments.count - sheets.count) 名已指派的专家未评分")
        }
        let version = try Self.version(input, current: application.version)
        guard let tenths = OrganisationRating.totalTenths(sheets) else { throw Refusal(.conflict, "尚无评分") }
        let grade = OrganisationRating.grade(totalTenths: tenths, p)
        let today = clock.today
        let until = OrganisationRating.publicityEnds(startedOn: today, p)
        let now = clock.now
        try await writer.transaction { tx, audit in
            guard
                try await RatingStore(db: tx).publicise(
                    application.id, version: version, totalTenths: tenths, grade: grade, from: today, until: until,
                    at: now)
            else { throw Refusal.staleVersion(current: version + 1) }
            try await audit.record(
                "rating.publicise", entity: "ratingApplication", id: application.id.uuidString,
                region: application.region,
                after: [
                    "total": OrganisationRating.points(tenths), "grade": OrganisationRating.gradeName(grade),
                    "reviewers": "\(sheets.count)", "until": until.description,
                ])
        }
        return try await find(application.id)
    }

    /// Decides after the publicity: the grade and its expiry (`ratingValidityYears`) written on
    /// the organisation (a total below 1A's: no grade, the organisation's earlier grade kept).
    func decide(_ id: UUID?, _ input: VersionInput) async throws -> RatingApplicationRecord {
        let application = try await clerks(id)
        guard application.status == RatingStatus.publicity.rawValue, let until = application.publicityUntil,
            let end = CivilDate(until)
        else { throw Refusal(.conflict, "申请不在公示中") }
        let today = clock.today
        guard today > end else { throw Refusal(.conflict, "公示期至 \(until)，期满后方可评定") }
        let version = try Self.version(input, current: application.version)
        let p = try await parameters()
        let expires = application.grade.map { _ in OrganisationRating.expiry(decidedOn: today, p) }
        let now = clock.now
        try await writer.transaction { tx, audit in
            guard
                try await RatingStore(db: tx).decide(
                    application.id, organisation: application.organisationId, version: version,
                    grade: application.grade, on: today, expiresOn: expires, at: now)
            else { throw Refusal.staleVersion(current: version + 1) }
            try await audit.record(
                "rating.decide", entity: "organisation", id: application.organisationId.uuidString,
                region: application.region,
                after: [
                    "applicationId": application.id.uuidString,
                    "grade": OrganisationRating.gradeName(application.grade),
                    "total": application.total ?? "", "expiresOn": expires?.description ?? "",
                ])
        }
        return try await find(application.id)
    }

    static func version(_ input: VersionInput, current: Int) throws -> Int {
        guard let version = input.version else { throw Refusal.invalid("version", "缺少 version（当前版本号）") }
        guard version == current else { throw Refusal.staleVersion(current: current) }
        return version
    }

    /// The organisation's grade on record and whether it is still current today.
    func grade(of organisation: UUID) async throws -> OrganisationGrade? {
        try await store.grade(organisation, on: clock.today)
    }
}

extension Request {
    func ratings() throws -> RatingService {
        RatingService(db: sql, writer: writer, clock: platform.clock, registry: try organisations())
    }
}
