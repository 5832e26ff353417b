import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// 德康驿站: the stations of one's region with their standard equipment and the month's counts
/// against the city's targets (officers: counts only); the patients' records — the diagnosis and
/// the family's contact, sealed — for the station's staff and the district's health liaison
/// only (`rehabCare`; anyone else: 403, another region: 404), each opening audited; enrolment,
/// leaving, the day's attendance and the services of the four parties.
struct RehabService {
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
        try user.require(.viewRehabStations)
        (self.db, self.writer, self.clock, self.cipher, self.regions, self.user) =
            (db, writer, clock, cipher, regions, user)
    }

    private var store: RehabStore { RehabStore(db: db) }
    private var registry: RegistryStore { RegistryStore(db: db, cipher: cipher, regions: regions, clock: clock) }

    /// What is sealed in `rehab_patients.details_cipher`.
    struct Details: Codable, Sendable {
        var diagnosis: String
        var guardianName: String
        var guardianRelation: String?
        var guardianPhone: String
        var note: String?
    }

    // MARK: Stations and counts

    /// The month asked for (`YYYY-MM`), this month when none.
    func month(_ text: String?) throws -> YearMonth {
        guard let text, !text.isEmpty else { return clock.today.yearMonth }
        guard let month = YearMonth(text) else { throw Refusal.invalid("month", "月份应为 YYYY-MM") }
        return month
    }

    /// The stations of one's region with the month's counts, the totals and the targets.
    func overview(month: YearMonth) async throws -> RehabOverview {
        let stations = try await store.stations(within: user.scope)
        let (from, through) = (month.firstDay.description, month.lastDay.description)
        let counts = try await store.counts(within: user.scope, from: from, through: through)
        let summaries = stations.map { summary($0, counts: counts[$0.id] ?? RehabStore.Counts()) }
        let parameters = try await PolicyStore(db: db).parameters(for: user.region.value, month: month)
        let opened = summaries.filter { $0.openedOn <= through }
        var totals = RehabCounts.zero
        for s in summaries { totals = totals.adding(s.counts) }
        return RehabOverview(
            month: month.description, regionName: regions.fullName(of: user.region), stations: summaries,
            totals: totals,
            progress: RehabProgress(
                stations: opened.count, stationsMeetingStandard: opened.filter(\.meetsStandard).count,
                stationTarget: parameters.rehabStationTarget, patients: totals.patients,
                patientTarget: parameters.rehabPatientTarget),
            seesPatients: user.role.may(.rehabCare), managesStations: user.role.may(.manageRehabStations))
    }

    func station(_ id: UUID?) async throws -> RehabStore.StationRow {
        guard let id, let row = try await store.station(id, within: user.scope) else { throw Refusal.notFound("驿站") }
        return row
    }

    /// One station with the month's counts; its patients (names and days, never the diagnosis)
    /// for `rehabCare` only.
    func stationDetail(_ id: UUID?, month: YearMonth) async throws -> RehabStationDetail {
        let row = try await station(id)
        let counts = try await store.counts(
            within: RegionScope(RegionCode(row.region)!), from: month.firstDay.description,
            through: month.lastDay.description)
        var patients: [RehabPatientSummary]? = nil
        if user.role.may(.rehabCare) {
            patients = try await store.patients(station: row.id, open: true).map {
                RehabPatientSummary(id: $0.row.id, name: $0.name, enrolledOn: $0.row.enrolledOn, leftOn: nil)
            }
        }
        return RehabStationDetail(
            station: summary(row, counts: counts[row.id] ?? RehabStore.Counts()), month: month.description,
            version: row.version,
            equipment: RehabEquipment.allCases.map {
                RehabStationDetail.Item(
                    code: $0.rawValue, name: $0.chinese, present: Self.present(row.equipment).contains($0))
            }, patients: patients)
    }

    private static func present(_ codes: String) -> Set<RehabEquipment> {
        Set(codes.split(separator: ",").compactMap { RehabEquipment(rawValue: String($0)) })
    }

    private func summary(_ row: RehabStore.StationRow, counts: RehabStore.Counts) -> RehabStationSummary {
        let present = Self.present(row.equipment)
        return RehabStationSummary(
            id: row.id, name: row.name, region: row.region,
            regionName: RegionCode(row.region).map(regions.fullName) ?? row.region, address: row.address,
            operatorKind: row.operatorKind,
            operatorKindName: RehabOperatorKind(rawValue: row.operatorKind)?.chinese ?? row.operatorKind,
            operatorName: row.operatorName, openedOn: row.openedOn,
            meetsStandard: RehabRules.meetsStandard(present: present),
            missing: RehabRules.missing(present: present).map(\.chinese),
            counts: RehabCounts(counts))
    }

    struct NewStation: Content {
        var name: String?
        var region: String?
        var address: String?
        var operatorKind: String?
        var operatorName: String?
        var openedOn: String?
        var equipment: [String]?
    }

    func createStation(_ input: NewStation) async throws -> RehabStationDetail {
        try user.require(.manageRehabStations)
        let (name, address, operatorName) = try RegistryInput.check { () throws(FieldProblem) in
            (
                try InputRules.line(input.name, field: "name", label: "驿站名称", maximumLength: 60)!,
                try InputRules.line(input.address, field: "address", label: "地址", maximumLength: 120)!,
                try InputRules.line(input.operatorName, field: "operatorName", label: "运营方名称", maximumLength: 100)!
            )
        }
        guard let code = input.region.flatMap({ RegionCode($0.trimmedWhitespace) }), code.level == .street,
            regions.name(of: code) != nil
        else { throw Refusal.invalid("region", "所在街道应为 9 位街道（镇）代码") }
        guard user.region.contains(code) else { throw Refusal.invalid("region", "所在街道不在本辖区") }
        guard let kind = input.operatorKind.flatMap(RehabOperatorKind.init(rawValue:)) else {
            throw Refusal.invalid("operatorKind", "运营方应为 socialOrganisation（社会组织）或 community（社区）")
        }
        guard let opened = input.openedOn.flatMap(CivilDate.init), opened <= clock.today else {
            throw Refusal.invalid("openedOn", "请填写开办日期（YYYY-MM-DD，不晚于今天）")
        }
        let equipment = try Self.equipment(input.equipment)
        guard !(try await store.stationNameTaken(name)) else {
            throw Refusal(.conflict, "已有同名驿站", field: "name")
        }
        let row = RehabStore.StationRow(
            id: UUID(), name: name, region: code.value, address: address, operatorKind: kind.rawValue,
            operatorName: operatorName, openedOn: opened.description, equipment: equipment, version: 1)
        let now = clock.now
        try await writer.transaction { tx, audit in
            try await RehabStore(db: tx).insertStation(row, at: now)
            try await audit.record(
                "rehab.station.create", entity: "rehab_station", id: row.id.uuidString, region: row.region,
                after: [
                    "name": row.name, "operator": row.operatorName, "openedOn": row.openedOn, "equipment": equipment,
                ])
        }
        return try await stationDetail(row.id, month: clock.today.yearMonth)
    }

    /// The codes given, checked, in the checklist's order.
    static func equipment(_ codes: [String]?) throws -> String {
        var present = Set<RehabEquipment>()
        for code in codes ?? [] {
            guard let item = RehabEquipment(rawValue: code) else { throw Refusal.invalid("equipment", "未知的设备 \(code)") }
            present.insert(item)
        }
        return RehabEquipment.allCases.filter(present.contains).map(\.rawValue).joined(separator: ",")
    }

    struct Equipment: Content {
        var present: [String]?
        var version: Int?
    }

    func saveEquipment(_ id: UUID?, _ input: Equipment) async throws -> RehabStationDetail {
        try user.require(.manageRehabStations)
        let row = try await station(id)
        let equipment = try Self.equipment(input.present)
        guard let version = input.version else { throw Refusal.invalid("version", "缺少版本号") }
        let now = clock.now
        try await writer.transaction { tx, audit in
            guard try await RehabStore(db: tx).saveEquipment(row.id, equipment: equipment, version: version, at: now)
            else { throw Refusal(.conflict, "驿站已被他人修改，请刷新后再试", field: "version") }
            try await audit.record(
                "rehab.station.equipment", entity: "rehab_station", id: row.id.uuidString, region: row.region,
                before: ["equipment": row.equipment], after: ["equipment": equipment])
        }
        return try await stationDetail(row.id, month: clock.today.yearMonth)
    }

    // MARK: Patients

    struct Enrolment: Content {
        var idNumber: String?
        var enrolledOn: String?
        var diagnosis: String?
        var guardianName: String?
        var guardianRelation: String?
        var guardianPhone: String?
        var note: String?
    }

    func enrol(station id: UUID?, _ input: Enrolment) async throws -> RehabPatientRecord {
        try user.require(.rehabCare)
        let station = try await station(id)
        let today = clock.today
        guard let number = input.idNumber, let resident = try? ResidentID(number, today: today) else {
            throw Refusal.invalid("idNumber", "身份证号码无效")
        }
        guard let personID = try await registry.personID(blindIndexes: cipher.blindIndexes(resident.value)),
            let person = try await registry.person(id: personID, within: user.scope)
        else { throw Refusal.invalid("idNumber", "身份证号 \(resident.masked) 未在本辖区登记") }
        guard person.deceasedOn == nil else { throw Refusal.invalid("idNumber", "身份证号 \(resident.masked) 已登记死亡") }
        guard let enrolledOn = input.enrolledOn.flatMap(CivilDate.init) else {
            throw Refusal.invalid("enrolledOn", "请填写入站日期（YYYY-MM-DD）")
        }
        if let refusal = RehabRules.checkEnrolment(
            on: enrolledOn, stationOpened: CivilDate(station.openedOn) ?? enrolledOn, today: today)
        {
            throw refusal
        }
        let details = try RegistryInput.check { () throws(FieldProblem) in
            Details(
                diagnosis: try InputRules.line(input.diagnosis, field: "diagnosis", label: "诊断", maximumLength: 100)!,
                guardianName: try InputRules.line(
                    input.guardianName, field: "guardianName", label: "监护人或家属姓名", maximumLength: 40)!,
                guardianRelation: try InputRules.line(
                    input.guardianRelation, field: "guardianRelation", label: "与患者关系", maximumLength: 20,
                    required: false),
                guardianPhone: try RegistryValidation.phone(input.guardianPhone, field: "guardianPhone") ?? "",
                note: try InputRules.text(input.note, field: "note", label: "备注"))
        }
        guard !details.guardianPhone.isEmpty else {
            throw Refusal.invalid("guardianPhone", "请填写监护人或家属的联系电话")
        }
        guard try await store.openEnrolment(person: person.id) == nil else {
            throw Refusal(.conflict, "该患者已在驿站在册，须先办理离站", field: "idNumber")
        }
        let row = RehabStore.PatientRow(
            id: UUID(), stationId: station.id, personId: person.id, region: station.region,
            enrolledOn: enrolledOn.description, leftOn: nil, leaveReason: nil,
            detailsCipher: try seal(details), enrolledBy: user.displayName, version: 1)
        let now = clock.now
        try await writer.transaction { tx, audit in
            try await RehabStore(db: tx).insertPatient(row, at: now)
            try await audit.record(
                "rehab.patient.enrol", entity: "rehab_patient", id: row.id.uuidString, region: row.region,
                after: ["station": station.name, "person": person.idNumberMasked, "enrolledOn": row.enrolledOn])
        }
        return try await open(row.id)
    }

    private func seal(_ details: Details) throws -> String {
        cipher.encrypt(String(decoding: try JSONEncoder().encode(details), as: UTF8.self))
    }

    /// A station's patients (names and days; the diagnosis only on a record's page).
    func patients(station id: UUID?, left: Bool) async throws -> [RehabPatientSummary] {
        try user.require(.rehabCare)
        let station = try await station(id)
        return try await store.patients(station: station.id, open: !left).map {
            RehabPatientSummary(id: $0.row.id, name: $0.name, enrolledOn: $0.row.enrolledOn, leftOn: $0.row.leftOn)
        }
    }

    private func patientRow(_ id: UUID?) async throws -> RehabStore.PatientRow {
        try user.require(.rehabCare)
        guard let id, let row = try await store.patient(id, within: user.scope) else { throw Refusal.notFound("患者") }
        return row
    }

    /// Opens a patient's record — the diagnosis and the family's contact — the opening audited.
    func open(_ id: UUID?) async throws -> RehabPatientRecord {
        let row = try await patientRow(id)
        try await writer.transaction { _, audit in
            try await audit.record(
                "rehab.patient.view", entity: "rehab_patient", id: row.id.uuidString, region: row.region,
                after: ["station": row.stationId.uuidString])
        }
        return try await record(row)
    }

    private func record(_ row: RehabStore.PatientRow) async throws -> RehabPatientRecord {
        let details = try JSONDecoder().decode(Details.self, from: Data(try cipher.decrypt(row.detailsCipher).utf8))
        let person = try await registry.person(id: row.personId, within: RegionScope(RegionTable.changzhou))
        let station = try await store.station(row.stationId, within: RegionScope(RegionTable.changzhou))
        let services = try await store.services(patient: row.id, limit: 100).map { s in
            RehabPatientRecord.Service(
                servedOn: s.servedOn, party: s.party, partyName: RehabParty(rawValue: s.party)?.chinese ?? s.party,
                kind: s.kind, kindName: RehabServiceKind(rawValue: s.kind)?.chinese ?? s.kind,
                note: try s.noteCipher.map(cipher.decrypt), byName: s.byName)
        }
        return RehabPatientRecord(
            id: row.id, personId: row.personId, name: person?.name ?? "", idNumberMasked: person?.idNumberMasked ?? "",
            age: person.flatMap { CivilDate($0.birthDate)?.age(on: clock.today) },
            stationId: row.stationId, stationName: station?.name ?? "", region: row.region,
            enrolledOn: row.enrolledOn, leftOn: row.leftOn, leaveReason: row.leaveReason,
            leaveReasonName: row.leaveReason.flatMap(RehabLeaveReason.init(rawValue:))?.chinese,
            diagnosis: details.diagnosis, guardianName: details.guardianName,
            guardianRelation: details.guardianRelation, guardianPhone: details.guardianPhone, note: details.note,
            version: row.version, services: services,
            attendance: try await store.attendance(patient: row.id, limit: 60))
    }

    struct Leaving: Content {
        var leftOn: String?
        var reason: String?
        var version: Int?
    }

    func leave(_ id: UUID?, _ input: Leaving) async throws -> RehabPatientRecord {
        let row = try await patientRow(id)
        guard row.leftOn == nil else { throw Refusal(.conflict, "该患者已离站") }
        guard let day = input.leftOn.flatMap(CivilDate.init) else {
            throw Refusal.invalid("leftOn", "请填写离站日期（YYYY-MM-DD）")
        }
        if let refusal = RehabRules.checkLeaving(
            on: day, enrolledOn: CivilDate(row.enrolledOn) ?? day, today: clock.today)
        {
            throw refusal
        }
        guard let reason = input.reason.flatMap(RehabLeaveReason.init(rawValue:)) else {
            throw Refusal.invalid(
                "reason", "离站原因应为 " + RehabLeaveReason.allCases.map(\.rawValue).joined(separator: "、"))
        }
        let version = input.version ?? row.version
        let now = clock.now
        try await writer.transaction { tx, audit in
            guard
                try await RehabStore(db: tx).leave(
                    row.id, on: day.description, reason: reason.rawValue, version: version, at: now)
            else { throw Refusal(.conflict, "记录已被他人修改，请刷新后再试", field: "version") }
            try await audit.record(
                "rehab.patient.leave", entity: "rehab_patient", id: row.id.uuidString, region: row.region,
                after: ["leftOn": day.description, "reason": reason.rawValue])
        }
        return try await record(try await patientRow(row.id))
    }

    struct Service: Content {
        var servedOn: String?
        var party: String?
        var kind: String?
        var note: String?
    }

    func recordService(_ id: UUID?, _ input: Service) async throws -> RehabPatientRecord {
        let row = try await patientRow(id)
        guard let day = input.servedOn.flatMap(CivilDate.init) else {
            throw Refusal.invalid("servedOn", "请填写服务日期（YYYY-MM-DD）")
        }
        if let refusal = RehabRules.checkDay(
            day, field: "servedOn", enrolledOn: CivilDate(row.enrolledOn) ?? day,
            leftOn: row.leftOn.flatMap(CivilDate.init), today: clock.today)
        {
            throw refusal
        }
        guard let party = input.party.flatMap(RehabParty.init(rawValue:)) else {
            throw Refusal.invalid("party", "服务方应为 " + RehabParty.allCases.map(\.rawValue).joined(separator: "、"))
        }
        guard let kind = input.kind.flatMap(RehabServiceKind.init(rawValue:)) else {
            throw Refusal.invalid(
                "kind", "服务内容应为 " + RehabServiceKind.allCases.map(\.rawValue).joined(separator: "、"))
        }
        let note = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.note, field: "note", label: "服务记录")
        }
        let sealed = note.map(cipher.encrypt)
        let (service, now, by) = (UUID(), clock.now, user.displayName)
        try await writer.transaction { tx, audit in
            try await RehabStore(db: tx).insertService(
                id: service, patient: row.id, station: row.stationId, servedOn: day.description, party: party.rawValue,
                kind: kind.rawValue, noteCipher: sealed, by: by, at: now)
            try await audit.record(
                "rehab.service.record", entity: "rehab_patient", id: row.id.uuidString, region: row.region,
                after: ["servedOn": day.description, "party": party.rawValue, "kind": kind.rawValue])
        }
        return try await record(row)
    }

    struct Attendance: Content {
        var day: String?
        var patientIds: [UUID]?
    }

    /// Marks the patients present on a day (a patient already marked is left as is); answers
    /// how many were added.
    func recordAttendance(station id: UUID?, _ input: Attendance) async throws -> RehabAttendanceResult {
        try user.require(.rehabCare)
        let station = try await station(id)
        guard let day = input.day.flatMap(CivilDate.init) else {
            throw Refusal.invalid("day", "请填写日期（YYYY-MM-DD）")
        }
        let ids = Array(Set(input.patientIds ?? []))
        guard !ids.isEmpty else { throw Refusal.invalid("patientIds", "请至少选择一名到站的患者") }
        let open = try await store.patients(station: station.id, open: true).map(\.row)
        let left = try await store.patients(station: station.id, open: false).map(\.row)
        let byID = Dictionary(uniqueKeysWithValues: (open + left).map { ($0.id, $0) })
        var picked: [RehabStore.PatientRow] = []
        for (i, id) in ids.enumerated() {
            guard let row = byID[id] else { throw Refusal.invalid("patientIds[\(i)]", "不是本驿站的患者") }
            if let refusal = RehabRules.checkDay(
                day, field: "day", enrolledOn: CivilDate(row.enrolledOn) ?? day,
                leftOn: row.leftOn.flatMap(CivilDate.init), today: clock.today)
            {
                throw refusal
            }
            picked.append(row)
        }
        let (rows, now) = (picked, clock.now)
        let added = try await writer.transaction { tx, audit in
            var added = 0
            for row in rows {
                if try await RehabStore(db: tx).attend(
                    patient: row.id, station: station.id, day: day.description, at: now)
                {
                    added += 1
                }
            }
            try await audit.record(
                "rehab.attendance.record", entity: "rehab_station", id: station.id.uuidString, region: station.region,
                after: ["day": day.description, "added": String(added)])
            return added
        }
        return RehabAttendanceResult(day: day.description, added: added, present: rows.count)
    }

    /// The patients of a station present on a day.
    func present(station id: UUID, day: CivilDate) async throws -> Set<UUID> {
        try user.require(.rehabCare)
        return try await store.present(station: id, day: day.description)
    }
}

