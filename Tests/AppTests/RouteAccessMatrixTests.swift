@testable import App
import Foundation
import MinzhengCore
import SQLKit
import Testing
import VaporTesting

/// Issue 12: every role, over two regions, against every `/api/v1` route. Each cell is the
/// status the role gets: 403 where the role may not act at all, 404 for a record outside its
/// region (its existence not revealed), 2xx inside. The table is the documentation.
@Suite("Who may call which API route")
struct RouteAccessMatrixTests {
    /// The world every role meets: household H1 in 320402001 (whose head is the resident),
    /// household H2 in 320404001, another district.
    struct World {
        let own: HouseholdDetail
        let other: HouseholdDetail
        /// A care home in 320404001 (another district).
        var otherFacility = UUID()
        /// A home-adaptation case of the other district's household, just screened.
        var otherAdaptation = UUID()
        /// The resident's marriage booking at the other district's registry.
        var otherBooking = UUID()
        /// A marriage registered at the other district's registry.
        var otherMarriage = UUID()
        /// A funeral home in 320404 (another district) and a bill of it.
        var otherHome = UUID()
        var otherBill = UUID()
        /// A niche of a cemetery in 320404.
        var otherUnit = UUID()
        /// A child-protection case in 320404001, assigned to nobody yet.
        var otherChildCase = UUID()
        /// A social organisation of 320404001.
        var otherOrganisation = UUID()
        /// A 德康驿站 of 320404001 and a patient enrolled there.
        var otherStation = UUID()
        var otherPatient = UUID()
        /// An assistive-device rental point of 320404001.
        var otherRentalPoint = UUID()
        /// A community worker of 320404001.
        var otherCommunityWorker = UUID()
        /// A person taken in by the station of 320404 (another county).
        var otherStationCase = UUID()
        /// The receipt number (受理编号) of the resident's booking.
        var bookingReceipt = ""
    }

    struct Route: Sendable {
        let name: String
        let method: HTTPMethod
        let path: @Sendable (World) -> String
        let body: @Sendable (World) -> Any?
    }

