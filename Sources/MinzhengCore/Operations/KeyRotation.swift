/// A data-key rotation (`minzheng keys rotate`): every encrypted column sealed anew and every
/// blind index rebuilt under a new key, table by table in batches, resumable.
public enum KeyRotation {
    /// A rotation runs twice over the tables: `rekey` rewrites every row still under the old
    /// key; `sweep` walks them again and rewrites what a writer that had not yet seen the new
    /// key wrote meanwhile (normally nothing). Then the new key replaces the old one.
    public enum Phase: Int, Codable, Sendable, Comparable {
        case rekey = 1
        case sweep = 2

        public static func < (a: Phase, b: Phase) -> Bool { a.rawValue < b.rawValue }
    }

    public enum State: String, Codable, Sendable {
        case running, complete
    }

    /// Where one table stands in the current phase.
    public struct TableProgress: Codable, Hashable, Sendable {
        public let table: String
        public var done: Bool
        /// Rows walked in this phase, and rows rewritten over the whole rotation.
        public var rowsDone: Int
        public var rowsChanged: Int

        public init(table: String, done: Bool, rowsDone: Int, rowsChanged: Int) {
            self.table = table
            self.done = done
            self.rowsDone = rowsDone
            self.rowsChanged = rowsChanged
        }
    }

    /// What to do next, given the phase and the tables' progress in their fixed order.
    public enum Step: Hashable, Sendable {
        /// A batch of this table.
        case batch(table: String)
        /// Every table is through the rekey phase: walk them again.
        case startSweep
        /// Every table is through the sweep: the new key may replace the old one.
        case finish
    }

    public static func next(phase: Phase, tables: [TableProgress]) -> Step {
        if let open = tables.first(where: { !$0.done }) { return .batch(table: open.table) }
        return phase == .rekey ? .startSweep : .finish
    }
}
