import Foundation
import MinzhengCore
import MinzhengDemo
import SQLKit
import Vapor

extension FamilySearchService {
    /// The hourly round's step: the rematch of every notice against every report, once a night
    /// (the round of 02:00–02:59 Beijing time).
    static func nightly(_ app: Application) async {
        let clock = app.platform.clock
        let hour = Int(clock.now.timeIntervalSince(BeijingTime.startOfDay(clock.today)) / 3600)
        guard hour == 2 else { return }
        do {
            let result = try await app.familySearch(actor: .system("monitoring-timer")).rematch()
            app.logger.info("family search rematch: \(result.notices) notices, \(result.newMatches) new matches")
        } catch {
            app.logger.report(error: error)
        }
    }
}

/// `minzheng family-search rematch`: the nightly rematch now, printing `{"notices", "newMatches"}`.
struct FamilySearchCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["rematch": RematchCommand()] }
    var help: String { "寻亲：family-search rematch（全部公告与寻亲登记重新比对）" }

    struct RematchCommand: AsyncCommand {
        struct Signature: CommandSignature {}
        var help: String { "全部寻亲公告与寻亲登记重新比对，新候选提交核实" }

        func run(using context: CommandContext, signature: Signature) async throws {
            let result = try await context.application.familySearch(actor: .system("cli:family-search")).rematch()
            context.console.output("\(jsonLine(result))")
        }
    }
}

/// Writes a generated family-search set (`FamilySearchSynthetic`) into the tables, in audited
/// batches: the demo's notices and reports and the benchmark's. Answers the ids in order.
enum FamilySearchLoader {
    static func load(
        _ set: FamilySearchSynthetic, app: Application, actor: AuditActor, batch: Int = 500
    ) async throws -> (reports: [UUID], notices: [UUID]) {
        let cipher = app.platform.cipher
        let writer = app.writer(actor: actor)
        let now = app.platform.clock.now
        let reportIDs = set.reports.map { _ in UUID() }
        let noticeIDs = set.notices.map { _ in UUID() }
        let phone = "13900000000"
        let (sealed, masked) = (cipher.encrypt(phone), RegistryValidation.maskPhone(phone))
        for start in stride(from: 0, to: set.reports.count, by: batch) {
            let range = start..<min(start + batch, set.reports.count)
            try await writer.transaction { tx, audit in
                let store = FamilySearchStore(db: tx)
                for i in range {
                    try await store.insertReport(
                        .init(
                            profile: set.reports[i], contactName: "家属", contactCipher: sealed, contactMasked: masked),
                        id: reportIDs[i], owner: reportIDs[i], at: now)
                }
                try await audit.record(
                    "demo.familySearch", entity: "family_search_report", id: nil, region: "3204",
                    after: ["reports": "\(range.count)"])
            }
        }
        for start in stride(from: 0, to: set.notices.count, by: batch) {
            let range = start..<min(start + batch, set.notices.count)
            try await writer.transaction { tx, audit in
                let store = FamilySearchStore(db: tx)
                for i in range {
                    try await store.insertNotice(
                        .init(profile: set.notices[i], stationRegion: "320402", clothing: nil), id: noticeIDs[i],
                        at: now)
                }
                try await audit.record(
                    "demo.familySearch", entity: "family_search_notice", id: nil, region: "3204",
                    after: ["notices": "\(range.count)"])
            }
        }
        return (reportIDs, noticeIDs)
    }
}

/// The demo's station: a year of notices of people taken in and families' reports, some of them
/// the same person (the generator's true matches), then the rematch, so that the caseworkers'
/// queue holds matches to confirm on a fresh `serve`.
enum DemoFamilySearch {
    static func seedIfEmpty(_ app: Application) async throws {
        guard app.platform.config.demoHouseholds > 0 else { return }
        let existing =
            try await app.sql.raw("SELECT COUNT(*) AS n FROM family_search_reports").first()?
            .decode(column: "n", as: Int.self) ?? 0
        if existing == 0 {
            let (reports, notices, matches) = try await seed(app, reports: 600, notices: 150, matchedPerMille: 300)
            app.logger.info(
                "Demo family search: \(reports) reports, \(notices) notices, \(matches) matches to confirm")
        }
        try await seedFamily(app)
    }

    /// A generated set written (the generator's true matches among it), then the rematch;
    /// answers how many reports, notices and proposed matches.
    @discardableResult
    static func seed(
        _ app: Application, reports: Int, notices: Int, matchedPerMille: Int
    ) async throws -> (reports: Int, notices: Int, matches: Int) {
        let set = FamilySearchSynthetic.generate(
            reports: reports, notices: notices, matchedPerMille: matchedPerMille, seed: 19,
            today: app.platform.clock.today)
        _ = try await FamilySearchLoader.load(set, app: app, actor: .system("demo"))
        let result = try await app.familySearch(actor: .system("demo")).rematch()
        return (set.reports.count, set.notices.count, result.newMatches)
    }

    static let familyUsername = "xunqin"

