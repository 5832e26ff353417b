import Foundation
import MinzhengCore
import Vapor

/// A notice as the public sees it (寻亲公告): only what may be published — never an ID number,
/// health, the bed or the stay — with the station and its phone. A taken-down notice shows
/// only that it was taken down (已找到亲人 or 已撤下), nothing of the person.
struct FamilySearchPublicNotice: Content, Sendable {
    let id: UUID
    let status: String
    let statusName: String
    let takenDown: Bool
    let name: String?
    let sex: String?
    let sexName: String?
    let estimatedAge: Int?
    let heightCm: Int?
    let dialect: String?
    let foundPlace: String?
    let foundPlaceName: String?
    let foundPlaceText: String?
    let foundOn: String?
    let features: String?
    let clothing: String?
    let stationName: String
    let stationPhone: String

    init(_ n: FamilySearchStore.Notice, regions: RegionTable, phone: String) {
        id = n.id
        status = n.status
        takenDown = n.status != "published"
        statusName = n.status == "published" ? "寻亲中" : n.status == "identified" ? "已找到亲人" : "已撤下"
        let station = RegionCode(n.stationRegion) ?? RegionTable.changzhou
        stationName =
            (station == RegionTable.changzhou
                ? "常州市" : "常州市" + regions.fullName(of: station, below: RegionTable.changzhou).replacing(" ", with: ""))
            + "救助管理站"
        stationPhone = phone
        let shown = takenDown ? nil : n
        name = shown?.name
        sex = shown?.sex
        sexName = shown?.sex.flatMap(Sex.init(rawValue:))?.chinese ?? (shown == nil ? nil : "不详")
        estimatedAge = shown?.estimatedAge
        heightCm = shown?.heightCm
        dialect = shown?.dialect
        foundPlace = shown?.foundPlace
        foundPlaceName = shown?.foundPlace.flatMap(RegionCode.init).map {
            regions.fullName(of: $0, below: RegionTable.changzhou)
        }
        foundPlaceText = shown?.foundPlaceText
        foundOn = shown?.foundOn
        features = shown?.features
        clothing = shown?.clothing
    }
}

extension Request {
    func publicNotice(_ n: FamilySearchStore.Notice) -> FamilySearchPublicNotice {
        FamilySearchPublicNotice(n, regions: platform.regions, phone: platform.config.stationPhone)
    }
}

/// The public notice pages (no sign-in, phone-sized, no script): `/family-search/notices` (the
/// search by sex, age, height, where and when found, newest first) and `/family-search/notices/{id}`;
/// and `GET /api/v1/family-search/public-notices` with the same filters.
struct FamilySearchPublicPageController: RouteCollection {
    struct ListPage: Encodable {
        let layout: LayoutContext
        let query: FamilySearchService.PublicQuery
        let notices: [FamilySearchPublicNotice]
        let total: Int
        let picker: RegionPicker
        let pager: Pager?
        let error: String?
        let errorField: String?
    }

    struct ShowPage: Encodable {
        let layout: LayoutContext
        let notice: FamilySearchPublicNotice
        /// The station chose a face photo for the notice (`GET /family-search/notices/{id}/photo`).
        let hasPhoto: Bool
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.familySearchNotices.pattern) { req async throws -> Response in
            let user = req.auth.get(CurrentUser.self)
            var query = try req.query.decode(FamilySearchService.PublicQuery.self)
            var refusal: Refusal?
            var page: Page<FamilySearchStore.Notice>
            do {
                page = try await req.familySearch.publicNotices(query)
            } catch let r as Refusal where r.status == .badRequest {
                refusal = r
                query.page = nil
                page = try await req.familySearch.publicNotices(.init())
            }
            var picker = RegionPicker(
                emptyLabel: "全市", table: req.platform.regions, within: RegionTable.changzhou,
                levels: [.district, .street], selected: query.region)
            picker.invalid = refusal?.field == "region"
            return try await req.view.render(
                "family-search/notices",
                ListPage(
                    layout: LayoutContext(request: req, title: "寻亲公告", user: user), query: query,
                    notices: page.items.map(req.publicNotice), total: page.total, picker: picker,
                    pager: page.total > page.perPage
                        ? Pager.make(path: Route.familySearchNotices.path, filters: query.links, result: page) : nil,
                    error: refusal?.message, errorField: refusal?.field)
            ).encodeResponse(status: refusal?.status ?? .ok, for: req)
        }
        routes.get(Route.familySearchNotice.pattern) { req async throws -> View in
            let notice = try await req.familySearch.publicNotice(req.parameters.get("id", as: UUID.self))
            return try await req.view.render(
                "family-search/notice",
                ShowPage(
                    layout: LayoutContext(
                        request: req, title: "寻亲公告", user: req.auth.get(CurrentUser.self)),
                    notice: req.publicNotice(notice),
                    hasPhoto: try await StationStore(db: req.sql).publishedFace(notice: notice.id) != nil))
        }
    }

    /// The public JSON: open like the pages.
    static func registerOpen(on app: Application) {
        app.get(Route.API.familySearchPublicNotices.pattern) { req async throws -> Page<FamilySearchPublicNotice> in
            let page = try await req.familySearch.publicNotices(
                try req.query.decode(FamilySearchService.PublicQuery.self))
            return Page(
                items: page.items.map(req.publicNotice), total: page.total, page: page.page, perPage: page.perPage)
        }
    }
}

