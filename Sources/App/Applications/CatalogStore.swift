import Foundation
import MinzhengCore
import SQLKit
import FluentKit

/// The catalogue as stored: one row per item holding the item's JSON, seeded from
/// `AssistanceCatalog.standard`, read back through the same validating decoder.
struct CatalogStore {
    let db: SQLDatabase

    /// Replaces an item's JSON (already checked by `AssistanceItem.editing`).
    func update(_ code: AssistanceItemCode, json: String, by username: String, at now: Date) async throws {
        try await db.update("assistance_items").set("item_json", to: json).set(
            SQLIdentifier("version"), to: SQLRaw("version + 1")
        )
        .set("updated_by", to: username).set("updated_at", to: now).where("code", .equal, code.rawValue).run()
    }

    /// The shipped catalogue, written once by its migration (at the time it runs).
    static func seed(on db: SQLDatabase) async throws {
        let now = Date()
        for item in AssistanceCatalog.standard.items {
            try await db.insert(into: "assistance_items").columns(
                "code", "item_json", "version", "updated_by", "updated_at"
            )
            .values(
                SQLBind(item.code.rawValue), SQLBind(try Self.json(item)), SQLBind(1), SQLBind("system"), SQLBind(now)
            ).run()
        }
    }

    /// The stored catalogue, in the standard catalogue's order.
    func catalog() async throws -> AssistanceCatalog {
        let rows = try await db.select().columns("code", "item_json").from("assistance_items").all()
        let order = Dictionary(
            AssistanceCatalog.standard.items.enumerated().map { ($1.code.rawValue, $0) },
            uniquingKeysWith: { a, _ in a })
        let sorted = try rows.map {
            (try $0.decode(column: "code", as: String.self), try $0.decode(column: "item_json", as: String.self))
        }
        .sorted { (order[$0.0] ?? Int.max, $0.0) < (order[$1.0] ?? Int.max, $1.0) }
        let json = "{\"items\":[" + sorted.map(\.1).joined(separator: ",") + "]}"
        do {
            return try AssistanceCatalog.decode(json: Data(json.utf8))
        } catch {
            throw Refusal(.failed, "救助事项目录数据无效：\(error)")
        }
    }

    static func json(_ item: AssistanceItem) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(item), as: UTF8.self)
    }
}
