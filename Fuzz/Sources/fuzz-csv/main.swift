// The CSV reader (`CSVReader`: quoted fields, CRLF and LF, a UTF-8 BOM, UTF-8 or GB18030
// told from the bytes). Input: one byte choosing a chunk size of 1–16 bytes, then the file.
// The records (or the error) must not depend on the chunk size the file is read in (the
// reader is used with 1 MiB chunks on files of any size); line numbers only grow; the whole
// file is read; and UTF-8 records written back out as CSV read back the same.
import FuzzSupport
import MinzhengCore

enum Outcome: Equatable {
    case records(encoding: CSVReader.Encoding, lines: [Int], fields: [[String]])
    case failed(line: Int, reason: String)
}

func read(_ path: String, chunkSize: Int) -> Outcome {
    do {
        let reader = try CSVReader(path: path, chunkSize: chunkSize)
        var lines: [Int] = []
        var fields: [[String]] = []
        while let record = try reader.next() {
            lines.append(record.line)
            fields.append(record.fields)
        }
        Fuzz.require(
            reader.bytesRead == reader.fileSize,
            "read \(reader.bytesRead) of \(reader.fileSize) bytes (chunk \(chunkSize))")
        return .records(encoding: reader.encoding, lines: lines, fields: fields)
    } catch let error as CSVReader.ReadError {
        Fuzz.require(!error.reason.isEmpty && error.line >= 1, "error \(error) (chunk \(chunkSize))")
        return .failed(line: error.line, reason: error.reason)
    } catch {
        Fuzz.fail("an error that is not a CSVReader.ReadError: \(error)")
    }
}

Fuzz.run { bytes in
    var input = FuzzInput(bytes)
    let chunkSize = Int(input.byte() % 16) + 1
    let path = Fuzz.scratchFile(input.rest)
    let whole = read(path, chunkSize: 1 << 20)
    let chunked = read(path, chunkSize: chunkSize)
    Fuzz.require(whole == chunked, "in \(chunkSize)-byte chunks: \(chunked)\nin one chunk: \(whole)")
    guard case .records(let encoding, let lines, let fields) = whole else { return }
    Fuzz.require(zip(lines, lines.dropFirst()).allSatisfy { $0 < $1 } && lines.allSatisfy { $0 >= 1 }, "lines \(lines)")
    Fuzz.require(!fields.contains([""]), "a blank record was returned")
    guard encoding == .utf8, !fields.isEmpty else { return }
    let again = read(Fuzz.scratchFile(Array(csvText(fields).utf8)), chunkSize: chunkSize)
    guard case .records(_, _, let reread) = again else { Fuzz.fail("written back, the records fail: \(again)") }
    Fuzz.require(reread == fields, "written back, \(fields) read as \(reread)")
}
