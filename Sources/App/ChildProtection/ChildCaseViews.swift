import Foundation
import MinzhengCore
import Vapor

/// A line of the case list: the child's name masked, never what was reported.
struct ChildCaseSummary: Content {
    let id: UUID
    let number: String
    let urgency: String
    let urgencyName: String
    let status: String
    let statusName: String
    let childMasked: String
    let regionName: String
    let reportedAt: String
    let responseDueAt: String
    /// No contact yet and the response time has passed.
    let responseOverdue: Bool
    let workerName: String?

    init(_ row: ChildCaseStore.Row, regions: RegionTable, now: Date) {
        id = row.id
        number = row.number
        urgency = row.urgency
        urgencyName = ChildCaseUrgency(rawValue: row.urgency)?.chinese ?? row.urgency
        status = row.status
        statusName = ChildCaseStatus(rawValue: row.status)?.chinese ?? row.status
        childMasked = row.childMasked
        regionName = RegionCode(row.region).map(regions.fullName) ?? row.region
        reportedAt = UserView.time(row.reportedAt)
        responseDueAt = UserView.time(row.responseDueAt)
        responseOverdue = row.respondedAt == nil && row.responseDueAt < now && row.status != "closed"
        workerName = row.workerName
    }
}

/// A case as its office, worker or supervisor reads it. `reporter` is there for the member of
/// staff who took the report only.
struct ChildCaseDetail: Content {
    struct Choice: Content {
        let code: String
        let name: String
    }

    struct Entry: Content {
        let kind: String
        let kindName: String
        let text: String
        let contactOn: String
        let byName: String
        let at: String
    }

    struct Referral: Content {
        let id: UUID
        let partner: String
        let partnerName: String
        let request: String
        let answer: String?
        let sentOn: String
        let answerDueOn: String
        let answeredOn: String?
        /// Unanswered after the due day: to be chased.
        let overdue: Bool
        let chasedAt: String?
    }

    /// What the reader may do now.
    struct Actions: Content {
        let assign: Bool
        let record: Bool
        let refer: Bool
        let proposeClosure: Bool
        let decideClosure: Bool
    }

    let id: UUID
    let number: String
    let channel: String
    let channelName: String
    let reporterKind: String
    let reporterKindName: String
    let reporter: ChildCaseSealed.Reporter?
    let concerns: [Choice]
    let urgency: String
    let urgencyName: String
    let status: String
    let statusName: String
    let account: String
    let child: ChildCaseSealed.Child
    let childPersonId: UUID?
    let region: String
    let regionName: String
    let reportedAt: String
    let intakeName: String
    let responseDueAt: String
    let respondedAt: String?
    let responseOverdue: Bool
    let workerId: UUID?
    let workerName: String?
    let supervisorId: UUID?
    let supervisorName: String?
    let plan: String?
    let planIntervalDays: Int?
    let lastContactOn: String?
    /// The next visit of an open case the worker has reached: the plan's interval after the
    /// last contact, at least monthly.
    let nextVisitDue: String?
    let visitOverdue: Bool
    let closureReason: String?
    let closureReasonName: String?
    let closureNote: String?
    let closedAt: String?
    let version: Int
    let entries: [Entry]
    let referrals: [Referral]
    let may: Actions

    init(
        _ row: ChildCaseStore.Row, sealed: ChildCaseSealed, viewer: ChildCaseViewer, regions: RegionTable, now: Date,
        today: CivilDate, parameters: ChildProtectionParameters, entries: [Entry], referrals: [Referral]
    ) {
        id = row.id
        number = row.number
        channel = row.channel
        channelName = ChildCaseChannel(rawValue: row.channel)?.chinese ?? row.channel
        reporterKind = row.reporterKind
        reporterKindName = ChildCaseReporterKind(rawValue: row.reporterKind)?.chinese ?? row.reporterKind
        reporter = viewer.tookReport ? sealed.reporter : nil
        concerns = row.concerns.split(separator: ",").map {
            Choice(code: String($0), name: ChildCaseConcern(rawValue: String($0))?.chinese ?? String($0))
        }
        urgency = row.urgency
        urgencyName = ChildCaseUrgency(rawValue: row.urgency)?.chinese ?? row.urgency
        status = row.status
        let state = ChildCaseStatus(rawValue: row.status) ?? .reported
        statusName = state.chinese
        account = sealed.account
        child = sealed.child
        childPersonId = row.childPersonId
        region = row.region
        regionName = RegionCode(row.region).map(regions.fullName) ?? row.region
        reportedAt = UserView.time(row.reportedAt)
        intakeName = row.intakeName
        responseDueAt = UserView.time(row.responseDueAt)
        respondedAt = row.respondedAt.map(UserView.time)
        responseOverdue = row.respondedAt == nil && row.responseDueAt < now && state != .closed
        (workerId, workerName, supervisorId, supervisorName) =
            (row.workerId, row.workerName, row.supervisorId, row.supervisorName)
        plan = sealed.plan
        planIntervalDays = row.planIntervalDays
        lastContactOn = row.lastContactOn
        let next =
            state == .closed
            ? nil
            : row.lastContactOn.flatMap(CivilDate.init).map {
                ChildCaseRules.nextVisitDue(
                    lastContact: $0, planIntervalDays: row.planIntervalDays, parameters: parameters)
            }
        nextVisitDue = next?.description
        visitOverdue = next.map { $0 < today } ?? false
        closureReason = row.closureReason
        closureReasonName = row.closureReason.flatMap { ChildCaseClosureReason(rawValue: $0)?.chinese }
        closureNote = row.closureNote
        closedAt = row.closedAt.map(UserView.time)
        version = row.version
        self.entries = entries
        self.referrals = referrals
        func may(_ action: ChildCaseAction) -> Bool {
            (try? ChildCaseRules.next(state, action, by: viewer).get()) != nil
        }
        self.may = Actions(
            assign: may(.assign), record: may(.record), refer: may(.refer), proposeClosure: may(.proposeClosure),
            decideClosure: may(.approveClosure))
    }
}
