import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// A person taken in as the intake form and the API send it (`POST /api/v1/station-cases`).
/// Times are `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, Beijing time.
struct StationIntake: Content, Sendable {
    /// The station's county (6 digits); the user's own region by default.
    var region: String?
    var name: String?
    var sex: String?
    var estimatedAge: Int?
    var heightCm: Int?
    var build: String?
    var dialect: String?
    var features: String?
    var clothing: String?
    var belongings: String?
    var foundBy: String?
    var foundPlace: String?
    var foundPlaceText: String?
    var foundAt: String?
    var intakeAt: String?
    var idNumber: String?
    var health: String?
    var mentalState: String?
    var intellect: String?
}

/// A case as its page and the API show it to the station's staff: everything, the sealed
/// fields opened, the stay, the checklist with what is missing, the photos, the notice.
struct StationCaseView: Content, Sendable {
    let summary: StationCaseSummary
    let regionName: String
    let heightCm: Int?
    let build: String?
    let dialect: String?
    let features: String?
    let clothing: String?
    let belongings: String?
    let foundPlace: String?
    let foundPlaceName: String?
    let foundAt: Date
    let foundAtText: String
    let intakeAtText: String
    let noticeDueText: String
    let privateFields: StationPrivate
    let outcomeOn: String?
    let escort: String?
    let destination: String?
    let relative: String?
    let institution: String?
    let outcomeNote: String?
    let createdBy: String
    let entries: [StationStore.Entry]
    let checklist: [CheckLine]
    let missing: [String]
    let photos: [StationStore.Photo]
    let notice: FamilySearchStore.Notice?
    let actions: [Choice]
    let open: Bool

    struct CheckLine: Content, Sendable {
        let code: String
        let name: String
        let done: Bool
        let doneBy: String?
        let doneAt: String?
        let note: String?
    }

    struct Choice: Content, Sendable {
        let code: String
        let name: String
    }
}

