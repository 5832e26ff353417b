import MinzhengCore

/// Issues the resident ID numbers of a generator run, unique by construction.
///
/// A number is unique exactly when its (address code, birth date, sequence) is, so the
/// issuer does what a police station's register does: it counts, per address code,
/// birth day and sex, how many numbers it has issued, and gives the next sequence.
/// Memory is one byte per (code, day, sex), about 3.7 MB whatever the number of people;
/// a set of issued numbers would grow to ~100 MB for a million persons.
struct ResidentIDIssuer: Sendable {
    let today: CivilDate
    /// `daysSinceEpoch` of the earliest birth date the register covers.
    private let firstDay: Int
    private let dayCount: Int
    private var issued: [UInt8]
    private let codeDigits: [[UInt8]]
    private var text = UTF8Text()

    /// Sequences run 1…499 per sex (odd 001…997 for men, even 002…998 for women), but
    /// a counter byte caps a slot at 255: five million persons (Changzhou's population)
    /// put at most 63 into one slot.
    static let perSlot = 255

    init(today: CivilDate, oldestAge: Int, addressCodes: [String]) {
        self.today = today
        let first = CivilDate(year: today.year - oldestAge - 1, month: 1, day: 1)!.daysSinceEpoch
        firstDay = first
        dayCount = today.daysSinceEpoch - first + 1
        codeDigits = addressCodes.map { Array($0.utf8) }
        issued = [UInt8](repeating: 0, count: addressCodes.count * dayCount * 2)
    }

    /// Claims the next sequence for `sex` born on `day` under address code `code`. When
    /// that slot is full, the birth day moves one day earlier (from the earliest day, round
    /// to today), the only way to stay unique, so the caller must use the returned day.
    mutating func claim(code: Int, day: Int, sex: Sex) -> (day: Int, sequence: Int) {
        precondition(day >= firstDay && day < firstDay + dayCount, "birth date outside the register")
        var offset = day - firstDay
        for _ in 0..<dayCount {
            let slot = (code * dayCount + offset) * 2 + (sex == .male ? 1 : 0)
            let n = Int(issued[slot])
            if n < Self.perSlot {
                issued[slot] += 1
                // n ↦ 1 + (337·n + offset) mod 499 is one-to-one for n < 499 (499 is prime),
                // so a slot's numbers differ, yet slots do not all start at 001.
                let s = 1 + (337 * n + offset) % 499
                return (firstDay + offset, sex == .male ? 2 * s - 1 : 2 * s)
            }
            offset = offset == 0 ? dayCount - 1 : offset - 1
        }
        preconditionFailure(
            "every birth day of address code \(String(decoding: codeDigits[code], as: UTF8.self)) is full")
    }

    /// A new number for a person of `sex` born on `birthDate` (or an earlier day, see
    /// `claim`), under the address code at index `code`.
    mutating func issue(code: Int, birthDate: CivilDate, sex: Sex) -> (id: ResidentID, birthDate: CivilDate) {
        let (day, sequence) = claim(code: code, day: birthDate.daysSinceEpoch, sex: sex)
        let born = day == birthDate.daysSinceEpoch ? birthDate : CivilDate(daysSinceEpoch: day)
        text.start()
        text.append(codeDigits[code])
        text.append(number: born.year, width: 4)
        text.append(number: born.month, width: 2)
        text.append(number: born.day, width: 2)
        text.append(number: sequence, width: 3)
        text.append(byte: ResidentID.checkCharacter(for: text.bytes[0..<17]))
        // Validating again costs little and guards the generator against its own bugs.
        do {
            return (try ResidentID(text.string, today: today), born)
        } catch {
            preconditionFailure("generated an invalid ID number: \(error)")
        }
    }
}
