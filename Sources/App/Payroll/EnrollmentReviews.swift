import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The street's decision on a benefit that followed its household's members: confirm it
/// (and the proposed head, when the head died) or correct the amount from the change's month.
/// Shared by the API and the page (`Request.enrollmentReviews()`); one audited transaction
/// per decision.
struct EnrollmentReviews {
    let db: SQLDatabase
    let writer: AuditedWriter
    let cipher: FieldCipher
    let regions: RegionTable
    let clock: PlatformClock
    let user: CurrentUser

    init(
        db: SQLDatabase, writer: AuditedWriter, cipher: FieldCipher, regions: RegionTable, clock: PlatformClock,
        user: CurrentUser
    ) throws {
        try user.require(.confirmBenefitChanges)
        (self.db, self.writer, self.cipher, self.regions, self.clock, self.user) = (
            db, writer, cipher, regions, clock, user
        )
    }

    struct Decision: Content {
        var action: String?
        var version: Int?
        /// For `correct`: the monthly amount from the change's month; 0 ends the benefit.
        var amountFen: Int64?
        var note: String?
    }

    func queue(page: PageRequest) async throws -> Page<EnrollmentReviewStore.Review> {
        try await EnrollmentReviewStore(db: db).open(within: user.scope, page: page)
    }

    func find(_ id: UUID?) async throws -> EnrollmentReviewStore.Review {
        guard let id, let review = try await EnrollmentReviewStore(db: db).review(id: id, within: user.scope)
        else {
            throw Refusal.notFound("待遇变更")
        }
        return review
    }

    func decide(_ id: UUID?, _ decision: Decision) async throws -> EnrollmentReviewStore.Review {
        let review = try await find(id)
        guard review.status == "open" else { throw Refusal(.conflict, "该变更已处理", field: "status") }
        guard let version = decision.version else { throw Refusal.invalid("version", "缺少 version（当前版本号）") }
        guard version == review.version else { throw Refusal.staleVersion(current: review.version) }
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(decision.note, field: "note", label: "说明")
        }
        let from = YearMonth(review.effectiveMonth)!
        let name = user.displayName
        let now = clock.now
        let (cipher, regions, clock) = (cipher, regions, clock)
        switch decision.action {
        case "confirm":
            try await writer.transaction { tx, audit in
                guard
                    try await EnrollmentReviewStore(db: tx).decide(
                        id: review.id, version: version, status: "confirmed", by: name, note: note,
                        correctedFen: nil, at: now)
                else { throw Refusal.staleVersion(current: version + 1) }
                if let head = review.proposedHeadId {
                    try await RegistryStore(db: tx, cipher: cipher, regions: regions, clock: clock, audit: audit)
                        .replaceDeceasedHead(household: review.householdId, with: head, region: review.region)
                }
                try await audit.record(
                    "enrollment.review.confirm", entity: "enrollment", id: review.enrollmentId.uuidString,
                    region: review.region,
                    after: ["review": review.id.uuidString, "outcome": review.outcome, "note": note ?? ""])
            }
        case "correct":
            guard
                let amount = try decision.amountFen.map({ value in
                    try RegistryInput.check { () throws(FieldProblem) in
                        try InputRules.amount(value, field: "amountFen")
                    }
                })
            else { throw Refusal.invalid("amountFen", "请填写核定的月金额（0 表示终止）") }
            guard let note else { throw Refusal.invalid("note", "更正须说明理由") }
            try await writer.transaction { tx, audit in
                guard
                    try await EnrollmentReviewStore(db: tx).decide(
                        id: review.id, version: version, status: "corrected", by: name, note: note,
                        correctedFen: amount.value, at: now)
                else { throw Refusal.staleVersion(current: version + 1) }
                let store = EnrollmentStore(db: tx)
                let reason = "街道核定（成员变化）：\(note)"
                if amount == .zero {
                    if review.outcome != "ends" {
                        try await store.setStatus(
                            enrollment: review.enrollmentId, status: .ended, from: from, reason: reason)
                    }
                } else {
                    if review.outcome == "ends" {
                        try await store.reinstate(enrollment: review.enrollmentId, from: from, reason: reason)
                    }
                    try await store.setAmount(
                        enrollment: review.enrollmentId, monthlyFen: amount.value, from: from, reason: reason, at: now)
                }
                try await audit.record(
                    "enrollment.review.correct", entity: "enrollment", id: review.enrollmentId.uuidString,
                    region: review.region,
                    before: ["monthlyFen": review.newFen.map(String.init) ?? ""],
                    after: [
                        "review": review.id.uuidString, "monthlyFen": String(amount.value),
                        "from": review.effectiveMonth,
                        "note": note,
                    ])
            }
        default:
            throw Refusal.invalid("action", "操作应为 confirm（确认）或 correct（更正）")
        }
        return try await find(review.id)
    }
}

/// `GET /api/v1/enrollment-reviews` (the open queue of one's region, oldest first),
/// `GET /api/v1/enrollment-reviews/{id}`, `POST /api/v1/enrollment-reviews/{id}` `{action, version, amountFen?, note?}`.
struct EnrollmentReviewAPIController: RouteCollection {
    struct ListQuery: Content {
        var page: Int?
        var perPage: Int?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.enrollmentReviews.pattern, use: list)
        routes.get(Route.API.enrollmentReview.pattern, use: show)
        routes.post(Route.API.enrollmentReview.pattern, use: decide)
    }

    func list(req: Request) async throws -> Page<EnrollmentReviewStore.Review> {
        let q = try req.query.decode(ListQuery.self)
        return try await req.enrollmentReviews().queue(page: try PageRequest(page: q.page, perPage: q.perPage))
    }

    func show(req: Request) async throws -> EnrollmentReviewStore.Review {
        try await req.enrollmentReviews().find(req.parameters.get("id", as: UUID.self))
    }

    func decide(req: Request) async throws -> EnrollmentReviewStore.Review {
        try await req.enrollmentReviews().decide(
            req.parameters.get("id", as: UUID.self), try req.content.decode(EnrollmentReviews.Decision.self))
    }
}

extension Request {
    /// The signed-in user's benefit-change decisions; refused without the permission.
    func enrollmentReviews() throws -> EnrollmentReviews {
        try EnrollmentReviews(
            db: sql, writer: writer, cipher: platform.cipher, regions: platform.regions, clock: platform.clock,
            user: try user)
    }
}
