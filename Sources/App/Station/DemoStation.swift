import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The demo's assistance station (天宁, where the family-search demo's notices were published): a
/// year of cases. The people of the family-search demo's notices found this past year are its
/// unidentified cases, each linked to its notice (most still in the stay or held long-term, some
/// placed in care with the notice taken down); people who said who they were went home with an
/// escort or were handed to their family; two recent unidentified people have no notice yet,
/// one of them past the deadline (公告超时).
enum DemoStation {
    static let region = "320402"

    static func seedIfEmpty(_ app: Application) async throws {
        guard app.platform.config.demoHouseholds > 0 else { return }
        let existing =
            try await app.sql.raw("SELECT COUNT(*) AS n FROM station_cases").first()?.decode(column: "n", as: Int.self)
            ?? 0
        guard existing == 0 else { return }
        let n = try await seed(app)
        app.logger.info("Demo assistance station: \(n) cases")
    }

    /// Answers how many cases it wrote.
    @discardableResult
    static func seed(_ app: Application) async throws -> Int {
        let clock = app.platform.clock
        let (now, today, cipher) = (clock.now, clock.today, app.platform.cipher)
        let folder = Request.stationFolder(app.platform.config)
        var state: UInt64 = 19
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var rows: [(StationStore.Row, [StationCheck], UUID?)] = []
        func sealed(_ p: StationPrivate) -> String {
            cipher.encrypt(String(decoding: (try? JSONEncoder().encode(p)) ?? Data(), as: UTF8.self))
        }
        func row(
            name: String?, sex: String?, age: Int?, height: Int?, dialect: String?, features: String?,
            foundBy: StationFoundBy, place: String?, placeText: String, foundAt: Date, id: ResidentID?,
            status: StationCaseStatus
        ) -> StationStore.Row {
            StationStore.Row(
                id: UUID(), region: region, name: name, sex: sex, estimatedAge: age, heightCm: height,
                build: ["偏瘦", "中等", "偏胖"][Int(next() % 3)], dialect: dialect, features: features,
                clothing: ["蓝色棉袄、黑色裤子", "灰色外套、运动鞋", "军绿色大衣", "格子衬衫、布鞋"][Int(next() % 4)],
                belongings: ["塑料袋一个（衣物）", "无", "旧手机一部（无卡）", "现金 23 元"][Int(next() % 4)],
                foundBy: foundBy, foundPlace: place, foundPlaceText: placeText, foundAt: foundAt,
                intakeAt: foundAt.addingTimeInterval(Double(1 + next() % 5) * 3600),
                idMasked: id?.masked, privateCipher: "", status: status, createdBy: "演示救助站", version: 1)
        }
        let health = ["血压偏高", "营养不良", "足部冻伤，已处理", "无明显疾病"]
        let mental = ["意识清楚，答非所问", "精神状况稳定", "疑似阿尔茨海默病，记忆力差", "情绪低落"]
        let allChecks = StationCheck.allCases

        // The family-search demo's notices of this past year: the station's unidentified people.
        let notices = try await app.sql.raw(
            """
            SELECT id FROM family_search_notices WHERE station_region = \(bind: region) AND case_id IS NULL
            AND found_on >= \(bind: today.adding(days: -365).description) AND found_on <= \(bind: today.description)
            ORDER BY found_on, id LIMIT 60
            """
        ).all().map { try $0.decode(column: "id", as: UUID.self) }
        let familySearch = FamilySearchStore(db: app.sql)
        for (i, noticeID) in notices.enumerated() {
            guard let n = try await familySearch.notice(id: noticeID), let found = CivilDate(n.foundOn) else {
                continue
            }
            let age = Int(now.timeIntervalSince(BeijingTime.startOfDay(found)) / 86_400)
            // Older than three months and every fourth: placed in care; older than a month: long-term.
            let status: StationCaseStatus =
                age > 90 && i % 4 == 0 ? .placedInCare : age > 30 && i % 2 == 0 ? .longTermStay : .inStay
            var r = row(
                name: n.name, sex: n.sex, age: n.estimatedAge, height: n.heightCm, dialect: n.dialect,
                features: n.features, foundBy: [StationFoundBy.police, .publicReport, .cityManagement][i % 3],
                place: n.foundPlace,
                placeText: n.foundPlaceText ?? "天宁区街头",
                foundAt: BeijingTime.startOfDay(found).addingTimeInterval(
                    Double(8 + i % 10) * 3600), id: nil, status: status)
            if status == .placedInCare {
                r.outcomeOn = found.adding(days: 75).description
                r.institution = "常州市社会福利院"
            }
            let checks =
                status == .placedInCare ? allChecks : Array(allChecks.prefix(4 + i % 3)) + [.familySearchNotice]
            r.privateCipher = sealed(StationPrivate(health: health[i % 4], mentalState: mental[i % 4]))
            rows.append((r, checks, noticeID))
        }

        // People who said who they were: home with an escort, or handed to their family.
        let homes = [
            ("341221", "安徽省临泉县", "中原官话"), ("410523", "河南省汤阴县", "中原官话"), ("320923", "江苏省阜宁县", "江淮官话"),
            ("511028", "四川省隆昌市", "西南官话"), ("321323", "江苏省泗阳县", "中原官话"),
        ]
        let surnames = Array("王李张刘陈杨黄赵周吴徐孙马朱胡")
        let given = Array("建国明华军强伟芳秀英德福海林春")
        for i in 0..<48 {
            let day = today.adding(days: -(3 + (i * 361) / 48))
            let (code, home, dialect) = homes[i % homes.count]
            let born = 1950 + Int(next() % 45)
            let first17 =
                code + String(born) + String(format: "%02d%02d", 1 + Int(next() % 12), 1 + Int(next() % 28))
                + String(format: "%03d", Int(next() % 1000))
            let id = try? ResidentID(
                first17 + String(UnicodeScalar(ResidentID.checkCharacter(for: Array(first17.utf8)[0..<17]))),
                today: today)
            let sex = i % 3 == 0 ? "female" : "male"
            let handed = i % 4 == 1
            var r = row(
                name: "\(surnames[i % surnames.count])\(given[(i * 7) % given.count])", sex: sex,
                age: day.year - born, height: sex == "male" ? 162 + i % 15 : 152 + i % 12, dialect: dialect,
                features: nil, foundBy: [StationFoundBy.walkedIn, .police, .cityManagement][i % 3], place: "320402001",
                placeText: i % 2 == 0 ? "常州火车站北广场" : "天宁区红梅公园门口",
                foundAt: BeijingTime.startOfDay(day).addingTimeInterval(Double(7 + i % 12) * 3600), id: id,
                status: handed ? .handedToFamily : .returnedHome)
            r.outcomeOn = day.adding(days: 1 + i % 4).description
            if handed {
                r.relative = "\(surnames[i % surnames.count])某（子女）"
            } else {
                r.escort = ["站内工作人员护送乘火车", "购票送站，电话告知家属接站", "护送至户籍地救助站"][i % 3]
                r.destination = home
            }
            r.privateCipher = sealed(StationPrivate(idNumber: id?.value, health: health[(i + 1) % 4]))
            rows.append((r, allChecks, nil))
        }

        // Two recent unidentified people without a notice: one past the deadline, one not yet.
        for (hoursAgo, features) in [(30.0, "右手缺小指"), (3.0, "额头有疤")] {
            var r = row(
                name: nil, sex: "male", age: 60, height: 168, dialect: "吴语", features: features, foundBy: .publicReport,
                place: "320402002", placeText: "天宁区天宁寺附近", foundAt: now.addingTimeInterval(-hoursAgo * 3600),
                id: nil, status: .inStay)
            r.intakeAt = now.addingTimeInterval(-(hoursAgo - 1) * 3600)
            r.privateCipher = sealed(StationPrivate(health: "体温正常", mentalState: "不能说清住址"))
            rows.append((r, [.safetyCheck, .belongings], nil))
        }

        let writer = app.writer(actor: .system("demo"))
        for start in stride(from: 0, to: rows.count, by: 50) {
            let batch = rows[start..<min(start + 50, rows.count)]
            try await writer.transaction { tx, audit in
                let store = StationStore(db: tx)
                let notices = FamilySearchStore(db: tx)
                for (k0, (r, checks, notice)) in batch.enumerated() {
                    try await store.insert(r, at: r.intakeAt)
                    for (k, check) in checks.enumerated() {
                        _ = try await store.tick(
                            case: r.id, check, note: nil, by: "演示救助站",
                            at: r.intakeAt.addingTimeInterval(Double(k + 1) * 1800))
                    }
                    let intakeDay = BeijingTime.day(of: r.intakeAt)
                    try await store.addEntry(
                        case: r.id, kind: .bed, on: intakeDay, sealed: cipher.encrypt("\(1 + (start + k0) % 40) 号床"),
                        by: "演示救助站", at: r.intakeAt)
                    try await store.addEntry(
                        case: r.id, kind: .meal, on: intakeDay, sealed: cipher.encrypt("晚餐一份"), by: "演示救助站",
                        at: r.intakeAt)
                    if let notice {
                        try await notices.link(notice: notice, toCase: r.id)
                        if !r.status.isOpen { _ = try await notices.takeDown(notice: notice) }
                        let photo = UUID()
                        let file = try StoredUpload.save(
                            DemoAdaptations.photo, fileName: "面部照片.png", defaultName: "受助人员照片",
                            cipher: cipher, at: folder + "/\(r.id.uuidString)/\(photo.uuidString)")
                        try await store.addPhoto(file, id: photo, case: r.id, face: true, by: "演示救助站", at: r.intakeAt)
                    }
                }
                try await audit.record(
                    "demo.station", entity: "station_case", id: nil, region: region, after: ["cases": "\(batch.count)"])
            }
        }
        return rows.count
    }
}
