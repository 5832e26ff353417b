import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// What a receipt's filing stands at, read from its own tables (a read joining what it
/// needs, as the stores of those tables own their writes): the state in words, the steps
/// done, what comes next and by when. Nobody's name or number is read but the filing's kind.
struct ProgressStore {
    let db: SQLDatabase

    func progress(of receipt: ReceiptStore.Receipt, today: CivilDate) async throws -> ProgressAnswer? {
        switch receipt.kind {
        case .application: return try await application(receipt, today: today)
        case .booking: return try await booking(receipt)
        case .familySearch: return try await familySearch(receipt)
        case .correction: return try await correction(receipt)
        case .organisationRegistration: return try await registration(receipt)
        }
    }

    private func application(_ r: ReceiptStore.Receipt, today: CivilDate) async throws -> ProgressAnswer? {
        guard
            let row = try await db.raw(
                """
                SELECT item_code, state, department, submitted_on, deadline_on FROM applications
                WHERE id = \(bind: r.record)
                """
            ).first()
        else { return nil }
        let item = try row.decode(column: "item_code", as: String.self)
        let state = WorkflowState(rawValue: try row.decode(column: "state", as: String.self)) ?? .submitted
        let department = try row.decode(column: "department", as: String?.self).flatMap(Department.init(rawValue:))
            .map(\.chinese)
        var steps = [ProgressAnswer.Step(at: r.issuedAt, text: "提交申请")]
        for s in try await db.raw(
            """
            SELECT action, to_state, at FROM application_steps WHERE application_id = \(bind: r.record)
            ORDER BY at, id
            """
        ).all() {
            let code = try s.decode(column: "action", as: String.self)
            guard code != "submit" else { continue }  // the first step, above
            let action = WorkflowActionKind(rawValue: code)
            let to = WorkflowState(rawValue: try s.decode(column: "to_state", as: String.self))
            steps.append(
                .init(
                    at: try s.decode(column: "at", as: Date.self),
                    text: [action?.chinese, to.map { "（\($0.chinese)）" }].compactMap { $0 }.joined()))
        }
        let next = ProgressNext.application(state, department: department)
        let deadline = try row.decode(column: "deadline_on", as: String.self)
        return ProgressAnswer(
            receipt: r,
            title: AssistanceItemCode(item).flatMap { AssistanceCatalog.standard.item($0)?.name } ?? item,
            state: state.rawValue, stateName: state.chinese, inProgress: !state.isTerminal, steps: steps, next: next,
            dueBy: next == nil ? nil : deadline,
            dueLabel: next == nil ? nil : "法定办结时限（30 个工作日）",
            overdue: next != nil && (CivilDate(deadline).map { $0 < today } ?? false),
            link: Route.application.path(r.record))
    }

    private func booking(_ r: ReceiptStore.Receipt) async throws -> ProgressAnswer? {
        guard
            let row = try await db.raw(
                """
                SELECT b.kind, b.state, b.day, b.changed_at, s.start_minute, res.name FROM bookings b
                JOIN booking_slots s ON s.id = b.slot_id JOIN booking_resources res ON res.id = s.resource_id
                WHERE b.id = \(bind: r.record)
                """
            ).first()
        else { return nil }
        let kind = BookingKind(rawValue: try row.decode(column: "kind", as: String.self))
        let state = BookingState(rawValue: try row.decode(column: "state", as: String.self)) ?? .active
        let minute = try row.decode(column: "start_minute", as: Int.self)
        let day = try row.decode(column: "day", as: String.self)
        let place = try row.decode(column: "name", as: String.self)
        let time = "\(day) \(minute / 60):\(minute % 60 < 10 ? "0" : "")\(minute % 60)"
        var steps = [ProgressAnswer.Step(at: r.issuedAt, text: "预约成功")]
        if state != .active {
            steps.append(.init(at: try row.decode(column: "changed_at", as: Date.self), text: state.chinese))
        }
        let next = ProgressNext.booking(state)
        return ProgressAnswer(
            receipt: r,
            title: "\(kind?.chinese ?? "预约") · \(place)",
            state: state.rawValue, stateName: state.chinese, inProgress: state == .active, steps: steps, next: next,
            dueBy: next == nil ? nil : time, dueLabel: next == nil ? nil : "预约时间", overdue: false,
            link: Route.bookingDetail.path(r.record))
    }

    private func familySearch(_ r: ReceiptStore.Receipt) async throws -> ProgressAnswer? {
        guard
            let row = try await db.raw(
                "SELECT status FROM family_search_reports WHERE id = \(bind: r.record)"
            ).first()
        else { return nil }
        let status = try row.decode(column: "status", as: String.self)
        var steps = [ProgressAnswer.Step(at: r.issuedAt, text: "登记寻亲信息，开始比对")]
        if status == "reunited" { steps.append(.init(at: nil, text: "确认身份，已团聚")) }
        let next = ProgressNext.familySearch(status: status)
        return ProgressAnswer(
            receipt: r, title: "寻亲登记", state: status, stateName: ProgressNext.familySearchStatus(status),
            inProgress: next != nil, steps: steps, next: next, dueBy: nil, dueLabel: nil, overdue: false,
            link: Route.familySearchReport.path(r.record))
    }

