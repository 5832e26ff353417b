import Foundation
import MinzhengCore
import SQLKit

/// The portal's services as stored: one row per service with its guide's JSON, read back
/// through the same validating decoder as the shipped list. The categories are the shipped ones.
struct PortalStore {
    let db: SQLDatabase

    /// The shipped list, written once by its migration (at the time it runs).
    static func seed(on db: SQLDatabase) async throws {
        let now = Date()
        for service in PortalCatalog.bundled.services {
            try await db.insert(into: "portal_services").columns(
                "id", "category", "guide_json", "version", "updated_by", "updated_at"
            )
            .values(
                SQLBind(service.id), SQLBind(service.category), SQLBind(try json(service)), SQLBind(1),
                SQLBind("system"), SQLBind(now)
            ).run()
        }
    }

    /// Every stored service in the list's order, under the shipped categories.
    func catalog() async throws -> PortalCatalog {
        let rows = try await db.select().columns("guide_json").from("portal_services").orderBy("id").all()
        let json = try rows.map { try $0.decode(column: "guide_json", as: String.self) }
        let categories = PortalCatalog.bundled.categories
        do {
            let encodedCategories = String(decoding: try JSONEncoder().encode(categories), as: UTF8.self)
            let whole = "{\"categories\":\(encodedCategories),\"services\":[" + json.joined(separator: ",") + "]}"
            return try PortalCatalog.decode(json: Data(whole.utf8))
        } catch {
            throw Refusal(.failed, "民政通事项数据无效：\(error)")
        }
    }

    /// One service and the version its edit must name.
    func service(_ id: Int) async throws -> (service: PortalService, version: Int)? {
        guard
            let row = try await db.select().columns("guide_json", "version").from("portal_services")
                .where("id", .equal, id).first()
        else { return nil }
        let service = try JSONDecoder().decode(
            PortalService.self, from: Data(try row.decode(column: "guide_json", as: String.self).utf8))
        return (service, try row.decode(column: "version", as: Int.self))
    }

    /// Replaces a service's guide (already validated) when it is still at `version`; false when it moved.
    func update(_ service: PortalService, version: Int, by username: String, at now: Date) async throws -> Bool {
        try await db.update("portal_services").set("guide_json", to: try Self.json(service))
            .set("version", to: version + 1).set("updated_by", to: username).set("updated_at", to: now)
            .where("id", .equal, service.id).where("version", .equal, version)
            .returning("id").all().count == 1
    }

    static func json(_ service: PortalService) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(service), as: UTF8.self)
    }
}
