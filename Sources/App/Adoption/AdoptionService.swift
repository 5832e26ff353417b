import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// 收养登记 at the district's registry: the adoption checked against the Civil Code
/// (`AdoptionRules`) with the facts of the registry, then registered with its certificate in one
/// audited transaction that moves the child into the adopters' household; and its dissolution
/// (解除收养关系登记), which may bring the child back to the household it left.
struct AdoptionService {
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
        try user.require(.registerAdoptions)
        (self.db, self.writer, self.clock, self.cipher, self.regions, self.user) =
            (db, writer, clock, cipher, regions, user)
    }

    private var registry: RegistryStore { RegistryStore(db: db, cipher: cipher, regions: regions, clock: clock) }

    struct Registration: Content {
        var childIdNumber: String?
        /// One adopter, or a married couple.
        var adopterIdNumbers: [String]?
        var placingParty: String?
        /// The institution's or the guardian's name.
        var placingPartyName: String?
        var assessmentPassed: Bool?
        var assessedOn: String?
        var assessor: String?
        /// The child's consent, from 8 years of age.
        var childConsents: Bool?
        var note: String?
    }

    /// What is sealed in `details_cipher`.
    struct Details: Codable, Sendable {
        var placingPartyName: String?
        var assessedOn: String?
        var assessor: String?
        var childConsents: Bool
        var note: String?
    }

    func register(_ input: Registration) async throws -> AdoptionRecord {
        let today = clock.today
        let child = try await person(input.childIdNumber, field: "childIdNumber")
        let adopterNumbers = input.adopterIdNumbers ?? []
        guard (1...2).contains(adopterNumbers.count) else {
            throw Refusal.invalid("adopterIdNumbers", "收养人应为一人，或夫妻二人共同收养")
        }
        var adopters: [PersonDetail] = []
        for (i, number) in adopterNumbers.enumerated() {
            adopters.append(try await person(number, field: "adopterIdNumbers[\(i)]"))
        }
        guard Set(adopters.map(\.id)).count == adopters.count, !adopters.contains(where: { $0.id == child.id }) else {
            throw Refusal.invalid("adopterIdNumbers", "收养人重复，或与被收养人相同")
        }
        guard let placing = input.placingParty.flatMap(AdoptionPlacingParty.init(rawValue:)) else {
            throw Refusal.invalid(
                "placingParty", "送养人应为 " + AdoptionPlacingParty.allCases.map(\.rawValue).joined(separator: "、"))
        }
        let (placingName, assessor, note) = try RegistryInput.check { () throws(FieldProblem) in
            (
                try InputRules.line(
                    input.placingPartyName, field: "placingPartyName", label: "送养人名称", maximumLength: 100),
                try InputRules.line(
                    input.assessor, field: "assessor", label: "评估机构", maximumLength: 100, required: false),
                try InputRules.text(input.note, field: "note", label: "备注")
            )
        }
        guard let assessedText = input.assessedOn, let assessedOn = CivilDate(assessedText), assessedOn <= today
        else { throw Refusal.invalid("assessedOn", "请填写收养评估的日期（YYYY-MM-DD，不晚于今天）") }
        guard let household = adopters[0].householdId,
            let home = try await registry.household(id: household, within: user.scope)
        else { throw Refusal.invalid("adopterIdNumbers", "收养人在本辖区没有在册的家庭") }
        let facts = AdoptionFacts(
            adopters: adopters.map { adopterFacts($0, home: $0.householdId == household ? home : nil) },
            adoptersMarried: adopters.count == 2 && adopters.allSatisfy { $0.householdId == household }
                && Set(adopters.compactMap(\.relation)) == [Relation.head.rawValue, Relation.spouse.rawValue],
            childAge: age(child), childIsMale: child.sex == Sex.male.rawValue,
            childExempt: placing != .parents || child.disabilityGrade != nil,
            placingParty: placing, assessmentPassed: input.assessmentPassed == true,
            childConsents: input.childConsents == true)
        if let refusal = AdoptionRules.check(facts) { throw refusal }
        guard try await AdoptionStore(db: db).inForce(child: child.id) == nil else {
            throw Refusal(.conflict, "被收养人已有在册的收养关系，须先解除", field: "childIdNumber")
        }
        let relation = AdoptionRules.relation(adopterIs: Relation(rawValue: adopters[0].relation ?? "") ?? .other)
        let details = Details(
            placingPartyName: placingName, assessedOn: assessedOn.description, assessor: assessor,
            childConsents: input.childConsents == true, note: note)
        let sealed = cipher.encrypt(String(decoding: try JSONEncoder().encode(details), as: UTF8.self))
        let (user, now, id) = (user, clock.now, UUID())
        let region = String(home.region.prefix(6))
        let (cipher, regions, clock, adopterIds) = (cipher, regions, clock, adopters.map(\.id.uuidString))
        try await writer.transaction { tx, audit in
            let store = AdoptionStore(db: tx)
            let number = try await store.nextNumber(prefix: "SY\(region)-\(today.year)-")
            try await store.insert(
                AdoptionStore.Row(
                    id: id, kind: "adoption", number: number, status: "inForce", childPersonId: child.id,
                    adopterIds: adopterIds.joined(separator: ","), placingParty: placing.rawValue,
                    detailsCipher: sealed, region: home.region, householdId: household,
                    previousHouseholdId: child.householdId, adoptionId: nil, registeredOn: today.description,
                    registeredBy: user.displayName),
                at: now)
            try await RegistryStore(db: tx, cipher: cipher, regions: regions, clock: clock, audit: audit).move(
                personID: child.id, toHousehold: household, relation: relation, within: user.scope)
            try await audit.record(
                "adoption.register", entity: "adoption", id: id.uuidString, region: home.region,
                after: [
                    "number": number, "child": child.idNumberMasked, "household": household.uuidString,
                    "relation": relation.rawValue, "placingParty": placing.rawValue,
                ])
        }
        return try await record(id)
    }

    struct Dissolution: Content {
        var note: String?
        /// The child's consent, from 8 years of age.
        var childConsents: Bool?
        /// Bring the child back to the household it left at the adoption, if it is still on file.
        var returnToPreviousHousehold: Bool?
    }

    func dissolve(_ id: UUID?, _ input: Dissolution) async throws -> AdoptionRecord {
        let adoption = try await record(id)
        guard adoption.kind == "adoption", adoption.status == "inForce" else {
            throw Refusal(.conflict, "该收养关系已解除或不是收养登记")
        }
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.note, field: "note", label: "解除协议")
        }
        guard let note else { throw Refusal.invalid("note", "请写明解除收养关系的协议内容") }
        if adoption.childAge >= AdoptionRules.consentAge, input.childConsents != true {
            throw Refusal.invalid(
                "childConsents", "被收养人年满 \(AdoptionRules.consentAge) 周岁，解除收养关系应当征得其同意（第一千一百一十四条）")
        }
        let back = input.returnToPreviousHousehold == true ? adoption.previousHouseholdId : nil
        let details = Details(
            placingPartyName: nil, assessedOn: nil, assessor: nil, childConsents: input.childConsents == true,
            note: note)
        let sealed = cipher.encrypt(String(decoding: try JSONEncoder().encode(details), as: UTF8.self))
        let (user, now, today, dissolution) = (user, clock.now, clock.today, UUID())
        let (cipher, regions, clock) = (cipher, regions, clock)
        try await writer.transaction { tx, audit in
            let store = AdoptionStore(db: tx)
            guard try await store.dissolve(adoption.id) else { throw Refusal(.conflict, "该收养关系已解除") }
            let number = try await store.nextNumber(prefix: "JCSY\(adoption.region.prefix(6))-\(today.year)-")
            try await store.insert(
                AdoptionStore.Row(
                    id: dissolution, kind: "dissolution", number: number, status: "registered",
                    childPersonId: adoption.child.personId, adopterIds: adoption.adopterIds.joined(separator: ","),
                    placingParty: adoption.placingParty, detailsCipher: sealed, region: adoption.region,
                    householdId: back, previousHouseholdId: adoption.householdId, adoptionId: adoption.id,
                    registeredOn: today.description, registeredBy: user.displayName),
                at: now)
            if let back {
                try await RegistryStore(db: tx, cipher: cipher, regions: regions, clock: clock, audit: audit).move(
                    personID: adoption.child.personId, toHousehold: back, relation: .child, within: user.scope)
            }
            try await audit.record(
                "adoption.dissolve", entity: "adoption", id: adoption.id.uuidString, region: adoption.region,
                before: ["status": "inForce"],
                after: ["status": "dissolved", "number": number, "returnedTo": back?.uuidString ?? ""])
        }
        return try await record(dissolution)
    }

    // MARK: Reading

    func list(page: PageRequest) async throws -> Page<AdoptionRecord> {
        let (rows, total) = try await AdoptionStore(db: db).list(within: user.scope, page: page)
        var items: [AdoptionRecord] = []
        for row in rows { items.append(try await record(row)) }
        return Page(items: items, total: total, page: page.page, perPage: page.perPage)
    }

    func record(_ id: UUID?) async throws -> AdoptionRecord {
        guard let id, let row = try await AdoptionStore(db: db).find(id, within: user.scope) else {
            throw Refusal.notFound("收养登记")
        }
        return try await record(row)
    }

    private func record(_ row: AdoptionStore.Row) async throws -> AdoptionRecord {
        let details = try JSONDecoder().decode(Details.self, from: Data(try cipher.decrypt(row.detailsCipher).utf8))
        let scope = RegionScope(RegionTable.changzhou)
        let child = try await registry.person(id: row.childPersonId, within: scope)
        var adopters: [AdoptionRecord.Party] = []
        for id in row.adopterIds.split(separator: ",").compactMap({ UUID(uuidString: String($0)) }) {
            if let p = try await registry.person(id: id, within: scope) {
                adopters.append(AdoptionRecord.Party(personId: p.id, name: p.name, idNumberMasked: p.idNumberMasked))
            }
        }
        return AdoptionRecord(
            id: row.id, kind: row.kind, number: row.number, status: row.status,
            child: AdoptionRecord.Party(
                personId: row.childPersonId, name: child?.name ?? "", idNumberMasked: child?.idNumberMasked ?? ""),
            childAge: child.map(age) ?? 0, adopters: adopters, adopterIds: adopters.map(\.personId.uuidString),
            placingParty: row.placingParty,
            placingPartyName: AdoptionPlacingParty(rawValue: row.placingParty)?.chinese ?? row.placingParty,
            placingPartyLabel: details.placingPartyName, assessedOn: details.assessedOn, assessor: details.assessor,
            childConsents: details.childConsents, note: details.note, region: row.region,
            regionName: RegionCode(row.region).map(regions.fullName) ?? row.region, householdId: row.householdId,
            previousHouseholdId: row.previousHouseholdId, adoptionId: row.adoptionId, registeredOn: row.registeredOn,
            registeredBy: row.registeredBy)
    }

    // MARK: Facts from the registry

    private func person(_ number: String?, field: String) async throws -> PersonDetail {
        guard let number, let id = try? ResidentID(number, today: clock.today) else {
            throw Refusal.invalid(field, "身份证号码无效")
        }
        guard let personID = try await registry.personID(blindIndexes: cipher.blindIndexes(id.value)),
            let person = try await registry.person(id: personID, within: user.scope)
        else { throw Refusal.invalid(field, "身份证号 \(id.masked) 未在本辖区登记") }
        guard person.deceasedOn == nil else { throw Refusal.invalid(field, "身份证号 \(id.masked) 已登记死亡") }
        return person
    }

    private func age(_ person: PersonDetail) -> Int {
        CivilDate(person.birthDate).map { $0.age(on: clock.today) } ?? 0
    }

    /// An adopter's age, sex, children and spouse, from the household they head or share.
    private func adopterFacts(_ adopter: PersonDetail, home: HouseholdDetail?) -> AdopterFacts {
        let relation = Relation(rawValue: adopter.relation ?? "") ?? .other
        let members = (home?.members ?? []).filter { $0.personId != adopter.id && $0.deceasedOn == nil }
        let childRelation = AdoptionRules.relation(adopterIs: relation)
        let children = relation == .other ? 0 : members.filter { $0.relation == childRelation.rawValue }.count
        let hasSpouse: Bool
        switch relation {
        case .head: hasSpouse = members.contains { $0.relation == Relation.spouse.rawValue }
        case .spouse: hasSpouse = members.contains { $0.relation == Relation.head.rawValue }
        default: hasSpouse = false
        }
        return AdopterFacts(
            age: age(adopter), isMale: adopter.sex == Sex.male.rawValue, children: children, hasSpouse: hasSpouse)
    }
}

/// A registration as the registrar reads it.
struct AdoptionRecord: Content {
    struct Party: Content {
        let personId: UUID
        let name: String
        let idNumberMasked: String
    }
    let id: UUID
    /// `adoption` or `dissolution`.
    let kind: String
    /// The certificate's number: `SY320402-2026-000001`, a dissolution's `JCSY…`.
    let number: String
    /// An adoption `inForce` or `dissolved`; a dissolution `registered`.
    let status: String
    let child: Party
    let childAge: Int
    let adopters: [Party]
    let adopterIds: [String]
    let placingParty: String
    let placingPartyName: String
    let placingPartyLabel: String?
    let assessedOn: String?
    let assessor: String?
    let childConsents: Bool
    let note: String?
    let region: String
    let regionName: String
    let householdId: UUID?
    let previousHouseholdId: UUID?
    let adoptionId: UUID?
    let registeredOn: String
    let registeredBy: String
}

extension Request {
    func adoptions() throws -> AdoptionService {
        try AdoptionService(
            db: sql, writer: writer, clock: platform.clock, cipher: platform.cipher, regions: platform.regions,
            user: try user)
    }
}
