import Foundation
import MinzhengCore
import Vapor

/// What the JSON contracts' endpoints share (`POST /api/v1/assessments`,
/// `POST /api/v1/ability-scores`): the raw body, read by Core's strict parser, and the
/// answer's bytes as Core encoded them.
extension Request {
    /// The body as sent; an empty one is refused as the contract's `body`.
    func contractBody() throws -> Data {
        guard let body = body.data, body.readableBytes > 0 else {
            throw Refusal.invalid("body", "请求体为空，应为 JSON / empty body, expected JSON")
        }
        return Data(buffer: body)
    }
}

extension Response {
    /// 200 with the answer's JSON.
    static func contractAnswer(_ json: Data) -> Response {
        let response = Response(status: .ok, body: .init(data: json))
        response.headers.contentType = .json
        return response
    }
}
