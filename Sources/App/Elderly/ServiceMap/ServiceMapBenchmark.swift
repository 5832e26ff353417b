import Foundation
import MinzhengCore
import MinzhengDemo
import SQLKit
import Vapor

/// `minzheng bench service-map`: files synthetic facilities until the city has `--facilities`
/// (and the offices of their streets), then times the public map search: the service's
/// whole search (count, the page nearest first, every matching point, the district labels
/// and the SVG) for `--samples` queries that mix a phone's position, a street to start from,
/// kinds, grades, free beds and districts; and the same queries as `GET /care-map` pages over
/// HTTP on a loopback port (Leaf rendering included).
struct ServiceMapBenchmark {
    let app: Application

    struct Figures: Encodable {
        let benchmark = "service-map"
        let facilities: Int
        let samples: Int
        let searchMedianMilliseconds: Double
        let searchP95Milliseconds: Double
        let pageMedianMilliseconds: Double
        let pageP95Milliseconds: Double
        let pageBytesMedian: Int
        let matchesMedian: Int
    }

    func run(facilities target: Int, samples: Int) async throws -> Figures {
        let filed = try await fill(to: target)
        let queries = Self.queries(count: max(1, samples), streets: filed.streets, points: filed.points)
        let service = ServiceMapService(db: app.sql, regions: app.platform.regions)
        var searchTimes: [Double] = []
        var matches: [Int] = []
        for q in queries {
            let started = ContinuousClock.now
            let result = try await service.search(q)
            searchTimes.append((ContinuousClock.now - started).inSeconds * 1000)
            matches.append(result.page.total)
        }
        let (pageTimes, bytes) = try await pages(queries)
        return Figures(
            facilities: filed.count, samples: queries.count, searchMedianMilliseconds: searchTimes.percentile(0.5),
            searchP95Milliseconds: searchTimes.percentile(0.95), pageMedianMilliseconds: pageTimes.percentile(0.5),
            pageP95Milliseconds: pageTimes.percentile(0.95), pageBytesMedian: bytes.sorted()[bytes.count / 2],
            matchesMedian: matches.sorted()[matches.count / 2])
    }

    /// Files facilities (outside the timing) until there are `target`, and records the
    /// offices of their streets; answers the count, the streets and some facility points.
    private func fill(to target: Int) async throws -> (count: Int, streets: [String], points: [GeoPoint]) {
        let regions = app.platform.regions
        let store = FacilityStore(db: app.sql, regions: regions)
        let existing = try await store.count()
        let today = app.platform.clock.today
        let now = app.platform.clock.now
        let missing = max(0, target - existing)
        let drafts = try SyntheticFacilities.generate(seed: 7, count: missing, today: today).map { f in
            try RegistryInput.check { () throws(FieldProblem) in try FacilityDraft.validated(f.input, today: today) }
        }
        for chunk in stride(from: 0, to: drafts.count, by: 1_000) {
            let part = drafts[chunk..<min(drafts.count, chunk + 1_000)]
            try await app.writer(actor: .system("bench")).transaction { tx, _ in
                let s = FacilityStore(db: tx, regions: regions)
                for d in part { try await s.insert(d, id: UUID.random(), at: now) }
            }
        }
        let placed = try await ServiceMapStore(db: app.sql, regions: regions).placed()
        let offices = ServiceMapDemoPlan.locations(
            facilities: placed.map { .init(kind: $0.kind, region: $0.region, point: $0.point) }, communities: [])
        try await app.writer(actor: .system("bench")).transaction { tx, _ in
            let places = RegionLocationStore(db: tx)
            for (code, point) in offices { try await places.set(RegionCode(code)!, to: point, by: "bench", at: now) }
        }
        return (try await store.count(), offices.keys.sorted(), placed.prefix(500).map(\.point))
    }

    /// A fixed mix: half nearest first from a phone near some facility, a fifth from a
    /// street's office, the rest by area; filters on about half of them.
    static func queries(count: Int, streets: [String], points: [GeoPoint]) -> [ServiceMapService.Query] {
        let districts = ["320402", "320404", "320411", "320412", "320413", "320481"]
        let kinds = FacilityKind.allCases.map(\.rawValue)
        return (0..<count).map { i in
            var q = ServiceMapService.Query()
            switch i % 10 {
            case 0...4:
                let p = points[i % max(1, points.count)]
                q.latitude = String(p.latitude + 0.003)
                q.longitude = String(p.longitude - 0.002)
            case 5, 6: q.from = streets[i % max(1, streets.count)]
            default: q.region = districts[i % districts.count]
            }
            if i % 4 == 1 { q.kind = kinds[i % kinds.count] }
            if i % 6 == 2 { q.grade = String(2 + i % 3) }
            if i % 5 == 3 { q.freeBeds = "1" }
            return q
        }
    }

    /// Each query as the page a phone gets, one at a time over loopback HTTP.
    private func pages(_ queries: [ServiceMapService.Query]) async throws -> (times: [Double], bytes: [Int]) {
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        let measured: Result<([Double], [Int]), any Error>
        do {
            measured = .success(try await fetch(queries))
        } catch {
            measured = .failure(error)
        }
        await app.server.shutdown()
        return try measured.get()
    }

    private func fetch(_ queries: [ServiceMapService.Query]) async throws -> ([Double], [Int]) {
        guard let port = app.http.server.shared.localAddress?.port else { throw Refusal.invalid("port", "基准服务器未能启动") }
        var times: [Double] = []
        var bytes: [Int] = []
        for q in queries {
            let url = URI(string: "http://127.0.0.1:\(port)" + Pager.link(path: Route.careMap.path, filters: q.links))
            let started = ContinuousClock.now
            let response = try await app.client.get(url)
            times.append((ContinuousClock.now - started).inSeconds * 1000)
            guard response.status == .ok else {
                throw Refusal.invalid("page", "地图页面返回 HTTP \(response.status.code)：\(url.string)")
            }
            bytes.append(response.body?.readableBytes ?? 0)
        }
        return (times, bytes)
    }
}
