/// Who may marry on a day (婚姻登记条例 as revised in 2025, 民法典 1046–1049): a man and a
/// woman, he at least 22 and she at least 20 on the day of registration, both in person. The
/// ages are law, not parameters. Whether either is married already is the registry's to say.
public enum MarriageLaw {
    public static let minimumAge: [Sex: Int] = [.male: 22, .female: 20]

    /// Why `parties` cannot marry on `day`; nil when the law allows it. `field` names the party.
    public static func refusal(parties: [ResidentID], on day: CivilDate) -> Refusal? {
        guard parties.count == 2 else {
            return Refusal.invalid("idNumbers", "结婚登记须男女双方共同办理，请填写双方的身份证号")
        }
        if parties[0].sex == parties[1].sex {
            return Refusal.invalid("idNumbers[1]", "结婚登记须为一男一女")
        }
        for (i, party) in parties.enumerated() {
            let least = minimumAge[party.sex] ?? 22
            if party.birthDate.age(on: day) < least {
                let who = party.sex == .male ? "男方" : "女方"
                return Refusal.invalid(
                    "idNumbers[\(i)]", "\(who)登记当日未满法定婚龄 \(least) 周岁（出生于 \(party.birthDate)）")
            }
        }
        return nil
    }
}
