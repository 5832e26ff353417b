import FluentKit
import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// Public cemeteries: a unit's place allocated to a deceased (whose death is on record) or
/// reserved beside a buried person for the living spouse, the fee of the section, the term
/// (`cemeteryTermYears`, dated) and its renewal. The cemetery's staff of the region
/// (`handleBookings`); every change audited.
struct CemeteryService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock
    let cipher: FieldCipher

    struct AllocationInput: Content {
        var unitId: UUID
        var idNumber: String
        /// Reserve the other place of a double plot for the living spouse of the person buried there.
        var reserve: Bool?
    }

    func allocate(_ input: AllocationInput, by user: CurrentUser) async throws -> CemeteryAllocationView {
        try user.require(.handleBookings)
        guard let unit = try await CemeteryStore(db: db).unit(input.unitId),
            user.region.contains(RegionCode(unit.region) ?? RegionTable.changzhou)
        else { throw Refusal.notFound("墓位") }
        let person: ResidentID
        do { person = try ResidentID(input.idNumber.trimmedWhitespace, today: clock.today) } catch {
            throw Refusal.invalid("idNumber", "身份证号无效：\(error)")
        }
        let reserve = input.reserve ?? false
        if !reserve {
            do { try await DeathCheck(db: db, cipher: cipher).require(person) } catch let refusal as Refusal {
                throw Refusal(refusal.kind, refusal.message, field: "idNumber")
            }
        }
        let term = try await FuneralService.parameters(db: db, region: unit.region, on: clock.today).cemeteryTermYears
        let (today, now, name, cipher, clock) = (clock.today, clock.now, user.displayName, cipher, clock)
        let index = cipher.blindIndex(person.value)
        let indexes = cipher.blindIndexes(person.value)
        // An eco-burial place earns a Changzhou deceased the eco-burial subsidy (read before the
        // transaction: on SQLite it holds the one connection).
        let ecoBurial =
            unit.kind == .eco && !reserve
            ? try await FuneralStore(db: db).deceased(indexes: indexes).flatMap {
                RegionTable.changzhou.contains(RegionCode($0.region) ?? RegionTable.changzhou) ? $0 : nil
            } : nil
        let id = UUID()
        do {
            let allocated: UUID = try await writer.transaction { tx, audit in
                let store = CemeteryStore(db: tx)
                let taken = try await store.places(of: unit.id)
                let place = try CemeteryRules.place(
                    kind: unit.kind, taken: taken.map(\.place), person: index, reserve: reserve
                ).get()
                // A reservation is for the spouse of the person buried beside: checked where the registry knows.
                var spouse: String?
                if reserve, let buried = taken.first(where: { $0.place.place == 1 }) {
                    spouse = try CemeteryRules.spouse(
                        try await store.spouseFacts(buried: buried.place.person, living: indexes)
                    ).get()
                }
                var allocated = id
                if let reserved = taken.first(where: { $0.place.place == place && $0.place.state == .reserved }) {
                    guard try await store.bury(reserved.id, at: now) else {
                        throw Refusal(.conflict, "该墓位已被其他操作变更，请刷新", field: "unitId")
                    }
                    allocated = reserved.id
                } else {
                    try await store.insertAllocation(
                        id: id, unit: unit.id, place: place,
                        person: (index, cipher.encrypt(person.value), person.masked),
                        state: reserve ? .reserved : .buried, from: today,
                        until: CemeteryRules.until(from: today, years: term), fee: unit.feeFen, by: name, at: now)
                }
                var after = [
                    "cemetery": unit.cemetery, "unit": unit.label, "place": "\(place)", "person": person.masked,
                    "feeFen": "\(unit.feeFen)",
                ]
                if let spouse { after["spouse"] = spouse }
                try await audit.record(
                    reserve ? "cemetery.reserve" : "cemetery.allocate", entity: "cemetery_allocation",
                    id: allocated.uuidString, region: unit.region, after: after)
                if let ecoBurial {
                    try await FuneralSubsidyProposer(db: tx, clock: clock, audit: audit).afterEcoBurial(
                        ecoBurial, how: "\(unit.cemetery) \(unit.label)（\(unit.kind.chinese)）", on: today,
                        source: "cemetery")
                }
                return allocated
            }
            return try await allocation(allocated, by: user)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Refusal(.conflict, "逝者 \(person.masked) 已有安葬记录，或该墓位刚被分配", field: "idNumber")
        }
    }

    /// Renews the term by `cemeteryTermYears` from the day after it ends, at the section's fee.
    func renew(_ id: UUID, by user: CurrentUser) async throws -> CemeteryAllocationView {
        let current = try await allocation(id, by: user)
        guard current.state != CemeteryPlaceState.ended.rawValue, let until = CivilDate(current.until) else {
            throw Refusal(.conflict, "该安葬记录已终止，不能续期")
        }
        guard let unit = try await CemeteryStore(db: db).unit(current.unitId) else { throw Refusal.notFound("墓位") }
        let term = try await FuneralService.parameters(db: db, region: unit.region, on: clock.today).cemeteryTermYears
        let next = CemeteryRules.until(from: until.adding(days: 1), years: term)
        let now = clock.now
        try await writer.transaction { tx, audit in
            guard try await CemeteryStore(db: tx).renew(id, from: until, to: next, at: now) else {
                throw Refusal(.conflict, "该安葬记录已被其他操作变更，请刷新")
            }
            try await audit.record(
                "cemetery.renew", entity: "cemetery_allocation", id: id.uuidString, region: unit.region,
                before: ["until": "\(until)"], after: ["until": "\(next)", "feeFen": "\(unit.feeFen)"])
        }
        return try await allocation(id, by: user)
    }

    func allocation(_ id: UUID, by user: CurrentUser) async throws -> CemeteryAllocationView {
        try user.require(.handleBookings)
        guard let found = try await CemeteryStore(db: db).allocation(id), found.region.hasPrefix(user.region.value)
        else {
            throw Refusal.notFound("安葬记录")
        }
        return found.view
    }
}

