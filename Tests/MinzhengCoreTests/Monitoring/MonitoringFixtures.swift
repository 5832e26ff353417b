import Foundation
@testable import MinzhengCore

/// Shared rows and snapshots for the monitoring tests.
enum MonitoringFixtures {
    static let today = CivilDate(year: 2024, month: 6, day: 15)!

    /// A valid 18-character ID number of Tianning district (320402) born on `born`.
    static func idNumber(born: String = "19800102", sequence: String = "123") -> String {
        let body = "320402" + born + sequence
        return body + String(UnicodeScalar(ResidentID.checkCharacter(for: Array(body.utf8)[...])))
    }

    static let personID = idNumber()

    /// One valid row of each feed as CSV cells (header = the JSON field names).
    static func csvRow(_ kind: FeedKind) -> [(String, String)] {
        let common = [("sourceRecordId", "R-0001"), ("idNumber", personID)]
        switch kind {
        case .death: return common + [("deathDate", "2024-06-10")]
        case .medicalExpense:
            return common + [
                ("admissionDate", "2024-05-01"), ("dischargeDate", "2024-05-20"), ("totalFen", "3500000"),
                ("outOfPocketFen", "1200000"), ("seriousIllness", "true"),
            ]
        case .unemployment: return common + [("registeredDate", "2024-06-01"), ("status", "registered")]
        case .pension: return common + [("monthlyFen", "185000"), ("fromMonth", "2024-07")]
        case .disability:
            return common + [
                ("grade", "2"), ("kind", "physical"), ("certifiedDate", "2024-06-03"), ("validUntil", "2029-06-02"),
            ]
        case .vehicle: return common + [("registeredDate", "2024-04-18"), ("valueFen", "8900000")]
        case .realEstate: return common + [("properties", "2"), ("areaM2", "85.5")]
        case .business:
            return common + [("registeredDate", "2024-03-02"), ("capitalFen", "10000000"), ("status", "active")]
        case .school: return common + [("level", "high"), ("enrolledDate", "2024-09-01")]
        case .custody: return common + [("startDate", "2024-05-05"), ("endDate", "2025-05-04")]
        case .hukouMove: return common + [("movedOutDate", "2024-06-01"), ("toRegion", "320505")]
        }
    }

    /// The same row as a decoded JSON object: numbers as numbers, flags as booleans.
    static func jsonRow(_ kind: FeedKind) -> [String: Any] {
        let numeric: Set<String> = [
            "totalFen", "outOfPocketFen", "monthlyFen", "grade", "valueFen", "properties", "capitalFen",
        ]
        var object: [String: Any] = [:]
        for (name, text) in csvRow(kind) {
            if numeric.contains(name) {
                object[name] = Int(text)!
            } else if name == "seriousIllness" {
                object[name] = text == "true"
            } else if name == "areaM2" {
                object[name] = Double(text)!
            } else {
                object[name] = text
            }
        }
        return object
    }

    static func jsonData(_ object: Any) -> Data {
        try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    static func parseCSV(_ kind: FeedKind, _ pairs: [(String, String)]) throws -> FeedRecord {
        let columns = try FeedCSVColumns(kind: kind, header: pairs.map(\.0))
        return try columns.record(pairs.map(\.1), today: today)
    }

    static func parsed(_ kind: FeedKind) -> FeedRecord {
        try! FeedRecord(kind: kind, json: jsonRow(kind), today: today)
    }

    // MARK: Rule snapshots

    static let standard: Fen = 100_000

    static func enrollment(
        _ code: String, _ coverage: EnrollmentSnapshot.Coverage = .household,
        _ status: EnrollmentSnapshot.Status = .active
    ) -> EnrollmentSnapshot {
        EnrollmentSnapshot(code: code, coverage: coverage, status: status)
    }

    static let dibao = enrollment("dibao")
    static let edge = enrollment("lowIncomeEdge")

    static func context(
        enrollments: [EnrollmentSnapshot] = [], perCapita: Fen = 60_000, onlyEarner: Bool = false,
        outOfPocket12: Fen = 0, otherProperties: Int = 0, deceased: Bool = false,
        thresholds: EarlyWarningThresholds = .defaults
    ) -> EarlyWarningContext {
        EarlyWarningContext(
            today: today,
            person: MonitoredPerson(id: "P1", birthDate: CivilDate("1980-01-02")!, isDeceased: deceased),
            household: MonitoredHousehold(
                id: "H1", region: RegionCode("320402001")!, memberCount: 3,
                memberAges: [44, 42, 12], personLivesAlone: false,
                residentialPropertiesOfOtherMembers: otherProperties),
            enrollments: enrollments,
            means: HouseholdMeans(
                dibaoStandard: standard, perCapitaCountedIncome: perCapita, personIsOnlyEarner: onlyEarner),
            outOfPocketLast12Months: outOfPocket12,
            assetLimits: AssetTestLimits(maxResidentialProperties: 1),
            thresholds: thresholds)
    }

    static func record(_ payload: FeedPayload, source: String = "R-0001") -> FeedRecord {
        FeedRecord(sourceRecordId: source, idNumber: try! ResidentID(personID, today: today), payload: payload)
    }

    static func date(_ text: String) -> CivilDate { CivilDate(text)! }

    static func stay(oneStay: Fen) -> FeedPayload {
        .medicalExpense(
            MedicalStay(
                admissionDate: date("2024-05-01"), dischargeDate: date("2024-05-20"),
                totalFen: oneStay + 500_000, outOfPocketFen: oneStay, seriousIllness: false))
    }
}
