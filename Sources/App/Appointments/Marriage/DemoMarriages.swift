import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The demo's marriage register: the head-and-spouse couples of the first demo households,
/// registered at their district's registry years ago (two certificates each, marital status
/// on the registry), and one couple's divorce application in its cooling-off.
enum DemoMarriages {
    static let couples = 40

    static func seedIfEmpty(_ app: Application) async throws {
        guard app.platform.config.demoHouseholds > 0,
            try await app.sql.raw("SELECT id FROM marriage_records LIMIT 1").first() == nil
        else { return }
        let cipher = app.platform.cipher
        let offices = try await BookingStore(db: app.sql).resources(kind: .marriage)
        let rows = try await app.sql.raw(
            """
            SELECT h.household_id, p.id, p.id_cipher, p.region, h.relation FROM memberships h
            JOIN persons p ON p.id = h.person_id
            WHERE h.relation IN ('head', 'spouse') AND h.household_id IN (
                SELECT household_id FROM memberships WHERE relation = 'spouse' ORDER BY household_id LIMIT \(bind: couples))
            ORDER BY h.household_id, h.relation DESC
            """
        ).all()
        var pairs: [UUID: [(UUID, String, String)]] = [:]
        for row in rows {
            pairs[try row.decode(column: "household_id", as: UUID.self), default: []].append(
                (
                    try row.decode(column: "id", as: UUID.self), try row.decode(column: "id_cipher", as: String.self),
                    try row.decode(column: "region", as: String.self)
                ))
        }
        let now = app.platform.clock.now
        let today = app.platform.clock.today
        let couples = pairs.values.filter { $0.count == 2 }
        let made = try await app.writer(actor: .system("demo")).transaction { tx, audit in
            var made = 0
            let store = MarriageStore(db: tx)
            var serials: [String: Int] = [:]
            for (i, pair) in couples.enumerated() {
                guard let office = offices.first(where: { pair[0].2.hasPrefix($0.region) }) ?? offices.first else {
                    continue
                }
                let day = today.adding(days: -(400 + i * 97))
                let parties = try pair.map { person in
                    let number = try cipher.decrypt(person.1)
                    return MarriageStore.Party(index: cipher.blindIndex(number), cipher: person.1, personID: person.0)
                }
                let id = UUID()
                try await store.insertRecord(
                    id: id, kind: "marriage", office: office, on: day, booking: nil, marriage: nil, parties: parties,
                    married: true, by: UUID(), at: now)
                for position in 0..<2 {
                    let prefix = CertificateKind.marriage.prefix(region: office.region, year: day.year)
                    serials[prefix, default: 0] += 1
                    try await store.insertCertificate(
                        record: id, position: position, kind: .marriage,
                        number: CertificateKind.marriage.number(
                            region: office.region, year: day.year, serial: serials[prefix]!),
                        on: day)
                }
                try await store.setMaritalStatus("married", persons: pair.map(\.0))
                if i == 0 {
                    try await store.insertApplication(
                        id: UUID(), marriage: id, office: office, on: today.adding(days: -10), at: now)
                }
                made += 1
            }
            try await audit.record(
                "demo.marriages", entity: "marriage_record", id: nil, region: RegionTable.changzhou.value,
                after: ["records": "\(made)"])
            return made
        }
        app.logger.info("Demo marriage register: \(made) couples, one divorce in its cooling-off")
    }
}
