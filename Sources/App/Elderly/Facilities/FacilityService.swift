import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// Filing and editing facilities, and the bed report: decides with Core (`FacilityDraft`),
/// writes through `FacilityStore` in one audited transaction per change.
struct FacilityService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let regions: RegionTable
    let clock: PlatformClock

    var store: FacilityStore { FacilityStore(db: db, regions: regions) }

    /// The facility parameters in force for `region` on `day`.
    static func parameters(db: SQLDatabase, region: String, on day: CivilDate) async throws -> FacilityParameters {
        try await PolicyStore(db: db).parameters(for: region, month: day.yearMonth).facilities
    }

    func parameters(region: String) async throws -> FacilityParameters {
        try await Self.parameters(db: db, region: region, on: clock.today)
    }

    func facility(_ id: UUID, for user: CurrentUser) async throws -> FacilityRecord {
        try user.require(.viewFacilities)
        guard let record = try await store.facility(id: id, within: user.scope) else {
            throw Refusal.notFound("养老服务设施")
        }
        return record
    }

    /// Checks the fields and that the region is a known street (or a community of one)
    /// inside the user's region.
    private func draft(_ input: FacilityDraft.Input, user: CurrentUser) throws -> FacilityDraft {
        let today = clock.today
        let d = try RegistryInput.check { () throws(FieldProblem) in
            try FacilityDraft.validated(input, today: today)
        }
        guard regions.isKnownOrCommunityOfKnownStreet(d.region), RegionTable.changzhou.contains(d.region) else {
            throw Refusal.invalid("region", "所属区划 \(d.region.value) 不是常州市的街道或社区")
        }
        guard user.region.contains(d.region) else {
            throw Refusal.invalid("region", "所属区划 \(d.region.value) 不在您的管辖范围")
        }
        return d
    }

    func create(_ input: FacilityDraft.Input, by user: CurrentUser) async throws -> FacilityRecord {
        try user.require(.manageFacilities)
        let d = try draft(input, user: user)
        let id = UUID.random()
        let now = clock.now
        try await writer.transaction { [regions] tx, audit in
            try await FacilityStore(db: tx, regions: regions).insert(d, id: id, at: now)
            try await audit.record(
                "facility.create", entity: "facility", id: id.uuidString, region: d.region.value,
                after: ["name": d.name, "kind": d.kind.rawValue, "creditCode": d.creditCode.value])
        }
        return try await facility(id, for: user)
    }

    func update(_ id: UUID, _ input: FacilityDraft.Input, by user: CurrentUser) async throws -> FacilityRecord {
        try user.require(.manageFacilities)
        let before = try await facility(id, for: user)
        guard let version = input.version else { throw Refusal.invalid("version", "缺少 version（记录版本）") }
        let d = try draft(input, user: user)
        let now = clock.now
        let saved = try await writer.transaction { [regions] tx, audit in
            guard try await FacilityStore(db: tx, regions: regions).update(id: id, d, version: version, at: now) else {
                return false
            }
            try await audit.record(
                "facility.update", entity: "facility", id: id.uuidString, region: d.region.value,
                before: ["name": before.name, "region": before.region, "beds": String(before.bedsTotal)],
                after: ["name": d.name, "region": d.region.value, "beds": String(d.bedsTotal)])
            return true
        }
        guard saved else { throw Refusal.staleVersion(current: try await facility(id, for: user).version) }
        return try await facility(id, for: user)
    }

    /// Nursing-bed share and occupancy by district (by street for a district's or street's
    /// user), and the total of the user's region, against the target of the year.
    func beds(for user: CurrentUser) async throws -> BedReport {
        try user.require(.viewFacilities)
        let today = clock.today
        let target = try await Self.parameters(db: db, region: user.region.value, on: today).nursingBedTarget
        let rows = try await store.bedTotals(within: user.scope)
        let total = rows.reduce(BedTotals()) { $0 + $1.totals }
        return BedReport(
            year: today.year, target: Percent.text(target),
            rows: rows.map { area, totals in
                BedRow(
                    region: area, name: RegionCode(area).flatMap(regions.name) ?? area, totals: totals, target: target)
            },
            total: BedRow(
                region: user.region.value, name: regions.fullName(of: user.region), totals: total, target: target))
    }
}

extension Request {
    var facilities: FacilityService {
        FacilityService(db: sql, writer: writer, regions: platform.regions, clock: platform.clock)
    }
}
