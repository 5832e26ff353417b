import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The only code that names `person_views`: each time a member of staff opened a person's
/// file (the page, the API, the full ID number), for the person to read.
struct PersonViewStore {
    let db: SQLDatabase

    enum Channel: String {
        case page, api, identity

        var chinese: String {
            switch self {
            case .page: return "查看档案"
            case .api: return "接口查询档案"
            case .identity: return "查看完整身份证号"
            }
        }
    }

    func record(person: UUID, by user: CurrentUser, channel: Channel, at now: Date) async throws {
        try await db.insert(into: "person_views")
            .columns("id", "person_id", "viewer_id", "viewer_name", "viewer_role", "viewer_region", "channel", "at")
            .values(
                SQLBind(UUID.random()), SQLBind(person), SQLBind(user.id), SQLBind(user.displayName),
                SQLBind(user.role.rawValue), SQLBind(user.region.value), SQLBind(channel.rawValue), SQLBind(now)
            ).run()
    }

    /// The latest views of `person`, newest first.
    func views(of person: UUID, limit: Int = 100) async throws -> [PersonViewRow] {
        try await db.raw(
            """
            SELECT viewer_name, viewer_role, viewer_region, channel, at FROM person_views
            WHERE person_id = \(bind: person) ORDER BY at DESC, id LIMIT \(bind: limit)
            """
        ).all().map(PersonViewRow.init)
    }
}

/// One view as the person reads it: who (name, role, unit), how and when.
struct PersonViewRow: Content, Sendable {
    let viewerName: String
    let role: String
    let region: String
    let channel: String
    let at: Date

    init(row: SQLRow) throws {
        viewerName = try row.decode(column: "viewer_name", as: String.self)
        let role = try row.decode(column: "viewer_role", as: String.self)
        self.role = Role(rawValue: role)?.chinese ?? role
        region = try row.decode(column: "viewer_region", as: String.self)
        let channel = try row.decode(column: "channel", as: String.self)
        self.channel = PersonViewStore.Channel(rawValue: channel)?.chinese ?? channel
        at = try row.decode(column: "at", as: Date.self)
    }
}
