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

    // MARK: schemas derived from the code (`CodableSchema`)

    struct Derivation: CustomTestStringConvertible, Sendable {
        let name: String
        let schema: @Sendable () -> JSONValue
        let expected: JSONValue
        var testDescription: String { name }
    }

    static let derivations: [Derivation] = [
        Derivation(
            name: "required and optional members, uuid and date-time formats",
            schema: { CodableSchema.answer(Flat.self) },
            expected: S.object(
                [
                    "id": S.uuid, "name": S.string, "count": S.integer, "share": ["type": "number"],
                    "open": S.boolean, "at": ["type": "string", "format": "date-time"],
                    "note": ["type": ["string", "null"]],
                    "day": ["type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"],
                ], required: ["at", "count", "id", "name", "open", "share"])),
        Derivation(
            name: "a request body is closed, also inside; arrays by their element; an enumeration by its cases",
            schema: { CodableSchema.request(Nested.self) },
            expected: S.object(
                [
                    "flats": S.array(CodableSchema.request(Flat.self)), "level": S.enumeration(["red", "yellow"]),
                    "tags": S.array(S.string),
                ], required: ["flats", "level", "tags"], closed: true)),
        Derivation(
            name: "a dictionary is an object of its values", schema: { CodableSchema.answer([String: [Int]].self) },
            expected: ["type": "object", "additionalProperties": S.array(S.integer)]),
        Derivation(
            name: "a type refusing the samples: an open object of what was read before, never a crash",
            schema: { CodableSchema.request(HoldsPicky.self) },
            expected: S.object(["first": S.integer, "picky": S.object(["code": S.string])])),
        Derivation(
            name: "an optional member refusing the samples: left optional, described by what was read",
            schema: { CodableSchema.answer(MayHoldPicky.self) },
            expected: S.object(
                ["first": S.integer, "picky": ["type": ["object", "null"], "properties": ["code": S.string]]],
                required: ["first"])),
        Derivation(
            name: "a list page: items, counts and the seek ids",
            schema: { CodableSchema.answer(Page<UserSummary>.self) },
            expected: S.object(
                [
                    "items": S.array(CodableSchema.answer(UserSummary.self)), "total": S.integer, "page": S.integer,
                    "perPage": S.integer, "totalExact": S.boolean, "totalLabel": S.string,
                    "next": ["type": ["string", "null"], "format": "uuid"],
                    "previous": ["type": ["string", "null"], "format": "uuid"],
                ], required: ["items", "page", "perPage", "total", "totalExact", "totalLabel"])),
    ]

    @Test("schemas are derived from the types", arguments: derivations)
    func derived(_ derivation: Derivation) {
        #expect(derivation.schema() == derivation.expected)
    }

    @Test("a type holding itself ends: its arrays deep down are of any value")
    func recursive() {
        var schema = CodableSchema.answer(Tree.self)
        var depth = 0
        while let items = schema["properties"]?["children"]?["items"] {
            schema = items
            depth += 1
        }
        #expect(depth > 3)
        #expect(schema == S.any)
    }

    @Test("the generic entries are gone: every operation has a summary of its own")
    func summaries() {
        for operation in APIOperations.all {
            #expect(
                !operation.summary.contains(":") || operation.summary.contains("："),
                "\(operation.method) \(operation.template): \(operation.summary)")
        }
    }

    @Test(
        "a multipart body that does not parse is a 400 on every upload, like any body the API cannot read",
        arguments: TestDatabase.available)
    func malformedUploads(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let token = try await app.token(role: .cityAdmin, region: "3204")
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=c637e12e")
            for operation in APIOperations.all where operation.multipart != nil {
                var request = TestingHTTPRequest(
                    method: operation.method, url: URI(path: Self.samplePath(operation)), headers: headers,
                    body: ByteBuffer(string: "--c637e12e--\r\n"))
                request.headers.bearerAuthorization = BearerAuthorization(token: token)
                let answer = try await app.testing().performTest(request: request)
                #expect(answer.status.code < 500, "\(operation.method) \(operation.template): \(answer.body.string)")
            }
            // Past the record's lookup (schemathesis reached it on a demo record): the parser's own error.
            let request = Request(
                application: app, method: .POST, url: "/api/v1/uploads", headers: headers,
                collectedBody: ByteBuffer(string: "--c637e12e--\r\n"), on: app.eventLoopGroup.next())
            struct Upload: Content { var file: File }
            let error = try #require(throws: (any Error).self) { try request.content.decode(Upload.self) }
            #expect(ErrorRenderingMiddleware.describe(error, request: request).0 == .badRequest, "\(error)")
        }
    }

    /// The answer checked against the operation's documented status and schema.
    static func conforms(
        _ answer: TestingHTTPResponse, _ method: HTTPMethod, _ template: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let operation = try #require(APIOperations.byRoute["\(method.rawValue) \(template)"])
        #expect(Int(answer.status.code) == operation.status, "\(answer.body.string)", sourceLocation: sourceLocation)
        let schema = try #require(operation.answer, "\(method) \(template) documents no answer")
        let problems = try SchemaCheck.problems(Data(answer.body.readableBytesView), schema)
        #expect(
            problems.isEmpty, "\(method) \(template):\n\(problems.joined(separator: "\n"))",
            sourceLocation: sourceLocation)
    }

    @Test("real answers fit the documented schemas", arguments: TestDatabase.available)
    func answersFit(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let token = try await app.token(role: .cityAdmin, region: "3204")
            _ = try await app.token(role: .streetOfficer, region: "320402001", username: "other")
            let created = try await send(
                app, .POST, Route.API.households.path, token: token,
                json: RegistryAPITests.household(headID: residentID("32040219800101001")))
            try Self.conforms(created, .POST, Route.API.households.template)
            let users = try await send(app, .GET, Route.API.users.path, token: token)
            try Self.conforms(users, .GET, Route.API.users.template)
            let other = try #require(
                try users.json(Page<UserSummary>.self).items.first { $0.username == "other" })
            try Self.conforms(
                try await send(app, .GET, Route.API.user.path(other.id), token: token), .GET, Route.API.user.template)
            try Self.conforms(
                try await send(app, .GET, Route.API.userTokens.path(other.id), token: token), .GET,
                Route.API.userTokens.template)
            try Self.conforms(
                try await send(app, .POST, Route.API.userDisable.path(other.id), token: token), .POST,
                Route.API.userDisable.template)
            let household = try created.json(HouseholdDetail.self)
            try Self.conforms(
                try await send(app, .GET, Route.API.household.path(household.id), token: token), .GET,
                Route.API.household.template)
            let head = try #require(household.members.first)
            try Self.conforms(
                try await send(app, .GET, Route.API.person.path(head.personId), token: token), .GET,
                Route.API.person.template)
            try Self.conforms(
                try await send(app, .GET, Route.API.persons.path, token: token), .GET, Route.API.persons.template)
            try Self.conforms(
                try await send(app, .GET, Route.API.enrollments.path + "?householdId=\(household.id)", token: token),
                .GET,
                Route.API.enrollments.template)
            try Self.conforms(
                try await send(
                    app, .POST, Route.API.householdMembers.path(household.id), token: token,
                    json: ["relation": "子女", "person": ["name": "张小明", "idNumber": residentID("32040220100101002")]]),
                .POST, Route.API.householdMembers.template)
            try Self.conforms(
                try await send(app, .GET, Route.API.childCareHomes.path, token: token), .GET,
                Route.API.childCareHomes.template)
        }
    }
}

// Fixtures of the derivation table.
private struct Flat: Codable {
    let id: UUID
    let name: String
    let count: Int
    let share: Double
    let open: Bool
    let at: Date
    let note: String?
    let day: CivilDate?
}

private struct Nested: Codable {
    enum Level: String, Codable, CaseIterable { case red, yellow }
    let flats: [Flat]
    let level: Level
    let tags: [String]
}

/// Refuses any code but "ok", as validated types do.
private struct Picky: Codable {
    let code: String
    init(from decoder: any Decoder) throws {
        code = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .code)
        guard code == "ok" else { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "not ok")) }
    }
}

private struct HoldsPicky: Codable {
    let first: Int
    let picky: Picky
}

private struct MayHoldPicky: Codable {
    let first: Int
    let picky: Picky?
}

private struct Tree: Codable {
    let name: String
    let children: [Tree]
}
