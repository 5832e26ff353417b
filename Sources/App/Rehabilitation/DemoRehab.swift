import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The demo's 德康驿站: 13 stations on the streets with the most residents (ten fitted out to
/// the standard, three lacking an item or two), each with adults of its street enrolled over
/// the last year, their days at the station and the four parties' services in this month and
/// the last, so that `/rehab-stations` shows counts against the targets on a fresh `serve`. One
/// audit event (`rehab.seed`) for the batch. With the demo, the first station's staff account
/// (`dekang`) and its district's health liaison (`jingwei`) are made with one-time passwords:
/// no administrator may make them (`rehabCare`).
enum DemoRehab {
    static let stations = 13
    static let diagnoses = [
        "精神分裂症", "双相情感障碍", "偏执性精神病", "分裂情感性障碍", "癫痫所致精神障碍", "精神发育迟滞伴发精神障碍",
    ]
    /// What each party does: the hospital supervises medication and refers, the family is supported, …
    static let serviceKinds: [RehabParty: [RehabServiceKind]] = [
        .hospital: [.medicationSupervision, .referral], .community: [.skillsTraining, .occupationalTherapy],
        .family: [.familySupport], .socialOrganisation: [.counselling, .skillsTraining, .occupationalTherapy],
    ]
    static let operators = ["常州市心航社会工作服务中心", "常州市阳光心理服务社", "常州市康馨社会工作服务社"]

    static func seedIfEmpty(_ app: Application) async throws {
        guard app.platform.config.demoHouseholds > 0 else { return }
        let existing =
            try await app.sql.raw("SELECT COUNT(*) AS n FROM rehab_stations").first()?.decode(column: "n", as: Int.self)
            ?? 0
        guard existing == 0 else { return }
        let (stations, patients) = try await seed(app, patientsPerStation: 25)
        app.logger.info("Demo 德康驿站: \(stations) stations, \(patients) patients")
        guard let first = try await RehabStore(db: app.sql).stations(within: RegionScope(RegionTable.changzhou)).first,
            let street = RegionCode(first.region), let district = RegionCode(String(first.region.prefix(6)))
        else { return }
        let accounts = AccountStore(db: app.sql)
        if try await accounts.countUsers(role: .stationStaff) == 0 {
            try await FirstStart.firstAccount(
                app, username: "dekang", displayName: "德康驿站社工", role: .stationStaff, region: street)
        }
        if try await accounts.countUsers(role: .healthLiaison) == 0 {
            try await FirstStart.firstAccount(
                app, username: "jingwei", displayName: "区精神卫生联络员", role: .healthLiaison, region: district)
        }
    }

