import Foundation

/// Reads an .xlsx with openpyxl, an independent implementation of the format, so the tests
/// check what a real reader sees and not just the XML we meant to write.
/// openpyxl comes from Debian's python3-openpyxl, which installs for /usr/bin/python3.
enum OpenpyxlReader {
    static let python = "/usr/bin/python3"

    static let isAvailable: Bool = (try? run(["-c", "import openpyxl"]).status) == 0

    static let unavailableMessage =
        "openpyxl is not installed for \(python) (apt-get install -y python3-openpyxl): real-reader test skipped"

    /// What openpyxl read from one workbook. A cell is shown as "type:value" in Python terms,
    /// e.g. "str:张三", "int:3", "float:1234.56", "datetime:2024-02-29T00:00:00", "NoneType:None".
    struct Workbook: Decodable {
        struct Sheet: Decodable {
            let cells: [[String]]
            let numberFormats: [[String]]
            let boldHeader: [Bool]
            let freezePanes: String?
            let columnWidths: [String: Double]
        }
        let sheetNames: [String]
        let sheets: [String: Sheet]
    }

    static func read(_ file: URL) throws -> Workbook {
        let script = """
            import json, sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            def show(value):
                text = value.isoformat() if hasattr(value, "isoformat") else value
                return f"{type(value).__name__}:{text}"
            sheets = {}
            for sheet in book.worksheets:
                rows = list(sheet.iter_rows())
                sheets[sheet.title] = {
                    "cells": [[show(cell.value) for cell in row] for row in rows],
                    "numberFormats": [[cell.number_format for cell in row] for row in rows],
                    "boldHeader": [bool(cell.font.b) for cell in rows[0]] if rows else [],
                    "freezePanes": sheet.freeze_panes,
                    "columnWidths": {key: dim.width for key, dim in sheet.column_dimensions.items() if dim.customWidth},
                }
            with open(sys.argv[2], "w", encoding="utf-8") as out:
                json.dump({"sheetNames": book.sheetnames, "sheets": sheets}, out, ensure_ascii=False)
            """
        let json = file.appendingPathExtension("json")
        defer { try? FileManager.default.removeItem(at: json) }
        let result = try run(["-c", script, file.path, json.path])
        guard result.status == 0 else {
            throw ReaderError(message: "openpyxl failed (\(result.status)): \(result.messages)")
        }
        return try JSONDecoder().decode(Workbook.self, from: Data(contentsOf: json))
    }

    struct ReaderError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// Runs python with stdout and stderr in one pipe; results travel through a file instead,
    /// so a chatty warning can never be mistaken for them.
    private static func run(_ arguments: [String]) throws -> (status: Int32, messages: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        process.environment = ["PYTHONIOENCODING": "utf-8", "LANG": "C.UTF-8"]
        let messages = Pipe()
        process.standardOutput = messages
        process.standardError = messages
        try process.run()
        // Read before waiting: a full pipe would otherwise block python, and us with it.
        let text = messages.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: text, as: UTF8.self))
    }
}
