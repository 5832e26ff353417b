import Foundation
import MinzhengCore
import MinzhengDemo
import SQLKit
import Vapor

/// The fields of a notice or a report as the API takes them (`POST /api/v1/family-search/matches`,
/// `…/notices`, `…/reports`): a found person has `estimatedAge` and `foundOn`, a lost one
/// `birthDate` or `age` and `lostOn`.
struct FamilySearchInput: Content, Sendable {
    var name: String?
    var nicknames: [String]?
    var sex: String?
    var estimatedAge: Int?
    var age: Int?
    var birthDate: String?
    var heightCm: Int?
    var dialect: String?
    var homeRegion: String?
    var foundOn: String?
    var lostOn: String?
    var place: String?
    var placeText: String?
    var features: String?
    var clothing: String?
    var contactName: String?
    var contactPhone: String?
    var limit: Int?

    /// The profile, checked; `side` nil takes it from which date is given (lostOn: a report).
    func profile(side: FamilySearchProfile.Side?, today: CivilDate) throws -> FamilySearchProfile {
        let side = side ?? (lostOn != nil ? .lost : .found)
        func date(_ text: String?, _ field: String) throws -> CivilDate? {
            guard let text, !text.isEmpty else { return nil }
            guard let d = CivilDate(text) else { throw Refusal.invalid(field, "日期格式应为 YYYY-MM-DD") }
            return d
        }
        let parsedSex: Sex?
        switch sex {
        case nil, "", "unknown": parsedSex = nil
        case let s?:
            guard let parsed = Sex(rawValue: s) else { throw Refusal.invalid("sex", "性别应为 male、female 或 unknown") }
            parsedSex = parsed
        }
        let text = { (value: String?, field: String, label: String, max: Int) throws -> String? in
            try RegistryInput.check { () throws(FieldProblem) in
                try InputRules.line(value, field: field, label: label, maximumLength: max, required: false)
            }
        }
        let region = try text(place, "place", "地点（区划代码）", 12)
        if let region, !region.allSatisfy(\.isNumber) { throw Refusal.invalid("place", "地点应为区划代码（数字）") }
        let home = try text(homeRegion, "homeRegion", "籍贯（区划代码）", 12)
        if let home, !home.allSatisfy(\.isNumber) { throw Refusal.invalid("homeRegion", "籍贯应为区划代码（数字）") }
        return try FamilySearchProfile(
            side: side, name: text(name, "name", "姓名", 12),
            nicknames: try (nicknames ?? []).compactMap { try text($0, "nicknames", "小名", 12) }, sex: parsedSex,
            birthDate: date(birthDate, "birthDate"), age: side == .found ? estimatedAge : (age ?? estimatedAge),
            heightCm: heightCm, dialect: text(dialect, "dialect", "方言口音", 20), homeRegion: home, place: region,
            date: date(side == .found ? foundOn : lostOn, side == .found ? "foundOn" : "lostOn"),
            features: RegistryInput.check { () throws(FieldProblem) in
                try InputRules.text(features, field: "features", label: "体貌特征", maximumLength: 500)
            }
        ).validated(today: today)
    }
}

/// A candidate the matcher answers: the other side's record, the score (a calibrated
/// probability, 0…1) and why, strongest reason first.
struct FamilySearchCandidateJSON: Content, Sendable, Equatable {
    let id: UUID
    let score: Double
    let why: [String]
}

/// The model every score is computed with: EM over the candidate pairs of a generated set
/// (`FamilySearchSynthetic.startingModel`), once per process.
enum FamilySearchModel {
    static let current: MatchModel = FamilySearchSynthetic.startingModel(
        today: CivilDate(year: 2026, month: 1, day: 1)!)
}

