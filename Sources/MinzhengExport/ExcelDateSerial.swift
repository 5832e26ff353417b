/// Calendar days as Excel stores them: a serial number of days, shown as a date by a number format.
enum ExcelDateSerial {
    static let firstYear = 1900
    static let lastYear = 9999

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...12).contains(month) && day >= 1 && day <= daysIn(month: month, year: year)
    }

    /// The serial for a valid day in 1900-01-01...9999-12-31; nil outside that range, where
    /// Excel has no date at all (such a day is better written as text than lost).
    static func serial(year: Int, month: Int, day: Int) -> Int? {
        guard (firstYear...lastYear).contains(year), isValid(year: year, month: month, day: day) else { return nil }
        let days = daysSinceUnixEpoch(year: year, month: month, day: day)
        // Excel counts 1900-01-01 as 1 and, copying Lotus 1-2-3, believes in 1900-02-29 (serial 60).
        // So from 1900-03-01 on, serials are days since 1899-12-30; before it, since 1899-12-31.
        let isBeforeFictitiousLeapDay = year == 1900 && month <= 2
        return days + (isBeforeFictitiousLeapDay ? 25_568 : 25_569)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Howard Hinnant's `days_from_civil`: pure integer arithmetic, no calendar or time zone involved.
    private static func daysSinceUnixEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year  // years start in March, so leap days come last
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
