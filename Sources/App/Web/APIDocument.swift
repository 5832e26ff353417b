import Foundation
import MinzhengCore
import Vapor

/// One operation of the API: its method and `Route.API` template, what it is, who may call it,
/// its query, body and answer. `APIOperations.all` lists every `/api/v1` route once;
/// `APIDocumentTests` fails naming a registered route missing there and an entry no route has.
/// Adding a route is one line there: `.get(Route.API.x, "what it answers", .tag)`.
struct APIOperation: Sendable {
    let method: HTTPMethod
    /// The `Route` template (`/api/v1/households/:id`).
    let template: String
    /// Whether each `:name` of the template, in order, is a UUID (else text).
    let uuidParameters: [Bool]
    let summary: String
    let tag: APITag
    /// No token needed (the open routes); every other operation needs a bearer token.
    var open = false
    /// The permission the operation checks, when it is not the tag's.
    var permission: Permission? = nil
    /// The roles that may call it, when a role decides and not a permission (a department's feed).
    var onlyRoles: [Role]? = nil
    var queries: [APIQuery] = []
    /// The allowed values of a text path parameter (`kind`, `action`).
    var pathValues: [String: [String]] = [:]
    /// The JSON body's schema (nil: none documented).
    var requestBody: JSONValue? = nil
    /// A multipart upload (`file` and the fields named) instead of JSON.
    var multipart: [String]? = nil
    /// The success status.
    var status: Int = 200
    /// The success answer's schema (nil: a JSON value not described yet).
    var answer: JSONValue? = nil
    /// The answer is a file, not JSON (its media type).
    var file: String? = nil
    /// The token scope a department's token needs (see `APIScope`).
    var scope: APIScope? = nil

    /// `/api/v1/households/{id}`.
    var openAPIPath: String {
        template.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            .joined(separator: "/")
    }

    /// The `:name`s of the template, in order.
    var pathParameterNames: [String] {
        template.split(separator: "/").filter { $0.hasPrefix(":") }.map { String($0.dropFirst()) }
    }

    var operationID: String {
        method.rawValue.lowercased()
            + openAPIPath.dropFirst("/api/v1".count).split(whereSeparator: { "/-{}".contains($0) })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The roles that hold the operation's permission (every signed-in role when there is none).
    var roles: [Role] {
        guard !open else { return [] }
        if let onlyRoles { return onlyRoles }
        guard let permission = permission ?? tag.permission else { return Role.allCases }
        return Role.allCases.filter { $0.may(permission) }
    }

    init<P>(
        _ method: HTTPMethod, _ route: Route.Template<P>, _ summary: String, _ tag: APITag
    ) {
        self.method = method
        self.template = route.template
        self.summary = summary
        self.tag = tag
        let names = route.template.split(separator: "/").filter { $0.hasPrefix(":") }
        let kinds: [Bool]
        switch ObjectIdentifier(P.self) {
        case ObjectIdentifier(UUID.self): kinds = [true]
        case ObjectIdentifier((UUID, UUID).self): kinds = [true, true]
        case ObjectIdentifier((UUID, String).self): kinds = [true, false]
        default: kinds = []
        }
        self.uuidParameters = names.indices.map { $0 < kinds.count ? kinds[$0] : false }
    }

    static func get<P>(_ route: Route.Template<P>, _ summary: String, _ tag: APITag) -> APIOperation {
        APIOperation(.GET, route, summary, tag)
    }
    static func post<P>(_ route: Route.Template<P>, _ summary: String, _ tag: APITag) -> APIOperation {
        APIOperation(.POST, route, summary, tag)
    }
    static func put<P>(_ route: Route.Template<P>, _ summary: String, _ tag: APITag) -> APIOperation {
        APIOperation(.PUT, route, summary, tag)
    }
    static func patch<P>(_ route: Route.Template<P>, _ summary: String, _ tag: APITag) -> APIOperation {
        APIOperation(.PATCH, route, summary, tag)
    }
    static func delete<P>(_ route: Route.Template<P>, _ summary: String, _ tag: APITag) -> APIOperation {
        APIOperation(.DELETE, route, summary, tag)
    }

    // Modifiers, so that an entry reads as one expression.
    func opened() -> APIOperation { with { $0.open = true } }
    func needs(_ permission: Permission) -> APIOperation { with { $0.permission = permission } }
    func only(_ roles: Role...) -> APIOperation { with { $0.onlyRoles = roles } }
    func only(_ roles: [Role]) -> APIOperation { with { $0.onlyRoles = roles } }
    func query(_ parameters: APIQuery...) -> APIOperation { with { $0.queries += parameters } }
    func values(_ name: String, _ values: [String]) -> APIOperation { with { $0.pathValues[name] = values } }
    func body(_ schema: JSONValue) -> APIOperation { with { $0.requestBody = schema } }
    func upload(_ fields: String...) -> APIOperation { with { $0.multipart = fields } }
    func answers(_ status: Int, _ schema: JSONValue? = nil) -> APIOperation {
        with {
            $0.status = status
            $0.answer = schema
        }
    }
    func returns(_ schema: JSONValue) -> APIOperation { with { $0.answer = schema } }
    // The same from the types the handler decodes and answers (`CodableSchema`), so that the
    // document follows the code.
    func body<T: Decodable>(_ type: T.Type) -> APIOperation { body(CodableSchema.request(T.self)) }
    func returns<T: Decodable>(_ type: T.Type) -> APIOperation { returns(CodableSchema.answer(T.self)) }
    func answers<T: Decodable>(_ status: Int, _ type: T.Type) -> APIOperation {
        answers(status, CodableSchema.answer(T.self))
    }
    func answersFile(_ mediaType: String) -> APIOperation { with { $0.file = mediaType } }
    func scoped(_ scope: APIScope) -> APIOperation { with { $0.scope = scope } }

    private func with(_ change: (inout APIOperation) -> Void) -> APIOperation {
        var copy = self
        change(&copy)
        return copy
    }
}

/// A query parameter.
struct APIQuery: Sendable {
    let name: String
    let schema: JSONValue
    let description: String

