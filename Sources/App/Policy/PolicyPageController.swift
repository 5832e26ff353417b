import MinzhengCore
import SQLKit
import Vapor

/// 政策参数: the parameters in force and their dated history; a city administrator adds
/// a version from a month. Nothing is edited in place, and every version is audited.
struct PolicyPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.policy.pattern, use: index)
        routes.get(Route.policyParameter.pattern, use: parameter)
        routes.post(Route.policyParameter.pattern, use: addVersion)
    }

    func index(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.viewPolicy)
        let month = req.today.yearMonth
        let versions = try await req.policy.versions()
        let history = PolicyParameterHistory(rows: versions.compactMap(\.row))
        let city = RegionTable.changzhou.value
        let rows = PolicyParameterKey.allCases.map { key in
            let inForce = history.row(for: key, region: city, month: month)
            let scheduled = versions.filter { $0.key == key.rawValue && $0.fromMonth > month.description }
            let overrides = Set(versions.filter { $0.key == key.rawValue && $0.region != city }.map(\.region)).count
            return PolicyIndexRow(
                key: key.rawValue, label: key.label, value: inForce.map { key.kind.display($0.value) } ?? "—",
                since: inForce?.fromMonth.description ?? "—",
                scheduled: scheduled.map {
                    "\($0.fromMonth) 起 \(key.kind.display($0.value))（\(req.regionName($0.region))）"
                },
                overrides: overrides)
        }
        return try await req.view.render(
            "policy/index",
            PolicyIndexPage(
                layout: LayoutContext(request: req, title: "政策参数", user: user), month: month.description, rows: rows,
                canSimulate: user.role.may(.simulatePolicy)))
    }

    func parameter(req: Request) async throws -> View {
        let user = try req.user
        try user.require(.viewPolicy)
        let key = try Self.key(req)
        return try await render(
            req, user: user, key: key,
            form: VersionForm(
                region: user.region.value,
                fromMonth: req.today.yearMonth.adding(months: 1).description,
                value: "", note: ""),
            error: nil, added: req.query[String.self, at: "added"])
    }

    func addVersion(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.managePolicy)
        let key = try Self.key(req)
        let form = try req.content.decode(VersionForm.self)
        let row: PolicyParameterRow
        do {
            row = try form.validated(
                key: key, user: user, regions: req.platform.regions, thisMonth: req.today.yearMonth)
        } catch let error as Refusal {
            return try await render(req, user: user, key: key, form: form, error: error, added: nil).encodeResponse(
                status: error.status, for: req)
        }
        let note = form.note.trimmingCharacters(in: .whitespacesAndNewlines)
        let now = req.now
        do {
            let version = try await req.auditedTransaction { tx, audit in
                let version = try await PolicyStore(db: tx).addVersion(
                    row, note: note, createdBy: req.auditActor.name, at: now)
                try await audit.record(
                    "policy.parameter.create", entity: "policy_parameter",
                    id: "\(version.region)/\(version.key)/\(version.fromMonth)/\(version.revision)",
                    region: version.region, after: version)
                return version
            }
            let added = "\(version.fromMonth) 起 \(key.kind.display(version.value))（\(req.regionName(version.region))）"
            let query = "?added=\(added.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            return req.redirect(to: Route.policyParameter.path(key.rawValue) + query)
        } catch let error as Refusal {
            return try await render(req, user: user, key: key, form: form, error: error, added: nil).encodeResponse(
                status: error.status, for: req)
        }
    }

    private func render(
        _ req: Request, user: CurrentUser, key: PolicyParameterKey, form: VersionForm, error: Refusal?,
        added: String?
    ) async throws -> View {
        let versions = try await req.policy.versions(key: key)
        let regions = [RegionTable.changzhou] + req.platform.regions.children(of: RegionTable.changzhou)
        return try await req.view.render(
            "policy/parameter",
            PolicyParameterPage(
                layout: LayoutContext(request: req, title: key.label, user: user),
                key: key.rawValue, label: key.label, hint: key.kind.inputHint,
                versions: versions.reversed().map { v in
                    VersionRow(
                        region: req.regionName(v.region), regionCode: v.region, fromMonth: v.fromMonth,
                        value: key.kind.display(v.value),
                        revision: v.revision, note: v.note ?? "", createdBy: v.createdBy,
                        createdAt: AuditTimestamp(v.createdAt).iso8601.prefix(16).replacingOccurrences(
                            of: "T", with: " "))
                },
                canManage: user.role.may(.managePolicy),
                regions: regions.filter { user.region.contains($0) }.map {
                    Choice(value: $0.value, label: req.regionName($0.value))
                },
                form: form, error: error?.message, errorField: error?.field, added: added))
    }

    private static func key(_ req: Request) throws -> PolicyParameterKey {
        guard let key = req.parameters.get("key").flatMap(PolicyParameterKey.init(rawValue:)) else {
            throw Refusal.notFound("政策参数")
        }
        return key
    }
}

/// The add-a-version form as posted.
struct VersionForm: Content {
    var region: String
    var fromMonth: String
    var value: String
    var note: String

    /// The row to store, or the error naming the field. A version may not start before the
    /// current month: benefits already decided and paid must keep the basis they had.
    func validated(
        key: PolicyParameterKey, user: CurrentUser, regions: RegionTable, thisMonth: YearMonth
    ) throws -> PolicyParameterRow {
        guard let code = RegionCode(region.trimmingCharacters(in: .whitespaces)), regions.contains(code) else {
            throw Refusal.invalid("region", "区划代码无效：\(region)")
        }
        guard user.region.contains(code) else { throw Refusal.invalid("region", "只能设置本辖区（\(user.region.value)）的参数") }
        guard let month = YearMonth(fromMonth.trimmingCharacters(in: .whitespaces)) else {
            throw Refusal.invalid("fromMonth", "起始月份应为 YYYY-MM，如 2027-01")
        }
        guard month >= thisMonth else {
            throw Refusal.invalid("fromMonth", "起始月份不能早于本月（\(thisMonth)）：已经发放的待遇不能追溯改变")
        }
        guard let stored = key.kind.parse(value) else {
            throw Refusal.invalid("value", "数值无效：应为\(key.kind.inputHint)")
        }
        guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw Refusal.invalid("note", "请填写调整依据（文件名或文号）")
        }
        return PolicyParameterRow(regionCode: code.value, key: key, fromMonth: month, value: stored)
    }
}

extension PolicyStore.Version {
    /// The engine's row, nil for a row this version of the code cannot read.
    var row: PolicyParameterRow? {
        guard let month = YearMonth(fromMonth) else { return nil }
        return try? PolicyParameterRow(regionCode: region, keyName: key, fromMonth: month, value: value)
    }
}

extension Request {
    /// The region's own name (天宁区, 雕庄街道), or its code when the table lacks it.
    func regionName(_ code: String) -> String {
        RegionCode(code).flatMap { platform.regions.name(of: $0) } ?? code
    }
}