/// A month's counts: patients enrolled during the month (and of them new), days attended,
/// services by party.
struct RehabCounts: Content, Equatable {
    let patients: Int
    let newPatients: Int
    let attendances: Int
    let hospital: Int
    let community: Int
    let family: Int
    let socialOrganisation: Int
    let services: Int

    static let zero = RehabCounts(
        patients: 0, newPatients: 0, attendances: 0, hospital: 0, community: 0, family: 0, socialOrganisation: 0,
        services: 0)

    init(
        patients: Int, newPatients: Int, attendances: Int, hospital: Int, community: Int, family: Int,
        socialOrganisation: Int, services: Int
    ) {
        (self.patients, self.newPatients, self.attendances) = (patients, newPatients, attendances)
        (self.hospital, self.community, self.family, self.socialOrganisation) =
            (hospital, community, family, socialOrganisation)
        self.services = services
    }

    init(_ c: RehabStore.Counts) {
        func n(_ party: RehabParty) -> Int { c.services[party.rawValue] ?? 0 }
        self.init(
            patients: c.patients, newPatients: c.newPatients, attendances: c.attendances, hospital: n(.hospital),
            community: n(.community), family: n(.family), socialOrganisation: n(.socialOrganisation),
            services: c.services.values.reduce(0, +))
    }

