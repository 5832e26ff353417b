import MinzhengCore

/// What a household declared with its application, as staff read it before the home visit:
/// each member's incomes by name, then assets and the year's rigid expenses.
struct DeclarationView: Encodable {
    struct Member: Encodable {
        let name: String
        let incomes: String
    }

    let members: [Member]
    let assets: String
    let expenses: String

    init(_ means: DeclaredMeans, names: [String: String]) {
        members = means.members.map { m in
            Member(
                name: names[m.personId] ?? "（非本户成员）",
                incomes: m.incomes.isEmpty
                    ? "无收入"
                    : m.incomes.map { "\($0.kind.chinese) \(Fen($0.monthlyFen).formatted)/月" }.joined(separator: "，")
                        + (m.seriousIllness ? "；患重病" : "") + (m.hasCapableSupporter ? "" : "；无有能力的赡养人"))
        }
        assets =
            "金融资产 \(Fen(means.financialFen).formatted)，机动车 \(means.vehicles) 辆，住房 \(means.residentialProperties) 套"
            + (means.ownsBusiness ? "，有经营性资产" : "")
        let spent = [
            ("医疗", means.annualMedicalFen), ("教育", means.annualEducationFen), ("康复", means.annualRehabilitationFen),
            ("受灾", means.annualDisasterFen),
        ].filter { $0.1 > 0 }
        expenses = spent.isEmpty ? "无" : spent.map { "\($0.0) \(Fen($0.1).formatted)" }.joined(separator: "，")
    }
}
