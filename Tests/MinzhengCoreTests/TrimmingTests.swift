import Foundation
import MinzhengCore
import Testing

@Suite("trimmedWhitespace")
struct TrimmingTests {
    @Test("agrees with Foundation's .whitespaces", arguments: [
        "", " ", "\t", "abc", " abc ", "\tabc\t", "\u{3000}张三\u{3000}", "a b", "  a  b  ", "\u{00A0}x", "x\n", "\n x \n", "常州", " 320402001 ",
    ])
    func agrees(text: String) {
        #expect(text.trimmedWhitespace == text.trimmingCharacters(in: .whitespaces))
    }
}
