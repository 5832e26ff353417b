import Vapor

/// A row of an uploaded file that was refused, by its line number (the header is line 1),
/// with the reason: in a household import, a department's feed file and the bank's return file.
struct RowError: Content, Sendable {
    let row: Int
    let reason: String
}
