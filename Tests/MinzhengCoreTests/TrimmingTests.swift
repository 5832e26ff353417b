import Foundation
import MinzhengCore
import Testing

@Suite("trimmedWhitespace")
struct TrimmingTests {
    @Test(
        "agrees with Foundation's .whitespaces",
        arguments: [
            "", " ", "\t", "abc", " abc ", "\tabc\t", "\u{3000}张三\u{3000}", "a b", "  a  b  ", "\u{00A0}x", "x\n",
            "\n x \n", "常州", " 320402001 ",
        ])
    func agrees(text: String) {
        #expect(text.trimmedWhitespace == text.trimmingCharacters(in: .whitespaces))
    }
}

@Suite("character classes without property lookups")
struct CharacterClassTests {
    @Test("isControlCharacter is exactly Unicode's category Cc, over every scalar")
    func controlIsCc() {
        let disagreeing = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter {
            $0.isControlCharacter != ($0.properties.generalCategory == .control)
        }
        #expect(disagreeing.isEmpty)
    }

    @Test("trimming treats every space separator and the tab as space, over every scalar")
    func spacesAreZsAndTab() {
        let disagreeing = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter {
            let isSpace = $0 == "\t" || $0.properties.generalCategory == .spaceSeparator
            return (String($0).trimmedWhitespace.isEmpty) != isSpace
        }
        #expect(disagreeing.isEmpty)
    }
}