/// The assistance station's casework (救助管理) as one signed-in member of staff works it
/// (`handleFamilySearch`: district officers over their county, the city over all): intake, the
/// stay's entries, the service-standard checklist, photos, the public notice within the
/// deadline (only the publishable fields, matched at once), outcomes that close the stay and take
/// the notice down. Every write one audited transaction.
struct StationService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock
    let cipher: FieldCipher
    let regions: RegionTable
    /// Where the photos are kept: `station-photos` under the data folder.
    let folder: String
    /// Matches a new notice against the families' reports at once.
    let matcher: FamilySearchService
    let user: CurrentUser

    private var store: StationStore { StationStore(db: db) }

    func parameters() async throws -> StationParameters {
        try await PolicyStore(db: db).parameters(for: RegionTable.changzhou.value, month: clock.today.yearMonth).station
    }

    private func staff() throws { try user.require(.handleFamilySearch) }

    // MARK: Reads

    func list(filter: StationStore.Filter?, page: PageRequest) async throws -> Page<StationCaseSummary> {
        try staff()
        let hours = try await parameters().noticeDeadlineHours
        let now = clock.now
        let rows = try await store.list(
            within: user.scope, filter: filter, cutoff: now.addingTimeInterval(-TimeInterval(hours) * 3600),
            page: page)
        return Page(
            items: rows.items.map { summary($0, hours: hours, now: now) }, total: rows.total, page: rows.page.page,
            perPage: rows.page.perPage)
    }

    private func summary(_ r: StationStore.Row, hours: Int, now: Date) -> StationCaseSummary {
        StationCaseSummary(
            id: r.id, region: r.region, name: r.name, sex: r.sex, estimatedAge: r.estimatedAge,
            foundBy: r.foundBy.rawValue, foundByName: r.foundBy.chinese, foundPlaceText: r.foundPlaceText,
            intakeAt: r.intakeAt, intakeDay: BeijingTime.day(of: r.intakeAt).description, idMasked: r.idMasked,
            status: r.status.rawValue, statusName: r.status.chinese, noticeId: r.noticeId, noticeStatus: r.noticeStatus,
            noticeOverdue: StationNoticeRule.isOverdue(
                intakeAt: r.intakeAt, hours: hours, identified: r.idMasked != nil, noticed: r.noticeId != nil,
                open: r.status.isOpen, now: now),
            version: r.version)
    }

    private func row(_ id: UUID?) async throws -> StationStore.Row {
        try staff()
        guard let id, let found = try await store.find(id, within: user.scope) else {
            throw Refusal.notFound("救助个案")
        }
        return found
    }

    func view(_ id: UUID?) async throws -> StationCaseView {
        let r = try await row(id)
        let hours = try await parameters().noticeDeadlineHours
        let sealed = try JSONDecoder().decode(StationPrivate.self, from: Data(try cipher.decrypt(r.privateCipher).utf8))
        let ticks = Dictionary(uniqueKeysWithValues: try await store.ticks(case: r.id).map { ($0.check, $0) })
        let checklist = StationCheck.allCases.map { c in
            StationCaseView.CheckLine(
                code: c.rawValue, name: c.chinese, done: ticks[c] != nil, doneBy: ticks[c]?.doneBy,
                doneAt: ticks[c].map { BeijingTime.timestamp($0.doneAt) }, note: ticks[c]?.note)
        }
        var notice: FamilySearchStore.Notice?
        if let n = r.noticeId { notice = try await FamilySearchStore(db: db).notice(id: n) }
        return StationCaseView(
            summary: summary(r, hours: hours, now: clock.now),
            regionName: RegionCode(r.region).map(regions.fullName) ?? r.region, heightCm: r.heightCm, build: r.build,
            dialect: r.dialect, features: r.features, clothing: r.clothing, belongings: r.belongings,
            foundPlace: r.foundPlace, foundPlaceName: r.foundPlace.flatMap(RegionCode.init).map(regions.fullName),
            foundAt: r.foundAt, foundAtText: BeijingTime.timestamp(r.foundAt),
            intakeAtText: BeijingTime.timestamp(r.intakeAt),
            noticeDueText: BeijingTime.timestamp(StationNoticeRule.deadline(intakeAt: r.intakeAt, hours: hours)),
            privateFields: sealed, outcomeOn: r.outcomeOn, escort: r.escort, destination: r.destination,
            relative: r.relative, institution: r.institution, outcomeNote: r.outcomeNote, createdBy: r.createdBy,
            entries: try await store.entries(case: r.id, open: { try cipher.decrypt($0) }), checklist: checklist,
            missing: StationCheck.missing(ticked: Set(ticks.keys)).map(\.chinese),
            photos: try await store.photos(case: r.id), notice: notice,
            actions: r.status.actions.map { .init(code: $0.rawValue, name: $0.chinese) }, open: r.status.isOpen)
    }

    // MARK: Intake

    func intake(_ input: StationIntake) async throws -> StationCaseView {
        try staff()
        let now = clock.now
        let today = clock.today
        func line(_ v: String?, _ field: String, _ label: String, _ max: Int) throws -> String? {
            try RegistryInput.check { () throws(FieldProblem) in
                try InputRules.line(v, field: field, label: label, maximumLength: max, required: false)
            }
        }
        func text(_ v: String?, _ field: String, _ label: String) throws -> String? {
            try RegistryInput.check { () throws(FieldProblem) in
                try InputRules.text(v, field: field, label: label, maximumLength: 500)
            }
        }
        guard let foundBy = input.foundBy.flatMap(StationFoundBy.init(rawValue:)) else {
            throw Refusal.invalid("foundBy", "请选择来站方式（walkedIn、police、publicReport、cityManagement 或 other）")
        }
        let sex: String?
        switch input.sex {
        case nil, "", "unknown": sex = nil
        case let s?:
            guard Sex(rawValue: s) != nil else { throw Refusal.invalid("sex", "性别应为 male、female 或 unknown") }
            sex = s
        }
        if let age = input.estimatedAge, !(0...110).contains(age) {
            throw Refusal.invalid("estimatedAge", "估计年龄应在 0 至 110 岁之间")
        }
        if let h = input.heightCm, !(40...230).contains(h) {
            throw Refusal.invalid("heightCm", "身高应在 40 至 230 厘米之间")
        }
        let foundPlace = try line(input.foundPlace, "foundPlace", "发现地点（区划代码）", 12)
        if let foundPlace, RegionCode(foundPlace).flatMap(regions.name(of:)) == nil {
            throw Refusal.invalid("foundPlace", "发现地点应为本市的区划代码")
        }
        guard let placeText = try line(input.foundPlaceText, "foundPlaceText", "发现地点", 100) else {
            throw Refusal.invalid("foundPlaceText", "请填写发现地点")
        }
        func instant(_ text: String?, _ field: String) throws -> Date? {
            guard let text, !text.isEmpty else { return nil }
            guard let d = BeijingTime.instant(text) else {
                throw Refusal.invalid(field, "时间格式应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM")
            }
            guard d <= now else { throw Refusal.invalid(field, "时间不能晚于现在") }
            return d
        }
        let intakeAt = try instant(input.intakeAt, "intakeAt") ?? now
        let foundAt = try instant(input.foundAt, "foundAt") ?? intakeAt
        guard foundAt <= intakeAt else { throw Refusal.invalid("foundAt", "发现时间不能晚于入站时间") }
        guard BeijingTime.day(of: intakeAt) >= today.adding(days: -366) else {
            throw Refusal.invalid("intakeAt", "入站时间不能早于一年前")
        }
        let id: ResidentID? =
            try (input.idNumber ?? "").isEmpty
            ? nil
            : RegistryInput.check { () throws(FieldProblem) in
                try RegistryValidation.residentID(input.idNumber, today: today)
            }
        let region: RegionCode
        if let typed = input.region, !typed.isEmpty {
            guard let code = RegionCode(typed), code.level == .district || code == RegionTable.changzhou,
                regions.name(of: code) != nil
            else { throw Refusal.invalid("region", "救助站所在区应为本市区县的 6 位代码") }
            region = code
        } else if user.region.level == .district {
            region = user.region
        } else {
            region = foundPlace.flatMap { RegionCode(String($0.prefix(6))) } ?? user.region
        }
        guard user.region.contains(region) else { throw Refusal.invalid("region", "不在您的辖区内") }
        let sealed = StationPrivate(
            idNumber: id?.value, health: try text(input.health, "health", "健康状况"),
            mentalState: try text(input.mentalState, "mentalState", "精神状态"),
            intellect: try text(input.intellect, "intellect", "智力状况"))
        let row = StationStore.Row(
            id: UUID(), region: region.value, name: try line(input.name, "name", "姓名（自述）", 20), sex: sex,
            estimatedAge: input.estimatedAge, heightCm: input.heightCm, build: try line(input.build, "build", "体型", 20),
            dialect: try line(input.dialect, "dialect", "口音方言", 20),
            features: try text(input.features, "features", "体貌特征"),
            clothing: try text(input.clothing, "clothing", "衣着"),
            belongings: try text(input.belongings, "belongings", "随身物品"), foundBy: foundBy, foundPlace: foundPlace,
            foundPlaceText: placeText, foundAt: foundAt, intakeAt: intakeAt, idMasked: id?.masked,
            privateCipher: cipher.encrypt(String(decoding: try JSONEncoder().encode(sealed), as: UTF8.self)),
            status: .inStay, createdBy: user.displayName, version: 1)
        try await writer.transaction { tx, audit in
            try await StationStore(db: tx).insert(row, at: now)
            try await audit.record(
                "station.intake", entity: "station_case", id: row.id.uuidString, region: row.region,
                after: [
                    "foundBy": foundBy.rawValue, "sex": sex ?? "", "identified": id == nil ? "false" : "true",
                ])
        }
        return try await view(row.id)
    }

    // MARK: The stay

    struct EntryInput: Content {
        var kind: String?
        var on: String?
        var text: String?
    }

    private func openRow(_ id: UUID?) async throws -> StationStore.Row {
        let r = try await row(id)
        guard r.status.isOpen else { throw Refusal(.conflict, "该个案已\(r.status.chinese)，不能再登记", field: "status") }
        return r
    }

    func addEntry(_ id: UUID?, _ input: EntryInput) async throws -> StationCaseView {
        let r = try await openRow(id)
        guard let kind = input.kind.flatMap(StationStayEntryKind.init(rawValue:)) else {
            throw Refusal.invalid("kind", "类别应为 bed、meal 或 medical")
        }
        let day: CivilDate
        if let text = input.on, !text.isEmpty {
            guard let d = CivilDate(text) else { throw Refusal.invalid("on", "日期格式应为 YYYY-MM-DD") }
            day = d
        } else {
            day = clock.today
        }
        guard day <= clock.today, day >= BeijingTime.day(of: r.intakeAt) else {
            throw Refusal.invalid("on", "日期应在入站之后、不晚于今天")
        }
        guard
            let text = try RegistryInput.check({ () throws(FieldProblem) in
                try InputRules.text(input.text, field: "text", label: "内容", maximumLength: 500)
            })
        else { throw Refusal.invalid("text", "请填写内容") }
        let (now, name) = (clock.now, user.displayName)
        let sealed = cipher.encrypt(text)
        try await writer.transaction { tx, audit in
            try await StationStore(db: tx).addEntry(case: r.id, kind: kind, on: day, sealed: sealed, by: name, at: now)
            try await audit.record(
                "station.entry", entity: "station_case", id: r.id.uuidString, region: r.region,
                after: ["kind": kind.rawValue, "on": day.description])
        }
        return try await view(r.id)
    }

    struct CheckInput: Content {
        var check: String?
        var note: String?
    }

    func tick(_ id: UUID?, _ input: CheckInput) async throws -> StationCaseView {
        let r = try await openRow(id)
        guard let check = input.check.flatMap(StationCheck.init(rawValue:)) else {
            throw Refusal.invalid("check", "检查项应为服务规范清单中的一项")
        }
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.line(input.note, field: "note", label: "说明", maximumLength: 200, required: false)
        }
        let (now, name) = (clock.now, user.displayName)
        try await writer.transaction { tx, audit in
            guard try await StationStore(db: tx).tick(case: r.id, check, note: note, by: name, at: now) else {
                throw Refusal(.conflict, "“\(check.chinese)”已完成", field: "check")
            }
            try await audit.record(
                "station.check", entity: "station_case", id: r.id.uuidString, region: r.region,
                after: ["check": check.rawValue])
        }
        return try await view(r.id)
    }

    // MARK: Photos

    /// Keeps a JPEG or PNG photo of the person (a PDF is refused naming `file`); `face` makes it
    /// the notice's photo.
    func addPhoto(_ id: UUID?, fileName: String, bytes: Data, face: Bool) async throws -> StationCaseView {
        let r = try await row(id)
        let photo = UUID()
        let file = try StoredUpload.save(
            bytes, fileName: fileName, defaultName: "受助人员照片", cipher: cipher,
            at: folder + "/\(r.id.uuidString)/\(photo.uuidString)")
        guard file.kind == .jpeg || file.kind == .png else {
            file.discard()
            throw Refusal.invalid("file", "照片应为 JPEG 或 PNG")
        }
        let (now, name) = (clock.now, user.displayName)
        do {
            try await writer.transaction { tx, audit in
                try await StationStore(db: tx).addPhoto(file, id: photo, case: r.id, face: face, by: name, at: now)
                try await audit.record(
                    "station.photo", entity: "station_case", id: r.id.uuidString, region: r.region,
                    after: ["photo": photo.uuidString, "sha256": file.sha256, "face": face ? "true" : "false"])
            }
        } catch {
            file.discard()
            throw error
        }
        return try await view(r.id)
    }

    func markFace(_ id: UUID?, photo: UUID?) async throws -> StationCaseView {
        let r = try await row(id)
        guard let photo else { throw Refusal.notFound("照片") }
        try await writer.transaction { tx, audit in
            guard try await StationStore(db: tx).markFace(photo, case: r.id) else { throw Refusal.notFound("照片") }
            try await audit.record(
                "station.face", entity: "station_case", id: r.id.uuidString, region: r.region,
                after: ["photo": photo.uuidString])
        }
        return try await view(r.id)
    }

    /// A photo of a case the user may see, with its bytes.
    func photo(_ id: UUID?, photo: UUID?) async throws -> (StationStore.Photo, Data) {
        let r = try await row(id)
        guard let photo, let p = try await store.photos(case: r.id).first(where: { $0.id == photo }),
            let data = try StoredUpload.read(folder + "/\(r.id.uuidString)/\(photo.uuidString)", cipher: cipher)
        else { throw Refusal.notFound("照片") }
        return (p, data)
    }

    /// The face photo of a published notice, for anyone (nil otherwise: not published, taken
    /// down, no case, no face photo).
    static func publicPhoto(
        db: SQLDatabase, folder: String, cipher: FieldCipher, notice: UUID?
    ) async throws -> (
        StationStore.Photo, Data
    ) {
        guard let notice, let found = try await StationStore(db: db).publishedFace(notice: notice),
            let data = try StoredUpload.read(
                folder + "/\(found.caseID.uuidString)/\(found.photo.id.uuidString)", cipher: cipher)
        else { throw Refusal.notFound("照片") }
        return (found.photo, data)
    }

    // MARK: The notice

    /// The 寻亲公告 of an unidentified person in the stay, with only what may be published (never
    /// the ID number, health, mental state, bed or stay), matched against every report at once.
    func publishNotice(_ id: UUID?) async throws -> FamilySearchStore.Notice {
        let r = try await openRow(id)
        guard r.noticeId == nil else { throw Refusal(.conflict, "该个案已发布寻亲公告", field: "notice") }
        guard r.idMasked == nil else {
            throw Refusal(.conflict, "身份已查明（有身份证号），无需发布寻亲公告", field: "idNumber")
        }
        let features = [r.build.map { "体型\($0)" }, r.features].compactMap { $0 }.joined(separator: "；")
        let input = FamilySearchInput(
            name: r.name, sex: r.sex, estimatedAge: r.estimatedAge, heightCm: r.heightCm, dialect: r.dialect,
            foundOn: BeijingTime.day(of: r.foundAt).description, place: r.foundPlace, placeText: r.foundPlaceText,
            features: features.isEmpty ? nil : features, clothing: r.clothing)
        let profile = try input.profile(side: .found, today: clock.today)
        let notice = UUID()
        let (now, name) = (clock.now, user.displayName)
        let draft = FamilySearchStore.NoticeDraft(
            profile: profile, stationRegion: r.region, foundPlaceText: r.foundPlaceText, clothing: r.clothing)
        let top = try await matcher.matchesForNewRecord(profile)
        try await writer.transaction { tx, audit in
            let notices = FamilySearchStore(db: tx)
            try await notices.insertNotice(draft, id: notice, at: now)
            try await notices.link(notice: notice, toCase: r.id)
            _ = try await StationStore(db: tx).tick(
                case: r.id, .familySearchNotice, note: "系统：发布寻亲公告", by: name, at: now)
            try await audit.record(
                "station.notice", entity: "station_case", id: r.id.uuidString, region: r.region,
                after: ["notice": notice.uuidString])
            try await audit.record(
                "familySearch.notice", entity: "family_search_notice", id: notice.uuidString, region: r.region,
                after: ["sex": profile.sex?.rawValue ?? "", "foundOn": profile.date?.description ?? ""])
            _ = try await matcher.record(top, of: .found, id: notice, tx: tx, audit: audit, region: r.region, at: now)
        }
        return try await FamilySearchStore(db: db).notice(id: notice)!
    }

    // MARK: Outcomes

    struct OutcomeInput: Content {
        var action: String?
        var version: Int?
        var on: String?
        var escort: String?
        var destination: String?
        var relative: String?
        var institution: String?
        var note: String?
    }

    /// Records an outcome (`StationCaseStatus.after`); one that closes the stay takes the notice
    /// down (the person is identified or placed; the notice's history kept).
    func outcome(_ id: UUID?, _ input: OutcomeInput) async throws -> StationCaseView {
        let r = try await row(id)
        guard let action = input.action.flatMap(StationCaseStatus.Action.init(rawValue:)) else {
            throw Refusal.invalid("action", "去向应为 returnHome、handToFamily、holdLongTerm 或 transferToCare")
        }
        let fields = try RegistryInput.check { () throws(FieldProblem) in
            StationCaseStatus.OutcomeFields(
                escort: try InputRules.line(
                    input.escort, field: "escort", label: "护送人", maximumLength: 50, required: false),
                destination: try InputRules.line(
                    input.destination, field: "destination", label: "目的地", maximumLength: 100, required: false),
                relative: try InputRules.line(
                    input.relative, field: "relative", label: "领回家属", maximumLength: 50, required: false),
                institution: try InputRules.line(
                    input.institution, field: "institution", label: "托养机构", maximumLength: 100, required: false))
        }
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.note, field: "note", label: "说明", maximumLength: 500)
        }
        let status = try r.status.after(action, fields).get()
        guard let version = input.version else { throw Refusal.invalid("version", "缺少 version（当前版本号）") }
        guard version == r.version else { throw Refusal.staleVersion(current: r.version) }
        var day = clock.today
        if let text = input.on, !text.isEmpty {
            guard let d = CivilDate(text), d <= clock.today, d >= BeijingTime.day(of: r.intakeAt) else {
                throw Refusal.invalid("on", "日期格式应为 YYYY-MM-DD，在入站之后、不晚于今天")
            }
            day = d
        }
        let outcomeDay = day
        let now = clock.now
        try await writer.transaction { tx, audit in
            guard
                try await StationStore(db: tx).outcome(
                    r.id, version: version, status: status, fields, on: status.isOpen ? nil : outcomeDay, note: note,
                    at: now)
            else { throw Refusal.staleVersion(current: version + 1) }
            try await audit.record(
                "station.outcome", entity: "station_case", id: r.id.uuidString, region: r.region,
                before: ["status": r.status.rawValue], after: ["status": status.rawValue, "on": outcomeDay.description])
            if !status.isOpen, let notice = r.noticeId, try await FamilySearchStore(db: tx).takeDown(notice: notice) {
                try await audit.record(
                    "station.takeDown", entity: "family_search_notice", id: notice.uuidString, region: r.region,
                    after: ["status": "identified", "case": r.id.uuidString])
            }
        }
        return try await view(r.id)
    }
}

extension Request {
    func station() throws -> StationService {
        StationService(
            db: sql, writer: writer, clock: platform.clock, cipher: platform.cipher, regions: platform.regions,
            folder: Self.stationFolder(platform.config), matcher: familySearch, user: try user)
    }

    static func stationFolder(_ config: AppConfig) -> String { UploadFolder.stationPhotos.path(config) }
}

extension Application {
    func station(as user: CurrentUser, actor: AuditActor) -> StationService {
        StationService(
            db: sql, writer: writer(actor: actor), clock: platform.clock, cipher: platform.cipher,
            regions: platform.regions, folder: Request.stationFolder(platform.config),
            matcher: familySearch(actor: actor), user: user)
    }
}
