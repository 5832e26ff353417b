// The upload check of the multipart handlers (application documents, adaptation and hazard
// photos): `DocumentRules.check` on the file name and bytes a multipart part carries, and the
// `Content-Disposition` a stored document is served back with. Input: one byte n, n bytes of
// file name, then the file. An accepted file is non-empty, within the size limit and starts
// with its kind's signature; it is named with at most 120 characters, none of them a control
// character or a path separator; the header is printable ASCII and percent-decodes to the name.
// The same file declared 10 MB larger (as a streamed body may be) is refused as too large.
import FuzzSupport
import MinzhengCore

let signatures: [DocumentKind: [UInt8]] = [
    .pdf: Array("%PDF-".utf8), .jpeg: [0xFF, 0xD8, 0xFF], .png: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
]

func percentDecoded(_ text: Substring) -> [UInt8]? {
    var out: [UInt8] = []
    var bytes = Array(text.utf8)[...]
    while let b = bytes.popFirst() {
        guard b == UInt8(ascii: "%") else { out.append(b); continue }
        guard bytes.count >= 2, let v = UInt8(String(decoding: bytes.prefix(2), as: UTF8.self), radix: 16) else {
            return nil
        }
        out.append(v)
        bytes = bytes.dropFirst(2)
    }
    return out
}

Fuzz.run { bytes in
    var input = FuzzInput(bytes)
    let nameLength = Int(input.byte())
    let name = String(decoding: input.rest.prefix(nameLength), as: UTF8.self)
    let file = Array(input.rest.dropFirst(nameLength))
    let prefix = Array(file.prefix(DocumentKind.sniffLength))
    do throws(DocumentRejection) {
        let checked = try DocumentRules.check(fileName: name, byteCount: file.count, prefix: prefix, defaultName: "材料")
        Fuzz.require(!file.isEmpty && file.count <= DocumentRules.maximumBytes, "accepted \(file.count) bytes")
        Fuzz.require(file.starts(with: signatures[checked.kind]!), "accepted as \(checked.kind): \(prefix)")
        let stored = checked.fileName
        Fuzz.require(
            !stored.isEmpty && stored.count <= DocumentRules.maximumNameLength, "stored name \(stored.debugDescription)"
        )
        Fuzz.require(
            !stored.unicodeScalars.contains { $0.isControlCharacter || $0 == "/" || $0 == "\\" },
            "stored name \(stored.debugDescription) from \(name.debugDescription)")
        let header = DocumentRules.inlineDisposition(fileName: stored)
        Fuzz.require(header.utf8.allSatisfy { (0x20...0x7E).contains($0) }, "header not printable ASCII: \(header)")
        let marker = "filename*=UTF-8''"
        guard let start = header.range(of: marker) else { Fuzz.fail("header without a file name: \(header)") }
        let decoded = percentDecoded(header[start.upperBound...])
        Fuzz.require(decoded == Array(stored.utf8), "header \(header) does not decode to \(stored.debugDescription)")
        do throws(DocumentRejection) {
            _ = try DocumentRules.check(
                fileName: name, byteCount: file.count + DocumentRules.maximumBytes, prefix: prefix, defaultName: "材料")
            Fuzz.fail("\(file.count + DocumentRules.maximumBytes) bytes accepted")
        } catch {
            Fuzz.require(
                error == .tooLarge(fileName: name, byteCount: file.count + DocumentRules.maximumBytes), "\(error)")
        }
    } catch {
        Fuzz.require(!error.chinese.isEmpty, "a refusal without a message")
        switch error {
        case .empty: Fuzz.require(file.isEmpty, "\(file.count) bytes refused as empty")
        case .tooLarge: Fuzz.fail("\(file.count) bytes refused as too large")
        case .unsupportedType:
            Fuzz.require(
                !signatures.values.contains { file.starts(with: $0) }, "a \(prefix) file refused as unsupported")
        }
    }
}
