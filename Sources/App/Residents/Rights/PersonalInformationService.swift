import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// 个人信息保护法 for the people on file: a resident reads and copies everything the platform
/// holds about them (查阅复制), sees which member of staff looked at their file and when,
/// and asks for a correction, which the community or street decides; staff opening a file is
/// recorded for the person (`PersonViewStore`).
struct PersonalInformationService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let registry: RegistryStore
    let cipher: FieldCipher
    let regions: RegionTable
    let clock: PlatformClock

    /// The resident's own registry person; the account was tied to it at registration.
    func ownPerson(of user: CurrentUser) async throws -> PersonDetail {
        try user.require(.selfService)
        guard let id = try await AccountStore(db: db).residentPerson(userID: user.id),
            let person = try await registry.person(id: id, within: RegionScope(RegionTable.changzhou))
        else { throw Refusal.notFound("本人档案") }
        return person
    }

    /// Staff opened a person's file: kept for the person to read. Not audited (a read), and
    /// never for residents reading their own.
    func recordView(of person: UUID, by user: CurrentUser, channel: PersonViewStore.Channel) async throws {
        guard user.role != .resident else { return }
        let now = clock.now
        // Through the writer (its SQLite write queue), with no audit event of its own.
        try await writer.transaction { tx, _ in
            try await PersonViewStore(db: tx).record(person: person, by: user, channel: channel, at: now)
        }
    }

    func views(of person: UUID) async throws -> [PersonViewRow] {
        try await PersonViewStore(db: db).views(of: person)
    }

    func corrections(of person: UUID) async throws -> [CorrectionRow] {
        try await CorrectionStore(db: db, regions: regions).requests(of: person)
    }

    /// Everything held about the resident, as one JSON document; the copy is audited.
    struct Export: Encodable {
        struct Identity: Encodable {
            let name: String
            let idNumber: String
            let sex: String
            let birthDate: String
            let phone: String?
            let hukou: String
            let disabilityGrade: Int?
            let disabilityKind: String?
            let selfCare: String
            let laborCapacity: String
            let deceasedOn: String?
        }
        struct Household: Encodable {
            struct Member: Encodable {
                let name: String
                let relation: String
            }
            let address: String
            let region: String
            let members: [Member]
        }
        let exportedAt: Date
        let person: Identity
        let household: Household?
        let memberships: [MembershipEntry]
        let file: PersonFile
        let views: [PersonViewRow]
        let corrections: [CorrectionRow]
    }

    func export(for user: CurrentUser, file: PersonFile) async throws -> Export {
        let own = try await ownPerson(of: user)
        guard
            let person = try await registry.person(
                id: own.id, within: RegionScope(RegionTable.changzhou), revealIdentity: true),
            let idNumber = person.idNumber
        else { throw Refusal.notFound("本人档案") }
        let phone = try await db.raw("SELECT phone_cipher FROM persons WHERE id = \(bind: person.id)").first()?
            .decode(column: "phone_cipher", as: String?.self).map { try cipher.decrypt($0) }
        // The household as the person belongs to it; other members appear by name and
        // relation only, as on the household register (户口簿) the person holds.
        let household = try await person.householdId.asyncMap {
            try await registry.household(id: $0, within: RegionScope(RegionTable.changzhou))
        }.flatMap { $0 }.map { h in
            Export.Household(
                address: h.address, region: h.regionName,
                members: h.members.map { .init(name: $0.name, relation: $0.relation) })
        }
        let export = Export(
            exportedAt: clock.now,
            person: .init(
                name: person.name, idNumber: idNumber, sex: person.sex, birthDate: person.birthDate, phone: phone,
                hukou: person.hukou, disabilityGrade: person.disabilityGrade, disabilityKind: person.disabilityKind,
                selfCare: person.selfCare, laborCapacity: person.laborCapacity, deceasedOn: person.deceasedOn),
            household: household, memberships: person.history, file: file, views: try await views(of: person.id),
            corrections: try await corrections(of: person.id))
        try await writer.transaction { _, audit in
            try await audit.record(
                "person.selfExport", entity: "person", id: person.id.uuidString, region: person.region)
        }
        return export
    }

    func requestCorrection(field: String?, correct: String?, reason: String?, by user: CurrentUser) async throws {
        let person = try await ownPerson(of: user)
        let draft = try RegistryInput.check { () throws(FieldProblem) in
            try CorrectionDraft.validated(field: field, correct: correct, reason: reason)
        }
        let (id, now, regions) = (UUID.random(), clock.now, self.regions)
        try await writer.transaction { tx, audit in
            try await CorrectionStore(db: tx, regions: regions).insert(
                draft, id: id, person: person.id, region: person.region, by: user.id, at: now)
            try await audit.record(
                "correction.request", entity: "person", id: person.id.uuidString, region: person.region,
                after: ["request": id.uuidString, "field": draft.field.rawValue])
        }
    }

    // MARK: staff

    func queue(for user: CurrentUser, state: CorrectionState?, page: PageRequest) async throws -> Page<CorrectionRow> {
        try user.require(.editRegistry)
        return try await CorrectionStore(db: db, regions: regions).page(within: user.scope, state: state, page: page)
    }

    func request(_ id: UUID, for user: CurrentUser) async throws -> CorrectionRow {
        try user.require(.editRegistry)
        guard let row = try await CorrectionStore(db: db, regions: regions).request(id: id, within: user.scope) else {
            throw Refusal.notFound("更正申请")
        }
        return row
    }

    func decide(_ id: UUID, version: Int, state: String?, note: String?, by user: CurrentUser) async throws {
        let row = try await request(id, for: user)
        let (decided, answer) = try RegistryInput.check { () throws(FieldProblem) in
            try CorrectionDraft.decision(state, note: note)
        }
        guard row.state == CorrectionState.open.rawValue else { throw Refusal(.conflict, "该更正申请已处理") }
        let (now, name, regions) = (clock.now, user.displayName, self.regions)
        try await writer.transaction { tx, audit in
            guard
                try await CorrectionStore(db: tx, regions: regions).decide(
                    id: id, version: version, state: decided, answer: answer, by: name, at: now)
            else { throw Refusal.staleVersion(current: version + 1) }
            try await audit.record(
                "correction.decide", entity: "person", id: row.personId.uuidString, region: row.region,
                before: ["state": row.state], after: ["request": id.uuidString, "state": decided.rawValue])
        }
    }
}

extension Request {
    var personalInformation: PersonalInformationService {
        PersonalInformationService(
            db: sql, writer: writer, registry: registry, cipher: platform.cipher, regions: platform.regions,
            clock: platform.clock)
    }
}