    private func correction(_ r: ReceiptStore.Receipt) async throws -> ProgressAnswer? {
        guard
            let row = try await db.raw(
                "SELECT field, state, handled_at FROM correction_requests WHERE id = \(bind: r.record)"
            ).first()
        else { return nil }
        let field = CorrectionField(rawValue: try row.decode(column: "field", as: String.self))
        let state = CorrectionState(rawValue: try row.decode(column: "state", as: String.self)) ?? .open
        var steps = [ProgressAnswer.Step(at: r.issuedAt, text: "提交更正申请")]
        if state != .open {
            steps.append(.init(at: try row.decode(column: "handled_at", as: Date?.self), text: state.chinese))
        }
        let next = ProgressNext.correction(state)
        return ProgressAnswer(
            receipt: r, title: "更正“\(field?.chinese ?? "个人信息")”", state: state.rawValue, stateName: state.chinese,
            inProgress: next != nil, steps: steps, next: next, dueBy: nil, dueLabel: nil, overdue: false,
            link: Route.me.path + "#corrections")
    }
}

extension ProgressStore {
    fileprivate func registration(_ r: ReceiptStore.Receipt) async throws -> ProgressAnswer? {
        guard
            let row = try await db.raw(
                """
                SELECT a.type, a.state, a.name, o.name AS organisation_name FROM organisation_applications a
                LEFT JOIN organisations o ON o.id = a.organisation_id WHERE a.id = \(bind: r.record)
                """
            ).first()
        else { return nil }
        let state = WorkflowState(rawValue: try row.decode(column: "state", as: String.self)) ?? .submitted
        let type = RegistrationKind(rawValue: try row.decode(column: "type", as: String.self))
        let name =
            try row.decode(column: "name", as: String?.self)
            ?? row.decode(column: "organisation_name", as: String?.self) ?? ""
        var steps = [ProgressAnswer.Step(at: r.issuedAt, text: "提交登记申请")]
        for s in try await db.raw(
            """
            SELECT action, to_state, at FROM organisation_application_steps
            WHERE application_id = \(bind: r.record) ORDER BY at, id
            """
        ).all() {
            let code = try s.decode(column: "action", as: String.self)
            guard code != "submit" else { continue }
            let to = WorkflowState(rawValue: try s.decode(column: "to_state", as: String.self))
            steps.append(
                .init(
                    at: try s.decode(column: "at", as: Date.self),
                    text: (WorkflowActionKind(rawValue: code)?.chinese ?? code) + (to.map { "（\($0.chinese)）" } ?? "")
                ))
        }
        let next = ProgressNext.registration(state)
        return ProgressAnswer(
            receipt: r, title: "\(name) \(type?.chinese ?? "登记")", state: state.rawValue, stateName: state.chinese,
            inProgress: next != nil, steps: steps, next: next, dueBy: nil, dueLabel: nil, overdue: false,
            link: Route.organisationApplication.path(r.record))
    }
}

/// A filing's progress as the resident reads it (pages and JSON alike).
struct ProgressAnswer: Content {
    struct Step: Content {
        /// Beijing time, `yyyy-MM-dd HH:mm`; nil when the record keeps no time for the step.
        let at: String?
        let text: String

        init(at: Date?, text: String) {
            self.at = at.map(BeijingTime.timestamp)
            self.text = text
        }
    }
    let receiptNumber: String
    let kind: String
    let kindName: String
    /// What it is: the item, the appointment and where.
    let title: String
    let state: String
    let stateName: String
    let inProgress: Bool
    let filedAt: String
    let steps: [Step]
    let next: String?
    /// True when the next move is the resident's.
    let residentActs: Bool
    /// The day (an appointment: day and time) by which the next step is due, where there is one.
    let dueBy: String?
    let dueLabel: String?
    let overdue: Bool
    /// The filing's own page (for its owner, signed in).
    let link: String

    init(
        receipt r: ReceiptStore.Receipt, title: String, state: String, stateName: String, inProgress: Bool,
        steps: [Step], next: ProgressNext?, dueBy: String?, dueLabel: String?, overdue: Bool, link: String
    ) {
        receiptNumber = r.number.value
        kind = r.kind.rawValue
        kindName = r.kind.chinese
        self.title = title
        self.state = state
        self.stateName = stateName
        self.inProgress = inProgress
        filedAt = BeijingTime.timestamp(r.issuedAt)
        self.steps = steps
        self.next = next?.text
        residentActs = next?.residentActs ?? false
        self.dueBy = dueBy
        self.dueLabel = dueLabel
        self.overdue = overdue
        self.link = link
    }
}
