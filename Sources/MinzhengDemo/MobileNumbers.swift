import MinzhengCore

/// Mainland mobile numbers: an allocated three-digit prefix of China Mobile, Unicom or
/// Telecom (13x–19x) and eight digits.
enum MobileNumbers {
    private static let prefixes = WeightedChoice(
        utf8Words([
            ("139", 8), ("138", 8), ("137", 6), ("136", 6), ("135", 6), ("134", 4), ("150", 5), ("151", 5),
            ("152", 4), ("157", 2), ("158", 5), ("159", 5), ("182", 4), ("183", 3), ("187", 4), ("188", 4),
            ("147", 1), ("178", 2), ("198", 2), ("130", 4), ("131", 4), ("132", 4), ("155", 3), ("156", 3),
            ("185", 3), ("186", 4), ("166", 2), ("175", 1), ("176", 2), ("133", 3), ("153", 3), ("180", 3),
            ("181", 3), ("189", 4), ("177", 2), ("173", 1), ("199", 2), ("191", 1),
        ]))

    static func make(buffer text: inout UTF8Text, random: inout SplitMix64) -> String {
        text.start()
        text.append(prefixes.pick(&random))
        text.append(number: random.below(100_000_000), width: 8)
        return text.string
    }
}