/// A family's pages after sign-in (a resident): `/family-search/reports` (its reports and the
/// registration form), `/family-search/reports/{id}` (the report, its status, its matches with the
/// notices' public fields and why, its photos and the upload), the photo itself (the family and
/// staff with `handleFamilySearch`); and the caseworkers' queue `/family-search/queue` with the
/// confirm, reject and reunite forms.
struct FamilySearchPageController: RouteCollection {
    /// The registration form as the page posts it: every field text, numbers read here.
    struct ReportForm: Content, Sendable {
        var name: String?
        var nicknames: String?
        var sex: String?
        var birthDate: String?
        var age: String?
        var heightCm: String?
        var dialect: String?
        var homeRegion: String?
        var lostOn: String?
        var place: String?
        var placeText: String?
        var features: String?
        var contactName: String?
        var contactPhone: String?

        func input() throws -> FamilySearchInput {
            func number(_ s: String?, _ field: String, _ label: String) throws -> Int? {
                let t = s?.trimmingCharacters(in: .whitespaces) ?? ""
                guard !t.isEmpty else { return nil }
                guard let n = Int(t) else { throw Refusal.invalid(field, "\(label)应为整数") }
                return n
            }
            let blank = { (s: String?) -> String? in
                let t = s?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                return t.isEmpty ? nil : t
            }
            let nicks = (nicknames ?? "").split(whereSeparator: { "、,，;； ".contains($0) }).map(String.init)
            return FamilySearchInput(
                name: blank(name), nicknames: nicks, sex: blank(sex), age: try number(age, "age", "走失时年龄"),
                birthDate: blank(birthDate), heightCm: try number(heightCm, "heightCm", "身高"), dialect: blank(dialect),
                homeRegion: blank(homeRegion), lostOn: blank(lostOn), place: blank(place), placeText: blank(placeText),
                features: blank(features), contactName: blank(contactName), contactPhone: blank(contactPhone))
        }
    }

    struct ReportsPage: Encodable {
        let layout: LayoutContext
        let reports: [ReportRow]
        let form: ReportForm
        let picker: RegionPicker
        let fromNotice: FamilySearchPublicNotice?
        let today: String
        let error: String?
        let errorField: String?
    }

    struct ReportRow: Encodable {
        let id: UUID
        let title: String
        let sexName: String
        let lostOn: String
        let statusName: String
    }

    struct MatchRow: Encodable {
        let id: UUID
        let status: String
        let statusName: String
        let confirmed: Bool
        let evidence: String?
        let reunitedOn: String?
        let why: [String]
        let notice: FamilySearchPublicNotice?
    }

    struct ReportPage: Encodable {
        let layout: LayoutContext
        let report: FamilySearchStore.Report
        let title: String
        let sexName: String
        let lostPlaceName: String?
        let statusName: String
        let matches: [MatchRow]
        let photos: [FamilySearchStore.Photo]
        let done: String?
        let error: String?
        let errorField: String?
        /// The receipt's number (受理编号), for 办件查询.
        let receiptNumber: String?
    }