/// 寻亲: staff enter notices and run the matcher, families register reports and see their matches,
/// caseworkers confirm with evidence and record the reunion. Every write audited.
struct FamilySearchService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock
    let cipher: FieldCipher
    /// Where the photos on families' reports are kept: `family-search` under the data folder.
    let folder: String
    /// The reports' blocks kept between queries; nil reads every query's from the database.
    /// Only ever given to a service reading outside a transaction (see the cache).
    let blocks: FamilySearchBlockCache?
    var model: MatchModel = FamilySearchModel.current

    typealias Ranked = RankedCandidate<UUID>

    /// Scores `query` against the other side on file: the best `limit`, best first (ties by id).
    func candidates(_ query: FamilySearchProfile, limit: Int = 10) async throws -> [Ranked] {
        let prepared = PreparedProfile(query)
        let others = try await Self.candidates(
            of: query.side == .found ? .report : .notice, keys: prepared.blockingKeys(query: true),
            names: prepared.comparesNames, store: FamilySearchStore(db: db), blocks: blocks)
        return model.top(limit, for: prepared, among: others)
    }

    /// The other side's records under `keys`, prepared (`names: false` for a query without a
    /// name), each once: the reports' blocks from `blocks` where kept at their key's current
    /// version, the rest read and kept. The versions are read first, so a block read after a
    /// change is kept under the older number and read again next time: never stale, at worst
    /// read twice.
    static func candidates(
        of side: FamilySearchStore.Side, keys: [String], names: Bool, store: FamilySearchStore,
        blocks: FamilySearchBlockCache?
    ) async throws -> [RankingCandidate<UUID>] {
        guard side == .report, let blocks else {
            return prepared(try await store.candidates(of: side, keys: keys), names: names)
        }
        let versions = try await store.blockVersions(keys)
        var found: [[RankingCandidate<UUID>]] = []
        var missing: [String] = []
        for key in keys {
            if let kept = blocks.candidates(.init(key: key, names: names), version: versions[key] ?? 0) {
                found.append(kept)
            } else {
                missing.append(key)
            }
        }
        let read = try await store.blocks(of: .report, keys: missing)
        for key in missing {
            let block = prepared(read[key] ?? [], names: names)
            blocks.keep(block, as: .init(key: key, names: names), version: versions[key] ?? 0)
            found.append(block)
        }
        guard found.count > 1 else { return found.first ?? [] }
        // A report is filed under the birth bands either side of its year: some are in two blocks.
        var seen = Set<UUID>()
        return found.joined().filter { seen.insert($0.id).inserted }
    }

    /// Reads the broad blocks of the reports (those a query without a name meets) into the kept
    /// blocks, a few keys at a time: at start-up, so that the first such notices do not wait for
    /// them. Answers how many blocks and candidates are kept after it.
    @discardableResult
    func warm() async throws -> (candidates: Int, blocks: Int) {
        guard let blocks else { return (0, 0) }
        let store = FamilySearchStore(db: db)
        let keys = try await store.broadReportKeys()
        for start in stride(from: 0, to: keys.count, by: 16) {
            try Task.checkCancellation()
            _ = try await Self.candidates(
                of: .report, keys: Array(keys[start..<min(start + 16, keys.count)]), names: false, store: store,
                blocks: blocks)
        }
        return blocks.size
    }

    /// Records read for ranking, prepared once; `names: false` for queries without a name.
    static func prepared(
        _ records: [(id: UUID, profile: FamilySearchProfile)], names: Bool
    )
        -> [RankingCandidate<UUID>]
    {
        records.map {
            RankingCandidate(id: $0.id, profile: PreparedProfile($0.profile, names: names), tie: TieKey($0.id))
        }
    }

    /// `POST /api/v1/family-search/matches`: staff only, stores nothing.
    func search(_ input: FamilySearchInput, user: CurrentUser) async throws -> [FamilySearchCandidateJSON] {
        try user.require(.handleFamilySearch)
        let limit = min(max(input.limit ?? 10, 1), 100)
        let profile = try input.profile(side: nil, today: clock.today)
        return try await candidates(profile, limit: limit).map {
            FamilySearchCandidateJSON(id: $0.id, score: Self.rounded($0.score), why: model.why($0.vector))
        }
    }

    static func rounded(_ score: Double) -> Double { (score * 1000).rounded() / 1000 }

    /// The candidates a new record is matched with (`record` keeps those from the proposal
    /// threshold). Read before the record's transaction, through the kept blocks: the new record
    /// changes only its own side.
    func matchesForNewRecord(_ profile: FamilySearchProfile) async throws -> [Ranked] {
        try await candidates(profile, limit: 20)
    }

    /// Records `top` (the other side's candidates of `id`) from the proposal threshold; answers how many are new.
    func record(
        _ top: [Ranked], of side: FamilySearchProfile.Side, id: UUID, tx: SQLDatabase, audit: AuditRecorder,
        region: String, at now: Date
    ) async throws -> Int {
        var new = 0
        for c in top where c.score >= FamilySearchThresholds.propose {
            let (notice, report) = side == .found ? (id, c.id) : (c.id, id)
            if try await FamilySearchStore(db: tx).upsertMatch(
                notice: notice, report: report, score: Self.rounded(c.score), why: model.why(c.vector), at: now)
            {
                new += 1
                try await audit.record(
                    "familySearch.match", entity: "family_search_match", id: "\(notice)/\(report)", region: region,
                    after: [
                        "notice": notice.uuidString, "report": report.uuidString, "score": "\(Self.rounded(c.score))",
                    ])
            }
        }
        return new
    }

    /// A station's notice of a person taken in, published at once and matched against every report.
    func publishNotice(_ input: FamilySearchInput, user: CurrentUser) async throws -> FamilySearchStore.Notice {
        try user.require(.handleFamilySearch)
        var entered = try input.profile(side: .found, today: clock.today)
        if entered.date == nil { entered.date = clock.today }
        let profile = entered
        let clothing = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.clothing, field: "clothing", label: "衣着", maximumLength: 200)
        }
        let (id, now, region) = (UUID(), clock.now, user.region.value)
        let draft = FamilySearchStore.NoticeDraft(
            profile: profile, stationRegion: region, foundPlaceText: input.placeText, clothing: clothing)
        let top = try await matchesForNewRecord(profile)
        try await writer.transaction { tx, audit in
            try await FamilySearchStore(db: tx).insertNotice(draft, id: id, at: now)
            try await audit.record(
                "familySearch.notice", entity: "family_search_notice", id: id.uuidString, region: region,
                after: ["sex": profile.sex?.rawValue ?? "", "foundOn": profile.date?.description ?? ""])
            _ = try await record(top, of: .found, id: id, tx: tx, audit: audit, region: region, at: now)
        }
        return try await FamilySearchStore(db: db).notice(id: id)!
    }

    /// A family's report (the signed-in resident's own), matched against every notice at once.
    func register(_ input: FamilySearchInput, user: CurrentUser) async throws -> FamilySearchStore.Report {
        try user.require(.selfService)
        let profile = try input.profile(side: .lost, today: clock.today)
        guard profile.name != nil || !profile.nicknames.isEmpty else {
            throw Refusal.invalid("name", "请填写走失者的姓名或小名")
        }
        guard profile.sex != nil else { throw Refusal.invalid("sex", "请选择走失者的性别") }
        guard profile.date != nil else { throw Refusal.invalid("lostOn", "请填写走失日期") }
        let contactName = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.line(input.contactName, field: "contactName", label: "联系人", maximumLength: 30)
        }!
        let phone = try RegistryInput.check { () throws(FieldProblem) in
            try RegistryValidation.phone(input.contactPhone, field: "contactPhone")
        }
        guard let phone else { throw Refusal.invalid("contactPhone", "请填写联系电话") }
        let (id, now, region) = (UUID(), clock.now, user.region.value)
        let draft = FamilySearchStore.ReportDraft(
            profile: profile, lostPlaceText: input.placeText, contactName: contactName,
            contactCipher: cipher.encrypt(phone), contactMasked: RegistryValidation.maskPhone(phone))
        let top = try await matchesForNewRecord(profile)
        try await writer.transaction { tx, audit in
            try await FamilySearchStore(db: tx).insertReport(draft, id: id, owner: user.id, at: now)
            try await audit.record(
                "familySearch.report", entity: "family_search_report", id: id.uuidString, region: region,
                after: ["sex": profile.sex?.rawValue ?? "", "lostOn": profile.date?.description ?? ""])
            _ = try await record(top, of: .lost, id: id, tx: tx, audit: audit, region: region, at: now)
        }
        return try await FamilySearchStore(db: db).report(id: id)!
    }

    /// A family's own report with its possible and confirmed matches (the notices' public
    /// fields) and its photos; another family's report answers 404. A proposed match whose notice
    /// was taken down (the person found by another family) is not shown: its details are no
    /// longer public.
    struct ReportView: Content {
        let report: FamilySearchStore.Report
        let matches: [MatchView]
        let photos: [FamilySearchStore.Photo]
    }

    struct MatchView: Content {
        let match: FamilySearchStore.Match
        let notice: FamilySearchStore.Notice?
    }

    func ownReport(_ id: UUID?, user: CurrentUser) async throws -> ReportView {
        try user.require(.selfService)
        let store = FamilySearchStore(db: db)
        guard let id, let report = try await store.report(id: id, owner: user.id) else {
            throw Refusal.notFound("寻亲登记")
        }
        var views: [MatchView] = []
        for m in try await store.matches(report: report.id) {
            let notice = try await store.notice(id: m.noticeId)
            if m.status == FamilySearchMatchStatus.proposed.rawValue, notice?.status != "published" { continue }
            views.append(MatchView(match: m, notice: notice))
        }
        return ReportView(report: report, matches: views, photos: try await store.photos(report: report.id))
    }

    func ownReports(user: CurrentUser) async throws -> [FamilySearchStore.Report] {
        try user.require(.selfService)
        return try await FamilySearchStore(db: db).reports(owner: user.id)
    }

    /// The caseworkers' queue of proposed matches, best first.
    func queue(user: CurrentUser) async throws -> [FamilySearchStore.Match] {
        try user.require(.handleFamilySearch)
        return try await FamilySearchStore(db: db).proposedMatches(minimum: FamilySearchThresholds.propose, limit: 200)
    }

    struct Decision: Content {
        var action: String?
        var version: Int?
        var evidence: String?
        var reunitedOn: String?
    }

    /// Confirm (with the police's DNA or face result as evidence), reject, or record the reunion.
    func decide(_ id: UUID?, _ d: Decision, user: CurrentUser) async throws -> FamilySearchStore.Match {
        try user.require(.handleFamilySearch)
        let store = FamilySearchStore(db: db)
        guard let id, let match = try await store.match(id: id) else { throw Refusal.notFound("寻亲比对") }
        guard let action = d.action.flatMap(FamilySearchMatchStatus.Action.init(rawValue:)) else {
            throw Refusal.invalid("action", "action 应为 confirm、reject 或 reunite")
        }
        let evidence = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(d.evidence, field: "evidence", label: "依据", maximumLength: 500)
        }
        let current = FamilySearchMatchStatus(rawValue: match.status) ?? .proposed
        let status = try current.after(action, evidence: evidence).get()
        guard let version = d.version else { throw Refusal.invalid("version", "缺少 version（当前版本号）") }
        guard version == match.version else { throw Refusal.staleVersion(current: match.version) }
        var reunion: CivilDate?
        if status == .reunited {
            if let text = d.reunitedOn, !text.isEmpty {
                guard let day = CivilDate(text), day <= clock.today else {
                    throw Refusal.invalid("reunitedOn", "团聚日期格式应为 YYYY-MM-DD，且不晚于今天")
                }
                reunion = day
            } else {
                reunion = clock.today
            }
        }
        let reunitedOn = reunion
        let (name, now, region) = (user.displayName, clock.now, user.region.value)
        try await writer.transaction { tx, audit in
            let store = FamilySearchStore(db: tx)
            guard
                try await store.decide(
                    match: id, version: version, status: status.rawValue, evidence: evidence, by: name,
                    reunitedOn: reunitedOn, at: now)
            else { throw Refusal.staleVersion(current: version + 1) }
            if status == .reunited { try await store.close(report: match.reportId, notice: match.noticeId) }
            // Identified: the notice comes down (its history kept).
            if status == .confirmed { _ = try await store.takeDown(notice: match.noticeId) }
            try await audit.record(
                "familySearch.\(action.rawValue)", entity: "family_search_match", id: id.uuidString, region: region,
                before: ["status": match.status],
                after: [
                    "status": status.rawValue, "evidence": evidence ?? "", "reunitedOn": reunitedOn?.description ?? "",
                ])
        }
        return try await store.match(id: id)!
    }

    struct RematchOutcome: Content, Equatable {
        var notices = 0
        var newMatches = 0
    }

    /// The nightly rematch: every published notice against every open report (through the
    /// blocking index), new pairs above the threshold recorded, proposed ones re-scored. Notices
    /// with the same blocking keys are scored together, so that each block of reports is read and
    /// prepared once: those without a name share a few broad blocks (sex, age band, dialect) of
    /// thousands of reports each, which read once per notice were nearly all of the run's time.
    func rematch() async throws -> RematchOutcome {
        var outcome = RematchOutcome()
        let store = FamilySearchStore(db: db)
        var notices: [FamilySearchStore.Notice] = []
        while true {
            let page = try await store.publishedNotices(after: notices.last?.id, limit: 1000)
            guard !page.isEmpty else { break }
            notices += page
        }
        let now = clock.now
        var pending: [Found] = []
        func flush() async throws {
            guard !pending.isEmpty else { return }
            let batch = pending
            outcome.newMatches += try await writer.transaction { tx, audit in
                var n = 0
                for (notice, top) in batch {
                    n += try await record(
                        top, of: .found, id: notice.id, tx: tx, audit: audit, region: notice.stationRegion, at: now)
                }
                return n
            }
            pending = []
        }
        let groups = Dictionary(grouping: notices.map { ($0, PreparedProfile($0.profile)) }) {
            $0.1.blockingKeys(query: true)
        }
        .sorted(by: { $0.key.joined() < $1.key.joined() })
        // One group per core at a time: a group's reading waits on the database and its ranking
        // keeps one core busy, so the run was bound to one of the cores.
        var waiting = groups.makeIterator()
        try await withThrowingTaskGroup(of: (notices: Int, found: [Found]).self) { running in
            let (store, model, blocks) = (store, model, blocks)
            func start() {
                guard let (keys, group) = waiting.next() else { return }
                running.addTask { try await Self.rank(group, keys: keys, store: store, blocks: blocks, model: model) }
            }
            for _ in 0..<max(ProcessInfo.processInfo.activeProcessorCount, 1) { start() }
            while let ranked = try await running.next() {
                pending += ranked.found
                outcome.notices += ranked.notices
                if pending.count >= 200 { try await flush() }
                start()
            }
        }
        try await flush()
        return outcome
    }

    typealias Found = (notice: FamilySearchStore.Notice, top: [Ranked])

    /// The notices of one blocking group ranked against the reports of its keys, read and
    /// prepared once: those with a candidate from the proposal threshold.
    private static func rank(
        _ group: [(FamilySearchStore.Notice, PreparedProfile)], keys: [String], store: FamilySearchStore,
        blocks: FamilySearchBlockCache?, model: MatchModel
    ) async throws -> (notices: Int, found: [Found]) {
        let names = group.contains { $0.1.comparesNames }
        let reports = try await candidates(of: .report, keys: keys, names: names, store: store, blocks: blocks)
        let found = group.compactMap { notice, query -> Found? in
            let top = model.top(20, for: query, among: reports)
            return top.contains(where: { $0.score >= FamilySearchThresholds.propose }) ? (notice, top) : nil
        }
        return (group.count, found)
    }
}

extension Request {
    var familySearch: FamilySearchService {
        FamilySearchService(
            db: sql, writer: writer, clock: platform.clock, cipher: platform.cipher,
            folder: UploadFolder.familySearch.path(platform.config), blocks: application.familySearchBlocks)
    }
}

extension Application {
    func familySearch(actor: AuditActor) -> FamilySearchService {
        FamilySearchService(
            db: sql, writer: writer(actor: actor), clock: platform.clock, cipher: platform.cipher,
            folder: UploadFolder.familySearch.path(platform.config), blocks: familySearchBlocks)
    }

    private struct FamilySearchBlocksKey: StorageKey { typealias Value = FamilySearchBlockCache }

    /// The matcher's kept blocks of this process (`MINZHENG_FAMILY_SEARCH_CACHE`); nil when 0.
    var familySearchBlocks: FamilySearchBlockCache? {
        get { storage[FamilySearchBlocksKey.self] }
        set { storage[FamilySearchBlocksKey.self] = newValue }
    }
}
