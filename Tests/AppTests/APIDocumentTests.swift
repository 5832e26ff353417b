@testable import App
import Foundation
import MinzhengCore
import Testing
import VaporTesting

/// Issue 20, item 5: the OpenAPI document of every `/api/v1` route (`APIOperations.all`),
/// served at `/api/v1/openapi.json` and as the page `/api-docs`.
@Suite("The API document")
struct APIDocumentTests {
    /// `GET /api/v1/households/:id` for every registered route under /api/v1.
    static func registered(_ app: Application) -> Set<String> {
        Set(
            app.routes.all.map { "\($0.method.rawValue) /\($0.path.map(\.description).joined(separator: "/"))" }
                .filter { $0.contains(" /api/v1/") })
    }

    @Test("every registered /api/v1 route is documented once, and every documented route is registered")
    func coverage() async throws {
        try await withTestApp(.sqlite) { app in
            let registered = Self.registered(app)
            let documented = APIOperations.all.map { "\($0.method.rawValue) \($0.template)" }
            let twice = Dictionary(grouping: documented, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
            #expect(twice.isEmpty, "documented twice:\n\(twice.joined(separator: "\n"))")
            let missing = registered.subtracting(documented).sorted()
            #expect(
                missing.isEmpty,
                "routes missing from APIOperations.all (Sources/App/Web/APIOperations.swift):\n\(missing.joined(separator: "\n"))"
            )
            let stale = Set(documented).subtracting(registered).sorted()
            #expect(stale.isEmpty, "documented, but no such route:\n\(stale.joined(separator: "\n"))")
            #expect(registered.count > 250)
        }
    }

    /// A path of the operation with its parameters filled: a fresh UUID, or the first allowed value.
    static func samplePath(_ operation: APIOperation) -> String {
        var names = zip(operation.pathParameterNames, operation.uuidParameters).makeIterator()
        return operation.template.split(separator: "/", omittingEmptySubsequences: false).map { part -> String in
            guard part.hasPrefix(":"), let (name, isUUID) = names.next() else { return String(part) }
            return isUUID ? UUID().uuidString : operation.pathValues[name]?.first ?? "x"
        }.joined(separator: "/")
    }

    @Test(
        "the document is open, OpenAPI 3.1, and says which routes need a token: each of them answers 401 without one",
        arguments: TestDatabase.available)
    func security(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let res = try await send(app, .GET, Route.API.document.path)
            #expect(res.status == .ok)
            #expect(res.headers.contentType == .json)
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            #expect(paths.values.map(\.count).reduce(0, +) == APIOperations.all.count)
            for operation in APIOperations.all {
                let answer = try await send(app, operation.method, Self.samplePath(operation))
                if operation.open {
                    #expect(
                        answer.status != .unauthorized, "\(operation.method) \(operation.template) is documented open")
                } else {
                    #expect(
                        answer.status == .unauthorized,
                        "\(operation.method) \(operation.template) without a token: \(answer.status.code)")
                }
            }
        }
    }

    @Test(
        "every error answer is the document's Error: error, field when there is one, requestId as in X-Request-ID",
        arguments: TestDatabase.available)
    func errors(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let schema = APIDocument.errorSchema
            guard case .object(let properties) = try #require(schema["properties"]) else {
                Issue.record("Error has no properties")
                return
            }
            let token = try await app.token(role: .cityAdmin, region: "3204")
            let answers = [
                try await send(app, .GET, Route.API.households.path),
                try await send(app, .GET, Route.API.person.path(UUID()), token: token),
                try await send(app, .POST, Route.API.personSearch.path, token: token, json: ["nickname": "x"]),
                try await send(app, .GET, "/api/v1/no-such-route", token: token),
            ]
            #expect(answers.map(\.status.code) == [401, 404, 400, 404])
            for answer in answers {
                let body = try #require(
                    try JSONSerialization.jsonObject(with: Data(answer.body.readableBytesView)) as? [String: Any])
                #expect(Set(body.keys).isSubset(of: Set(properties.keys)), "\(body.keys)")
                #expect(body["error"] is String)
                #expect(body["requestId"] as? String == answer.headers.first(name: "X-Request-ID"))
            }
        }
    }

    @Test("the page lists every route with its parameters and who may call it, without signing in")
    func page() async throws {
        try await withTestApp(.sqlite) { app in
            let res = try await send(app, .GET, Route.apiDocs.path)
            #expect(res.status == .ok)
            let html = res.body.string
            #expect(!html.contains("<script"))
            for operation in APIOperations.all {
                #expect(html.contains(operation.openAPIPath), "\(operation.openAPIPath)")
            }
            #expect(html.contains("{kind} 路径，文本：death | medicalExpense"))
            #expect(html.contains("协同部门"))
            #expect(html.contains(Route.API.document.path))
        }
    }
}
