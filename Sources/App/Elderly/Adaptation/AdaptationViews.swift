import Foundation
import MinzhengCore
import Vapor

/// The page models of home adaptations.
extension AdaptationPageController {
    struct CaseRow: Encodable {
        let id: UUID
        let address: String
        let headName: String?
        let regionName: String
        let priorityLabel: String
        let stateLabel: String
        let cap: String
        let total: String?

        init(_ c: AdaptationCase, regions: RegionTable) {
            id = c.id
            address = c.address
            headName = c.headName
            regionName = RegionCode(c.region).map { regions.fullName(of: $0) } ?? c.region
            priorityLabel =
                AdaptationPriority(rawValue: c.priority).map { "\($0.rawValue) · \($0.label)" } ?? "\(c.priority)"
            stateLabel = c.caseState.label
            cap = Fen(c.capFen).formatted
            total = c.totalFen.map { Fen($0).formatted }
        }
    }

    struct CaseList: Encodable {
        let layout: LayoutContext
        let query: AdaptationQuery
        let year: Int
        let states: [Choice]
        let priorities: [Choice]
        let screened: Int?
        var progress: AdaptationService.Progress?
        var total = 0
        var rows: [CaseRow] = []
        var pager: Pager?
        var error: String?
        var errorField: String?
    }

    struct PlanLine: Encodable {
        let label: String
        let quantity: Int
        let unitPrice: String
        let amount: String
    }

    struct CatalogueItem: Encodable {
        let code: String
        let label: String
        let price: String
        let quantity: Int?
    }

    struct CasePage: Encodable {
        let layout: LayoutContext
        let item: AdaptationCase
        let row: CaseRow
        let lines: [PlanLine]
        let catalogue: [CatalogueItem]
        let state: AdaptationState
        let canPay: Bool
        let today: String
        let saved: Bool
        let error: String?
        let errorField: String?
    }
}
