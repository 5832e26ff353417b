import MinzhengCore
import Testing

@Suite("Qingming gate code")
struct GateCodeTests {
    static let id = "5B0C1D2E-3F40-4152-8364-758697A8B9C0"

    @Test func aCodeCarriesTheBookingAndItsDayAndParsesBack() throws {
        let day = CivilDate("2027-04-05")!
        let code = GateCode.make(booking: Self.id, day: day, signature: "0123456789abcdef0123456789")
        #expect(code == "MZQM.5b0c1d2e-3f40-4152-8364-758697a8b9c0.20270405.0123456789abcdef0123")
        let parts = try #require(GateCode.parse(" " + code + "\n"))
        #expect(parts.booking == Self.id.lowercased() && parts.day == day && parts.signature == "0123456789abcdef0123")
        for bad in [
            "", "MZQM", "XXQM.\(Self.id).20270405.ab", "MZQM.\(Self.id).20270230.ab", "MZQM.\(Self.id).20270405.",
        ] {
            #expect(GateCode.parse(bad) == nil, "\(bad)")
        }
    }

    @Test(arguments: [
        (BookingKind.qingmingVisit, BookingState.active, "2027-04-05", GateVerdict.valid),
        (.qingmingVisit, .active, "2027-04-06", .wrongDay),
        (.qingmingVisit, .arrived, "2027-04-05", .used),
        (.qingmingVisit, .cancelled, "2027-04-05", .cancelled),
        (.qingmingVisit, .noShow, "2027-04-05", .noShow),
        (.marriage, .active, "2027-04-05", .notAVisit),
    ])
    func theGateDecides(kind: BookingKind, state: BookingState, day: String, verdict: GateVerdict) {
        #expect(
            GateVerdict.of(kind: kind, state: state, day: CivilDate(day)!, today: CivilDate("2027-04-05")!) == verdict)
    }
}
