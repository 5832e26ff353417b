import Foundation
import MinzhengCore
import MinzhengExport
import SQLKit
import Vapor

/// The file an approved roll sends to the paying bank: one line per payment with the
/// payee's name, ID number, account and amount in yuan, and a control total. CSV (UTF-8
/// with BOM, for Excel) or .xlsx (our own writer); numbers decrypted only into the file.
struct BankFileExport {
    let db: SQLDatabase
    let cipher: FieldCipher

    static let header = ["明细编号 lineId", "领款人", "身份证号", "银行账号", "开户行", "金额（元）", "救助事项"]

    enum Format: String { case csv, xlsx }

    /// Writes the file to a private temporary path and returns it with the line count and total.
    func write(roll: PayrollStore.Roll, format: Format) async throws -> (path: String, lines: Int, totalFen: Int64) {
        guard roll.state != RollState.draft.rawValue else { throw Refusal(.conflict, "名册审核后才能导出银行文件", field: "state") }
        let path = NSTemporaryDirectory() + "minzheng-bank-\(UUID().uuidString).\(format.rawValue)"
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw Refusal(.failed, "无法创建导出文件")
        }
        var count = 0
        var total: Int64 = 0
        switch format {
        case .csv:
            guard let handle = FileHandle(forWritingAtPath: path) else { throw Refusal(.failed, "无法写入导出文件") }
            defer { try? handle.close() }
            handle.write(Data((CSVLine.utf8BOM + CSVLine.make(Self.header)).utf8))
            try await eachLine(of: roll) { line in
                count += 1
                total += line.amount
                handle.write(Data(CSVLine.make(line.fields).utf8))
            }
            handle.write(
                Data(CSVLine.make(["合计 total", "\(count) 笔", "", "", "", MoneyText.yuan(fromFen: total), ""]).utf8))
        case .xlsx:
            let writer = try XLSXStreamWriter(destination: URL(fileURLWithPath: path))
            try writer.beginSheet(
                name: "发放明细 \(roll.month)", columnWidths: [12, 12, 22, 24, 16, 14, 20], header: Self.header)
            try await eachLine(of: roll) { line in
                count += 1
                total += line.amount
                try writer.appendRow([
                    .integer(line.id), .text(line.name), .text(line.idNumber), .text(line.account), .text(line.bank),
                    .money(fen: line.amount), .text(line.item),
                ])
            }
            try writer.appendRow([
                .text("合计 total"), .text("\(count) 笔"), .empty, .empty, .empty, .money(fen: total), .empty,
            ])
            try writer.finish()
        }
        return (path, count, total)
    }

    struct Line {
        let id: Int64
        let name: String
        let idNumber: String
        let account: String
        let bank: String
        let amount: Int64
        let item: String

        var fields: [String] { [String(id), name, idNumber, account, bank, MoneyText.yuan(fromFen: amount), item] }
    }

    /// The lines to pay, in id order, page by page.
    private func eachLine(of roll: PayrollStore.Roll, _ body: (Line) throws -> Void) async throws {
        var last: Int64 = 0
        let catalog = try await CatalogStore(db: db).catalog()
        while true {
            let rows = try await db.raw(
                """
                SELECT l.id, l.amount_fen, l.item_code, p.name, p.id_cipher, b.account_cipher, b.bank FROM payroll_lines l
                LEFT JOIN persons p ON p.id = l.payee_id LEFT JOIN bank_accounts b ON b.person_id = l.payee_id
                WHERE l.roll_id = \(bind: roll.id) AND l.status = \(bind: PayrollLineStatus.pending.rawValue) AND l.id > \(bind: last) ORDER BY l.id LIMIT 5000
                """
            ).all()
            guard !rows.isEmpty else { return }
            for r in rows {
                let id = try r.decode(column: "id", as: Int64.self)
                last = id
                let item = try r.decode(column: "item_code", as: String.self)
                try body(
                    Line(
                        id: id, name: try r.decode(column: "name", as: String?.self) ?? "（无领款人）",
                        idNumber: try r.decode(column: "id_cipher", as: String?.self).map(cipher.decrypt) ?? "",
                        account: try r.decode(column: "account_cipher", as: String?.self).map(cipher.decrypt)
                            ?? "（未登记账户）",
                        bank: try r.decode(column: "bank", as: String?.self) ?? "",
                        amount: try r.decode(column: "amount_fen", as: Int64.self),
                        item: AssistanceItemCode(item).map { catalog.displayName(of: $0) } ?? item))
            }
        }
    }
}
