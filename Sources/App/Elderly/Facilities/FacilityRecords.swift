import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// One facility as the API answers it and its page shows it.
struct FacilityRecord: Content, Sendable {
    let id: UUID
    let name: String
    let kind: String
    let kindName: String
    let operatorName: String
    let creditCode: String
    let region: String
    let regionName: String
    let address: String
    let latitude: Double?
    let longitude: Double?
    let filedOn: String
    let bedsTotal: Int
    let nursingBeds: Int
    let residents: Int
    let phone: String?
    let fireSafetyAccepted: Bool
    let fireStandard: String
    let fireStandardName: String
    let lastSeriousIncidentOn: String?
    let grade: Int?
    let gradeCertifiedOn: String?
    let gradeExpiresOn: String?
    let gradeState: String?
    let gradeStateName: String?
    let version: Int

    static let columns =
        "id, name, kind, operator_name, credit_code, region, address, latitude, longitude, filed_on, beds_total, nursing_beds, residents, phone, fire_acceptance, fire_standard, last_serious_incident_on, grade, grade_certified_on, grade_expires_on, grade_state, version"

    init(row: SQLRow, regions: RegionTable) throws {
        id = try row.decode(column: "id", as: UUID.self)
        name = try row.decode(column: "name", as: String.self)
        kind = try row.decode(column: "kind", as: String.self)
        kindName = FacilityKind(rawValue: kind)?.chinese ?? kind
        operatorName = try row.decode(column: "operator_name", as: String.self)
        creditCode = try row.decode(column: "credit_code", as: String.self)
        region = try row.decode(column: "region", as: String.self)
        regionName = RegionCode(region).map { regions.fullName(of: $0) } ?? region
        address = try row.decode(column: "address", as: String.self)
        latitude = try row.decode(column: "latitude", as: Double?.self)
        longitude = try row.decode(column: "longitude", as: Double?.self)
        filedOn = try row.decode(column: "filed_on", as: String.self)
        bedsTotal = try row.decode(column: "beds_total", as: Int.self)
        nursingBeds = try row.decode(column: "nursing_beds", as: Int.self)
        residents = try row.decode(column: "residents", as: Int.self)
        phone = try row.decode(column: "phone", as: String?.self)
        fireSafetyAccepted = try row.decode(column: "fire_acceptance", as: Bool.self)
        fireStandard = try row.decode(column: "fire_standard", as: String.self)
        fireStandardName = FireSafetyStatus(rawValue: fireStandard)?.chinese ?? fireStandard
        lastSeriousIncidentOn = try row.decode(column: "last_serious_incident_on", as: String?.self)
        grade = try row.decode(column: "grade", as: Int?.self)
        gradeCertifiedOn = try row.decode(column: "grade_certified_on", as: String?.self)
        gradeExpiresOn = try row.decode(column: "grade_expires_on", as: String?.self)
        gradeState = try row.decode(column: "grade_state", as: String?.self)
        gradeStateName = gradeState.flatMap(GradeState.init).map(\.chinese)
        version = try row.decode(column: "version", as: Int.self)
    }

    var prerequisites: GradingPrerequisites {
        GradingPrerequisites(
            filedOn: CivilDate(filedOn) ?? CivilDate(year: 2000, month: 1, day: 1)!,
            fireSafetyAccepted: fireSafetyAccepted, lastSeriousIncidentOn: lastSeriousIncidentOn.flatMap(CivilDate.init)
        )
    }
}

/// Beds by district (or by street inside one district) with the share of nursing beds and
/// occupancy against the year's target.
struct BedRow: Content, Sendable {
    let region: String
    let name: String
    let facilities: Int
    let beds: Int
    let nursingBeds: Int
    let residents: Int
    /// Percentages with one decimal, as text ("72.5").
    let nursingShare: String
    let occupancy: String
    let meetsTarget: Bool

    init(region: String, name: String, totals t: BedTotals, target: Rate) {
        self.region = region
        self.name = name
        facilities = t.facilities
        beds = t.beds
        nursingBeds = t.nursingBeds
        residents = t.residents
        nursingShare = Percent.text(t.nursingShare)
        occupancy = Percent.text(t.occupancy)
        meetsTarget = t.meets(target)
    }
}

struct BedReport: Content, Sendable {
    let year: Int
    let target: String
    let rows: [BedRow]
    let total: BedRow
}

enum Percent {
    /// Basis points as a percentage with one decimal: 7250 → "72.5".
    static func text(_ rate: Rate) -> String { "\(rate.basisPoints / 100).\(rate.basisPoints % 100 / 10)" }
}
