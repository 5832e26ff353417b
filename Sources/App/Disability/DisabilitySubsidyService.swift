import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// 两项补贴, 免申即享: the month's run (the yearly re-check stops who is no longer eligible, then
/// everyone newly eligible is proposed to the street with the rule), in one audited transaction.
/// Built by `Application.disabilitySubsidies(actor:)`; the hourly round runs it for the current
/// month and `minzheng disability identify` by hand. Running it again changes nothing.
struct DisabilitySubsidyRun {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock

    struct Proposed: Content, Equatable {
        let personId: UUID
        let program: String
        let rule: String
    }

    struct Outcome: Content, Equatable {
        var proposed = 0
        var stopped = 0
        var proposals: [Proposed] = []
    }

    func run(month: YearMonth, within scope: RegionScope) async throws -> Outcome {
        let history = try await PolicyStore(db: db).history()
        let now = clock.now
        return try await writer.transaction { tx, audit in
            let store = DisabilitySubsidyStore(db: tx)
            var result = Outcome()
            var parameters: [String: PolicyParameters] = [:]
            var pending: [DisabilitySubsidyStore.NewProposal] = []
            // Proposals go in a thousand at a time, each batch's audit events with them.
            func flush() async throws {
                let inserted = try await store.propose(pending, month: month, at: now)
                pending.removeAll(keepingCapacity: true)
                try await audit.record(
                    inserted.map { p in
                        audit.entry(
                            "disabilitySubsidy.propose", entity: "disability_subsidy_proposal", id: p.id.uuidString,
                            region: p.candidate.region,
                            after: [
                                "program": p.program.rawValue, "person": p.candidate.person.uuidString,
                                "rule": p.rule.rawValue, "amountFen": "\(p.amount.value)", "month": month.description,
                            ])
                    })
                result.proposed += inserted.count
                result.proposals += inserted.map {
                    Proposed(personId: $0.candidate.person, program: $0.program.rawValue, rule: $0.rule.rawValue)
                }
            }
            for candidate in try await store.candidates(month: month, within: scope) {
                for program in DisabilitySubsidyProgram.allCases {
                    if let enrollment = candidate.enrollments[program] {
                        guard let stop = DisabilitySubsidyRules.recheck(program, candidate.facts, month: month)
                        else { continue }
                        try await EnrollmentStore(db: tx).setStatus(
                            enrollment: enrollment, status: .ended, from: month.adding(months: 1),
                            reason: "\(program.chinese)年审停发：\(stop.chinese)")
                        try await audit.record(
                            "disabilitySubsidy.stop", entity: "enrollment", id: enrollment.uuidString,
                            region: candidate.region,
                            after: [
                                "program": program.rawValue, "person": candidate.person.uuidString,
                                "reason": stop.rawValue, "month": month.description,
                            ])
                        result.stopped += 1
                        continue
                    }
                    // Judged on the first day it would be paid (a confirmation enrolls from the
                    // next month): a certificate running out this month proposes nothing.
                    guard !candidate.settled.contains(program),
                        case .success(let rule) = DisabilitySubsidyRules.eligibility(
                            program, candidate.facts, on: month.adding(months: 1).firstDay),
                        let grade = candidate.facts.grade
                    else { continue }
                    if parameters[candidate.region] == nil {
                        parameters[candidate.region] = try history.parameters(for: candidate.region, month: month)
                    }
                    guard let regional = parameters[candidate.region] else { continue }
                    let amount = DisabilitySubsidyRules.amount(
                        program, grade: grade, urbanHukou: candidate.urbanHukou, parameters: regional)
                    pending.append(.init(candidate: candidate, program: program, rule: rule, amount: amount))
                }
                if pending.count >= 1000 { try await flush() }
            }
            try await flush()
            return result
        }
    }

    /// The hourly round's step: this month, the whole city (idempotent).
    static func hourly(_ app: Application) async {
        let month = app.platform.clock.today.yearMonth
        do {
            let result = try await app.disabilitySubsidies(actor: .system("monitoring-timer")).run(
                month: month, within: DisabilitySubsidyStore.city)
            if result.proposed + result.stopped > 0 {
                app.logger.info(
                    "disability subsidies \(month): \(result.proposed) proposed, \(result.stopped) stopped")
            }
        } catch {
            app.logger.report(error: error)
        }
    }
}

extension Application {
    func disabilitySubsidies(actor: AuditActor) -> DisabilitySubsidyRun {
        DisabilitySubsidyRun(db: sql, writer: writer(actor: actor), clock: platform.clock)
    }
}

