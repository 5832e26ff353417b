import Foundation

/// Reads CSV records from a file in fixed-size chunks, so memory stays bounded whatever
/// the file's size. Handles quoted fields (with `""` escapes and line breaks inside),
/// CRLF and LF, a UTF-8 BOM, and GB18030 files as Excel writes them in China (the encoding
/// is told from the file's bytes, see `detectEncoding`): the
/// structural bytes (`,` `"` CR LF) never occur inside a GB18030 multi-byte character,
/// so records are split on bytes and each field decoded afterwards.
public final class CSVReader {
    public enum Encoding: String, Sendable { case utf8, gb18030 }

    public struct Record: Sendable {
        /// The line on which the record starts (the header is line 1).
        public let line: Int
        public let fields: [String]
    }

    public struct ReadError: Error, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { "第\(line)行：\(reason)" }
    }

    private let handle: FileHandle
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEOF = false
    private var line = 1
    public private(set) var encoding: Encoding = .utf8
    public private(set) var bytesRead = 0
    public let fileSize: Int

    /// GB18030 as Foundation names it on every platform (CFStringEncoding 0x0632).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    public init(path: String, chunkSize: Int = 1 << 20) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReadError(line: 0, reason: "无法打开文件 \(path)")
        }
        self.handle = handle
        self.chunkSize = chunkSize
        fileSize = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let (encoding, hasBOM) = try Self.detectEncoding(path: path)
        self.encoding = encoding
        if hasBOM {
            try handle.seek(toOffset: 3)
            bytesRead = 3
        }
        try fill()
    }

    deinit { try? handle.close() }

    /// The next record, or nil at the end of the file. Blank lines are skipped.
    public func next() throws -> Record? {
        while true {
            guard let (start, fields) = try nextRawRecord() else { return nil }
            if fields.count == 1, fields[0].isEmpty { continue }
            return Record(line: start, fields: try fields.map { try decode($0, line: start) })
        }
    }

    private func decode(_ bytes: [UInt8], line: Int) throws -> String {
        switch encoding {
        case .utf8:
            guard let s = String(validating: bytes, as: UTF8.self) else {
                throw ReadError(line: line, reason: "文件编码无法识别（应为 UTF-8 或 GB18030）")
            }
            return s
        case .gb18030:
            guard let s = String(data: Data(bytes), encoding: Self.gb18030) else {
                throw ReadError(line: line, reason: "文件编码无法识别（应为 UTF-8 或 GB18030）")
            }
            return s
        }
    }

    private func fill() throws {
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        let data = handle.readData(ofLength: chunkSize)
        if data.isEmpty {
            atEOF = true
        } else {
            buffer.append(contentsOf: data)
            bytesRead += data.count
        }
    }

    private func nextRawRecord() throws -> (Int, [[UInt8]])? {
        if position >= buffer.count {
            if atEOF { return nil }
            try fill()
            if buffer.isEmpty { return nil }
        }
        let startLine = line
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var inQuotes = false
        var quotedFieldStart = false
        while true {
            if position >= buffer.count {
                if atEOF {
                    if inQuotes { throw ReadError(line: startLine, reason: "引号未闭合") }
                    fields.append(field)
                    return (startLine, fields)
                }
                try fill()
                continue
            }
            let b = buffer[position]
            position += 1
            if inQuotes {
                if b == 0x22 {
                    if position >= buffer.count, !atEOF { try fill() }
                    if position < buffer.count, buffer[position] == 0x22 {
                        field.append(0x22)
                        position += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if b == 0x0A { line += 1 }
                    field.append(b)
                }
                continue
            }
            switch b {
            case 0x22 where field.isEmpty && !quotedFieldStart:
                inQuotes = true
                quotedFieldStart = true
            case 0x2C:
                fields.append(field)
                field = []
                quotedFieldStart = false
            case 0x0D:
                continue
            case 0x0A:
                line += 1
                fields.append(field)
                return (startLine, fields)
            default:
                field.append(b)
            }
        }
    }

    /// How many bytes of text decide the encoding.
    static let sampleSize = 1 << 20

    /// UTF-8 after a byte-order mark; else UTF-8 when the text from the first non-ASCII byte on
    /// (`sampleSize` bytes of it) is valid UTF-8, else GB18030. Judged on the file itself,
    /// never on how much of it the reader has buffered: a file whose first megabyte is ASCII
    /// (codes and digits) and whose Chinese comes later is still read as the GB18030 it is.
    static func detectEncoding(path: String) throws -> (Encoding, hasBOM: Bool) {
        guard let file = FileHandle(forReadingAtPath: path) else {
            throw ReadError(line: 0, reason: "无法打开文件 \(path)")
        }
        defer { try? file.close() }
        var sample: [UInt8] = []
        var atStart = true
        while sample.count < sampleSize {
            let data = file.readData(ofLength: sampleSize)
            if data.isEmpty { break }
            var bytes = [UInt8](data)[...]
            if atStart {
                atStart = false
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, true) }
            }
            if sample.isEmpty {
                // ASCII reads the same in both encodings: skip it.
                guard let firstNonASCII = bytes.firstIndex(where: { $0 >= 0x80 }) else { continue }
                bytes = bytes[firstNonASCII...]
            }
            sample.append(contentsOf: bytes.prefix(sampleSize - sample.count))
        }
        let valid = String(validating: sample[..<lastCompleteUTF8Boundary(sample)], as: UTF8.self) != nil
        return (valid ? .utf8 : .gb18030, false)
    }

    /// The end of the last whole UTF-8 character, so a chunk cut mid-character still validates.
    static func lastCompleteUTF8Boundary(_ bytes: [UInt8]) -> Int {
        var end = bytes.count
        var back = 0
        while end > 0, back < 3, bytes[end - 1] & 0xC0 == 0x80 {
            end -= 1
            back += 1
        }
        if end > 0, bytes[end - 1] >= 0xC0 { end -= 1 }
        return end
    }
}
