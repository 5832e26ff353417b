import Foundation
import MinzhengCore
import Vapor

/// The facility form as typed: every field text, so a wrong number is shown in place.
struct FacilityForm: Content {
    var name: String?
    var kind: String?
    var operatorName: String?
    var creditCode: String?
    var region: String?
    var address: String?
    var latitude: String?
    var longitude: String?
    var filedOn: String?
    var bedsTotal: String?
    var nursingBeds: String?
    var residents: String?
    var phone: String?
    var fireSafetyAccepted: String?
    var fireStandard: String?
    var lastSeriousIncidentOn: String?
    var version: String?

    init() {}

    init(_ r: FacilityRecord) {
        name = r.name
        kind = r.kind
        operatorName = r.operatorName
        creditCode = r.creditCode
        region = r.region
        address = r.address
        latitude = r.latitude.map { String($0) }
        longitude = r.longitude.map { String($0) }
        filedOn = r.filedOn
        bedsTotal = String(r.bedsTotal)
        nursingBeds = String(r.nursingBeds)
        residents = String(r.residents)
        phone = r.phone
        fireSafetyAccepted = r.fireSafetyAccepted ? "1" : nil
        fireStandard = r.fireStandard
        lastSeriousIncidentOn = r.lastSeriousIncidentOn
        version = String(r.version)
    }

    /// The API's input; a number that is not one is refused naming its field.
    func input() throws -> FacilityDraft.Input {
        func int(_ text: String?, _ field: String) throws -> Int? {
            guard let t = text?.trimmedWhitespace, !t.isEmpty else { return nil }
            guard let v = Int(t) else { throw Refusal.invalid(field, "请填写整数") }
            return v
        }
        func double(_ text: String?, _ field: String) throws -> Double? {
            guard let t = text?.trimmedWhitespace, !t.isEmpty else { return nil }
            guard let v = Double(t) else { throw Refusal.invalid(field, "请填写小数形式的经纬度，如 31.78") }
            return v
        }
        var i = FacilityDraft.Input()
        i.name = name
        i.kind = kind
        i.operatorName = operatorName
        i.creditCode = creditCode
        i.region = region
        i.address = address
        i.latitude = try double(latitude, "latitude")
        i.longitude = try double(longitude, "longitude")
        i.filedOn = filedOn
        i.bedsTotal = try int(bedsTotal, "bedsTotal")
        i.nursingBeds = try int(nursingBeds, "nursingBeds")
        i.residents = try int(residents, "residents")
        i.phone = phone
        i.fireSafetyAccepted = ["1", "on", "true"].contains(fireSafetyAccepted ?? "")
        i.fireStandard = fireStandard
        i.lastSeriousIncidentOn = lastSeriousIncidentOn
        i.version = try int(version, "version")
        return i
    }
}

struct FacilityListPage: Encodable {
    let layout: LayoutContext
    let query: FacilityListQuery
    var picker: RegionPicker
    let kinds: [Choice]
    let grades: [Choice]
    let canManage: Bool
    var rows: [FacilityRecord] = []
    var total = 0
    var pager: Pager?
    var error: String?
    var errorField: String?
}

struct FacilityFormPage: Encodable {
    let layout: LayoutContext
    let heading: String
    let action: String
    let form: FacilityForm
    let picker: RegionPicker
    let kinds: [Choice]
    let fireStandards: [Choice]
    let error: String?
    let errorField: String?
}

struct FacilityPage: Encodable {
    let layout: LayoutContext
    let facility: FacilityRecord
    let nursingShare: String
    let occupancy: String
    let gradings: [GradingRecord]
    let inspections: [InspectionRecord]
    let hazards: [HazardRecord]
    let canManage: Bool
    let canGrade: Bool
    /// The published price list (the public map shows it), its units, and what was typed
    /// into its form when it was refused.
    let prices: [PriceLine]
    let priceUnits: [Choice]
    let priceForm: [String: String]
    let notice: String?
    let error: String?
    let errorField: String?
}

struct BedsPage: Encodable {
    let layout: LayoutContext
    let report: BedReport
}

struct GradingsPage: Encodable {
    struct Expiring: Encodable {
        let facility: FacilityRecord
        let reminder: String
    }
    let layout: LayoutContext
    let open: [GradingRecord]
    let expiring: [Expiring]
    let canRunRound: Bool
    let round: String?
}

struct GradingPage: Encodable {
    struct Section: Encodable {
        let key: String
        let name: String
        let max: Int
        let score: String
        let share: String
    }
    let layout: LayoutContext
    let grading: GradingRecord
    let sections: [Section]
    let shortfalls: [String]
    let hasShortfalls: Bool
    let canScore: Bool
    let canPublicize: Bool
    let canDecide: Bool
    let publicityDays: Int
    let error: String?
    let errorField: String?
}

extension FacilityKind {
    static var choices: [Choice] { allCases.map { Choice(value: $0.rawValue, label: $0.chinese) } }
}
