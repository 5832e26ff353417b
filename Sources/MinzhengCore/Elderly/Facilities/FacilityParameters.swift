/// The dated numbers of facility grading, inspections and the nursing-bed target
/// (ELDERLY.md, "Facility grading" and "Safety inspections"), read from the stored policy
/// parameters like every other policy number.
public struct FacilityParameters: Sendable, Hashable {
    /// The score sheet's sections and their maxima (1 000 points in all by default).
    public var sectionMaxima: [FacilitySection: Int]
    /// From grade 5 down to grade 1: the total and the share of every section a grade needs.
    public var thresholds: [GradeThreshold]
    /// Filed (备案) at least this many months before the decision.
    public var filedMonths: Int
    /// No serious safety incident within this many months before the decision.
    public var incidentFreeMonths: Int
    /// A grade is valid this many months from its certificate date.
    public var validityMonths: Int
    /// Reminders this many months before expiry (6 and 1 by default).
    public var firstReminderMonths: Int
    public var secondReminderMonths: Int
    /// Publicity (公示) of a proposed grade, in days.
    public var publicityDays: Int
    /// Rectification deadlines in days from the finding.
    public var seriousHazardDays: Int
    public var generalHazardDays: Int
    /// The year's target share of nursing-type beds among all beds (护理型床位占比).
    public var nursingBedTarget: Rate
    /// The "15-minute circle": a community is covered when a neighbourhood facility is
    /// within this many metres of its office (1 000 by default).
    public var serviceCircleMetres: Int
    /// The adviser answers a question or care need within this many days.
    public var adviceReplyDays: Int

    public static let keys: [PolicyParameterKey] = [
        .facilitySectionEnvironmentMax, .facilitySectionEquipmentMax, .facilitySectionManagementMax,
        .facilitySectionServicesMax,
        .facilityGrade5Total, .facilityGrade5SectionShare, .facilityGrade4Total, .facilityGrade4SectionShare,
        .facilityGrade3Total, .facilityGrade3SectionShare, .facilityGrade2Total, .facilityGrade2SectionShare,
        .facilityGrade1Total, .facilityGrade1SectionShare,
        .facilityGradeFiledMonths, .facilityGradeIncidentFreeMonths, .facilityGradeValidityMonths,
        .facilityGradeFirstReminderMonths, .facilityGradeSecondReminderMonths, .facilityGradePublicityDays,
        .hazardSeriousDays, .hazardGeneralDays, .nursingBedTarget, .serviceCircleMetres, .adviceReplyDays,
    ]

    /// `values` holds every key of `keys` (PolicyParameters checked that).
    public init(values: [PolicyParameterKey: Int64]) {
        func int(_ key: PolicyParameterKey) -> Int { Int(values[key] ?? 0) }
        func rate(_ key: PolicyParameterKey) -> Rate { Rate(basisPoints: values[key] ?? 0) }
        sectionMaxima = [
            .environment: int(.facilitySectionEnvironmentMax), .equipment: int(.facilitySectionEquipmentMax),
            .management: int(.facilitySectionManagementMax), .services: int(.facilitySectionServicesMax),
        ]
        thresholds = [
            GradeThreshold(grade: 5, total: int(.facilityGrade5Total), sectionShare: rate(.facilityGrade5SectionShare)),
            GradeThreshold(grade: 4, total: int(.facilityGrade4Total), sectionShare: rate(.facilityGrade4SectionShare)),
            GradeThreshold(grade: 3, total: int(.facilityGrade3Total), sectionShare: rate(.facilityGrade3SectionShare)),
            GradeThreshold(grade: 2, total: int(.facilityGrade2Total), sectionShare: rate(.facilityGrade2SectionShare)),
            GradeThreshold(grade: 1, total: int(.facilityGrade1Total), sectionShare: rate(.facilityGrade1SectionShare)),
        ]
        filedMonths = int(.facilityGradeFiledMonths)
        incidentFreeMonths = int(.facilityGradeIncidentFreeMonths)
        validityMonths = int(.facilityGradeValidityMonths)
        firstReminderMonths = int(.facilityGradeFirstReminderMonths)
        secondReminderMonths = int(.facilityGradeSecondReminderMonths)
        publicityDays = int(.facilityGradePublicityDays)
        seriousHazardDays = int(.hazardSeriousDays)
        generalHazardDays = int(.hazardGeneralDays)
        nursingBedTarget = rate(.nursingBedTarget)
        serviceCircleMetres = int(.serviceCircleMetres)
        adviceReplyDays = int(.adviceReplyDays)
    }

    public var values: [PolicyParameterKey: Int64] {
        var v: [PolicyParameterKey: Int64] = [
            .facilitySectionEnvironmentMax: Int64(sectionMaxima[.environment] ?? 0),
            .facilitySectionEquipmentMax: Int64(sectionMaxima[.equipment] ?? 0),
            .facilitySectionManagementMax: Int64(sectionMaxima[.management] ?? 0),
            .facilitySectionServicesMax: Int64(sectionMaxima[.services] ?? 0),
            .facilityGradeFiledMonths: Int64(filedMonths), .facilityGradeIncidentFreeMonths: Int64(incidentFreeMonths),
            .facilityGradeValidityMonths: Int64(validityMonths),
            .facilityGradeFirstReminderMonths: Int64(firstReminderMonths),
            .facilityGradeSecondReminderMonths: Int64(secondReminderMonths),
            .facilityGradePublicityDays: Int64(publicityDays), .hazardSeriousDays: Int64(seriousHazardDays),
            .hazardGeneralDays: Int64(generalHazardDays), .nursingBedTarget: nursingBedTarget.basisPoints,
            .serviceCircleMetres: Int64(serviceCircleMetres), .adviceReplyDays: Int64(adviceReplyDays),
        ]
        let keys: [Int: (PolicyParameterKey, PolicyParameterKey)] = [
            5: (.facilityGrade5Total, .facilityGrade5SectionShare),
            4: (.facilityGrade4Total, .facilityGrade4SectionShare),
            3: (.facilityGrade3Total, .facilityGrade3SectionShare),
            2: (.facilityGrade2Total, .facilityGrade2SectionShare),
            1: (.facilityGrade1Total, .facilityGrade1SectionShare),
        ]
        for t in thresholds {
            guard let pair = keys[t.grade] else { continue }
            v[pair.0] = Int64(t.total)
            v[pair.1] = t.sectionShare.basisPoints
        }
        return v
    }

    /// The rectification deadline of a finding.
    public func deadlineDays(_ severity: HazardSeverity) -> Int {
        severity == .serious ? seriousHazardDays : generalHazardDays
    }
}

/// One line of the grading table.
public struct GradeThreshold: Sendable, Hashable {
    public var grade: Int
    public var total: Int
    public var sectionShare: Rate

    public init(grade: Int, total: Int, sectionShare: Rate) {
        self.grade = grade
        self.total = total
        self.sectionShare = sectionShare
    }
}
