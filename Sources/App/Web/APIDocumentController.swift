import Foundation
import MinzhengCore
import Vapor

/// `GET /api/v1/openapi.json` (the OpenAPI 3.1 document, open) and the page `/api-docs`: every
/// route by feature with its parameters, body, answer and the roles that may call it.
enum APIDocumentRoutes {
    static func registerOpen(on routes: RoutesBuilder) {
        routes.get(Route.API.document.pattern) { _ async throws -> Response in
            var headers = HTTPHeaders()
            headers.contentType = .json
            return Response(status: .ok, headers: headers, body: .init(data: APIDocument.data))
        }
    }

    static func register(pages: RoutesBuilder) {
        pages.get(Route.apiDocs.pattern) { req async throws -> View in
            try await req.view.render(
                "api-docs",
                APIDocsPage(
                    layout: LayoutContext(request: req, title: "接口文档", user: req.auth.get(CurrentUser.self)),
                    documentPath: Route.API.document.path, count: APIOperations.all.count,
                    groups: APITag.allCases.compactMap(APIDocsPage.Group.init)))
        }
    }
}

struct APIDocsPage: Encodable {
    let layout: LayoutContext
    let documentPath: String
    let count: Int
    let groups: [Group]

    struct Group: Encodable {
        let tag: String
        let title: String
        let operations: [Row]

        init?(_ tag: APITag) {
            let operations = APIOperations.all.filter { $0.tag == tag }
            guard !operations.isEmpty else { return nil }
            self.tag = tag.rawValue
            self.title = tag.title
            self.operations = operations.map(Row.init)
        }
    }

    struct Row: Encodable {
        let method: String
        let path: String
        let summary: String
        let parameters: [String]
        let body: String?
        let status: Int
        let access: String
        let scope: String?

        init(_ operation: APIOperation) {
            method = operation.method.rawValue
            path = operation.openAPIPath
            summary = operation.summary
            var parameters: [String] = []
            for (name, isUUID) in zip(operation.pathParameterNames, operation.uuidParameters) {
                let values = operation.pathValues[name].map { "：" + $0.joined(separator: " | ") } ?? ""
                parameters.append("{\(name)} 路径，\(isUUID ? "UUID" : "文本")\(values)")
            }
            for query in operation.queries {
                parameters.append("?\(query.name)=\(query.description.isEmpty ? "" : " " + query.description)")
            }
            self.parameters = parameters
            if let schema = operation.requestBody {
                let names = schema["properties"].flatMap { value -> [String]? in
                    if case .object(let members) = value { return members.keys.sorted() }
                    return nil
                }
                body = names.map { "JSON {" + $0.joined(separator: ", ") + "}" } ?? "JSON"
            } else if let fields = operation.multipart {
                body = "multipart: file, " + fields.joined(separator: ", ")
            } else {
                body = nil
            }
            status = operation.status
            if operation.open {
                access = "公开，无需令牌"
            } else if operation.roles.count == Role.allCases.count {
                access = "任何已登录账户（按角色与辖区决定所见）"
            } else {
                access = operation.roles.map(\.chinese).joined(separator: "、")
            }
            scope = operation.scope?.rawValue
        }
    }
}
