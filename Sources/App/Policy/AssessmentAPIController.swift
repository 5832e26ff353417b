import MinzhengCore
import Vapor

/// `POST /api/v1/assessments`: the assessment contract of POLICY.md section 4. Open to
/// anyone, stores nothing, limited per client address.
struct AssessmentAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(.POST, Route.API.assessments.pattern, body: .collect(maxSize: "64kb"), use: assess)
    }

    func assess(req: Request) async throws -> Response {
        try await req.admitAssessment()
        let body = try req.contractBody()
        let service = AssessmentService(history: try await req.policy.history())
        let answer: AssessmentResponse
        do {
            answer = try service.assess(jsonData: body)
        } catch {
            throw Refusal(.invalid, error.message, field: error.field)
        }
        return .contractAnswer(try answer.jsonData(prettyPrinted: false))
    }
}

extension Request {
    var policy: PolicyStore { PolicyStore(db: sql) }
}
