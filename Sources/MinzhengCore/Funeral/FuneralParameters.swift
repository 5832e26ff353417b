/// The dated numbers of the free basic funeral services and of the extras for dibao and
/// tekun families (APPOINTMENTS.md), read from the stored policy parameters.
public struct FuneralParameters: Sendable, Hashable {
    /// Days of cold storage free of charge (3 by default).
    public var coldStorageFreeDays: Int
    /// Years of ash storage in a public hall free of charge (3 by default).
    public var ashStorageFreeYears: Int
    /// A basic urn free up to this price, or this much toward another (200 yuan).
    public var urnAllowance: Fen
    /// Dibao and tekun deceased: this much more of listed services free (400 yuan).
    public var extraAllowance: Fen
    /// A public cemetery's plot or niche is used for this many years, then renewed (20).
    public var cemeteryTermYears: Int
    /// Proposed to the street for a deceased dibao or tekun beneficiary. APPOINTMENTS.md leaves
    /// the amount to the city; 1 000 yuan (the neighbouring Jiangsu cities' order) until it enters its own.
    public var funeralSubsidy: Fen
    /// Proposed to the street for an eco-burial (tree, sea, scattering): 1 500 yuan.
    public var ecoBurialSubsidy: Fen

    public static let keys: [PolicyParameterKey] = [
        .funeralColdStorageFreeDays, .funeralAshStorageFreeYears, .funeralUrnAllowance, .funeralExtraAllowance,
        .cemeteryTermYears, .funeralSubsidy, .ecoBurialSubsidy,
    ]

    public init(
        coldStorageFreeDays: Int, ashStorageFreeYears: Int, urnAllowance: Fen, extraAllowance: Fen,
        cemeteryTermYears: Int, funeralSubsidy: Fen = Fen(100_000), ecoBurialSubsidy: Fen = Fen(150_000)
    ) {
        self.coldStorageFreeDays = coldStorageFreeDays
        self.ashStorageFreeYears = ashStorageFreeYears
        self.urnAllowance = urnAllowance
        self.extraAllowance = extraAllowance
        self.cemeteryTermYears = cemeteryTermYears
        self.funeralSubsidy = funeralSubsidy
        self.ecoBurialSubsidy = ecoBurialSubsidy
    }

    /// `values` holds every key of `keys` (PolicyParameters checked that).
    public init(values: [PolicyParameterKey: Int64]) {
        self.init(
            coldStorageFreeDays: Int(values[.funeralColdStorageFreeDays] ?? 0),
            ashStorageFreeYears: Int(values[.funeralAshStorageFreeYears] ?? 0),
            urnAllowance: Fen(values[.funeralUrnAllowance] ?? 0),
            extraAllowance: Fen(values[.funeralExtraAllowance] ?? 0),
            cemeteryTermYears: Int(values[.cemeteryTermYears] ?? 0),
            funeralSubsidy: Fen(values[.funeralSubsidy] ?? 0), ecoBurialSubsidy: Fen(values[.ecoBurialSubsidy] ?? 0))
    }

    public var values: [PolicyParameterKey: Int64] {
        [
            .funeralColdStorageFreeDays: Int64(coldStorageFreeDays),
            .funeralAshStorageFreeYears: Int64(ashStorageFreeYears),
            .funeralUrnAllowance: urnAllowance.value, .funeralExtraAllowance: extraAllowance.value,
            .cemeteryTermYears: Int64(cemeteryTermYears), .funeralSubsidy: funeralSubsidy.value,
            .ecoBurialSubsidy: ecoBurialSubsidy.value,
        ]
    }
}