/// The street's decisions on the proposals of its region: confirm (an enrollment from the month
/// after, paid by the payroll like any) or refuse with a reason; one audited transaction each.
struct DisabilitySubsidyDecisions {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock
    let user: CurrentUser

    init(db: SQLDatabase, writer: AuditedWriter, clock: PlatformClock, user: CurrentUser) throws {
        try user.require(.confirmBenefitChanges)
        (self.db, self.writer, self.clock, self.user) = (db, writer, clock, user)
    }

    /// `{action, version, note?}`, as the funeral subsidies' decisions.
    typealias Decision = FuneralSubsidies.Decision

    func list(status: String?, page: PageRequest) async throws -> Page<DisabilitySubsidyStore.Proposal> {
        guard
            let status = DisabilitySubsidyProposalStatus(
                rawValue: status ?? DisabilitySubsidyProposalStatus.open.rawValue)
        else {
            throw Refusal.invalid("status", "状态应为 open、confirmed 或 refused")
        }
        return try await DisabilitySubsidyStore(db: db).list(within: user.scope, status: status, page: page)
    }

    func find(_ id: UUID?) async throws -> DisabilitySubsidyStore.Proposal {
        guard let id, let found = try await DisabilitySubsidyStore(db: db).proposal(id: id, within: user.scope)
        else {
            throw Refusal.notFound("残疾人两项补贴建议")
        }
        return found
    }

    func decide(_ id: UUID?, _ decision: Decision) async throws -> DisabilitySubsidyStore.Proposal {
        let proposal = try await find(id)
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(decision.note, field: "note", label: "说明")
        }
        let status = try DisabilitySubsidyRules.decide(
            DisabilitySubsidyProposalStatus(rawValue: proposal.status) ?? .open, action: decision.action, note: note
        ).get()
        guard let version = decision.version else { throw Refusal.invalid("version", "缺少 version（当前版本号）") }
        guard version == proposal.version else { throw Refusal.staleVersion(current: proposal.version) }
        let (name, now) = (user.displayName, clock.now)
        let start = clock.today.yearMonth.adding(months: 1)
        try await writer.transaction { tx, audit in
            var enrollment: UUID?
            if status == .confirmed {
                enrollment = try await EnrollmentStore(db: tx).create(
                    item: proposal.program, household: proposal.householdId, person: proposal.personId,
                    region: proposal.region, monthlyFen: proposal.amountFen, start: start, application: nil,
                    reason: "\(proposal.programName)免申即享：\(proposal.ruleText)", at: now)
            }
            guard
                try await DisabilitySubsidyStore(db: tx).decide(
                    id: proposal.id, version: version, status: status, by: name, note: note, enrollment: enrollment,
                    at: now)
            else { throw Refusal.staleVersion(current: version + 1) }
            try await audit.record(
                status == .confirmed ? "disabilitySubsidy.confirm" : "disabilitySubsidy.refuse",
                entity: "disability_subsidy_proposal", id: proposal.id.uuidString, region: proposal.region,
                before: ["status": proposal.status],
                after: [
                    "status": status.rawValue, "program": proposal.program, "person": proposal.idMasked,
                    "amountFen": "\(proposal.amountFen)", "note": note ?? "",
                    "enrollment": enrollment?.uuidString ?? "",
                    "startMonth": status == .confirmed ? start.description : "",
                ])
        }
        return try await find(proposal.id)
    }
}

extension Request {
    /// The signed-in user's decisions on the disability subsidies; refused without the permission.
    func disabilitySubsidyDecisions() throws -> DisabilitySubsidyDecisions {
        try DisabilitySubsidyDecisions(db: sql, writer: writer, clock: platform.clock, user: try user)
    }
}

/// `minzheng disability identify [--month YYYY-MM]`.
struct DisabilityCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["identify": IdentifyCommand()] }
    var help: String { "残疾人：disability identify（两项补贴免申即享月度识别与年审）" }

    struct IdentifyCommand: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "month", help: "the month, YYYY-MM (default this month)")
            var month: String?
        }
        var help: String { "两项补贴免申即享：符合条件者提交街道确认，年审不再符合者停发" }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            let month = try commandMonth(signature.month, today: app.platform.clock.today)
            let result = try await app.disabilitySubsidies(actor: .system("cli:disability")).run(
                month: month, within: DisabilitySubsidyStore.city)
            context.console.output("\(jsonLine(result))")
        }
    }
}
