import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// Residents' accounts (掌上办): a resident proves to be a person of the registry by name,
/// ID number and the phone number on file, and signs in with the ID number afterwards.
/// The account's username is derived from the ID number's blind index, so the plain
/// number is stored nowhere.
enum ResidentAccounts {
    /// The username of the resident with this ID number.
    static func username(for id: ResidentID, cipher: FieldCipher) -> String {
        "r-" + cipher.blindIndex(id.value)
    }

    /// The usernames an ID number may have: under every data key, the current one first
    /// (a key rotation renames the accounts batch by batch).
    static func usernames(for id: ResidentID, cipher: FieldCipher) -> [String] {
        cipher.blindIndexes(id.value).map { "r-" + $0 }
    }

    /// The sign-in name typed into the login form: an ID number becomes the resident's
    /// username (the one stored, during a key rotation); anything else is a staff username, unchanged.
    static func username(
        forLogin typed: String, cipher: FieldCipher, today: CivilDate, db: SQLDatabase
    ) async throws -> String {
        guard typed.utf8.count == 18, let id = try? ResidentID(typed, today: today) else { return typed }
        let candidates = usernames(for: id, cipher: cipher)
        guard candidates.count > 1 else { return candidates[0] }
        let stored = try await db.select().column("username").from("users").where("username", .in, candidates)
            .first()?.decode(column: "username", as: String.self)
        return stored ?? candidates[0]
    }

    struct Registration: Content {
        var name: String?
        var idNumber: String?
        var phone: String?
        var password: String?
        var confirmPassword: String?
    }

    /// Creates the account after checking the three facts against the registry; the
    /// same answer for "no such person" and "facts do not match", so that the form cannot
    /// be used to probe who is registered.
    static func register(_ form: Registration, on req: Request) async throws -> UUID {
        // A typo in a password nobody sees would lock the resident out of the new account.
        guard form.password == form.confirmPassword else {
            throw AppError(.invalid("confirmPassword", "两次输入的密码不一致，请重新输入"))
        }
        let mismatch = AppError(.invalid("idNumber", "姓名、身份证号与联系电话和登记信息不一致；如电话有变化，请到社区更新后再注册"))
        guard let text = form.idNumber?.trimmedWhitespace, let id = try? ResidentID(text, today: req.today) else {
            throw AppError(.invalid("idNumber", "身份证号无效，请检查"))
        }
        let cipher = req.platform.cipher
        let index = cipher.blindIndex(id.value)
        let throttle = req.application.signInThrottle
        let now = req.application.accountsClock.seconds
        var wait = try await throttle.registrationAddresses.wait(req.clientAddress, at: now)
        if wait == nil { wait = try await throttle.registrationIDs.wait(index, at: now) }
        if let wait {
            throw AppError(
                .tooManyRequests, "核对失败次数过多，请 \(SignInRules.minutes(wait)) 分钟后再试", headers: ["Retry-After": "\(wait)"])
        }
        func refuse() async throws -> AppError {
            try await throttle.registrationAddresses.recordFailure(req.clientAddress, at: now)
            try await throttle.registrationIDs.recordFailure(index, at: now)
            return mismatch
        }
        guard let person = try await req.registry.identity(blindIndexes: cipher.blindIndexes(id.value)) else {
            throw try await refuse()
        }
        guard person.name == form.name?.trimmedWhitespace, let phone = person.phone,
            phone == form.phone?.trimmedWhitespace
        else { throw try await refuse() }
        let personID = person.id
        guard let region = RegionCode(person.region) else { throw mismatch }
        let account = try await AccountStore.prepare(
            username: username(for: id, cipher: cipher), displayName: person.name,
            password: form.password ?? "", role: .resident, region: region,
            hash: { try await req.password.async.hash($0) })
        return try await req.auditedTransaction { tx, audit in
            let store = AccountStore(db: tx)
            // Under either data key while a rotation renames the accounts.
            let taken = try await tx.select().column("id").from("users")
                .where("username", .in, usernames(for: id, cipher: cipher)).first()
            if try await store.userRow(username: account.username) != nil || taken != nil {
                throw AppError(Refusal(.conflict, "该身份证号已注册，请直接登录", field: "idNumber"))
            }
            let userID = try await store.insert(account)
            try await store.link(userID: userID, toPerson: personID)
            try await audit.record(
                "user.register", entity: "user", id: userID.uuidString, region: region.value,
                after: ["role": Role.resident.rawValue, "personId": personID.uuidString])
            return userID
        }
    }
}

/// `/register`: a resident's account.
struct ResidentRegistrationController: RouteCollection {
    struct Page: Encodable {
        let layout: LayoutContext
        let form: ResidentAccounts.Registration
        let error: String?
        let errorField: String?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.register.pattern, use: show)
        routes.post(Route.register.pattern, use: register)
    }

    func show(req: Request) async throws -> View {
        try await req.view.render(
            "residents/register",
            Page(
                layout: LayoutContext(request: req, title: "居民注册", user: nil),
                form: .init(), error: nil, errorField: nil))
    }

    func register(req: Request) async throws -> Response {
        var form = try req.content.decode(ResidentAccounts.Registration.self)
        do {
            _ = try await ResidentAccounts.register(form, on: req)
            return req.redirect(to: Route.login.path + "?registered=1")
        } catch let error as AppError {
            form.password = nil
            form.confirmPassword = nil
            let response = try await req.view.render(
                "residents/register",
                Page(
                    layout: LayoutContext(request: req, title: "居民注册", user: nil),
                    form: form, error: error.message, errorField: error.field)
            )
            .encodeResponse(status: error.status, for: req)
            for (name, value) in error.headers { response.headers.replaceOrAdd(name: name, value: value) }
            return response
        }
    }
}
