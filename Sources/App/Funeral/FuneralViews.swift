import Foundation
import MinzhengCore
import Vapor

/// A home's price list as the API and the public page show it: the services in force today
/// and every row ever listed.
struct PriceListView: Content {
    struct Row: Content {
        let code: String
        let name: String
        let unit: String
        let category: String
        let categoryName: String
        let priceFen: Int64
        let price: String
        let from: String

        init(_ p: FuneralPrice) {
            (code, name, unit, category, categoryName) = (
                p.code, p.name, p.unit, p.category.rawValue, p.category.chinese
            )
            (priceFen, price, from) = (p.price.value, p.price.yuanString, p.from.description)
        }
    }

    let home: FuneralHome
    let today: String
    let current: [Row]
    let history: [Row]

    init(home: FuneralHome, list: FuneralPriceList, today: CivilDate) {
        self.home = home
        self.today = today.description
        current = list.current(on: today).map(Row.init)
        history = list.rows.sorted { ($0.code, $1.from) < ($1.code, $0.from) }.map(Row.init)
    }
}

/// A bill with its lines, amounts in fen and in yuan.
struct FuneralBillView: Content {
    struct Line: Content {
        let position: Int
        let code: String
        let name: String
        let unit: String
        let category: String
        let day: String
        let quantity: Int
        let unitFen: Int64
        let grossFen: Int64
        let exemptFen: Int64
        let payableFen: Int64
        let unitPrice: String
        let payable: String
    }

    let id: UUID
    let homeId: UUID
    let deceased: String
    let basicFree: Bool
    let extras: Bool
    let eligibility: String
    let source: String
    let grossFen: Int64
    let exemptFen: Int64
    let payableFen: Int64
    let gross: String
    let exempt: String
    let payable: String
    let createdBy: String
    let createdAt: Date
    let lines: [Line]

    init(_ b: FuneralBillRecord) {
        (id, homeId, deceased, basicFree, extras) = (
            b.id, b.home, b.deceasedMasked, b.eligibility.basicFree, b.eligibility.extras
        )
        (eligibility, source, createdBy, createdAt) = (b.reason, b.source, b.createdBy, b.createdAt)
        (grossFen, exemptFen, payableFen) = (b.gross.value, b.exempt.value, b.payable.value)
        (gross, exempt, payable) = (b.gross.yuanString, b.exempt.yuanString, b.payable.yuanString)
        lines = b.lines.map { l in
            Line(
                position: l.position, code: l.code, name: l.name, unit: l.unit, category: l.category.chinese,
                day: l.day.description, quantity: l.quantity, unitFen: l.unitPrice.value, grossFen: l.gross.value,
                exemptFen: l.exempt.value, payableFen: l.payable.value, unitPrice: l.unitPrice.yuanString,
                payable: l.payable.yuanString)
        }
    }
}