    init(_ name: String, _ schema: JSONValue, _ description: String = "") {
        self.name = name
        self.schema = schema
        self.description = description
    }

    static let page = APIQuery("page", S.range(1, 1_000_000), "页码，从 1 起；超过末页答末页")
    static let perPage = APIQuery("perPage", S.range(1, 200), "每页条数，1–200")
    static let region = APIQuery("region", S.string, "区划代码或名称（新北区、三井街道）")
    static let month = APIQuery("month", S.pattern("^[0-9]{4}-[0-9]{2}$"), "月份 YYYY-MM")
    static let year = APIQuery("year", S.range(2000, 2100), "年份")
    static let status = APIQuery("status", S.string, "状态")
    static let state = APIQuery("state", S.string, "状态")
    static func sort(_ values: [String]) -> APIQuery { APIQuery("sort", S.enumeration(values), "排序") }
}

/// The API's features, in the document's order: the page groups its routes by them.
enum APITag: String, CaseIterable, Sendable {
    case documentation, accounts, users, registry, policy, applications, payroll, monitoring
    case homeCare, adaptations, ability, facilities, seniorAllowance
    case bookings, marriage, funeral, disability, childProtection, children, familySearch, station
    case organisations, ratings, funding, charity, illegalOrganisations, adoption, placeNames, rehab, rental
    case communities, portal, statistics

    var title: String {
        switch self {
        case .documentation: return "接口文档"
        case .accounts: return "登录与令牌"
        case .users: return "用户管理"
        case .registry: return "一人一档（住户、人员）"
        case .policy: return "政策测算"
        case .applications: return "救助申请"
        case .payroll: return "待遇与变更"
        case .monitoring: return "监测预警与部门数据报送"
        case .homeCare: return "居家上门服务"
        case .adaptations: return "适老化改造"
        case .ability: return "老年人能力评估"
        case .facilities: return "养老设施"
        case .seniorAllowance: return "尊老金"
        case .bookings: return "预约"
        case .marriage: return "婚姻登记"
        case .funeral: return "殡葬与公墓"
        case .disability: return "残疾人两项补贴"
        case .childProtection: return "未成年人保护"
        case .children: return "儿童关爱"
        case .familySearch: return "寻亲"
        case .station: return "救助管理站"
        case .organisations: return "社会组织登记"
        case .ratings: return "社会组织等级评估"
        case .funding: return "公益创投"
        case .charity: return "慈善"
        case .illegalOrganisations: return "非法社会组织与涉企收费"
        case .adoption: return "收养登记"
        case .placeNames: return "地名"
        case .rehab: return "德康驿站"
        case .rental: return "辅具租赁"
        case .communities: return "社区建设"
        case .portal: return "民政通与办件查询"
        case .statistics: return "民政统计"
        }
    }

