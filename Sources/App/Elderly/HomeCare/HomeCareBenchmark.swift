import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// `minzheng bench home-care`: on a seeded registry, writes a month of confirmed visits
/// (`--orders`, spread over every person, 50 providers of 20 workers) with each person's
/// entitlement, then times the month's settlement by provider (`HomeCareSettlementStore`)
/// and one provider's statement lines. `Benchmarks/home-care.sh` adds peak memory.
struct HomeCareBenchmark {
    let app: Application

    struct Figures: Encodable {
        let benchmark = "home-care"
        let orders: Int
        let persons: Int
        let setupSeconds: Double
        let settlementSeconds: Double
        let providers: Int
        let subsidyFen: Int64
        let selfPaidFen: Int64
        let statementSeconds: Double
        let statementLines: Int
        let month: String
    }

    func run(orders target: Int) async throws -> Figures {
        let sql = app.sql
        let month = app.platform.clock.today.yearMonth.adding(months: -1)
        let started = ContinuousClock.now
        let (persons, providers) = try await createVisits(target, month: month)
        let setup = ContinuousClock.now - started

        let store = HomeCareSettlementStore(db: sql)
        let settleStarted = ContinuousClock.now
        let settled = try await store.settlement(month: month, within: RegionScope(RegionTable.changzhou))
        let settle = ContinuousClock.now - settleStarted
        let statementStarted = ContinuousClock.now
        let lines = try await store.lines(
            month: month, provider: providers[0], within: RegionScope(RegionTable.changzhou))
        let statement = ContinuousClock.now - statementStarted
        return Figures(
            orders: target, persons: persons, setupSeconds: setup.roundedSeconds,
            settlementSeconds: settle.roundedSeconds, providers: settled.providers.count,
            subsidyFen: settled.subsidyFen, selfPaidFen: settled.selfPaidFen,
            statementSeconds: statement.roundedSeconds, statementLines: lines.count, month: month.description)
    }

    /// Bulk inserts outside the timed part: visits of 1–2 hours of cleaning or a meal, the
    /// person's entitlement one of the table's amounts, so that some months run out.
    private func createVisits(_ target: Int, month: YearMonth) async throws -> (persons: Int, providers: [UUID]) {
        let sql = app.sql
        let now = app.platform.clock.now
        let persons = try await sql.raw("SELECT id, region FROM persons WHERE deceased_on IS NULL ORDER BY id").all()
            .map {
                (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "region", as: String.self))
            }
        guard !persons.isEmpty else { throw Refusal.invalid("orders", "登记库为空：先运行 minzheng seed") }
        var providers: [UUID] = []
        var workers: [UUID] = []
        let store = HomeCareStore(db: sql)
        for p in 0..<50 {
            let id = try await store.createProvider(
                name: "基准服务组织 \(p)", creditCode: String(format: "BENCH%013d", p), region: RegionTable.changzhou.value,
                phone: nil, at: now)
            providers.append(id)
            for w in 0..<20 {
                workers.append(try await store.createWorker(provider: id, name: "服务人员 \(p)-\(w)", at: now))
            }
        }
        let parameters = try await PolicyStore(db: sql).history().parameters(
            for: RegionTable.changzhou.value, month: month)
        let tariff = HomeCareTariff(parameters: parameters)
        let amounts = [parameters.homeCareTekun, parameters.homeCareDibaoDependent, parameters.homeCareAlone]
        var entitlements = BulkInsert(
            table: "home_care_entitlements",
            columns: ["person_id", "month", "entitlement_group", "monthly_fen", "computed_at"])
        for (i, person) in persons.prefix(target).enumerated() {
            entitlements.append([
                .uuid(person.0), .text(month.description), .null, .integer(amounts[i % amounts.count].value),
                .date(now),
            ])
            if entitlements.pendingCount >= 20_000 { try await flush(&entitlements) }
        }
        try await flush(&entitlements)
        let firstDay = Int64(BeijingTime.startOfDay(month.firstDay).timeIntervalSince1970)
        var rows = BulkInsert(table: "home_care_orders", columns: HomeCareColumns.visits)
        for i in 0..<target {
            let person = persons[i % persons.count]
            let (service, units) = i % 3 == 0 ? (HomeCareServiceKind.mealDelivery, 1) : (.cleaning, 1 + i % 2)
            let day = month.firstDay.adding(days: i % 28)
            // A worker's visits of a day start an hour and a half apart from 08:00.
            let slot = Int64(i / workers.count % 8)
            let checkIn = firstDay + Int64(i % 28) * 86_400 + 8 * 3_600 + slot * 5_400
            rows.append(
                HomeCareColumns.visit(
                    person: person.0, region: person.1, service: service, units: units, day: day, state: .confirmed,
                    provider: providers[i % workers.count / 20], worker: workers[i % workers.count], checkIn: checkIn,
                    checkOut: checkIn + Int64(tariff.normMinutes(service, units: units) * 60),
                    charge: tariff.charge(service, units: units), flags: [], createdBy: "bench", at: now))
            if rows.pendingCount >= 20_000 { try await flush(&rows) }
        }
        try await flush(&rows)
        return (min(target, persons.count), providers)
    }

    private func flush(_ rows: inout BulkInsert) async throws {
        let batch = rows
        try await app.db.transaction { tx in
            var batch = batch
            try await batch.flush(on: tx.sql)
        }
        rows.clear()
    }
}
