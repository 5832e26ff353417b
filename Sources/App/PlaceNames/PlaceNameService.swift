import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The place-name office of a district or the city (地名管理): proposals of new names and
/// renamings checked against the register of the county (`PlaceNameRules`), spelt in pinyin
/// (`PlaceNameRomanisation`, or as the officer corrects it), then publicised, approved,
/// announced — each step one audited transaction.
struct PlaceNameService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock
    let regions: RegionTable
    let user: CurrentUser

    init(db: SQLDatabase, writer: AuditedWriter, clock: PlatformClock, regions: RegionTable, user: CurrentUser) throws {
        try user.require(.managePlaceNames)
        (self.db, self.writer, self.clock, self.regions, self.user) = (db, writer, clock, regions, user)
    }

    private var store: PlaceNameStore { PlaceNameStore(db: db) }

    struct Draft: Content {
        var name: String?
        var category: String?
        /// The county (6 digits) or street (9) the place is in.
        var region: String?
        /// The register's pinyin, when the generated one is not the place's own.
        var pinyin: String?
        var meaning: String?
        var history: String?
        var latitude: Double?
        var longitude: Double?
        var red: Bool?
        var redStory: String?
        /// Why a guarded word (国际, 中心 …) is used.
        var basis: String?
        /// The announced name this one renames.
        var replaces: UUID?
    }

    struct Step: Content {
        var action: String?
        var version: Int?
        var publicityEnds: String?
        var approvingBody: String?
        var note: String?
    }

    func list(_ filter: PlaceNameStore.Filter, page: PageRequest) async throws -> Page<PlaceNameRecord> {
        try await store.list(within: user.scope, filter, page: page)
    }

    func record(_ id: UUID?) async throws -> PlaceNameRecord {
        guard let id, let found = try await store.record(id: id, within: user.scope) else {
            throw Refusal.notFound("地名")
        }
        return found
    }

    func propose(_ draft: Draft) async throws -> PlaceNameRecord {
        guard let category = draft.category.flatMap(PlaceNameCategory.init(rawValue:)) else {
            throw Refusal.invalid(
                "category", "地名类别应为 " + PlaceNameCategory.allCases.map(\.rawValue).joined(separator: "、"))
        }
        guard let region = draft.region.flatMap(RegionCode.init), region.value.count >= 6,
            regions.name(of: region) != nil, region.value.hasPrefix(RegionTable.changzhou.value)
        else {
            throw Refusal.invalid("region", "应为本市的县（市、区）或街道（镇）代码")
        }
        guard user.region.contains(region) else { throw Refusal.invalid("region", "不在您的辖区内") }
        let county = String(region.value.prefix(6))
        let (meaning, history, redStory, basis, typedPinyin) = try RegistryInput.check {
            () throws(FieldProblem) in
            (
                try InputRules.text(draft.meaning, field: "meaning", label: "含义"),
                try InputRules.text(draft.history, field: "history", label: "历史沿革"),
                try InputRules.text(draft.redStory, field: "redStory", label: "红色地名故事"),
                try InputRules.line(draft.basis, field: "basis", label: "依据", maximumLength: 200, required: false),
                try InputRules.line(draft.pinyin, field: "pinyin", label: "拼音", maximumLength: 120, required: false)
            )
        }
        if let latitude = draft.latitude, !(-90...90).contains(latitude) {
            throw Refusal.invalid("latitude", "纬度应在 -90 至 90 之间")
        }
        if let longitude = draft.longitude, !(-180...180).contains(longitude) {
            throw Refusal.invalid("longitude", "经度应在 -180 至 180 之间")
        }
        if draft.red == true, redStory == nil { throw Refusal.invalid("redStory", "红色地名应写明其故事") }
        if let replaces = draft.replaces {
            let old = try await record(replaces)
            guard old.status == PlaceNameStatus.announced.rawValue, old.category == category.rawValue,
                old.county == county
            else {
                throw Refusal.invalid("replaces", "只能为本县（市、区）同类、已公告的地名更名")
            }
        }
        let name = (draft.name ?? "").trimmedWhitespace
        let soundKey =
            PlaceNameRomanisation.soundKey(name) ?? typedPinyin.map(PlaceNameRomanisation.soundKey(ofSpelling:))
        let neighbours = try await store.neighbours(county: county, category: category)
        let parts = try PlaceNameRules.check(
            name: name, category: category, basis: basis, soundKey: soundKey, neighbours: neighbours
        ).mapError(Self.refusal).get()
        let spelling: PlaceNameRomanisation.Spelling
        if let typedPinyin {
            spelling = .init(register: typedPinyin, sign: PlaceNameRomanisation.withoutMarks(typedPinyin))
        } else {
            spelling = try PlaceNameRomanisation.spell(
                specific: parts.specific, generic: parts.generic, category: category
            ).mapError(Self.refusal).get()
        }
        guard let soundKey else { throw Refusal.invalid("pinyin", "名称中有无读音数据的字，请填写拼音 pinyin") }
        let proposal = PlaceNameStore.Proposal(
            id: UUID(), county: county, region: region.value, category: category, name: name, parts: parts,
            spelling: spelling, soundKey: soundKey, meaning: meaning, history: history, latitude: draft.latitude,
            longitude: draft.longitude, red: draft.red ?? false, redStory: redStory, basis: basis,
            replaces: draft.replaces, proposedBy: user.displayName)
        let now = clock.now
        try await writer.transaction { tx, audit in
            guard try await PlaceNameStore(db: tx).insert(proposal, at: now) else {
                throw Refusal.invalid("name", "本县（市、区）同类地名中刚刚登记了同音的名称，请刷新后重试")
            }
            try await audit.record(
                "placeName.propose", entity: "place_name", id: proposal.id.uuidString, region: region.value,
                after: [
                    "name": name, "category": category.rawValue, "pinyin": spelling.register,
                    "replaces": draft.replaces?.uuidString ?? "",
                ])
        }
        return try await record(proposal.id)
    }

    func take(_ id: UUID?, _ input: Step) async throws -> PlaceNameRecord {
        let current = try await record(id)
        guard let step = input.action.flatMap(PlaceNameStep.init(rawValue:)) else {
            throw Refusal.invalid("action", "操作应为 " + PlaceNameStep.allCases.map(\.rawValue).joined(separator: "、"))
        }
        guard let version = input.version else { throw Refusal.invalid("version", "缺少 version（当前版本号）") }
        guard version == current.version else { throw Refusal.staleVersion(current: current.version) }
        let today = clock.today
        let fields = try Self.stepFields(step, input, today: today)
        let status = try step.next(
            from: PlaceNameStatus(rawValue: current.status) ?? .proposed,
            publicityEnds: fields.publicityEnds ?? current.publicityEnds.flatMap(CivilDate.init), today: today
        ).get()
        let (body, note) = (fields.approvingBody, fields.note)
        let (now, written) = (clock.now, fields)
        try await writer.transaction { tx, audit in
            let store = PlaceNameStore(db: tx)
            guard try await store.step(id: current.id, version: version, to: status, written, at: now) else {
                throw Refusal.staleVersion(current: version + 1)
            }
            try await audit.record(
                "placeName.\(step.rawValue)", entity: "place_name", id: current.id.uuidString, region: current.region,
                before: ["status": current.status],
                after: [
                    "status": status.rawValue, "name": current.name, "note": note ?? "", "approvingBody": body ?? "",
                ])
            if step == .announce, let old = current.replacesId {
                try await store.markRenamed(old, at: now)
                try await audit.record(
                    "placeName.renamed", entity: "place_name", id: old.uuidString, region: current.region,
                    after: ["status": PlaceNameStatus.renamed.rawValue, "newName": current.name])
            }
        }
        return try await record(current.id)
    }

    /// What a step writes, checked: the publicity's last day, the approving body (required to
    /// approve), the note (required to reject or retire), the day of approval or announcement.
    /// Shared with the street-seat moves, which take the same steps.
    static func stepFields(_ step: PlaceNameStep, _ input: Step, today: CivilDate) throws -> PlaceNameStore.StepFields {
        var fields = PlaceNameStore.StepFields()
        if step == .publicise {
            guard let text = input.publicityEnds, let ends = CivilDate(text) else {
                throw Refusal.invalid("publicityEnds", "公示截止日期应为 YYYY-MM-DD")
            }
            fields.publicityEnds = ends
        }
        let (body, note) = try RegistryInput.check { () throws(FieldProblem) in
            (
                try InputRules.line(
                    input.approvingBody, field: "approvingBody", label: "批准机关", maximumLength: 100,
                    required: step == .approve),
                try InputRules.text(input.note, field: "note", label: "说明")
            )
        }
        if step == .reject || step == .retire, note == nil {
            throw Refusal.invalid("note", "\(step.chinese)应写明理由")
        }
        fields.approvingBody = body
        fields.note = note
        if step == .approve { fields.approvedOn = today }
        if step == .announce { fields.announcedOn = today }
        return fields
    }

    struct NewSign: Content {
        var kind: String?
        var location: String?
        var installedOn: String?
    }

    struct Inspection: Content {
        var condition: String?
        var inspectedOn: String?
        var note: String?
    }

    func signs(_ id: UUID?) async throws -> [PlaceNameSignRecord] {
        try await PlaceNameSignStore(db: db).signs(of: try await record(id).id)
    }

    /// A sign put up for an announced name (a sign shows a standard name, never a proposal).
    func addSign(_ id: UUID?, _ input: NewSign) async throws -> PlaceNameSignRecord {
        let name = try await record(id)
        guard name.status == PlaceNameStatus.announced.rawValue else {
            throw Refusal(.conflict, "只有已公告的标准地名才能设置地名标志", field: "status")
        }
        guard let kind = input.kind.flatMap(PlaceNameSignKind.init(rawValue:)) else {
            throw Refusal.invalid("kind", "标志种类应为 " + PlaceNameSignKind.allCases.map(\.rawValue).joined(separator: "、"))
        }
        let location = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.line(input.location, field: "location", label: "设置位置", maximumLength: 200)
        }
        guard let text = input.installedOn, let installed = CivilDate(text), installed <= clock.today else {
            throw Refusal.invalid("installedOn", "设置日期应为不晚于今天的 YYYY-MM-DD")
        }
        let signID = UUID()
        let now = clock.now
        try await writer.transaction { tx, audit in
            try await PlaceNameSignStore(db: tx).insert(
                id: signID, placeName: name.id, region: name.region, kind: kind, location: location ?? "",
                installedOn: installed, at: now)
            try await audit.record(
                "placeName.sign.add", entity: "place_name", id: name.id.uuidString, region: name.region,
                after: ["sign": signID.uuidString, "kind": kind.rawValue, "location": location ?? ""])
        }
        return try await sign(signID)
    }

    /// One sign of one's region, read by its id (after a write: the name's other signs are not read).
    private func sign(_ id: UUID) async throws -> PlaceNameSignRecord {
        guard let found = try await PlaceNameSignStore(db: db).sign(id: id, within: user.scope) else {
            throw Refusal.notFound("地名标志")
        }
        return found.sign
    }

    func inspect(_ signID: UUID?, _ input: Inspection) async throws -> PlaceNameSignRecord {
        let store = PlaceNameSignStore(db: db)
        guard let signID, let found = try await store.sign(id: signID, within: user.scope) else {
            throw Refusal.notFound("地名标志")
        }
        guard let condition = input.condition.flatMap(PlaceNameSignCondition.init(rawValue:)) else {
            throw Refusal.invalid(
                "condition", "检查结果应为 " + PlaceNameSignCondition.allCases.map(\.rawValue).joined(separator: "、"))
        }
        let day =
            try input.inspectedOn.map { text in
                guard let d = CivilDate(text), d <= clock.today, d >= CivilDate(found.sign.installedOn) ?? d else {
                    throw Refusal.invalid("inspectedOn", "检查日期应在设置日期与今天之间")
                }
                return d
            } ?? clock.today
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.note, field: "note", label: "检查情况")
        }
        if condition.needsRepair, note == nil { throw Refusal.invalid("note", "标志需维护时应写明情况") }
        let (name, now) = (user.displayName, clock.now)
        try await writer.transaction { tx, audit in
            try await PlaceNameSignStore(db: tx).inspect(
                sign: signID, on: day, condition: condition, note: note, by: name, at: now)
            try await audit.record(
                "placeName.sign.inspect", entity: "place_name", id: found.sign.placeNameId.uuidString,
                region: found.region,
                after: ["sign": signID.uuidString, "condition": condition.rawValue, "on": day.description])
        }
        return try await sign(signID)
    }

    static func refusal(_ problem: PlaceNameProblem) -> Refusal {
        Refusal.invalid(problem.field, problem.message)
    }
}

extension Request {
    func placeNames() throws -> PlaceNameService {
        try PlaceNameService(db: sql, writer: writer, clock: platform.clock, regions: platform.regions, user: try user)
    }
}
