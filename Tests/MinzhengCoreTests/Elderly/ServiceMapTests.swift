import MinzhengCore
import Testing

/// Issue 15, the service map: distances, the map's projection, the "15-minute circle", the
/// adviser form and a facility's price list.
@Suite("Service map: distances, projection, coverage, adviser form, prices")
struct ServiceMapTests {
    static let centre = GeoPoint(latitude: 31.78, longitude: 119.97)!

    /// `metres` north and east of the centre.
    static func offset(north: Double, east: Double) -> GeoPoint {
        GeoPoint(
            latitude: centre.latitude + north / 111_195,
            longitude: centre.longitude + east / (111_195 * centre.longitudeScale))!
    }

    @Test(
        "distances at city scale are right to a metre in every direction",
        arguments: [(1_000.0, 0.0), (0, 1_000), (-700, 700), (3_000, -4_000), (0, 0)])
    func distances(_ north: Double, _ east: Double) {
        let expected = (north * north + east * east).squareRoot()
        #expect(abs(Self.centre.metres(to: Self.offset(north: north, east: east)) - expected) < 1)
    }

    @Test("a point needs both coordinates on the globe, and a refusal names the one that is wrong")
    func points() throws {
        #expect(try GeoPoint.optional(latitude: nil, longitude: nil) == nil)
        #expect(try GeoPoint.optional(latitude: 31.7, longitude: 119.9) == GeoPoint(latitude: 31.7, longitude: 119.9))
        for (lat, lon, field) in [
            (31.7, nil, "longitude"), (nil, 119.9, "latitude"), (91, 119.9, "latitude"), (31.7, 181, "longitude"),
            (Double.nan, 119.9, "latitude"),
        ] as [(Double?, Double?, String)] {
            #expect(throws: FieldProblem.self) { try GeoPoint.optional(latitude: lat, longitude: lon) }
            do {
                _ = try GeoPoint.optional(latitude: lat, longitude: lon)
            } catch {
                #expect(error.field == field)
            }
        }
    }

