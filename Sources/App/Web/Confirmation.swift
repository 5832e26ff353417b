import Vapor

/// "Are you sure?" for an action that cannot be undone (withdrawing or rejecting an
/// application, approving or replacing a roll, disabling a user), without JavaScript: the
/// first post answers a page that says what will happen and posts the same fields back with
/// `confirmed=1`; only that second post acts. The API acts at once: its clients confirm
/// in their own way.
enum Confirmation {
    static let field = "confirmed"

    struct Page: Encodable {
        let layout: LayoutContext
        let message: String
        let action: String
        let fields: [Choice]
        let confirmLabel: String
        let cancel: String
    }

    /// nil when the post is the confirmed one; otherwise the page asking first.
    static func ask(
        _ req: Request, user: CurrentUser, title: String, message: String, confirmLabel: String,
        cancel: String
    ) async throws -> Response? {
        let posted = (try? req.content.decode([String: String].self)) ?? [:]
        guard posted[field] != "1" else { return nil }
        let fields = posted.filter { $0.key != "_csrf" }.sorted { $0.key < $1.key }.map {
            Choice(value: $0.value, label: $0.key)
        }
        return try await req.view.render(
            "confirm",
            Page(
                layout: LayoutContext(request: req, title: title, user: user), message: message,
                action: req.url.path, fields: fields, confirmLabel: confirmLabel, cancel: cancel)
        )
        .encodeResponse(for: req)
    }
}
