import MinzhengCore
import MinzhengExport
import Vapor

/// The household and person lists of one's region as .xlsx, with the list's filters and
/// order. ID numbers and phones are masked as on screen; each export is an audit event
/// (who took which list, how many rows) in the exporter's region.
struct RegistryExportController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.householdsExport.pattern, use: households)
        routes.get(Route.personsExport.pattern, use: persons)
    }

    func households(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.viewRegistry)
        let q = try req.query.decode(RegistryPageController.ListQuery.self)
        let query = try RegistryInput.householdQuery(
            region: q.region, address: q.address, sort: q.sort, table: req.platform.regions)
        let store = req.registry
        let file = try await XLSXExport.write(
            sheet: "家庭档案", columnWidths: [36, 40, 12, 8], header: ["所属区划", "地址", "户主", "人数"]
        ) { offset, limit in
            try await store.households(within: user.scope, matching: query, limit: limit, offset: offset).map { h in
                [.text(h.regionName), .text(h.address), .text(h.headName ?? ""), .integer(Int64(h.memberCount))]
            }
        }
        try await Self.audit(
            req, user: user, action: "household.export", rows: file.rows,
            filters: ["region": q.region, "address": q.address, "sort": q.sort])
        return try await FileDownload.send(
            req, path: file.path, name: "households-\(user.region.value)-\(req.today).xlsx", type: XLSXWriter.mediaType)
    }

    func persons(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.viewRegistry)
        let form = try req.query.decode(RegistryPageController.PersonSearchForm.self)
        let query = try RegistryInput.personQuery(
            name: form.name, region: form.region, sort: form.sort, table: req.platform.regions)
        let store = req.registry
        let header = ["姓名", "身份证号（遮蔽）", "性别", "出生日期", "联系电话（遮蔽）", "所属区划", "与户主关系", "状态"]
        let file = try await XLSXExport.write(
            sheet: "人员档案", columnWidths: [12, 22, 6, 12, 16, 36, 12, 16], header: header
        ) { offset, limit in
            try await store.persons(within: user.scope, matching: query, limit: limit, offset: offset).map { p in
                [
                    .text(p.name), .text(p.idNumberMasked), .text(Sex(rawValue: p.sex)?.chinese ?? p.sex),
                    .text(p.birthDate),
                    .text(p.phoneMasked ?? ""), .text(p.regionName),
                    .text(p.relation.flatMap(Relation.init(code:))?.chinese ?? ""),
                    .text(p.deceasedOn.map { "已故 \($0)" } ?? "在册"),
                ]
            }
        }
        try await Self.audit(req, user: user, action: "person.export", rows: file.rows, filters: form.links)
        return try await FileDownload.send(
            req, path: file.path, name: "persons-\(user.region.value)-\(req.today).xlsx", type: XLSXWriter.mediaType)
    }

    private static func audit(
        _ req: Request, user: CurrentUser, action: String, rows: Int, filters: [String: String?]
    ) async throws {
        var record = filters.compactMapValues { $0?.isEmpty == false ? $0 : nil }
        record["rows"] = String(rows)
        record["format"] = "xlsx"
        let after = record
        _ = try await req.auditedTransaction { _, audit in
            try await audit.record(
                action, entity: action.hasPrefix("household") ? "household" : "person", id: nil,
                region: user.region.value, after: after)
        }
    }
}
