import Foundation
import MinzhengCore

/// Reads the inventory out of a `pg_dump` archive's data (`pg_restore --data-only --file=-`,
/// fed line by line) without a database: the rows of each `COPY … FROM stdin` block, the
/// applied migrations, and the audit event with the highest sequence (the chain's head).
/// Fed from the one thread reading the tool's output.
final class PostgresArchiveReader: @unchecked Sendable {
    private var tables: [String: Int] = [:]
    private var migrations: [String] = []
    private var head = AuditChainHead.genesis
    /// The block being read: its table and where the columns this reader needs are.
    private var block: (table: String, columns: [String])?

    func read(_ line: Substring) {
        guard let (table, columns) = block else {
            if line.hasPrefix("COPY "), let open = line.firstIndex(of: "("), let close = line.lastIndex(of: ")") {
                let name = line[line.index(line.startIndex, offsetBy: 5)..<open].trimmingCharacters(in: .whitespaces)
                let table = Self.unquoted(name.split(separator: ".").last.map(String.init) ?? name)
                let columns = line[line.index(after: open)..<close].split(separator: ",").map {
                    Self.unquoted($0.trimmingCharacters(in: .whitespaces))
                }
                block = (table, columns)
                tables[table] = 0
            }
            return
        }
        if line == "\\." {
            block = nil
            return
        }
        tables[table, default: 0] += 1
        switch table {
        case "_fluent_migrations":
            if let name = Self.field("name", of: line, columns: columns) { migrations.append(name) }
        case "audit_events":
            if let text = Self.field("sequence", of: line, columns: columns), let sequence = Int64(text),
                sequence > head.sequence, let hash = Self.field("hash", of: line, columns: columns)
            {
                head = AuditChainHead(sequence: sequence, hash: hash)
            }
        default:
            break
        }
    }

    var inventory: DatabaseInventory {
        DatabaseInventory(tables: tables, auditHead: head, migrations: migrations)
    }

    private static func unquoted(_ name: String) -> String {
        name.hasPrefix("\"") && name.hasSuffix("\"") && name.count >= 2
            ? String(name.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"") : name
    }

    /// One field of a COPY text row (tab-separated, `\N` for null, backslash escapes).
    static func field(_ column: String, of line: Substring, columns: [String]) -> String? {
        guard let index = columns.firstIndex(of: column) else { return nil }
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard index < fields.count, fields[index] != "\\N" else { return nil }
        var text = ""
        var escaped = false
        for character in fields[index] {
            if escaped {
                switch character {
                case "n": text.append("\n")
                case "r": text.append("\r")
                case "t": text.append("\t")
                case "b": text.append("\u{8}")
                case "f": text.append("\u{c}")
                case "v": text.append("\u{b}")
                default: text.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                text.append(character)
            }
        }
        return text
    }
}
