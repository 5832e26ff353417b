@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// 德康驿站: a station of 雕庄 (320402001) with its checklist, a patient enrolled by the
/// station's staff; the diagnosis seen by the station's staff and the district's health liaison
/// only — officers see counts (403 on a record), another street or district 404 — sealed at
/// rest and every opening audited; the month's counts by station and party against the targets.
@Suite("德康驿站 (community mental-health rehabilitation)")
struct RehabTests {
    struct Station: Decodable {
        struct Summary: Decodable {
            let id: UUID
            let meetsStandard: Bool
            let missing: [String]
        }
        let station: Summary
        let version: Int
        let patients: [Patient]?
    }

    struct Patient: Decodable {
        let id: UUID
        let name: String
    }

    struct Record: Decodable {
        let id: UUID
        let diagnosis: String
        let guardianPhone: String
        let services: [Service]
        let attendance: [String]
    }

    struct Service: Decodable {
        let party: String
        let kind: String
    }

    struct Counts: Decodable, Equatable {
        let patients: Int
        let newPatients: Int
        let attendances: Int
        let hospital: Int
        let community: Int
        let family: Int
        let socialOrganisation: Int
        let services: Int
    }

    struct Overview: Decodable {
        struct Row: Decodable {
            let id: UUID
            let counts: Counts
        }
        struct Progress: Decodable {
            let stations: Int
            let stationsMeetingStandard: Int
            let stationTarget: Int
            let patients: Int
            let patientTarget: Int
        }
        let month: String
        let stations: [Row]
        let totals: Counts
        let progress: Progress
    }

    static let first = residentID("32040219800101401")
    static let second = residentID("32040219820101402")
    static let diagnosis = "精神分裂症（测试）"

    /// Two adults of 雕庄 on the registry; a station opened a year ago, lacking the first-aid kit.
    static func world(_ app: Application) async throws -> (admin: String, station: UUID) {
        let admin = try await app.token(role: .cityAdmin, region: "3204")
        let household = try await send(
            app, .POST, "/api/v1/households", token: admin,
            json: [
                "region": "320402001", "address": "常州市天宁区雕庄街道康复路1号",
                "members": [
                    ["relation": "head", "name": "周明", "idNumber": first],
                    ["relation": "spouse", "name": "吴芳", "idNumber": second],
                ],
            ])
        #expect(household.status == .created, "\(household.body.string)")
        let district = try await app.token(role: .districtOfficer, region: "320402")
        let created = try await send(
            app, .POST, "/api/v1/rehab-stations", token: district,
            json: [
                "name": "雕庄德康驿站", "region": "320402001", "address": "雕庄街道社区服务中心",
                "operatorKind": "socialOrganisation", "operatorName": "常州市心航社会工作服务中心",
                "openedOn": app.platform.clock.today.adding(days: -365).description,
                "equipment": RehabEquipment.allCases.filter { $0 != .firstAidKit }.map(\.rawValue),
            ])
        #expect(created.status == .created, "\(created.body.string)")
        let station = try created.json(Station.self)
        #expect(!station.station.meetsStandard && station.station.missing == ["急救箱及应急药品"])
        return (admin, station.station.id)
    }