    /// The demo's family: a resident account `xunqin` (its one-time password printed at start)
    /// owning the report of the best proposed match, which a caseworker has confirmed with the
    /// police's DNA result — so that a family's page with a confirmed match shows on a fresh
    /// `serve`. Once: nothing when the account exists or no match was proposed.
    static func seedFamily(_ app: Application) async throws {
        let accounts = AccountStore(db: app.sql)
        guard try await accounts.userRow(username: familyUsername) == nil,
            let match = try await FamilySearchStore(db: app.sql).proposedMatches(
                minimum: FamilySearchThresholds.propose, limit: 1
            ).first
        else { return }
        try await FirstStart.firstAccount(
            app, username: familyUsername, displayName: "寻亲家属（演示）", role: .resident,
            region: RegionCode("320402001")!)
        guard let family = try await accounts.userRow(username: familyUsername) else { return }
        let now = app.platform.clock.now
        let evidence = "公安 DNA 比对：亲缘关系成立（演示数据）"
        try await app.writer(actor: .system("demo")).transaction { tx, audit in
            let store = FamilySearchStore(db: tx)
            try await store.setOwner(report: match.reportId, owner: family.id)
            _ = try await store.decide(
                match: match.id, version: match.version, status: FamilySearchMatchStatus.confirmed.rawValue,
                evidence: evidence, by: "演示数据", reunitedOn: nil, at: now)
            try await audit.record(
                "familySearch.confirm", entity: "family_search_match", id: match.id.uuidString, region: "3204",
                before: ["status": match.status], after: ["status": "confirmed", "evidence": evidence])
        }
    }
}

/// `minzheng bench family-search [--reports N] [--notices M] [--samples S]`: a generated labelled
/// set written to the database; the top 10 for S new notices among the N reports (through the
/// blocking index, timed one by one), recall@10 and the precision and recall at the proposal
/// threshold, then the rematch of the M notices; one line of JSON.
struct FamilySearchBenchmark {
    let app: Application

    struct Figures: Encodable {
        let benchmark = "family-search"
        let reports: Int
        let notices: Int
        let samples: Int
        let loadSeconds: Double
        /// Reading the broad blocks into memory, as a server does once started
        /// (`MINZHENG_FAMILY_SEARCH_CACHE`; 0 keeps none), then how many candidates are kept
        /// after the queries and the process's resident memory.
        let warmSeconds: Double
        let keptCandidatesAfterQueries: Int
        let residentMegabytes: Int
        let top10MedianMilliseconds: Double
        let top10P95Milliseconds: Double
        let top10MaxMilliseconds: Double
        /// The same for the notices with a name (or a nickname) and those without: a notice
        /// without one meets every report of its sex, age band and dialect.
        let top10NamedP95Milliseconds: Double
        let top10NamelessMedianMilliseconds: Double
        let top10NamelessP95Milliseconds: Double
        /// The database read alone of a named query's candidates: what its first query costs
        /// before its blocks are kept.
        let namedReadMedianMilliseconds: Double
        let namedReadP95Milliseconds: Double
        /// The same notices queried again: their blocks now kept, as for the notices of the
        /// keys a running server has met.
        let top10SecondPassMedianMilliseconds: Double
        let top10SecondPassP95Milliseconds: Double
        /// The floor under a nameless query: reading its candidates from the database alone
        /// (no preparing, no scoring), the same read timed again right after the query.
        let namelessReadMedianMilliseconds: Double
        let namelessReadP95Milliseconds: Double
        let namelessShare: Double
        let meanCandidatesCompared: Double
        let recallAt10: Double
        let threshold: Double
        let precisionAtThreshold: Double
        let recallAtThreshold: Double
        /// The samples' top 10 by score band: the mean score against the share that is the
        /// person (a score of 0.8 should be right about 80 % of the time at any size of file).
        let calibrationTop10: [CalibrationBand]
        let rematchSeconds: Double
        let rematchNewMatches: Int
        /// After the rematch, which keeps the blocks of every notice's keys up to the capacity.
        let keptCandidatesAfterRematch: Int
        let residentMegabytesAfterRematch: Int
    }

