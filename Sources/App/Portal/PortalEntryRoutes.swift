import MinzhengCore

/// The pages a service of 民政通 may name as its online entry (`online.route` in
/// `portal-services.json`), each a typed route of `Route`, and whether it needs a signed-in
/// user. PortalTests checks every online service names one of these, and that each answers
/// as said here (a page for everyone, or the way to sign-in).
enum PortalEntryRoutes {
    struct Target: Sendable {
        let path: String
        let needsSignIn: Bool
    }

    static let known: [String: Target] = [
        "newApplication": Target(path: Route.newApplication.path, needsSignIn: true),
        "applications": Target(path: Route.applications.path, needsSignIn: true),
        "familySearchReports": Target(path: Route.familySearchReports.path, needsSignIn: true),
        "familySearchNotices": Target(path: Route.familySearchNotices.path, needsSignIn: false),
        "careMap": Target(path: Route.careMap.path, needsSignIn: false),
        "careMapAdvice": Target(path: Route.careMapAdvice.path, needsSignIn: false),
        "bookingPage": Target(path: Route.bookingPage.path, needsSignIn: true),
        "myMarriage": Target(path: Route.myMarriage.path, needsSignIn: true),
        "afterDeath": Target(path: Route.afterDeath.path, needsSignIn: true),
        "cemeteries": Target(path: Route.cemeteries.path, needsSignIn: false),
        "funeralPrices": Target(path: Route.funeralPrices.path, needsSignIn: false),
        "newOrganisationApplication": Target(path: Route.newOrganisationApplication.path, needsSignIn: true),
        "myOrganisation": Target(path: Route.myOrganisation.path, needsSignIn: true),
        "newIllegalOrganisation": Target(path: Route.newIllegalOrganisation.path, needsSignIn: true),
        "placeNameDirectory": Target(path: Route.placeNameDirectory.path, needsSignIn: false),
        "calculator": Target(path: Route.calculator.path, needsSignIn: false),
    ]

    /// The entry's link with its query, and whether it needs sign-in; nil for an unknown route.
    static func link(_ entry: PortalEntry) -> (href: String, needsSignIn: Bool)? {
        guard let target = known[entry.route] else { return nil }
        let query = entry.query.map { $0.isEmpty ? "" : "?" + $0 } ?? ""
        return (target.path + query, target.needsSignIn)
    }
}
