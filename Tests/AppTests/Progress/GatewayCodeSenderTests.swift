@testable import App
import Foundation
import MinzhengCore
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting

/// The SMS gateway sender of 办件查询's one-time codes: what it posts, and what the resident is
/// told when the gateway refuses.
extension ProgressLookupTests {
    /// A gateway that records each request and answers `status`.
    final class GatewayStub: Client, Sendable {
        let eventLoop: any EventLoop
        let status: NIOLockedValueBox<HTTPResponseStatus>
        let received = NIOLockedValueBox<[ClientRequest]>([])

        init(eventLoop: any EventLoop, status: HTTPResponseStatus) {
            (self.eventLoop, self.status) = (eventLoop, NIOLockedValueBox(status))
        }

        func delegating(to eventLoop: any EventLoop) -> any Client { self }

        func send(_ request: ClientRequest) -> EventLoopFuture<ClientResponse> {
            received.withLockedValue { $0.append(request) }
            return eventLoop.makeSucceededFuture(ClientResponse(status: status.withLockedValue { $0 }))
        }
    }

    @Test(
        "through the SMS gateway: the phone and the code posted with the bearer token; a refusing gateway is a 503 to the resident",
        arguments: TestDatabase.available)
    func gateway(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let stub = GatewayStub(eventLoop: app.eventLoopGroup.next(), status: .ok)
            app.codeSender = GatewayCodeSender(
                client: stub, url: "https://sms.example.gov.cn/send", token: "gateway-token", timeout: .seconds(5))
            let number = try await Self.world(app).number(.booking)
            let sent = try await send(app, .POST, "/api/v1/progress/codes", json: ["receiptNumber": number])
            #expect(sent.status == .accepted, "\(sent.body.string)")
            let request = try #require(stub.received.withLockedValue { $0.last })
            #expect(request.method == .POST && request.url.string == "https://sms.example.gov.cn/send")
            #expect(request.headers.bearerAuthorization?.token == "gateway-token")
            let message = try request.content.decode(GatewayCodeSender.Message.self)
            #expect(message.phone == ApplicationFlowTests.phone && message.reference == number)
            let code = try #require(message.text.firstMatch(of: /验证码为 ([0-9]{6})/)?.1)
            let lookup = try await send(
                app, .POST, "/api/v1/progress/lookups", json: ["receiptNumber": number, "code": String(code)])
            #expect(lookup.status == .ok, "\(lookup.body.string)")

            stub.status.withLockedValue { $0 = .internalServerError }
            let refused = try await send(app, .POST, "/api/v1/progress/codes", json: ["receiptNumber": number])
            #expect(refused.status == .serviceUnavailable)
            #expect(try refused.value("error", as: String.self) == "验证码短信发送失败，请稍后再试")
            #expect(stub.received.withLockedValue { $0.count } == 2)
        }
    }
}