    static let routes: [Route] = [
        Route(name: "list households", method: .GET, path: { _ in "/api/v1/households" }, body: { _ in nil }),
        Route(
            name: "create a household in 320402001", method: .POST, path: { _ in "/api/v1/households" },
            body: { _ in
                RegistryAPITests.household(
                    region: "320402001",
                    headID: residentID("32040219800101\(String(format: "%03d", Int.random(in: 0..<1_000)))"))
            }),
        Route(
            name: "own region's household", method: .GET, path: { "/api/v1/households/\($0.own.id)" },
            body: { _ in nil }),
        Route(
            name: "other district's household", method: .GET, path: { "/api/v1/households/\($0.other.id)" },
            body: { _ in nil }),
        Route(
            name: "edit other district's household", method: .PATCH, path: { "/api/v1/households/\($0.other.id)" },
            body: { _ in ["version": 1, "address": "常州市新北区测试路9号"] }),
        Route(
            name: "move other district's person in", method: .POST, path: { "/api/v1/households/\($0.own.id)/members" },
            body: { ["relation": "other", "personId": $0.other.members[0].personId.uuidString] }),
        Route(
            name: "list persons by name", method: .GET, path: { _ in "/api/v1/persons?name=%E5%BC%A0" },
            body: { _ in nil }),
        Route(
            name: "search persons", method: .POST, path: { _ in "/api/v1/persons/search" }, body: { _ in ["name": "张"] }
        ),
        Route(
            name: "other district's person", method: .GET, path: { "/api/v1/persons/\($0.other.members[0].personId)" },
            body: { _ in nil }),
        Route(
            name: "own region's bank account", method: .PUT,
            path: { "/api/v1/persons/\($0.own.members[0].personId)/bank-account" },
            body: { _ in ["account": "6222020200112233445", "bank": "工商银行"] }),
        Route(name: "list users", method: .GET, path: { _ in "/api/v1/users" }, body: { _ in nil }),
        Route(
            name: "create a street officer", method: .POST, path: { _ in "/api/v1/users" },
            body: { _ in
                [
                    "username": "s\(UUID().uuidString.prefix(8).lowercased())", "displayName": "街道",
                    "password": "one-time password 1",
                    "role": "streetOfficer", "region": "320402001",
                ]
            }),
        Route(
            name: "create a department account", method: .POST, path: { _ in "/api/v1/users" },
            body: { _ in
                [
                    "username": "d\(UUID().uuidString.prefix(8).lowercased())", "displayName": "公安",
                    "password": "one-time password 1",
                    "role": "department", "region": "320402", "department": "publicSecurity",
                ]
            }),
        Route(name: "own tokens", method: .GET, path: { _ in "/api/v1/tokens" }, body: { _ in nil }),
        Route(name: "application queue", method: .GET, path: { _ in "/api/v1/applications" }, body: { _ in nil }),
        Route(
            name: "apply for other district's household", method: .POST, path: { _ in "/api/v1/applications" },
            body: { ["itemCode": "temporaryAssistance", "householdId": $0.other.id.uuidString, "requestedFen": 50000] }),
        Route(name: "catalogue", method: .GET, path: { _ in "/api/v1/catalog" }, body: { _ in nil }),
        Route(
            name: "own region's enrollments", method: .GET, path: { "/api/v1/enrollments?householdId=\($0.own.id)" },
            body: { _ in nil }),
        Route(name: "visit tasks", method: .GET, path: { _ in "/api/v1/tasks" }, body: { _ in nil }),
        Route(
            name: "push a medical feed", method: .POST, path: { _ in "/api/v1/feeds/medicalExpense" },
            body: { _ in [[String: Any]]() }),
        Route(
            name: "benefit changes to confirm", method: .GET, path: { _ in "/api/v1/enrollment-reviews" },
            body: { _ in nil }),
        // The senior allowance's wrong-payment check: officers with the payroll, within their region.
        Route(
            name: "senior allowance wrong payments", method: .GET,
            path: { _ in "/api/v1/elderly/allowance-wrong-payments?month=2026-06" }, body: { _ in nil }),
        // Every account may change its own password; a wrong current one is a 400 and changes nothing.
        Route(
            name: "change own password", method: .POST, path: { _ in "/api/v1/account/password" },
            body: { _ in ["currentPassword": "not the password", "newPassword": "a brand new password"] }),
        Route(name: "home-care orders", method: .GET, path: { _ in "/api/v1/home-care/orders" }, body: { _ in nil }),
        Route(
            name: "home-care settlement", method: .GET, path: { _ in "/api/v1/home-care/settlement" },
            body: { _ in nil }),
        Route(
            name: "other district's home-care entitlement", method: .GET,
            path: { "/api/v1/home-care/entitlements/\($0.other.members[0].personId)" }, body: { _ in nil }),
        Route(name: "home adaptations", method: .GET, path: { _ in "/api/v1/adaptations" }, body: { _ in nil }),
        // Elderly care: the ability assessment (staff score; assessors record in their region).
        Route(
            name: "score an ability assessment", method: .POST, path: { _ in "/api/v1/ability-scores" },
            body: { _ in ElderlyAbilityTests.request(total: 70) }),
        Route(
            name: "assess own region's person", method: .POST,
            path: { "/api/v1/persons/\($0.own.members[0].personId)/ability-assessments" },
            body: { _ in ElderlyAbilityTests.assessment(total: 70, on: PlatformClock.system.today) }),
        Route(
            name: "assess other district's person", method: .POST,
            path: { "/api/v1/persons/\($0.other.members[0].personId)/ability-assessments" },
            body: { _ in ElderlyAbilityTests.assessment(total: 70, on: PlatformClock.system.today) }),
        Route(
            name: "own region's person's assessments", method: .GET,
            path: { "/api/v1/persons/\($0.own.members[0].personId)/ability-assessments" }, body: { _ in nil }),
        Route(
            name: "reassessments due", method: .GET, path: { _ in "/api/v1/ability-assessments/due" },
            body: { _ in nil }),
        // Issue 15: elderly-care facilities.
        Route(name: "list facilities", method: .GET, path: { _ in "/api/v1/elderly/facilities" }, body: { _ in nil }),
        Route(
            name: "file a facility in 320402001", method: .POST, path: { _ in "/api/v1/elderly/facilities" },
            body: { _ in ElderlyFacilitiesTests.facility() }),
        Route(
            name: "other district's facility", method: .GET, path: { "/api/v1/elderly/facilities/\($0.otherFacility)" },
            body: { _ in nil }),
        Route(
            name: "edit other district's facility", method: .PUT,
            path: { "/api/v1/elderly/facilities/\($0.otherFacility)" },
            body: { _ in ElderlyFacilitiesTests.facility(region: "320404001").merging(["version": 1]) { $1 } }),
        Route(name: "facility beds", method: .GET, path: { _ in "/api/v1/elderly/facility-beds" }, body: { _ in nil }),
        Route(
            name: "hazard counts", method: .GET, path: { _ in "/api/v1/elderly/inspection-counts" }, body: { _ in nil }),
        // Whoever sees the case gets as far as reading the body (a JSON one: 415, not a multipart file).
        Route(
            name: "photo of other district's adaptation", method: .POST,
            path: { "/api/v1/adaptations/\($0.otherAdaptation)/photos" }, body: { _ in nil }),
        Route(name: "my bookings", method: .GET, path: { _ in "/api/v1/bookings" }, body: { _ in nil }),
        Route(
            name: "arrival at other district's registry", method: .POST,
            path: { "/api/v1/bookings/\($0.otherBooking)/arrival" }, body: { _ in nil }),
        Route(
            name: "confirm a booking not naming them", method: .POST,
            path: { "/api/v1/bookings/\($0.otherBooking)/confirmation" }, body: { _ in nil }),
        Route(
            name: "marriage records of an ID number", method: .GET,
            path: { _ in "/api/v1/marriages?idNumber=\(MarriageTests.man)" }, body: { _ in nil }),
        Route(
            name: "other district's marriage record", method: .GET, path: { "/api/v1/marriages/\($0.otherMarriage)" },
            body: { _ in nil }),
        Route(name: "funeral homes (open)", method: .GET, path: { _ in "/api/v1/funeral-homes" }, body: { _ in nil }),
        Route(
            name: "other district's price list (open)", method: .GET,
            path: { "/api/v1/funeral-homes/\($0.otherHome)/prices" }, body: { _ in nil }),
        Route(
            name: "new price at other district's home", method: .POST,
            path: { "/api/v1/funeral-homes/\($0.otherHome)/prices" },
            body: { _ in
                [
                    "code": "WREATH", "name": "花圈", "unit": "个", "category": "other", "priceFen": 12000,
                    "from": "2099-01-01",
                ]
            }),
        Route(
            name: "bill at other district's home", method: .POST, path: { _ in "/api/v1/funeral-bills" },
            body: {
                [
                    "homeId": $0.otherHome.uuidString, "deceasedIdNumber": Self.deceased,
                    "lines": [["code": "WREATH", "day": "2026-01-05", "quantity": 1]],
                ]
            }),
        Route(name: "funeral bills", method: .GET, path: { _ in "/api/v1/funeral-bills" }, body: { _ in nil }),
        Route(
            name: "other district's bill", method: .GET, path: { "/api/v1/funeral-bills/\($0.otherBill)" },
            body: { _ in nil }),
        Route(
            name: "price-order check", method: .GET, path: { _ in "/api/v1/funeral-price-check" }, body: { _ in nil }),
        Route(
            name: "record a death certificate", method: .POST, path: { _ in "/api/v1/death-certificates" },
            body: { _ in ["idNumber": Self.deceased, "certificateNumber": "A20260105001"] }),
        Route(
            name: "gate code of a marriage booking", method: .GET,
            path: { "/api/v1/bookings/\($0.otherBooking)/gate-code" }, body: { _ in nil }),
        Route(
            name: "gate check of a forged code", method: .POST, path: { _ in "/api/v1/gate-checks" },
            body: { _ in ["code": "MZQM.forged"] }),
        Route(name: "cemeteries (open)", method: .GET, path: { _ in "/api/v1/cemeteries" }, body: { _ in nil }),
        Route(
            name: "allocate a plot of another district's cemetery", method: .POST,
            path: { _ in "/api/v1/cemetery-allocations" },
            body: { ["unitId": $0.otherUnit.uuidString, "idNumber": Self.deceased] }),
        Route(
            name: "funeral subsidies to decide", method: .GET, path: { _ in "/api/v1/funeral-subsidies" },
            body: { _ in nil }),
        Route(
            name: "decide a funeral subsidy not of one's region", method: .POST,
            path: { "/api/v1/funeral-subsidies/\($0.otherUnit)" }, body: { _ in ["action": "approve", "version": 1] }),
        Route(
            name: "disability subsidy proposals to confirm", method: .GET,
            path: { _ in "/api/v1/disability-subsidy/proposals" }, body: { _ in nil }),
        Route(
            name: "confirm a disability subsidy proposal not of one's region", method: .POST,
            path: { "/api/v1/disability-subsidy/proposals/\($0.otherUnit)" },
            body: { _ in ["action": "confirm", "version": 1] }),
        Route(name: "child-protection cases", method: .GET, path: { _ in "/api/v1/child-cases" }, body: { _ in nil }),
        Route(
            name: "report a child-protection case", method: .POST, path: { _ in "/api/v1/child-cases" },
            body: { _ in ChildCaseTests.call }),
        Route(
            name: "open a child-protection case not one's own", method: .GET,
            path: { "/api/v1/child-cases/\($0.otherChildCase)" }, body: { _ in nil }),
        Route(
            name: "family-search matcher", method: .POST, path: { _ in "/api/v1/family-search/matches" },
            body: { _ in ["name": "王建国", "sex": "male", "estimatedAge": 70, "foundOn": "2025-11-01"] }),
        Route(
            name: "another family's search report", method: .GET,
            path: { "/api/v1/family-search/reports/\($0.otherUnit)" }, body: { _ in nil }),
        Route(name: "children by category", method: .GET, path: { _ in "/api/v1/children" }, body: { _ in nil }),
        Route(
            name: "children turning 18", method: .GET, path: { _ in "/api/v1/children/turning-adult" },
            body: { _ in nil }),
        Route(
            name: "record a child visit not of one's region", method: .POST,
            path: { "/api/v1/child-visits/\($0.otherUnit)" },
            body: { _ in ["visitedOn": "2026-01-05", "findings": "x", "referral": "none"] }),
        Route(
            name: "care homes for children", method: .GET, path: { _ in "/api/v1/child-care-homes" },
            body: { _ in nil }),
        Route(name: "list organisations", method: .GET, path: { _ in "/api/v1/organisations" }, body: { _ in nil }),
        Route(
            name: "register an organisation in 320402001", method: .POST, path: { _ in "/api/v1/organisations" },
            body: { _ in OrganisationTests.body() }),
        Route(
            name: "other district's organisation", method: .GET,
            path: { "/api/v1/organisations/\($0.otherOrganisation)" }, body: { _ in nil }),
        Route(
            name: "file a report of another organisation", method: .POST,
            path: { "/api/v1/organisations/\($0.otherOrganisation)/reports" },
            body: { _ in OrganisationTests.report(year: 2025) }),
        Route(name: "dormant sweep", method: .GET, path: { _ in "/api/v1/organisation-sweep" }, body: { _ in nil }),
        Route(name: "adoption registrations", method: .GET, path: { _ in "/api/v1/adoptions" }, body: { _ in nil }),
        Route(
            name: "an adoption not of one's district", method: .GET, path: { "/api/v1/adoptions/\($0.otherUnit)" },
            body: { _ in nil }),
        Route(name: "德康驿站 and counts", method: .GET, path: { _ in "/api/v1/rehab-stations" }, body: { _ in nil }),
        Route(
            name: "a 德康驿站 of 320404001", method: .GET, path: { "/api/v1/rehab-stations/\($0.otherStation)" },
            body: { _ in nil }),
        Route(
            name: "a 德康驿站 patient of 320404001 (the diagnosis)", method: .GET,
            path: { "/api/v1/rehab-patients/\($0.otherPatient)" }, body: { _ in nil }),
        Route(name: "rating applications", method: .GET, path: { _ in "/api/v1/ratings" }, body: { _ in nil }),
        Route(
            name: "a rating application not one's own", method: .GET, path: { "/api/v1/ratings/\($0.otherUnit)" },
            body: { _ in nil }),
        Route(name: "the reviewer pool", method: .GET, path: { _ in "/api/v1/rating-reviewers" }, body: { _ in nil }),
        Route(name: "funding rounds", method: .GET, path: { _ in "/api/v1/funding-rounds" }, body: { _ in nil }),
        Route(name: "rental points", method: .GET, path: { _ in "/api/v1/rental/points" }, body: { _ in nil }),
        Route(
            name: "a rental point not of one's district", method: .GET,
            path: { "/api/v1/rental/points/\($0.otherRentalPoint)" }, body: { _ in nil }),
        Route(
            name: "the rental's monthly settlement", method: .GET, path: { _ in "/api/v1/rental/settlement" },
            body: { _ in nil }),
        Route(name: "place names", method: .GET, path: { _ in "/api/v1/place-names" }, body: { _ in nil }),
        Route(
            name: "a place name not of one's county", method: .GET, path: { "/api/v1/place-names/\($0.otherUnit)" },
            body: { _ in nil }),
        Route(
            name: "the signs of a place name not of one's county", method: .GET,
            path: { "/api/v1/place-names/\($0.otherUnit)/signs" }, body: { _ in nil }),
        Route(
            name: "funding totals of the year", method: .GET, path: { _ in "/api/v1/funding-totals" },
            body: { _ in nil }),
        Route(name: "street-seat moves", method: .GET, path: { _ in "/api/v1/seat-moves" }, body: { _ in nil }),
        Route(
            name: "community committees", method: .GET, path: { _ in "/api/v1/community-committees" },
            body: { _ in nil }),
        Route(name: "community workers", method: .GET, path: { _ in "/api/v1/community-workers" }, body: { _ in nil }),
        Route(
            name: "a community worker of 320404001", method: .GET,
            path: { "/api/v1/community-workers/\($0.otherCommunityWorker)" }, body: { _ in nil }),
        Route(
            name: "social-work stations' coverage", method: .GET,
            path: { _ in "/api/v1/social-work-stations/coverage" },
            body: { _ in nil }),
        Route(name: "the admission list", method: .GET, path: { _ in "/api/v1/admission-items" }, body: { _ in nil }),
        Route(
            name: "tasks sent to communities", method: .GET, path: { _ in "/api/v1/community-assignments" },
            body: { _ in nil }),
        Route(name: "communities' tasks", method: .GET, path: { _ in "/api/v1/community-tasks" }, body: { _ in nil }),
        Route(
            name: "charitable organisations", method: .GET, path: { _ in "/api/v1/charitable-organisations" },
            body: { _ in nil }),
        Route(name: "1798 needs", method: .GET, path: { _ in "/api/v1/charity-needs" }, body: { _ in nil }),
        Route(
            name: "a 1798 need not of one's region", method: .GET, path: { "/api/v1/charity-needs/\($0.otherUnit)" },
            body: { _ in nil }),
        Route(
            name: "organisation registrations", method: .GET, path: { _ in "/api/v1/organisation-applications" },
            body: { _ in nil }),
        Route(
            name: "an organisation registration not one's own", method: .GET,
            path: { "/api/v1/organisation-applications/\($0.otherUnit)" }, body: { _ in nil }),
        // Illegal social organisations and trade associations' fees (issue 17 item 4).
        Route(
            name: "illegal-organisation reports", method: .GET, path: { _ in "/api/v1/illegal-organisations" },
            body: { _ in nil }),
        Route(
            name: "report an illegal organisation in 320402001", method: .POST,
            path: { _ in "/api/v1/illegal-organisations" },
            body: { _ in IllegalOrganisationTests.report() }),
        Route(
            name: "an illegal-organisation report not one's own", method: .GET,
            path: { "/api/v1/illegal-organisations/\($0.otherUnit)" }, body: { _ in nil }),
        Route(
            name: "trade associations' fee totals", method: .GET, path: { _ in "/api/v1/trade-association-fee-totals" },
            body: { _ in nil }),
        Route(
            name: "place-name signs needing repair", method: .GET, path: { _ in "/api/v1/place-name-signs" },
            body: { _ in nil }),
        Route(
            name: "place-name directory (open)", method: .GET, path: { _ in "/api/v1/place-name-directory" },
            body: { _ in nil }),
        // The assistance station (救助管理, issue 19 item 1).
        Route(name: "station cases", method: .GET, path: { _ in "/api/v1/station-cases" }, body: { _ in nil }),
        Route(
            name: "a station case not of one's county", method: .GET,
            path: { "/api/v1/station-cases/\($0.otherStationCase)" },
            body: { _ in nil }),
        // Family search's public notices (issue 19 item 4): open to everyone.
        Route(
            name: "family-search public notices (open)", method: .GET,
            path: { _ in "/api/v1/family-search/public-notices?sex=male" }, body: { _ in nil }),
        // The API document (issue 20 item 5): open; one's own API calls: every signed-in account.
        Route(name: "the API document (open)", method: .GET, path: { _ in "/api/v1/openapi.json" }, body: { _ in nil }),
        Route(
            name: "one's own API calls", method: .GET, path: { _ in "/api/v1/account/api-calls" }, body: { _ in nil }),
        // 民政通's services and guides (issue 20 item 1): open to everyone.
        Route(
            name: "portal services (open)", method: .GET, path: { _ in "/api/v1/services?q=%E4%BD%8E%E4%BF%9D" },
            body: { _ in nil }),
        // 办件查询 (issue 20 item 2): a code to the phone on file (open, the same answer for any
        // number); a lookup (the owner needs no code, anyone else is asked for one); one's own.
        Route(
            name: "progress: a code for an unknown receipt number (open)", method: .POST,
            path: { _ in "/api/v1/progress/codes" },
            body: { _ in ["receiptNumber": ReceiptNumber(day: CivilDate("2020-01-01")!, serial: 1).value] }),
        Route(
            name: "progress: the resident's booking by its number, no code", method: .POST,
            path: { _ in "/api/v1/progress/lookups" }, body: { ["receiptNumber": $0.bookingReceipt] }),
        Route(name: "progress: one's own filings", method: .GET, path: { _ in "/api/v1/progress" }, body: { _ in nil }),
        // Statistics (issue 20 item 3): own region, then another district.
        Route(
            name: "statistics of one's region", method: .GET, path: { _ in "/api/v1/statistics" }, body: { _ in nil }),
        Route(
            name: "statistics of another district", method: .GET, path: { _ in "/api/v1/statistics?region=320404" },
            body: { _ in nil }),
        Route(
            name: "the dashboard of one's region", method: .GET, path: { _ in "/api/v1/dashboard" }, body: { _ in nil }),
    ]

