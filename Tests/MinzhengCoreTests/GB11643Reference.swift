/// GB 11643 worked out here, apart from the code under test, to build test numbers.
enum GB11643Reference {
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters = Array("10X98765432")

    /// The check character of a 17-digit body.
    static func checkCharacter(_ body: String) -> Character {
        precondition(body.count == 17)
        let sum = zip(body, weights).reduce(0) { $0 + $1.0.wholeNumberValue! * $1.1 }
        return checkCharacters[sum % 11]
    }

    /// The body followed by its right check character.
    static func complete(_ body: String) -> String { body + String(checkCharacter(body)) }
}
