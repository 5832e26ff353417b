import MinzhengCore
import Testing

@Suite("Client address behind load balancers")
struct ForwardedForTests {
    @Test(
        "the last untrusted address of X-Forwarded-For, only from a trusted proxy",
        arguments: [
            ("10.0.0.1", ["203.0.113.7"], ["10.0.0.1"], "203.0.113.7"),
            ("10.0.0.1", ["198.51.100.1, 203.0.113.7, 10.0.0.2"], ["10.0.0.1", "10.0.0.2"], "203.0.113.7"),
            ("10.0.0.1", ["198.51.100.1", "203.0.113.7"], ["10.0.0.1"], "203.0.113.7"),
            ("203.0.113.9", ["1.2.3.4"], ["10.0.0.1"], "203.0.113.9"),
            ("10.0.0.1", [], ["10.0.0.1"], "10.0.0.1"),
            ("10.0.0.1", ["1.2.3.4"], [], "10.0.0.1"),
        ] as [(String, [String], [String], String)])
    func client(direct: String, header: [String], trusted: [String], expected: String) {
        #expect(ForwardedFor.client(direct: direct, header: header, trusted: trusted) == expected)
    }
}
