import MinzhengCore
import MinzhengExport
import Vapor

/// 一人一档: what the platform knows of a person beyond the registry facts — benefits
/// (their own and their household's), applications, alerts, visits and payments — each
/// read through its feature's store within the viewer's region, and shown only to roles
/// that work with it.
struct PersonFile: Encodable {
    struct Benefit: Encodable {
        let itemName: String
        let amount: String
        let startMonth: String
        let endMonth: String?
        let statusName: String
        let ofHousehold: Bool
    }

    struct AlertRow: Encodable {
        let raisedOn: String
        let level: String
        let levelName: String
        let ruleName: String
        let evidence: String
        let open: Bool
    }

    struct VisitRow: Encodable {
        let id: UUID
        let dueOn: String
        let kindName: String
        let done: Bool
        let outcomeName: String?
    }

    struct PaymentRow: Encodable {
        let month: String
        let itemName: String
        let amount: String
        let statusName: String
    }

    let benefits: [Benefit]
    let payments: [PaymentRow]
    /// nil when the viewer's role does not handle applications (then the section is absent).
    let applications: [ApplicationSummary]?
    let alerts: [AlertRow]?
    let visits: [VisitRow]?
    /// What the template tests to say "暂无…" instead of an empty table.
    let empty: [String: Bool]

    init(
        benefits: [Benefit], payments: [PaymentRow], applications: [ApplicationSummary]?, alerts: [AlertRow]?,
        visits: [VisitRow]?
    ) {
        (self.benefits, self.payments, self.applications, self.alerts, self.visits) = (
            benefits, payments, applications, alerts, visits
        )
        empty = [
            "benefits": benefits.isEmpty, "payments": payments.isEmpty, "applications": applications?.isEmpty ?? true,
            "alerts": alerts?.isEmpty ?? true, "visits": visits?.isEmpty ?? true,
        ]
    }

    static func gather(_ req: Request, person: PersonDetail, user: CurrentUser) async throws -> PersonFile {
        let scope = user.scope
        let catalog = try await CatalogStore(db: req.sql).catalog()
        let itemName = { (code: String) in AssistanceItemCode(code).map { catalog.displayName(of: $0) } ?? code }
        let benefits = try await EnrollmentStore(db: req.sql).benefits(
            person: person.id, household: person.householdId, within: scope
        ).map { e in
            Benefit(
                itemName: itemName(e.itemCode), amount: MoneyText.yuan(fromFen: e.monthlyFen), startMonth: e.startMonth,
                endMonth: e.endMonth,
                statusName: enrollmentStatus(e.status), ofHousehold: e.personId == nil)
        }
        let payments = try await PayrollStore(db: req.sql).payments(
            person: person.id, household: person.householdId, within: scope
        ).map { p in
            PaymentRow(
                month: p.month, itemName: itemName(p.itemCode), amount: MoneyText.yuan(fromFen: p.amountFen),
                statusName: PayrollText.line(p.status))
        }
        var applications: [ApplicationSummary]?
        if user.role.may(.handleApplications) {
            let filter = ApplicationStore.QueueFilter(person: (person.id, person.householdId), sort: .latest)
            applications = try await ApplicationStore(db: req.sql).queue(
                for: .staff(scope), filter: filter, page: try PageRequest(page: 1, perPage: 50),
                catalog: catalog, regions: req.platform.regions, today: req.today
            ).items
        }
        var alerts: [AlertRow]?
        var visits: [VisitRow]?
        if user.role.may(.visitHouseholds) {
            let store = VisitTasks(db: req.sql)
            alerts = try await store.alerts(person: person.id, within: scope).map { a in
                AlertRow(
                    raisedOn: a.raisedOn, level: a.level, levelName: AlertLevel(rawValue: a.level)?.chinese ?? a.level,
                    ruleName: EarlyWarningRule(rawValue: a.rule)?.chinese ?? a.rule, evidence: a.evidence,
                    open: a.status == "open")
            }
            visits = try await store.tasks(person: person.id, within: scope).map { t in
                VisitRow(
                    id: t.id, dueOn: t.dueOn,
                    kindName: t.rule.flatMap(EarlyWarningRule.init).map(\.chinese) ?? VisitTasks.kindName(t.kind),
                    done: t.status == "done",
                    outcomeName: t.outcome.flatMap { o in VisitTasks.outcomes.first { $0.code == o }?.name })
            }
        }
        return PersonFile(
            benefits: benefits, payments: payments, applications: applications, alerts: alerts, visits: visits)
    }

    private static func enrollmentStatus(_ status: String) -> String {
        switch status {
        case "active": return "享受中"
        case "suspended": return "暂停"
        case "ended": return "已终止"
        default: return status
        }
    }
}
