import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// `minzheng bench household-list`: times `GET /api/v1/households` (the list as a city-wide
/// account sees it, default order and page size) over real HTTP, for the first page and for
/// the last one (the deepest a user can page to), one request at a time.
struct HouseholdListBenchmark {
    let app: Application

    struct Figures: Encodable {
        let benchmark = "household-list"
        let households: Int
        let perPage: Int
        let deepPage: Int
        let samples: Int
        let firstPageMedianMilliseconds: Double
        let firstPageP95Milliseconds: Double
        let deepPageMedianMilliseconds: Double
        let deepPageP95Milliseconds: Double
    }

    static let perPage = 20

    func run(samples: Int) async throws -> Figures {
        let households =
            try await app.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("households")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        guard households > 0 else { throw Refusal.invalid("households", "登记库为空：先运行 minzheng seed 或 import") }
        let deepPage = min(PageRequest.maximumPage, (households + Self.perPage - 1) / Self.perPage)
        let (first, deep) = try await BenchServer(app: app).run { base, token in
            (
                try await time(page: 1, samples: samples, base: base, token: token),
                try await time(page: deepPage, samples: samples, base: base, token: token)
            )
        }
        return Figures(
            households: households, perPage: Self.perPage, deepPage: deepPage, samples: samples,
            firstPageMedianMilliseconds: first.percentile(0.5), firstPageP95Milliseconds: first.percentile(0.95),
            deepPageMedianMilliseconds: deep.percentile(0.5), deepPageP95Milliseconds: deep.percentile(0.95))
    }

    /// Milliseconds of each request for `page`; each must return a full or last page.
    private func time(page: Int, samples: Int, base: String, token: String) async throws -> [Double] {
        let url = URI(string: base + "/api/v1/households?page=\(page)&perPage=\(Self.perPage)")
        var timings: [Double] = []
        for _ in 0..<max(1, samples) {
            timings.append(
                try await BenchServer.time {
                    let response = try await app.client.get(url, headers: ["Authorization": "Bearer \(token)"])
                    guard response.status == .ok,
                        let items = try? response.content.get([HouseholdItem].self, at: "items"),
                        !items.isEmpty
                    else {
                        throw Refusal.invalid("page", "第\(page)页未返回家庭（HTTP \(response.status.code)）")
                    }
                })
        }
        return timings
    }

    private struct HouseholdItem: Decodable { let id: UUID }
}
