import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The facility steps of the hourly round (`MonitoringTimer`), also behind a staff button:
/// expired grades lapse, overdue hazards escalate (district, then city), and the grade of a
/// facility with a serious hazard open past its deadline is suspended. Each step only moves
/// records forward (a lapsed grade stays lapsed, an escalation is never lowered), so a rerun
/// changes nothing.
enum FacilityRound {
    struct Result: Codable, Sendable, Equatable {
        var lapsed = 0
        var escalated = 0
        var suspended = 0
    }

    static func run(db: SQLDatabase, today: CivilDate, now: Date, writer: AuditedWriter) async throws -> Result {
        let regions = RegionTable.shipped
        var result = Result()
        result.lapsed = try await writer.transaction { tx, audit in
            let changed = try await FacilityStore(db: tx, regions: regions).lapseExpired(today: today, at: now)
            for f in changed {
                try await audit.record(
                    "facility.grade.lapse", entity: "facility", id: f.id.uuidString, region: f.region,
                    after: ["gradeState": GradeState.lapsed.rawValue, "on": today.description])
            }
            return changed.count
        }
        // The parameters of each hazard's own region decide its escalation.
        let overdue = try await InspectionStore(db: db, regions: regions).overdue(today: today)
        var parameters: [String: FacilityParameters] = [:]
        for h in overdue {
            if parameters[h.region] == nil {
                parameters[h.region] = try await FacilityService.parameters(db: db, region: h.region, on: today)
            }
            guard let p = parameters[h.region] else { continue }
            let level = HazardRules.escalation(
                severity: h.severity, state: h.state, deadline: h.deadline, today: today, parameters: p)
            guard level.rawValue > h.escalation else { continue }
            result.escalated += try await writer.transaction { tx, audit in
                let store = InspectionStore(db: tx, regions: regions)
                guard try await store.escalate(hazard: h.id, to: level, at: now) else { return 0 }
                try await store.addEvent(
                    hazard: h.id, kind: "escalated\(level.rawValue)", note: nil, actor: writer.actor.name, on: today,
                    at: now)
                try await audit.record(
                    "hazard.escalate", entity: "hazard", id: h.id.uuidString, region: h.region,
                    after: ["escalation": String(level.rawValue), "deadline": h.deadline.description])
                return 1
            }
        }
        let facilities = try await InspectionStore(db: db, regions: regions).facilitiesWithOverdueSerious(today: today)
        result.suspended = try await writer.transaction { tx, audit in
            let changed = try await FacilityStore(db: tx, regions: regions).suspend(ids: facilities, at: now)
            for f in changed {
                try await audit.record(
                    "facility.grade.suspend", entity: "facility", id: f.id.uuidString, region: f.region,
                    after: ["gradeState": GradeState.suspended.rawValue, "on": today.description])
            }
            return changed.count
        }
        return result
    }
}

/// `minzheng facilities round`: the facility steps of the hourly round, now.
struct FacilityCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["round": RoundCommand()] }
    var help: String { "养老设施：facilities round（等级到期失效、超期隐患升级、重大隐患超期暂停等级）" }

    struct RoundCommand: AsyncCommand {
        struct Signature: CommandSignature {}
        var help: String { "立即检查等级到期与超期隐患，输出 {\"lapsed\",\"escalated\",\"suspended\"}" }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            let result = try await FacilityRound.run(
                db: app.sql, today: app.platform.clock.today, now: app.platform.clock.now,
                writer: app.writer(actor: .system("cli:facilities")))
            context.console.output(
                "\(jsonLine(["lapsed": String(result.lapsed), "escalated": String(result.escalated), "suspended": String(result.suspended)]))"
            )
        }
    }
}
