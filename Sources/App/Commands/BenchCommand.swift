import Foundation
import MinzhengCore
import MinzhengDemo
import NIOCore
import SQLKit
import Vapor

/// `minzheng bench policy|lookup`: performance figures as one line of JSON. Run them on a
/// release build (`swift run -c release minzheng bench …`); `Benchmarks/` has the scripts
/// that combine them with the seed and import timings.
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(
            name: "what",
            help:
                "policy | lookup | household-list | bookings | reads | payroll | feeds | home-care | elderly-allowances | service-map | family-search | organisation-sweep | disability-subsidies"
        )
        var what: String
        @Option(name: "households", help: "policy: how many synthetic households to assess (default 1000000)")
        var households: Int?
        @Option(
            name: "samples",
            help:
                "lookup: ID-number searches to time (default 2000); service-map: searches (500); household-list: pages (50); bookings: clients (2000)"
        )
        var samples: Int?
        @Option(name: "seed", help: "random seed (default 1)")
        var seed: UInt64?
        @Option(name: "enrollments", help: "payroll: how many enrollments to create (default 1000000); feeds: 100000")
        var enrollments: Int?
        @Option(name: "rows", help: "feeds: how many feed rows to ingest (default 1000000)")
        var rows: Int?
        @Option(name: "folder", help: "feeds: where to write the generated files (default a temporary folder)")
        var folder: String?
        @Option(name: "orders", help: "home-care: how many visits of a month to settle (default 1000000)")
        var orders: Int?
        @Option(
            name: "persons",
            help: "elderly-allowances, disability-subsidies: registry size, seeded when smaller (default 1000000)")
        var persons: Int?
        @Option(name: "facilities", help: "service-map: how many facilities the city has (default 5000)")
        var facilities: Int?
        @Option(name: "connections", help: "reads: clients at once (default 64)")
        var connections: Int?
        @Option(name: "seconds", help: "reads: seconds of load for each read (default 20)")
        var seconds: Double?
        @Option(
            name: "only",
            help:
                "reads: only the reads whose names start so, comma separated (/healthz and the prepared page always run)"
        )
        var only: String?
        @Option(name: "name", help: "reads: the name-contains query (default the middle person's first two characters)")
        var name: String?
        @Option(
            name: "load",
            help:
                "reads: who makes the load: wrk (a process of its own; the default when installed) or client (this process)"
        )
        var load: String?
        @Option(name: "reports", help: "family-search: how many family reports (default 1000000)")
        var reports: Int?
        @Option(name: "notices", help: "family-search: how many notices to rematch (default 10000)")
        var notices: Int?
        @Option(name: "organisations", help: "organisation-sweep: registry size, added when smaller (default 100000)")
        var organisations: Int?
        @Option(name: "years", help: "organisation-sweep: years of annual reports of the added ones (default 10)")
        var years: Int?
        @Option(name: "certificates", help: "disability-subsidies: the federation's certificates (default 60000)")
        var certificates: Int?
        @Flag(name: "files-only", help: "feeds: create the enrollments and write the files, without ingesting them")
        var filesOnly: Bool
    }

    var help: String {
        "性能基准：bench policy（政策引擎吞吐量）| bench lookup（按身份证号查人 API 延迟）| bench payroll（名册生成与调标）| bench home-care（居家服务月度结算）| bench service-map（养老服务地图查询）| bench family-search（寻亲比对） | bench organisation-sweep（僵尸型社会组织排查）| bench disability-subsidies（两项补贴免申即享识别）"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        switch signature.what {
        case "policy":
            let result = try PolicyBenchmark.run(
                households: signature.households ?? 1_000_000, seed: signature.seed ?? 1)
            context.console.output("\(jsonLine(PolicyFigures(result)))")
        case "lookup":
            let figures = try await LookupBenchmark(app: context.application).run(samples: signature.samples ?? 2000)
            context.console.output("\(jsonLine(figures))")
        case "feeds":
            let folder = signature.folder ?? NSTemporaryDirectory() + "minzheng-feeds-\(UUID().uuidString)"
            let bench = FeedBenchmark(app: context.application)
            let (rows, enrollments) = (signature.rows ?? 1_000_000, signature.enrollments ?? 100_000)
            if signature.filesOnly {
                context.console.output(
                    "\(jsonLine(try await bench.prepare(rows: rows, enrollments: enrollments, folder: folder).figures))"
                )
            } else {
                context.console.output(
                    "\(jsonLine(try await bench.run(rows: rows, enrollments: enrollments, folder: folder)))")
            }
        case "bookings":
            let figures = try await BookingBenchmark(app: context.application).run(
                clients: signature.samples ?? 2_000, slots: 100)
            context.console.output("\(jsonLine(figures))")
        case "household-list":
            let figures = try await HouseholdListBenchmark(app: context.application).run(
                samples: signature.samples ?? 50)
            context.console.output("\(jsonLine(figures))")
        case "reads":
            var bench = ReadsBenchmark(app: context.application)
            switch signature.load {
            case nil: break
            case "client": bench.wrk = nil
            case "wrk":
                guard bench.wrk != nil else { throw Refusal.invalid("load", "找不到 wrk：apt-get install wrk") }
            case let other?: throw Refusal.invalid("load", "未知的负载 \(other)，可用：wrk、client")
            }
            let figures = try await bench.run(
                connections: signature.connections ?? 64, seconds: signature.seconds ?? 20,
                only: signature.only.map { Set($0.split(separator: ",").map(String.init)) }, name: signature.name)
            context.console.output("\(jsonLine(figures))")
        case "elderly-allowances":
            let figures = try await SeniorAllowanceBenchmark(app: context.application).run(
                persons: signature.persons ?? 1_000_000)
            context.console.output("\(jsonLine(figures))")
        case "payroll":
            let figures = try await PayrollBenchmark(app: context.application).run(
                enrollments: signature.enrollments ?? 1_000_000)
            context.console.output("\(jsonLine(figures))")
        case "service-map":
            let figures = try await ServiceMapBenchmark(app: context.application).run(
                facilities: signature.facilities ?? 5_000, samples: signature.samples ?? 500)
            context.console.output("\(jsonLine(figures))")
        case "family-search":
            let figures = try await FamilySearchBenchmark(app: context.application).run(
                reports: signature.reports ?? 1_000_000, notices: signature.notices ?? 10_000,
                samples: signature.samples ?? 1_000, seed: signature.seed ?? 1)
            context.console.output("\(jsonLine(figures))")
        case "home-care":
            let figures = try await HomeCareBenchmark(app: context.application).run(
                orders: signature.orders ?? 1_000_000)
            context.console.output("\(jsonLine(figures))")
        case "organisation-sweep":
            let figures = try await OrganisationSweepBenchmark(app: context.application).run(
                organisations: signature.organisations ?? 100_000, years: signature.years ?? 10)
            context.console.output("\(jsonLine(figures))")
        case "disability-subsidies":
            let figures = try await DisabilitySubsidyBenchmark(app: context.application).run(
                persons: signature.persons ?? 1_000_000, certificates: signature.certificates ?? 60_000)
            context.console.output("\(jsonLine(figures))")
        default:
            throw Refusal.invalid(
                "what",
                "未知基准 \(signature.what)，可用：policy、lookup、household-list、reads、payroll、feeds、home-care、elderly-allowances、service-map、family-search、organisation-sweep、disability-subsidies"
            )
        }
    }
}

