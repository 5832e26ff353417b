extension String {
    /// The text without leading and trailing spaces and tabs (what Foundation's
    /// `.whitespaces` set holds: tab and the Unicode space separators, the ideographic
    /// space U+3000 among them). Pure Swift: Foundation's `trimmingCharacters` bridges
    /// through NSString and was a fifth of the import's time.
    public var trimmedWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isHorizontalSpace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isHorizontalSpace })!
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return self }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

extension Unicode.Scalar {
    @inline(__always)
    var isHorizontalSpace: Bool {
        if value < 0x80 { return value == 0x20 || value == 0x09 }
        // Chinese characters first: looking up the general category was a twentieth of an import.
        if (0x4E00...0x9FFF).contains(value) { return false }
        return properties.generalCategory == .spaceSeparator
    }

    /// The C0 and C1 control characters: exactly Unicode's general category Cc, without
    /// looking it up.
    @inline(__always)
    public var isControlCharacter: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }
}
