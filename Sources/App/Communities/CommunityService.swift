import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The community division and the streets (基层政权和社区建设处, 街道): the two committees of each
/// community by term with members and training, the community workers and their stars, and the
/// streets' social-work stations — each write one audited transaction, every read scoped by the
/// user's region (another street's record is a 404).
struct CommunityService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock
    let cipher: FieldCipher
    let regions: RegionTable
    let user: CurrentUser

    init(
        db: SQLDatabase, writer: AuditedWriter, clock: PlatformClock, cipher: FieldCipher, regions: RegionTable,
        user: CurrentUser
    ) throws {
        try user.require(.manageCommunities)
        (self.db, self.writer, self.clock, self.cipher, self.regions, self.user) =
            (db, writer, clock, cipher, regions, user)
    }

    private var store: CommunityStore { CommunityStore(db: db, regions: regions) }

    func starParameters() async throws -> StarParameters {
        try await PolicyStore(db: db).parameters(for: user.region.value, month: clock.today.yearMonth).stars
    }

    // MARK: Who: a registry person or an outsider

    /// A member's or worker's identity: a registry person of the user's region (their sealed ID
    /// copied), or an outsider's name and ID number, sealed here.
    struct Identity: Sendable {
        let personID: UUID?
        let name: String
        let cipher: String
        let index: String
        let masked: String
    }

    func identity(personId: String?, name: String?, idNumber: String?) async throws -> Identity {
        if let text = personId?.trimmedWhitespace, !text.isEmpty {
            guard let id = UUID(uuidString: text),
                let row = try await db.raw(
                    """
                    SELECT name, id_cipher, id_index, id_masked FROM persons
                    WHERE id = \(bind: id) AND \(user.scope.condition("region"))
                    """
                ).first()
            else { throw Refusal.invalid("personId", "不在您辖区的人员档案中") }
            return Identity(
                personID: id, name: try row.decode(column: "name", as: String.self),
                cipher: try row.decode(column: "id_cipher", as: String.self),
                index: try row.decode(column: "id_index", as: String.self),
                masked: try row.decode(column: "id_masked", as: String.self))
        }
        let today = clock.today
        let (checkedName, id) = try RegistryInput.check { () throws(FieldProblem) in
            (
                try RegistryValidation.name(name, field: "name"),
                try RegistryValidation.residentID(idNumber, today: today, field: "idNumber")
            )
        }
        return Identity(
            personID: nil, name: checkedName, cipher: cipher.encrypt(id.value), index: cipher.blindIndex(id.value),
            masked: id.masked)
    }

    private func day(_ text: String?, field: String, label: String, notAfterToday: Bool = true) throws -> CivilDate {
        guard let text = text?.trimmedWhitespace, let day = CivilDate(text) else {
            throw Refusal.invalid(field, "\(label)应为 YYYY-MM-DD")
        }
        if notAfterToday, day > clock.today { throw Refusal.invalid(field, "\(label)不能晚于今天") }
        return day
    }

    private func community(_ text: String?, field: String = "community") throws -> RegionCode {
        guard let code = text.map(\.trimmedWhitespace).flatMap(RegionCode.init), code.level == .community,
            regions.isKnownOrCommunityOfKnownStreet(code), RegionTable.changzhou.contains(code)
        else { throw Refusal.invalid(field, "应为本市社区（村）的 12 位区划代码") }
        guard user.region.contains(code) else { throw Refusal.invalid(field, "不在您的辖区内") }
        return code
    }

    // MARK: Committees

    struct NewCommittee: Content {
        var community: String?
        /// `residents` (居委会) or `villagers` (村委会).
        var kind: String?
        var termStart: String?
        /// Default: five years after the start, less a day.
        var termEnd: String?
        var electedOn: String?
    }

    func committees(community: String?, page: PageRequest) async throws -> Page<CommitteeRecord> {
        try await store.committees(
            within: user.scope, community: community.map(\.trimmedWhitespace).flatMap { $0.isEmpty ? nil : $0 },
            page: page)
    }

    func committee(_ id: UUID?) async throws -> CommitteeRecord {
        guard let id, let found = try await store.committee(id: id, within: user.scope) else {
            throw Refusal.notFound("社区两委")
        }
        return found
    }

    func createCommittee(_ input: NewCommittee) async throws -> CommitteeRecord {
        let code = try community(input.community)
        guard let kind = input.kind.flatMap(CommitteeBody.init(rawValue:)), kind != .party else {
            throw Refusal.invalid("kind", "应为 residents（居民委员会）或 villagers（村民委员会）")
        }
        let start = try day(input.termStart, field: "termStart", label: "任期起始日期", notAfterToday: false)
        let end =
            try input.termEnd.map { try day($0, field: "termEnd", label: "任期届满日期", notAfterToday: false) }
            ?? CivilDate(year: start.year + 5, month: start.month, day: min(start.day, 28))!.adding(days: -1)
        guard end > start else { throw Refusal.invalid("termEnd", "任期届满日期应晚于起始日期") }
        let elected = try day(input.electedOn, field: "electedOn", label: "选举日期")
        guard elected <= start.adding(days: 90) else { throw Refusal.invalid("electedOn", "选举日期应在任期开始前后") }
        if let other = try await store.overlappingTerm(community: code.value, start: start, end: end) {
            throw Refusal(.conflict, "该社区 \(other) 起的任期与此任期重叠", field: "termStart")
        }
        let new = CommunityStore.NewCommittee(
            id: UUID(), community: code.value, kind: kind, termStart: start, termEnd: end, electedOn: elected,
            createdBy: user.displayName)
        let now = clock.now
        let regions = self.regions
        try await writer.transaction { tx, audit in
            try await CommunityStore(db: tx, regions: regions).insertCommittee(new, at: now)
            try await audit.record(
                "community.committee.create", entity: "community_committee", id: new.id.uuidString,
                region: code.value,
                after: [
                    "kind": kind.rawValue, "termStart": start.description, "termEnd": end.description,
                    "electedOn": elected.description,
                ])
        }
        return try await committee(new.id)
    }

    struct NewMember: Content {
        var personId: String?
        var name: String?
        var idNumber: String?
        /// `party`, or the committee's own kind (`residents` / `villagers`).
        var body: String?
        var post: String?
    }

    func addMember(committee id: UUID?, _ input: NewMember) async throws -> CommitteeMemberRecord {
        let c = try await committee(id)
        guard let body = input.body.flatMap(CommitteeBody.init(rawValue:)), body == .party || body.rawValue == c.kind
        else { throw Refusal.invalid("body", "应为 party（党组织）或 \(c.kind)（\(c.kindName)）") }
        guard let post = input.post.flatMap(CommitteePost.init(rawValue:)) else {
            throw Refusal.invalid(
                "post", "职务应为 " + CommitteePost.allCases.map { "\($0.rawValue)（\($0.chinese)）" }.joined(separator: "、"))
        }
        let who = try await identity(personId: input.personId, name: input.name, idNumber: input.idNumber)
        let member = CommunityStore.NewMember(
            id: UUID(), committee: c.id, community: c.community, name: who.name, body: body, post: post,
            personID: who.personID, cipher: who.cipher, index: who.index, masked: who.masked)
        let now = clock.now
        let regions = self.regions
        try await writer.transaction { tx, audit in
            guard try await CommunityStore(db: tx, regions: regions).insertMember(member, at: now) else {
                throw Refusal(.conflict, "此人已是本届\(body.chinese)成员", field: "idNumber")
            }
            try await audit.record(
                "community.member.add", entity: "committee_member", id: member.id.uuidString, region: c.community,
                after: [
                    "committee": c.id.uuidString, "name": who.name, "id": who.masked, "body": body.rawValue,
                    "post": post.rawValue,
                ])
        }
        return try await self.member(member.id)
    }

    func member(_ id: UUID?) async throws -> CommitteeMemberRecord {
        guard let id, let found = try await store.member(id: id, within: user.scope) else {
            throw Refusal.notFound("两委成员")
        }
        return found
    }

    struct NewTraining: Content {
        var course: String?
        var trainedOn: String?
        var hours: Int?
    }

    func addTraining(member id: UUID?, _ input: NewTraining) async throws -> CommitteeMemberRecord {
        let m = try await member(id)
        let course = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.line(input.course, field: "course", label: "培训课程", maximumLength: 100) ?? ""
        }
        let on = try day(input.trainedOn, field: "trainedOn", label: "培训日期")
        guard let hours = input.hours, (1...200).contains(hours) else {
            throw Refusal.invalid("hours", "学时应为 1–200 的整数")
        }
        let trainingID = UUID()
        let now = clock.now
        let regions = self.regions
        try await writer.transaction { tx, audit in
            try await CommunityStore(db: tx, regions: regions).insertTraining(
                id: trainingID, member: m.id, course: course, on: on, hours: hours, at: now)
            try await audit.record(
                "community.member.train", entity: "committee_member", id: m.id.uuidString, region: m.community,
                after: ["course": course, "trainedOn": on.description, "hours": String(hours)])
        }
        return try await member(m.id)
    }

    func untrainedNewMembers(page: PageRequest) async throws -> Page<CommitteeMemberRecord> {
        try await store.untrainedNewMembers(within: user.scope, today: clock.today, page: page)
    }

    // MARK: Workers

    struct NewWorker: Content {
        /// The community (12 digits) or street (9) the worker serves.
        var region: String?
        var personId: String?
        var name: String?
        var idNumber: String?
        var startedOn: String?
        var qualification: String?
    }

    struct WorkerQuery: Content {
        var region: String?
        var qualification: String?
        var stars: String?
        var q: String?
        var page: Int?
        var perPage: Int?

        var filters: [String: String?] {
            ["region": region, "qualification": qualification, "stars": stars, "q": q]
        }
    }

    /// The page of workers and, over the whole filtered list, how many hold each number of stars.
    struct WorkerList: Content {
        let items: [WorkerRecord]
        let total: Int
        let page: Int
        let perPage: Int
        /// Index 0 is 1 star … index 4 is 5 stars.
        let byStars: [Int]
        let asOf: String
    }

    func workers(_ q: WorkerQuery) async throws -> WorkerList {
        var f = CommunityStore.WorkerFilter()
        if let r = q.region?.trimmedWhitespace, !r.isEmpty {
            guard RegionCode(r) != nil else { throw Refusal.invalid("region", "应为区划代码") }
            f.region = r
        }
        if let text = q.qualification, !text.isEmpty {
            guard let qualification = SocialWorkQualification(rawValue: text) else {
                throw Refusal.invalid("qualification", "未知的职业资格 \(text)")
            }
            f.qualification = qualification
        }
        var starFilter: Int?
        if let text = q.stars?.trimmedWhitespace, !text.isEmpty {
            guard let stars = Int(text), (1...5).contains(stars) else { throw Refusal.invalid("stars", "星级应为 1–5") }
            starFilter = stars
        }
        f.nameContains = q.q.map(\.trimmedWhitespace).flatMap { $0.isEmpty ? nil : $0 }
        let today = clock.today
        let all = try await store.workers(within: user.scope, f, asOf: today, try await starParameters())
        var byStars = [0, 0, 0, 0, 0]
        for w in all { byStars[w.stars.stars - 1] += 1 }
        let filtered = starFilter.map { s in all.filter { $0.stars.stars == s } } ?? all
        let page = try PageRequest(page: q.page, perPage: q.perPage).clamped(total: filtered.count)
        return WorkerList(
            items: Array(filtered.dropFirst(page.offset).prefix(page.perPage)), total: filtered.count, page: page.page,
            perPage: page.perPage, byStars: byStars, asOf: today.description)
    }

    func worker(_ id: UUID?) async throws -> WorkerRecord {
        guard let id,
            let found = try await store.worker(
                id: id, within: user.scope, asOf: clock.today, try await starParameters())
        else { throw Refusal.notFound("社区工作者") }
        return found
    }

    func createWorker(_ input: NewWorker) async throws -> WorkerRecord {
        guard let region = input.region.map(\.trimmedWhitespace).flatMap(RegionCode.init),
            region.level == .community || region.level == .street, regions.isKnownOrCommunityOfKnownStreet(region),
            RegionTable.changzhou.contains(region)
        else { throw Refusal.invalid("region", "应为本市社区（12 位）或街道（9 位）区划代码") }
        guard user.region.contains(region) else { throw Refusal.invalid("region", "不在您的辖区内") }
        let started = try day(input.startedOn, field: "startedOn", label: "入职日期")
        guard let qualification = SocialWorkQualification(rawValue: input.qualification ?? "none") else {
            throw Refusal.invalid(
                "qualification",
                "职业资格应为 "
                    + SocialWorkQualification.allCases.map { "\($0.rawValue)（\($0.chinese)）" }.joined(separator: "、"))
        }
        let who = try await identity(personId: input.personId, name: input.name, idNumber: input.idNumber)
        let new = CommunityStore.NewWorker(
            id: UUID(), region: region.value, name: who.name, personID: who.personID, cipher: who.cipher,
            index: who.index, masked: who.masked, startedOn: started, qualification: qualification)
        let now = clock.now
        let regions = self.regions
        try await writer.transaction { tx, audit in
            guard try await CommunityStore(db: tx, regions: regions).insertWorker(new, at: now) else {
                throw Refusal(.conflict, "此人已登记为社区工作者", field: "idNumber")
            }
            try await audit.record(
                "community.worker.create", entity: "community_worker", id: new.id.uuidString, region: region.value,
                after: [
                    "name": who.name, "id": who.masked, "startedOn": started.description,
                    "qualification": qualification.rawValue,
                ])
        }
        return try await worker(new.id)
    }

    struct NewEvaluation: Content {
        var year: Int?
        var outcome: String?
    }

    func evaluate(worker id: UUID?, _ input: NewEvaluation) async throws -> WorkerRecord {
        let w = try await worker(id)
        let startedYear = CivilDate(w.startedOn)?.year ?? 0
        guard let year = input.year, year >= startedYear, year <= clock.today.year else {
            throw Refusal.invalid("year", "考核年度应在入职年度（\(startedYear)）至今年之间")
        }
        guard let outcome = input.outcome.flatMap(WorkerEvaluation.init(rawValue:)) else {
            throw Refusal.invalid(
                "outcome",
                "考核结果应为 " + WorkerEvaluation.allCases.map { "\($0.rawValue)（\($0.chinese)）" }.joined(separator: "、"))
        }
        let now = clock.now
        let regions = self.regions
        try await writer.transaction { tx, audit in
            guard
                try await CommunityStore(db: tx, regions: regions).insertEvaluation(
                    worker: w.id, year: year, outcome: outcome, at: now)
            else { throw Refusal(.conflict, "\(year) 年度的考核已记录", field: "year") }
            try await audit.record(
                "community.worker.evaluate", entity: "community_worker", id: w.id.uuidString, region: w.region,
                after: ["year": String(year), "outcome": outcome.rawValue])
        }
        return try await worker(w.id)
    }

    struct NewAward: Content {
        var level: String?
        var title: String?
        var awardedOn: String?
    }

    func award(worker id: UUID?, _ input: NewAward) async throws -> WorkerRecord {
        let w = try await worker(id)
        guard let level = input.level.flatMap(WorkerAwardLevel.init(rawValue:)) else {
            throw Refusal.invalid("level", "表彰级别应为 city（市级）或 provincial（省级）")
        }
        let title = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.line(input.title, field: "title", label: "表彰名称", maximumLength: 100) ?? ""
        }
        let on = try day(input.awardedOn, field: "awardedOn", label: "表彰日期")
        let awardID = UUID()
        let now = clock.now
        let regions = self.regions
        try await writer.transaction { tx, audit in
            try await CommunityStore(db: tx, regions: regions).insertAward(
                id: awardID, worker: w.id, level: level, title: title, on: on, at: now)
            try await audit.record(
                "community.worker.award", entity: "community_worker", id: w.id.uuidString, region: w.region,
                after: ["level": level.rawValue, "title": title, "awardedOn": on.description])
        }
        return try await worker(w.id)
    }

    // MARK: Stations

    struct NewStation: Content {
        var street: String?
        var name: String?
        var openedOn: String?
        var staffCount: Int?
        var services: [String]?
    }

    /// Every street of the user's region (or of `region` within it) with its station or none.
    struct Coverage: Content {
        struct Street: Content {
            let street: String
            let streetName: String
            let station: StationRecord?
        }

        let region: String
        let regionName: String
        let streets: [Street]
        let covered: Int
        let total: Int
    }

    func coverage(region text: String?) async throws -> Coverage {
        var region = user.region
        if let text = text?.trimmedWhitespace, !text.isEmpty {
            guard let code = RegionCode(text), regions.contains(code) else {
                throw Refusal.invalid("region", "应为本市的区或街道代码")
            }
            guard user.region.contains(code) else { throw Refusal.notFound("区划") }
            region = code
        }
        let stations = Dictionary(
            try await store.stations(within: RegionScope(region)).map { ($0.street, $0) },
            uniquingKeysWith: { a, _ in a }
        )
        let streets =
            region.level == .street || region.level == .community
            ? [RegionCode(String(region.value.prefix(9)))!] : regions.streets(under: region)
        let rows = streets.map { s in
            Coverage.Street(
                street: s.value, streetName: regions.fullName(of: s, below: RegionTable.changzhou),
                station: stations[s.value])
        }
        return Coverage(
            region: region.value, regionName: regions.fullName(of: region), streets: rows,
            covered: rows.filter { $0.station != nil }.count, total: rows.count)
    }

    func createStation(_ input: NewStation) async throws -> StationRecord {
        guard let street = input.street.map(\.trimmedWhitespace).flatMap(RegionCode.init), street.level == .street,
            regions.contains(street), RegionTable.changzhou.contains(street)
        else { throw Refusal.invalid("street", "应为本市街道（镇）的 9 位区划代码") }
        guard user.region.contains(street) else { throw Refusal.invalid("street", "不在您的辖区内") }
        let (name, services) = try RegistryInput.check { () throws(FieldProblem) in
            var services: [String] = []
            for text in input.services ?? [] {
                if let service = try InputRules.line(text, field: "services", label: "服务项目", maximumLength: 50) {
                    services.append(service)
                }
            }
            return (
                try InputRules.line(input.name, field: "name", label: "社工站名称", maximumLength: 100) ?? "", services
            )
        }
        guard !services.isEmpty, services.count <= 30 else {
            throw Refusal.invalid("services", "请列出服务项目（1–30 项）")
        }
        let opened = try day(input.openedOn, field: "openedOn", label: "启用日期")
        guard let staff = input.staffCount, (1...200).contains(staff) else {
            throw Refusal.invalid("staffCount", "工作人员数应为 1–200")
        }
        let id = UUID()
        let now = clock.now
        let regions = self.regions
        try await writer.transaction { tx, audit in
            guard
                try await CommunityStore(db: tx, regions: regions).insertStation(
                    id: id, street: street.value, name: name, openedOn: opened, staff: staff, services: services,
                    at: now)
            else { throw Refusal(.conflict, "该街道已有社工站", field: "street") }
            try await audit.record(
                "community.station.create", entity: "social_work_station", id: id.uuidString, region: street.value,
                after: [
                    "name": name, "openedOn": opened.description, "staffCount": String(staff),
                    "services": services.joined(separator: "、"),
                ])
        }
        guard let station = try await store.stations(within: RegionScope(street)).first else {
            throw Refusal.notFound("社工站")
        }
        return station
    }
}

extension Request {
    func communities() throws -> CommunityService {
        try CommunityService(
            db: sql, writer: writer, clock: platform.clock, cipher: platform.cipher, regions: platform.regions,
            user: try user)
    }
}
