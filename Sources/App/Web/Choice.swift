/// An option of a `<select>`: the submitted value and the Chinese label shown.
struct Choice: Encodable, Sendable {
    let value: String
    let label: String
}

/// An `<optgroup>` of options: the streets of one district.
struct ChoiceGroup: Encodable, Sendable {
    let label: String
    let choices: [Choice]
}
