@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// 办件查询 and 我的办件 (issue 20, item 2 and the own page of item 1): receipt numbers on every
/// filing, the lookup by the owner and by a one-time code to the phone on file, the resident's
/// own page over every part of the platform.
@Suite("Progress lookup and the resident's own page")
struct ProgressLookupTests {
    /// What would have gone to the phones.
    actor CapturedCodes: CodeSender {
        private(set) var sent: [(code: String, phone: String, number: String)] = []

        func send(code: String, to phone: String, for receipt: ReceiptNumber) async throws {
            sent.append((code, phone, receipt.value))
        }

        var last: (code: String, phone: String, number: String)? { sent.last }
        var count: Int { sent.count }
    }

    struct Mine: Decodable {
        let items: [ProgressAnswer]
    }

    /// The fixture's resident with a dibao application, a divorce booking, a family-search
    /// report and a correction request; its page cookie.
    struct World {
        let f: ApplicationFlowTests.Fixture
        let cookie: String
        let items: [ProgressAnswer]

        func number(_ kind: FilingKind) throws -> String {
            try #require(items.first { $0.kind == kind.rawValue }).receiptNumber
        }
    }

    static func world(_ app: Application) async throws -> World {
        let f = try await ApplicationFlowTests.fixture(app)
        _ = try await ApplicationFlowTests.dibaoApplication(f)
        _ = try await RouteAccessMatrixTests.booking(app, resident: f.resident)
        let (_, cookie) = try await AccountFixtures.pageSignIn(
            app, ApplicationFlowTests.headID, "resident password 1")
        let reports = try await FormVisit.open(app, "/family-search/reports", cookie: cookie)
        #expect(
            try await reports.post(app, "/family-search/reports", FamilySearchPagesTests.form()).status == .seeOther)
        let me = try await FormVisit.open(app, "/me", cookie: cookie)
        #expect(
            try await me.post(
                app, "/me/corrections", [("field", "address"), ("correct", "天宁区南大街 8 号"), ("reason", "门牌变了")]
            ).status == .seeOther)
        let mine = try await send(app, .GET, "/api/v1/progress", token: f.resident)
        #expect(mine.status == .ok, "\(mine.body.string)")
        return World(f: f, cookie: cookie, items: try mine.json(Mine.self).items)
    }

    @Test(
        "every filing gets a receipt number; the own page lists four parts' filings, newest first, with state, next step and by when",
        arguments: TestDatabase.available)
    func ownPage(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let w = try await Self.world(app)
            #expect(w.items.map(\.kind) == ["correction", "familySearch", "booking", "application"])
            for item in w.items {
                #expect((try? ReceiptNumber(parsing: item.receiptNumber)) != nil, "\(item.receiptNumber)")
                #expect(item.inProgress && item.next != nil, "\(item.kind)")
            }
            #expect(Set(w.items.map(\.receiptNumber)).count == 4)
            let application = try #require(w.items.first { $0.kind == "application" })
            #expect(application.stateName == "已提交" && application.next == "街道（乡镇）或社区受理")
            #expect(application.dueBy != nil && application.dueLabel?.contains("30 个工作日") == true)
            let booking = try #require(w.items.first { $0.kind == "booking" })
            #expect(booking.dueLabel == "预约时间" && booking.residentActs)
            // The page: every item with its number, state and next step, each linking to its own page.
            let page = try await AccountFixtures.get(app, "/me/progress", cookie: w.cookie)
            #expect(page.status == .ok)
            for item in w.items {
                #expect(page.body.string.contains(item.receiptNumber))
                #expect(page.body.string.contains("href=\"\(item.link)\""))
                let path = String(item.link.split(separator: "#")[0])
                let own = try await AccountFixtures.get(app, path, cookie: w.cookie)
                #expect(own.status == .ok, "\(item.link): \(own.status)")
            }
            // The number is on the filing's own pages.
            let applicationPage = try await AccountFixtures.get(app, application.link, cookie: w.cookie)
            #expect(applicationPage.body.string.contains(application.receiptNumber))
            let bookingPage = try await AccountFixtures.get(app, booking.link, cookie: w.cookie)
            #expect(bookingPage.body.string.contains(booking.receiptNumber))
            let mePage = try await AccountFixtures.get(app, "/me", cookie: w.cookie)
            #expect(mePage.body.string.contains(try w.number(.correction)))
            // Staff have no own page.
            let staff = try await send(app, .GET, "/api/v1/progress", token: w.f.streetOfficer)
            #expect(staff.status == .forbidden)
        }
    }

    @Test(
        "the owner looks up by number without a code; another resident and staff get only the code step",
        arguments: TestDatabase.available)
    func owner(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let w = try await Self.world(app)
            let number = try w.number(.application)
            let own = try await send(
                app, .POST, "/api/v1/progress/lookups", token: w.f.resident, json: ["receiptNumber": number])
            #expect(own.status == .ok, "\(own.body.string)")
            let answer = try own.json(ProgressAnswer.self)
            #expect(answer.title == "最低生活保障" && answer.steps.first?.text == "提交申请")
            #expect(!own.body.string.contains("张建国") && !own.body.string.contains(ApplicationFlowTests.phone))
            let other = try await MarriageTests.resident(app, residentID("32040219800101777"))
            for token in [other, w.f.streetOfficer] {
                let res = try await send(
                    app, .POST, "/api/v1/progress/lookups", token: token, json: ["receiptNumber": number])
                #expect(res.status == .badRequest)
                #expect(try res.value("field", as: String.self) == "code")
                #expect(!res.body.string.contains("最低生活保障"))
            }
            // The page: the owner sees the answer at once, another resident the code form.
            let page = try await AccountFixtures.get(app, "/progress?number=\(number)", cookie: w.cookie)
            #expect(page.body.string.contains("最低生活保障") && page.body.string.contains("街道（乡镇）或社区受理"))
            let otherCookie = try await PolicyPageTests.signedIn(app, role: .resident, region: "320402001")
            let otherPage = try await AccountFixtures.get(app, "/progress?number=\(number)", cookie: otherCookie)
            #expect(otherPage.status == .ok && otherPage.body.string.contains("id=\"code-form\""))
            #expect(!otherPage.body.string.contains("最低生活保障"))
            // A typo is refused before anything is looked up.
            var typo = Array(number)
            typo[5] = typo[5] == "9" ? "8" : "9"
            let refused = try await send(
                app, .POST, "/api/v1/progress/lookups", token: w.f.resident, json: ["receiptNumber": String(typo)])
            #expect(refused.status == .badRequest)
            #expect(try refused.value("field", as: String.self) == "receiptNumber")
            let typoPage = try await AccountFixtures.get(app, "/progress?number=\(String(typo))", cookie: w.cookie)
            #expect(typoPage.status == .badRequest && typoPage.body.string.contains("校验位不符"))
        }
    }

    @Test(
        "by a code to the phone on file: the right one once, a wrong one, an expired one, too many guesses; unknown numbers answered the same; audited",
        arguments: TestDatabase.available)
    func code(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let codes = CapturedCodes()
            app.codeSender = codes
            let w = try await Self.world(app)
            let number = try w.number(.booking)
            func ask(_ n: String) async throws -> TestingHTTPResponse {
                try await send(app, .POST, "/api/v1/progress/codes", json: ["receiptNumber": n])
            }
            func look(_ code: String) async throws -> TestingHTTPResponse {
                try await send(app, .POST, "/api/v1/progress/lookups", json: ["receiptNumber": number, "code": code])
            }
            let sent = try await ask(number)
            #expect(sent.status == .accepted)
            let first = try #require(await codes.last)
            #expect(first.phone == ApplicationFlowTests.phone && first.number == number && first.code.count == 6)
            // An unknown (well-formed) number: the same answer, nothing sent.
            let unknown = ReceiptNumber(day: CivilDate("2020-01-01")!, serial: 4321).value
            let unknownAnswer = try await ask(unknown)
            #expect(unknownAnswer.status == .accepted && unknownAnswer.body.string == sent.body.string)
            #expect(await codes.count == 1)
            let noCode = try await send(
                app, .POST, "/api/v1/progress/lookups", json: ["receiptNumber": unknown, "code": "123456"])
            #expect(noCode.status == .badRequest)
            let wrongDigit = first.code.first == "0" ? "1" : "0"
            let wrong = try await look(wrongDigit + first.code.dropFirst())
            #expect(wrong.status == .badRequest)
            #expect(try wrong.value("field", as: String.self) == "code")
            let right = try await look(first.code)
            #expect(right.status == .ok, "\(right.body.string)")
            #expect(try right.json(ProgressAnswer.self).stateName == "有效")
            #expect(try await look(first.code).status == .badRequest, "a code is spent by its lookup")
            // Expired: valid 10 minutes.
            _ = try await ask(number)
            let second = try #require(await codes.last)
            app.platform.clock = .fixed(Date().addingTimeInterval(11 * 60))
            #expect(try await look(second.code).status == .badRequest)
            app.platform.clock = .system
            // Five wrong guesses spend the code; the right one no longer opens it.
            _ = try await ask(number)
            let third = try #require(await codes.last)
            let bad = third.code.first == "0" ? "1" : "0"
            for attempt in 1...ProgressCodeRules.maxAttempts {
                let res = try await look(bad + third.code.dropFirst())
                #expect(res.status == (attempt < ProgressCodeRules.maxAttempts ? .badRequest : .conflict))
            }
            #expect(try await look(third.code).status == .conflict)
            // The number's codes are limited: a fourth within the hour is refused.
            let limited = try await ask(number)
            #expect(limited.status == .tooManyRequests && limited.headers.first(name: "Retry-After") != nil)
            // A typo is refused, naming the field.
            let typo = try await ask(String(number.dropLast()) + (number.last == "9" ? "8" : "9"))
            #expect(typo.status == .badRequest)
            #expect(try typo.value("field", as: String.self) == "receiptNumber")
            let actions = try await AccountFixtures.auditActions(app)
            #expect(actions.filter { $0 == "progress.code.send" }.count == 3)
            #expect(actions.filter { $0 == "progress.code.wrong" }.count == 1 + ProgressCodeRules.maxAttempts)
            #expect(actions.filter { $0 == "progress.lookup" }.count == 1)
            let events = try await AccountFixtures.auditEvents(app).filter { $0.action == "progress.code.send" }
            #expect(events.allSatisfy { !($0.after ?? "").contains(ApplicationFlowTests.phone) })
            // Codes are kept as an HMAC only.
            let stored = try await app.sql.raw("SELECT code_hmac FROM progress_codes").all().map {
                try $0.decode(column: "code_hmac", as: String.self)
            }
            #expect(stored.count == 3 && !stored.contains(first.code))
        }
    }

    @Test(
        "the pages without script: the number, a code sent, the code typed, the answer",
        arguments: TestDatabase.available)
    func pages(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let codes = CapturedCodes()
            app.codeSender = codes
            let w = try await Self.world(app)
            let number = try w.number(.familySearch)
            let start = try await FormVisit.open(app, "/progress")
            #expect(start.page.status == .ok && start.page.body.string.contains("id=\"number-form\""))
            let asked = try await FormVisit.open(app, "/progress?number=\(number.lowercased())", cookie: start.cookie)
            #expect(asked.page.body.string.contains("id=\"send-form\""))
            let sent = try await asked.post(app, "/progress/codes", [("number", number)])
            #expect(sent.status == .ok && sent.body.string.contains("分钟内有效"))
            let code = try #require(await codes.last).code
            let wrong = try await asked.post(app, "/progress/lookups", [("number", number), ("code", "00000x")])
            #expect(wrong.status == .badRequest && wrong.body.string.contains("验证码不正确"))
            let answer = try await asked.post(app, "/progress/lookups", [("number", number), ("code", code)])
            #expect(answer.status == .ok)
            #expect(answer.body.string.contains("寻找中") && answer.body.string.contains("有疑似线索时工作人员与您联系"))
            #expect(!answer.body.string.contains("张建国") && !answer.body.string.contains("张小明"))
            #expect(!answer.body.string.contains("<script"))
        }
    }
}