extension Request {
    var cemeteries: CemeteryService {
        CemeteryService(db: sql, writer: writer, clock: platform.clock, cipher: platform.cipher)
    }
}

/// `GET /api/v1/cemeteries` (open: the sections' vacancy), `POST /api/v1/cemetery-allocations`,
/// `POST /api/v1/cemetery-allocations/:id/renewal`; the public page `/cemeteries`.
struct CemeteryControllers: RouteCollection {
    static func registerOpen(on routes: RoutesBuilder) {
        routes.get(Route.API.cemeteries.pattern) { req async throws -> [CemeteryView] in
            try await CemeteryStore(db: req.sql).cemeteries()
        }
    }

    func boot(routes: RoutesBuilder) throws {
        routes.post(Route.API.cemeteryAllocations.pattern) { req async throws -> Response in
            let input = try req.content.decode(CemeteryService.AllocationInput.self)
            return try await req.cemeteries.allocate(input, by: try req.user).encodeResponse(status: .created, for: req)
        }
        routes.post(Route.API.cemeteryRenewal.pattern) { req async throws -> CemeteryAllocationView in
            try await req.cemeteries.renew(try req.parameters.require("id", as: UUID.self), by: try req.user)
        }
    }

    struct Page: Encodable {
        let layout: LayoutContext
        let cemeteries: [CemeteryView]
        let termYears: Int
    }

    /// The public page: each cemetery's sections, fee and vacancy.
    static func page(req: Request) async throws -> View {
        try await req.view.render(
            "funeral/cemeteries",
            Page(
                layout: LayoutContext(request: req, title: "公益性公墓", user: req.auth.get(CurrentUser.self)),
                cemeteries: try await CemeteryStore(db: req.sql).cemeteries(),
                termYears: try await FuneralService.parameters(
                    db: req.sql, region: RegionTable.changzhou.value, on: req.today
                )
                .cemeteryTermYears))
    }
}
