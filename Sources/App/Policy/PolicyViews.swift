import MinzhengCore

/// What `policy/index.leaf` shows: each parameter's value in force for the city this month.
struct PolicyIndexPage: Encodable {
    let layout: LayoutContext
    let month: String
    let rows: [PolicyIndexRow]
    let canSimulate: Bool
}

struct PolicyIndexRow: Encodable {
    let key: String
    let label: String
    let value: String
    let since: String
    /// Versions of the city that start after this month.
    let scheduled: [String]
    /// How many districts or streets have their own value.
    let overrides: Int
}

/// What `policy/parameter.leaf` shows: one parameter's versions, newest first, and the form.
struct PolicyParameterPage: Encodable {
    let layout: LayoutContext
    let key: String
    let label: String
    let hint: String
    let versions: [VersionRow]
    let canManage: Bool
    let regions: [Choice]
    let form: VersionForm
    let error: String?
    let errorField: String?
    let added: String?
}

struct VersionRow: Encodable {
    let region: String
    let regionCode: String
    let fromMonth: String
    let value: String
    let revision: Int
    let note: String
    let createdBy: String
    let createdAt: String
}

struct SimulationPage: Encodable {
    let layout: LayoutContext
    let regionName: String
    let standard: String
    let from: String
    var error: String?
    var errorField: String?
    var result: SimulationResultView?
}

/// The figures as the page's table shows them: counts, and money in yuan.
struct SimulationResultView: Encodable {
    struct Row: Encodable {
        let name: String
        let assessed: Int
        let entering: String
        let leaving: String
        let changing: String
        let baseline: String
        let proposed: String
        let difference: String
    }

    let standard: String
    let from: String
    let overall: Row
    let districts: [Row]

    init(_ f: SimulationFigures) {
        standard = Fen(f.standardFen).formatted
        from = f.from
        overall = Self.row("合计", f.overall)
        districts = f.districts.map { Self.row($0.name, $0.totals) }
    }

    private static func row(_ name: String, _ t: SimulationFigures.Totals) -> Row {
        let sign = t.differenceFen > 0 ? "+" : ""
        return Row(
            name: name, assessed: t.householdsAssessed,
            entering: "\(t.householdsEntering) 户 \(t.personsEntering) 人",
            leaving: "\(t.householdsLeaving) 户 \(t.personsLeaving) 人",
            changing: "\(t.householdsChanging) 户 \(t.personsChanging) 人",
            baseline: Fen(t.baselineMonthlyFen).formatted, proposed: Fen(t.proposedMonthlyFen).formatted,
            difference: sign + Fen(t.differenceFen).formatted)
    }
}