    /// The deceased of the funeral rows (a death certificate on record).
    static let deceased = residentID("32040419400101201")

    struct Case: Sendable, CustomTestStringConvertible {
        let role: Role
        let region: String
        /// In the order of `routes`.
        let expected: [UInt]
        var testDescription: String { "\(role.rawValue)@\(region)" }
    }

    static let cases: [Case] = [
        //                                          list create own  other edit  move names search person bank users mkUser mkDept tokens queue apply catalog enrol tasks feed reviews allowance password care settle entitle adapt
        //                                          ability: score assessOwn assessOther listOwn due
        //                                          facilities: list file other editOther beds counts
        //                                          adaptation photo (other district)
        //                                          bookings: mine, arrival (other district), confirm (not named)
        //                                          marriages: by ID number, other district's record
        //                                          funeral: homes prices newPrice bill bills otherBill check certificate gateCode gateCheck
        //                                          cemeteries: list allocate (other district)
        //                                          funeral subsidies: queue, decide (not in the region)
        //                                          disability subsidies: queue, confirm (not in the region)
        //                                          child cases: list, report, open (not assigned)
        //                                          family search: matcher, another family's report
        //                                          children: list, turning 18, visit (not in the region), care homes
        //                                          organisations: list, register, other district's, file its report, sweep
        //                                          adoptions: list, not of one's district
        //                                          德康驿站: list and counts, a station of 320404001, its patient
        //                                          ratings: list, not one's own, the reviewer pool; funding rounds
        //                                          rental: points, a point not of one's district, settlement
        //                                          place names: list, not of one's county, its signs; funding totals; seat moves
        //                                          communities: committees, workers, a worker of 320404001,
        //                                          coverage, admission list, assignments, communities' tasks
        //                                          charity: charitable organisations, 1798 needs, a need not of one's region
        //                                          organisation registrations: list, not one's own
        //                                          illegal organisations: list, report, not one's own; fee totals
        //                                          assistance station: cases, a case not of one's county
        //                                          family search: public notices (open)
        //                                          the API document (open), one's own API calls
        //                                          family search: public notices (open); 民政通 services (open)
        //                                          progress: code (open), lookup without a code, one's own
        //                                          statistics: one's region, another district; the dashboard
        Case(
            role: .cityAdmin, region: "3204",
            expected: [
                200, 201, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201, 201, 200, 200, 201, 200, 200, 200, 403, 200,
                200, 400, 200, 200, 200, 200, 200, 201, 201, 200, 200, 200, 201, 200, 200, 200, 200, 415, 403, 200, 403,
                200, 200, 200, 200, 201, 201, 200, 200, 200, 201, 403, 400, 200, 201, 200, 404, 200, 404, 200, 403, 404,
                200, 403, 200, 200, 404, 200, 200, 201, 200, 403, 200, 200, 404, 200, 200, 403, 200, 404, 200, 200, 200,
                200, 200, 200, 404, 404, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 404, 200, 404, 200, 201,
                404, 200, 200, 200, 200, 200, 200, 200, 200, 200, 202, 400, 403, 200, 200, 200,
            ]),
        Case(
            role: .districtOfficer, region: "320402",
            expected: [
                200, 201, 200, 404, 404, 404, 200, 200, 404, 200, 200, 201, 403, 200, 200, 404, 200, 200, 200, 403, 200,
                200, 400, 200, 200, 404, 200, 200, 201, 404, 200, 200, 200, 201, 404, 404, 200, 200, 404, 403, 404, 403,
                200, 404, 200, 200, 403, 404, 200, 404, 200, 201, 403, 400, 200, 404, 200, 404, 200, 404, 200, 403, 404,
                200, 403, 200, 200, 404, 200, 200, 201, 404, 403, 200, 200, 404, 200, 404, 403, 200, 404, 200, 200, 200,
                404, 200, 200, 404, 404, 200, 200, 200, 200, 404, 200, 200, 403, 200, 200, 200, 404, 200, 404, 200, 201,
                404, 200, 200, 200, 200, 404, 200, 200, 200, 200, 202, 400, 403, 200, 404, 200,
            ]),
        Case(
            role: .streetOfficer, region: "320402001",
            expected: [
                200, 201, 200, 404, 404, 404, 200, 200, 404, 200, 403, 403, 403, 200, 200, 404, 200, 200, 200, 403, 200,
                403, 400, 200, 403, 404, 200, 200, 201, 404, 200, 200, 200, 201, 404, 404, 200, 200, 404, 403, 403, 403,
                403, 403, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 200, 404, 200, 404, 200, 403, 404,
                403, 403, 200, 200, 404, 200, 403, 403, 403, 403, 403, 403, 403, 200, 404, 403, 200, 404, 403, 200, 200,
                404, 403, 403, 403, 403, 403, 403, 200, 200, 404, 200, 200, 403, 200, 403, 200, 404, 403, 403, 403, 403,
                403, 403, 403, 200, 403, 403, 200, 200, 200, 200, 202, 400, 403, 200, 404, 200,
            ]),
        Case(
            role: .communityWorker, region: "320402001",
            expected: [
                200, 201, 200, 404, 404, 404, 200, 200, 404, 200, 403, 403, 403, 200, 200, 404, 200, 200, 200, 403, 403,
                403, 400, 200, 403, 404, 200, 200, 201, 404, 200, 200, 200, 403, 404, 403, 200, 200, 404, 403, 403, 403,
                403, 403, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 200, 403, 404,
                403, 403, 200, 200, 404, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 404, 403, 200, 403,
                403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 200, 403, 200, 404, 403, 403, 403, 403,
                403, 403, 403, 200, 403, 403, 200, 200, 200, 200, 202, 400, 403, 403, 403, 403,
            ]),
        Case(
            role: .auditor, region: "320402",
            expected: [
                200, 403, 200, 404, 403, 403, 200, 200, 404, 403, 403, 403, 403, 200, 403, 403, 200, 200, 403, 403, 403,
                403, 400, 403, 403, 403, 403, 200, 403, 403, 200, 403, 200, 403, 404, 403, 200, 200, 403, 403, 403, 403,
                403, 403, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403,
                403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 404, 403, 200, 403,
                403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,
                403, 403, 403, 200, 403, 403, 200, 200, 200, 200, 202, 400, 403, 200, 404, 200,
            ]),
        Case(
            role: .department, region: "3204",
            expected: [
                403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 200, 403, 200, 403, 403, 200, 403,
                403, 400, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,
                403, 403, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403,
                403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 404, 403, 200, 403,
                403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 200, 403, 403, 403, 403, 403, 403, 200, 201,
                404, 403, 403, 200, 403, 403, 200, 200, 200, 200, 202, 400, 403, 403, 403, 403,
            ]),
        Case(
            role: .resident, region: "320402001",
            expected: [
                403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 200, 400, 200, 403, 403, 403, 403,
                403, 400, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 404,
                403, 403, 200, 200, 403, 403, 403, 403, 403, 201, 404, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403,
                403, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,
                403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 404, 200, 201,
                404, 403, 403, 200, 403, 403, 200, 200, 200, 200, 202, 200, 200, 403, 403, 403,
            ]),
        Case(
            role: .childWelfare, region: "3204",
            expected: [
                403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 200, 403, 403, 403, 403,
                403, 400, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,
                403, 403, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 200, 201, 200,
                403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,
                403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,
                403, 403, 403, 200, 403, 403, 200, 200, 200, 200, 202, 400, 403, 403, 403, 403,
            ]),
        Case(
            role: .stationStaff, region: "320402001",
            expected: [
                403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 200, 403, 403, 403, 403,
                403, 400, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,
                403, 403, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403,
                403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 404, 404, 200, 404, 403, 200, 403,
                403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,
                403, 403, 403, 200, 403, 403, 200, 200, 200, 200, 202, 400, 403, 403, 403, 403,
            ]),
        Case(
            role: .healthLiaison, region: "320402",
            expected: [
                403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 200, 403, 403, 403, 403,
                403, 400, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,
                403, 403, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403,
                403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 404, 404, 200, 404, 403, 200, 403,
                403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,
                403, 403, 403, 200, 403, 403, 200, 200, 200, 200, 202, 400, 403, 403, 403, 403,
            ]),
        Case(
            role: .healthLiaison, region: "320404",
            expected: [
                403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 200, 403, 403, 403, 403,
                403, 400, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,
                403, 403, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403,
                403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 200, 200, 200, 404, 403, 200, 403,
                403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,
                403, 403, 403, 200, 403, 403, 200, 200, 200, 200, 202, 400, 403, 403, 403, 403,
            ]),
    ]