    struct QueueRow: Encodable {
        let id: UUID
        let version: Int
        let scorePercent: Int
        let why: [String]
        let evidence: String?
        let decidedBy: String?
        let notice: FamilySearchPublicNotice?
        let report: FamilySearchStore.Report?
        let reportTitle: String
        let reportSexName: String
        let reportLostPlaceName: String?
        let photos: [FamilySearchStore.Photo]
        let error: String?
        let errorField: String?
    }

    struct QueuePage: Encodable {
        let layout: LayoutContext
        let proposed: [QueueRow]
        let confirmed: [QueueRow]
        let today: String
        let done: String?
        let error: String?
    }

    static func statusName(ofReport status: String) -> String {
        ["open": "寻找中", "reunited": "已团聚"][status] ?? status
    }

    static func title(_ r: FamilySearchStore.Report) -> String {
        let name = r.name ?? r.nicknames.first ?? "（未填姓名）"
        let nicks = r.name == nil ? Array(r.nicknames.dropFirst()) : r.nicknames
        return nicks.isEmpty ? name : "\(name)（小名 \(nicks.joined(separator: "、"))）"
    }

    static func sexName(_ s: String?) -> String { s.flatMap(Sex.init(rawValue:))?.chinese ?? "不详" }

    static func placeName(_ req: Request, _ code: String?) -> String? {
        code.flatMap(RegionCode.init).map { req.platform.regions.fullName(of: $0, below: RegionTable.changzhou) }
    }

