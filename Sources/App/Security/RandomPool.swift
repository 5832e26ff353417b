#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOConcurrencyHelpers

/// Random bytes from the system's cryptographic generator, fetched 4 KiB at a time. The
/// standard generator makes a `getrandom` system call for every 8 bytes: two per record id
/// and one per encryption nonce, some 5 million calls for a million-row import. The bytes
/// are the kernel's own; only the call is amortised.
final class RandomPool: Sendable {
    static let shared = RandomPool()

    private struct State {
        var words = [UInt64](repeating: 0, count: 512)
        var next = 512
    }

    private let state = NIOLockedValueBox(State())

    /// The next 64 random bits.
    func next() -> UInt64 {
        state.withLockedValue { state in
            if state.next == state.words.count {
                state.words.withUnsafeMutableBytes { Self.fill($0) }
                state.next = 0
            }
            defer { state.next += 1 }
            return state.words[state.next]
        }
    }

    /// The kernel's generator, opened once (Glibc's module does not export `getrandom`).
    private static let urandom: Int32 = {
        let fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        precondition(fd >= 0, "cannot open /dev/urandom: errno \(errno)")
        return fd
    }()

    private static func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        var filled = 0
        while filled < buffer.count {
            let n = read(urandom, buffer.baseAddress! + filled, buffer.count - filled)
            // Only an interrupted read returns early; /dev/urandom does not fail once open.
            if n > 0 {
                filled += n
            } else {
                precondition(n < 0 && errno == EINTR, "reading /dev/urandom failed: errno \(errno)")
            }
        }
    }
}
