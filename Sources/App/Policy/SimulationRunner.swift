import Foundation
import MinzhengCore
import SQLKit

/// Runs the what-if of a standard change over every household with declared means inside
/// a region, streaming the means page by page. It writes nothing.
struct SimulationRunner {
    let db: SQLDatabase
    let cipher: FieldCipher
    let pageSize = 5_000

    func run(
        _ change: StandardChange, within scope: RegionScope, progress: JobProgress? = nil
    ) async throws -> StandardChangeReport {
        var simulation = StandardChangeSimulation(baseline: try await PolicyStore(db: db).history(), change: change)
        let store = HouseholdMeansStore(db: db, cipher: cipher)
        let total = progress == nil ? 0 : try await store.count(within: scope)
        var cursor: UUID?
        var done = 0
        while true {
            let page = try await store.page(within: scope, after: cursor, limit: pageSize, month: change.from)
            guard let last = page.last else { break }
            simulation.add(contentsOf: page)
            cursor = UUID(uuidString: last.id)
            done += page.count
            progress?.update(done: done, total: total)
        }
        return simulation.report
    }
}

/// The report as JSON (the command's output) and as the page's figures: yuan for people,
/// fen for machines.
struct SimulationFigures: Codable {
    struct Totals: Codable {
        let householdsAssessed: Int
        let householdsSkipped: Int
        let householdsEntering: Int
        let householdsLeaving: Int
        let householdsChanging: Int
        let personsEntering: Int
        let personsLeaving: Int
        let personsChanging: Int
        let baselineMonthlyFen: Int64
        let proposedMonthlyFen: Int64
        let differenceFen: Int64

        init(_ t: SimulationTotals) {
            householdsAssessed = t.householdsAssessed
            householdsSkipped = t.householdsSkipped
            householdsEntering = t.householdsEntering
            householdsLeaving = t.householdsLeaving
            householdsChanging = t.householdsChanging
            personsEntering = t.personsEntering
            personsLeaving = t.personsLeaving
            personsChanging = t.personsChanging
            baselineMonthlyFen = t.baselineMonthly.value
            proposedMonthlyFen = t.proposedMonthly.value
            differenceFen = t.difference.value
        }
    }

    struct District: Codable {
        let district: String
        let name: String
        let totals: Totals
    }

    let standardFen: Int64
    let from: String
    let region: String
    let overall: Totals
    let districts: [District]

    init(_ report: StandardChangeReport, region: RegionCode, regions: RegionTable) {
        standardFen = report.change.newStandard.value
        from = report.change.from.description
        self.region = region.value
        overall = Totals(report.overall)
        districts = report.districts.map { row in
            District(
                district: row.district, name: RegionCode(row.district).flatMap { regions.name(of: $0) } ?? row.district,
                totals: Totals(row.totals))
        }
    }
}
