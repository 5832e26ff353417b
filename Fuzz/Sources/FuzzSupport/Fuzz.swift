import CFuzzDriver
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What every fuzz target shares: the libFuzzer entry, and how a target says that a
/// property does not hold (it prints which and aborts, so libFuzzer keeps the input as
/// `crash-<sha1>` and `scripts/fuzz.sh` prints it in base64).
public enum Fuzz {
    nonisolated(unsafe) static var target: (([UInt8]) -> Void)?

    /// Runs libFuzzer (its flags and corpus folders from the command line) with `check`
    /// called on every input. Never returns.
    public static func run(_ check: @escaping ([UInt8]) -> Void) -> Never {
        target = check
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput))
    }

    /// Fails the input when `condition` is false.
    public static func require(
        _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
        file: StaticString = #fileID, line: UInt = #line
    ) {
        if !condition() { fail(message(), file: file, line: line) }
    }

    public static func fail(_ message: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
        FileHandle.standardError.write(Data("\n*** property violated (\(file):\(line)): \(message)\n".utf8))
        abort()
    }

    /// A file holding `bytes`, for readers that take a path; one per process, rewritten each time.
    public static func scratchFile(_ bytes: [UInt8]) -> String {
        // Plain write(2): FileManager.createFile writes a temporary file and renames it, at a
        // hundred inputs a second.
        let path = scratchPath
        if !scratchRemovedAtExit {
            scratchRemovedAtExit = true
            atexit { unlink(Fuzz.scratchPath) }
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { fail("cannot write \(path)") }
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { fail("cannot write \(path)") }
        return path
    }

    nonisolated(unsafe) private static var scratchRemovedAtExit = false

    /// In memory (/dev/shm) where there is one.
    fileprivate static let scratchPath: String = {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return folder + "/minzheng-fuzz-\(getpid()).input"
    }()
}

/// The input split the way a target needs it: a few leading bytes as choices, the rest as data.
public struct FuzzInput {
    public private(set) var bytes: ArraySlice<UInt8>

    public init(_ bytes: [UInt8]) { self.bytes = bytes[...] }

    /// The next byte (0 once the input is used up).
    public mutating func byte() -> UInt8 { bytes.popFirst() ?? 0 }

    /// Up to the first `separator` (dropped), or everything left.
    public mutating func upTo(_ separator: UInt8) -> [UInt8] {
        guard let i = bytes.firstIndex(of: separator) else {
            defer { bytes = [] }
            return Array(bytes)
        }
        defer { bytes = bytes[(i + 1)...] }
        return Array(bytes[..<i])
    }

    public var rest: [UInt8] { Array(bytes) }
}

/// libFuzzer calls this for each input (libFuzzer's own `main`, linked in and unused, names it too).
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    Fuzz.target?(bytes)
    return 0
}

/// CSV text of records, every field quoted (so a leading byte-order mark or a bare CR
/// inside a field survives), CRLF line ends.
public func csvText(_ records: [[String]]) -> String {
    // By scalars: a quote followed by a combining mark is one Character, and must still be doubled.
    func quoted(_ field: String) -> String {
        var text = "\""
        for scalar in field.unicodeScalars {
            if scalar == "\"" { text += "\"\"" } else { text.unicodeScalars.append(scalar) }
        }
        return text + "\""
    }
    return records.map { $0.map(quoted).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
}

/// `text` as a JSON string literal, quoted and escaped by Foundation (not by the code under test).
public func jsonString(_ text: String) -> String {
    guard let data = try? JSONSerialization.data(withJSONObject: [text]) else { Fuzz.fail("cannot encode \(text)") }
    return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
}