    @Test("typed degrees: empty is not given, text that is not a number names its field")
    func typedPoints() throws {
        #expect(try GeoPoint.typed(latitude: " ", longitude: nil) == nil)
        #expect(
            try GeoPoint.typed(latitude: " 31.7", longitude: "119.9 ") == GeoPoint(latitude: 31.7, longitude: 119.9))
        for (lat, lon, field) in [
            ("北纬", "119.9", "latitude"), ("31.7", "东经", "longitude"), ("31.7", "", "longitude"),
            ("1e400", "119.9", "latitude"),
        ] {
            do {
                _ = try GeoPoint.typed(latitude: lat, longitude: lon)
                Issue.record("accepted \(lat), \(lon)")
            } catch {
                #expect(error.field == field)
            }
        }
    }

    @Test(
        "distances read as people say them",
        arguments: [(0.0, "0 米"), (847, "850 米"), (1_000, "1.0 公里"), (3_260, "3.3 公里")])
    func distanceText(_ metres: Double, _ text: String) {
        #expect(GeoPoint.text(metres: metres) == text)
    }

    @Test("the map puts north up and a kilometre as long east–west as north–south")
    func projection() throws {
        let north = Self.offset(north: 2_000, east: 0), east = Self.offset(north: 0, east: 2_000)
        let map = try #require(MapProjection(around: [Self.centre, north, east]))
        let (c, n, e) = (map.place(Self.centre), map.place(north), map.place(east))
        #expect(n.y < c.y && abs(n.x - c.x) < 0.01)
        #expect(e.x > c.x && abs(e.y - c.y) < 0.01)
        #expect(abs((c.y - n.y) - (e.x - c.x)) < 0.5)
        #expect(abs((e.x - c.x) - 2 * map.unitsPerKilometre) < 0.5)
        for p in [c, n, e] { #expect(p.x > 0 && p.x < map.width && p.y > 0 && p.y < map.height) }
        #expect(MapProjection(around: []) == nil)
        // A single point gets a frame of its own, not a division by zero.
        let one = try #require(MapProjection(around: [Self.centre]))
        #expect(one.height > 0 && one.place(Self.centre).x > 0)
    }

    @Test("each community's nearest centre, covered within the radius, the farthest first")
    func coverage() {
        let a = ServiceCoverage.Centre(name: "A 站", location: Self.centre)
        let b = ServiceCoverage.Centre(name: "B 中心", location: Self.offset(north: 0, east: 3_000))
        let communities = [
            ServiceCoverage.Community(
                code: "320402001001", location: Self.offset(north: 500, east: 0), olderResidents: 40),
            ServiceCoverage.Community(
                code: "320402001002", location: Self.offset(north: 0, east: 1_800), olderResidents: 75),
            ServiceCoverage.Community(
                code: "320402001003", location: Self.offset(north: 999, east: 0), olderResidents: 10),
            ServiceCoverage.Community(
                code: "320402001004", location: Self.offset(north: 1_001, east: 0), olderResidents: 20),
            ServiceCoverage.Community(code: "320402001005", location: nil, olderResidents: 30),
        ]
        let reach = ServiceCoverage.reach(of: communities, centres: [a, b], radiusMetres: 1_000)
        #expect(
            reach.map(\.community.code) == [
                "320402001002", "320402001004", "320402001003", "320402001001", "320402001005",
            ])
        #expect(reach.map(\.covered) == [false, false, true, true, nil])
        #expect(reach.map { $0.nearest?.name } == ["B 中心", "A 站", "A 站", "A 站", nil])
        #expect(abs((reach[0].metres ?? 0) - 1_200) < 1)
        let s = ServiceCoverage.Summary(reach)
        #expect(
            [s.communities, s.covered, s.outside, s.unlocated, s.olderResidentsOutside, s.olderResidents]
                == [5, 2, 2, 1, 95, 175])
        // Without any centre every located community is outside, listed first.
        let none = ServiceCoverage.reach(of: communities, centres: [], radiusMetres: 1_000)
        #expect(none.filter { $0.covered == false }.count == 4)
        #expect(none.last?.community.code == "320402001005")
        // A wider radius (a dated parameter) covers more.
        #expect(
            ServiceCoverage.Summary(ServiceCoverage.reach(of: communities, centres: [a, b], radiusMetres: 1_500))
                .outside == 0)
    }

    @Test("only neighbourhood facilities make the circle, not care homes")
    func neighbourhoodKinds() {
        #expect(
            FacilityKind.allCases.filter(\.servesNeighbourhood) == [
                .communityCentre, .communityStation, .ruralRegionalCentre, .streetCentre, .ruralMutualAid,
            ])
    }

    static let goodAdvice = AdviceDraft.Input(
        kind: "careNeed", street: "320402001", name: "王阿姨", phone: "139-1234-5678", message: "母亲独居，想申请上门助浴")

    @Test(
        "the adviser form names the field that is wrong",
        arguments: [
            ("kind", "other"), ("street", ""), ("street", "320402"), ("street", "32040200100x"), ("name", ""),
            ("name", String(repeating: "名", count: 21)), ("phone", ""), ("phone", "12345"), ("message", "太短"),
            ("message", String(repeating: "字", count: 501)), ("message", "有\u{202E}反转字符的问题内容"),
        ])
    func adviceRefusals(_ field: String, _ value: String) {
        var input = Self.goodAdvice
        switch field {
        case "kind": input.kind = value
        case "street": input.street = value
        case "name": input.name = value
        case "phone": input.phone = value
        default: input.message = value
        }
        do {
            _ = try AdviceDraft.validated(input)
            Issue.record("accepted \(field) = \(value)")
        } catch {
            #expect(error.field == field)
        }
    }

    @Test("a valid request keeps the phone's digits only")
    func adviceAccepted() throws {
        let d = try AdviceDraft.validated(Self.goodAdvice)
        #expect(d.phone == "13912345678" && d.kind == .careNeed && d.street.value == "320402001")
        #expect(throws: FieldProblem.self) { try AdviceDraft.answer("  ") }
        #expect(try AdviceDraft.answer("已安排上门") == "已安排上门")
    }

    @Test(
        "a price is typed in yuan and stored in fen",
        arguments: [
            ("2800", 280_000 as Int64?), ("12.5", 1_250), ("1,200.05", 120_005), ("0", nil), ("-3", nil),
            ("12.345", nil), ("abc", nil),
        ])
    func prices(_ typed: String, _ fen: Int64?) {
        do {
            let p = try FacilityPrice.validated(item: "床位费", amount: typed, unit: "month")
            #expect(p.amount.value == fen)
        } catch {
            #expect(fen == nil && error.field == "amount")
        }
    }

    @Test("a price needs its item and a known unit")
    func priceFields() {
        for (item, unit, field) in [("", "month", "item"), ("床位费", "year", "unit"), ("床位费", "", "unit")] {
            do {
                _ = try FacilityPrice.validated(item: item, amount: "100", unit: unit)
                Issue.record("accepted \(field)")
            } catch {
                #expect(error.field == field)
            }
        }
    }
}
