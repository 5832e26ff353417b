import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The rating's demo (issue 17 item 8): a pool of outside experts, organisations rated over the
/// last years (a handful 5A, one grade already past its expiry), two in publicity and some
/// still being scored, each application through the store's own steps in one audited
/// transaction (`rating.seed`).
enum DemoRatings {
    static let experts: [(String, String)] = [
        ("顾建国", "常州大学社会学系"), ("钱雅琴", "常州市社会组织促进会"), ("沈立新", "江苏理工学院"),
        ("陆慧敏", "常州市会计师协会"), ("蒋文华", "常州市民政局退休干部"), ("孙晓燕", "江苏常州律师事务所"),
        ("周海峰", "常州市社会工作协会"), ("吴婷", "常州工学院"),
    ]

    /// The decided applications' mean totals (5A five times, one below 1A), and the two in publicity.
    static let decided = [972, 961, 958, 955, 951, 930, 912, 880, 861, 823, 776, 731]
    static let publicity = [905, 842]
    static let scoring = 6

    static func seedIfEmpty(_ app: Application) async throws {
        guard app.platform.config.demoHouseholds > 0 else { return }
        let existing =
            try await app.sql.raw("SELECT COUNT(*) AS n FROM rating_reviewers").first()?.decode(
                column: "n", as: Int.self) ?? 0
        guard existing == 0 else { return }
        let (rated, open) = try await seed(app)
        app.logger.info("Demo ratings: \(rated) organisations rated, \(open) applications open")
    }

    /// Three sheets whose mean is `total` (the sections in the sheet's proportions).
    static func sheets(_ total: Int, _ p: RatingParameters) -> [RatingSheet] {
        [-2, 0, 2].map { d in
            let t = min(p.maximum, max(0, total + d))
            let basic = t * (p.sectionMaxima[.basic] ?? 0) / max(p.maximum, 1)
            let governance = t * (p.sectionMaxima[.governance] ?? 0) / max(p.maximum, 1)
            let social = min(p.sectionMaxima[.social] ?? 0, t * (p.sectionMaxima[.social] ?? 0) / max(p.maximum, 1))
            return RatingSheet(
                basic: basic, governance: governance, performance: t - basic - governance - social, social: social)
        }
    }

    @discardableResult
    static func seed(_ app: Application) async throws -> (rated: Int, open: Int) {
        let today = app.platform.clock.today
        let p = try await PolicyStore(db: app.sql).parameters(for: RegionTable.changzhou.value, month: today.yearMonth)
            .rating
        let store = RatingStore(db: app.sql)
        var candidates: [(UUID, String)] = []
        let wanted = decided.count + 1 + publicity.count + scoring
        for r in try await app.sql.raw(
            "SELECT id, region FROM organisations WHERE status = 'normal' ORDER BY credit_code LIMIT 400"
        ).all() {
            let id = try r.decode(column: "id", as: UUID.self)
            let standing = try await store.standing(id, status: .normal)
            guard OrganisationRating.exclusions(standing, on: today, p).isEmpty else { continue }
            candidates.append((id, try r.decode(column: "region", as: String.self)))
            if candidates.count == wanted { break }
        }
        let now = app.platform.clock.now
        let by = "演示"
        let chosen = candidates
        let pool = experts.map { RatingReviewerRecord(id: UUID(), userId: nil, name: $0.0, affiliation: $0.1) }
        return try await app.writer(actor: .system("demo")).transaction { tx, audit in
            let store = RatingStore(db: tx)
            for r in pool { try await store.insertReviewer(r, by: by, at: now) }
            var next = chosen.makeIterator()
            var (rated, open) = (0, 0)
            /// Applies on `applied`, assigns three experts and records `scored` of their sheets.
            func start(_ total: Int, applied: CivilDate, scored: Int, turn: Int) async throws -> (UUID, UUID)? {
                guard let candidate = next.next() else { return nil }
                let (organisation, region) = candidate
                let id = UUID()
                try await store.insertApplication(
                    id: id, organisation: organisation, region: region, on: applied, by: by, at: now)
                let panel = (0..<3).map { pool[(turn + $0) % pool.count] }
                for (k, (reviewer, sheet)) in zip(panel, sheets(total, p)).enumerated() {
                    _ = try await store.assign(id, reviewer: reviewer.id, by: by, at: now)
                    if k < scored {
                        _ = try await store.score(id, reviewer: reviewer.id, sheet, on: applied, by: by, at: now)
                    }
                }
                return (id, organisation)
            }
            // Decided ones, the last decided six years ago: its grade is past its expiry.
            var totals = decided.enumerated().map { ($0.element, today.adding(days: -(40 + $0.offset * 75))) }
            totals.append((957, today.adding(months: -12 * (p.validityYears + 1))))
            for (i, (total, decidedOn)) in totals.enumerated() {
                let applied = decidedOn.adding(days: -(p.publicityDays + 30))
                guard let started = try await start(total, applied: applied, scored: 3, turn: i) else { break }
                let (id, organisation) = started
                let tenths = OrganisationRating.totalTenths(sheets(total, p)) ?? 0
                let grade = OrganisationRating.grade(totalTenths: tenths, p)
                let from = decidedOn.adding(days: -(p.publicityDays + 1))
                _ = try await store.publicise(
                    id, version: 1, totalTenths: tenths, grade: grade, from: from,
                    until: OrganisationRating.publicityEnds(startedOn: from, p), at: now)
                _ = try await store.decide(
                    id, organisation: organisation, version: 2, grade: grade, on: decidedOn,
                    expiresOn: grade.map { _ in OrganisationRating.expiry(decidedOn: decidedOn, p) }, at: now)
                rated += grade == nil ? 0 : 1
            }
            for (i, total) in publicity.enumerated() {
                let from = today.adding(days: -2)
                guard let started = try await start(total, applied: from.adding(days: -20), scored: 3, turn: i + 3)
                else { break }
                let id = started.0
                let tenths = OrganisationRating.totalTenths(sheets(total, p)) ?? 0
                _ = try await store.publicise(
                    id, version: 1, totalTenths: tenths, grade: OrganisationRating.grade(totalTenths: tenths, p),
                    from: from, until: OrganisationRating.publicityEnds(startedOn: from, p), at: now)
                open += 1
            }
            for i in 0..<scoring {
                guard
                    try await start(
                        880 + i * 10, applied: today.adding(days: -(5 + i)), scored: i % 3, turn: i + 5) != nil
                else { break }
                open += 1
            }
            try await audit.record(
                "rating.seed", entity: "ratingApplication", id: nil, region: RegionTable.changzhou.value,
                after: ["reviewers": "\(pool.count)", "rated": "\(rated)", "open": "\(open)"])
            return (rated, open)
        }
    }
}
