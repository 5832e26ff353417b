import Foundation
import MinzhengCore
import NIOCore
import Vapor

/// A one-time code sent as an SMS through the deployment's gateway (`MINZHENG_SMS_URL`, with
/// `MINZHENG_SMS_TOKEN` as a bearer token when set): one JSON POST
/// `{"phone", "text", "reference"}` a code, answered 2xx when the gateway took it. Government SMS
/// platforms take such a call; whatever vendor sits behind, the platform does not know it.
/// A refusal or a gateway that does not answer in `timeout` is a 503 to the resident, who may
/// ask again (the stored code stays valid for its minutes).
struct GatewayCodeSender: CodeSender {
    let client: any Client
    let url: URI
    let token: String?
    let timeout: TimeAmount

    struct Message: Content {
        let phone: String
        let text: String
        /// The receipt number, for the gateway's own log.
        let reference: String
    }

    static let unavailable = Abort(.serviceUnavailable, reason: "验证码短信发送失败，请稍后再试")

    func send(code: String, to phone: String, for receipt: ReceiptNumber) async throws {
        let message = Message(
            phone: phone, text: "【常州民政】您查询办件 \(receipt.value) 的验证码为 \(code)，请勿告诉他人。", reference: receipt.value)
        let response: ClientResponse
        do {
            response = try await client.post(url) { request in
                try request.content.encode(message)
                if let token { request.headers.bearerAuthorization = BearerAuthorization(token: token) }
                request.timeout = timeout
            }
        } catch {
            throw Self.unavailable
        }
        guard (200..<300).contains(response.status.code) else { throw Self.unavailable }
    }
}
