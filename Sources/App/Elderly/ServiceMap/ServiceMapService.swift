import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// The public service map (养老服务地图): search the city's facilities by area, kind, grade
/// and free beds, nearest first from where the phone is or from a chosen street, with the
/// map drawn on the server. No sign-in, so it reads only what `ServiceMapStore` publishes.
struct ServiceMapService {
    let db: SQLDatabase
    let regions: RegionTable

    /// The search form as sent: every field text, so that a bad one is named, not a 400.
    struct Query: Content, Sendable {
        var region: String?
        var kind: String?
        var grade: String?
        var freeBeds: String?
        var latitude: String?
        var longitude: String?
        /// A street whose recorded office is the starting point.
        var from: String?
        var page: Int?

        /// The query string of these filters (without the page), for the pager and links.
        var links: [String: String?] {
            var out: [String: String?] = [:]
            for (key, value) in [
                ("region", region), ("kind", kind), ("grade", grade), ("freeBeds", freeBeds),
                ("latitude", latitude), ("longitude", longitude), ("from", from),
            ] {
                if let value, !value.isEmpty { out[key] = value }
            }
            return out
        }
    }

    struct Result: Sendable {
        let filter: ServiceMapStore.Filter
        let origin: GeoPoint?
        let page: Page<MapListing>
        let svg: String
    }

    static let perPage = 10

    /// The filters and the starting point the query asks for, or a refusal naming the field.
    func criteria(_ q: Query) async throws -> (ServiceMapStore.Filter, GeoPoint?) {
        var filter = ServiceMapStore.Filter()
        if let text = q.region?.trimmedWhitespace, !text.isEmpty {
            guard let code = RegionCode(text), code.level == .district || code.level == .street,
                RegionTable.changzhou.contains(code), regions.contains(code)
            else { throw Refusal.invalid("region", "区域应为常州市的区或街道，收到 \(text)") }
            filter.region = code
        }
        if let text = q.kind, !text.isEmpty {
            guard let kind = FacilityKind(rawValue: text) else { throw Refusal.invalid("kind", "设施类型不正确：\(text)") }
            filter.kind = kind
        }
        if let text = q.grade, !text.isEmpty {
            guard let g = Int(text), (1...5).contains(g) else { throw Refusal.invalid("grade", "等级应为1至5，收到 \(text)") }
            filter.minimumGrade = g
        }
        filter.freeBedsOnly = q.freeBeds == "1"
        let origin: GeoPoint?
        if let from = q.from?.trimmedWhitespace, !from.isEmpty {
            guard let street = RegionCode(from), street.level == .street, RegionTable.changzhou.contains(street),
                let point = try await RegionLocationStore(db: db).location(of: street)
            else { throw Refusal.invalid("from", "所选街道尚未登记位置，请改选其他街道或使用手机定位") }
            origin = point
        } else {
            origin = try RegistryInput.check { () throws(FieldProblem) in
                try GeoPoint.typed(latitude: q.latitude, longitude: q.longitude)
            }
        }
        return (filter, origin)
    }

    /// One page of the matching facilities and the map of them all (this page's numbered).
    func search(_ q: Query) async throws -> Result {
        let (filter, origin) = try await criteria(q)
        let store = ServiceMapStore(db: db, regions: regions)
        let page = try await store.search(
            filter, from: origin, page: try PageRequest(page: q.page, perPage: Self.perPage))
        let points = try await store.points(filter)
        let districts = try await store.districtMiddles()
        let svg = ServiceMapSVG.render(
            dots: points, numbered: page.items.compactMap(\.location),
            districts: districts.map { d in
                (regions.name(of: d.district) ?? d.district.value, d.point)
            }, origin: origin)
        return Result(filter: filter, origin: origin, page: page, svg: svg)
    }

    /// A facility's public page: the listing and its price list.
    func facility(_ id: UUID) async throws -> (listing: MapListing, prices: [PriceLine]) {
        guard let listing = try await ServiceMapStore(db: db, regions: regions).listing(id: id) else {
            throw Refusal.notFound("养老服务设施")
        }
        return (listing, try await FacilityPriceStore(db: db).prices(of: id))
    }

    /// The streets a resident may start from: those whose office is recorded, by district.
    func startingStreets() async throws -> [ChoiceGroup] {
        let located = try await RegionLocationStore(db: db).locations(
            within: RegionScope(RegionTable.changzhou), level: .street)
        return regions.children(of: RegionTable.changzhou).compactMap { district in
            let streets = regions.streets(under: district).filter { located[$0.value] != nil }
            guard !streets.isEmpty else { return nil }
            return ChoiceGroup(
                label: regions.name(of: district) ?? district.value,
                choices: streets.map { Choice(value: $0.value, label: regions.name(of: $0) ?? $0.value) })
        }
    }
}

extension Request {
    var serviceMap: ServiceMapService { ServiceMapService(db: sql, regions: platform.regions) }
}
