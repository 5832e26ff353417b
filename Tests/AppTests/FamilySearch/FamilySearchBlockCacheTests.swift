@testable import App
import Foundation
import MinzhengCore
import MinzhengDemo
import SQLKit
import Testing
import VaporTesting

/// The matcher's kept blocks (`FamilySearchBlockCache`) answer exactly what the database
/// answers, before and after every change a report can see: a family's new report, a reunion
/// that closes one, and a filing whose transaction rolled back.
@Suite("Family search: kept blocks follow the database")
struct FamilySearchBlockCacheTests {
    struct Rollback: Error {}

    static let today = CivilDate(year: 2026, month: 12, day: 1)!

    @Test(
        "the top 10 with kept blocks equal those read from the database, on first and second use",
        arguments: TestDatabase.available)
    func sameRanking(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (set, _) = try await Self.load(app, seed: 7)
            let kept = app.familySearch(actor: .system("test"))
            let read = Self.uncached(app)
            #expect(kept.blocks != nil)
            for pass in 1...2 {
                for notice in set.notices {
                    let (a, b) = (try await kept.candidates(notice), try await read.candidates(notice))
                    #expect(a.map(\.id) == b.map(\.id), "pass \(pass): \(notice)")
                    // The rivals' sum adds in another order: equal to the last few bits.
                    #expect(zip(a, b).allSatisfy { abs($0.score - $1.score) < 1e-12 }, "pass \(pass): \(notice)")
                }
            }
            #expect(try #require(kept.blocks).size.blocks > 0)
        }
    }

    @Test(
        "a kept block takes up a new report, drops a reunited one, and never shows a rolled-back one",
        arguments: TestDatabase.available)
    func followsChanges(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (set, (reportIDs, noticeIDs)) = try await Self.load(app, seed: 11)
            let cache = FamilySearchBlockCache(capacity: 100_000)
            let store = FamilySearchStore(db: app.sql)
            let nameless = try #require(
                set.notices.indices.first { set.notices[$0].name == nil && set.truth[$0] != nil })
            let named = try #require(set.notices.indices.first { set.notices[$0].name != nil && set.truth[$0] != nil })
            /// The candidates of notice `n`, through `blocks` or read.
            func ids(_ n: Int, _ blocks: FamilySearchBlockCache?) async throws -> Set<UUID> {
                let query = PreparedProfile(set.notices[n])
                return Set(
                    try await FamilySearchService.candidates(
                        of: .report, keys: query.blockingKeys(query: true), names: query.comparesNames, store: store,
                        blocks: blocks
                    ).map(\.id))
            }
            for n in [nameless, named] {
                let first = try await ids(n, cache)
                #expect(first.contains(reportIDs[set.truth[n]!]))
                #expect(try await ids(n, cache) == first)
            }
            let held = cache.size

            // A family files a second report of the same person: both kept blocks take it up.
            let writer = app.writer(actor: .system("test"))
            func file(_ id: UUID, copyOf n: Int) async throws {
                try await writer.transaction { tx, audit in
                    try await FamilySearchStore(db: tx).insertReport(
                        .init(
                            profile: set.reports[set.truth[n]!], contactName: "家属", contactCipher: "x",
                            contactMasked: "139****0000"), id: id, owner: id, at: Date())
                    try await audit.record("demo.familySearch", entity: "family_search_report", id: nil, region: "3204")
                }
            }
            let again = UUID()
            try await file(again, copyOf: nameless)
            #expect(try await ids(nameless, cache).contains(again))
            #expect(try await ids(nameless, cache) == ids(nameless, nil))
            let other = UUID()
            try await file(other, copyOf: named)
            #expect(try await ids(named, cache).contains(other))
            #expect(try await ids(named, cache) == ids(named, nil))

            // A filing rolled back is in no block.
            let rolledBack = UUID()
            await #expect(throws: Rollback.self) {
                try await writer.transaction { tx, _ in
                    try await FamilySearchStore(db: tx).insertReport(
                        .init(
                            profile: set.reports[set.truth[nameless]!], contactName: "家属", contactCipher: "x",
                            contactMasked: "139****0000"), id: rolledBack, owner: rolledBack, at: Date())
                    throw Rollback()
                }
            }
            #expect(try await !ids(nameless, cache).contains(rolledBack))
            #expect(try await ids(nameless, cache) == ids(nameless, nil))

            // A reunion closes the report: no kept block offers it any more.
            try await writer.transaction { tx, audit in
                try await FamilySearchStore(db: tx).close(report: again, notice: noticeIDs[nameless])
                try await audit.record("familySearch.reunite", entity: "family_search_report", id: nil, region: "3204")
            }
            #expect(try await !ids(nameless, cache).contains(again))
            #expect(try await ids(nameless, cache) == ids(nameless, nil))
            #expect(try await ids(named, cache) == ids(named, nil))
            #expect(cache.size.blocks >= held.blocks)
        }
    }

    /// A generated set of 400 reports and 60 notices written, the clock on `today`.
    static func load(
        _ app: Application, seed: UInt64
    ) async throws -> (FamilySearchSynthetic, (reports: [UUID], notices: [UUID])) {
        app.platform.clock = .fixed(today)
        let set = FamilySearchSynthetic.generate(
            reports: 400, notices: 60, matchedPerMille: 400, seed: seed, today: today)
        return (set, try await FamilySearchLoader.load(set, app: app, actor: .system("test")))
    }

    /// The same service without kept blocks: every query read from the database.
    static func uncached(_ app: Application) -> FamilySearchService {
        FamilySearchService(
            db: app.sql, writer: app.writer(actor: .system("test")), clock: app.platform.clock,
            cipher: app.platform.cipher, folder: UploadFolder.familySearch.path(app.platform.config), blocks: nil)
    }
}