    /// A reason without its weight, as a family reads it: "姓名同音同调（+5.2）" → "姓名同音同调".
    static func plain(_ why: String) -> String {
        why.replacing(/（[+-]?[0-9.]+）$/, with: "")
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.familySearchReports.pattern) { req async throws -> View in
            try await Self.renderReports(req, form: ReportForm(), error: nil)
        }
        routes.post(Route.familySearchReports.pattern) { req async throws -> Response in
            let form = try req.content.decode(ReportForm.self)
            do {
                let report = try await req.familySearch.register(try form.input(), user: try req.user)
                return req.redirect(to: Route.familySearchReport.path(report.id) + "?done=registered")
            } catch let error as Refusal where error.status != .forbidden {
                return try await Self.renderReports(req, form: form, error: error).encodeResponse(
                    status: error.status, for: req)
            }
        }
        routes.get(Route.familySearchReport.pattern) { req async throws -> View in
            try await Self.renderReport(req, error: nil)
        }
        routes.on(.POST, Route.familySearchReportPhotos.pattern, body: .collect(maxSize: "11mb")) {
            req async throws -> Response in
            let id = req.parameters.get("id", as: UUID.self)
            struct Upload: Content { var file: File? }
            do {
                guard let file = try req.content.decode(Upload.self).file, file.data.readableBytes > 0 else {
                    throw Refusal.invalid("file", "请选择走失者的照片")
                }
                _ = try await req.familySearch.addPhoto(
                    to: id, fileName: file.filename, bytes: Data(buffer: file.data), user: try req.user)
                return req.redirect(to: Route.familySearchReport.path(id ?? UUID()) + "?done=photo")
            } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
                return try await Self.renderReport(req, error: error).encodeResponse(status: error.status, for: req)
            }
        }
        routes.get(Route.familySearchReportPhoto.pattern) { req async throws -> Response in
            let (p, data) = try await req.familySearch.photo(
                req.parameters.get("photo", as: UUID.self), of: req.parameters.get("id", as: UUID.self),
                user: try req.user)
            return FileDownload.inline(data, type: p.contentType)
        }
        routes.get(Route.familySearchQueue.pattern) { req async throws -> View in
            try await Self.renderQueue(req, failed: nil)
        }
        routes.post(Route.familySearchDecision.pattern) { req async throws -> Response in
            let id = req.parameters.get("id", as: UUID.self)
            struct Form: Content {
                var action: String?
                var version: String?
                var evidence: String?
                var reunitedOn: String?
            }
            let form = try req.content.decode(Form.self)
            do {
                let decision = FamilySearchService.Decision(
                    action: form.action, version: form.version.flatMap { Int($0) },
                    evidence: form.evidence?.trimmingCharacters(in: .whitespacesAndNewlines),
                    reunitedOn: form.reunitedOn)
                _ = try await req.familySearch.decide(id, decision, user: try req.user)
                return req.redirect(to: Route.familySearchQueue.path + "?done=\(form.action ?? "")")
            } catch let error as Refusal where error.status != .notFound && error.status != .forbidden {
                return try await Self.renderQueue(req, failed: (id, error)).encodeResponse(
                    status: error.status, for: req)
            }
        }
    }

    static func renderReports(_ req: Request, form: ReportForm, error: Refusal?) async throws -> View {
        let user = try req.user
        let reports = try await req.familySearch.ownReports(user: user)
        let fromNotice = try await req.query[UUID.self, at: "notice"].asyncMap {
            try? await req.familySearch.publicNotice($0)
        }.flatMap { $0 }.map(req.publicNotice).flatMap { $0.takenDown ? nil : $0 }
        var picker = RegionPicker(
            id: "f-place", field: "place", emptyLabel: "请选择（不清楚可不选）", table: req.platform.regions,
            within: RegionTable.changzhou, levels: [.district, .street], selected: form.place)
        picker.invalid = error?.field == "place"
        return try await req.view.render(
            "family-search/reports",
            ReportsPage(
                layout: LayoutContext(request: req, title: "寻亲登记", user: user),
                reports: reports.map {
                    ReportRow(
                        id: $0.id, title: title($0), sexName: sexName($0.sex), lostOn: $0.lostOn ?? "",
                        statusName: statusName(ofReport: $0.status))
                }, form: form, picker: picker, fromNotice: fromNotice, today: req.today.description,
                error: error?.message, errorField: error?.field))
    }

    static func renderReport(_ req: Request, error: Refusal?) async throws -> View {
        let user = try req.user
        let view = try await req.familySearch.ownReport(req.parameters.get("id", as: UUID.self), user: user)
        let done = req.query[String.self, at: "done"].flatMap {
            ["registered": "寻亲登记已提交，系统已与在发布的寻亲公告比对。", "photo": "照片已上传。"][$0]
        }
        let r = view.report
        return try await req.view.render(
            "family-search/report",
            ReportPage(
                layout: LayoutContext(request: req, title: "寻亲登记：\(title(r))", user: user), report: r,
                title: title(r), sexName: sexName(r.sex), lostPlaceName: placeName(req, r.lostPlace),
                statusName: statusName(ofReport: r.status),
                matches: view.matches.map { m in
                    let status = FamilySearchMatchStatus(rawValue: m.match.status) ?? .proposed
                    return MatchRow(
                        id: m.match.id, status: status.rawValue,
                        statusName: status == .proposed ? "待民政部门核实" : status.chinese,
                        confirmed: status == .confirmed || status == .reunited,
                        evidence: status == .proposed ? nil : m.match.evidence, reunitedOn: m.match.reunitedOn,
                        why: m.match.why.map(plain), notice: m.notice.map(req.publicNotice))
                }, photos: view.photos, done: done, error: error?.message, errorField: error?.field,
                receiptNumber: try await ReceiptStore(db: req.sql).number(.familySearch, record: r.id)))
    }

    static func renderQueue(_ req: Request, failed: (id: UUID?, refusal: Refusal)?) async throws -> View {
        let user = try req.user
        let (proposed, confirmed) = try await req.familySearch.queueEntries(user: user)
        let done = req.query[String.self, at: "done"].flatMap {
            ["confirm": "已确认为同一人，家属在寻亲登记中可见。", "reject": "已排除。", "reunite": "已登记团聚，寻亲登记办结，公告撤下。"][$0]
        }
        func row(_ e: FamilySearchService.QueueEntry) -> QueueRow {
            let mine = failed?.id == e.match.id
            return QueueRow(
                id: e.match.id, version: e.match.version, scorePercent: Int((e.match.score * 100).rounded()),
                why: e.match.why, evidence: e.match.evidence, decidedBy: e.match.decidedBy,
                notice: e.notice.map(req.publicNotice), report: e.report, reportTitle: e.report.map(title) ?? "",
                reportSexName: sexName(e.report?.sex), reportLostPlaceName: placeName(req, e.report?.lostPlace),
                photos: e.photos, error: mine ? failed?.refusal.message : nil,
                errorField: mine ? failed?.refusal.field : nil)
        }
        return try await req.view.render(
            "family-search/queue",
            QueuePage(
                layout: LayoutContext(request: req, title: "寻亲比对", user: user), proposed: proposed.map(row),
                confirmed: confirmed.map(row), today: req.today.description, done: done,
                error: failed?.refusal.message))
    }
}
