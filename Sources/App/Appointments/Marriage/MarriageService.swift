import FluentKit
import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The marriage registry's work (婚姻登记): registering a marriage for an arrived booking,
/// replacing a lost certificate, and divorce by agreement through its cooling-off
/// (`DivorceTimeline`). Marital status is written to the registry's persons; every change is
/// audited. Any registry of the city serves a party who shows their ID number (全市通办);
/// otherwise a registrar sees the records of their own region.
struct MarriageService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock
    let cipher: FieldCipher
    let registry: RegistryStore
    let calendar: WorkingDayCalendar

    /// Registers the marriage of an arrived, confirmed marriage booking of the registrar's region.
    func register(booking id: UUID, by user: CurrentUser) async throws -> MarriageRecordView {
        try user.require(.handleBookings)
        let bookings = BookingStore(db: db)
        guard let booking = try await bookings.booking(id), booking.slot.kind == .marriage,
            booking.slot.region.hasPrefix(user.region.value)
        else { throw Refusal(.notFound, "结婚登记预约不存在", field: "bookingId") }
        guard booking.state == .arrived else {
            throw Refusal(.conflict, "请先登记双方到场（预约现为\(booking.state.chinese)）", field: "bookingId")
        }
        guard
            let office = try await bookings.resources(kind: .marriage).first(where: { $0.id == booking.slot.resourceID }
            )
        else { throw Refusal.notFound("婚姻登记处") }
        let today = clock.today
        let ids = try await bookings.personCiphers(of: id).map { try ResidentID(try cipher.decrypt($0), today: today) }
        if let refusal = MarriageLaw.refusal(parties: ids, on: today) { throw refusal }
        let parties = try await parties(ids)
        let recordID = UUID()
        let now = clock.now
        try await writeOnce(conflict: ids) { tx, audit in
            let store = MarriageStore(db: tx)
            try await refuseMarried(ids, parties: parties, store: store)
            try await store.insertRecord(
                id: recordID, kind: "marriage", office: office, on: today, booking: id, marriage: nil,
                parties: parties, married: true, by: user.id, at: now)
            let numbers = try await issue(.marriage, record: recordID, positions: [0, 1], office: office, store: store)
            try await store.setMaritalStatus("married", persons: parties.compactMap(\.personID))
            try await audit.record(
                "marriage.register", entity: "marriage_record", id: recordID.uuidString, region: office.region,
                after: [
                    "certificates": numbers.joined(separator: ","), "parties": ids.map(\.masked).joined(separator: ","),
                ])
        }
        return try await view(recordID)
    }

    /// A replacement (补领) of the certificate of the party whose ID number is shown.
    func replaceCertificate(record id: UUID, idNumber: String, by user: CurrentUser) async throws -> MarriageRecordView
    {
        try user.require(.handleBookings)
        let (row, position) = try await recordOfParty(id, idNumber: idNumber)
        guard let office = try await registrarOffice(of: user) else { throw Refusal.notFound("婚姻登记处") }
        let today = clock.today
        try await writer.transaction { tx, audit in
            let store = MarriageStore(db: tx)
            guard let old = try await store.replaceCertificate(record: row.id, position: position, on: today) else {
                throw Refusal(.conflict, "该当事人没有可补领的证书")
            }
            let numbers = try await issue(
                old.replacement, record: row.id, positions: [position], office: office, store: store)
            try await audit.record(
                "marriage.replaceCertificate", entity: "marriage_record", id: row.id.uuidString, region: office.region,
                after: ["certificate": numbers.joined(), "office": office.name])
        }
        return try await view(row.id)
    }

    /// Receives a divorce application from both parties in person (their ID numbers shown).
    func applyDivorce(marriage id: UUID, idNumbers: [String], by user: CurrentUser) async throws -> DivorceView {
        try user.require(.handleBookings)
        guard idNumbers.count == 2 else { throw Refusal.invalid("idNumbers", "离婚须双方共同到场申请，请填写双方的身份证号") }
        let (row, first) = try await recordOfParty(id, idNumber: idNumbers[0])
        let (_, second) = try await recordOfParty(id, idNumber: idNumbers[1], field: "idNumbers[1]")
        guard first != second else { throw Refusal.invalid("idNumbers[1]", "请填写另一方的身份证号") }
        guard row.kind == "marriage", row.state == "valid" else { throw Refusal(.conflict, "该婚姻已解除") }
        guard let office = try await registrarOffice(of: user) else { throw Refusal.notFound("婚姻登记处") }
        let applicationID = UUID()
        let (today, now) = (clock.today, clock.now)
        do {
            try await writer.transaction { tx, audit in
                try await MarriageStore(db: tx).insertApplication(
                    id: applicationID, marriage: row.id, office: office, on: today, at: now)
                let timeline = DivorceTimeline(received: today, calendar: calendar)
                try await audit.record(
                    "divorce.apply", entity: "divorce_application", id: applicationID.uuidString, region: office.region,
                    after: ["coolingOffEnds": "\(timeline.coolingOffEnds)", "windowEnds": "\(timeline.windowEnds)"])
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Refusal(.conflict, "该婚姻已有一份办理中的离婚申请")
        }
        return try await divorce(applicationID, by: user)
    }

    /// Withdraws an application (either party, at the registry) during the cooling-off.
    func withdrawDivorce(_ id: UUID, by user: CurrentUser) async throws -> DivorceView {
        let row = try await application(id, by: user)
        let timeline = DivorceTimeline(received: row.received, calendar: calendar)
        if let refusal = row.state.refusalToWithdraw(on: clock.today, timeline: timeline) { throw refusal }
        let now = clock.now
        try await writer.transaction { tx, audit in
            guard try await MarriageStore(db: tx).settleApplication(id, as: .withdrawn, at: now) else {
                throw Refusal(.conflict, "该申请已被其他操作变更，请刷新")
            }
            try await audit.record(
                "divorce.withdraw", entity: "divorce_application", id: id.uuidString, region: row.region,
                before: ["state": row.state.rawValue], after: ["state": DivorceState.withdrawn.rawValue])
        }
        return try await divorce(id, by: user)
    }

    /// Registers the divorce in the window, at the registry that received the application.
    func registerDivorce(_ id: UUID, by user: CurrentUser) async throws -> MarriageRecordView {
        let row = try await application(id, by: user)
        let timeline = DivorceTimeline(received: row.received, calendar: calendar)
        let today = clock.today
        if let refusal = row.state.refusalToRegister(on: today, timeline: timeline) { throw refusal }
        guard
            let office = try await BookingStore(db: db).resources(kind: .marriage).first(where: {
                $0.id == row.officeID
            })
        else { throw Refusal.notFound("婚姻登记处") }
        let parties = try await MarriageStore(db: db).parties(of: row.marriageID)
        let divorceID = UUID()
        let now = clock.now
        try await writer.transaction { tx, audit in
            let store = MarriageStore(db: tx)
            guard try await store.settleApplication(id, as: .registered, divorce: divorceID, at: now) else {
                throw Refusal(.conflict, "该申请已被其他操作变更，请刷新")
            }
            try await store.dissolve(row.marriageID)
            try await store.insertRecord(
                id: divorceID, kind: "divorce", office: office, on: today, booking: nil, marriage: row.marriageID,
                parties: parties, married: false, by: user.id, at: now)
            let numbers = try await issue(.divorce, record: divorceID, positions: [0, 1], office: office, store: store)
            try await store.setMaritalStatus("divorced", persons: parties.compactMap(\.personID))
            try await audit.record(
                "divorce.register", entity: "marriage_record", id: divorceID.uuidString, region: office.region,
                after: ["certificates": numbers.joined(separator: ","), "marriage": row.marriageID.uuidString])
        }
        return try await view(divorceID)
    }

    /// Applications whose window passed without the divorce registered are deemed withdrawn
    /// (the hourly round); returns how many.
    func lapseDivorces() async throws -> Int {
        let today = clock.today
        let now = clock.now
        let pending = try await MarriageStore(db: db).applications(region: "", state: .pending)
        let lapsed = pending.filter {
            DivorceTimeline(received: $0.received, calendar: calendar).phase(on: today) == .lapsed
        }
        for row in lapsed {
            try await writer.transaction { tx, audit in
                guard try await MarriageStore(db: tx).settleApplication(row.id, as: .lapsed, at: now) else { return }
                try await audit.record(
                    "divorce.lapse", entity: "divorce_application", id: row.id.uuidString, region: row.region,
                    after: ["state": DivorceState.lapsed.rawValue])
            }
        }
        return lapsed.count
    }

    // MARK: Reading

    /// A record of the registrar's region.
    func record(_ id: UUID, by user: CurrentUser) async throws -> MarriageRecordView {
        try user.require(.handleBookings)
        guard let row = try await MarriageStore(db: db).record(id), row.region.hasPrefix(user.region.value) else {
            throw Refusal.notFound("婚姻登记记录")
        }
        return try await view(row)
    }

    func view(_ id: UUID) async throws -> MarriageRecordView {
        guard let row = try await MarriageStore(db: db).record(id) else { throw Refusal.notFound("婚姻登记记录") }
        return try await view(row)
    }

    private func view(_ row: MarriageRecordRow) async throws -> MarriageRecordView {
        let store = MarriageStore(db: db)
        var parties: [PartyView] = []
        for party in try await store.parties(of: row.id) {
            let number = try cipher.decrypt(party.cipher)
            let name = try await registry.identity(blindIndexes: cipher.blindIndexes(number))?.name
            parties.append(PartyView(name: name, idNumber: ResidentID.mask(number)))
        }
        let divorces = try await store.applications(marriage: row.id).map {
            DivorceView(row: $0, calendar: calendar, today: clock.today)
        }
        return MarriageRecordView(
            row: row, parties: parties, certificates: try await store.certificates(of: row.id), divorces: divorces)
    }

    /// The records of the person with `idNumber` (a party at the counter, anywhere in the city).
    func records(idNumber: String, by user: CurrentUser) async throws -> [MarriageRecordView] {
        try user.require(.handleBookings)
        let id = try partyID(idNumber)
        var views: [MarriageRecordView] = []
        for row in try await MarriageStore(db: db).records(of: cipher.blindIndexes(id.value)) {
            views.append(try await view(row))
        }
        return views
    }

    /// The region's latest records and its pending divorce applications (the registrar's page).
    func desk(by user: CurrentUser) async throws -> (records: [MarriageRecordView], divorces: [DivorceView]) {
        try user.require(.handleBookings)
        let store = MarriageStore(db: db)
        var records: [MarriageRecordView] = []
        for row in try await store.records(region: user.region.value, limit: 20) { records.append(try await view(row)) }
        let divorces = try await store.applications(region: user.region.value, state: .pending).map {
            DivorceView(row: $0, calendar: calendar, today: clock.today)
        }
        return (records, divorces)
    }

    /// A resident's own records (their "one thing" page).
    func mine(_ user: CurrentUser) async throws -> [MarriageRecordView] {
        try user.require(.selfService)
        guard let index = ResidentAccounts.blindIndex(of: user) else { return [] }
        var views: [MarriageRecordView] = []
        for row in try await MarriageStore(db: db).records(of: [index]) { views.append(try await view(row)) }
        return views
    }

    func divorce(_ id: UUID, by user: CurrentUser) async throws -> DivorceView {
        DivorceView(row: try await application(id, by: user), calendar: calendar, today: clock.today)
    }

    // MARK: Pieces

    private func application(_ id: UUID, by user: CurrentUser) async throws -> DivorceApplicationRow {
        try user.require(.handleBookings)
        guard let row = try await MarriageStore(db: db).application(id), row.region.hasPrefix(user.region.value) else {
            throw Refusal.notFound("离婚申请")
        }
        return row
    }

    private func partyID(_ text: String, field: String = "idNumber") throws -> ResidentID {
        do {
            return try ResidentID(text.trimmedWhitespace, today: clock.today)
        } catch {
            throw Refusal.invalid(field, "身份证号无效：\(error)")
        }
    }

    /// The record and the position of the party whose ID number is shown; not found for anyone else.
    private func recordOfParty(
        _ id: UUID, idNumber: String, field: String = "idNumbers[0]"
    ) async throws -> (
        MarriageRecordRow, Int
    ) {
        let number = try partyID(idNumber, field: field)
        let store = MarriageStore(db: db)
        guard let row = try await store.record(id) else { throw Refusal.notFound("婚姻登记记录") }
        let indexes = Set(cipher.blindIndexes(number.value))
        guard let position = try await store.parties(of: id).firstIndex(where: { indexes.contains($0.index) }) else {
            throw Refusal.invalid(field, "身份证号与该登记记录的当事人不符")
        }
        return (row, position)
    }

    /// The marriage registry the registrar works at: the first of their region.
    private func registrarOffice(of user: CurrentUser) async throws -> BookingResource? {
        try await BookingStore(db: db).resources(kind: .marriage).first { $0.region.hasPrefix(user.region.value) }
    }

    private func parties(_ ids: [ResidentID]) async throws -> [MarriageStore.Party] {
        var parties: [MarriageStore.Party] = []
        for id in ids {
            let person = try await registry.identity(blindIndexes: cipher.blindIndexes(id.value))
            parties.append(
                MarriageStore.Party(
                    index: cipher.blindIndex(id.value), cipher: cipher.encrypt(id.value), personID: person?.id))
        }
        return parties
    }

    private func refuseMarried(_ ids: [ResidentID], parties: [MarriageStore.Party], store: MarriageStore) async throws {
        let married = try await store.married(indexes: parties.map(\.index))
        if let i = parties.firstIndex(where: { married.contains($0.index) }) {
            throw Refusal(.conflict, "身份证号 \(ids[i].masked) 的当事人已有婚姻登记，不能再办理结婚登记", field: "idNumbers[\(i)]")
        }
    }

    /// Runs a registration; when another office married one of the parties at the same
    /// moment, the database's one-marriage index refuses the second, answered like the check.
    private func writeOnce(
        conflict ids: [ResidentID], _ body: @escaping @Sendable (SQLDatabase, AuditRecorder) async throws -> Void
    ) async throws {
        do {
            try await writer.transaction(body)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Refusal(.conflict, "当事人已有婚姻登记，不能再办理结婚登记", field: "idNumbers")
        }
    }

    /// Numbers and stores the certificates of `positions`; returns their numbers.
    private func issue(
        _ kind: CertificateKind, record: UUID, positions: [Int], office: BookingResource, store: MarriageStore
    ) async throws -> [String] {
        let today = clock.today
        let prefix = kind.prefix(region: office.region, year: today.year)
        let first = try await store.nextSerial(prefix: prefix)
        var numbers: [String] = []
        for (i, position) in positions.enumerated() {
            let number = kind.number(region: office.region, year: today.year, serial: first + i)
            try await store.insertCertificate(record: record, position: position, kind: kind, number: number, on: today)
            numbers.append(number)
        }
        return numbers
    }
}

extension Request {
    var marriages: MarriageService {
        MarriageService(
            db: sql, writer: writer, clock: platform.clock, cipher: platform.cipher, registry: registry,
            calendar: .china)
    }
}

extension Application {
    func marriageService(actor: AuditActor) -> MarriageService {
        MarriageService(
            db: sql, writer: writer(actor: actor), clock: platform.clock, cipher: platform.cipher,
            registry: RegistryStore(db: sql, cipher: platform.cipher, regions: platform.regions, clock: platform.clock),
            calendar: .china)
    }
}
