import Vapor

/// The route table: which paths are open, which need a signed-in user, and how.
func routes(_ app: Application) throws {
    app.get("healthz") { _ in HealthStatus(status: "ok") }

    // The API: bearer tokens, JSON errors.
    let api = app.grouped("api", "v1")
    try api.register(collection: SessionAPIController())
    let apiUser = api.grouped(BearerUserAuthenticator(), RequireAPIUser())
    try apiUser.register(collection: RegistryAPIController())

    // The pages: session cookie, CSRF on every POST.
    let pages = app.grouped(app.sessions.middleware, SessionUserAuthenticator(), CSRFMiddleware())
    try pages.register(collection: SignInPageController())
    let signedIn = pages.grouped(RequirePageUser())
    try signedIn.register(collection: RegistryPageController())
    try signedIn.register(collection: ImportPageController())
}

struct HealthStatus: Content {
    let status: String
}
