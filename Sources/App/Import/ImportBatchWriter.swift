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
        var errors: [RowError] = []
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

    /// A batch with what writing it takes if its households and persons are new, computed
    /// before the batch's transaction (while the previous batch is written): ids, the blind
    /// index, the encrypted fields, the rows themselves. A first import of a file writes
    /// them as they are; only what is already stored is looked up and adjusted.
    struct PreparedBatch: Sendable {
        struct Household: Sendable {
            /// The head's row, or the first row when there is none in the batch.
            let row: HouseholdImportRow
            let id: UUID
            let idText: String
            let values: [BulkValue]
            /// The positions of its rows in `rows`.
            var members: [Int] = []
        }

        struct Row: Sendable {
            let row: HouseholdImportRow
            let index: String
            let personID: UUID
            let personIDText: String
            /// The position in `households` of the household the row is placed in if it is new.
            let household: Int
            /// The `persons` and `memberships` rows, in that household.
            let newPerson: [BulkValue]
            let newMembership: [BulkValue]
        }

        let households: [Household]
        let rows: [Row]
    }

    static func prepare(_ rows: [HouseholdImportRow], cipher: FieldCipher, now: Date) -> PreparedBatch {
        var wanted: [String: HouseholdImportRow] = [:]
        for row in rows where wanted[row.householdRef] == nil || row.relation == .head {
            wanted[row.householdRef] = row
        }
        var households: [PreparedBatch.Household] = []
        var placed: [String: Int] = [:]
        for (ref, row) in wanted {
            let id = UUID.random()
            placed[ref] = households.count
            households.append(
                .init(
                    row: row, id: id, idText: id.text,
                    values: HouseholdColumns.values(
                        id: id, region: row.region, address: row.address, importRef: ref, now: now)))
        }
        let prepared = rows.enumerated().map { position, row in
            let index = cipher.blindIndex(row.person.residentID.value)
            let id = UUID.random()
            let place = placed[row.householdRef]!
            households[place].members.append(position)
            let household = households[place]
            return PreparedBatch.Row(
                row: row, index: index, personID: id, personIDText: id.text, household: place,
                newPerson: PersonColumns.values(
                    row.person, id: id, region: household.row.region, index: index, cipher: cipher, now: now,
                    household: household.id),
                newMembership: MembershipColumns.values(
                    householdID: household.id, personID: id, relation: row.relation, at: now))
        }
        return PreparedBatch(households: households, rows: prepared)
    }

    func write(_ batch: PreparedBatch, now: Date) async throws -> Counts {
        try cipher.requireNoRotation()
        var counts = Counts()
        var changes = ImportBatchAudit()
        let (householdsCreated, storedHouseholds) = try await storeHouseholds(
            batch.households, now: now, changes: &changes)
        // Every row is written as a new person; the insert skips those already registered
        // (same blind index), which alone are then read and compared.
        var newPersons = BulkInsert(table: "persons", columns: PersonColumns.insert)
        for item in batch.rows {
            if let household = storedHouseholds[item.row.householdRef] {
                newPersons.append(
                    PersonColumns.values(item.newPerson, region: household.region, household: household.id))
            } else {
                newPersons.append(item.newPerson)
            }
        }
        let personsCreated = try await newPersons.flushSkippingStored(on: db, uniqueKey: ["id_index"])
        let stored = try await storedPersons(zip(batch.rows, personsCreated).filter { !$0.1 }.map(\.0.index))
        var newMemberships = BulkInsert(table: "memberships", columns: MembershipColumns.insert)
        for (item, isNew) in zip(batch.rows, personsCreated) {
            let row = item.row
            let storedHousehold = storedHouseholds[row.householdRef]
            if isNew {
                newMemberships.append(
                    storedHousehold.map {
                        MembershipColumns.values(
                            householdID: $0.id, personID: item.personID, relation: row.relation, at: now)
                    } ?? item.newMembership)
                counts.imported += 1
                continue
            }
            let placed = batch.households[item.household]
            let (householdID, region) =
                storedHousehold.map { ($0.id, $0.region) } ?? (placed.id, placed.row.region.value)
            guard let person = stored[item.index] else {
                // Stored yet unreadable: only a writer between the insert and the read could do this.
                throw Refusal(.conflict, "第\(row.line)行：该身份证号的人员正被他人同时登记，请重新导入", field: "idNumber")
            }
            guard RegionCode(person.region).map(scope.region.contains) == true else {
                counts.errors.append(.init(row: row.line, reason: "idNumber/身份证号：该人员已登记在您管辖范围以外的区划，请联系其所在街道迁出"))
                continue
            }
            let storedPhone = try person.phoneCipher.map(cipher.decrypt)
            let sameFacts =
                person.name == row.person.name && storedPhone == row.person.phone
                && person.hukou == row.person.hukou.rawValue && person.region == region
            let sameMembership = person.householdID == householdID && person.relation == row.relation.rawValue
            if sameFacts && sameMembership { continue }
            counts.updated += 1
            changes.personsUpdated.append(
                .init(
                    id: person.id,
                    before: .init(
                        name: person.name,
                        phoneMasked: try person.phoneCipher.map {
                            RegistryValidation.maskPhone(try cipher.decrypt($0))
                        },
                        hukou: person.hukou, region: person.region, householdId: person.householdID,
                        relation: person.relation),
                    after: .init(
                        name: row.person.name, phoneMasked: row.person.phone.map(RegistryValidation.maskPhone),
                        hukou: row.person.hukou.rawValue,
                        region: region, householdId: householdID, relation: row.relation.rawValue)))
            try await db.raw(
                """
                UPDATE persons SET name = \(bind: row.person.name), phone_cipher = \(bind: row.person.phone.map(cipher.encrypt)),
                  phone_masked = \(bind: row.person.phone.map(RegistryValidation.maskPhone)),
                  phone_index = \(bind: row.person.phone.map { PersonSearchIndex.phone($0, cipher: cipher) }), hukou = \(bind: row.person.hukou.rawValue),
                  region = \(bind: region), household_id = \(bind: householdID), version = version + 1, updated_at = \(bind: now)
                WHERE id = \(bind: person.id)
                """
            ).run()
            if !sameMembership {
                try await db.raw(
                    "UPDATE memberships SET left_at = \(bind: now) WHERE person_id = \(bind: person.id) AND left_at IS NULL"
                ).run()
                newMemberships.append(
                    MembershipColumns.values(
                        householdID: householdID, personID: person.id, relation: row.relation, at: now))
            }
        }
        // The batch's one audit record lists every household and person it created:
        // assembled and encoded beside the memberships' insert.
        async let changesJSON = { [changes] in
            var changes = changes
            for (household, isNew) in zip(batch.households, householdsCreated) where isNew {
                changes.householdsCreated.append(
                    .init(
                        id: household.id,
                        household: HouseholdAuditRecord(
                            region: household.row.region.value, address: household.row.address,
                            importRef: household.row.householdRef)))
            }
            for household in batch.households {
                let persons = household.members.filter { personsCreated[$0] }.map { batch.rows[$0].personIDText }
                guard !persons.isEmpty else { continue }
                changes.personsCreated.append(
                    (storedHouseholds[household.row.householdRef]?.id.text ?? household.idText, persons))
            }
            return changes.isEmpty ? nil : changes.json()
        }()
        try await newMemberships.flush(on: db)
        if let json = await changesJSON {
            try await audit.record("registry.import", entity: "import", id: nil, region: scope.prefix, afterJSON: json)
        }
        return counts
    }

    /// Writes the batch's households that are new (by reference) and tells which were; the
    /// ones already stored are read back, a head's row moving its household where it says
    /// otherwise (members' rows follow it).
    private func storeHouseholds(
        _ households: [PreparedBatch.Household], now: Date,
        changes: inout ImportBatchAudit
    ) async throws -> (created: [Bool], stored: [String: StoredHousehold]) {
        var inserts = BulkInsert(table: "households", columns: HouseholdColumns.insert)
        for household in households { inserts.append(household.values) }
        let created = try await inserts.flushSkippingStored(on: db, uniqueKey: ["import_ref"])
        let storedRefs = zip(households, created).filter { !$0.1 }.map(\.0.row.householdRef)
        var stored: [String: StoredHousehold] = [:]
        for chunk in storedRefs.chunked(500) {
            let found = try await db.select().columns("id", "import_ref", "region", "address").from("households")
                .where("import_ref", .in, chunk).all()
            for r in found {
                stored[try r.decode(column: "import_ref", as: String.self)] = StoredHousehold(
                    id: try r.decode(column: "id", as: UUID.self),
                    region: try r.decode(column: "region", as: String.self),
                    address: try r.decode(column: "address", as: String.self))
            }
        }
        for (household, isNew) in zip(households, created) where !isNew {
            let row = household.row, ref = row.householdRef
            guard var existing = stored[ref] else {
                throw Refusal(.conflict, "第\(row.line)行：户编号 \(ref) 的家庭正被他人同时修改，请重新导入", field: "householdRef")
            }
            guard row.relation == .head, existing.region != row.region.value || existing.address != row.address else {
                continue
            }
            try await db.raw(
                """
                UPDATE households SET region = \(bind: row.region.value), address = \(bind: row.address), version = version + 1,
                  updated_at = \(bind: now) WHERE id = \(bind: existing.id)
                """
            ).run()
            changes.householdsUpdated.append(
                .init(
                    id: existing.id,
                    before: HouseholdAuditRecord(region: existing.region, address: existing.address, importRef: ref),
                    after: HouseholdAuditRecord(region: row.region.value, address: row.address, importRef: ref)))
            existing.region = row.region.value
            existing.address = row.address
            stored[ref] = existing
        }
        return (created, stored)
    }

    private func storedPersons(_ indexes: [String]) async throws -> [String: StoredPerson] {
        var result: [String: StoredPerson] = [:]
        for chunk in indexes.chunked(500) {
            let rows = try await db.raw(
                """
                SELECT p.id, p.id_index, p.name, p.phone_cipher, p.hukou, p.region, m.household_id, m.relation
                FROM persons p LEFT JOIN memberships m ON m.person_id = p.id AND m.left_at IS NULL
                WHERE p.id_index IN \(SQLBind.group(chunk))
                """
            ).all()
            for r in rows {
                result[try r.decode(column: "id_index", as: String.self)] = StoredPerson(
                    id: try r.decode(column: "id", as: UUID.self), name: try r.decode(column: "name", as: String.self),
                    phoneCipher: try r.decode(column: "phone_cipher", as: String?.self),
                    hukou: try r.decode(column: "hukou", as: String.self),
                    region: try r.decode(column: "region", as: String.self),
                    householdID: try r.decode(column: "household_id", as: UUID?.self),
                    relation: try r.decode(column: "relation", as: String?.self))
            }
        }
        return result
    }
}
