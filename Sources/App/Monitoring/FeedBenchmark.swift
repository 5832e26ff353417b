import Foundation
import MinzhengCore
import MinzhengExport
import SQLKit
import Vapor

/// `minzheng bench feeds --rows N`: on a seeded registry with 100 000 enrollments, writes N
/// feed rows about registered persons (medical stays, pensions, vehicles, unemployment,
/// disability, a few deaths) as department CSV files, then times ingesting them with every
/// rule evaluated. Also writes `reference.csv` (the same rows with the blind index) for
/// `Benchmarks/feeds-reference.sh`, and `manifest.txt` (a line `KIND PATH` per file) so that
/// `Benchmarks/feeds.sh` can time `minzheng feed import` of each file on its own
/// (`--files-only` stops before ingesting).
struct FeedBenchmark {
    let app: Application

    struct Figures: Encodable {
        let benchmark = "feeds"
        let rows: Int
        let persons: Int
        let enrollments: Int
        let seconds: Double
        let rowsPerSecond: Int
        let alerts: Int
        let referenceCSV: String
    }

    struct Files: Encodable {
        let benchmark = "feeds-files"
        let rows: Int
        let persons: Int
        let enrollments: Int
        let manifest: String
        let referenceCSV: String
    }

    func run(rows: Int, enrollments: Int, folder: String) async throws -> Figures {
        let (files, prepared) = try await prepare(rows: rows, enrollments: enrollments, folder: folder)
        let started = ContinuousClock.now
        var alerts = 0
        for (kind, path) in files {
            alerts += try await app.feedFileImport(actor: .system("bench"), reach: RegionTable.changzhou).run(
                path: path, kind: kind, department: kind.owningDepartment, progress: nil
            ).alerts
        }
        let elapsed = ContinuousClock.now - started
        return Figures(
            rows: prepared.rows, persons: prepared.persons, enrollments: prepared.enrollments,
            seconds: elapsed.roundedSeconds,
            rowsPerSecond: Int(Double(prepared.rows) / max(elapsed.inSeconds, 0.001)), alerts: alerts,
            referenceCSV: prepared.referenceCSV)
    }

    /// Creates the enrollments and writes the department files, the reference file and the manifest.
    func prepare(
        rows: Int, enrollments: Int, folder: String
    ) async throws -> (files: [(FeedKind, String)], figures: Files) {
        let sql = app.sql
        let cipher = app.platform.cipher
        let created = try await PayrollBenchmark(app: app).createEnrollments(
            enrollments, start: app.platform.clock.today.yearMonth.adding(months: -1))
        let ids = try await sql.select().column("id_cipher").from("persons").all().map {
            try cipher.decrypt($0.decode(column: "id_cipher", as: String.self))
        }
        guard !ids.isEmpty else { throw Refusal.invalid("persons", "登记库为空：先运行 minzheng seed") }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // Kinds in proportion: most rows are medical stays and pensions, as the departments send them.
        let plan: [(FeedKind, Int)] = [
            (.medicalExpense, 45), (.pension, 25), (.vehicle, 10), (.unemployment, 10), (.disability, 9), (.death, 1),
        ]
        var files: [(FeedKind, String)] = []
        guard FileManager.default.createFile(atPath: folder + "/reference.csv", contents: nil),
            let reference = FileHandle(forWritingAtPath: folder + "/reference.csv")
        else { throw Refusal(.failed, "无法写入基准文件") }
        reference.write(Data(CSVLine.make(["kind", "sourceRecordId", "idIndex"]).utf8))
        var written = 0
        for (n, (kind, share)) in plan.enumerated() {
            let count = n == plan.count - 1 ? rows - written : rows * share / 100
            let path = folder + "/\(kind.rawValue).csv"
            guard FileManager.default.createFile(atPath: path, contents: nil),
                let out = FileHandle(forWritingAtPath: path)
            else {
                throw Refusal(.failed, "无法写入基准文件")
            }
            out.write(Data(CSVLine.make(kind.allFields).utf8))
            for i in 0..<count {
                let id = ids[(written + i) * 7919 % ids.count]
                let source = "\(kind.rawValue)-\(written + i)"
                out.write(Data(CSVLine.make(Self.fields(kind, source: source, id: id, i: i)).utf8))
                reference.write(Data(CSVLine.make([kind.rawValue, source, cipher.blindIndex(id)]).utf8))
            }
            try out.close()
            written += count
            files.append((kind, path))
        }
        try reference.close()
        let manifest = folder + "/manifest.txt"
        try files.map { "\($0.0.rawValue) \($0.1)\n" }.joined().write(
            toFile: manifest, atomically: true, encoding: .utf8)
        return (
            files,
            Files(
                rows: written, persons: ids.count, enrollments: created, manifest: manifest,
                referenceCSV: folder + "/reference.csv")
        )
    }

    static func fields(_ kind: FeedKind, source: String, id: String, i: Int) -> [String] {
        switch kind {
        case .medicalExpense:
            return [
                source, id, "2026-09-01", "2026-09-10", String(200_000 + i % 50 * 40_000),
                String(100_000 + i % 50 * 20_000), i % 5 == 0 ? "true" : "false",
            ]
        case .pension: return [source, id, String(150_000 + i % 40 * 5_000), "2026-10"]
        case .vehicle: return [source, id, "2026-08-01", String(5_000_000 + i % 30 * 100_000)]
        case .unemployment: return [source, id, "2026-10-01", "registered"]
        case .disability:
            return [
                source, id, String(1 + i % 4), ["physical", "visual", "intellectual", "mental"][i % 4], "2026-09-15",
            ]
        default: return [source, id, "2026-10-15"]
        }
    }
}
