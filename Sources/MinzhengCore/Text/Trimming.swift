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
        return properties.generalCategory == .spaceSeparator
    }
}
