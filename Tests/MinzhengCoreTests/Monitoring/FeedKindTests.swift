import Testing
import MinzhengCore

@Suite("Feed kinds: eleven feeds, their departments and fields")
struct FeedKindTests {
    @Test("the eleven feeds of CATALOG.md")
    func elevenFeeds() {
        #expect(
            FeedKind.allCases.map(\.rawValue) == [
                "death", "medicalExpense", "unemployment", "pension", "disability", "vehicle",
                "realEstate", "business", "school", "custody", "hukouMove",
            ])
        #expect(Set(FeedKind.allCases.map(\.chinese)).count == 11)
    }

    @Test(
        "each feed's owning department",
        arguments: [
            (FeedKind.death, FeedDepartment.publicSecurity), (.medicalExpense, .medicalInsurance),
            (.unemployment, .humanResources), (.pension, .humanResources), (.disability, .disabledFederation),
            (.vehicle, .publicSecurity), (.realEstate, .naturalResources), (.business, .marketRegulation),
            (.school, .education), (.custody, .justice), (.hukouMove, .publicSecurity),
        ])
    func owningDepartment(kind: FeedKind, department: FeedDepartment) {
        #expect(kind.owningDepartment == department)
        #expect(department.mayPush(kind))
    }

    @Test("deaths come from 公安 and 卫健; a department may push only its own feeds")
    func pushRights() {
        #expect(FeedDepartment.health.feedKinds == [.death])
        #expect(FeedDepartment.publicSecurity.feedKinds == [.death, .vehicle, .hukouMove])
        #expect(!FeedDepartment.medicalInsurance.mayPush(.death))
        #expect(!FeedDepartment.education.mayPush(.custody))
        #expect(FeedDepartment.allCases.allSatisfy { !$0.feedKinds.isEmpty })
    }

    @Test("department codes shared with the assistance departments are the same text")
    func sharedCodes() {
        for code in ["health", "medicalInsurance", "humanResources", "disabledFederation", "education", "justice"] {
            #expect(FeedDepartment(rawValue: code) != nil)
            #expect(Department(rawValue: code) != nil)
        }
    }

    @Test(
        "each feed has exactly the fields of CATALOG.md after sourceRecordId and idNumber (plus the disability certificate's optional validUntil)",
        arguments: [
            (FeedKind.death, ["deathDate"]),
            (.medicalExpense, ["admissionDate", "dischargeDate", "totalFen", "outOfPocketFen", "seriousIllness"]),
            (.unemployment, ["registeredDate", "status"]),
            (.pension, ["monthlyFen", "fromMonth"]),
            (.disability, ["grade", "kind", "certifiedDate", "validUntil"]),
            (.vehicle, ["registeredDate", "valueFen"]),
            (.realEstate, ["properties", "areaM2"]),
            (.business, ["registeredDate", "capitalFen", "status"]),
            (.school, ["level", "enrolledDate"]),
            (.custody, ["startDate", "endDate"]),
            (.hukouMove, ["movedOutDate", "toRegion"]),
        ])
    func fields(kind: FeedKind, fields: [String]) {
        #expect(kind.payloadFields == fields)
        #expect(kind.allFields == ["sourceRecordId", "idNumber"] + fields)
    }
}
