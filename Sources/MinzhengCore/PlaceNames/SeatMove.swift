/// 驻地迁移: a street's or town's seat of government (街道办事处、镇人民政府驻地) moved to a new
/// place. It is approved as a name is — proposed, publicised for opinions, approved by the
/// body that may approve it, announced — but an announced move is history and is never
/// retired: a later move is a new one from the seat it left.
public enum SeatMoveRules {
    /// A move's steps: a name's, without retiring.
    public static let steps = PlaceNameStep.allCases.filter { $0 != .retire }

    /// The steps a move in `status` may take.
    public static func available(from status: PlaceNameStatus) -> [PlaceNameStep] {
        PlaceNameStep.available(from: status).filter(steps.contains)
    }

    /// The status after `step`, or why it cannot be taken now (a name's rules otherwise).
    public static func next(
        _ step: PlaceNameStep, from status: PlaceNameStatus, publicityEnds: CivilDate?, today: CivilDate
    ) -> Result<PlaceNameStatus, Refusal> {
        guard available(from: status).contains(step) else {
            return .failure(Refusal(.conflict, "当前状态为“\(status.chinese)”，驻地迁移不能\(step.chinese)", field: "action"))
        }
        return step.next(from: status, publicityEnds: publicityEnds, today: today)
    }

    /// A move still under way: a street has at most one at a time.
    public static func isOpen(_ status: PlaceNameStatus) -> Bool {
        [.proposed, .publicised, .approved].contains(status)
    }

    /// The new seat must differ from the old one (the addresses compared without spaces).
    public static func checkedSeats(from: String, to: String) throws(FieldProblem) {
        func plain(_ s: String) -> String { s.filter { !$0.isWhitespace } }
        guard plain(from) != plain(to) else { throw FieldProblem("toAddress", "新驻地与现驻地相同") }
    }
}
