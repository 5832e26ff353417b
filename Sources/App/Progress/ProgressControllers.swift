import Foundation
import MinzhengCore
import Vapor

/// The routes of 办件查询 and 我的办件: the open lookup page and API (a signed-in owner needs no
/// code), and the resident's own page and list.
enum ProgressRoutes {
    /// `openAPI` authenticates a bearer token when one is sent but does not require it.
    static func register(openAPI: RoutesBuilder, api: RoutesBuilder, pages: RoutesBuilder, signedIn: RoutesBuilder) {
        let json = ProgressAPIController()
        openAPI.on(.POST, Route.API.progressCodes.pattern, body: .collect(maxSize: "4kb"), use: json.codes)
        openAPI.on(.POST, Route.API.progressLookups.pattern, body: .collect(maxSize: "4kb"), use: json.lookup)
        api.get(Route.API.myProgress.pattern, use: json.mine)
        let page = ProgressPageController()
        pages.get(Route.progress.pattern, use: page.show)
        pages.post(Route.progressCodes.pattern, use: page.sendCode)
        pages.post(Route.progressLookups.pattern, use: page.lookup)
        signedIn.get(Route.myProgress.pattern, use: page.mine)
    }
}

/// `POST /api/v1/progress/codes` `{receiptNumber}` → 202 `{message}` (the same whether the number
/// is on file or not); `POST /api/v1/progress/lookups` `{receiptNumber, code?}` → the progress
/// (`code` not needed by the owner's token); `GET /api/v1/progress` → `{items}` (residents).
struct ProgressAPIController: Sendable {
    struct CodeRequest: Content {
        var receiptNumber: String?
    }

    struct LookupRequest: Content {
        var receiptNumber: String?
        var code: String?
    }

    struct Sent: Content {
        let message: String
    }

    struct Mine: Content {
        let items: [ProgressAnswer]
    }

    @Sendable func codes(req: Request) async throws -> Response {
        let body = try req.content.decode(CodeRequest.self)
        let number = try ReceiptNumber(parsing: body.receiptNumber ?? "")
        let limiters = req.application.progressLimiters
        try await req.admitProgress(limiters.codesPerClient)
        try await req.admitProgress(limiters.codesPerNumber, client: number.value)
        let service = req.progress
        try await service.sendCode(number)
        return try await Sent(message: service.sentMessage).encodeResponse(status: .accepted, for: req)
    }

    @Sendable func lookup(req: Request) async throws -> ProgressAnswer {
        let body = try req.content.decode(LookupRequest.self)
        let number = try ReceiptNumber(parsing: body.receiptNumber ?? "")
        let service = req.progress
        if let own = try await service.ownReceipt(number, user: req.auth.get(CurrentUser.self)) {
            return try await service.answer(own)
        }
        guard let code = body.code, !code.isEmpty else { throw ProgressService.codeNeeded }
        try await req.admitProgress(req.application.progressLimiters.lookupsPerClient)
        return try await service.lookup(number, code: code)
    }

    @Sendable func mine(req: Request) async throws -> Mine {
        Mine(items: try await req.progress.mine(try req.user))
    }
}

/// `/progress` (办件查询, open, phone-sized, no script): the number, then either the answer (its
/// owner signed in) or a code to the phone on file and a form for it; `/me/progress` (我的办件).
struct ProgressPageController: Sendable {
    struct LookupPage: Encodable {
        let layout: LayoutContext
        /// `ask` (the number), `code` (the code sent: type it), `result`.
        let step: String
        let number: String
        let answer: ProgressAnswer?
        let notice: String?
        let error: String?
        let errorField: String?
    }

    struct MinePage: Encodable {
        let layout: LayoutContext
        let current: [ProgressAnswer]
        let finished: [ProgressAnswer]
    }

    private func render(
        _ req: Request, step: String, number: String = "", answer: ProgressAnswer? = nil, notice: String? = nil,
        error: (message: String, field: String?)? = nil, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        try await req.view.render(
            "progress/lookup",
            LookupPage(
                layout: LayoutContext(request: req, title: "办件查询", user: req.auth.get(CurrentUser.self)),
                step: step, number: number, answer: answer, notice: notice, error: error?.message,
                errorField: error?.field)
        ).encodeResponse(status: status, for: req)
    }

    /// The refusals a form shows in place (a typo, a wrong code, a limit reached).
    private func shown(
        _ req: Request, step: String, number: String, _ body: () async throws -> Response
    )
        async throws -> Response
    {
        do {
            return try await body()
        } catch let refusal as Refusal where refusal.kind == .invalid || refusal.kind == .conflict {
            let back = refusal.field == "number" ? "ask" : step
            return try await render(
                req, step: back, number: number, error: (refusal.message, refusal.field), status: refusal.status)
        } catch let limited as AppError where limited.status == .tooManyRequests {
            let response = try await render(
                req, step: step, number: number, error: (limited.message, nil), status: limited.status)
            response.headers.add(contentsOf: limited.headers)
            return response
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        let typed = (req.query[String.self, at: "number"] ?? "").trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { return try await render(req, step: "ask") }
        return try await shown(req, step: "ask", number: typed) {
            let number = try ReceiptNumber(parsing: typed, field: "number")
            let service = req.progress
            if let own = try await service.ownReceipt(number, user: req.auth.get(CurrentUser.self)) {
                return try await render(
                    req, step: "result", number: number.value, answer: try await service.answer(own))
            }
            return try await render(req, step: "code", number: number.value)
        }
    }

    @Sendable func sendCode(req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        let typed = form["number"] ?? ""
        return try await shown(req, step: "ask", number: typed) {
            let number = try ReceiptNumber(parsing: typed, field: "number")
            let limiters = req.application.progressLimiters
            try await req.admitProgress(limiters.codesPerClient)
            try await req.admitProgress(limiters.codesPerNumber, client: number.value)
            let service = req.progress
            try await service.sendCode(number)
            return try await render(req, step: "code", number: number.value, notice: service.sentMessage)
        }
    }

    @Sendable func lookup(req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        let typed = form["number"] ?? ""
        return try await shown(req, step: "code", number: typed) {
            let number = try ReceiptNumber(parsing: typed, field: "number")
            try await req.admitProgress(req.application.progressLimiters.lookupsPerClient)
            let answer = try await req.progress.lookup(number, code: form["code"] ?? "")
            return try await render(req, step: "result", number: number.value, answer: answer)
        }
    }

    @Sendable func mine(req: Request) async throws -> View {
        let user = try req.user
        let all = try await req.progress.mine(user)
        return try await req.view.render(
            "progress/mine",
            MinePage(
                layout: LayoutContext(request: req, title: "我的办件", user: user),
                current: all.filter(\.inProgress), finished: Array(all.filter { !$0.inProgress }.prefix(20))))
    }
}
