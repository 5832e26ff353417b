import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The demo's hotline: reports about some of the registry's children, taken by the office's
/// first account (`childwelfare`) through the same service as a call — urgent and normal, by
/// the hotline and by mandated reporters — so that `/child-cases` has work to assign on a fresh
/// `serve`. No worker accounts exist in the demo: the administrator creates them, the office assigns.
enum DemoChildCases {
    static let reports:
        [(
            channel: ChildCaseChannel, kind: ChildCaseReporterKind, organisation: String?,
            concerns: [ChildCaseConcern], account: String
        )] = [
            (.mandatedReport, .school, "区实验小学", [.abuse], "学生手臂有多处淤青，称被家长打。"),
            (.hotline, .public, nil, [.aloneInDanger], "邻居反映孩子独自在家两天，家长联系不上。"),
            (.mandatedReport, .hospital, "市第一人民医院", [.neglect], "儿童营养不良入院，监护人未陪护。"),
            (.hotline, .public, nil, [.outOfSchool], "孩子一个多月没有上学。"),
            (.mandatedReport, .police, "派出所", [.abandonment], "车站发现一名独自滞留的儿童。"),
            (.mandatedReport, .residentsCommittee, "社区居委会", [.neglect, .outOfSchool], "父母外出务工，祖母卧病，无人照料。"),
            (.hotline, .public, nil, [.other], "孩子经常深夜在网吧。"),
            (.mandatedReport, .kindergarten, "街道幼儿园", [.neglect], "幼儿多日无人接送。"),
        ]

    static func seedIfEmpty(_ app: Application) async throws {
        guard app.platform.config.demoHouseholds > 0 else { return }
        let existing =
            try await app.sql.raw("SELECT COUNT(*) AS n FROM child_cases").first()?.decode(column: "n", as: Int.self)
            ?? 0
        guard existing == 0, let office = try await AccountStore(db: app.sql).userRow(username: "childwelfare")?.current
        else { return }
        let cases = try ChildCaseService(
            db: app.sql,
            writer: app.writer(actor: AuditActor(id: office.id.uuidString, name: office.username, requestID: nil)),
            clock: app.platform.clock, cipher: app.platform.cipher, regions: app.platform.regions, user: office)
        let adult = app.platform.clock.today.adding(days: -18 * 366)
        let children = try await app.sql.raw(
            """
            SELECT id_cipher FROM persons WHERE birth_date > \(bind: adult.description) AND deceased_on IS NULL
            ORDER BY id LIMIT \(bind: reports.count)
            """
        ).all().map { try app.platform.cipher.decrypt(try $0.decode(column: "id_cipher", as: String.self)) }
        for (report, idNumber) in zip(reports, children) {
            _ = try await cases.report(
                ChildCaseService.Intake(
                    channel: report.channel.rawValue, reporterKind: report.kind.rawValue, reporterName: nil,
                    reporterPhone: nil, reporterOrganisation: report.organisation,
                    concerns: report.concerns.map(\.rawValue), account: report.account, childIdNumber: idNumber))
        }
        app.logger.info("Demo child protection: \(min(reports.count, children.count)) hotline cases to assign")
    }
}
