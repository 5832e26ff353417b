import Foundation
import MinzhengCore
import Vapor

// The audit trail page's models.

struct AuditPage: Encodable {
    let layout: LayoutContext
    let query: AuditPageController.Query
    let regionName: String
    var rows: [AuditRow]
    var total: Int
    /// `1 234` or `10 000+` (`ListCount`).
    var totalLabel = "0"
    var pager: Pager?
    var error: String?
    var errorField: String?
    var exportLink: String
    /// The action filter's choices: every action, by its Chinese name.
    let actions: [Choice]
}

/// One event as the page and the export show it: Beijing time, the action and the object
/// in Chinese, a link to the object's page where it has one, the region's name.
struct AuditRow: Content {
    let sequence: Int64
    let time: String
    let actor: String
    let action: String
    let actionName: String
    let entity: String
    let entityName: String
    let entityId: String
    let entityLink: String?
    let region: String
    let before: String
    let after: String
    let requestId: String

    init(_ e: AuditEvent, regions: RegionTable) {
        sequence = e.sequence
        time = BeijingTime.timestamp(e.occurredAt.date)
        actor = e.actorName
        action = e.action
        actionName = AuditCatalog.name(ofAction: e.action)
        entity = e.entity
        entityName = AuditCatalog.name(ofEntity: e.entity)
        entityId = e.entityID ?? ""
        entityLink = e.entityID.flatMap { Self.link(entity: e.entity, id: $0) }
        region = RegionCode(e.region).map(regions.fullName) ?? e.region
        before = e.before ?? ""
        after = e.after ?? ""
        requestId = e.requestID ?? ""
    }

    /// The page of the object an event is about, for the kinds of object that have one.
    static func link(entity: String, id: String) -> String? {
        let uuid = UUID(uuidString: id)
        switch entity {
        case "person": return uuid.map(Route.person.path)
        case "household": return uuid.map(Route.household.path)
        case "user": return uuid.map(Route.user.path)
        case "application": return uuid.map(Route.application.path)
        case "payroll_roll": return uuid.map(Route.payrollRoll.path)
        case "visit_task": return uuid.map(Route.task.path)
        // `region/key/fromMonth/revision`: the parameter's page lists every version.
        case "policy_parameter":
            return id.split(separator: "/").dropFirst().first.map { Route.policyParameter.path(String($0)) }
        case "assistance_item": return Route.catalog.path + "#\(id)"
        case "portal_service":
            return Int(id).flatMap(PortalCatalog.bundled.service).map { Route.service.path($0.category, id) }
        default: return nil
        }
    }

    static let csvHeader = ["序号", "时间（北京时间）", "操作人", "操作", "操作代码", "对象", "对象编号", "区划", "修改前", "修改后", "请求编号"]

    var csvFields: [String] {
        [String(sequence), time, actor, actionName, action, entityName, entityId, region, before, after, requestId]
    }
}
