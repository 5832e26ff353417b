import Foundation
import Testing
import MinzhengCore

@Suite("Decoding and validating an assessment request")
struct AssessmentRequestDecodingTests {
    static let adult = #"{"birthDate": "1975-05-01", "sex": "male"}"#

    /// A valid request with `members` and any further top-level fields.
    static func body(members: String = "[\(adult)]", extra: String = "") -> String {
        #"{"region": "320402", "month": "2021-06", "members": \#(members)\#(extra)}"#
    }

    /// A valid request whose one member carries `fields` after birth date and sex.
    static func member(_ fields: String) -> String {
        body(members: #"[{"birthDate": "1975-05-01", "sex": "male", \#(fields)}]"#)
    }

    static func incomes(_ list: String) -> String { member(#""incomes": \#(list)"#) }

    static func error(_ json: String) -> AssessmentRequestError? {
        do {
            _ = try AssessmentRequest(jsonData: Data(json.utf8))
            return nil
        } catch {
            return error
        }
    }

    static let wage = #"{"kind": "wage", "monthlyFen": 100}"#

    @Test(arguments: [
        // Unknown fields.
        (body(extra: #", "foo": 1"#), "foo"),
        (member(#""nickname": "x""#), "members[0].nickname"),
        (incomes(#"[{"kind": "wage", "monthlyFen": 1, "currency": "CNY"}]"#), "members[0].incomes[0].currency"),
        (body(extra: #", "assets": {"cars": 1}"#), "assets.cars"),
        (body(extra: #", "annualRigidExpensesFen": {"food": 1}"#), "annualRigidExpensesFen.food"),
        // Birth dates.
        (body(members: #"[\#(adult), {"birthDate": "2021-07-01", "sex": "female"}]"#), "members[1].birthDate"),
        (
            member(#""birthDate": "1975-02-30""#).replacingOccurrences(of: #""birthDate": "1975-05-01", "#, with: ""),
            "members[0].birthDate"
        ),
        (body(members: #"[{"birthDate": "1975/05/01", "sex": "male"}]"#), "members[0].birthDate"),
        // Negative and too large amounts and counts.
        (
            incomes("[\(wage), \(wage), {\"kind\": \"pension\", \"monthlyFen\": -1}]"),
            "members[0].incomes[2].monthlyFen"
        ),
        (incomes(#"[{"kind": "wage", "monthlyFen": 1000000000001}]"#), "members[0].incomes[0].monthlyFen"),
        (body(extra: #", "assets": {"financialFen": -1}"#), "assets.financialFen"),
        (body(extra: #", "assets": {"vehicles": -1}"#), "assets.vehicles"),
        (body(extra: #", "assets": {"residentialProperties": -2}"#), "assets.residentialProperties"),
        (body(extra: #", "annualRigidExpensesFen": {"medical": -5}"#), "annualRigidExpensesFen.medical"),
        (body(extra: #", "annualRigidExpensesFen": {"disaster": -5}"#), "annualRigidExpensesFen.disaster"),
        // Unknown enumeration values.
        (incomes("[\(wage), \(wage), {\"kind\": \"salary\", \"monthlyFen\": 1}]"), "members[0].incomes[2].kind"),
        (body(members: #"[{"birthDate": "1975-05-01", "sex": "x"}]"#), "members[0].sex"),
        (member(#""hukou": "city""#), "members[0].hukou"),
        (member(#""disabilityKind": "blind""#), "members[0].disabilityKind"),
        (member(#""selfCare": "some""#), "members[0].selfCare"),
        (member(#""laborCapacity": "half""#), "members[0].laborCapacity"),
        (member(#""careSetting": "home""#), "members[0].careSetting"),
        (member(#""childCategory": "poor""#), "members[0].childCategory"),
        // Member count.
        (body(members: "[]"), "members"),
        (body(members: "[" + Array(repeating: adult, count: 31).joined(separator: ",") + "]"), "members"),
        // Wrong JSON types.
        (#"{"region": 320402, "month": "2021-06", "members": [\#(adult)]}"#, "region"),
        (#"{"region": "320402", "month": 202106, "members": [\#(adult)]}"#, "month"),
        (body(members: "{}"), "members"),
        (body(members: "[1]"), "members[0]"),
        (member(#""seriousIllness": "yes""#), "members[0].seriousIllness"),
        (member(#""orphan": 1"#), "members[0].orphan"),
        (member(#""hasCapableSupporter": "false""#), "members[0].hasCapableSupporter"),
        (member(#""disabilityGrade": "2""#), "members[0].disabilityGrade"),
        (member(#""disabilityGrade": 2.5"#), "members[0].disabilityGrade"),
        (member(#""incomes": {}"#), "members[0].incomes"),
        (incomes(#"[{"kind": "wage", "monthlyFen": 1.5}]"#), "members[0].incomes[0].monthlyFen"),
        (incomes(#"[{"kind": "wage", "monthlyFen": "100"}]"#), "members[0].incomes[0].monthlyFen"),
        (incomes(#"[{"kind": "wage", "monthlyFen": 99999999999999999999}]"#), "members[0].incomes[0].monthlyFen"),
        (incomes("[\"wage\"]"), "members[0].incomes[0]"),
        (body(extra: #", "assets": {"vehicles": true}"#), "assets.vehicles"),
        (body(extra: #", "assets": []"#), "assets"),
        // Region and month.
        (#"{"region": "32040", "month": "2021-06", "members": [\#(adult)]}"#, "region"),
        (#"{"region": "32a402", "month": "2021-06", "members": [\#(adult)]}"#, "region"),
        (#"{"region": "", "month": "2021-06", "members": [\#(adult)]}"#, "region"),
        (#"{"region": "3204020010011", "month": "2021-06", "members": [\#(adult)]}"#, "region"),
        (#"{"region": "320402", "month": "2021-6", "members": [\#(adult)]}"#, "month"),
        (#"{"region": "320402", "month": "2021-13", "members": [\#(adult)]}"#, "month"),
        (#"{"region": "320402", "month": "2021-06-01", "members": [\#(adult)]}"#, "month"),
        // Missing required fields.
        (#"{"month": "2021-06", "members": [\#(adult)]}"#, "region"),
        (#"{"region": "320402", "members": [\#(adult)]}"#, "month"),
        (#"{"region": "320402", "month": "2021-06"}"#, "members"),
        (body(members: #"[{"sex": "male"}]"#), "members[0].birthDate"),
        (body(members: #"[{"birthDate": "1975-05-01"}]"#), "members[0].sex"),
        (incomes(#"[{"monthlyFen": 1}]"#), "members[0].incomes[0].kind"),
        (incomes(#"[{"kind": "wage"}]"#), "members[0].incomes[0].monthlyFen"),
        // null where the default is not null.
        (#"{"region": null, "month": "2021-06", "members": [\#(adult)]}"#, "region"),
        (member(#""hukou": null"#), "members[0].hukou"),
        (member(#""hasCapableSupporter": null"#), "members[0].hasCapableSupporter"),
        (member(#""incomes": null"#), "members[0].incomes"),
        (body(extra: #", "assets": null"#), "assets"),
        (body(extra: #", "assets": {"financialFen": null}"#), "assets.financialFen"),
        // Disability grade out of range.
        (member(#""disabilityGrade": 5"#), "members[0].disabilityGrade"),
        (member(#""disabilityGrade": 0"#), "members[0].disabilityGrade"),
    ])
    func invalidFieldsAreNamed(json: String, field: String) throws {
        let error = try #require(Self.error(json), "accepted: \(json)")
        #expect(error.field == field, "\(error)")
        // zh-CN first, then English.
        #expect(error.message.unicodeScalars.contains { $0.value >= 0x4E00 }, "\(error)")
        #expect(error.message.contains(" / "), "\(error)")
    }

    @Test(arguments: [
        "", "not json", "[]", "{", #"{"region": "320402",}"#, "{} x", "\"text\"",
        #"{"region": "320402", "region": "320403", "month": "2021-06", "members": []}"#,
        String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
        #"{"region": "3204\u0002"}"#.replacingOccurrences(of: "\\u0002", with: "\u{2}"),
    ])
    func malformedBodiesHaveNoField(json: String) throws {
        let error = try #require(Self.error(json), "accepted: \(json)")
        #expect(error.field == nil, "\(error)")
    }

    @Test func invalidUTF8IsRejected() throws {
        var bytes = Array(
            #"{"region": "3204", "month": "2021-06", "members": [{"birthDate": "1975-05-01", "sex": "ma"#.utf8)
        bytes += [0xC3, 0x28] + Array(#""}]}"#.utf8)
        do {
            _ = try AssessmentRequest(jsonData: Data(bytes))
            Issue.record("accepted invalid UTF-8")
        } catch {
            #expect(error.field == nil)
            #expect(error.message.contains("UTF-8"))
        }
    }

    @Test func thirtyMembersAreAllowed() throws {
        let json = Self.body(members: "[" + Array(repeating: Self.adult, count: 30).joined(separator: ",") + "]")
        #expect(try AssessmentRequest(jsonData: Data(json.utf8)).members.count == 30)
    }

    @Test(arguments: [("2021-06-30", true), ("2021-07-01", false), ("2021-06-01", true)])
    func aBirthDateWithinTheAssessedMonthIsValid(birthDate: String, valid: Bool) {
        let json = Self.body(members: #"[\#(Self.adult), {"birthDate": "\#(birthDate)", "sex": "female"}]"#)
        #expect((Self.error(json) == nil) == valid)
    }

    @Test func aBabyBornLaterInTheMonthIsAZeroYearOldMinor() throws {
        let json = Self.body(members: #"[\#(Self.adult), {"birthDate": "2021-06-20", "sex": "female"}]"#)
        let request = try AssessmentRequest(jsonData: Data(json.utf8))
        let a = PolicyEngine.assess(request, parameters: try PolicyFixtures.parameters())
        // Two members, P = 0: 2 × 940.00 + 94.00 for the baby.
        #expect(a.entries == [PolicyEntry(.dibao, nil, 197_400)])
    }

    @Test func defaultsOfTheContract() throws {
        let request = try AssessmentRequest(jsonData: Data(Self.body().utf8))
        let m = try #require(request.members.first)
        #expect(m.hukou == .urban)
        #expect(m.disabilityGrade == nil && m.disabilityKind == nil)
        #expect(!m.seriousIllness)
        #expect(m.selfCare == .full)
        #expect(m.laborCapacity == .full)
        #expect(m.hasCapableSupporter, "hasCapableSupporter defaults to true")
        #expect(!m.orphan)
        #expect(m.careSetting == nil && m.childCategory == nil)
        #expect(m.incomes.isEmpty)
        #expect(request.assets == AssessmentRequest.Assets())
        #expect(request.annualRigidExpensesFen == AssessmentRequest.RigidExpenses())
    }

    @Test func everyFieldIsRead() throws {
        let json = #"""
            {
              "region": "320402001", "month": "2021-06",
              "members": [{
                "birthDate": "1950-03-07", "sex": "female", "hukou": "rural", "disabilityGrade": 3,
                "disabilityKind": "mental", "seriousIllness": true, "selfCare": "none", "laborCapacity": "partial",
                "hasCapableSupporter": false, "orphan": true, "careSetting": "institution",
                "childCategory": "disabledOrIll", "incomes": [{"kind": "onlyChildBonus", "monthlyFen": 3000}]
              }],
              "assets": {"financialFen": 5, "vehicles": 1, "residentialProperties": 2, "ownsBusiness": true},
              "annualRigidExpensesFen": {"medical": 1, "education": 2, "rehabilitation": 3, "disaster": 4}
            }
            """#
        let request = try AssessmentRequest(jsonData: Data(json.utf8))
        let expected = AssessmentRequest(
            region: "320402001", month: PolicyFixtures.ym("2021-06"),
            members: [
                AssessmentRequest.Member(
                    birthDate: CivilDate("1950-03-07")!, sex: .female, hukou: .rural, disabilityGrade: 3,
                    disabilityKind: .mental,
                    seriousIllness: true, selfCare: .none, laborCapacity: .partial, hasCapableSupporter: false,
                    orphan: true,
                    careSetting: .institution, childCategory: .disabledOrIll,
                    incomes: [PolicyFixtures.income(.onlyChildBonus, 3000)])
            ],
            assets: .init(financialFen: Fen(5), vehicles: 1, residentialProperties: 2, ownsBusiness: true),
            annualRigidExpensesFen: .init(medical: Fen(1), education: Fen(2), rehabilitation: Fen(3), disaster: Fen(4)))
        #expect(request == expected)
    }

    @Test func nullIsAllowedWhereTheDefaultIsNull() throws {
        let json = Self.member(
            #""disabilityGrade": null, "disabilityKind": null, "careSetting": null, "childCategory": null"#)
        let m = try #require(try AssessmentRequest(jsonData: Data(json.utf8)).members.first)
        #expect(m.disabilityGrade == nil && m.disabilityKind == nil && m.careSetting == nil && m.childCategory == nil)
    }

    @Test func escapesAndAByteOrderMarkAreRead() throws {
        let json = "\u{FEFF}" + #"{"region": "\u0033204", "month": "2021-06", "members": [\#(Self.adult)]}"#
        #expect(try AssessmentRequest(jsonData: Data(json.utf8)).region == "3204")
    }

    @Test func theMessageNamesTheProblem() throws {
        let error = try #require(Self.error(Self.incomes(#"[{"kind": "salary", "monthlyFen": 1}]"#)))
        #expect(error.description.hasPrefix("members[0].incomes[0].kind: "))
        #expect(error.message.contains("salary"))
        #expect(error.message.contains("wage"))
    }
}
