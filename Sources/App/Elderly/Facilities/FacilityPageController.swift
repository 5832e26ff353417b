import Foundation
import MinzhengCore
import Vapor

/// 养老设施: the list (filters by district/street, kind, grade; phone-friendly), a facility's
/// page and its form, the bed report, the grading pages and the button of the hourly round.
struct FacilityPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.facilities.pattern, use: list)
        routes.get(Route.newFacility.pattern, use: newForm)
        routes.post(Route.newFacility.pattern, use: create)
        routes.get(Route.facilityStats.pattern, use: beds)
        routes.post(Route.facilityRound.pattern, use: runRound)
        routes.get(Route.facility.pattern, use: show)
        routes.get(Route.facilityEdit.pattern, use: editForm)
        routes.post(Route.facilityEdit.pattern, use: update)
        routes.post(Route.facilityGrading.pattern, use: apply)
        routes.post(Route.facilityPrices.pattern, use: addPrice)
        routes.post(Route.facilityPriceRemove.pattern, use: removePrice)
        routes.get(Route.gradings.pattern, use: gradings)
        routes.get(Route.grading.pattern, use: grading)
        routes.post(Route.grading.pattern, use: gradingAction)
    }

    private static func user(_ req: Request, _ permission: Permission = .viewFacilities) throws -> CurrentUser {
        let user = try req.user
        try user.require(permission)
        return user
    }

    func list(req: Request) async throws -> Response {
        let user = try Self.user(req)
        let query = try req.query.decode(FacilityListQuery.self)
        var page = FacilityListPage(
            layout: LayoutContext(request: req, title: "养老服务设施", user: user), query: query,
            picker: RegistryPageController.filterPicker(req, user: user, selected: query.region),
            kinds: FacilityKind.choices,
            grades: (1...5).reversed().map { Choice(value: String($0), label: "\($0) 级") }
                + [Choice(value: "none", label: "无有效等级")],
            canManage: user.role.may(.manageFacilities))
        do {
            let result = try await req.facilities.store.page(
                within: user.scope, filter: try query.filter(user: user, regions: req.platform.regions),
                page: try PageRequest(page: query.page, perPage: 20))
            page.rows = result.items
            page.total = result.total
            page.pager = Pager.make(path: Route.facilities.path, filters: query.links, result: result)
        } catch let error as Refusal {
            (page.error, page.errorField) = (error.message, error.field)
            page.picker.invalid = error.field == "region"
        }
        return try await req.view.render("elderly/facilities", page).encodeResponse(
            status: page.error == nil ? .ok : .badRequest, for: req)
    }

    private func formPage(
        _ req: Request, user: CurrentUser, heading: String, action: String, form: FacilityForm, error: Refusal?
    ) async throws -> View {
        var picker = RegionPicker(
            emptyLabel: "请选择街道/镇", table: req.platform.regions, within: user.region, levels: [.street],
            selected: form.region)
        picker.invalid = error?.field == "region"
        return try await req.view.render(
            "elderly/facility-form",
            FacilityFormPage(
                layout: LayoutContext(request: req, title: heading, user: user), heading: heading, action: action,
                form: form, picker: picker, kinds: FacilityKind.choices,
                fireStandards: FireSafetyStatus.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) },
                error: error?.message, errorField: error?.field))
    }

    func newForm(req: Request) async throws -> View {
        let user = try Self.user(req, .manageFacilities)
        var form = FacilityForm()
        form.fireStandard = FireSafetyStatus.notStarted.rawValue
        return try await formPage(
            req, user: user, heading: "登记养老服务设施", action: Route.newFacility.path, form: form, error: nil)
    }

    func create(req: Request) async throws -> Response {
        let user = try Self.user(req, .manageFacilities)
        let form = try req.content.decode(FacilityForm.self)
        do {
            let record = try await req.facilities.create(try form.input(), by: user)
            return req.redirect(to: Route.facility.path(record.id) + "?saved=1")
        } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
            return try await formPage(
                req, user: user, heading: "登记养老服务设施", action: Route.newFacility.path, form: form, error: error
            ).encodeResponse(status: error.status, for: req)
        }
    }

    func show(req: Request) async throws -> View {
        try await render(req, error: nil)
    }

    private func render(_ req: Request, error: Refusal?, priceForm: [String: String] = [:]) async throws -> View {
        let user = try Self.user(req)
        let id = try FacilityAPIController.id(req, "养老服务设施")
        let f = try await req.facilities.facility(id, for: user)
        let totals = BedTotals(facilities: 1, beds: f.bedsTotal, nursingBeds: f.nursingBeds, residents: f.residents)
        let notice = [("saved", "已保存"), ("price", "收费项目已更新")].first { req.query[String.self, at: $0.0] == "1" }?.1
        return try await req.view.render(
            "elderly/facility",
            FacilityPage(
                layout: LayoutContext(request: req, title: f.name, user: user), facility: f,
                nursingShare: Percent.text(totals.nursingShare), occupancy: Percent.text(totals.occupancy),
                gradings: try await GradingStore(db: req.sql).gradings(facility: id),
                inspections: try await req.inspections.store.inspections(facility: id, within: user.scope),
                hazards: try await req.inspections.store.hazards(
                    within: user.scope, filter: .init(facility: id), today: req.today),
                canManage: user.role.may(.manageFacilities),
                canGrade: user.role.may(.gradeFacilities) && FacilityKind(rawValue: f.kind)?.isGradable == true,
                prices: try await req.facilities.prices(of: id, for: user),
                priceUnits: PriceUnit.allCases.map { Choice(value: $0.rawValue, label: $0.chinese) },
                priceForm: priceForm, notice: notice, error: error?.message, errorField: error?.field))
    }

    func editForm(req: Request) async throws -> View {
        let user = try Self.user(req, .manageFacilities)
        let f = try await req.facilities.facility(try FacilityAPIController.id(req, "养老服务设施"), for: user)
        return try await formPage(
            req, user: user, heading: "修改：\(f.name)", action: Route.facilityEdit.path(f.id), form: FacilityForm(f),
            error: nil)
    }

    func update(req: Request) async throws -> Response {
        let user = try Self.user(req, .manageFacilities)
        let id = try FacilityAPIController.id(req, "养老服务设施")
        let f = try await req.facilities.facility(id, for: user)
        let form = try req.content.decode(FacilityForm.self)
        do {
            _ = try await req.facilities.update(id, try form.input(), by: user)
            return req.redirect(to: Route.facility.path(id) + "?saved=1")
        } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
            return try await formPage(
                req, user: user, heading: "修改：\(f.name)", action: Route.facilityEdit.path(id), form: form, error: error
            ).encodeResponse(status: error.status, for: req)
        }
    }

    func beds(req: Request) async throws -> View {
        let user = try Self.user(req)
        return try await req.view.render(
            "elderly/beds",
            BedsPage(
                layout: LayoutContext(request: req, title: "护理型床位占比", user: user),
                report: try await req.facilities.beds(for: user)))
    }

    /// The hourly round now: lapses, escalations, suspensions (each step idempotent).
    func runRound(req: Request) async throws -> Response {
        let user = try Self.user(req, .inspectFacilities)
        _ = user
        let r = try await FacilityRound.run(db: req.sql, today: req.today, now: req.now, writer: req.writer)
        return req.redirect(
            to: Pager.link(
                path: Route.gradings.path, filters: ["round": "\(r.lapsed)-\(r.escalated)-\(r.suspended)"]))
    }

    func apply(req: Request) async throws -> Response {
        let user = try Self.user(req, .gradeFacilities)
        struct Form: Content { var note: String? }
        let form = try req.content.decode(Form.self)
        do {
            let g = try await req.gradings.apply(
                .init(facilityId: try FacilityAPIController.id(req, "养老服务设施"), note: form.note), by: user)
            return req.redirect(to: Route.grading.path(g.id))
        } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
            return try await render(req, error: error).encodeResponse(status: error.status, for: req)
        }
    }

    func addPrice(req: Request) async throws -> Response {
        let user = try Self.user(req, .manageFacilities)
        let id = try FacilityAPIController.id(req, "养老服务设施")
        let form = try req.content.decode([String: String].self)
        do {
            try await req.facilities.addPrice(
                to: id, item: form["item"], amount: form["amount"], unit: form["unit"], by: user)
            return req.redirect(to: Route.facility.path(id) + "?price=1#prices")
        } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
            return try await render(req, error: error, priceForm: form).encodeResponse(status: error.status, for: req)
        }
    }

    func removePrice(req: Request) async throws -> Response {
        let user = try Self.user(req, .manageFacilities)
        let id = try FacilityAPIController.id(req, "养老服务设施")
        guard let line = req.parameters.get("price", as: UUID.self) else { throw Refusal.notFound("收费项目") }
        try await req.facilities.removePrice(line, of: id, by: user)
        return req.redirect(to: Route.facility.path(id) + "?price=1#prices")
    }

    func gradings(req: Request) async throws -> View {
        let user = try Self.user(req)
        let round = req.query[String.self, at: "round"].map { text -> String in
            let n = text.split(separator: "-").map(String.init) + ["0", "0", "0"]
            return "本轮：\(n[0]) 个等级到期失效，\(n[1]) 项隐患超期升级，\(n[2]) 个等级因重大隐患超期暂停。"
        }
        return try await req.view.render(
            "elderly/gradings",
            GradingsPage(
                layout: LayoutContext(request: req, title: "等级评定", user: user),
                open: try await GradingStore(db: req.sql).open(within: user.scope),
                expiring: try await req.gradings.expiring(for: user).map {
                    .init(facility: $0.0, reminder: $0.1 == 2 ? "1 个月内到期" : "6 个月内到期")
                }, canRunRound: user.role.may(.inspectFacilities), round: round))
    }

    func grading(req: Request) async throws -> View {
        try await renderGrading(req, error: nil)
    }

    private func renderGrading(_ req: Request, error: Refusal?, typed: [String: String] = [:]) async throws -> View {
        let user = try Self.user(req)
        let g = try await req.gradings.grading(try FacilityAPIController.id(req, "等级评定"), for: user)
        let p = try await FacilityService.parameters(db: req.sql, region: g.region, on: req.today)
        let state = GradingState(rawValue: g.state) ?? .applied
        let may = user.role.may(.gradeFacilities)
        let shortfalls = g.shortfalls.compactMap { GradingShortfall(rawValue: $0)?.chinese }
        return try await req.view.render(
            "elderly/grading",
            GradingPage(
                layout: LayoutContext(request: req, title: "等级评定：\(g.facilityName)", user: user), grading: g,
                sections: FacilitySection.allCases.map { s in
                    let max = p.sectionMaxima[s] ?? 0
                    let score = g.scores?[s.rawValue]
                    return .init(
                        key: s.rawValue, name: s.chinese, max: max,
                        score: typed["scores.\(s.rawValue)"] ?? score.map(String.init) ?? "",
                        share: score.map {
                            max > 0 ? Percent.text(Rate(basisPoints: Int64($0) * 10_000 / Int64(max))) : "0"
                        }
                            ?? "")
                },
                shortfalls: shortfalls, hasShortfalls: !shortfalls.isEmpty,
                canScore: may && (state == .applied || state == .scored), canPublicize: may && state == .scored,
                canDecide: may && state == .publicized, publicityDays: p.publicityDays, error: error?.message,
                errorField: error?.field))
    }

    func gradingAction(req: Request) async throws -> Response {
        let user = try Self.user(req, .gradeFacilities)
        let id = try FacilityAPIController.id(req, "等级评定")
        let form = try req.content.decode([String: String].self)
        do {
            var scores: [String: Int] = [:]
            if form["action"] == GradingAction.score.rawValue {
                for s in FacilitySection.allCases {
                    let text = (form["scores.\(s.rawValue)"] ?? "").trimmedWhitespace
                    guard let v = Int(text) else {
                        throw Refusal.invalid("scores.\(s.rawValue)", "请填写“\(s.chinese)”得分（整数）")
                    }
                    scores[s.rawValue] = v
                }
            }
            _ = try await req.gradings.act(
                on: id,
                .init(
                    action: form["action"], version: form["version"].flatMap { Int($0) },
                    scores: scores.isEmpty ? nil : scores),
                by: user)
            return req.redirect(to: Route.grading.path(id))
        } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
            return try await renderGrading(req, error: error, typed: form).encodeResponse(
                status: error.status, for: req)
        }
    }
}
