/// Excel's rules for a sheet name, checked here because Excel reports a broken name only as
/// "We found a problem with some content" when the file is opened.
enum SheetNameRules {
    static let forbiddenCharacters: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    static func validate(_ name: String) throws(SpreadsheetError) {
        guard !name.isEmpty else { throw .sheetNameEmpty }
        let length = name.utf16.count
        guard length <= ExcelLimits.sheetNameLength else { throw .sheetNameTooLong(name, length: length) }
        if let bad = name.first(where: { forbiddenCharacters.contains($0) || isControl($0) }) {
            throw .sheetNameHasForbiddenCharacter(name, bad)
        }
        guard !name.hasPrefix("'"), !name.hasSuffix("'") else { throw .sheetNameStartsOrEndsWithApostrophe(name) }
        // Excel keeps "History" for its change-tracking sheet.
        guard name.lowercased() != "history" else { throw .sheetNameReserved(name) }
    }

    /// Control characters cannot be written in XML 1.0 and mean nothing in a tab label.
    private static func isControl(_ character: Character) -> Bool {
        character.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
}

/// The names already used in one workbook. Excel compares sheet names ignoring case.
struct SheetNames {
    private var taken: Set<String> = []

    mutating func claim(_ name: String) throws(SpreadsheetError) {
        guard taken.insert(name.lowercased()).inserted else { throw .duplicateSheetName(name) }
    }
}
