import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The children's routine, without anyone acting (the hourly round; the payroll runs the
/// benefit step before each roll): categories end by age on the birthday; every child benefit
/// (orphan, child in distress) ends from the month after the adult-age birthday; the month's
/// visits by the community child director are created (`VisitTasks.createMissing`, the same
/// machinery as the special-group visits) at each category's frequency; overdue ones escalate
/// to the street with every other visit task (`VisitTasks.escalateOverdue`). Idempotent.
struct ChildRound {
    let writer: AuditedWriter
    let clock: PlatformClock

    struct Outcome: Content, Equatable {
        var agedOut = 0
        var benefitsEnded = 0
        var visits = 0
    }

    static let city = RegionScope(RegionTable.changzhou)

    func run(today: CivilDate? = nil) async throws -> Outcome {
        let today = today ?? clock.today
        return try await writer.transaction { tx, audit in
            let parameters = try await PolicyStore(db: tx).history().parameters(
                for: RegionTable.changzhou.value, month: today.yearMonth)
            let p = parameters.children
            let store = ChildStore(db: tx)
            var outcome = Outcome()
            var targets: [UUID: (open: ChildStore.Open, categories: [ChildCategory])] = [:]
            for record in try await store.open(within: Self.city) {
                let limit = ChildRules.ageLimit(record.category, adultAge: parameters.adultAge, p)
                let day = ChildRules.birthday(record.birth, age: limit)
                if day <= today {
                    if try await store.ageOut(id: record.id, on: day) {
                        try await audit.record(
                            "child.ageOut", entity: "child_category", id: record.id.uuidString, region: record.region,
                            after: ["category": record.category.rawValue, "endsOn": day.description, "age": "\(limit)"])
                        outcome.agedOut += 1
                    }
                    continue
                }
                guard !record.deceased else { continue }
                targets[record.person, default: (record, [])].categories.append(record.category)
            }
            outcome.benefitsEnded = try await Self.endBenefits(
                db: tx, audit: audit, payableFrom: today.yearMonth.adding(months: 1), adultAge: parameters.adultAge)
            let month = today.yearMonth
            let due: [VisitTasks.Target] = targets.values.sorted {
                $0.open.person.uuidString < $1.open.person.uuidString
            }
            .compactMap { t in
                guard let period = ChildRules.visitDue(t.categories, month: month, p) else { return nil }
                return VisitTasks.Target(
                    person: t.open.person, household: t.open.household, region: t.open.region,
                    from: period.first.firstDay, due: period.due)
            }
            outcome.visits = try await VisitTasks(db: tx).createMissing(due, kind: VisitTasks.childKind)
            if outcome.visits > 0 {
                try await audit.record(
                    "child.visit.schedule", entity: "visit_task", id: nil, region: RegionTable.changzhou.value,
                    after: ["month": month.description, "tasks": "\(outcome.visits)"])
            }
            return outcome
        }
    }

    /// Ends, from the month after the adult-age birthday, every child benefit not ended of a
    /// child who has reached that age before `month`; audited one by one. How many ended.
    static func endBenefits(
        db: SQLDatabase, audit: AuditRecorder, payableFrom month: YearMonth, adultAge: Int? = nil
    ) async throws -> Int {
        var adult = adultAge ?? 0
        if adultAge == nil {
            adult = try await PolicyStore(db: db).history().parameters(
                for: RegionTable.changzhou.value, month: month
            ).adultAge
        }
        var ended = 0
        for e in try await ChildStore(db: db).childBenefitsPastAge(payableFrom: month, adultAge: adult) {
            let from = ChildRules.lastPaidMonth(birth: e.birth, adultAge: adult).adding(months: 1)
            try await EnrollmentStore(db: db).setStatus(
                enrollment: e.enrollment, status: .ended, from: from, reason: "年满\(adult)周岁，儿童保障自次月起终止")
            try await audit.record(
                "child.benefitEnd", entity: "enrollment", id: e.enrollment.uuidString, region: e.region,
                after: ["person": e.person.uuidString, "from": from.description, "age": "\(adult)"])
            ended += 1
        }
        return ended
    }

    /// The hourly round's step (a failure is logged; the next round tries again).
    static func hourly(_ app: Application) async {
        do {
            let outcome = try await ChildRound(
                writer: app.writer(actor: .system("monitoring-timer")), clock: app.platform.clock
            ).run()
            if outcome != Outcome() {
                app.logger.info(
                    "children: \(outcome.agedOut) aged out, \(outcome.benefitsEnded) benefits ended, \(outcome.visits) visits created"
                )
            }
        } catch {
            app.logger.report(error: error)
        }
    }
}