private struct PolicyFigures: Encodable {
    let benchmark = "policy"
    let households: Int
    let seconds: Double
    let householdsPerSecondPerCore: Int
    let eligibleEntries: Int
    let monthlyTotalFen: Int64

    init(_ r: PolicyBenchmarkResult) {
        households = r.households
        seconds = (r.seconds * 1000).rounded() / 1000
        householdsPerSecondPerCore = Int(r.householdsPerSecond)
        eligibleEntries = r.eligibleEntries
        monthlyTotalFen = r.monthlyTotal.value
    }
}

/// Times `POST /api/v1/persons/search` by full ID number against the registry as it is,
/// over real HTTP on a loopback port, one request at a time. The ID numbers are a random
/// sample of the stored persons (decrypted here), so every search finds exactly one person.
struct LookupBenchmark {
    let app: Application

    struct Figures: Encodable {
        let benchmark = "lookup"
        let persons: Int
        let samples: Int
        let medianMilliseconds: Double
        let p95Milliseconds: Double
        let maxMilliseconds: Double
    }

    func run(samples: Int) async throws -> Figures {
        let sql = app.sql
        let persons =
            try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("persons")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        guard persons > 0 else { throw Refusal.invalid("persons", "登记库为空：先运行 minzheng seed 或 import") }
        let idNumbers = try await sampleIDNumbers(count: samples, sql: sql)
        let timings = try await BenchServer(app: app).run { base, token in
            try await time(idNumbers, url: URI(string: base + "/api/v1/persons/search"), token: token)
        }
        return Figures(
            persons: persons, samples: timings.count, medianMilliseconds: timings.percentile(0.5),
            p95Milliseconds: timings.percentile(0.95), maxMilliseconds: timings.percentile(1.0))
    }

    /// Milliseconds of each search, in order.
    private func time(_ idNumbers: [String], url: URI, token: String) async throws -> [Double] {
        var timings: [Double] = []
        timings.reserveCapacity(idNumbers.count)
        for idNumber in idNumbers {
            timings.append(
                try await BenchServer.time {
                    let response = try await app.client.post(url, headers: ["Authorization": "Bearer \(token)"]) {
                        request in try request.content.encode(["idNumber": idNumber])
                    }
                    guard response.status == .ok, let total = try? response.content.get(Int.self, at: "total"),
                        total == 1
                    else {
                        throw Refusal.invalid("lookup", "查询未找到唯一的人员（HTTP \(response.status.code)）")
                    }
                })
        }
        return timings
    }

    private func sampleIDNumbers(count: Int, sql: SQLDatabase) async throws -> [String] {
        let rows = try await sql.select().column("id_cipher").from("persons")
            .orderBy(SQLFunction("RANDOM")).limit(max(1, count)).all()
        let cipher = app.platform.cipher
        return try rows.map { try cipher.decrypt($0.decode(column: "id_cipher", as: String.self)) }
    }
}