    /// The permission the feature's routes check (a route may check another one, or narrow it
    /// by region or record: RouteAccessMatrixTests holds each role's exact answer).
    var permission: Permission? {
        switch self {
        case .documentation, .accounts, .policy, .children, .portal: return nil
        case .statistics: return .viewStatistics
        case .users: return .manageUsers
        case .registry: return .viewRegistry
        case .applications: return .handleApplications
        case .payroll: return .confirmBenefitChanges
        case .monitoring: return .visitHouseholds
        case .homeCare, .adaptations: return .handleHomeCare
        case .ability: return .assessAbility
        case .facilities: return .viewFacilities
        case .seniorAllowance: return .managePayroll
        case .bookings, .marriage, .funeral: return .handleBookings
        case .disability: return .confirmBenefitChanges
        case .childProtection: return .protectChildren
        case .familySearch, .station: return .handleFamilySearch
        case .organisations, .ratings, .funding, .illegalOrganisations: return .manageOrganisations
        case .charity: return .manageCharity
        case .adoption: return .registerAdoptions
        case .placeNames: return .managePlaceNames
        case .rehab: return .viewRehabStations
        case .rental: return .handleDeviceRental
        case .communities: return .manageCommunities
        }
    }
}

/// Schema shorthands.
enum S {
    static let string: JSONValue = ["type": "string"]
    static let uuid: JSONValue = ["type": "string", "format": "uuid"]
    static let date: JSONValue = ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"]
    static let integer: JSONValue = ["type": "integer"]
    static let boolean: JSONValue = ["type": "boolean"]
    /// Any JSON value (an answer not described yet).
    static let any: JSONValue = [:]
    static let fen: JSONValue = ["type": "integer", "minimum": 0, "maximum": 1_000_000_000_000, "description": "分"]

    static func range(_ minimum: Int, _ maximum: Int) -> JSONValue {
        ["type": "integer", "minimum": .int(minimum), "maximum": .int(maximum)]
    }
    static func pattern(_ pattern: String) -> JSONValue { ["type": "string", "pattern": .string(pattern)] }
    static func enumeration(_ values: [String]) -> JSONValue {
        ["type": "string", "enum": .array(values.map(JSONValue.string))]
    }
    static func array(_ items: JSONValue) -> JSONValue { ["type": "array", "items": items] }
    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
    static func nullable(_ schema: JSONValue) -> JSONValue { ["anyOf": [schema, ["type": "null"]]] }

    /// An object with these members (`required` of them always present). `closed`: no other
    /// member — what a request body must be, since the API refuses a key it does not read.
    static func object(_ properties: [String: JSONValue], required: [String] = [], closed: Bool = false) -> JSONValue {
        var schema: JSONValue = ["type": "object", "properties": .object(properties)]
        if !required.isEmpty { schema = schema.setting("required", .array(required.map(JSONValue.string))) }
        if closed { schema = schema.setting("additionalProperties", false) }
        return schema
    }

    /// A list page `{items, total, page, perPage}` of `item`s.
    static func page(_ item: JSONValue) -> JSONValue {
        object(
            ["items": array(item), "total": integer, "page": integer, "perPage": integer],
            required: ["items", "total", "page", "perPage"])
    }
}

/// The OpenAPI 3.1 document of `APIOperations.all`, served at `GET /api/v1/openapi.json`.
enum APIDocument {
    static let version = "1.0.0"

    /// Every error answer of the API (`ErrorRenderingMiddleware`): the message, the field it
    /// names when there is one, and the request's id (also the `X-Request-ID` header).
    static let errorSchema: JSONValue = S.object(
        [
            "error": ["type": "string", "description": "给人看的说明（中文）"],
            "field": ["type": "string", "description": "出错的字段，如 members[1].birthDate"],
            "requestId": ["type": "string", "description": "请求编号，同 X-Request-ID 响应头"],
        ], required: ["error", "requestId"], closed: true)

    static let schemas: [String: JSONValue] = [
        "Error": errorSchema,
        "Token": S.object(["token": S.string], required: ["token"]),
        // The registry's and the applications' records, from the types the handlers answer.
        "PersonSummary": CodableSchema.answer(PersonSummary.self),
        "HouseholdSummary": CodableSchema.answer(HouseholdSummary.self),
        "HouseholdDetail": CodableSchema.answer(HouseholdDetail.self),
        "ApplicationSummary": CodableSchema.answer(ApplicationSummary.self),
        "ApplicationRecord": CodableSchema.answer(ApplicationRecord.self),
        "FeedSummary": S.object(
            [
                "accepted": S.integer, "duplicates": S.integer, "unknownPersons": S.integer, "alerts": S.integer,
                "rejected": S.integer,
                "errors": S.array(S.object(["row": S.integer, "reason": S.string], required: ["row", "reason"])),
            ], required: ["accepted", "duplicates", "unknownPersons", "alerts", "rejected", "errors"]),
    ]

