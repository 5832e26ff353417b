@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing

@Suite("minzheng assess: the fast path on a migrated SQLite file")
struct AssessFastPathTests {
    @Test(
        "reads the same parameters as the application, including an administrator's new version; nothing for a missing file"
    )
    func sameParameters() async throws {
        try await withTestApp(.sqlite) { app in
            _ = try await PolicyStore(db: app.sql).addVersion(
                PolicyParameterRow(
                    regionCode: "320402", key: .dibaoStandard, fromMonth: YearMonth("2027-01")!, value: 105000),
                note: "test", createdBy: "test", at: Date())
            let fast = try #require(await AssessFastPath.history(config: app.platform.config))
            let stored = try await PolicyStore(db: app.sql).history()
            for (region, month) in [
                ("320402001", "2027-01"), ("320411002", "2027-01"), ("3204", "2021-06"), ("320402", "2022-07"),
            ] {
                let m = YearMonth(month)!
                #expect(
                    try fast.parameters(for: region, month: m) == stored.parameters(for: region, month: m),
                    "\(region) \(month)")
            }
            var missing = app.platform.config
            missing.database = .sqlite(path: "/nonexistent/minzheng.sqlite")
            #expect(await AssessFastPath.history(config: missing) == nil)
        }
    }
}