    /// Writes the stations, patients, attendance and services; answers how many stations and patients.
    static func seed(_ app: Application, patientsPerStation: Int) async throws -> (stations: Int, patients: Int) {
        let today = app.platform.clock.today
        let regions = app.platform.regions
        let streets = try await app.sql.raw(
            """
            SELECT SUBSTR(region, 1, 9) AS street, COUNT(*) AS n FROM persons WHERE deceased_on IS NULL
            GROUP BY SUBSTR(region, 1, 9) ORDER BY n DESC, street LIMIT \(bind: stations)
            """
        ).all().compactMap { RegionCode(try $0.decode(column: "street", as: String.self)) }
            .filter { $0.level == .street && regions.name(of: $0) != nil }
        let cipher = app.platform.cipher
        var random: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((random >> 33) % UInt64(max(n, 1)))
        }
        var stationRows: [RehabStore.StationRow] = []
        var patientRows: [RehabStore.PatientRow] = []
        var attendance = BulkInsert(
            table: "rehab_attendance", columns: ["id", "patient_id", "station_id", "day", "created_at"])
        var services = BulkInsert(
            table: "rehab_services",
            columns: [
                "id", "patient_id", "station_id", "served_on", "party", "kind", "note_cipher", "by_name", "created_at",
            ])
        let now = app.platform.clock.now
        let lastMonth = today.yearMonth.adding(months: -1).firstDay
        for (i, street) in streets.enumerated() {
            let all = RehabEquipment.allCases
            let missing: Set<RehabEquipment> = i < 10 ? [] : [all[(i * 3) % all.count], all[(i * 7) % all.count]]
            let community = i % 3 == 2
            let districtName = RegionCode(String(street.value.prefix(6))).flatMap { regions.name(of: $0) } ?? ""
            let station = RehabStore.StationRow(
                id: UUID(), name: "\(districtName)\(regions.name(of: street) ?? street.value)德康驿站",
                region: street.value,
                address: "\(regions.fullName(of: street))社区服务中心二楼",
                operatorKind: community
                    ? RehabOperatorKind.community.rawValue
                    : RehabOperatorKind.socialOrganisation.rawValue,
                operatorName: community ? "\(regions.name(of: street) ?? "")社区居民委员会" : operators[i % operators.count],
                openedOn: today.adding(days: -(400 + 90 * i)).description,
                equipment: all.filter { !missing.contains($0) }.map(\.rawValue).joined(separator: ","), version: 1)
            stationRows.append(station)
            let people = try await app.sql.raw(
                """
                SELECT p.id FROM persons p WHERE p.region LIKE \(bind: street.value + "%") AND p.deceased_on IS NULL
                  AND p.birth_date BETWEEN \(bind: today.adding(days: -70 * 366).description)
                  AND \(bind: today.adding(days: -18 * 366).description)
                ORDER BY p.id LIMIT \(bind: patientsPerStation)
                """
            ).all().map { try $0.decode(column: "id", as: UUID.self) }
            for person in people {
                let enrolled = today.adding(days: -(10 + next(360)))
                let patient = RehabStore.PatientRow(
                    id: UUID(), stationId: station.id, personId: person, region: station.region,
                    enrolledOn: enrolled.description, leftOn: nil, leaveReason: nil,
                    detailsCipher: cipher.encrypt(
                        String(
                            decoding: try JSONEncoder().encode(
                                RehabService.Details(
                                    diagnosis: diagnoses[next(diagnoses.count)], guardianName: "家属",
                                    guardianRelation: ["父母", "配偶", "子女", "兄弟姐妹"][next(4)],
                                    guardianPhone: "139" + String(String(100_000_000 + next(100_000_000)).dropFirst()),
                                    note: nil)),
                            as: UTF8.self)),
                    enrolledBy: "演示数据", version: 1)
                patientRows.append(patient)
                var day = max(lastMonth, enrolled)
                while day <= today {
                    if day.weekday < 5 && next(10) < 4 {
                        attendance.append([
                            .uuid(UUID()), .uuid(patient.id), .uuid(station.id), .text(day.description), .date(now),
                        ])
                    }
                    if next(10) == 0 {
                        let party = RehabParty.allCases[next(RehabParty.allCases.count)]
                        let kinds = serviceKinds[party] ?? []
                        let kind = kinds[next(kinds.count)]
                        services.append([
                            .uuid(UUID()), .uuid(patient.id), .uuid(station.id), .text(day.description),
                            .text(party.rawValue), .text(kind.rawValue), .null, .text("演示数据"), .date(now),
                        ])
                    }
                    day = day.adding(days: 1)
                }
            }
        }
        let (stationList, patientList) = (stationRows, patientRows)
        let (attendanceRows, serviceRows) = (attendance, services)
        try await app.writer(actor: .system("demo")).transaction { tx, audit in
            let store = RehabStore(db: tx)
            for station in stationList { try await store.insertStation(station, at: now) }
            for patient in patientList { try await store.insertPatient(patient, at: now) }
            var (attendance, services) = (attendanceRows, serviceRows)
            let counts = ["attendance": attendance.pendingCount, "services": services.pendingCount]
            try await attendance.flush(on: tx)
            try await services.flush(on: tx)
            try await audit.record(
                "rehab.seed", entity: "rehab_station", id: nil, region: RegionTable.changzhou.value,
                after: [
                    "stations": String(stationList.count), "patients": String(patientList.count),
                    "attendance": String(counts["attendance"] ?? 0), "services": String(counts["services"] ?? 0),
                ])
        }
        return (stationList.count, patientList.count)
    }
}