    func run(reports: Int, notices: Int, samples: Int, seed: UInt64) async throws -> Figures {
        let today = app.platform.clock.today
        let set = FamilySearchSynthetic.generate(
            reports: reports, notices: notices, matchedPerMille: 400, seed: seed, today: today)
        let clock = ContinuousClock()
        let loadStart = clock.now
        let (reportIDs, _) = try await FamilySearchLoader.load(set, app: app, actor: .system("bench"), batch: 2000)
        let loadSeconds = seconds(clock.now - loadStart)
        let service = app.familySearch(actor: .system("bench"))
        let store = FamilySearchStore(db: app.sql)
        let warmStart = clock.now
        try await service.warm()
        let warmSeconds = seconds(clock.now - warmStart)
        var times: [Double] = []
        var (named, nameless, namedReads, namelessReads): ([Double], [Double], [Double], [Double]) = ([], [], [], [])
        var compared = 0
        var scored: [(score: Double, same: Bool)] = []
        var (truePairs, hitsAt10, proposed, proposedTrue, matchedAtThreshold) = (0, 0, 0, 0, 0)
        for n in 0..<min(samples, set.notices.count) {
            let notice = set.notices[n]
            let start = clock.now
            let top = try await service.candidates(notice, limit: 10)
            let elapsed = seconds(clock.now - start) * 1000
            times.append(elapsed)
            let readStart = clock.now
            compared += try await store.candidates(
                of: .report, keys: PreparedProfile(notice).blockingKeys(query: true)
            ).count
            let read = seconds(clock.now - readStart) * 1000
            if notice.name == nil && notice.nicknames.isEmpty {
                nameless.append(elapsed)
                namelessReads.append(read)
            } else {
                named.append(elapsed)
                namedReads.append(read)
            }
            let truth = set.truth[n].map { reportIDs[$0] }
            if truth != nil { truePairs += 1 }
            if let truth, top.contains(where: { $0.id == truth }) { hitsAt10 += 1 }
            scored += top.map { ($0.score, $0.id == truth) }
            for c in top where c.score >= FamilySearchThresholds.propose {
                proposed += 1
                if c.id == truth {
                    proposedTrue += 1
                    matchedAtThreshold += 1
                }
            }
        }
        var secondPass: [Double] = []
        for notice in set.notices.prefix(samples) {
            let start = clock.now
            _ = try await service.candidates(notice, limit: 10)
            secondPass.append(seconds(clock.now - start) * 1000)
        }
        let kept = app.familySearchBlocks?.size.candidates ?? 0
        let resident = ProcessMetrics.residentBytes() / 1_048_576
        let rematchStart = clock.now
        let rematch = try await service.rematch()
        let rematchSeconds = seconds(clock.now - rematchStart)
        if times.isEmpty { times = [0] }
        let round = { (x: Double) in (x * 1000).rounded() / 1000 }
        return Figures(
            reports: reports, notices: notices, samples: min(samples, set.notices.count),
            loadSeconds: round(loadSeconds), warmSeconds: round(warmSeconds), keptCandidatesAfterQueries: kept,
            residentMegabytes: resident,
            top10MedianMilliseconds: times.percentile(0.5), top10P95Milliseconds: times.percentile(0.95),
            top10MaxMilliseconds: times.percentile(1),
            top10NamedP95Milliseconds: named.isEmpty ? 0 : named.percentile(0.95),
            top10NamelessMedianMilliseconds: nameless.isEmpty ? 0 : nameless.percentile(0.5),
            top10NamelessP95Milliseconds: nameless.isEmpty ? 0 : nameless.percentile(0.95),
            namedReadMedianMilliseconds: namedReads.isEmpty ? 0 : namedReads.percentile(0.5),
            namedReadP95Milliseconds: namedReads.isEmpty ? 0 : namedReads.percentile(0.95),
            top10SecondPassMedianMilliseconds: secondPass.isEmpty ? 0 : secondPass.percentile(0.5),
            top10SecondPassP95Milliseconds: secondPass.isEmpty ? 0 : secondPass.percentile(0.95),
            namelessReadMedianMilliseconds: namelessReads.isEmpty ? 0 : namelessReads.percentile(0.5),
            namelessReadP95Milliseconds: namelessReads.isEmpty ? 0 : namelessReads.percentile(0.95),
            namelessShare: round(Double(nameless.count) / Double(times.count)),
            meanCandidatesCompared: round(Double(compared) / Double(max(times.count, 1))),
            recallAt10: round(Double(hitsAt10) / Double(max(truePairs, 1))),
            threshold: FamilySearchThresholds.propose,
            precisionAtThreshold: round(Double(proposedTrue) / Double(max(proposed, 1))),
            recallAtThreshold: round(Double(matchedAtThreshold) / Double(max(truePairs, 1))),
            calibrationTop10: CalibrationBand.bands(scored),
            rematchSeconds: round(rematchSeconds), rematchNewMatches: rematch.newMatches,
            keptCandidatesAfterRematch: app.familySearchBlocks?.size.candidates ?? 0,
            residentMegabytesAfterRematch: ProcessMetrics.residentBytes() / 1_048_576)
    }

    private func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

/// Reads the reports' broad blocks into memory once the server is up (`FamilySearchService.warm`),
/// in the background: the server answers meanwhile, a query reading what is not kept yet.
final class FamilySearchWarmUp: LifecycleHandler, @unchecked Sendable {
    private var task: Task<Void, Never>?

    func didBoot(_ app: Application) throws {
        guard app.familySearchBlocks != nil else { return }
        let service = app.familySearch(actor: .system("family-search-warm-up"))
        let logger = app.logger
        task = Task {
            let start = ContinuousClock.now
            do {
                let kept = try await service.warm()
                logger.info(
                    "family search: \(kept.candidates) reports of \(kept.blocks) blocks in memory in \(ContinuousClock.now - start)"
                )
            } catch is CancellationError {
                // The server is stopping: nothing to report.
            } catch {
                logger.report(error: error)
            }
        }
    }

    func shutdown(_ app: Application) {
        task?.cancel()
    }
}
