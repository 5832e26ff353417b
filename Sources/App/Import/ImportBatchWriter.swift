import Foundation
import MinzhengCore
import SQLKit

/// Writes one batch of validated import rows: new households and persons are inserted in
/// multi-row statements; stored ones are compared and changed only where they differ.
struct ImportBatchWriter {
    let db: SQLDatabase
    let cipher: FieldCipher
    let scope: RegionScope
    let audit: AuditRecorder

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

    /// A row with what writing it as a new person takes, computed before the batch's
    /// transaction (while the previous batch is written): the blind index, the encrypted
    /// fields. Wasted for a person already stored, which a first import of a file never has.
    struct PreparedRow: Sendable {
        let row: HouseholdImportRow
        let index: String
        let personID: UUID
        /// The `persons` row, but for its region and household, known once the household is resolved.
        let newPerson: [BulkValue]
    }

    static func prepare(_ rows: [HouseholdImportRow], cipher: FieldCipher, now: Date) -> [PreparedRow] {
        rows.map { row in
            let index = cipher.blindIndex(row.person.residentID.value)
            let id = UUID.random()
            return PreparedRow(row: row, index: index, personID: id,
                               newPerson: PersonColumns.values(row.person, id: id, region: row.region, index: index, cipher: cipher, now: now, household: nil))
        }
    }

    func write(_ prepared: [PreparedRow], now: Date) async throws -> Counts {
        var counts = Counts()
        var changes = ImportBatchAudit()
        let rows = prepared.map(\.row)
        let households = try await resolveHouseholds(rows, now: now, changes: &changes)
        // Every row is written as a new person; the insert skips those already registered
        // (same blind index), which alone are then read and compared.
        var newPersons = BulkInsert(table: "persons", columns: PersonColumns.insert)
        for item in prepared {
            let household = households[item.row.householdRef]!
            newPersons.append(PersonColumns.values(item.newPerson, region: household.region, household: household.id))
        }
        let created = try await newPersons.flushSkippingStored(on: db, uniqueKey: ["id_index"])
        let stored = try await storedPersons(zip(prepared, created).filter { !$0.1 }.map(\.0.index))
        var newMemberships = BulkInsert(table: "memberships", columns: MembershipColumns.insert)
        for (item, isNew) in zip(prepared, created) {
            let row = item.row
            let household = households[row.householdRef]!
            if isNew {
                let personID = item.personID
                newMemberships.append(MembershipColumns.values(householdID: household.id, personID: personID, relation: row.relation, at: now))
                changes.personsCreated[household.id.text, default: []].append(personID.text)
                counts.imported += 1
                continue
            }
            guard let person = stored[item.index] else {
                // Stored yet unreadable: only a writer between the insert and the read could do this.
                throw AppError(.conflict, "第\(row.line)行：该身份证号的人员正被他人同时登记，请重新导入", field: "idNumber")
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
            changes.personsUpdated.append(.init(
                id: person.id,
                before: .init(name: person.name, phoneMasked: try person.phoneCipher.map { RegistryValidation.maskPhone(try cipher.decrypt($0)) },
                              hukou: person.hukou, region: person.region, householdId: person.householdID, relation: person.relation),
                after: .init(name: row.person.name, phoneMasked: row.person.phone.map(RegistryValidation.maskPhone), hukou: row.person.hukou.rawValue,
                             region: household.region, householdId: household.id, relation: row.relation.rawValue)))
            try await db.raw("""
                UPDATE persons SET name = \(bind: row.person.name), phone_cipher = \(bind: row.person.phone.map(cipher.encrypt)),
                  phone_masked = \(bind: row.person.phone.map(RegistryValidation.maskPhone)), hukou = \(bind: row.person.hukou.rawValue),
                  region = \(bind: household.region), household_id = \(bind: household.id), version = version + 1, updated_at = \(bind: now)
                WHERE id = \(bind: person.id)
                """).run()
            if !sameMembership {
                try await db.raw("UPDATE memberships SET left_at = \(bind: now) WHERE person_id = \(bind: person.id) AND left_at IS NULL").run()
                newMemberships.append(MembershipColumns.values(householdID: household.id, personID: person.id, relation: row.relation, at: now))
            }
        }
        // The batch's one audit record lists every person it created: encoded beside the inserts.
        async let changesJSON = changes.isEmpty ? nil : AuditRecorder.json(changes)
        try await newMemberships.flush(on: db)
        if let json = await changesJSON {
            try await audit.record("registry.import", entity: "import", id: nil, region: scope.prefix, afterJSON: json)
        }
        return counts
    }

    /// Finds or creates each household of the batch by its reference; the head's row (or
    /// the first row) gives its region and address.
    private func resolveHouseholds(_ rows: [HouseholdImportRow], now: Date, changes: inout ImportBatchAudit) async throws -> [String: StoredHousehold] {
        var wanted: [String: HouseholdImportRow] = [:]
        for row in rows where wanted[row.householdRef] == nil || row.relation == .head { wanted[row.householdRef] = row }
        var result: [String: StoredHousehold] = [:]
        let refs = Array(wanted.keys)
        for chunk in refs.chunked(500) {
            let found = try await db.select().columns("id", "import_ref", "region", "address").from("households")
                .where("import_ref", .in, chunk).all()
            for r in found {
                result[try r.decode(column: "import_ref", as: String.self)] = StoredHousehold(
                    id: try r.decode(column: "id", as: UUID.self), region: try r.decode(column: "region", as: String.self),
                    address: try r.decode(column: "address", as: String.self))
            }
        }
        var inserts = BulkInsert(table: "households", columns: HouseholdColumns.insert)
        for (ref, row) in wanted {
            if var existing = result[ref] {
                // Only a head's row may move a household; members' rows follow it.
                guard row.relation == .head, existing.region != row.region.value || existing.address != row.address else { continue }
                try await db.raw("""
                    UPDATE households SET region = \(bind: row.region.value), address = \(bind: row.address), version = version + 1,
                      updated_at = \(bind: now) WHERE id = \(bind: existing.id)
                    """).run()
                changes.householdsUpdated.append(.init(id: existing.id, before: HouseholdAuditRecord(region: existing.region, address: existing.address, importRef: ref),
                                                       after: HouseholdAuditRecord(region: row.region.value, address: row.address, importRef: ref)))
                existing.region = row.region.value
                existing.address = row.address
                result[ref] = existing
            } else {
                let id = UUID.random()
                inserts.append(HouseholdColumns.values(id: id, region: row.region, address: row.address, importRef: ref, now: now))
                changes.householdsCreated.append(.init(id: id, household: HouseholdAuditRecord(region: row.region.value, address: row.address, importRef: ref)))
                result[ref] = StoredHousehold(id: id, region: row.region.value, address: row.address)
            }
        }
        try await inserts.flush(on: db)
        return result
    }

    private func storedPersons(_ indexes: [String]) async throws -> [String: StoredPerson] {
        var result: [String: StoredPerson] = [:]
        for chunk in indexes.chunked(500) {
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
