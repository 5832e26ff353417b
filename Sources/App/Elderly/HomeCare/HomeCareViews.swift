import Foundation
import MinzhengCore
import Vapor

/// The page models of home care.
extension HomeCarePageController {
    struct OrderRow: Encodable {
        let id: UUID
        let personName: String
        let serviceLabel: String
        let quantity: String
        let scheduledOn: String
        let stateLabel: String
        let worker: String?
        let flags: [String]
        let held: Bool
        let regionName: String

        init(_ o: HomeCareOrderRecord, regions: RegionTable) {
            id = o.id
            personName = o.personName
            serviceLabel = o.serviceKind?.label ?? o.service
            quantity = "\(o.units) \(o.serviceKind?.unitLabel ?? "")"
            scheduledOn = o.scheduledOn
            stateLabel = o.orderState.label
            worker = o.workerName.map { name in o.providerName.map { "\($0) · \(name)" } ?? name }
            flags = o.flags.compactMap { HomeCareFlag(rawValue: $0)?.label }
            held = o.held
            regionName = RegionCode(o.region).map { regions.fullName(of: $0) } ?? o.region
        }
    }

    struct NewOrderForm: Encodable {
        let personId: UUID
        let personName: String
        var service: String?
        var units: String?
        var scheduledOn: String
        var note: String?
    }

    struct OrderList: Encodable {
        let layout: LayoutContext
        let query: HomeCareOrderQuery
        let states: [Choice]
        var newOrder: NewOrderForm?
        let services: [Choice]
        var total = 0
        var rows: [OrderRow] = []
        var pager: Pager?
        var error: String?
        var errorField: String?
    }

    struct OrderPage: Encodable {
        let layout: LayoutContext
        let order: HomeCareOrderRecord
        let row: OrderRow
        let checkIn: String?
        let checkOut: String?
        let charge: String?
        let entitlement: String?
        /// The steps this order is waiting for, as the page offers them.
        let canAssign: Bool
        let canCheckIn: Bool
        let canCheckOut: Bool
        let canConfirm: Bool
        let canCancel: Bool
        let canClear: Bool
        let workers: [Choice]
        let saved: Bool
        let error: String?
        let errorField: String?
    }

    struct ProviderRow: Encodable {
        let id: UUID
        let name: String
        let creditCode: String
        let regionName: String
        let phone: String?
        let workers: [String]
    }

    struct ProviderList: Encodable {
        let layout: LayoutContext
        let providers: [ProviderRow]
        let regionChoices: [Choice]
        let form: HomeCareOrderService.NewProvider
        let saved: Bool
        let error: String?
        let errorField: String?
    }

    struct SettlementRow: Encodable {
        let providerId: UUID
        let providerName: String
        let visits: Int
        let persons: Int
        let charged: String
        let subsidy: String
        let selfPaid: String
        let heldVisits: Int
    }

    struct SettlementPage: Encodable {
        let layout: LayoutContext
        let month: String
        let rows: [SettlementRow]
        let charged: String
        let subsidy: String
        let selfPaid: String
    }
}
