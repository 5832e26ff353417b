import Foundation

/// The hotline's dated numbers (CHILDREN.md "Hotline cases" and "Visits").
public struct ChildProtectionParameters: Sendable, Hashable {
    /// An urgent case: someone on site within this many hours of the report (24).
    public var urgentResponseHours: Int
    /// A normal case: contact within this many working days (3).
    public var normalResponseWorkingDays: Int
    /// A partner answers a referral within this many working days, or is chased (5).
    public var referralAnswerWorkingDays: Int
    /// An open case's child is visited at least this often, in days (30: at least monthly).
    public var visitIntervalDays: Int

    public static let keys: [PolicyParameterKey] = [
        .childCaseUrgentResponseHours, .childCaseNormalResponseWorkingDays, .childCaseReferralAnswerWorkingDays,
        .childCaseVisitIntervalDays,
    ]

    public init(
        urgentResponseHours: Int, normalResponseWorkingDays: Int, referralAnswerWorkingDays: Int,
        visitIntervalDays: Int
    ) {
        self.urgentResponseHours = urgentResponseHours
        self.normalResponseWorkingDays = normalResponseWorkingDays
        self.referralAnswerWorkingDays = referralAnswerWorkingDays
        self.visitIntervalDays = visitIntervalDays
    }

    /// `values` holds every key of `keys` (PolicyParameters checked that).
    public init(values: [PolicyParameterKey: Int64]) {
        func int(_ key: PolicyParameterKey) -> Int { Int(values[key] ?? 0) }
        self.init(
            urgentResponseHours: int(.childCaseUrgentResponseHours),
            normalResponseWorkingDays: int(.childCaseNormalResponseWorkingDays),
            referralAnswerWorkingDays: int(.childCaseReferralAnswerWorkingDays),
            visitIntervalDays: int(.childCaseVisitIntervalDays))
    }

    public var values: [PolicyParameterKey: Int64] {
        [
            .childCaseUrgentResponseHours: Int64(urgentResponseHours),
            .childCaseNormalResponseWorkingDays: Int64(normalResponseWorkingDays),
            .childCaseReferralAnswerWorkingDays: Int64(referralAnswerWorkingDays),
            .childCaseVisitIntervalDays: Int64(visitIntervalDays),
        ]
    }
}

/// Who someone is to one case. The city's child-protection office (`protectChildren` over the
/// case's region) takes reports and assigns; the assigned worker and the street's supervisor
/// work it. Nobody else learns that the case exists.
public struct ChildCaseViewer: Sendable, Equatable {
    public var isOffice: Bool
    public var isWorker: Bool
    public var isSupervisor: Bool
    /// The member of staff who took the report: the only one who sees who reported.
    public var tookReport: Bool

    public init(isOffice: Bool, isWorker: Bool, isSupervisor: Bool, tookReport: Bool) {
        (self.isOffice, self.isWorker, self.isSupervisor, self.tookReport) =
            (isOffice, isWorker, isSupervisor, tookReport)
    }

    public var sees: Bool { isOffice || isWorker || isSupervisor }
}

/// What can be done to a case, by whom, in which state.
public enum ChildCaseAction: String, CaseIterable, Codable, Sendable {
    case assign, record, refer, answerReferral, proposeClosure, approveClosure, rejectClosure
}

/// The rules of a case: triage, deadlines, and the state machine.
public enum ChildCaseRules {
    /// Urgent when anything reported puts the child in immediate danger.
    public static func urgency(of concerns: Set<ChildCaseConcern>) -> ChildCaseUrgency {
        concerns.contains(where: \.isUrgent) ? .urgent : .normal
    }

    /// When the first response is due: hours after the report for an urgent case, the end of
    /// the `normalResponseWorkingDays`-th working day after the day of the report otherwise.
    public enum Deadline: Equatable, Sendable {
        case hoursAfterReport(Int)
        case endOfDay(CivilDate)
    }

    public static func responseDeadline(
        _ urgency: ChildCaseUrgency, reportedOn day: CivilDate, parameters: ChildProtectionParameters,
        calendar: WorkingDayCalendar
    ) -> Deadline {
        switch urgency {
        case .urgent: return .hoursAfterReport(parameters.urgentResponseHours)
        case .normal: return .endOfDay(calendar.addingWorkingDays(parameters.normalResponseWorkingDays, to: day))
        }
    }

    /// The last day a partner may answer a referral sent on `day`; after it, the referral is chased.
    public static func referralAnswerDue(
        sentOn day: CivilDate, parameters: ChildProtectionParameters, calendar: WorkingDayCalendar
    ) -> CivilDate {
        calendar.addingWorkingDays(parameters.referralAnswerWorkingDays, to: day)
    }

    /// The next visit of an open case: the plan's interval (never longer than the parameter's)
    /// after the last contact with the child.
    public static func nextVisitDue(
        lastContact: CivilDate, planIntervalDays: Int?, parameters: ChildProtectionParameters
    ) -> CivilDate {
        lastContact.adding(days: min(planIntervalDays ?? parameters.visitIntervalDays, parameters.visitIntervalDays))
    }

    /// The state after `action` by `viewer`, or why not. `entry` is the kind recorded by `record`.
    public static func next(
        _ status: ChildCaseStatus, _ action: ChildCaseAction, by viewer: ChildCaseViewer,
        entry: ChildCaseEntryKind? = nil
    ) -> Result<ChildCaseStatus, Refusal> {
        let onCase = viewer.isWorker || viewer.isSupervisor
        func forbidden(_ who: String) -> Result<ChildCaseStatus, Refusal> {
            .failure(Refusal(.forbidden, "只有\(who)可以这样做"))
        }
        func conflict() -> Result<ChildCaseStatus, Refusal> {
            .failure(Refusal(.conflict, "个案\(status.chinese)，不能这样做"))
        }
        switch action {
        case .assign:
            guard viewer.isOffice else { return forbidden("未成年人保护中心") }
            guard status != .closing, status != .closed else { return conflict() }
            return .success(status == .reported ? .assigned : status)
        case .record:
            guard onCase else { return forbidden("承办人或督导员") }
            guard status != .reported, status != .closed else { return conflict() }
            let contact = entry == .response || entry == .visit
            return .success(status == .assigned && contact ? .responded : status)
        case .refer, .answerReferral:
            guard onCase || (action == .answerReferral && viewer.isOffice) else { return forbidden("承办人或督导员") }
            guard status != .reported, status != .closed else { return conflict() }
            return .success(status)
        case .proposeClosure:
            guard viewer.isWorker else { return forbidden("承办人") }
            guard status == .responded else { return conflict() }
            return .success(.closing)
        case .approveClosure, .rejectClosure:
            guard viewer.isSupervisor else { return forbidden("督导员") }
            guard status == .closing else { return conflict() }
            return .success(action == .approveClosure ? .closed : .responded)
        }
    }
}

extension ChildCaseRules {
    /// A name as lists show it: the surname and a star for each other character (`王**`).
    public static func maskedName(_ name: String) -> String {
        guard let first = name.first else { return "" }
        return String(first) + String(repeating: "*", count: max(1, name.count - 1))
    }

    /// The words of a closure step on the case's record.
    public static func closureStep(_ action: ChildCaseAction) -> String {
        switch action {
        case .proposeClosure: return "申请结案"
        case .approveClosure: return "督导员同意结案"
        case .rejectClosure: return "督导员退回结案申请"
        default: return action.rawValue
        }
    }
}