    /// A station of `region` with `person` enrolled, written straight to the tables.
    static func stationWithPatient(_ app: Application, region: String, person: UUID) async throws -> (UUID, UUID) {
        let store = RehabStore(db: app.sql)
        let station = RehabStore.StationRow(
            id: UUID(), name: "\(region)德康驿站", region: region, address: "测试路", operatorKind: "community",
            operatorName: "社区", openedOn: "2024-01-01", equipment: "", version: 1)
        try await store.insertStation(station, at: Date())
        let patient = RehabStore.PatientRow(
            id: UUID(), stationId: station.id, personId: person, region: region, enrolledOn: "2025-01-01", leftOn: nil,
            leaveReason: nil,
            detailsCipher: app.platform.cipher.encrypt(
                #"{"diagnosis":"测试","guardianName":"家属","guardianPhone":"13900000000"}"#),
            enrolledBy: "test", version: 1)
        try await store.insertPatient(patient, at: Date())
        return (station.id, patient.id)
    }

    static func enrolment(_ idNumber: String = first, on day: CivilDate) -> [String: Any] {
        [
            "idNumber": idNumber, "enrolledOn": day.description, "diagnosis": diagnosis, "guardianName": "周母",
            "guardianRelation": "母亲", "guardianPhone": "13912345678",
        ]
    }

    @Test(
        "the diagnosis: the station's staff and the district's liaison see it; officers 403, another street or district 404; sealed, every opening audited",
        arguments: TestDatabase.available)
    func whoSeesTheDiagnosis(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let w = try await Self.world(app)
            let today = app.platform.clock.today
            let staff = try await app.token(role: .stationStaff, region: "320402001")
            let enrolled = try await send(
                app, .POST, "/api/v1/rehab-stations/\(w.station)/patients", token: staff,
                json: Self.enrolment(on: today.adding(days: -30)))
            #expect(enrolled.status == .created, "\(enrolled.body.string)")
            let patient = try enrolled.json(Record.self)
            #expect(patient.diagnosis == Self.diagnosis && patient.guardianPhone == "13912345678")

            let liaison = try await app.token(role: .healthLiaison, region: "320402")
            for (token, status) in [
                (staff, HTTPStatus.ok), (liaison, .ok),
                (try await app.token(role: .stationStaff, region: "320402002"), .notFound),
                (try await app.token(role: .healthLiaison, region: "320404"), .notFound),
                (w.admin, .forbidden), (try await app.token(role: .districtOfficer, region: "320402"), .forbidden),
                (try await app.token(role: .streetOfficer, region: "320402001"), .forbidden),
                (try await app.token(role: .auditor, region: "3204"), .forbidden),
            ] {
                let res = try await send(app, .GET, "/api/v1/rehab-patients/\(patient.id)", token: token)
                #expect(res.status == status, "\(res.body.string)")
                #expect(res.body.string.contains(Self.diagnosis) == (status == .ok))
            }
            // Officers see the station and its counts, never a name or a diagnosis.
            for path in ["/api/v1/rehab-stations/\(w.station)", "/api/v1/rehab-stations"] {
                let res = try await send(app, .GET, path, token: w.admin)
                #expect(res.status == .ok)
                #expect(!res.body.string.contains(Self.diagnosis) && !res.body.string.contains("周明"))
            }
            #expect(
                try await send(app, .GET, "/api/v1/rehab-stations/\(w.station)", token: w.admin).json(
                    Station.self
                ).patients == nil)
            #expect(
                try await send(app, .GET, "/api/v1/rehab-stations/\(w.station)/patients", token: w.admin).status
                    == .forbidden)
            #expect(
                try await send(app, .GET, "/api/v1/rehab-stations/\(w.station)/patients", token: staff).json(
                    [Patient].self
                ).map(\.name) == ["周明"])
            // Sealed at rest; the enrolment and both openings audited, never with the diagnosis.
            let sealed = try await app.sql.raw("SELECT details_cipher FROM rehab_patients").all().map {
                try $0.decode(column: "details_cipher", as: String.self)
            }
            #expect(sealed.count == 1 && !sealed[0].contains("精神"))
            let views = try await app.sql.raw(
                "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'rehab.patient.view'"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(views == 3)
            let trail = try await app.sql.raw("SELECT after_json FROM audit_events WHERE action LIKE 'rehab.%'").all()
                .map { try $0.decode(column: "after_json", as: String?.self) ?? "" }.joined()
            #expect(!trail.contains("精神分裂") && !trail.contains(Self.first))
            // Enrolling the same person again is refused while the first enrolment is open.
            let again = try await send(
                app, .POST, "/api/v1/rehab-stations/\(w.station)/patients", token: staff,
                json: Self.enrolment(on: today))
            #expect(again.status == .conflict)
            #expect(try again.json(ErrorAnswer.self).field == "idNumber")
            // Another street's staff cannot enrol at this station (404), an officer may not (403).
            let elsewhere = try await app.token(role: .stationStaff, region: "320402002")
            #expect(
                try await send(
                    app, .POST, "/api/v1/rehab-stations/\(w.station)/patients", token: elsewhere,
                    json: Self.enrolment(Self.second, on: today)
                ).status == .notFound)
            #expect(
                try await send(
                    app, .POST, "/api/v1/rehab-stations/\(w.station)/patients", token: w.admin,
                    json: Self.enrolment(Self.second, on: today)
                ).status == .forbidden)
        }
    }

    @Test(
        "the month's counts by station and party, against the targets; attendance once a day; refusals name the field",
        arguments: TestDatabase.available)
    func monthlyCounts(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let w = try await Self.world(app)
            let today = app.platform.clock.today
            let month = today.yearMonth
            let staff = try await app.token(role: .stationStaff, region: "320402001")
            let lastMonth = month.adding(months: -1).firstDay
            let a = try await send(
                app, .POST, "/api/v1/rehab-stations/\(w.station)/patients", token: staff,
                json: Self.enrolment(on: lastMonth)
            ).json(Record.self)
            let b = try await send(
                app, .POST, "/api/v1/rehab-stations/\(w.station)/patients", token: staff,
                json: Self.enrolment(Self.second, on: month.firstDay)
            ).json(Record.self)
            let day = month.firstDay.description
            let attended = try await send(
                app, .POST, "/api/v1/rehab-stations/\(w.station)/attendance", token: staff,
                json: ["day": day, "patientIds": [a.id.uuidString, b.id.uuidString]])
            #expect(attended.status == .ok, "\(attended.body.string)")
            let twice = try await send(
                app, .POST, "/api/v1/rehab-stations/\(w.station)/attendance", token: staff,
                json: ["day": day, "patientIds": [a.id.uuidString]])
            #expect(try twice.json(RehabAttendanceResult.self).added == 0)
            // Last month: a's attendance and a hospital visit.
            _ = try await send(
                app, .POST, "/api/v1/rehab-stations/\(w.station)/attendance", token: staff,
                json: ["day": lastMonth.description, "patientIds": [a.id.uuidString]])
            let liaison = try await app.token(role: .healthLiaison, region: "320402")
            for (patient, on, party, kind) in [
                (a.id, lastMonth, "hospital", "referral"), (a.id, month.firstDay, "hospital", "medicationSupervision"),
                (b.id, month.firstDay, "hospital", "medicationSupervision"),
                (b.id, month.firstDay, "family", "familySupport"),
                (a.id, month.firstDay, "socialOrganisation", "skillsTraining"),
            ] {
                let res = try await send(
                    app, .POST, "/api/v1/rehab-patients/\(patient)/services", token: liaison,
                    json: ["servedOn": on.description, "party": party, "kind": kind, "note": "按时服药"])
                #expect(res.status == .created, "\(res.body.string)")
            }
            for (body, field) in [
                (["servedOn": day, "party": "police", "kind": "referral"], "party"),
                (["servedOn": day, "party": "family", "kind": "dancing"], "kind"),
                (
                    ["servedOn": lastMonth.adding(days: -1).description, "party": "family", "kind": "familySupport"],
                    "servedOn"
                ),
                (
                    ["servedOn": today.adding(days: 1).description, "party": "family", "kind": "familySupport"],
                    "servedOn"
                ),
            ] {
                let res = try await send(
                    app, .POST, "/api/v1/rehab-patients/\(a.id)/services", token: staff, json: body)
                #expect(res.status == .badRequest, "\(field): \(res.body.string)")
                #expect(try res.json(ErrorAnswer.self).field == field)
            }
            // b leaves today; still counted in this month.
            let left = try await send(
                app, .POST, "/api/v1/rehab-patients/\(b.id)/leaving", token: staff,
                json: ["leftOn": today.description, "reason": "recovered"])
            #expect(left.status == .ok, "\(left.body.string)")

            let admin = try await send(app, .GET, "/api/v1/rehab-stations?month=\(month)", token: w.admin).json(
                Overview.self)
            #expect(admin.month == month.description)
            let expected = Counts(
                patients: 2, newPatients: 1, attendances: 2, hospital: 2, community: 0, family: 1,
                socialOrganisation: 1, services: 4)
            #expect(admin.stations.map(\.counts) == [expected])
            #expect(admin.totals == expected)
            #expect(admin.progress.stations == 1 && admin.progress.stationsMeetingStandard == 0)
            #expect(admin.progress.stationTarget == 20 && admin.progress.patientTarget == 5000)
            #expect(admin.progress.patients == 2)
            let previous = try await send(
                app, .GET, "/api/v1/rehab-stations?month=\(month.adding(months: -1))", token: w.admin
            ).json(Overview.self)
            #expect(
                previous.totals
                    == Counts(
                        patients: 1, newPatients: 1, attendances: 1, hospital: 1, community: 0, family: 0,
                        socialOrganisation: 0, services: 1))
            // Another district's officer sees no station; a bad month is a 400 naming it.
            let other = try await app.token(role: .districtOfficer, region: "320404")
            #expect(
                try await send(app, .GET, "/api/v1/rehab-stations", token: other).json(Overview.self).stations
                    .isEmpty)
            #expect(
                try await send(app, .GET, "/api/v1/rehab-stations/\(w.station)", token: other).status == .notFound)
            let bad = try await send(app, .GET, "/api/v1/rehab-stations?month=2026-13", token: w.admin)
            #expect(try bad.json(ErrorAnswer.self).field == "month")
            // The checklist completed by the district: the station meets the standard.
            let district = try await app.token(role: .districtOfficer, region: "320402")
            let version = try await send(app, .GET, "/api/v1/rehab-stations/\(w.station)", token: district).json(
                Station.self
            ).version
            let saved = try await send(
                app, .PUT, "/api/v1/rehab-stations/\(w.station)/equipment", token: district,
                json: ["present": RehabEquipment.allCases.map(\.rawValue), "version": version])
            #expect(try saved.json(Station.self).station.meetsStandard)
            let stale = try await send(
                app, .PUT, "/api/v1/rehab-stations/\(w.station)/equipment", token: district,
                json: ["present": [String](), "version": version])
            #expect(stale.status == .conflict)
            #expect(
                try await send(
                    app, .PUT, "/api/v1/rehab-stations/\(w.station)/equipment", token: staff,
                    json: ["present": [String](), "version": version + 1]
                ).status == .forbidden)
        }
    }

    @Test(
        "the pages: the staff's roll call and a patient's record with the diagnosis; the administrator's counts without it",
        arguments: TestDatabase.available)
    func pages(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let w = try await Self.world(app)
            let today = app.platform.clock.today
            let staff = try await PolicyPageTests.signedIn(app, role: .stationStaff, region: "320402001")
            let station = try await FormVisit.open(app, "/rehab-stations/\(w.station)", cookie: staff)
            #expect(station.page.body.string.contains("患者入站"))
            let refused = try await station.post(
                app, "/rehab-stations/\(w.station)/patients",
                [("idNumber", Self.first), ("enrolledOn", today.description), ("guardianName", "周母")])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("诊断不能为空"))
            let enrolled = try await station.post(
                app, "/rehab-stations/\(w.station)/patients",
                [
                    ("idNumber", Self.first), ("enrolledOn", today.description), ("diagnosis", Self.diagnosis),
                    ("guardianName", "周母"), ("guardianPhone", "13912345678"),
                ])
            #expect(
                enrolled.status == .seeOther, "\(enrolled.body.string.firstMatch(of: /role="alert">([^<]*)</)?.1 ?? "")"
            )
            let recordPath = try #require(enrolled.headers.first(name: .location))
            let record = try await FormVisit.open(app, recordPath, cookie: staff)
            #expect(record.page.body.string.contains(Self.diagnosis))
            let id = String(recordPath.dropFirst("/rehab-patients/".count).prefix(36))
            let served = try await record.post(
                app, "/rehab-patients/\(id)/services",
                [("servedOn", today.description), ("party", "community"), ("kind", "skillsTraining"), ("note", "")])
            #expect(served.status == .seeOther)
            let rollCall = try await FormVisit.open(app, "/rehab-stations/\(w.station)", cookie: staff)
            let marked = try await rollCall.post(
                app, "/rehab-stations/\(w.station)/attendance", [("day", today.description), ("patientIds[]", id)])
            #expect(marked.status == .seeOther)
            let after = try await AccountFixtures.get(
                app, try #require(marked.headers.first(name: .location)), cookie: staff)
            #expect(after.body.string.contains("（已到）"))

            let admin = try await PolicyPageTests.signedIn(app, role: .cityAdmin, region: "3204")
            let list = try await AccountFixtures.get(app, "/rehab-stations", cookie: admin)
            #expect(list.body.string.contains("雕庄德康驿站") && list.body.string.contains("1 / 20 个"))
            let page = try await AccountFixtures.get(app, "/rehab-stations/\(w.station)", cookie: admin)
            #expect(
                page.status == .ok && !page.body.string.contains(Self.diagnosis) && !page.body.string.contains("周明"))
            #expect(try await AccountFixtures.get(app, "/rehab-patients/\(id)", cookie: admin).status == .forbidden)
        }
    }
}
