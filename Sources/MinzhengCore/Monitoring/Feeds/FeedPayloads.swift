/// What each feed says about the person, beyond who they are: exactly the fields of
/// CATALOG.md, typed. Built only by the parser (FeedRecord+Parsing.swift), which checks
/// them, or by code that already holds checked values.

/// `death` (公安 / 卫健).
public struct DeathNotice: Hashable, Sendable {
    public let deathDate: CivilDate
    public init(deathDate: CivilDate) { self.deathDate = deathDate }
}

/// `medicalExpense` (医保): one hospital stay as settled.
public struct MedicalStay: Hashable, Sendable {
    public let admissionDate: CivilDate
    public let dischargeDate: CivilDate
    public let totalFen: Fen
    /// What the person paid after insurance: the burden the medical rule weighs.
    public let outOfPocketFen: Fen
    public let seriousIllness: Bool

    public init(
        admissionDate: CivilDate, dischargeDate: CivilDate, totalFen: Fen, outOfPocketFen: Fen, seriousIllness: Bool
    ) {
        self.admissionDate = admissionDate
        self.dischargeDate = dischargeDate
        self.totalFen = totalFen
        self.outOfPocketFen = outOfPocketFen
        self.seriousIllness = seriousIllness
    }
}

/// `unemployment` (人社).
public struct UnemploymentRegistration: Hashable, Sendable {
    public let registeredDate: CivilDate
    public let status: UnemploymentStatus
    public init(registeredDate: CivilDate, status: UnemploymentStatus) {
        self.registeredDate = registeredDate
        self.status = status
    }
}

/// `pension` (人社): a pension paid monthly from a month on.
public struct PensionAward: Hashable, Sendable {
    public let monthlyFen: Fen
    public let fromMonth: YearMonth
    public init(monthlyFen: Fen, fromMonth: YearMonth) {
        self.monthlyFen = monthlyFen
        self.fromMonth = fromMonth
    }
}

/// `disability` (残联): a disability certificate. `validUntil` (the last valid day of a
/// certificate issued for a term; absent for a permanent one) goes beyond CATALOG.md's fields:
/// without it an expired certificate could never stop the two subsidies.
public struct DisabilityCertificate: Hashable, Sendable {
    public let grade: DisabilityGrade
    public let kind: DisabilityKind
    public let certifiedDate: CivilDate
    public let validUntil: CivilDate?
    public init(grade: DisabilityGrade, kind: DisabilityKind, certifiedDate: CivilDate, validUntil: CivilDate? = nil) {
        self.grade = grade
        self.kind = kind
        self.certifiedDate = certifiedDate
        self.validUntil = validUntil
    }
}

/// `vehicle` (公安交管): a motor vehicle registered to the person.
public struct VehicleRegistration: Hashable, Sendable {
    public let registeredDate: CivilDate
    public let valueFen: Fen
    public init(registeredDate: CivilDate, valueFen: Fen) {
        self.registeredDate = registeredDate
        self.valueFen = valueFen
    }
}

/// `realEstate` (不动产登记): the residential properties the person now holds.
public struct RealEstateHolding: Hashable, Sendable {
    public let properties: Int
    public let areaM2: SquareMetres
    public init(properties: Int, areaM2: SquareMetres) {
        self.properties = properties
        self.areaM2 = areaM2
    }
}

/// `business` (市场监管): a market entity the person registered.
public struct BusinessRegistration: Hashable, Sendable {
    public let registeredDate: CivilDate
    public let capitalFen: Fen
    public let status: BusinessStatus
    public init(registeredDate: CivilDate, capitalFen: Fen, status: BusinessStatus) {
        self.registeredDate = registeredDate
        self.capitalFen = capitalFen
        self.status = status
    }
}

/// `school` (教育).
public struct SchoolEnrollment: Hashable, Sendable {
    public let level: SchoolLevel
    public let enrolledDate: CivilDate
    public init(level: SchoolLevel, enrolledDate: CivilDate) {
        self.level = level
        self.enrolledDate = enrolledDate
    }
}

/// `custody` (司法): detention or imprisonment; no end date while it lasts.
public struct CustodyPeriod: Hashable, Sendable {
    public let startDate: CivilDate
    public let endDate: CivilDate?
    public init(startDate: CivilDate, endDate: CivilDate?) {
        self.startDate = startDate
        self.endDate = endDate
    }

    /// Still in custody on `date`: started, and not yet ended (the end day is spent inside).
    public func isInCustody(on date: CivilDate) -> Bool {
        startDate <= date && (endDate.map { date <= $0 } ?? true)
    }
}

/// `hukouMove` (公安): the household registration moved out to another region.
public struct HukouMoveOut: Hashable, Sendable {
    public let movedOutDate: CivilDate
    public let toRegion: RegionCode
    public init(movedOutDate: CivilDate, toRegion: RegionCode) {
        self.movedOutDate = movedOutDate
        self.toRegion = toRegion
    }
}
