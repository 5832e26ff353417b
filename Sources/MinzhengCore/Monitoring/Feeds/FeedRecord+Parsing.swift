/// Builds a checked `FeedRecord` from the raw fields of one row, whatever the format.
extension FeedRecord {
    /// The longest source record id kept: ids are stored and indexed with every row.
    public static let maxSourceRecordIdLength = 64

    /// Checks fields in a fixed order (unknown fields, the two common fields, then the
    /// kind's own in CATALOG.md order) so that a row with several problems always reports
    /// the same one first.
    static func parse(kind: FeedKind, fields: FeedRowFields, today: CivilDate) throws(FieldProblem) -> FeedRecord {
        let known = Set(kind.allFields)
        if let unknown = fields.names.first(where: { !known.contains($0) }) {
            let list = "\(kind.rawValue) 的字段为 \(kind.allFields.joined(separator: "、"))"
            // A problem must name a field the department can find: an empty name is the row's.
            guard !unknown.isEmpty else { throw FieldProblem("row", "有字段名为空的字段（\(list)）") }
            throw FieldProblem(unknown, "未知字段（\(list)）")
        }
        let sourceRecordId = try fields.identifier("sourceRecordId", maxLength: maxSourceRecordIdLength)
        let id = try fields.residentID("idNumber", today: today)
        let payload = try parsePayload(kind: kind, fields: fields, birthDate: id.birthDate, today: today)
        return FeedRecord(sourceRecordId: sourceRecordId, idNumber: id, payload: payload)
    }

    private static func parsePayload(
        kind: FeedKind, fields f: FeedRowFields, birthDate: CivilDate,
        today: CivilDate
    ) throws(FieldProblem) -> FeedPayload {
        switch kind {
        case .death:
            let date = try f.date("deathDate", notAfter: today)
            guard date >= birthDate else { throw FieldProblem("deathDate", "早于身份证号中的出生日期") }
            return .death(DeathNotice(deathDate: date))

        case .medicalExpense:
            let admission = try f.date("admissionDate", notAfter: today)
            let discharge = try f.date("dischargeDate", notAfter: today)
            guard discharge >= admission else { throw FieldProblem("dischargeDate", "早于入院日期 admissionDate") }
            let total = try f.fen("totalFen")
            let outOfPocket = try f.fen("outOfPocketFen")
            guard outOfPocket <= total else { throw FieldProblem("outOfPocketFen", "不能大于总费用 totalFen") }
            let serious = try f.boolean("seriousIllness", default: false)
            return .medicalExpense(
                MedicalStay(
                    admissionDate: admission, dischargeDate: discharge, totalFen: total,
                    outOfPocketFen: outOfPocket, seriousIllness: serious))

        case .unemployment:
            let registered = try f.date("registeredDate", notAfter: today)
            let status: UnemploymentStatus = try f.choice("status", chinese: \.chinese)
            return .unemployment(UnemploymentRegistration(registeredDate: registered, status: status))

        case .pension:
            let monthly = try f.fen("monthlyFen")
            let from = try f.month("fromMonth")
            return .pension(PensionAward(monthlyFen: monthly, fromMonth: from))

        case .disability:
            let gradeNumber = try f.count("grade", "应为 1–4 级")
            guard let grade = DisabilityGrade(Int(gradeNumber)) else { throw FieldProblem("grade", "应为 1–4 级") }
            let kind: DisabilityKind = try f.choice("kind", chinese: \.chinese)
            let certified = try f.date("certifiedDate", notAfter: today)
            let until = try f.optionalDate("validUntil")
            if let until, until < certified { throw FieldProblem("validUntil", "早于发证日期 certifiedDate") }
            return .disability(
                DisabilityCertificate(grade: grade, kind: kind, certifiedDate: certified, validUntil: until))

        case .vehicle:
            let registered = try f.date("registeredDate", notAfter: today)
            return .vehicle(VehicleRegistration(registeredDate: registered, valueFen: try f.fen("valueFen")))

        case .realEstate:
            let properties = try f.count("properties", "应为非负整数（套数）")
            guard properties <= InputRules.maximumCount else {
                throw FieldProblem("properties", "数量超过上限 \(InputRules.maximumCount)")
            }
            return .realEstate(RealEstateHolding(properties: Int(properties), areaM2: try f.area("areaM2")))

        case .business:
            let registered = try f.date("registeredDate", notAfter: today)
            let capital = try f.fen("capitalFen")
            let status: BusinessStatus = try f.choice("status", chinese: \.chinese)
            return .business(BusinessRegistration(registeredDate: registered, capitalFen: capital, status: status))

        case .school:
            let level: SchoolLevel = try f.choice("level", chinese: \.chinese)
            // Admission is often recorded before the term starts, so a future date is allowed.
            return .school(SchoolEnrollment(level: level, enrolledDate: try f.date("enrolledDate")))

        case .custody:
            let start = try f.date("startDate", notAfter: today)
            // The end of a sentence is known in advance, so a future end date is allowed.
            let end = try f.optionalDate("endDate")
            if let end, end < start { throw FieldProblem("endDate", "早于开始日期 startDate") }
            return .custody(CustodyPeriod(startDate: start, endDate: end))

        case .hukouMove:
            let moved = try f.date("movedOutDate", notAfter: today)
            return .hukouMove(HukouMoveOut(movedOutDate: moved, toRegion: try f.region("toRegion")))
        }
    }
}
