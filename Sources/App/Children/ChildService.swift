import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// What staff do about children in need, within their region (`visitHouseholds`: the
/// community child director, the street's child supervisor, district and city): record a
/// category, change it (the old record ends the day before, the history keeps both), end it
/// with a reason, see the children turning adult, record the director's visits from the
/// phone, keep the care homes. One audited transaction per write; outside the region is a 404.
struct ChildService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock
    let cipher: FieldCipher
    let user: CurrentUser

    init(db: SQLDatabase, writer: AuditedWriter, clock: PlatformClock, cipher: FieldCipher, user: CurrentUser) throws {
        try user.require(.visitHouseholds)
        (self.db, self.writer, self.clock, self.cipher, self.user) = (db, writer, clock, cipher, user)
    }

    private var store: ChildStore { ChildStore(db: db) }

    private func parameters(_ month: YearMonth? = nil) async throws -> PolicyParameters {
        try await PolicyStore(db: db).history().parameters(
            for: RegionTable.changzhou.value, month: month ?? clock.today.yearMonth)
    }

    // MARK: categories

    /// `POST /api/v1/children` and the form: the child by ID number, the category and why,
    /// the guardian (an ID number found in the registry, or an outsider's name with their
    /// numbers, sealed), the start, the director and the supervisor (by default the user, when
    /// of that role).
    struct NewCategory: Content {
        var idNumber: String?
        var category: String?
        var reason: String?
        var startsOn: String?
        var guardianIdNumber: String?
        var guardianName: String?
        var guardianRelation: String?
        var guardianPhone: String?
        var directorId: String?
        var supervisorId: String?
    }

    func record(_ input: NewCategory) async throws -> ChildStore.Record {
        let today = clock.today
        let child = try RegistryInput.check { () throws(FieldProblem) in
            try RegistryValidation.residentID(input.idNumber, today: today)
        }
        guard let found = try await store.person(index: cipher.blindIndex(child.value)),
            let household = found.household,
            let birth = found.birth, let region = RegionCode(found.region), user.region.contains(region)
        else { throw Refusal(.notFound, "本辖区未登记该儿童（\(child.masked)）", field: "idNumber") }
        guard !found.deceased else { throw Refusal(.conflict, "该儿童已登记死亡", field: "idNumber") }
        let category = try Self.category(input.category)
        let reason = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.reason, field: "reason", label: "认定原因")
        }
        guard let startsOn = CivilDate((input.startsOn ?? today.description).trimmedWhitespace) else {
            throw Refusal.invalid("startsOn", "开始日期格式应为 YYYY-MM-DD")
        }
        let guardian = try await guardian(input, child: found.id)
        let parameters = try await parameters()
        if let refusal = ChildRules.check(
            .init(
                category: category, reason: reason, birth: birth, startsOn: startsOn, endsOn: nil,
                hasGuardian: true), today: today, adultAge: parameters.adultAge, parameters.children)
        {
            throw refusal
        }
        let (director, supervisor) = try await responsible(input, region: found.region)
        let new = ChildStore.NewRecord(
            person: found.id, household: household, region: found.region, category: category, reason: reason,
            guardianPerson: guardian.person, guardianName: guardian.name, guardianRelation: guardian.relation,
            guardianCipher: guardian.cipher, guardianIdMasked: guardian.idMasked,
            guardianPhoneMasked: guardian.phoneMasked, startsOn: startsOn, endsOn: nil, director: director,
            supervisor: supervisor)
        let (name, now) = (user.displayName, clock.now)
        let id = try await writer.transaction { tx, audit in
            guard let id = try await ChildStore(db: tx).insert(new, by: name, at: now) else {
                throw Refusal(.conflict, "该儿童已认定为\(category.chinese)（未终止）", field: "category")
            }
            try await Self.scheduleVisit(new, month: today.yearMonth, parameters.children, db: tx)
            try await audit.record(
                "child.category.record", entity: "child_category", id: id.uuidString, region: new.region,
                after: [
                    "person": child.masked, "category": category.rawValue, "reason": reason ?? "",
                    "startsOn": startsOn.description, "guardian": guardian.name,
                    "guardianId": guardian.idMasked ?? "", "director": director.uuidString,
                    "supervisor": supervisor.uuidString,
                ])
            return id
        }
        return try await find(id)
    }

    /// A child newly known gets this period's visit at once (the hourly round makes the next ones).
    static func scheduleVisit(
        _ record: ChildStore.NewRecord, month: YearMonth, _ p: ChildParameters, db: SQLDatabase
    ) async throws {
        guard let period = ChildRules.visitPeriod(record.category, month: month, p) else { return }
        _ = try await VisitTasks(db: db).createMissing(
            [
                VisitTasks.Target(
                    person: record.person, household: record.household, region: record.region,
                    from: period.first.firstDay, due: period.due)
            ], kind: VisitTasks.childKind)
    }

    static func category(_ text: String?) throws -> ChildCategory {
        guard let c = text.flatMap({ ChildCategory(rawValue: $0.trimmedWhitespace) }) else {
            throw Refusal.invalid(
                "category",
                "类别应为：" + ChildCategory.allCases.map { "\($0.rawValue)（\($0.chinese)）" }.joined(separator: "、"))
        }
        return c
    }

    private struct Guardian {
        var person: UUID?
        var name: String
        var relation: String
        var cipher: String?
        var idMasked: String?
        var phoneMasked: String?
    }

    /// A registered guardian by ID number; otherwise an outsider, whose name is required and
    /// whose numbers are sealed (and masked beside).
    private func guardian(_ input: NewCategory, child: UUID) async throws -> Guardian {
        let today = clock.today
        let relation = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.line(input.guardianRelation, field: "guardianRelation", label: "与儿童关系", maximumLength: 20)!
        }
        let number = try RegistryInput.check { () throws(FieldProblem) -> ResidentID? in
            let raw = (input.guardianIdNumber ?? "").trimmedWhitespace
            return raw.isEmpty ? nil : try RegistryValidation.residentID(raw, today: today, field: "guardianIdNumber")
        }
        let phone = try RegistryInput.check { () throws(FieldProblem) in
            try RegistryValidation.phone(input.guardianPhone, field: "guardianPhone")
        }
        if let number, let registered = try await store.person(index: cipher.blindIndex(number.value)) {
            guard registered.id != child else { throw Refusal.invalid("guardianIdNumber", "监护人不能是儿童本人") }
            return Guardian(
                person: registered.id, name: registered.name, relation: relation,
                cipher: phone.map { cipher.encrypt("|" + $0) }, idMasked: number.masked,
                phoneMasked: phone.map(RegistryValidation.maskPhone))
        }
        let name = try RegistryInput.check { () throws(FieldProblem) -> String? in
            try InputRules.line(
                input.guardianName, field: "guardianName", label: "监护人姓名", maximumLength: 50, required: false)
        }
        guard let name else {
            throw Refusal.invalid("guardianName", "监护人不在登记人员中：请填写监护人姓名（及身份证号、电话）")
        }
        let sealed = (number?.value ?? "") + "|" + (phone ?? "")
        return Guardian(
            person: nil, name: name, relation: relation, cipher: sealed == "|" ? nil : cipher.encrypt(sealed),
            idMasked: number?.masked, phoneMasked: phone.map(RegistryValidation.maskPhone))
    }

    /// The community's child director (a community worker of the child's community or street)
    /// and the street's child supervisor (a street officer of the child's street).
    private func responsible(_ input: NewCategory, region: String) async throws -> (UUID, UUID) {
        func pick(_ text: String?, field: String, role: Role, fallback: Bool) async throws -> UUID {
            let id: UUID
            if let text, !text.trimmedWhitespace.isEmpty {
                guard let parsed = UUID(uuidString: text.trimmedWhitespace) else {
                    throw Refusal.invalid(field, "请选择\(role == .communityWorker ? "儿童主任" : "儿童督导员")")
                }
                id = parsed
            } else if fallback {
                id = user.id
            } else if let only = try await store.users(role: role, over: region).first {
                id = only.id
            } else {
                throw Refusal.invalid(field, "请选择\(role == .communityWorker ? "儿童主任" : "儿童督导员")")
            }
            guard let found = try await store.user(id: id, role: role),
                region.hasPrefix(found.region), found.region.count >= 9
            else {
                throw Refusal.invalid(
                    field, role == .communityWorker ? "儿童主任应为该儿童所在社区（或街道）的社区工作人员" : "儿童督导员应为该儿童所在街道的街道经办人")
            }
            return id
        }
        let director = try await pick(
            input.directorId, field: "directorId", role: .communityWorker, fallback: user.role == .communityWorker)
        let supervisor = try await pick(
            input.supervisorId, field: "supervisorId", role: .streetOfficer, fallback: user.role == .streetOfficer)
        return (director, supervisor)
    }

    func find(_ id: UUID?) async throws -> ChildStore.Record {
        guard let id, let found = try await store.record(id: id, within: user.scope) else {
            throw Refusal.notFound("儿童类别记录")
        }
        return found
    }

    /// `{category, reason?, startsOn, version}`: the record ends the day before `startsOn`
    /// (`changed`) and a record of the new category starts, with the same guardian and staff.
    struct Change: Content {
        var category: String?
        var reason: String?
        var startsOn: String?
        var version: Int?
    }

    func change(_ id: UUID?, _ input: Change) async throws -> ChildStore.Record {
        let old = try await find(id)
        guard old.endReason == nil else { throw Refusal(.conflict, "该记录已终止", field: "status") }
        let category = try Self.category(input.category)
        guard category.rawValue != old.category else { throw Refusal.invalid("category", "新类别与现类别相同") }
        let reason = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.reason, field: "reason", label: "认定原因")
        }
        let today = clock.today
        guard let startsOn = CivilDate((input.startsOn ?? today.description).trimmedWhitespace) else {
            throw Refusal.invalid("startsOn", "开始日期格式应为 YYYY-MM-DD")
        }
        guard let oldStart = CivilDate(old.startsOn), oldStart < startsOn else {
            throw Refusal.invalid("startsOn", "新类别应晚于原类别开始日期（\(old.startsOn)）开始")
        }
        guard let version = input.version else { throw Refusal.invalid("version", "缺少 version（当前版本号）") }
        guard version == old.version else { throw Refusal.staleVersion(current: old.version) }
        let parameters = try await parameters()
        if let refusal = ChildRules.check(
            .init(
                category: category, reason: reason, birth: CivilDate(old.birthDate) ?? startsOn, startsOn: startsOn,
                endsOn: nil, hasGuardian: true), today: today, adultAge: parameters.adultAge, parameters.children)
        {
            throw refusal
        }
        let guardianCipher = try await store.guardianCipher(id: old.id)
        let new = ChildStore.NewRecord(
            person: old.personId, household: old.householdId, region: old.region, category: category, reason: reason,
            guardianPerson: old.guardianPersonId, guardianName: old.guardianName,
            guardianRelation: old.guardianRelation, guardianCipher: guardianCipher,
            guardianIdMasked: old.guardianIdMasked, guardianPhoneMasked: old.guardianPhoneMasked, startsOn: startsOn,
            endsOn: nil, director: old.directorId, supervisor: old.supervisorId)
        let (name, now) = (user.displayName, clock.now)
        let id = try await writer.transaction { tx, audit in
            let store = ChildStore(db: tx)
            guard try await store.end(id: old.id, version: version, on: startsOn.adding(days: -1), reason: .changed)
            else { throw Refusal.staleVersion(current: version + 1) }
            guard let id = try await store.insert(new, by: name, at: now) else {
                throw Refusal(.conflict, "该儿童已认定为\(category.chinese)（未终止）", field: "category")
            }
            try await Self.scheduleVisit(new, month: today.yearMonth, parameters.children, db: tx)
            try await audit.record(
                "child.category.change", entity: "child_category", id: id.uuidString, region: old.region,
                before: ["record": old.id.uuidString, "category": old.category],
                after: [
                    "person": old.idMasked, "category": category.rawValue, "reason": reason ?? "",
                    "startsOn": startsOn.description,
                ])
            return id
        }
        return try await find(id)
    }

    /// `{endsOn, endReason: adopted|died|reasonEnded|movedAway, version}`.
    struct End: Content {
        var endsOn: String?
        var endReason: String?
        var version: Int?
    }

    func end(_ id: UUID?, _ input: End) async throws -> ChildStore.Record {
        let old = try await find(id)
        guard old.endReason == nil else { throw Refusal(.conflict, "该记录已终止", field: "status") }
        guard let reason = input.endReason.flatMap(ChildCategoryEnd.init(rawValue:)),
            ChildCategoryEnd.recordable.contains(reason)
        else {
            throw Refusal.invalid(
                "endReason",
                "终止原因应为："
                    + ChildCategoryEnd.recordable.map { "\($0.rawValue)（\($0.chinese)）" }.joined(separator: "、"))
        }
        guard let endsOn = CivilDate((input.endsOn ?? clock.today.description).trimmedWhitespace),
            endsOn <= clock.today, CivilDate(old.startsOn).map({ $0 <= endsOn }) ?? true
        else { throw Refusal.invalid("endsOn", "终止日期应不早于开始日期、不晚于今天") }
        guard let version = input.version else { throw Refusal.invalid("version", "缺少 version（当前版本号）") }
        guard version == old.version else { throw Refusal.staleVersion(current: old.version) }
        try await writer.transaction { tx, audit in
            guard try await ChildStore(db: tx).end(id: old.id, version: version, on: endsOn, reason: reason) else {
                throw Refusal.staleVersion(current: version + 1)
            }
            try await audit.record(
                "child.category.end", entity: "child_category", id: old.id.uuidString, region: old.region,
                before: ["category": old.category],
                after: ["endsOn": endsOn.description, "endReason": reason.rawValue, "person": old.idMasked])
        }
        return try await find(old.id)
    }

    func list(category: String?, page: PageRequest) async throws -> Page<ChildStore.Record> {
        let category = try category.flatMap { $0.isEmpty ? nil : $0 }.map { try Self.category($0) }
        return try await store.current(within: user.scope, category: category, page: page)
    }

    /// A child's page: every record (the history), the visits and the care homes attended.
    struct Child: Content {
        let personId: UUID
        let records: [ChildStore.Record]
        let visits: [VisitTasks.Task]
        let careHomes: [ChildStore.CareHome]
    }

    func child(_ person: UUID?) async throws -> Child {
        guard let person else { throw Refusal.notFound("儿童") }
        let records = try await store.records(person: person, within: user.scope)
        guard !records.isEmpty else { throw Refusal.notFound("儿童") }
        let visits = try await VisitTasks(db: db).tasks(person: person, within: user.scope).filter {
            $0.kind == VisitTasks.childKind
        }
        return Child(
            personId: person, records: records, visits: visits,
            careHomes: try await store.homesAttended(person: person, within: user.scope))
    }

    /// The street's list: children in some category whose adult-age birthday falls in the
    /// next notice months (3), the earliest first, with the child benefits that will stop.
    func turningAdult() async throws -> [ChildStore.TurningAdult] {
        let today = clock.today
        let parameters = try await parameters()
        let adult = parameters.adultAge
        // Born after today and up to the notice months from today, `adult` years before.
        let first = today.adding(months: -12 * adult).adding(days: 1)
        let last = today.adding(months: parameters.children.ageingNoticeMonths).adding(months: -12 * adult)
        let rows = try await store.born(from: first, through: last, within: user.scope)
        let benefits = try await store.childBenefits(of: Array(Set(rows.map(\.person))))
        var order: [UUID] = []
        var grouped: [UUID: ChildStore.TurningAdult] = [:]
        for r in rows {
            guard let birth = CivilDate(r.birth),
                let day = ChildRules.turningAdult(birth: birth, today: today, adultAge: adult, parameters.children)
            else { continue }
            let name = ChildCategory(rawValue: r.category)?.chinese ?? r.category
            if let kept = grouped[r.person] {
                grouped[r.person] = ChildStore.TurningAdult(
                    personId: kept.personId, personName: kept.personName, idMasked: kept.idMasked,
                    birthDate: kept.birthDate, adultOn: kept.adultOn, region: kept.region,
                    categories: kept.categories + [name], benefits: kept.benefits)
            } else {
                order.append(r.person)
                grouped[r.person] = ChildStore.TurningAdult(
                    personId: r.person, personName: r.name, idMasked: r.idMasked, birthDate: r.birth,
                    adultOn: day.description, region: r.region, categories: [name],
                    benefits: (benefits[r.person] ?? []).map { $0 == "orphan" ? "孤儿基本生活费" : "困境儿童基本生活费" })
            }
        }
        return order.compactMap { grouped[$0] }
    }

    // MARK: visits

    /// The open child visits of the region, escalated and earliest due first.
    func visits() async throws -> [VisitTasks.Task] {
        try await VisitTasks(db: db).open(within: user.scope, limit: 500).filter { $0.kind == VisitTasks.childKind }
    }

    func visit(_ id: UUID?) async throws -> VisitTasks.Task {
        guard let id, let task = try await VisitTasks(db: db).task(id: id, within: user.scope),
            task.kind == VisitTasks.childKind
        else { throw Refusal.notFound("儿童巡访任务") }
        return task
    }

    /// `{visitedOn, findings, needs?, referral}` from the phone.
    struct Visit: Content {
        var visitedOn: String?
        var findings: String?
        var needs: String?
        var referral: String?
    }

    func recordVisit(_ id: UUID?, _ input: Visit) async throws -> VisitTasks.Task {
        let task = try await visit(id)
        guard task.status == "open" else { throw Refusal(.conflict, "该巡访已记录", field: "status") }
        guard let visited = input.visitedOn.flatMap({ CivilDate($0.trimmedWhitespace) }), visited <= clock.today else {
            throw Refusal.invalid("visitedOn", "请填写巡访日期（不晚于今天）")
        }
        guard
            let findings = try RegistryInput.check({ () throws(FieldProblem) in
                try InputRules.text(input.findings, field: "findings", label: "巡访情况")
            })
        else { throw Refusal.invalid("findings", "请填写巡访情况（儿童生活、学习、监护情况）") }
        let needs = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.needs, field: "needs", label: "需求")
        }
        guard let referral = input.referral.flatMap(ChildReferral.init(rawValue:)) else {
            throw Refusal.invalid(
                "referral",
                "转介应为：" + ChildReferral.allCases.map { "\($0.rawValue)（\($0.chinese)）" }.joined(separator: "、"))
        }
        let name = user.displayName
        try await writer.transaction { tx, audit in
            try await VisitTasks(db: tx).recordVisit(
                task, visitedOn: visited, findings: findings, outcome: VisitTasks.childKind, by: name, needs: needs,
                referral: referral.rawValue)
            try await audit.record(
                "child.visit.record", entity: "visit_task", id: task.id.uuidString, region: task.region,
                after: ["visitedOn": visited.description, "referral": referral.rawValue, "person": task.idNumberMasked])
        }
        return try await visit(task.id)
    }

    // MARK: care homes

    struct NewHome: Content {
        var name: String?
        var region: String?
        var address: String?
        var openedOn: String?
    }

    func homes() async throws -> [ChildStore.CareHome] { try await store.homes(within: user.scope) }

    func home(_ id: UUID?) async throws -> ChildStore.CareHome {
        guard let id, let found = try await store.home(id: id, within: user.scope) else {
            throw Refusal.notFound("关爱之家")
        }
        return found
    }

    func createHome(_ input: NewHome, regions: RegionTable) async throws -> ChildStore.CareHome {
        let (name, address) = try RegistryInput.check { () throws(FieldProblem) in
            (
                try InputRules.line(input.name, field: "name", label: "名称", maximumLength: 60)!,
                try InputRules.line(input.address, field: "address", label: "地址", maximumLength: 120)!
            )
        }
        let region =
            (input.region?.trimmedWhitespace).flatMap { $0.isEmpty ? nil : $0 }.flatMap(RegionCode.init) ?? user.region
        guard region.value.count >= 9, user.region.contains(region), regions.name(of: region) != nil else {
            throw Refusal.invalid("region", "请填写本辖区内的街道或社区代码")
        }
        guard let opened = CivilDate((input.openedOn ?? clock.today.description).trimmedWhitespace),
            opened <= clock.today
        else { throw Refusal.invalid("openedOn", "启用日期格式应为 YYYY-MM-DD，且不晚于今天") }
        let (by, now) = (user.displayName, clock.now)
        let id = try await writer.transaction { tx, audit in
            let id = try await ChildStore(db: tx).insertHome(
                name: name, region: region.value, address: address, openedOn: opened, by: by, at: now)
            try await audit.record(
                "child.careHome.create", entity: "child_care_home", id: id.uuidString, region: region.value,
                after: ["name": name, "address": address, "openedOn": opened.description])
            return id
        }
        return try await home(id)
    }

    struct NewActivity: Content {
        var heldOn: String?
        var title: String?
        var participants: Int?
        var note: String?
    }

    func addActivity(_ homeID: UUID?, _ input: NewActivity) async throws -> ChildStore.Activity {
        let home = try await home(homeID)
        let (title, note, participants) = try RegistryInput.check { () throws(FieldProblem) in
            (
                try InputRules.line(input.title, field: "title", label: "活动名称", maximumLength: 60)!,
                try InputRules.text(input.note, field: "note", label: "说明"),
                try InputRules.count(input.participants ?? 0, field: "participants")
            )
        }
        guard let held = CivilDate((input.heldOn ?? clock.today.description).trimmedWhitespace), held <= clock.today
        else { throw Refusal.invalid("heldOn", "活动日期格式应为 YYYY-MM-DD，且不晚于今天") }
        let (by, now) = (user.displayName, clock.now)
        let id = try await writer.transaction { tx, audit in
            let id = try await ChildStore(db: tx).insertActivity(
                home: home.id, heldOn: held, title: title, participants: participants, note: note, by: by, at: now)
            try await audit.record(
                "child.careHome.activity", entity: "child_care_home", id: home.id.uuidString, region: home.region,
                after: ["title": title, "heldOn": held.description, "participants": "\(participants)"])
            return id
        }
        guard let activity = try await store.activities(home: home.id).first(where: { $0.id == id }) else {
            throw Refusal.notFound("活动")
        }
        return activity
    }

    struct NewAttendee: Content {
        var idNumber: String?
        var joinedOn: String?
    }

    /// A child of the home's region joins it (once while attending).
    func attend(_ homeID: UUID?, _ input: NewAttendee) async throws -> [ChildStore.Attendee] {
        let home = try await home(homeID)
        let today = clock.today
        let child = try RegistryInput.check { () throws(FieldProblem) in
            try RegistryValidation.residentID(input.idNumber, today: today)
        }
        guard let found = try await store.person(index: cipher.blindIndex(child.value)),
            let region = RegionCode(found.region), user.region.contains(region),
            found.region.hasPrefix(String(home.region.prefix(9)))
        else { throw Refusal(.notFound, "本街道未登记该儿童（\(child.masked)）", field: "idNumber") }
        let parameters = try await parameters()
        guard let birth = found.birth, birth.age(on: today) < parameters.adultAge else {
            throw Refusal.invalid("idNumber", "关爱之家服务未满\(parameters.adultAge)周岁的儿童")
        }
        guard let joined = CivilDate((input.joinedOn ?? today.description).trimmedWhitespace), joined <= today else {
            throw Refusal.invalid("joinedOn", "加入日期格式应为 YYYY-MM-DD，且不晚于今天")
        }
        try await writer.transaction { tx, audit in
            guard try await ChildStore(db: tx).attend(home: home.id, person: found.id, on: joined) != nil else {
                throw Refusal(.conflict, "该儿童已在此关爱之家", field: "idNumber")
            }
            try await audit.record(
                "child.careHome.attend", entity: "child_care_home", id: home.id.uuidString, region: home.region,
                after: ["person": child.masked, "joinedOn": joined.description])
        }
        return try await store.attendees(home: home.id)
    }

    func attendees(_ homeID: UUID?) async throws -> (ChildStore.CareHome, [ChildStore.Activity], [ChildStore.Attendee])
    {
        let home = try await home(homeID)
        return (home, try await store.activities(home: home.id), try await store.attendees(home: home.id))
    }

    /// For the form: the directors (community workers of the region) and the supervisors
    /// (street officers of the region, or of the user's street) the user may name.
    func staff() async throws -> (directors: [ChildStore.StaffMember], supervisors: [ChildStore.StaffMember]) {
        (
            try await store.staff(role: .communityWorker, within: user.scope, orRegion: nil),
            try await store.staff(
                role: .streetOfficer, within: user.scope, orRegion: String(user.region.value.prefix(9)))
        )
    }
}

extension Request {
    /// The signed-in user's child-protection work; refused (403) without `visitHouseholds`.
    func children() throws -> ChildService {
        try ChildService(db: sql, writer: writer, clock: platform.clock, cipher: platform.cipher, user: try user)
    }
}
