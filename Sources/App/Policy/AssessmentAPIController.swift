import MinzhengCore
import Vapor

/// `POST /api/v1/assessments`: the assessment contract of POLICY.md section 4. Open to
/// anyone, stores nothing, limited per client address.
struct AssessmentAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(.POST, Route.API.assessments.pattern, body: .collect(maxSize: "64kb"), use: assess)
    }

    func assess(req: Request) async throws -> Response {
        try req.admitAssessment()
        guard let body = req.body.data, body.readableBytes > 0 else {
            throw Refusal.invalid("body", "请求体为空，应为 JSON / empty body, expected JSON")
        }
        let service = AssessmentService(history: try await req.policy.history())
        let answer: AssessmentResponse
        do {
            answer = try service.assess(jsonData: Data(buffer: body))
        } catch {
            throw Refusal(.invalid, error.message, field: error.field)
        }
        let response = Response(status: .ok, body: .init(data: try answer.jsonData(prettyPrinted: false)))
        response.headers.contentType = .json
        return response
    }
}

extension Request {
    var policy: PolicyStore { PolicyStore(db: sql) }
}
