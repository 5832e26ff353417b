import Foundation
import MinzhengCore
import SQLKit

/// Writes one batch of validated import rows: new households and persons are inserted in
/// multi-row statements; stored ones are compared and changed only where they differ.
struct ImportBatchWriter {
    let db: SQLDatabase
    let cipher: FieldCipher
    let scope: RegionScope

    struct Counts: Sendable {
        var imported = 0
        var updated = 0
        var errors: [HouseholdImporter.RowError] = []
    }

    private struct StoredHousehold {
        let id: UUID
        var region: String
        var address: String
    }

    private struct StoredPerson {
        let id: UUID
        let name: String
        let phoneCipher: String?
        let hukou: String
        let region: String
        let householdID: UUID?
        let relation: String?
    }

    func write(_ rows: [HouseholdImportRow]) async throws -> Counts {
        let now = Date()
        var counts = Counts()
        let households = try await resolveHouseholds(rows, now: now)
        let indexes = rows.map { cipher.blindIndex($0.person.residentID.value) }
        let stored = try await storedPersons(indexes)
        var newPersons = BulkInsert(table: "persons", columns: PersonColumns.insert)
        var newMemberships = BulkInsert(table: "memberships", columns: ["id", "household_id", "person_id", "relation", "joined_at"])
        for (row, index) in zip(rows, indexes) {
            let household = households[row.householdRef]!
            let region = RegionCode(household.region)!
            guard let person = stored[index] else {
                let personID = UUID()
                newPersons.append(PersonColumns.values(row.person, id: personID, region: region, index: index, cipher: cipher, now: now))
                newMemberships.append([SQLBind(UUID()), SQLBind(household.id), SQLBind(personID), SQLBind(row.relation.rawValue), SQLBind(now)])
                counts.imported += 1
                continue
            }
            guard RegionCode(person.region).map(scope.region.contains) == true else {
                counts.errors.append(.init(row: row.line, reason: "idNumber/身份证号：该人员已登记在您管辖范围以外的区划，请联系其所在街道迁出"))
                continue
            }
            let storedPhone = try person.phoneCipher.map(cipher.decrypt)
            let sameFacts = person.name == row.person.name && storedPhone == row.person.phone
                && person.hukou == row.person.hukou.rawValue && person.region == household.region
            let sameMembership = person.householdID == household.id && person.relation == row.relation.rawValue
            if sameFacts && sameMembership { continue }
            counts.updated += 1
            try await db.raw("""
                UPDATE persons SET name = \(bind: row.person.name), phone_cipher = \(bind: row.person.phone.map(cipher.encrypt)),
                  phone_masked = \(bind: row.person.phone.map(RegistryValidation.maskPhone)), hukou = \(bind: row.person.hukou.rawValue),
                  region = \(bind: household.region), version = version + 1, updated_at = \(bind: now)
                WHERE id = \(bind: person.id)
                """).run()
            if !sameMembership {
                try await db.raw("UPDATE memberships SET left_at = \(bind: now) WHERE person_id = \(bind: person.id) AND left_at IS NULL").run()
                newMemberships.append([SQLBind(UUID()), SQLBind(household.id), SQLBind(person.id), SQLBind(row.relation.rawValue), SQLBind(now)])
            }
        }
        try await newPersons.flush(on: db)
        try await newMemberships.flush(on: db)
        return counts
    }

    /// Finds or creates each household of the batch by its reference; the head's row (or
    /// the first row) gives its region and address.
    private func resolveHouseholds(_ rows: [HouseholdImportRow], now: Date) async throws -> [String: StoredHousehold] {
        var wanted: [String: HouseholdImportRow] = [:]
        for row in rows where wanted[row.householdRef] == nil || row.relation == .head { wanted[row.householdRef] = row }
        var result: [String: StoredHousehold] = [:]
        let refs = Array(wanted.keys)
        for chunk in stride(from: 0, to: refs.count, by: 500).map({ Array(refs[$0..<min(refs.count, $0 + 500)]) }) {
            let found = try await db.select().columns("id", "import_ref", "region", "address").from("households")
                .where("import_ref", .in, chunk).all()
            for r in found {
                result[try r.decode(column: "import_ref", as: String.self)] = StoredHousehold(
                    id: try r.decode(column: "id", as: UUID.self), region: try r.decode(column: "region", as: String.self),
                    address: try r.decode(column: "address", as: String.self))
            }
        }
        var inserts = BulkInsert(table: "households", columns: ["id", "region", "address", "import_ref", "version", "created_at", "updated_at"])
        for (ref, row) in wanted {
            if var existing = result[ref] {
                // Only a head's row may move a household; members' rows follow it.
                guard row.relation == .head, existing.region != row.region.value || existing.address != row.address else { continue }
                try await db.raw("""
                    UPDATE households SET region = \(bind: row.region.value), address = \(bind: row.address), version = version + 1,
                      updated_at = \(bind: now) WHERE id = \(bind: existing.id)
                    """).run()
                existing.region = row.region.value
                existing.address = row.address
                result[ref] = existing
            } else {
                let id = UUID()
                inserts.append([SQLBind(id), SQLBind(row.region.value), SQLBind(row.address), SQLBind(ref), SQLBind(1), SQLBind(now), SQLBind(now)])
                result[ref] = StoredHousehold(id: id, region: row.region.value, address: row.address)
            }
        }
        try await inserts.flush(on: db)
        return result
    }

    private func storedPersons(_ indexes: [String]) async throws -> [String: StoredPerson] {
        var result: [String: StoredPerson] = [:]
        for start in stride(from: 0, to: indexes.count, by: 500) {
            let chunk = Array(indexes[start..<min(indexes.count, start + 500)])
            let rows = try await db.raw("""
                SELECT p.id, p.id_index, p.name, p.phone_cipher, p.hukou, p.region, m.household_id, m.relation
                FROM persons p LEFT JOIN memberships m ON m.person_id = p.id AND m.left_at IS NULL
                WHERE p.id_index IN \(SQLBind.group(chunk))
                """).all()
            for r in rows {
                result[try r.decode(column: "id_index", as: String.self)] = StoredPerson(
                    id: try r.decode(column: "id", as: UUID.self), name: try r.decode(column: "name", as: String.self),
                    phoneCipher: try r.decode(column: "phone_cipher", as: String?.self), hukou: try r.decode(column: "hukou", as: String.self),
                    region: try r.decode(column: "region", as: String.self), householdID: try r.decode(column: "household_id", as: UUID?.self),
                    relation: try r.decode(column: "relation", as: String?.self))
            }
        }
        return result
    }
}
