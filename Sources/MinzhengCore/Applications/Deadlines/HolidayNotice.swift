/// One year's public-holiday arrangement, as the State Council General Office publishes it
/// each autumn (国务院办公厅关于某年部分节假日安排的通知): the days off, and the weekend
/// days that become working days to make the holidays consecutive (调休上班).
public struct HolidayNotice: Hashable, Sendable {
    /// One named block of days off, first and last day included.
    public struct Holiday: Hashable, Sendable {
        public let name: String
        public let first: CivilDate
        public let last: CivilDate

        public init(name: String, first: CivilDate, last: CivilDate) {
            self.name = name
            self.first = first
            self.last = last
        }

        /// Every day of the block; none when `last` is before `first`.
        public var days: [CivilDate] {
            guard first <= last else { return [] }
            return (first.daysSinceEpoch...last.daysSinceEpoch).map(CivilDate.init(daysSinceEpoch:))
        }
    }

    public let year: Int
    public let holidays: [Holiday]
    /// Weekend days worked instead (调休上班日).
    public let adjustedWorkdays: [CivilDate]
    /// True when the year's notice was not yet published and the table is a guess.
    public let isProvisional: Bool

    public init(year: Int, holidays: [Holiday], adjustedWorkdays: [CivilDate], isProvisional: Bool = false) {
        self.year = year
        self.holidays = holidays
        self.adjustedWorkdays = adjustedWorkdays
        self.isProvisional = isProvisional
    }
}
