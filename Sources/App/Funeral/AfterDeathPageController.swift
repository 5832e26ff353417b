import Foundation
import MinzhengCore
import Vapor

/// 身后一件事: for a resident, each death in their household (from the registry) or whose
/// certificate they recorded, what the bureau already did — benefits stopped or under the
/// street's review, funeral bookings, bills with their exemptions — and what is left. Nothing
/// the registry holds is asked for; a certificate number only for a death it does not hold.
struct AfterDeathPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.afterDeath.pattern, use: index)
        routes.post(Route.afterDeathCertificate.pattern, use: certificate)
    }

    struct Step: Encodable {
        let text: String
        let link: String?
    }

    struct Case: Encodable {
        let name: String
        let idMasked: String
        let death: String
        let done: [Step]
        let left: [Step]
    }

    struct Page: Encodable {
        let layout: LayoutContext
        let cases: [Case]
        let idNumber: String
        let certificateNumber: String
        let error: String?
        let field: String?
    }

    static func itemName(_ code: String) -> String {
        switch code {
        case "dibao": return "最低生活保障"
        case "tekun": return "特困人员救助供养"
        case "lowIncomeEdge": return "低保边缘家庭救助"
        default: return code
        }
    }

    static func resident(_ req: Request) throws -> CurrentUser {
        let user = try req.user
        try user.require(.selfService)
        return user
    }

    func index(req: Request) async throws -> View {
        try await render(req, user: try Self.resident(req), idNumber: "", number: "", refusal: nil)
    }

    func certificate(req: Request) async throws -> Response {
        let user = try Self.resident(req)
        struct Form: Content {
            var idNumber: String?
            var certificateNumber: String?
        }
        let form = try req.content.decode(Form.self)
        do {
            _ = try await req.funeral.recordCertificate(
                idNumber: form.idNumber ?? "", number: form.certificateNumber ?? "", by: user)
            return req.redirect(to: Route.afterDeath.path)
        } catch let refusal as Refusal where refusal.kind == .invalid {
            return try await render(
                req, user: user, idNumber: form.idNumber ?? "", number: form.certificateNumber ?? "", refusal: refusal
            ).encodeResponse(status: refusal.status, for: req)
        }
    }

    private func render(
        _ req: Request, user: CurrentUser, idNumber: String, number: String, refusal: Refusal?
    ) async throws -> View {
        try await req.view.render(
            "funeral/after-death",
            Page(
                layout: LayoutContext(request: req, title: "身后一件事", user: user),
                cases: try await cases(req, user: user), idNumber: idNumber, certificateNumber: number,
                error: refusal?.message, field: refusal?.field))
    }

    private func cases(_ req: Request, user: CurrentUser) async throws -> [Case] {
        let store = AfterDeathStore(db: req.sql)
        let cipher = req.platform.cipher
        // (registry person, name, masked ID, ID, how the death is known)
        var deaths: [(person: UUID?, name: String, masked: String, id: String, death: String)] = []
        if let me = try await AccountStore(db: req.sql).residentPerson(userID: user.id) {
            for m in try await store.deceasedMembers(ofHouseholdOf: me) {
                deaths.append(
                    (
                        person: Optional(m.person), name: m.name, masked: m.idMasked,
                        id: try cipher.decrypt(m.idCipher),
                        death: "一人一档记载：\(m.deceasedOn) 去世"
                    ))
            }
        }
        for c in try await store.certificates(recordedBy: user.id) {
            let id = try cipher.decrypt(c.cipher)
            guard !deaths.contains(where: { $0.id == id }) else { continue }
            let facts = try await FuneralStore(db: req.sql).deceased(indexes: cipher.blindIndexes(id))
            deaths.append(
                (
                    person: facts?.person, name: facts?.name ?? "逝者", masked: c.masked, id: id,
                    death: "家属登记的死亡证明：\(c.number)"
                ))
        }
        var cases: [Case] = []
        for d in deaths {
            let indexes = cipher.blindIndexes(d.id)
            var done: [Step] = []
            var left: [Step] = []
            if let person = d.person {
                for b in try await store.benefits(of: person) {
                    let name = Self.itemName(b.item)
                    switch b.status {
                    case "suspended", "ended":
                        done.append(Step(text: "\(name)：已停发（自 \(b.from ?? "去世次月")）", link: nil))
                    case "review-open":
                        done.append(Step(text: "家庭\(name)：已按成员去世重新核算，交街道复核", link: nil))
                    case "review-confirmed", "review-corrected":
                        done.append(Step(text: "家庭\(name)：街道已复核（自 \(b.from ?? "")）", link: nil))
                    case "active", "gradualExit":
                        left.append(Step(text: "\(name)：尚在发放，街道收到死亡信息后停发", link: nil))
                    default: break
                    }
                }
            }
            if let person = d.person {
                for s in try await FuneralSubsidyStore(db: req.sql).subsidies(of: person) {
                    let said = "\(s.kindName) \(s.amount) 元（\(s.basis)）"
                    switch FuneralSubsidyStatus(rawValue: s.status) ?? .open {
                    case .open: done.append(Step(text: "\(said)：已提交街道审核，无需申请", link: nil))
                    case .approved: done.append(Step(text: "\(said)：街道已批准", link: nil))
                    case .refused:
                        done.append(Step(text: "\(said)：街道未批准，理由：\(s.decisionNote ?? "")", link: nil))
                    }
                }
            }
            let bookings = try await store.funeralBookings(indexes: indexes)
            for b in bookings {
                done.append(
                    Step(
                        text:
                            "已预约\(b.kind.chinese)：\(b.day) \(String(format: "%02d:%02d", b.minute / 60, b.minute % 60)) \(b.place)（预约码 \(b.code)）",
                        link: nil))
            }
            if !bookings.contains(where: { $0.kind == .cremation }) {
                left.append(Step(text: "预约火化（凭死亡证明，火化需提前预约）", link: "/bookings?service=cremation"))
            }
            if !bookings.contains(where: { $0.kind == .bodyPickup }) {
                left.append(Step(text: "如需殡仪馆接运遗体，预约接运车", link: "/bookings?service=bodyPickup"))
            }
            for bill in try await FuneralStore(db: req.sql).bills(deceased: indexes) {
                done.append(
                    Step(
                        text:
                            "殡仪馆账单：应付 \(bill.payable.yuanString) 元，已按政策减免 \(bill.exempt.yuanString) 元（\(bill.reason)）",
                        link: nil))
            }
            left.append(Step(text: "到户籍所在地派出所办理户口注销（公安机关办理）", link: nil))
            left.append(Step(text: "查看殡仪馆收费公示，核对账单", link: "/funeral-prices"))
            cases.append(Case(name: d.name, idMasked: d.masked, death: d.death, done: done, left: left))
        }
        return cases
    }
}
