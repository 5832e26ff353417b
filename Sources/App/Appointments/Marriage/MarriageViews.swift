import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// A certificate as printed: whose (the party's position), which kind, its number.
struct CertificateView: Content, Sendable {
    let position: Int
    let kind: CertificateKind
    let kindName: String
    let number: String
    let issuedOn: String
    /// Set when a replacement took its place.
    let replacedOn: String?

    init(row: SQLRow) throws {
        position = try row.decode(column: "position", as: Int.self)
        kind = CertificateKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .marriage
        kindName = kind.chinese
        number = try row.decode(column: "number", as: String.self)
        issuedOn = try row.decode(column: "issued_on", as: String.self)
        replacedOn = try row.decode(column: "replaced_on", as: String?.self)
    }
}

/// A party as shown to staff and to the couple: name from the registry when on file, the ID
/// number masked.
struct PartyView: Content, Sendable {
    let name: String?
    let idNumber: String
}

/// A divorce application with its dates, where today falls and what may be done.
struct DivorceView: Content, Sendable {
    let id: UUID
    let marriageId: UUID
    let office: String
    let state: DivorceState
    let stateName: String
    let received: String
    let coolingOffEnds: String
    let windowStarts: String
    let windowEnds: String
    /// Where today falls while the application is pending; nil once it is settled.
    let phase: DivorceTimeline.Phase?
    let phaseName: String?

    init(row: DivorceApplicationRow, calendar: WorkingDayCalendar, today: CivilDate) {
        let timeline = DivorceTimeline(received: row.received, calendar: calendar)
        id = row.id
        marriageId = row.marriageID
        office = row.officeName
        state = row.state
        stateName = row.state.chinese
        received = row.received.description
        coolingOffEnds = timeline.coolingOffEnds.description
        windowStarts = timeline.windowStarts.description
        windowEnds = timeline.windowEnds.description
        phase = row.state == .pending ? timeline.phase(on: today) : nil
        phaseName = phase?.chinese
    }
}

/// A marriage or divorce record with its parties, certificates and divorce applications.
struct MarriageRecordView: Content, Sendable {
    let id: UUID
    let kind: String
    let kindName: String
    let office: String
    let region: String
    let registeredOn: String
    let state: String
    let stateName: String
    let parties: [PartyView]
    let certificates: [CertificateView]
    let divorceApplications: [DivorceView]

    init(
        row: MarriageRecordRow, parties: [PartyView], certificates: [CertificateView], divorces: [DivorceView]
    ) {
        id = row.id
        kind = row.kind
        kindName = row.kind == "divorce" ? "离婚登记" : "结婚登记"
        office = row.officeName
        region = row.region
        registeredOn = row.registeredOn.description
        state = row.state
        stateName = row.kind == "divorce" ? "有效" : (row.state == "valid" ? "婚姻存续" : "已解除")
        self.parties = parties
        self.certificates = certificates
        divorceApplications = divorces
    }
}
