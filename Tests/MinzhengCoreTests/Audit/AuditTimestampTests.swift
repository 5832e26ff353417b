import Foundation
import Testing
import MinzhengCore

@Suite("AuditTimestamp")
struct AuditTimestampTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (1_622_536_205_042, "2021-06-01T08:30:05.042Z"),
        (1_709_164_799_999, "2024-02-28T23:59:59.999Z"),
        (1_709_164_800_000, "2024-02-29T00:00:00.000Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
    ])
    func iso8601(milliseconds: Int64, expected: String) {
        #expect(AuditTimestamp(millisecondsSinceEpoch: milliseconds).iso8601 == expected)
    }

    @Test func fromDateTruncatesToTheMillisecond() {
        let date = Date(timeIntervalSince1970: 1_622_536_205.042_9)
        #expect(AuditTimestamp(date).millisecondsSinceEpoch == 1_622_536_205_042)
    }

    @Test func jsonIsTheIntegerItself() throws {
        let stamp = AuditTimestamp(millisecondsSinceEpoch: 1_622_536_205_042)
        let data = try JSONEncoder().encode([stamp])
        #expect(String(decoding: data, as: UTF8.self) == "[1622536205042]")
        #expect(try JSONDecoder().decode([AuditTimestamp].self, from: data) == [stamp])
    }
}
