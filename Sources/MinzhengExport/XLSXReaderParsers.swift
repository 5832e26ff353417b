import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The attributes of every element of one name (a workbook's `<sheet>`s, a part's `<Relationship>`s).
final class AttributeCollector: NSObject, XMLParserDelegate {
    private let name: String
    private var found: [[String: String]] = []

    private init(_ name: String) { self.name = name }

    static func collect(_ name: String, from data: Data, part: String) throws -> [[String: String]] {
        let collector = AttributeCollector(name)
        let parser = XMLParser(data: data)
        parser.delegate = collector
        guard parser.parse() else { throw XLSXReader.ReadError.damaged(part: part) }
        return collector.found
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        if element == name { found.append(attributes) }
    }
}

/// The shared strings: one text per `<si>`, the runs of rich text joined; phonetic guides
/// (`<rPh>`, the furigana Excel keeps beside East Asian text) are not part of the value.
final class SharedStringsParser: NSObject, XMLParserDelegate {
    private var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    static func parse(_ data: Data) throws -> [String] {
        let handler = SharedStringsParser()
        let parser = XMLParser(data: data)
        parser.delegate = handler
        guard parser.parse() else { throw XLSXReader.ReadError.damaged(part: "xl/sharedStrings.xml") }
        return handler.strings
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch element {
        case "si": current = ""
        case "rPh": inPhonetic = true
        case "t": inText = !inPhonetic
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "si": strings.append(current)
        case "rPh": inPhonetic = false
        case "t": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}

/// A worksheet's rows, streamed: each `<row>` is handed on when it ends.
final class SheetRowsParser: NSObject, XMLParserDelegate {
    private let sharedStrings: [String]
    private let emit: (Int, [String]) throws -> Void
    private var rowNumber = 0
    private var cells: [String] = []
    private var column = 0
    private var type: String?
    private var value = ""
    private var inValue = false
    private var inPhonetic = false
    private var failure: (any Error)?

    private init(sharedStrings: [String], emit: @escaping (Int, [String]) throws -> Void) {
        self.sharedStrings = sharedStrings
        self.emit = emit
    }

    static func parse(
        _ stream: InputStream, sharedStrings: [String], part: String, row: (Int, [String]) throws -> Void
    ) throws {
        try withoutActuallyEscaping(row) { row in
            let handler = SheetRowsParser(sharedStrings: sharedStrings, emit: row)
            let parser = XMLParser(stream: stream)
            parser.delegate = handler
            let parsed = parser.parse()
            if let failure = handler.failure { throw failure }
            guard parsed else { throw XLSXReader.ReadError.damaged(part: part) }
        }
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch element {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            cells = []
            column = 0
        case "c":
            column = attributes["r"].flatMap(Self.columnIndex) ?? cells.count
            type = attributes["t"]
            value = ""
        case "v", "t": inValue = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "v", "t": inValue = false
        case "rPh": inPhonetic = false
        case "c":
            if cells.count <= column { cells += Array(repeating: "", count: column + 1 - cells.count) }
            cells[column] = text()
        case "row":
            do { try emit(rowNumber, cells) } catch {
                failure = error
                parser.abortParsing()
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string }
    }

    private func text() -> String {
        switch type {
        case "s": return Int(value).flatMap { sharedStrings.indices.contains($0) ? sharedStrings[$0] : nil } ?? ""
        case "b": return value == "1" ? "TRUE" : "FALSE"
        case "str", "inlineStr", "e": return value
        default: return Self.number(value)
        }
    }

    /// A whole number as its digits (Excel may store 13912345678 as 1.3912345678E10).
    static func number(_ text: String) -> String {
        guard text.contains(where: { $0 == "E" || $0 == "e" || $0 == "." }), let double = Double(text),
            double.rounded() == double, abs(double) < 1e15
        else { return text }
        return String(Int64(double))
    }

    /// "B7" → 1: the letters of a cell reference are its column, A = 0.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65, scalar.value <= 90 else { break }
            index = index * 26 + Int(scalar.value - 64)
            letters += 1
        }
        return letters == 0 ? nil : index - 1
    }
}
