import Foundation
import MinzhengCore
import MinzhengExport
import SQLKit
import Vapor

/// A sign on the county's list of signs (地名标志维护清单), with its name and what the latest
/// inspection found.
struct PlaceNameSignListing: Content, Sendable {
    let sign: PlaceNameSignRecord
    let placeName: String
    let signPinyin: String
    let region: String
    let lastNote: String?
}

/// Which signs a list shows: those needing repair (the default: anything but 完好), every
/// sign, or those in one condition.
enum PlaceNameSignFilter: Sendable, Equatable {
    case needsRepair, all
    case condition(PlaceNameSignCondition)

    init(_ text: String?) throws {
        switch text?.trimmedWhitespace ?? "" {
        case "", "repair": self = .needsRepair
        case "all": self = .all
        case let other:
            guard let condition = PlaceNameSignCondition(rawValue: other) else {
                throw Refusal.invalid(
                    "condition",
                    "状况应为 repair、all 或 " + PlaceNameSignCondition.allCases.map(\.rawValue).joined(separator: "、"))
            }
            self = .condition(condition)
        }
    }

    var code: String {
        switch self {
        case .needsRepair: return "repair"
        case .all: return "all"
        case .condition(let c): return c.rawValue
        }
    }

    fileprivate var sql: SQLQueryString {
        switch self {
        case .needsRepair: return "s.condition <> \(bind: PlaceNameSignCondition.good.rawValue)"
        case .all: return "1 = 1"
        case .condition(let c): return "s.condition = \(bind: c.rawValue)"
        }
    }
}

extension PlaceNameSignStore {
    /// The signs of `scope` in `filter`, the longest-standing problem first (the oldest latest
    /// inspection), then by region and place.
    func list(
        within scope: RegionScope, _ filter: PlaceNameSignFilter, page: PageRequest
    ) async throws -> Page<PlaceNameSignListing> {
        let condition: SQLQueryString = "\(scope.condition("s.region")) AND \(filter.sql)"
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM place_name_signs s WHERE \(condition)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw(
            """
            SELECT s.*, p.name AS place_name, p.sign_pinyin AS sign_pinyin,
              (SELECT i.note FROM place_name_sign_inspections i WHERE i.sign_id = s.id
               ORDER BY i.inspected_on DESC, i.created_at DESC LIMIT 1) AS last_note
            FROM place_name_signs s JOIN place_names p ON p.id = s.place_name_id
            WHERE \(condition)
            ORDER BY COALESCE(s.last_inspected_on, s.installed_on), s.region, s.location, s.id
            LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        return Page(
            items: try rows.map {
                PlaceNameSignListing(
                    sign: try Self.record($0), placeName: try $0.decode(column: "place_name", as: String.self),
                    signPinyin: try $0.decode(column: "sign_pinyin", as: String.self),
                    region: try $0.decode(column: "region", as: String.self),
                    lastNote: try $0.decode(column: "last_note", as: String?.self))
            }, total: total, page: page.page, perPage: page.perPage)
    }
}

extension PlaceNameService {
    /// The signs of one's county (or the city) in `filter`.
    func signList(_ filter: PlaceNameSignFilter, page: PageRequest) async throws -> Page<PlaceNameSignListing> {
        try await PlaceNameSignStore(db: db).list(within: user.scope, filter, page: page)
    }

    /// The list as .xlsx for the maintenance crews, page by page; an audit event says who took it.
    func signListFile(_ filter: PlaceNameSignFilter) async throws -> (path: String, rows: Int) {
        let header = ["标准地名", "标志拼写", "标志种类", "设置位置", "所在", "设置日期", "状况", "最近检查", "检查情况"]
        let file = try await XLSXExport.write(
            sheet: "地名标志维护清单", columnWidths: [18, 22, 12, 30, 28, 12, 10, 12, 30], header: header
        ) { offset, limit in
            let page = try await signList(filter, page: try PageRequest(page: offset / limit + 1, perPage: limit))
            return page.items.map { l -> [Spreadsheet.Cell] in
                [
                    .text(l.placeName), .text(l.signPinyin), .text(l.sign.kindName), .text(l.sign.location),
                    .text(
                        regions.nameInCity(l.region)),
                    .text(l.sign.installedOn), .text(l.sign.conditionName), .text(l.sign.lastInspectedOn ?? "未检查"),
                    .text(l.lastNote ?? ""),
                ]
            }
        }
        let (region, rows) = (user.region.value, file.rows)
        try await writer.transaction { _, audit in
            try await audit.record(
                "placeName.sign.export", entity: "place_name", id: nil, region: region,
                after: ["condition": filter.code, "rows": "\(rows)"])
        }
        return file
    }
}
