@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// `minzheng bench reads` answers every read it names, under either load: a benchmark that
/// measured error pages, or that broke unseen, would report figures of nothing.
@Suite("The reads benchmark")
struct ReadsBenchmarkTests {
    /// The app's client always; wrk where it is installed (`scripts/test-tools.sh` installs it for CI).
    static let loads: [String] = ["client"] + (WrkLoad.located() == nil ? [] : ["wrk"])

    @Test(
        "every read answers 200 under the load, and the figures say whose load it was",
        arguments: TestDatabase.available, loads)
    func everyReadAnswers(_ db: TestDatabase, _ load: String) async throws {
        try await withTestApp(db) { app in
            _ = try await app.demoSeeder.seed(households: 12, seed: 5, today: CivilDate("2026-11-15")!)
            var bench = ReadsBenchmark(app: app)
            if load == "client" { bench.wrk = nil }
            let summary = try await bench.run(connections: 4, seconds: 1, name: "王秀")
            #expect(summary.load == load)
            #expect(summary.persons > 0 && summary.households == 12)
            #expect(
                summary.reads.map(\.read) == [
                    "healthz", ReadsBenchmark.preparedPage, ReadsBenchmark.encodedPage, "households page 1",
                    "households page 1",
                    "street officer's households", "name contains 王秀", "ID number", "person's record",
                ])
            // Each read answered 200 alone before its load (the run throws otherwise). How many
            // requests a second's load finishes depends on how busy the machine is (none, seen on
            // a loaded CI machine): none failed, the figures agree, and the load measured something.
            for read in summary.reads {
                #expect(read.errors == 0, "\(read.read)")
                #expect(read.p50Milliseconds <= read.p99Milliseconds, "\(read.read)")
                #expect(read.requests == 0 || read.p50Milliseconds > 0, "\(read.read)")
                #expect(read.ratioToHealthz.isFinite && read.ratioToEncodedPage.isFinite, "\(read.read)")
            }
            #expect(summary.reads.reduce(0) { $0 + $1.requests } > 0)
            // Every request went through the count the run waits on (wrk's last ones included).
            #expect(bench.underWay.answered >= summary.reads.reduce(0) { $0 + $1.requests })
            // The benchmark's accounts are gone again.
            let left = try await app.sql.raw("SELECT COUNT(*) AS n FROM users WHERE username LIKE 'bench-%'").first()!
            #expect(try left.decode(column: "n", as: Int.self) == 0)
        }
    }

    @Test("wrk's script carries the method, headers and a JSON body as they are")
    func wrkScript() {
        let script = WrkLoad.script(
            method: "POST", headers: ["Authorization": "Bearer abc", "Content-Type": "application/json"],
            body: #"{"idNumber":"32040219900101001X","note":"a \"quoted\" ]] value"}"#)
        #expect(script.contains(#"wrk.method = [==[POST]==]"#))
        #expect(script.contains(#"wrk.headers[ [==[Authorization]==] ] = [==[Bearer abc]==]"#))
        #expect(
            script.contains(#"wrk.body = [==[{"idNumber":"32040219900101001X","note":"a \"quoted\" ]] value"}]==]"#))
        #expect(script.contains("done = function(summary, latency, requests)"))
    }
}