    /// The resident's booking at 钟楼's registry (320404), on the first working day with slots.
    /// A marriage on record at 钟楼's registry.
    static func marriage(_ app: Application) async throws -> UUID {
        let office = try #require(try await BookingStore(db: app.sql).resources().first { $0.region == "320404" })
        let cipher = app.platform.cipher
        let id = UUID()
        try await MarriageStore(db: app.sql).insertRecord(
            id: id, kind: "marriage", office: office, on: app.platform.clock.today, booking: nil, marriage: nil,
            parties: [MarriageTests.man, MarriageTests.woman].map {
                MarriageStore.Party(index: cipher.blindIndex($0), cipher: cipher.encrypt($0), personID: nil)
            }, married: true, by: UUID(), at: Date())
        return id
    }

    static func booking(_ app: Application, resident: String) async throws -> UUID {
        try await BookingStore(db: app.sql).insertResource(
            id: UUID(), kind: .divorce, name: "钟楼区婚姻登记处", region: "320404", address: "钟楼区", capacity: 2, at: Date())
        _ = try await app.bookingService(actor: .system("test")).openSlots()
        let slot = try #require(
            try await app.sql.raw(
                "SELECT id FROM booking_slots WHERE day > \(bind: app.platform.clock.today.description) ORDER BY day, start_minute"
            )
            .first()?.decode(column: "id", as: UUID.self))
        let res = try await BookingAPITests.book(app, resident, slot, BookingAPITests.couple)
        #expect(res.status == .created)
        return try res.json(BookingAPITests.Booking.self).id
    }

    /// A funeral home in 钟楼 (320404) with a wreath listed from 2021, a death certificate for
    /// `deceased`, and a bill of the home.
    static func funeralHome(_ app: Application) async throws -> (UUID, UUID) {
        let store = FuneralStore(db: app.sql)
        let home = FuneralHome(id: UUID(), name: "钟楼测试殡仪馆", region: "320404", address: "钟楼区", phone: "0519-1")
        try await store.insertHome(home, at: Date())
        let wreath = FuneralPrice(
            code: "WREATH", name: "花圈", unit: "个", category: .other, price: 10000, from: CivilDate("2021-01-01")!)
        try await store.insertPrice(wreath, home: home.id, by: "test", at: Date())
        let cipher = app.platform.cipher
        _ = try await store.insertCertificate(
            index: cipher.blindIndex(deceased), cipher: cipher.encrypt(deceased), masked: ResidentID.mask(deceased),
            number: "A20260105001", by: UUID(), at: Date())
        let bill = UUID()
        try await store.insertBill(
            id: bill, home: home, deceased: (cipher.blindIndex(deceased), cipher.encrypt(deceased), "3204**"),
            person: nil, eligibility: FuneralEligibility(basicFree: false, extras: false), reason: "test",
            source: "cashier",
            lines: [
                FuneralBillLine(
                    position: 1, code: "WREATH", name: "花圈", unit: "个", category: .other, day: CivilDate("2026-01-05")!,
                    quantity: 1, unitPrice: 10000, gross: 10000, exempt: 0, payable: 10000)
            ], by: "test", at: Date())
        return (home.id, bill)
    }

    @Test("every role × every API route, inside and outside its region", arguments: cases)
    func matrix(_ c: Case) async throws {
        #expect(c.expected.count == Self.routes.count)
        try await withTestApp(.sqlite) { app in
            let f = try await ApplicationFlowTests.fixture(app)
            let admin = try await app.token(role: .cityAdmin, region: "3204")
            let other = try await send(
                app, .POST, "/api/v1/households", token: admin,
                json: RegistryAPITests.household(region: "320404001", headID: residentID("32040419700101301"))
            )
            .json(HouseholdDetail.self)
            let own = try await send(app, .GET, "/api/v1/households/\(f.householdID)", token: admin).json(
                HouseholdDetail.self)
            var world = World(own: own, other: other)
            let facility = try await send(
                app, .POST, "/api/v1/elderly/facilities", token: admin,
                json: ElderlyFacilitiesTests.facility(region: "320404001", name: "钟楼测试养老院"))
            world.otherFacility = try facility.json(FacilityRecord.self).id
            try await AdaptationStore(db: app.sql).insertCase(
                household: other.id, region: "320404001", year: 2026, priority: .dibao, cap: Fen(300_000), at: Date())
            world.otherAdaptation = try #require(
                try await app.sql.raw("SELECT id FROM adaptation_cases WHERE household_id = \(bind: other.id)").first()?
                    .decode(column: "id", as: UUID.self))
            world.otherBooking = try await Self.booking(app, resident: f.resident)
            world.bookingReceipt = try #require(
                try await ReceiptStore(db: app.sql).number(.booking, record: world.otherBooking))
            world.otherMarriage = try await Self.marriage(app)
            (world.otherHome, world.otherBill) = try await Self.funeralHome(app)
            let cemetery = UUID()
            try await CemeteryStore(db: app.sql).insertCemetery(
                id: cemetery, name: "钟楼公墓", region: "320404", address: "钟楼区", at: Date())
            try await CemeteryStore(db: app.sql).insertSection(
                id: UUID(), cemetery: cemetery, name: "骨灰堂", kind: .niche, fee: 150_000, units: 1, prefix: "N",
                at: Date())
            world.otherChildCase = try await ChildCaseTests.unassigned(app, region: "320404001")
            world.otherUnit = try #require(
                try await app.sql.raw("SELECT id FROM cemetery_units").first()?.decode(column: "id", as: UUID.self))
            world.otherRentalPoint = UUID()
            try await RentalStore(db: app.sql).insertPoint(
                RentalStore.Point(
                    id: world.otherRentalPoint, name: "钟楼测试租赁点", region: "320404001", operatorName: "测试运营",
                    address: "钟楼区"), at: Date())
            world.otherCommunityWorker = UUID()
            _ = try await CommunityStore(db: app.sql, regions: app.platform.regions).insertWorker(
                CommunityStore.NewWorker(
                    id: world.otherCommunityWorker, region: "320404001001", name: "钟楼社工", personID: nil,
                    cipher: "x", index: "matrix-worker", masked: "3204**", startedOn: CivilDate("2015-01-01")!,
                    qualification: .assistant), at: Date())
            world.otherOrganisation =
                try await OrganisationTests.create(
                    app, admin, OrganisationTests.body(region: "320404001", body: "MJ900009")
                ).id
            world.otherStationCase = try await send(
                app, .POST, "/api/v1/station-cases", token: admin,
                json: StationCaseTests.intake.merging(["region": "320404", "foundAt": "", "intakeAt": ""]) { $1 }
            ).json(StationCaseTests.CaseView.self).summary.id
            (world.otherStation, world.otherPatient) = try await RehabTests.stationWithPatient(
                app, region: "320404001", person: other.members[0].personId)
            let token: String
            switch c.role {
            case .resident: token = f.resident
            case .department: token = try await MonitoringTests.departmentToken(app, "medicalInsurance")
            default: token = try await app.token(role: c.role, region: c.region)
            }
            for (route, expected) in zip(Self.routes, c.expected) {
                let res = try await send(app, route.method, route.path(world), token: token, json: route.body(world))
                #expect(
                    res.status.code == expected,
                    "\(c.role.rawValue) \(route.name): \(res.status.code) \(res.body.string.prefix(160))")
            }
        }
    }
}
