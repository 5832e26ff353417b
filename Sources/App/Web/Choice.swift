/// An option of a `<select>`: the submitted value and the Chinese label shown.
struct Choice: Encodable, Sendable {
    let value: String
    let label: String
}