    func adding(_ o: RehabCounts) -> RehabCounts {
        RehabCounts(
            patients: patients + o.patients, newPatients: newPatients + o.newPatients,
            attendances: attendances + o.attendances, hospital: hospital + o.hospital,
            community: community + o.community, family: family + o.family,
            socialOrganisation: socialOrganisation + o.socialOrganisation, services: services + o.services)
    }
}

struct RehabStationSummary: Content {
    let id: UUID
    let name: String
    let region: String
    let regionName: String
    let address: String
    let operatorKind: String
    let operatorKindName: String
    let operatorName: String
    let openedOn: String
    let meetsStandard: Bool
    /// The equipment missing, by name.
    let missing: [String]
    let counts: RehabCounts
}

struct RehabOverview: Content {
    let month: String
    let regionName: String
    let stations: [RehabStationSummary]
    let totals: RehabCounts
    let progress: RehabProgress
    let seesPatients: Bool
    let managesStations: Bool
}

struct RehabStationDetail: Content {
    struct Item: Content {
        let code: String
        let name: String
        let present: Bool
    }
    let station: RehabStationSummary
    let month: String
    let version: Int
    let equipment: [Item]
    /// The open enrolments, for the station's staff and the health liaison; absent for others.
    let patients: [RehabPatientSummary]?
}

struct RehabPatientSummary: Content {
    let id: UUID
    let name: String
    let enrolledOn: String
    let leftOn: String?
}

struct RehabPatientRecord: Content {
    struct Service: Content {
        let servedOn: String
        let party: String
        let partyName: String
        let kind: String
        let kindName: String
        let note: String?
        let byName: String
    }
    let id: UUID
    let personId: UUID
    let name: String
    let idNumberMasked: String
    let age: Int?
    let stationId: UUID
    let stationName: String
    let region: String
    let enrolledOn: String
    let leftOn: String?
    let leaveReason: String?
    let leaveReasonName: String?
    let diagnosis: String
    let guardianName: String
    let guardianRelation: String?
    let guardianPhone: String
    let note: String?
    let version: Int
    let services: [Service]
    /// The last 60 days attended, newest first.
    let attendance: [String]
}

struct RehabAttendanceResult: Content {
    let day: String
    let added: Int
    let present: Int
}

extension Request {
    func rehab() throws -> RehabService {
        try RehabService(
            db: sql, writer: writer, clock: platform.clock, cipher: platform.cipher, regions: platform.regions,
            user: try user)
    }
}