    /// The document, built once.
    static let data: Data = (try? document().encoded()) ?? Data("{}".utf8)

    static func document(operations: [APIOperation] = APIOperations.all) -> JSONValue {
        var paths: [String: [String: JSONValue]] = [:]
        for operation in operations {
            paths[operation.openAPIPath, default: [:]][operation.method.rawValue.lowercased()] = item(operation)
        }
        var components = schemas
        components["Error"] = errorSchema
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "常州民政 一人一档 API",
                "version": .string(version),
                "description": """
                JSON, camelCase. Sign in with POST /api/v1/sessions, then send Authorization: Bearer TOKEN. \
                Every error answer is the Error schema; its requestId is also the X-Request-ID header. \
                A department's token may carry scopes: a call outside them is a 403 naming the scope.
                """,
            ],
            "servers": [["url": "/"]],
            "tags": .array(
                APITag.allCases.map { tag -> JSONValue in
                    ["name": .string(tag.rawValue), "description": .string(tag.title)]
                }),
            "security": [["bearer": []]],
            "paths": .object(paths.mapValues { .object($0) }),
            "components": [
                "schemas": .object(components),
                "securitySchemes": [
                    "bearer": [
                        "type": "http", "scheme": "bearer",
                        "description": "POST /api/v1/sessions 取得的令牌，或用户在“我的账户”页生成的令牌",
                    ]
                ],
                "responses": [
                    "Error": [
                        "description": "错误（4xx）：说明、字段与请求编号",
                        "content": ["application/json": ["schema": S.ref("Error")]],
                    ]
                ],
            ],
        ]
    }

    static func item(_ operation: APIOperation) -> JSONValue {
        var parameters: [JSONValue] = []
        for (name, isUUID) in zip(operation.pathParameterNames, operation.uuidParameters) {
            let schema = isUUID ? S.uuid : operation.pathValues[name].map(S.enumeration) ?? S.string
            parameters.append(["name": .string(name), "in": "path", "required": true, "schema": schema])
        }
        for query in operation.queries {
            var parameter: JSONValue = [
                "name": .string(query.name), "in": "query", "required": false, "schema": query.schema,
            ]
            if !query.description.isEmpty { parameter = parameter.setting("description", .string(query.description)) }
            parameters.append(parameter)
        }
        var success: JSONValue = ["description": .string(operation.summary)]
        if operation.status != 204 {
            if let file = operation.file {
                success = success.setting("content", .object([file: [:]]))
            } else {
                success = success.setting("content", ["application/json": ["schema": operation.answer ?? S.any]])
            }
        }
        var item: JSONValue = [
            "operationId": .string(operation.operationID),
            "summary": .string(operation.summary),
            "tags": [.string(operation.tag.rawValue)],
            "responses": [
                String(operation.status): success,
                "4XX": ["$ref": "#/components/responses/Error"],
            ],
        ]
        if !parameters.isEmpty { item = item.setting("parameters", .array(parameters)) }
        if operation.open { item = item.setting("security", []) }
        if !operation.open {
            item = item.setting("x-roles", .array(operation.roles.map { JSONValue.string($0.rawValue) }))
        }
        if let permission = operation.permission ?? operation.tag.permission, !operation.open,
            operation.onlyRoles == nil
        {
            item = item.setting("x-permission", .string(permission.rawValue))
        }
        if let scope = operation.scope { item = item.setting("x-scope", .string(scope.rawValue)) }
        if let body = operation.requestBody {
            item = item.setting("requestBody", ["required": true, "content": ["application/json": ["schema": body]]])
        } else if let fields = operation.multipart {
            var properties: [String: JSONValue] = [
                "file": ["type": "string", "contentMediaType": "application/octet-stream"]
            ]
            for field in fields { properties[field] = S.string }
            item = item.setting(
                "requestBody",
                [
                    "required": true,
                    "content": ["multipart/form-data": ["schema": S.object(properties, required: ["file"])]],
                ])
        }
        return item
    }
}
