import Fluent
import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The registrations of social organisations (成立、变更、注销登记) and their certificates.
/// `applications` is bound to a household (`household_id` is required and references
/// `households`), so an organisation's registration cannot live there: it has its sibling table
/// `organisation_applications`, whose steps are still taken by `ApplicationWorkflow` on the
/// `registry` flow (no second state machine), with `organisation_application_steps` as its
/// history. `organisation_certificates` holds every certificate issued (current, superseded by a
/// change, withdrawn on deregistration or revocation) with the fields printed on it, and
/// `organisation_changes` the old and new value of each field a change altered.
struct CreateOrganisationRegistrations: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("organisation_applications")
            .id()
            .field("type", .string, .required)
            .field("organisation_id", .uuid, .references("organisations", "id"))
            .field("organisation_kind", .string, .required)
            .field("region", .string, .required)
            .field("state", .string, .required)
            .field("returned_from", .string)
            .field("name", .string)
            .field("domicile", .string)
            .field("business_scope", .string)
            .field("supervising_unit", .string)
            .field("registered_capital_fen", .int64)
            .field("rep_person_id", .uuid)
            .field("rep_name", .string)
            .field("rep_id_cipher", .string)
            .field("rep_id_masked", .string)
            .field("reason", .string)
            .field("credit_code", .string)
            .field("decision_note", .string)
            .field("applicant_user_id", .uuid)
            .field("submitted_by", .string, .required)
            .field("submitted_on", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("organisation_application_steps")
            .id()
            .field("application_id", .uuid, .required, .references("organisation_applications", "id"))
            .field("action", .string, .required)
            .field("from_state", .string, .required)
            .field("to_state", .string, .required)
            .field("actor_name", .string, .required)
            .field("note", .string)
            .field("at", .datetime, .required)
            .create()
        try await database.schema("organisation_certificates")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("application_id", .uuid)
            .field("number", .string, .required)
            .field("title", .string, .required)
            .field("issued_on", .string, .required)
            .field("valid_until", .string, .required)
            .field("status", .string, .required)
            .field("credit_code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("domicile", .string, .required)
            .field("rep_name", .string, .required)
            .field("business_scope", .string, .required)
            .field("supervising_unit", .string)
            .field("registered_capital_fen", .int64, .required)
            .field("registered_on", .string, .required)
            .field("ended_on", .string)
            .field("ended_reason", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "number")
            .create()
        try await database.schema("organisation_changes")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("application_id", .uuid)
            .field("field", .string, .required)
            .field("old_value", .string, .required)
            .field("new_value", .string, .required)
            .field("changed_on", .string, .required)
            .field("recorded_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        let sql = database.sql
        try await sql.create(index: "organisation_applications_region").on("organisation_applications")
            .column("region").column("state").run()
        try await sql.create(index: "organisation_applications_organisation").on("organisation_applications")
            .column("organisation_id").run()
        try await sql.create(index: "organisation_applications_applicant").on("organisation_applications")
            .column("applicant_user_id").run()
        try await sql.create(index: "organisation_application_steps_application").on(
            "organisation_application_steps"
        ).column("application_id").run()
        try await sql.create(index: "organisation_certificates_organisation").on("organisation_certificates")
            .column("organisation_id").run()
        try await sql.create(index: "organisation_changes_organisation").on("organisation_changes")
            .column("organisation_id").run()
        // The certificate's validity for a database stored before it.
        try await SeedMissingPolicyDefaults().prepare(on: database)
    }

    func revert(on database: Database) async throws {
        for table in [
            "organisation_changes", "organisation_certificates", "organisation_application_steps",
            "organisation_applications",
        ] {
            try await database.schema(table).delete()
        }
    }
}

/// A registration application as the pages and the API show it (the representative's ID masked).
struct RegistrationRecord: Content, Sendable {
    let id: UUID
    let version: Int
    let type: String
    let typeName: String
    let organisationId: UUID?
    let organisationName: String?
    let kind: String
    let kindName: String
    let region: String
    let state: String
    let stateName: String
    let returnedFrom: String?
    let name: String?
    let domicile: String?
    let businessScope: String?
    let supervisingUnit: String?
    let registeredCapitalFen: Int64?
    let registeredCapital: String?
    let legalRepresentativeName: String?
    let legalRepresentativeIdMasked: String?
    let legalRepresentativePersonId: UUID?
    let reason: String?
    let creditCode: String?
    let decisionNote: String?
    let applicantUserId: UUID?
    let submittedBy: String
    let submittedOn: String

    var registration: RegistrationKind { RegistrationKind(rawValue: type) ?? .establishment }
    var organisationKind: OrganisationKind { OrganisationKind(rawValue: kind) ?? .socialGroup }

    var workflowState: ApplicationState {
        ApplicationState(
            status: WorkflowState(rawValue: state) ?? .submitted, flow: .registry,
            region: RegionCode(region) ?? RegionTable.changzhou,
            returnedFrom: returnedFrom.flatMap(WorkflowState.init(rawValue:)))
    }
}

/// One step of a registration's history.
struct RegistrationStep: Content, Sendable {
    let action: String
    let actionName: String
    let from: String
    let to: String
    let toName: String
    let actorName: String
    let note: String?
    let at: Date
}

/// A registration certificate with the fields printed on it.
struct CertificateRecord: Content, Sendable {
    let id: UUID
    let organisationId: UUID
    let applicationId: UUID?
    let number: String
    let title: String
    let issuedOn: String
    let validUntil: String
    let status: String
    let statusName: String
    let creditCode: String
    let name: String
    let kind: String
    let kindName: String
    let domicile: String
    let legalRepresentativeName: String
    let businessScope: String
    let supervisingUnit: String?
    let registeredCapitalFen: Int64
    let registeredCapital: String
    let registeredOn: String
    let endedOn: String?
    let endedReason: String?

    static func statusName(_ status: String) -> String {
        ["current": "有效", "superseded": "已换发（变更登记）", "withdrawn": "已收缴"][status] ?? status
    }
}

/// One field a change altered: the old and the new value.
struct OrganisationChangeEntry: Content, Sendable {
    let field: String
    let fieldName: String
    let oldValue: String
    let newValue: String
    let changedOn: String
    let recordedBy: String

    static let names = [
        "name": "名称", "domicile": "住所", "businessScope": "业务范围", "registeredCapitalFen": "注册资金（分）",
        "legalRepresentative": "法定代表人",
    ]
}

/// The SQL of registrations, certificates and changes.
struct RegistrationStore {
    let db: SQLDatabase

    /// Who reads: the clerk the region's, a resident their own applications, an organisation's
    /// account its organisation's.
    enum Viewer: Sendable {
        case clerk(RegionScope)
        case applicant(UUID)
        case organisation(UUID)

        var condition: SQLQueryString {
            switch self {
            case .clerk(let scope): return scope.condition("a.region")
            case .applicant(let user): return "a.applicant_user_id = \(bind: user)"
            case .organisation(let id): return "a.organisation_id = \(bind: id)"
            }
        }
    }

    /// The application as stored; the representative sealed.
    struct NewRow: Sendable {
        var id: UUID
        var type: RegistrationKind
        var organisationID: UUID?
        var kind: OrganisationKind
        var region: String
        var name: String?
        var domicile: String?
        var businessScope: String?
        var supervisingUnit: String?
        var capital: Int64?
        var representative: OrganisationStore.SealedRepresentative?
        var reason: String?
        var applicant: UUID?
        var submittedBy: String
        var submittedOn: CivilDate
    }

    func insert(_ r: NewRow, at now: Date) async throws {
        try await db.raw(
            """
            INSERT INTO organisation_applications (id, type, organisation_id, organisation_kind, region, state, name,
              domicile, business_scope, supervising_unit, registered_capital_fen, rep_person_id, rep_name, rep_id_cipher,
              rep_id_masked, reason, applicant_user_id, submitted_by, submitted_on, version, created_at, updated_at)
            VALUES (\(bind: r.id), \(bind: r.type.rawValue), \(bind: r.organisationID), \(bind: r.kind.rawValue),
              \(bind: r.region), 'submitted', \(bind: r.name), \(bind: r.domicile), \(bind: r.businessScope),
              \(bind: r.supervisingUnit), \(bind: r.capital), \(bind: r.representative?.personID),
              \(bind: r.representative?.name), \(bind: r.representative?.cipher), \(bind: r.representative?.masked),
              \(bind: r.reason), \(bind: r.applicant), \(bind: r.submittedBy), \(bind: r.submittedOn.description), 1,
              \(bind: now), \(bind: now))
            """
        ).run()
        try await ReceiptStore(db: db).issue(
            .organisationRegistration, record: r.id, owner: r.applicant, person: nil, region: r.region,
            on: r.submittedOn, at: now)
    }

    private static let select: SQLQueryString = """
        SELECT a.*, o.name AS organisation_name FROM organisation_applications a
        LEFT JOIN organisations o ON o.id = a.organisation_id
        """

    func find(_ id: UUID, for viewer: Viewer) async throws -> RegistrationRecord? {
        try await db.raw("\(Self.select) WHERE a.id = \(bind: id) AND \(viewer.condition)").first().map(Self.record)
    }

    /// The sealed ID of the representative an application proposes.
    func sealedRepresentative(_ id: UUID) async throws -> String? {
        try await db.raw("SELECT rep_id_cipher FROM organisation_applications WHERE id = \(bind: id)").first()?
            .decode(column: "rep_id_cipher", as: String?.self)
    }

    func list(
        for viewer: Viewer, state: WorkflowState?, type: RegistrationKind?, organisation: UUID?, page: PageRequest
    ) async throws -> Page<RegistrationRecord> {
        var conditions: [SQLQueryString] = [viewer.condition]
        if let state { conditions.append("a.state = \(bind: state.rawValue)") }
        if let type { conditions.append("a.type = \(bind: type.rawValue)") }
        if let organisation { conditions.append("a.organisation_id = \(bind: organisation)") }
        let filter = conditions.joined(separator: " AND ")
        let total =
            try await db.raw("SELECT COUNT(*) AS n FROM organisation_applications a WHERE \(filter)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw(
            """
            \(Self.select) WHERE \(filter) ORDER BY a.submitted_on DESC, a.created_at DESC, a.id
            LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        return Page(items: try rows.map(Self.record), total: total, page: page.page, perPage: page.perPage)
    }

    /// An open change or deregistration of the organisation, if any.
    func openApplication(of organisation: UUID) async throws -> UUID? {
        try await db.raw(
            """
            SELECT id FROM organisation_applications WHERE organisation_id = \(bind: organisation)
              AND state NOT IN ('approved', 'rejected', 'withdrawn')
            """
        ).first()?.decode(column: "id", as: UUID.self)
    }

    /// Saves the step's state when `version` is still the application's.
    func saveStep(
        _ after: ApplicationState, of id: UUID, version: Int, decisionNote: String?, at now: Date
    ) async throws -> Bool {
        try await db.raw(
            """
            UPDATE organisation_applications SET state = \(bind: after.status.rawValue),
              returned_from = \(bind: after.returnedFrom?.rawValue),
              decision_note = COALESCE(\(bind: decisionNote), decision_note), version = version + 1,
              updated_at = \(bind: now)
            WHERE id = \(bind: id) AND version = \(bind: version) RETURNING id
            """
        ).first() != nil
    }

    func recordStep(_ t: Transition, of id: UUID, actorName: String, note: String?, at now: Date) async throws {
        try await db.raw(
            """
            INSERT INTO organisation_application_steps (id, application_id, action, from_state, to_state, actor_name,
              note, at)
            VALUES (\(bind: UUID()), \(bind: id), \(bind: t.action.rawValue), \(bind: t.from.rawValue),
              \(bind: t.to.rawValue), \(bind: actorName), \(bind: note), \(bind: now))
            """
        ).run()
    }

    func linkOrganisation(_ application: UUID, organisation: UUID, creditCode: String) async throws {
        try await db.raw(
            """
            UPDATE organisation_applications SET organisation_id = \(bind: organisation),
              credit_code = \(bind: creditCode) WHERE id = \(bind: application)
            """
        ).run()
    }

    func steps(_ id: UUID) async throws -> [RegistrationStep] {
        try await db.raw(
            "SELECT * FROM organisation_application_steps WHERE application_id = \(bind: id) ORDER BY at, id"
        ).all().map { r in
            let action = WorkflowActionKind(rawValue: try r.decode(column: "action", as: String.self)) ?? .accept
            let to = WorkflowState(rawValue: try r.decode(column: "to_state", as: String.self)) ?? .submitted
            return RegistrationStep(
                action: action.rawValue, actionName: action.chinese,
                from: try r.decode(column: "from_state", as: String.self), to: to.rawValue, toName: to.chinese,
                actorName: try r.decode(column: "actor_name", as: String.self),
                note: try r.decode(column: "note", as: String?.self), at: try r.decode(column: "at", as: Date.self))
        }
    }

    static func record(_ r: SQLRow) throws -> RegistrationRecord {
        let type = RegistrationKind(rawValue: try r.decode(column: "type", as: String.self)) ?? .establishment
        let kind =
            OrganisationKind(rawValue: try r.decode(column: "organisation_kind", as: String.self)) ?? .socialGroup
        let state = WorkflowState(rawValue: try r.decode(column: "state", as: String.self)) ?? .submitted
        let capital = try r.decode(column: "registered_capital_fen", as: Int64?.self)
        return RegistrationRecord(
            id: try r.decode(column: "id", as: UUID.self), version: try r.decode(column: "version", as: Int.self),
            type: type.rawValue, typeName: type.chinese,
            organisationId: try r.decode(column: "organisation_id", as: UUID?.self),
            organisationName: try r.decode(column: "organisation_name", as: String?.self), kind: kind.rawValue,
            kindName: kind.chinese, region: try r.decode(column: "region", as: String.self), state: state.rawValue,
            stateName: state.chinese, returnedFrom: try r.decode(column: "returned_from", as: String?.self),
            name: try r.decode(column: "name", as: String?.self),
            domicile: try r.decode(column: "domicile", as: String?.self),
            businessScope: try r.decode(column: "business_scope", as: String?.self),
            supervisingUnit: try r.decode(column: "supervising_unit", as: String?.self),
            registeredCapitalFen: capital, registeredCapital: capital.map { Fen($0).yuanString },
            legalRepresentativeName: try r.decode(column: "rep_name", as: String?.self),
            legalRepresentativeIdMasked: try r.decode(column: "rep_id_masked", as: String?.self),
            legalRepresentativePersonId: try r.decode(column: "rep_person_id", as: UUID?.self),
            reason: try r.decode(column: "reason", as: String?.self),
            creditCode: try r.decode(column: "credit_code", as: String?.self),
            decisionNote: try r.decode(column: "decision_note", as: String?.self),
            applicantUserId: try r.decode(column: "applicant_user_id", as: UUID?.self),
            submittedBy: try r.decode(column: "submitted_by", as: String.self),
            submittedOn: try r.decode(column: "submitted_on", as: String.self))
    }

    // MARK: changes

    /// Writes the changed fields on the organisation and keeps each old value.
    func applyChange(
        _ o: OrganisationRecord, _ application: RegistrationRecord, representative: (String, String, String)?,
        on day: CivilDate, by name: String, at now: Date
    ) async throws -> [OrganisationChangeEntry] {
        var entries: [(String, String, String)] = []
        if let v = application.name, v != o.name { entries.append(("name", o.name, v)) }
        if let v = application.domicile, v != o.domicile { entries.append(("domicile", o.domicile, v)) }
        if let v = application.businessScope, v != o.businessScope {
            entries.append(("businessScope", o.businessScope, v))
        }
        if let v = application.registeredCapitalFen, v != o.registeredCapitalFen {
            entries.append(("registeredCapitalFen", "\(o.registeredCapitalFen)", "\(v)"))
        }
        if let rep = application.legalRepresentativeName, let masked = application.legalRepresentativeIdMasked {
            entries.append(
                (
                    "legalRepresentative", "\(o.legalRepresentativeName)（\(o.legalRepresentativeIdMasked)）",
                    "\(rep)（\(masked)）"
                ))
        }
        try await db.raw(
            """
            UPDATE organisations SET name = COALESCE(\(bind: application.name), name),
              domicile = COALESCE(\(bind: application.domicile), domicile),
              business_scope = COALESCE(\(bind: application.businessScope), business_scope),
              registered_capital_fen = COALESCE(\(bind: application.registeredCapitalFen), registered_capital_fen),
              version = version + 1, updated_at = \(bind: now)
            WHERE id = \(bind: o.id)
            """
        ).run()
        if let sealed = representative, let rep = application.legalRepresentativeName {
            let (cipher, index, masked) = sealed
            try await db.raw(
                """
                UPDATE organisations SET rep_person_id = \(bind: application.legalRepresentativePersonId),
                  rep_name = \(bind: rep), rep_id_cipher = \(bind: cipher), rep_id_index = \(bind: index),
                  rep_id_masked = \(bind: masked)
                WHERE id = \(bind: o.id)
                """
            ).run()
        }
        for (field, old, new) in entries {
            try await db.raw(
                """
                INSERT INTO organisation_changes (id, organisation_id, application_id, field, old_value, new_value,
                  changed_on, recorded_by, created_at)
                VALUES (\(bind: UUID()), \(bind: o.id), \(bind: application.id), \(bind: field), \(bind: old),
                  \(bind: new), \(bind: day.description), \(bind: name), \(bind: now))
                """
            ).run()
        }
        return entries.map {
            OrganisationChangeEntry(
                field: $0.0, fieldName: OrganisationChangeEntry.names[$0.0] ?? $0.0, oldValue: $0.1, newValue: $0.2,
                changedOn: day.description, recordedBy: name)
        }
    }

    func changes(_ organisation: UUID) async throws -> [OrganisationChangeEntry] {
        try await db.raw(
            """
            SELECT * FROM organisation_changes WHERE organisation_id = \(bind: organisation)
            ORDER BY changed_on DESC, created_at DESC
            """
        ).all().map { r in
            let field = try r.decode(column: "field", as: String.self)
            return OrganisationChangeEntry(
                field: field, fieldName: OrganisationChangeEntry.names[field] ?? field,
                oldValue: try r.decode(column: "old_value", as: String.self),
                newValue: try r.decode(column: "new_value", as: String.self),
                changedOn: try r.decode(column: "changed_on", as: String.self),
                recordedBy: try r.decode(column: "recorded_by", as: String.self))
        }
    }

    // MARK: certificates

    /// Issues the certificate of the organisation as it now stands, numbered in the year's series.
    func issueCertificate(
        _ o: OrganisationRecord, application: UUID?, on day: CivilDate, validityYears: Int, at now: Date
    ) async throws -> (UUID, String) {
        let prefix = RegistrationCertificate.number(year: day.year, sequence: 0).replacingOccurrences(
            of: "00000 号", with: "")
        let issued =
            try await db.raw(
                "SELECT COUNT(*) AS n FROM organisation_certificates WHERE number LIKE \(bind: prefix + "%")"
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        let number = RegistrationCertificate.number(year: day.year, sequence: issued + 1)
        let id = UUID()
        let kind = OrganisationKind(rawValue: o.kind) ?? .socialGroup
        try await db.raw(
            """
            INSERT INTO organisation_certificates (id, organisation_id, application_id, number, title, issued_on,
              valid_until, status, credit_code, name, kind, domicile, rep_name, business_scope, supervising_unit,
              registered_capital_fen, registered_on, created_at)
            VALUES (\(bind: id), \(bind: o.id), \(bind: application), \(bind: number),
              \(bind: RegistrationCertificate.title(kind)), \(bind: day.description),
              \(bind: RegistrationCertificate.validUntil(issuedOn: day, years: validityYears).description), 'current',
              \(bind: o.creditCode), \(bind: o.name), \(bind: o.kind), \(bind: o.domicile),
              \(bind: o.legalRepresentativeName), \(bind: o.businessScope), \(bind: o.supervisingUnit),
              \(bind: o.registeredCapitalFen), \(bind: o.registeredOn), \(bind: now))
            """
        ).run()
        return (id, number)
    }

    /// Ends the organisation's current certificate (`superseded` by a new one, or `withdrawn`);
    /// its number, or nil when it had none.
    func endCertificate(
        of organisation: UUID, as status: String, on day: CivilDate, reason: String
    ) async throws -> String? {
        try await db.raw(
            """
            UPDATE organisation_certificates SET status = \(bind: status), ended_on = \(bind: day.description),
              ended_reason = \(bind: reason)
            WHERE organisation_id = \(bind: organisation) AND status = 'current' RETURNING number
            """
        ).first()?.decode(column: "number", as: String.self)
    }

    func certificates(_ organisation: UUID) async throws -> [CertificateRecord] {
        try await db.raw(
            """
            SELECT * FROM organisation_certificates WHERE organisation_id = \(bind: organisation)
            ORDER BY issued_on DESC, number DESC
            """
        ).all().map(Self.certificate)
    }

    func certificate(_ id: UUID) async throws -> CertificateRecord? {
        try await db.raw("SELECT * FROM organisation_certificates WHERE id = \(bind: id)").first().map(
            Self.certificate)
    }

    static func certificate(_ r: SQLRow) throws -> CertificateRecord {
        let kind = OrganisationKind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .socialGroup
        let status = try r.decode(column: "status", as: String.self)
        let capital = try r.decode(column: "registered_capital_fen", as: Int64.self)
        return CertificateRecord(
            id: try r.decode(column: "id", as: UUID.self),
            organisationId: try r.decode(column: "organisation_id", as: UUID.self),
            applicationId: try r.decode(column: "application_id", as: UUID?.self),
            number: try r.decode(column: "number", as: String.self),
            title: try r.decode(column: "title", as: String.self),
            issuedOn: try r.decode(column: "issued_on", as: String.self),
            validUntil: try r.decode(column: "valid_until", as: String.self), status: status,
            statusName: CertificateRecord.statusName(status),
            creditCode: try r.decode(column: "credit_code", as: String.self),
            name: try r.decode(column: "name", as: String.self), kind: kind.rawValue, kindName: kind.chinese,
            domicile: try r.decode(column: "domicile", as: String.self),
            legalRepresentativeName: try r.decode(column: "rep_name", as: String.self),
            businessScope: try r.decode(column: "business_scope", as: String.self),
            supervisingUnit: try r.decode(column: "supervising_unit", as: String?.self),
            registeredCapitalFen: capital, registeredCapital: Fen(capital).yuanString,
            registeredOn: try r.decode(column: "registered_on", as: String.self),
            endedOn: try r.decode(column: "ended_on", as: String?.self),
            endedReason: try r.decode(column: "ended_reason", as: String?.self))
    }

    // MARK: unreachable at the domicile

    /// Sets or clears `unreachable_since`.
    func setUnreachable(_ organisation: UUID, since: CivilDate?, at now: Date) async throws {
        try await db.raw(
            """
            UPDATE organisations SET unreachable_since = \(bind: since?.description), version = version + 1,
              updated_at = \(bind: now) WHERE id = \(bind: organisation)
            """
        ).run()
    }

    func listedForMissedReport(_ organisation: UUID) async throws -> Bool {
        try await db.raw(
            "SELECT listed_for_missed_report FROM organisations WHERE id = \(bind: organisation)"
        ).first()?.decode(column: "listed_for_missed_report", as: Bool.self) ?? false
    }
}
