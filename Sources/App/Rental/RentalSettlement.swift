import Foundation
import MinzhengCore
import MinzhengExport
import SQLKit
import Vapor

/// The month's settlement with the operators: every rental month that begins in the month
/// (`RentalRules.rentalMonthStart`), the person's subsidy rule of that month from the registry
/// (dibao, tekun, a disability certificate, the age), the rent, the subsidy and the person's
/// part, with the parameters in force for the point's region; and the year's count of people
/// subsidised against the target.
extension RentalService {
    struct SettlementLine: Content {
        let rentalId: UUID
        let pointName: String
        let operatorName: String
        let personName: String
        let idMasked: String
        let kind: String
        let kindName: String
        let serial: String
        let monthStarts: String
        let rule: String?
        let ruleName: String
        let rentFen: Int64
        let subsidyFen: Int64
        let personPaysFen: Int64
        let personId: UUID
    }

    struct OperatorTotal: Content {
        let operatorName: String
        let lines: Int
        let rentFen: Int64
        let subsidyFen: Int64
        let personPaysFen: Int64
        let rent: String
        let subsidy: String
        let personPays: String
    }

    struct Settlement: Content {
        let month: String
        let lines: [SettlementLine]
        let operators: [OperatorTotal]
        let rentFen: Int64
        let subsidyFen: Int64
        let personPaysFen: Int64
    }

    func settlement(month: YearMonth) async throws -> Settlement {
        var lines = try await RentalMonthCharges(db: db).charged(month: month, within: user.scope).map { c in
            let r = c.rental
            return SettlementLine(
                rentalId: r.id, pointName: r.pointName, operatorName: r.operatorName, personName: r.personName,
                idMasked: r.idMasked, kind: c.kind.rawValue, kindName: c.kind.chinese, serial: r.serial ?? "",
                monthStarts: c.starts.description, rule: c.rule?.rawValue, ruleName: c.rule?.chinese ?? "自费",
                rentFen: c.charge.rent.value, subsidyFen: c.charge.subsidy.value,
                personPaysFen: c.charge.personPays.value, personId: r.personId)
        }
        lines.sort { ($0.operatorName, $0.pointName, $0.monthStarts) < ($1.operatorName, $1.pointName, $1.monthStarts) }
        var operators: [OperatorTotal] = []
        for name in Set(lines.map(\.operatorName)).sorted() {
            let own = lines.filter { $0.operatorName == name }
            let (rent, subsidy, pays) = (
                own.reduce(Int64(0)) { $0 + $1.rentFen }, own.reduce(Int64(0)) { $0 + $1.subsidyFen },
                own.reduce(Int64(0)) { $0 + $1.personPaysFen }
            )
            operators.append(
                OperatorTotal(
                    operatorName: name, lines: own.count, rentFen: rent, subsidyFen: subsidy, personPaysFen: pays,
                    rent: Fen(rent).formatted, subsidy: Fen(subsidy).formatted, personPays: Fen(pays).formatted))
        }
        return Settlement(
            month: month.description, lines: lines, operators: operators,
            rentFen: lines.reduce(0) { $0 + $1.rentFen }, subsidyFen: lines.reduce(0) { $0 + $1.subsidyFen },
            personPaysFen: lines.reduce(0) { $0 + $1.personPaysFen })
    }

    /// The settlement as .xlsx (one line per rental month, the operators' totals below); an
    /// audit event says who took it.
    func settlementFile(month: YearMonth) async throws -> (path: String, rows: Int) {
        let settled = try await settlement(month: month)
        let header = [
            "运营机构", "租赁点", "租赁人", "身份证号（遮蔽）", "辅具", "设备编号", "计租起日", "补贴类别", "租金（元）", "政府补贴（元）", "个人自付（元）",
        ]
        var rest = settled.lines.map { line -> [Spreadsheet.Cell] in
            [
                .text(line.operatorName), .text(line.pointName), .text(line.personName), .text(line.idMasked),
                .text(line.kindName), .text(line.serial), .text(line.monthStarts), .text(line.ruleName),
                .money(fen: line.rentFen), .money(fen: line.subsidyFen), .money(fen: line.personPaysFen),
            ]
        }
        rest += settled.operators.map { total -> [Spreadsheet.Cell] in
            let o = total
            return [
                .text(o.operatorName), .text("合计 \(o.lines) 笔"), .text(""), .text(""), .text(""), .text(""),
                .text(settled.month), .text(""), .money(fen: o.rentFen), .money(fen: o.subsidyFen),
                .money(fen: o.personPaysFen),
            ]
        }
        var remaining = rest[...]
        let file = try await XLSXExport.write(
            sheet: "\(month) 辅具租赁结算", columnWidths: [20, 18, 10, 22, 12, 16, 12, 12, 12, 14, 14], header: header
        ) { _, limit in
            let page = remaining.prefix(limit)
            remaining = remaining.dropFirst(page.count)
            return Array(page)
        }
        let (user, lines) = (user, settled.lines.count)
        try await writer.transaction { _, audit in
            try await audit.record(
                "rental.settlement.export", entity: "rental", id: nil, region: user.region.value,
                after: ["month": month.description, "rows": "\(lines)"])
        }
        return file
    }

    struct YearCount: Content {
        let year: Int
        /// People with at least one subsidised rental month in the year.
        let subsidised: Int
        let target: Int
        /// Rental months subsidised and the subsidy paid, in fen.
        let months: Int
        let subsidyFen: Int64
        let subsidy: String
    }

    /// The year's people subsidised (each counted once) against the target of the year's
    /// parameters, up to this month for the current year.
    func yearCount(_ year: Int) async throws -> YearCount {
        let today = clock.today
        let last = year == today.year ? today.month : 12
        var people: Set<UUID> = []
        var (months, subsidy) = (0, Int64(0))
        if year <= today.year {
            for m in 1...last {
                let settled = try await settlement(month: YearMonth(year: year, month: m)!)
                for line in settled.lines where line.subsidyFen > 0 {
                    people.insert(line.personId)
                    months += 1
                    subsidy += line.subsidyFen
                }
            }
        }
        let target = try await PolicyStore(db: db).parameters(
            for: user.region.value, month: YearMonth(year: year, month: last)!
        ).rental.yearTarget
        return YearCount(
            year: year, subsidised: people.count, target: target, months: months, subsidyFen: subsidy,
            subsidy: Fen(subsidy).formatted)
    }
}
